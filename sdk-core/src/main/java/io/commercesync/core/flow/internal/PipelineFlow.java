package io.commercesync.core.flow.internal;

import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.PipelineSchedule;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.state.DeadLetterFilter;
import java.time.Duration;

/** A {@link SyncFlow} that is one pipeline. */
public final class PipelineFlow implements SyncFlow {

  private final Pipeline<?, ?> pipeline;

  public PipelineFlow(Pipeline<?, ?> pipeline) {
    this.pipeline = pipeline;
  }

  @Override
  public String name() {
    return pipeline.name();
  }

  @Override
  public RunReport runOnce() {
    return pipeline.run();
  }

  @Override
  public RunReport reconcile() {
    return pipeline.reconcile();
  }

  @Override
  public PipelineSchedule schedule(Duration interval) {
    return pipeline.schedule(interval);
  }

  @Override
  public RunReport process(String key) {
    return pipeline.process(key);
  }

  @Override
  public RunReport replay(DeadLetterFilter filter) {
    return pipeline.replay(filter);
  }
}
