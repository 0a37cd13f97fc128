package io.commercesync.core.flow.internal;

import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.PipelineSchedule;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.state.DeadLetterFilter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Several flows run one after the other as one, with one combined report. */
public final class CompositeFlow implements SyncFlow {

  private final String name;
  private final List<SyncFlow> parts;

  public CompositeFlow(String name, List<SyncFlow> parts) {
    this.name = name;
    this.parts = List.copyOf(parts);
  }

  @Override
  public String name() {
    return name;
  }

  public List<SyncFlow> parts() {
    return parts;
  }

  @Override
  public RunReport runOnce() {
    List<RunReport> reports = new ArrayList<>();
    for (SyncFlow part : parts) {
      reports.add(part.runOnce());
    }
    return combine(name, reports);
  }

  @Override
  public RunReport reconcile() {
    List<RunReport> reports = new ArrayList<>();
    for (SyncFlow part : parts) {
      reports.add(part.reconcile());
    }
    return combine(name, reports);
  }

  @Override
  public PipelineSchedule schedule(Duration interval) {
    return PipelineSchedule.every(name, interval, this::runOnce);
  }

  @Override
  public RunReport process(String key) {
    List<RunReport> reports = new ArrayList<>();
    for (SyncFlow part : parts) {
      reports.add(part.process(key));
    }
    return combine(name, reports);
  }

  @Override
  public RunReport replay(DeadLetterFilter filter) {
    List<RunReport> reports = new ArrayList<>();
    for (SyncFlow part : parts) {
      reports.add(part.replay(filter));
    }
    return combine(name, reports);
  }

  /** One report summing {@code reports}; the state is the worst of theirs. */
  public static RunReport combine(String name, List<RunReport> reports) {
    RunState state = RunState.COMPLETED;
    Instant start = null;
    Instant end = null;
    long read = 0, written = 0, dup = 0, unchanged = 0, skipped = 0, dead = 0, pending = 0, retried = 0;
    List<String> errors = new ArrayList<>();
    for (RunReport r : reports) {
      if (r.state().ordinal() > state.ordinal()) {
        state = r.state();
      }
      start = start == null || r.startedAt().isBefore(start) ? r.startedAt() : start;
      end = end == null || r.finishedAt().isAfter(end) ? r.finishedAt() : end;
      read += r.read();
      written += r.written();
      dup += r.duplicatesPrevented();
      unchanged += r.unchanged();
      skipped += r.skipped();
      dead += r.deadLettered();
      pending += r.pending();
      retried += r.retried();
      if (r.error() != null) {
        errors.add(r.pipeline() + ": " + r.error());
      }
    }
    Instant now = Instant.now();
    return new RunReport(name, UUID.randomUUID().toString(), state, start == null ? now : start, end == null ? now : end,
        read, written, dup, unchanged, skipped, dead, pending, retried, null,
        errors.isEmpty() ? null : String.join("; ", errors), Map.of());
  }
}
