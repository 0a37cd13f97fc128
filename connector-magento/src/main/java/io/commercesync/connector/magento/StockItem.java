package io.commercesync.connector.magento;

import java.math.BigDecimal;

/**
 * A legacy (single-source) stock item from {@code GET /V1/stockItems/{sku}}: {@code item_id},
 * {@code product_id}, {@code stock_id}, {@code qty}, {@code is_in_stock}, {@code manage_stock}. Updating
 * it is a no-op for configurable products or when {@code manage_stock} is off (#2392).
 *
 * @param itemId {@code item_id}, needed to update it
 * @param productId {@code product_id}
 * @param stockId {@code stock_id}
 * @param qty {@code qty}
 * @param inStock {@code is_in_stock}
 * @param manageStock {@code manage_stock}
 */
public record StockItem(long itemId, long productId, long stockId, BigDecimal qty, boolean inStock,
    boolean manageStock) {}
