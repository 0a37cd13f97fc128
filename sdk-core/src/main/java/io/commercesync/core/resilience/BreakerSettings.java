package io.commercesync.core.resilience;

import io.commercesync.core.error.ConfigurationException;
import java.time.Duration;

/**
 * When a system's circuit breaker opens and how it recovers. Only transient failures (timeouts, resets,
 * 5xx, 429) count; an invalid record never opens a breaker.
 *
 * @param failureThreshold failures among the last {@code window} calls that open the breaker
 * @param window how many recent calls are counted
 * @param openDelay how long it stays open before letting a probe through (half-open)
 * @param successThreshold successful probes needed to close it again
 */
public record BreakerSettings(int failureThreshold, int window, Duration openDelay, int successThreshold) {

  /** Opens after 10 failures in the last 20 calls, probes after 30 s, closes after 1 success. */
  public static final BreakerSettings DEFAULT = new BreakerSettings(10, 20, Duration.ofSeconds(30), 1);

  public BreakerSettings {
    if (failureThreshold < 1 || window < failureThreshold) {
      throw ConfigurationException.of("breaker.failureThreshold",
          "must be >= 1 and <= window " + window + " (was " + failureThreshold + ")");
    }
    if (openDelay == null || openDelay.isNegative()) {
      throw ConfigurationException.of("breaker.openDelay", "must be a duration >= 0 (was " + openDelay + ")");
    }
    if (successThreshold < 1) {
      throw ConfigurationException.of("breaker.successThreshold", "must be >= 1 (was " + successThreshold + ")");
    }
  }
}
