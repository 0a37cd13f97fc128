package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /V1/orders/{id}/comments}: {@code {"statusHistory":{...}}} (camelCase wrapper).
 * {@code status} is always sent: omitting it nulled the order status on some 2.4 versions (#34180).
 */
public record StatusHistoryRequestDto(@JsonProperty("statusHistory") Entry statusHistory) {

  /** {@code statusHistory}: 0/1 integer flags. */
  public record Entry(
      String comment,
      Integer isCustomerNotified,
      Integer isVisibleOnFront,
      Long parentId,
      String status) {}
}
