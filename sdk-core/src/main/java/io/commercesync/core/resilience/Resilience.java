package io.commercesync.core.resilience;

import dev.failsafe.spi.Scheduler;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.internal.SystemGuard;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resilience layer: for each remote system, retries with backoff that honours {@code Retry-After},
 * a circuit breaker, a per-attempt timeout, a rate limiter and a bulkhead (Failsafe underneath). The
 * breaker, rate limiter and bulkhead of a system are shared by every call to it made through this
 * object, so share one {@code Resilience} per application.
 *
 * <pre>{@code
 * Resilience resilience = Resilience.builder()
 *     .policy(SystemPolicy.builder(SystemId.DYNAMICS_GP).requestsPerSecond(5).build())
 *     .build();
 * WriteResult r = resilience.call(SystemId.DYNAMICS_GP, () -> sink.write(order, key));
 * }</pre>
 *
 * <p>Only failures whose {@code retryable()} is true (timeouts, resets, 5xx, 429) are retried and count
 * against the breaker; while the breaker is open calls fail at once with a
 * {@link io.commercesync.core.error.CallRejectedException} and nothing is sent. Systems without an
 * explicit policy get {@link SystemPolicy#defaults(SystemId)}. Thread-safe.
 */
public final class Resilience implements AutoCloseable {

  private final Map<SystemId, SystemPolicy> policies;
  private final ResilienceListener listener;
  private final Scheduler scheduler;
  private final ExecutorService ownedPool;
  private final Map<SystemId, SystemGuard> guards = new ConcurrentHashMap<>();

  private Resilience(Builder b) {
    this.policies = Map.copyOf(b.policies);
    this.listener = b.listener;
    if (b.scheduler != null) {
      DelayScheduler custom = b.scheduler;
      this.scheduler = (callable, delay, unit) -> custom.schedule(callable, Duration.ofNanos(unit.toNanos(delay)));
      this.ownedPool = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.ownedPool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "commercesync-call-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      this.scheduler = Scheduler.of(ownedPool);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Default policies for every system, real-time scheduling. */
  public static Resilience defaults() {
    return builder().build();
  }

  /** The policy in force for {@code system}. */
  public SystemPolicy policy(SystemId system) {
    return policies.getOrDefault(system, SystemPolicy.defaults(system));
  }

  /** The guard of {@code system}; for tests in this package. */
  SystemGuard guardFor(SystemId system) {
    return guard(system);
  }

  private SystemGuard guard(SystemId system) {
    return guards.computeIfAbsent(system, s -> new SystemGuard(policy(s), listener, scheduler));
  }

  /**
   * Runs {@code call} under {@code system}'s policies, asynchronously. The future fails with the last
   * failure once retries are exhausted or the failure is permanent, or with a
   * {@link io.commercesync.core.error.CallRejectedException} when a policy refused the call.
   */
  public <T> CompletableFuture<T> callAsync(SystemId system, Callable<T> call) {
    Objects.requireNonNull(call, "call");
    return guard(system).callAsync(call);
  }

  /**
   * Runs {@code call} under {@code system}'s policies on the calling thread and returns its result;
   * CommerceSync exceptions are thrown as they are. Retry waits block the caller (the custom
   * {@link DelayScheduler} applies to {@link #callAsync} only). Without failures it costs no thread
   * hand-off.
   */
  public <T> T call(SystemId system, Callable<T> call) {
    Objects.requireNonNull(call, "call");
    return guard(system).call(call);
  }

  /**
   * Runs a read step of a source (fetching the next page) with {@code system}'s retries and breaker,
   * on the calling thread. Rate limit, bulkhead and timeout are not applied: the step may or may not
   * make a call, and the connector's client applies its own timeouts.
   */
  public <T> T read(SystemId system, Callable<T> call) {
    Objects.requireNonNull(call, "call");
    return guard(system).read(call);
  }

  /**
   * The state of {@code system}'s breaker. An open breaker whose delay has elapsed reports
   * {@link BreakerState#HALF_OPEN}: the next call is the probe.
   */
  public BreakerState breakerState(SystemId system) {
    return guard(system).breakerState();
  }

  /** Closes {@code system}'s breaker by hand (an operator knows the system is back). */
  public void closeBreaker(SystemId system) {
    guard(system).closeBreaker();
  }

  /** Opens {@code system}'s breaker by hand (planned maintenance). */
  public void openBreaker(SystemId system) {
    guard(system).openBreaker();
  }

  /** Lets the next call through as a probe, as if the open delay had elapsed. */
  public void halfOpenBreaker(SystemId system) {
    guard(system).halfOpenBreaker();
  }

  /** Whether {@code failure} is transient: retried, and counted by the breaker. */
  public static boolean isTransient(Throwable failure) {
    return SystemGuard.transientFailure(failure);
  }

  /** Whether {@code failure} is a CommerceSync exception that is not retryable. */
  public static boolean isPermanent(Throwable failure) {
    return failure instanceof CommerceSyncException e && !e.retryable();
  }

  @Override
  public void close() {
    if (ownedPool != null) {
      ownedPool.shutdown();
      try {
        ownedPool.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Builds a {@link Resilience}. Not thread-safe. */
  public static final class Builder {
    private final Map<SystemId, SystemPolicy> policies = new HashMap<>();
    private ResilienceListener listener = ResilienceListener.NONE;
    private DelayScheduler scheduler;

    private Builder() {}

    /** The policy for its system, replacing the defaults. */
    public Builder policy(SystemPolicy policy) {
      policies.put(policy.system(), Objects.requireNonNull(policy, "policy"));
      return this;
    }

    public Builder listener(ResilienceListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Where attempts run and how delays are kept; default: a daemon thread pool in real time. */
    public Builder scheduler(DelayScheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    public Resilience build() {
      return new Resilience(this);
    }
  }

}
