package io.commercesync.connector.magento;

import java.util.List;

/**
 * {@code GET /V1/bulk/{bulkUuid}/status}: every operation of a bulk with its status, message and code.
 *
 * <pre>{@code
 * BulkStatus s = client.bulk().await(submission, Duration.ofMinutes(5));
 * s.failed().forEach(op -> log.warn("op {} failed: {}", op.id(), op.message()));
 * }</pre>
 *
 * @param bulkUuid the bulk
 * @param operations the operations
 */
public record BulkStatus(String bulkUuid, List<Operation> operations) {

  public BulkStatus {
    operations = List.copyOf(operations);
  }

  /** Whether no operation is still open. */
  public boolean done() {
    return operations.stream().noneMatch(o -> o.status() == OperationStatus.OPEN);
  }

  /** The operations that failed or were rejected. */
  public List<Operation> failed() {
    return operations.stream().filter(o -> o.status() != OperationStatus.COMPLETE
        && o.status() != OperationStatus.OPEN).toList();
  }

  /** An operation's state: Magento's codes 1–5 (reference §3). */
  public enum OperationStatus {
    /** 1. */
    COMPLETE,
    /** 2: failed, may succeed if retried. */
    RETRIABLY_FAILED,
    /** 3: failed, the input must change. */
    NOT_RETRIABLY_FAILED,
    /** 4: queued, not processed yet. */
    OPEN,
    /** 5. */
    REJECTED;

    /** The status for Magento's code; unknown codes count as open. */
    public static OperationStatus of(Integer code) {
      if (code == null) {
        return OPEN;
      }
      return switch (code) {
        case 1 -> COMPLETE;
        case 2 -> RETRIABLY_FAILED;
        case 3 -> NOT_RETRIABLY_FAILED;
        case 5 -> REJECTED;
        default -> OPEN;
      };
    }
  }

  /**
   * One operation.
   *
   * @param id the operation's index in the submitted array
   * @param status its state
   * @param message {@code result_message}, or null
   * @param errorCode {@code error_code}, or null
   */
  public record Operation(long id, OperationStatus status, String message, Integer errorCode) {}
}
