package io.commercesync.core.resilience;

import io.commercesync.core.error.ConfigurationException;
import java.time.Duration;

/**
 * How transient failures are retried: exponential backoff with jitter, {@code Retry-After} honoured
 * (capped), a separate backoff for throttling without {@code Retry-After}, and a deadline.
 *
 * @param maxAttempts attempts in all, first included (1 = no retry)
 * @param baseDelay delay before the first retry; doubles each time
 * @param maxDelay cap on the exponential delay
 * @param jitter fraction of a delay taken off at random (0.25: 75–100 % of it), never below {@code Retry-After}
 * @param throttledBaseDelay base delay after a 429 that gave no {@code Retry-After} (e.g. Fastly)
 * @param maxRetryAfter the longest {@code Retry-After} obeyed; longer waits are capped to this
 * @param maxDuration deadline for all attempts of one call together
 */
public record RetrySettings(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    double jitter,
    Duration throttledBaseDelay,
    Duration maxRetryAfter,
    Duration maxDuration) {

  /** 5 attempts, 200 ms doubling to 30 s, 25 % jitter, 1 s when throttled, Retry-After up to 5 min, 10 min in all. */
  public static final RetrySettings DEFAULT = new RetrySettings(5, Duration.ofMillis(200), Duration.ofSeconds(30),
      0.25, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(10));

  /** No retries at all. */
  public static final RetrySettings NONE = DEFAULT.withMaxAttempts(1);

  public RetrySettings {
    if (maxAttempts < 1) {
      throw ConfigurationException.of("retry.maxAttempts", "must be >= 1 (was " + maxAttempts + ")");
    }
    nonNegative("retry.baseDelay", baseDelay);
    nonNegative("retry.maxDelay", maxDelay);
    nonNegative("retry.throttledBaseDelay", throttledBaseDelay);
    nonNegative("retry.maxRetryAfter", maxRetryAfter);
    nonNegative("retry.maxDuration", maxDuration);
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw ConfigurationException.of("retry.maxDelay", "must be >= baseDelay " + baseDelay + " (was " + maxDelay + ")");
    }
    if (jitter < 0 || jitter >= 1) {
      throw ConfigurationException.of("retry.jitter", "must be in [0, 1) (was " + jitter + ")");
    }
  }

  private static void nonNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw ConfigurationException.of(name, "must be a duration >= 0 (was " + value + ")");
    }
  }

  public RetrySettings withMaxAttempts(int value) {
    return new RetrySettings(value, baseDelay, maxDelay, jitter, throttledBaseDelay, maxRetryAfter, maxDuration);
  }

  public RetrySettings withBackoff(Duration base, Duration max) {
    return new RetrySettings(maxAttempts, base, max, jitter, throttledBaseDelay, maxRetryAfter, maxDuration);
  }

  public RetrySettings withJitter(double value) {
    return new RetrySettings(maxAttempts, baseDelay, maxDelay, value, throttledBaseDelay, maxRetryAfter, maxDuration);
  }

  public RetrySettings withThrottledBaseDelay(Duration value) {
    return new RetrySettings(maxAttempts, baseDelay, maxDelay, jitter, value, maxRetryAfter, maxDuration);
  }

  public RetrySettings withMaxRetryAfter(Duration value) {
    return new RetrySettings(maxAttempts, baseDelay, maxDelay, jitter, throttledBaseDelay, value, maxDuration);
  }

  public RetrySettings withMaxDuration(Duration value) {
    return new RetrySettings(maxAttempts, baseDelay, maxDelay, jitter, throttledBaseDelay, maxRetryAfter, value);
  }
}
