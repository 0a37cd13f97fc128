package io.commercesync.core.pipeline.internal;

import io.commercesync.core.pipeline.StageStats;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps a bounded, uniform sample of latencies (reservoir sampling) so percentiles cost constant memory
 * however many records a run has.
 */
final class LatencyRecorder {

  private static final int CAPACITY = 4096;

  private final long[] sample = new long[CAPACITY];
  private long count;
  private long max;

  synchronized void record(long nanos) {
    if (count < CAPACITY) {
      sample[(int) count] = nanos;
    } else {
      long slot = ThreadLocalRandom.current().nextLong(count + 1);
      if (slot < CAPACITY) {
        sample[(int) slot] = nanos;
      }
    }
    count++;
    max = Math.max(max, nanos);
  }

  synchronized StageStats stats() {
    if (count == 0) {
      return StageStats.EMPTY;
    }
    int n = (int) Math.min(count, CAPACITY);
    long[] sorted = Arrays.copyOf(sample, n);
    Arrays.sort(sorted);
    return new StageStats(count, Duration.ofNanos(at(sorted, 0.50)), Duration.ofNanos(at(sorted, 0.95)),
        Duration.ofNanos(at(sorted, 0.99)), Duration.ofNanos(max));
  }

  private static long at(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
