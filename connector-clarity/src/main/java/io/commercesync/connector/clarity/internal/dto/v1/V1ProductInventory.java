package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;

/** {@code inventory { tracked, allowBackorder, available }} of a product ({@code available} is read-only). */
public record V1ProductInventory(
    Boolean tracked, Boolean allowBackorder, @JsonDeserialize(using = StrictAmount.class) BigDecimal available) {}
