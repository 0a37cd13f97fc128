package io.commercesync.core.resilience.internal;

import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RateLimitExceededException;
import dev.failsafe.RateLimiter;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.failsafe.spi.Scheduler;
import io.commercesync.core.error.CallRejectedException;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.BreakerState;
import io.commercesync.core.resilience.ResilienceListener;
import io.commercesync.core.resilience.SystemPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Failsafe policies of one system, composed as Retry(CircuitBreaker(RateLimiter(Bulkhead(Timeout(call))))).
 * The breaker, rate limiter and bulkhead are shared by every call to the system, whichever pipeline
 * makes it. Calls on the caller's thread get their timeout from the shared {@link CallWatchdog} instead of
 * Failsafe's {@code Timeout}, which costs a scheduled task per call.
 */
public final class SystemGuard {

  private final SystemId system;
  private final SystemPolicy policy;
  private final CircuitBreaker<Object> breaker;
  private final RateLimiter<Object> rateLimiter;
  private final FailsafeExecutor<Object> executor;
  private final FailsafeExecutor<Object> callerThread;
  private final FailsafeExecutor<Object> reads;

  public SystemGuard(SystemPolicy policy, ResilienceListener listener, Scheduler scheduler) {
    this.system = policy.system();
    this.policy = policy;
    RetryDelays delays = new RetryDelays(policy.retry(), () -> ThreadLocalRandom.current().nextDouble());
    RetryPolicy<Object> retry = RetryPolicy.builder()
        .handleIf((result, failure) -> failure != null && transientFailure(failure))
        .abortIf((result, failure) -> failure instanceof CircuitBreakerOpenException)
        .withMaxAttempts(policy.retry().maxAttempts())
        .withMaxDuration(policy.retry().maxDuration())
        .withDelayFn(ctx -> delays.delay(ctx.getAttemptCount(), ctx.getLastException()))
        .onRetryScheduled(e -> listener.retryScheduled(system, e.getAttemptCount(), e.getDelay(), e.getLastException()))
        .build();
    this.breaker = CircuitBreaker.builder()
        .handleIf((result, failure) -> failure != null && transientFailure(failure))
        .withFailureThreshold(policy.breaker().failureThreshold(), policy.breaker().window())
        .withDelay(policy.breaker().openDelay())
        .withSuccessThreshold(policy.breaker().successThreshold())
        .onOpen(e -> listener.breakerStateChanged(system, BreakerState.OPEN))
        .onHalfOpen(e -> listener.breakerStateChanged(system, BreakerState.HALF_OPEN))
        .onClose(e -> listener.breakerStateChanged(system, BreakerState.CLOSED))
        .build();
    long periodNanos = Math.max(1L, (long) (1_000_000_000L / policy.requestsPerSecond()));
    this.rateLimiter = RateLimiter.smoothBuilder(Duration.ofNanos(periodNanos))
        .withMaxWaitTime(policy.maxPermitWait())
        .build();
    Bulkhead<Object> bulkhead = Bulkhead.builder(policy.maxConcurrentCalls())
        .withMaxWaitTime(policy.maxPermitWait())
        .build();
    Timeout<Object> timeout = Timeout.builder(policy.callTimeout()).withInterrupt().build();
    this.executor = Failsafe.with(retry, breaker, rateLimiter, bulkhead, timeout).with(scheduler);
    this.callerThread = Failsafe.with(retry, breaker, rateLimiter, bulkhead);
    this.reads = Failsafe.with(retry, breaker);
  }

  /** Whether a failure is worth retrying and counts against the breaker. */
  public static boolean transientFailure(Throwable failure) {
    Throwable f = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (f instanceof CallRejectedException) {
      return false;
    }
    if (f instanceof CommerceSyncException cse) {
      return cse.retryable();
    }
    return f instanceof TimeoutExceededException || f instanceof IOException;
  }

  public SystemPolicy policy() {
    return policy;
  }

  public RateLimiter<Object> rateLimiter() {
    return rateLimiter;
  }

  public <T> CompletableFuture<T> callAsync(Callable<T> call) {
    CompletableFuture<Object> raw = executor.getAsync(call::call);
    CompletableFuture<T> result = new CompletableFuture<>();
    raw.whenComplete((value, failure) -> {
      if (failure == null) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        result.complete(typed);
      } else {
        result.completeExceptionally(translate(failure));
      }
    });
    return result;
  }

  /**
   * Runs {@code call} on the calling thread under the same policies; retry waits block the caller.
   * Cheap when nothing fails: no thread hand-off.
   */
  public <T> T call(Callable<T> call) {
    return run(callerThread, () -> within(call));
  }

  /**
   * One attempt under the call timeout: past the deadline the caller is interrupted and a failure becomes
   * a retryable timeout. A result that arrives after the deadline is still returned: the remote system
   * answered, and calling it a failure would only make the write be tried again.
   */
  private <T> T within(Callable<T> call) throws Exception {
    CallWatchdog.Watch watch = CallWatchdog.SHARED.watch(policy.callTimeout());
    T result;
    try {
      result = call.call();
    } catch (Exception | Error e) {
      if (CallWatchdog.SHARED.finish(watch)) {
        throw timedOut(e);
      }
      throw e;
    }
    CallWatchdog.SHARED.finish(watch);
    return result;
  }

  private RemoteSystemException timedOut(Throwable cause) {
    return RemoteSystemException.builder(system, "call")
        .remoteMessage("attempt exceeded the call timeout of " + policy.callTimeout().toMillis() + " ms")
        .cause(cause).buildTransport(true);
  }

  /**
   * Runs a read step (a source's next page) with retries and the breaker only: the caller does not
   * know which steps are remote calls, so rate limit, bulkhead and timeout are left to the connector.
   */
  public <T> T read(Callable<T> call) {
    return run(reads, call);
  }

  private <T> T run(FailsafeExecutor<Object> with, Callable<T> call) {
    try {
      @SuppressWarnings("unchecked")
      T result = (T) with.get(call::call);
      return result;
    } catch (dev.failsafe.FailsafeException e) {
      Throwable translated = translate(e.getCause() != null ? e.getCause() : e);
      if (translated instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(system + ": call failed with a checked exception", translated);
    } catch (RuntimeException e) {
      Throwable translated = translate(e);
      if (translated instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private Throwable translate(Throwable failure) {
    Throwable f = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (f instanceof CircuitBreakerOpenException e) {
      return new CallRejectedException(system, CallRejectedException.Reason.CIRCUIT_OPEN, e);
    }
    if (f instanceof RateLimitExceededException e) {
      return new CallRejectedException(system, CallRejectedException.Reason.RATE_LIMITED_LOCALLY, e);
    }
    if (f instanceof BulkheadFullException e) {
      return new CallRejectedException(system, CallRejectedException.Reason.BULKHEAD_FULL, e);
    }
    if (f instanceof TimeoutExceededException e) {
      return timedOut(e);
    }
    if (f instanceof IOException e) {
      return RemoteSystemException.builder(system, "call")
          .remoteMessage(e.getClass().getSimpleName() + ": " + e.getMessage()).cause(e).buildTransport(false);
    }
    return f;
  }

  /** The breaker's state; an open breaker whose delay has elapsed reports half-open (the next call probes). */
  public BreakerState breakerState() {
    return switch (breaker.getState()) {
      case CLOSED -> BreakerState.CLOSED;
      case OPEN -> breaker.getRemainingDelay().isZero() ? BreakerState.HALF_OPEN : BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
    };
  }

  public void closeBreaker() {
    breaker.close();
  }

  public void openBreaker() {
    breaker.open();
  }

  public void halfOpenBreaker() {
    breaker.halfOpen();
  }
}
