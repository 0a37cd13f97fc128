package io.commercesync.core.state;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A record that failed permanently, kept with everything needed to understand and replay it.
 *
 * @param id the dead letter's id in the store
 * @param flow the pipeline it failed in ({@code orders-to-erp:magento->dynamics-gp})
 * @param source the source it came from (its checkpoint name)
 * @param entity the kind of record ({@code order})
 * @param recordKey the record's key in its source ({@code 000001043})
 * @param idempotencyKey the key its write used (replays reuse it), or null when it failed before
 * @param payload the raw bytes as read (with secrets masked), or empty once retention removed them
 * @param contentType the payload's content type
 * @param canonical the canonical form as JSON, when decoding got that far, else null
 * @param errorType the exception's simple name ({@code InvalidRecordException})
 * @param errorMessage the exception's message (never a secret)
 * @param violations the field violations, one line each, for invalid records
 * @param attempts how many times it was tried
 * @param firstFailedAt first failure
 * @param lastFailedAt latest failure
 * @param status open, replayed or discarded
 * @param note why it was discarded, or the outcome of its replay
 */
public record DeadLetter(
    String id,
    String flow,
    String source,
    String entity,
    String recordKey,
    String idempotencyKey,
    byte[] payload,
    String contentType,
    String canonical,
    String errorType,
    String errorMessage,
    List<String> violations,
    int attempts,
    Instant firstFailedAt,
    Instant lastFailedAt,
    Status status,
    String note) {

  /** Where a dead letter stands. */
  public enum Status {
    /** Waiting for someone to fix and replay or discard it. */
    OPEN,
    /** Replayed successfully; kept as history. */
    REPLAYED,
    /** Discarded with a reason; kept as audit. */
    DISCARDED,
    /**
     * Closed because the same record later went through on its own (a corrected version was read again,
     * or the target now accepts it); kept as history, the note names the run.
     */
    RESOLVED
  }

  public DeadLetter {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(recordKey, "recordKey");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(firstFailedAt, "firstFailedAt");
    Objects.requireNonNull(lastFailedAt, "lastFailedAt");
    Objects.requireNonNull(status, "status");
    payload = payload == null ? new byte[0] : payload.clone();
    violations = violations == null ? List.of() : List.copyOf(violations);
    errorMessage = errorMessage == null ? "" : errorMessage;
  }

  /** A copy of the raw payload. */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** The same letter with another status and note. */
  public DeadLetter withStatus(Status newStatus, String newNote) {
    return new DeadLetter(id, flow, source, entity, recordKey, idempotencyKey, payload, contentType, canonical,
        errorType, errorMessage, violations, attempts, firstFailedAt, lastFailedAt, newStatus, newNote);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter d && Objects.equals(id, d.id) && flow.equals(d.flow)
        && Objects.equals(source, d.source) && entity.equals(d.entity) && recordKey.equals(d.recordKey)
        && Objects.equals(idempotencyKey, d.idempotencyKey) && Arrays.equals(payload, d.payload)
        && Objects.equals(contentType, d.contentType) && Objects.equals(canonical, d.canonical)
        && errorType.equals(d.errorType) && errorMessage.equals(d.errorMessage)
        && violations.equals(d.violations) && attempts == d.attempts
        && firstFailedAt.equals(d.firstFailedAt) && lastFailedAt.equals(d.lastFailedAt)
        && status == d.status && Objects.equals(note, d.note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, flow, recordKey, Arrays.hashCode(payload), status);
  }

  @Override
  public String toString() {
    return "DeadLetter[" + id + " " + flow + " " + entity + " " + recordKey + " " + status + ": " + errorType
        + " " + errorMessage + "]";
  }
}
