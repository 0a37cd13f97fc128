package io.commercesync.connector.clarity.internal.dto.v1;

import java.math.BigDecimal;

/** One absolute level of {@code POST /api/v1/inventory/levels} (sample {@code inventory-update-request.json}). */
public record V1InventoryItem(String sku, String locationCode, BigDecimal available, BigDecimal onHand) {}
