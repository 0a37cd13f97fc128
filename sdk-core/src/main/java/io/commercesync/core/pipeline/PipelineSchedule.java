package io.commercesync.core.pipeline;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline running continuously: a run every interval (after the previous one ends), plus a run on
 * demand with {@link #trigger()} (e.g. when a webhook says something changed). Close it to stop.
 */
public final class PipelineSchedule implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineSchedule.class);

  private final String name;
  private final java.util.function.Supplier<RunReport> run;
  private final ScheduledExecutorService timer;
  private final AtomicReference<RunReport> last = new AtomicReference<>();

  PipelineSchedule(Pipeline<?, ?> pipeline, Duration interval) {
    this(pipeline.name(), pipeline::run, interval);
  }

  /** Runs {@code run} (named {@code name} in logs and threads) every {@code interval} until closed. */
  public static PipelineSchedule every(String name, Duration interval, java.util.function.Supplier<RunReport> run) {
    return new PipelineSchedule(name, run, interval);
  }

  private PipelineSchedule(String name, java.util.function.Supplier<RunReport> run, Duration interval) {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw io.commercesync.core.error.ConfigurationException.of("schedule.interval",
          "must be a positive duration (was " + interval + ")");
    }
    this.name = name;
    this.run = run;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "commercesync-schedule-" + name);
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asks for a run as soon as possible (runs never overlap). */
  public void trigger() {
    timer.execute(this::runOnce);
  }

  /** The report of the last finished run, if any. */
  public java.util.Optional<RunReport> lastReport() {
    return java.util.Optional.ofNullable(last.get());
  }

  private void runOnce() {
    try {
      last.set(run.get());
    } catch (RuntimeException e) {
      // a scheduled run must not kill the schedule; the failure is in the report of the next run
      LOG.warn("pipeline={} scheduled run failed: {}", name, e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
