package io.commercesync.connector.magento.internal.dto;

/**
 * One of {@code status_histories[]}: {@code comment} may be null, {@code is_customer_notified} is 0/1/null,
 * {@code entity_name} is {@code order}, {@code invoice}, {@code shipment} or {@code creditmemo}.
 */
public record StatusHistoryDto(
    Long entityId,
    Long parentId,
    String comment,
    String status,
    String createdAt,
    String entityName,
    Integer isCustomerNotified,
    Integer isVisibleOnFront) {}
