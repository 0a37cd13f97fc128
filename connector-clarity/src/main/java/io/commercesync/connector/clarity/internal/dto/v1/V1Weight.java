package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;

/** {@code weight { value, unit }} of a product or package. */
public record V1Weight(@JsonDeserialize(using = StrictAmount.class) BigDecimal value, String unit) {}
