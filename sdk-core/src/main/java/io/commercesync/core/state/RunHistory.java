package io.commercesync.core.state;

import io.commercesync.core.pipeline.RunReport;
import java.util.List;

/**
 * The reports of past runs, so an operator can ask what happened last night ({@code commercesync runs}).
 * Every pipeline run records its report here when it ends.
 */
public interface RunHistory {

  /** Keeps {@code report}. */
  void record(RunReport report);

  /** The most recent reports, newest first: of {@code pipeline}, or of every pipeline when it is null. */
  List<RunReport> recent(String pipeline, int limit);
}
