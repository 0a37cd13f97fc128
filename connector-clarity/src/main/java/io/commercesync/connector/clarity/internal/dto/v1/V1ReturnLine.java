package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;

/**
 * {@code lineItems[]} of a v1 return [P+]: {@code orderLineId} is the refunded order line's
 * {@code lineItems[].lineId}; {@code restock} says the goods go back to stock.
 */
public record V1ReturnLine(
    String lineId,
    String orderLineId,
    String sku,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal quantity,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal unitPrice,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal totalAmount,
    Boolean restock) {}
