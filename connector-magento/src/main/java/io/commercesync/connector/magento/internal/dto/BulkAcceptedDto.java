package io.commercesync.connector.magento.internal.dto;

import java.util.List;

/**
 * The 202 answer of an async/bulk call:
 * {@code {"bulk_uuid":"...","request_items":[{"id":0,"data_hash":"...","status":"accepted"}],"errors":false}}.
 */
public record BulkAcceptedDto(String bulkUuid, List<RequestItem> requestItems, Boolean errors) {

  /** One accepted (queued) operation; {@code accepted} is not success. */
  public record RequestItem(Long id, String dataHash, String status, String errorMessage) {}
}
