package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;

/** {@code lineItems[]} of an order: the brief's {@code sku, name, quantity, unitPrice, taxAmount, discountAmount} [B] + {@code lineId} [P]. */
public record V1LineItem(
    String lineId,
    String sku,
    String name,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal quantity,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal unitPrice,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal taxAmount,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal discountAmount) {}
