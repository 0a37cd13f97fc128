package io.commercesync.connector.clarity.internal.dto.v1;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/orders/{orderId}/shipments} body (sample {@code shipment-request.json}) and, with
 * {@code shipmentId}/{@code orderId} filled in, a shipment as read back.
 */
public record V1Shipment(
    String shipmentId,
    String orderId,
    String externalShipmentId,
    String carrier,
    String service,
    Instant shippedAt,
    Boolean notifyCustomer,
    List<V1Package> packages,
    List<V1ShipmentLine> lineItems) {}
