package io.commercesync.core.pipeline;

import java.util.Objects;

/**
 * What a sink did with one record.
 *
 * @param remoteId the target's id for what was written (GP {@code SOPNUMBE}, SL {@code OrdNbr},
 *     Magento shipment id), or the key when the target returns none
 * @param outcome created, updated, unchanged, or already applied earlier
 */
public record WriteResult(String remoteId, Outcome outcome) {

  /** What happened on the target. */
  public enum Outcome {
    /** A new record was created. */
    CREATED,
    /** An existing record was changed. */
    UPDATED,
    /** The target already held exactly this; nothing was sent or changed. */
    UNCHANGED,
    /** The effect had already been applied (found by lookup or reported as a duplicate). */
    ALREADY_APPLIED
  }

  public WriteResult {
    Objects.requireNonNull(remoteId, "remoteId");
    Objects.requireNonNull(outcome, "outcome");
  }

  public static WriteResult created(String remoteId) {
    return new WriteResult(remoteId, Outcome.CREATED);
  }

  public static WriteResult updated(String remoteId) {
    return new WriteResult(remoteId, Outcome.UPDATED);
  }

  public static WriteResult unchanged(String remoteId) {
    return new WriteResult(remoteId, Outcome.UNCHANGED);
  }

  public static WriteResult alreadyApplied(String remoteId) {
    return new WriteResult(remoteId, Outcome.ALREADY_APPLIED);
  }
}
