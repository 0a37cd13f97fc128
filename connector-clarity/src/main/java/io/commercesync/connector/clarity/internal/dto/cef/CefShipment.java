package io.commercesync.connector.clarity.internal.dto.cef;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code ShipmentModel} (reference §2.5 [C]): {@code TrackingNumber} varchar(100), carrier and method,
 * {@code Reference1..3}, {@code SalesOrderIDs[]}. {@code CustomKey} holds the ERP shipment id.
 */
public record CefShipment(
    @JsonProperty("ID") Integer id,
    String customKey,
    Boolean active,
    String trackingNumber,
    String carrierName,
    String shipMethod,
    String shipDate,
    String estimatedDeliveryDate,
    String reference1,
    String reference2,
    String reference3,
    @JsonProperty("SalesOrderIDs") List<Integer> salesOrderIDs,
    String updatedDate) {}
