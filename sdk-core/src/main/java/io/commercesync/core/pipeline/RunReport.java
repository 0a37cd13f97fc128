package io.commercesync.core.pipeline;

import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.model.SystemId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What one run did, record by record, in numbers: every record read ends in exactly one of written,
 * duplicate prevented, unchanged, skipped, dead-lettered or pending, so
 * {@code read == written + duplicatesPrevented + unchanged + skipped + deadLettered + pending}.
 *
 * <pre>
 * orders-to-erp COMPLETED read=200 written=195 duplicates=3 unchanged=0 skipped=0 dead-lettered=2 pending=0 retried=12 in 4.21s
 * </pre>
 *
 * @param pipeline the pipeline's name
 * @param runId this run's id
 * @param state how it ended
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param read records read from the source (re-reads of the same key in one run included)
 * @param written records the sink applied in this run
 * @param duplicatesPrevented records whose effect was already present (ledger, sink lookup or the
 *     target's own duplicate detection) and were not applied again
 * @param unchanged records skipped because their fingerprint matched what was last sent (no API call)
 * @param skipped records the mapper chose to skip
 * @param deadLettered records that failed permanently and went to the dead-letter store
 * @param pending records left for a later run because a target was unavailable
 * @param retried retry attempts made (all records together)
 * @param checkpoint the cursor saved at the end, or null if none
 * @param error why the run failed, for {@link RunState#FAILED}, else null
 * @param stages latency per stage ({@code decode}, {@code map}, {@code validate}, {@code ledger},
 *     {@code write}, {@code total})
 */
public record RunReport(
    String pipeline,
    String runId,
    RunState state,
    Instant startedAt,
    Instant finishedAt,
    long read,
    long written,
    long duplicatesPrevented,
    long unchanged,
    long skipped,
    long deadLettered,
    long pending,
    long retried,
    String checkpoint,
    String error,
    Map<String, StageStats> stages) {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.CANONICAL).build();

  public RunReport {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(state, "state");
    stages = stages == null ? Map.of() : Map.copyOf(stages);
  }

  /** How long the run took. */
  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /** Whether the counts account for every record read. */
  public boolean balanced() {
    return read == written + duplicatesPrevented + unchanged + skipped + deadLettered + pending;
  }

  /** The report as JSON. */
  public String toJson() {
    return JSON.writePretty(this);
  }

  /** One line for people and logs. */
  public String summary() {
    return String.format(java.util.Locale.ROOT,
        "%s %s read=%d written=%d duplicates=%d unchanged=%d skipped=%d dead-lettered=%d pending=%d retried=%d in %.2fs",
        pipeline, state, read, written, duplicatesPrevented, unchanged, skipped, deadLettered, pending, retried,
        duration().toMillis() / 1000.0);
  }

  @Override
  public String toString() {
    return summary();
  }
}
