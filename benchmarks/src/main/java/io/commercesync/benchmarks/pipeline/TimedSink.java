package io.commercesync.benchmarks.pipeline;

import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Sink;
import io.commercesync.core.pipeline.WriteResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A sink that takes a fixed latency per call (zero: as fast as memory) and counts what it applied. */
final class TimedSink implements Sink<SyntheticSource.Item> {

  static final SystemId SYSTEM = SystemId.of("bench-sink");

  private final long latencyNanos;
  final AtomicLong applied = new AtomicLong();

  TimedSink(Duration latency) {
    this.latencyNanos = latency.toNanos();
  }

  @Override
  public SystemId system() {
    return SYSTEM;
  }

  @Override
  public WriteResult write(SyntheticSource.Item record, IdempotencyKey key) {
    if (latencyNanos > 0) {
      try {
        Thread.sleep(latencyNanos / 1_000_000, (int) (latencyNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    applied.incrementAndGet();
    return WriteResult.created(record.key());
  }

  @Override
  public Optional<WriteResult> lookup(SyntheticSource.Item record, IdempotencyKey key) {
    return Optional.empty();
  }
}
