package io.commercesync.connector.dynamicsgp;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one transaction type (e.g. one {@code SOPTransactionType}) of a document.
 *
 * @param key the transaction's idempotency key ({@code eConnectProcessInfo/MessageID}, or
 *     {@code documentKey#index})
 * @param type the transaction type, e.g. {@code SOPTransactionType}
 * @param documentKey GP's key of the document (SOPNUMBE, CUSTNMBR, DOCNUMBR, JRNENTRY)
 * @param status what happened
 * @param errors the eConnect errors, when it failed
 * @param errorText eConnect's error text as reported, when it failed
 */
public record TransactionResult(
    String key, String type, String documentKey, Status status, List<EConnectError> errors, String errorText) {

  /** What happened to a transaction. */
  public enum Status {
    /** Executed and committed now. */
    APPLIED,
    /** Committed earlier under the same key; not executed again. */
    ALREADY_APPLIED,
    /** Held in the agent's durable inbox because GP is unavailable; executed when it returns. */
    QUEUED,
    /** Rolled back; see {@link #errors()}. */
    FAILED
  }

  public TransactionResult {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(status, "status");
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** Applied now or earlier. */
  public boolean applied() {
    return status == Status.APPLIED || status == Status.ALREADY_APPLIED;
  }

  /** Not applied yet, and trying again may help: queued, or failed on a lock or deadlock only. */
  public boolean retryable() {
    return status == Status.QUEUED
        || (status == Status.FAILED && !errors.isEmpty() && errors.stream().allMatch(EConnectError::retryable));
  }
}
