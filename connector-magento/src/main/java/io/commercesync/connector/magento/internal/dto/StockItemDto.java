package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;

/**
 * Legacy CatalogInventory stock item ({@code GET /V1/stockItems/{sku}}): here the flags are booleans
 * ({@code is_in_stock}, {@code manage_stock}), unlike the 0/1 integers of sales entities.
 */
public record StockItemDto(
    Long itemId,
    Long productId,
    Long stockId,
    BigDecimal qty,
    Boolean isInStock,
    Boolean isQtyDecimal,
    Boolean manageStock,
    BigDecimal minQty,
    BigDecimal minSaleQty,
    BigDecimal maxSaleQty,
    Integer backorders) {}
