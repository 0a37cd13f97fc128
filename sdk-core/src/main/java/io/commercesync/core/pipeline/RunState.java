package io.commercesync.core.pipeline;

/** How a run ended. */
public enum RunState {
  /** Every record read was written, skipped, found unchanged or dead-lettered. */
  COMPLETED,
  /**
   * Some records are pending because a target was down (circuit open, retries exhausted on transient
   * failures); they were not dead-lettered and the next run resumes them.
   */
  PAUSED,
  /** The run could not go on (the source could not be read, the store failed); see the report's error. */
  FAILED
}
