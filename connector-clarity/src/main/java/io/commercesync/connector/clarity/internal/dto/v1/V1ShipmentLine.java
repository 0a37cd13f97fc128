package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;

/** {@code lineItems[]} of a shipment: which order line and how many. */
public record V1ShipmentLine(
    String lineId, String sku, @JsonDeserialize(using = StrictAmount.class) BigDecimal quantity) {}
