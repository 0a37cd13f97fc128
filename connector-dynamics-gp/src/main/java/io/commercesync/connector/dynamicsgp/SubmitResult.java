package io.commercesync.connector.dynamicsgp;

import java.util.List;
import java.util.Objects;

/**
 * What became of each transaction type of a submitted {@code <eConnect>} document.
 *
 * <pre>{@code
 * SubmitResult result = transport.submit(doc, key);
 * List<TransactionResult> retry = result.transactions().stream().filter(TransactionResult::retryable).toList();
 * }</pre>
 *
 * @param documentKey the key the document was sent under
 * @param transactions one result per transaction type, in document order
 */
public record SubmitResult(String documentKey, List<TransactionResult> transactions) {

  public SubmitResult {
    Objects.requireNonNull(documentKey, "documentKey");
    transactions = List.copyOf(transactions);
  }

  /** Whether every transaction is applied (now or earlier). */
  public boolean allApplied() {
    return transactions.stream().allMatch(TransactionResult::applied);
  }
}
