package io.commercesync.connector.clarity.internal.dto.v1;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The body of {@code PATCH /api/v1/products/{sku}} and {@code POST /api/v1/products}: only the fields
 * set are sent (the codec omits nulls), so "PATCH updates only the fields sent" (reference §4.2 [P])
 * keeps storefront-enriched content.
 */
public record V1ProductPatch(
    String sku,
    String name,
    String status,
    BigDecimal price,
    String currency,
    String taxCode,
    String unitOfMeasure,
    V1Weight weight,
    String upc,
    Map<String, String> attributes,
    String shortDescription,
    String description) {}
