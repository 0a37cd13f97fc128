package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A product: {@code GET /api/v1/products/{sku}} (sample {@code product.json}). Images and SEO are not
 * modelled: the connector never writes them (they belong to the storefront).
 */
public record V1Product(
    String productId,
    String sku,
    String name,
    String status,
    Boolean visible,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal price,
    @JsonDeserialize(using = StrictAmount.class) BigDecimal compareAtPrice,
    String currency,
    Boolean taxable,
    String taxCode,
    String unitOfMeasure,
    V1Weight weight,
    String upc,
    Map<String, String> attributes,
    String shortDescription,
    String description,
    V1ProductInventory inventory,
    Instant createdAt,
    Instant updatedAt) {}
