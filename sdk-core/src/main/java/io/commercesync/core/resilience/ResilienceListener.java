package io.commercesync.core.resilience;

import io.commercesync.core.model.SystemId;
import java.time.Duration;

/** Typed resilience events, for metrics and tests; every method has an empty default. */
public interface ResilienceListener {

  /** A retry of a failed call was scheduled {@code delay} from now. */
  default void retryScheduled(SystemId system, int attempt, Duration delay, Throwable cause) {}

  /** A system's breaker changed state. */
  default void breakerStateChanged(SystemId system, BreakerState state) {}

  /** The listener that ignores everything. */
  ResilienceListener NONE = new ResilienceListener() {};
}
