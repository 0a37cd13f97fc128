package io.commercesync.core.pipeline;

/**
 * Typed pipeline events, for metrics, alerting and tests; log lines are not the API. Every method has an
 * empty default. Called from worker threads: keep implementations fast and thread-safe.
 */
public interface PipelineListener {

  /** A record's effect was applied by the sink. */
  default void recordWritten(String pipeline, RawRecord record, WriteResult result) {}

  /** A record's effect was already present; nothing was written. */
  default void duplicatePrevented(String pipeline, RawRecord record, String remoteId) {}

  /** A record failed permanently and was dead-lettered. */
  default void recordDeadLettered(String pipeline, RawRecord record, Throwable cause) {}

  /** A record was left pending for a later run. */
  default void recordPending(String pipeline, RawRecord record, Throwable cause) {}

  /** A run ended. */
  default void runFinished(RunReport report) {}

  /** Ignores everything. */
  PipelineListener NONE = new PipelineListener() {};
}
