package io.commercesync.core.pipeline;

/** Combines pipeline listeners. */
final class Listeners {

  private Listeners() {}

  /** Micrometer meters when Micrometer is on the class path, else nothing (and no Micrometer class loaded). */
  static PipelineListener metricsIfAvailable() {
    try {
      Class.forName("io.micrometer.core.instrument.Metrics", false, Listeners.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError absent) {
      return PipelineListener.NONE;
    }
    return io.commercesync.core.pipeline.internal.MicrometerMetrics.global();
  }

  /** A listener that tells {@code first} and then {@code second}; either may be {@link PipelineListener#NONE}. */
  static PipelineListener both(PipelineListener first, PipelineListener second) {
    if (second == PipelineListener.NONE) {
      return first;
    }
    if (first == PipelineListener.NONE) {
      return second;
    }
    return new PipelineListener() {
      @Override public void recordWritten(String p, RawRecord r, WriteResult w) {
        first.recordWritten(p, r, w);
        second.recordWritten(p, r, w);
      }

      @Override public void duplicatePrevented(String p, RawRecord r, String id) {
        first.duplicatePrevented(p, r, id);
        second.duplicatePrevented(p, r, id);
      }

      @Override public void recordDeadLettered(String p, RawRecord r, Throwable c) {
        first.recordDeadLettered(p, r, c);
        second.recordDeadLettered(p, r, c);
      }

      @Override public void recordPending(String p, RawRecord r, Throwable c) {
        first.recordPending(p, r, c);
        second.recordPending(p, r, c);
      }

      @Override public void runFinished(RunReport report) {
        first.runFinished(report);
        second.runFinished(report);
      }
    };
  }
}
