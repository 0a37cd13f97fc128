package io.commercesync.connector.magento.internal.dto;

import java.util.List;

/**
 * {@code GET /V1/bulk/{bulkUuid}/status}. Operation {@code status}: 1 complete, 2 failed-retriable,
 * 3 failed-not-retriable, 4 open, 5 rejected.
 */
public record BulkStatusDto(
    List<Operation> operationsList,
    Integer userType,
    String bulkId,
    String description,
    String startTime,
    Long userId,
    Integer operationCount) {

  /** One operation of the bulk. */
  public record Operation(Long id, Integer status, String resultMessage, Integer errorCode) {}
}
