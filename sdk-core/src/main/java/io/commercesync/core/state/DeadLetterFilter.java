package io.commercesync.core.state;

import java.time.Instant;

/**
 * Which dead letters to list or replay. Null fields match everything.
 *
 * @param flow only this flow
 * @param entity only this entity
 * @param errorType only this error type (simple class name)
 * @param status only this status
 * @param failedBefore only letters whose last failure is before this instant (age filter)
 * @param limit at most this many, newest first; 0 for no limit
 */
public record DeadLetterFilter(
    String flow, String entity, String errorType, DeadLetter.Status status, Instant failedBefore, int limit) {

  /** Every open dead letter. */
  public static final DeadLetterFilter OPEN = new DeadLetterFilter(null, null, null, DeadLetter.Status.OPEN, null, 0);

  /** Everything. */
  public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null, 0);

  public DeadLetterFilter withFlow(String value) {
    return new DeadLetterFilter(value, entity, errorType, status, failedBefore, limit);
  }

  public DeadLetterFilter withEntity(String value) {
    return new DeadLetterFilter(flow, value, errorType, status, failedBefore, limit);
  }

  public DeadLetterFilter withErrorType(String value) {
    return new DeadLetterFilter(flow, entity, value, status, failedBefore, limit);
  }

  public DeadLetterFilter withFailedBefore(Instant value) {
    return new DeadLetterFilter(flow, entity, errorType, status, value, limit);
  }

  public DeadLetterFilter withLimit(int value) {
    return new DeadLetterFilter(flow, entity, errorType, status, failedBefore, value);
  }

  /** Whether {@code letter} passes this filter. */
  public boolean matches(DeadLetter letter) {
    return (flow == null || flow.equals(letter.flow()))
        && (entity == null || entity.equals(letter.entity()))
        && (errorType == null || errorType.equals(letter.errorType()))
        && (status == null || status == letter.status())
        && (failedBefore == null || letter.lastFailedAt().isBefore(failedBefore));
  }
}
