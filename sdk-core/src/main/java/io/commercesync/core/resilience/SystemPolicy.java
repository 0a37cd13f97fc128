package io.commercesync.core.resilience;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.time.Duration;
import java.util.Objects;

/**
 * How CommerceSync protects one remote system and itself from it. Defaults (also in
 * {@code docs/pipeline.md}):
 *
 * <table>
 *   <caption>Defaults per system</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>retry</td><td>{@link RetrySettings#DEFAULT}: 5 attempts, 200 ms → 30 s, 25 % jitter, Retry-After ≤ 5 min</td></tr>
 *   <tr><td>breaker</td><td>{@link BreakerSettings#DEFAULT}: 10 of 20 calls fail → open 30 s → 1 probe</td></tr>
 *   <tr><td>callTimeout</td><td>60 s per attempt</td></tr>
 *   <tr><td>requestsPerSecond</td><td>20 (smooth)</td></tr>
 *   <tr><td>maxConcurrentCalls</td><td>8</td></tr>
 *   <tr><td>maxPermitWait</td><td>2 min (waiting for a rate or concurrency permit)</td></tr>
 * </table>
 *
 * <pre>{@code
 * SystemPolicy gp = SystemPolicy.builder(SystemId.DYNAMICS_GP)
 *     .requestsPerSecond(5).maxConcurrentCalls(2).callTimeout(Duration.ofSeconds(90)).build();
 * }</pre>
 */
public final class SystemPolicy {

  private final SystemId system;
  private final RetrySettings retry;
  private final BreakerSettings breaker;
  private final Duration callTimeout;
  private final double requestsPerSecond;
  private final int maxConcurrentCalls;
  private final Duration maxPermitWait;

  private SystemPolicy(Builder b) {
    this.system = b.system;
    this.retry = b.retry;
    this.breaker = b.breaker;
    this.callTimeout = b.callTimeout;
    this.requestsPerSecond = b.requestsPerSecond;
    this.maxConcurrentCalls = b.maxConcurrentCalls;
    this.maxPermitWait = b.maxPermitWait;
  }

  public static Builder builder(SystemId system) {
    return new Builder(system);
  }

  /** The defaults in the table above, for {@code system}. */
  public static SystemPolicy defaults(SystemId system) {
    return builder(system).build();
  }

  public Builder toBuilder() {
    return new Builder(system).retry(retry).breaker(breaker).callTimeout(callTimeout)
        .requestsPerSecond(requestsPerSecond).maxConcurrentCalls(maxConcurrentCalls).maxPermitWait(maxPermitWait);
  }

  public SystemId system() { return system; }
  public RetrySettings retry() { return retry; }
  public BreakerSettings breaker() { return breaker; }
  public Duration callTimeout() { return callTimeout; }
  public double requestsPerSecond() { return requestsPerSecond; }
  public int maxConcurrentCalls() { return maxConcurrentCalls; }
  public Duration maxPermitWait() { return maxPermitWait; }

  @Override
  public String toString() {
    return "SystemPolicy[" + system + " retry=" + retry + " breaker=" + breaker + " callTimeout=" + callTimeout
        + " rps=" + requestsPerSecond + " maxConcurrentCalls=" + maxConcurrentCalls + "]";
  }

  /** Builds a {@link SystemPolicy}; validates in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final SystemId system;
    private RetrySettings retry = RetrySettings.DEFAULT;
    private BreakerSettings breaker = BreakerSettings.DEFAULT;
    private Duration callTimeout = Duration.ofSeconds(60);
    private double requestsPerSecond = 20;
    private int maxConcurrentCalls = 8;
    private Duration maxPermitWait = Duration.ofMinutes(2);

    private Builder(SystemId system) {
      this.system = Objects.requireNonNull(system, "system");
    }

    public Builder retry(RetrySettings retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder breaker(BreakerSettings breaker) {
      this.breaker = Objects.requireNonNull(breaker, "breaker");
      return this;
    }

    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = callTimeout;
      return this;
    }

    public Builder requestsPerSecond(double requestsPerSecond) {
      this.requestsPerSecond = requestsPerSecond;
      return this;
    }

    public Builder maxConcurrentCalls(int maxConcurrentCalls) {
      this.maxConcurrentCalls = maxConcurrentCalls;
      return this;
    }

    public Builder maxPermitWait(Duration maxPermitWait) {
      this.maxPermitWait = maxPermitWait;
      return this;
    }

    public SystemPolicy build() {
      if (callTimeout == null || callTimeout.isNegative() || callTimeout.isZero()) {
        throw ConfigurationException.of(system, "callTimeout", "must be a positive duration (was " + callTimeout + ")");
      }
      if (!(requestsPerSecond > 0) || requestsPerSecond > 1_000_000) {
        throw ConfigurationException.of(system, "requestsPerSecond",
            "must be > 0 and <= 1000000 (was " + requestsPerSecond + ")");
      }
      if (maxConcurrentCalls < 1) {
        throw ConfigurationException.of(system, "maxConcurrentCalls", "must be >= 1 (was " + maxConcurrentCalls + ")");
      }
      if (maxPermitWait == null || maxPermitWait.isNegative()) {
        throw ConfigurationException.of(system, "maxPermitWait", "must be a duration >= 0 (was " + maxPermitWait + ")");
      }
      return new SystemPolicy(this);
    }
  }
}
