package io.commercesync.core.pipeline.internal;

import io.commercesync.core.pipeline.PipelineListener;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.WriteResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes pipeline meters to Micrometer's global registry. Loaded only when Micrometer is on the
 * class path (see {@link #listenerIfAvailable()}), so applications without it get no extra classes.
 *
 * <ul>
 *   <li>{@code commercesync.records} counter, tags {@code pipeline}, {@code outcome} (written,
 *       duplicate, dead_lettered, pending)
 *   <li>{@code commercesync.runs} timer, tags {@code pipeline}, {@code state}
 *   <li>{@code commercesync.run.records} gauge of the last run's counts, tags {@code pipeline},
 *       {@code outcome} (read, written, duplicate, unchanged, skipped, dead_lettered, pending, retried)
 * </ul>
 */
public final class MicrometerMetrics implements PipelineListener {

  private final MeterRegistry registry;
  private final ConcurrentHashMap<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  MicrometerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A listener publishing to Micrometer's global registry. Call it only when Micrometer is on the class
   * path ({@link io.commercesync.core.pipeline.Pipeline} checks first, from a class that does not refer to
   * Micrometer, so that applications without it never load this class).
   */
  public static PipelineListener global() {
    return new MicrometerMetrics(Metrics.globalRegistry);
  }

  private void count(String pipeline, String outcome) {
    Counter.builder("commercesync.records").tag("pipeline", pipeline).tag("outcome", outcome)
        .register(registry).increment();
  }

  @Override
  public void recordWritten(String pipeline, RawRecord record, WriteResult result) {
    count(pipeline, "written");
  }

  @Override
  public void duplicatePrevented(String pipeline, RawRecord record, String remoteId) {
    count(pipeline, "duplicate");
  }

  @Override
  public void recordDeadLettered(String pipeline, RawRecord record, Throwable cause) {
    count(pipeline, "dead_lettered");
  }

  @Override
  public void recordPending(String pipeline, RawRecord record, Throwable cause) {
    count(pipeline, "pending");
  }

  @Override
  public void runFinished(RunReport report) {
    Timer.builder("commercesync.runs").tag("pipeline", report.pipeline()).tag("state", report.state().name())
        .register(registry).record(report.duration());
    gauge(report.pipeline(), "read", report.read());
    gauge(report.pipeline(), "written", report.written());
    gauge(report.pipeline(), "duplicate", report.duplicatesPrevented());
    gauge(report.pipeline(), "unchanged", report.unchanged());
    gauge(report.pipeline(), "skipped", report.skipped());
    gauge(report.pipeline(), "dead_lettered", report.deadLettered());
    gauge(report.pipeline(), "pending", report.pending());
    gauge(report.pipeline(), "retried", report.retried());
  }

  private void gauge(String pipeline, String outcome, long value) {
    gauges.computeIfAbsent(pipeline + "|" + outcome, k -> {
      AtomicLong holder = new AtomicLong();
      io.micrometer.core.instrument.Gauge.builder("commercesync.run.records", holder, AtomicLong::get)
          .tag("pipeline", pipeline).tag("outcome", outcome).strongReference(true).register(registry);
      return holder;
    }).set(value);
  }
}
