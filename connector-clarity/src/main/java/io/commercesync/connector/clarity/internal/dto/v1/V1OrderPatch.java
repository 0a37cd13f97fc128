package io.commercesync.connector.clarity.internal.dto.v1;

/**
 * {@code PATCH /api/v1/orders/{orderId}}: {@code { "status", "erpReference" }} (reference §4.2 [P]);
 * {@code comment} and {@code notifyCustomer} are CommerceSync's additions [P].
 */
public record V1OrderPatch(String status, String erpReference, String comment, Boolean notifyCustomer) {}
