package io.commercesync.core.resilience;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;

/**
 * Runs an attempt after a delay. The default uses real time; tests inject one that records the delays
 * and runs attempts at once, so a {@code Retry-After: 12} costs no wall-clock time.
 */
@FunctionalInterface
public interface DelayScheduler {

  /** Runs {@code task} after {@code delay} (zero: as soon as possible) on a worker thread. */
  ScheduledFuture<?> schedule(Callable<?> task, Duration delay);
}
