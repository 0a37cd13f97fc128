package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;

/** {@code shippingMethod { carrier, service, amount }} of an order. */
public record V1ShippingMethod(
    String carrier, String service, @JsonDeserialize(using = StrictAmount.class) BigDecimal amount) {}
