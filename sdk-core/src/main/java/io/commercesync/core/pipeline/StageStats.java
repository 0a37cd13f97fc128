package io.commercesync.core.pipeline;

import java.time.Duration;

/**
 * Latency of one pipeline stage over a run.
 *
 * @param count how many records went through the stage
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the slowest
 */
public record StageStats(long count, Duration p50, Duration p95, Duration p99, Duration max) {

  public static final StageStats EMPTY =
      new StageStats(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
}
