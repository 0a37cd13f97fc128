package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;

/**
 * One row of an order's {@code items[]} (OrderItemInterface). Children of configurable and bundle rows carry
 * {@code parent_item_id} and the embedded {@code parent_item}; a configurable parent row carries the chosen
 * child's {@code sku} and the amounts, the child row is priced 0; a dynamic bundle's children carry their
 * own amounts. Item {@code discount_amount} is positive. {@code is_virtual}, {@code is_qty_decimal},
 * {@code free_shipping} are 0/1 integers.
 */
public record OrderItemDto(
    Long itemId,
    Long orderId,
    Long parentItemId,
    OrderItemDto parentItem,
    Long quoteItemId,
    Long productId,
    String productType,
    String sku,
    String name,
    Integer storeId,
    BigDecimal qtyOrdered,
    BigDecimal qtyInvoiced,
    BigDecimal qtyShipped,
    BigDecimal qtyRefunded,
    BigDecimal qtyCanceled,
    BigDecimal qtyBackordered,
    BigDecimal price,
    BigDecimal basePrice,
    BigDecimal originalPrice,
    BigDecimal priceInclTax,
    BigDecimal rowTotal,
    BigDecimal baseRowTotal,
    BigDecimal rowTotalInclTax,
    BigDecimal rowInvoiced,
    BigDecimal taxAmount,
    BigDecimal baseTaxAmount,
    BigDecimal taxPercent,
    BigDecimal discountAmount,
    BigDecimal baseDiscountAmount,
    BigDecimal discountPercent,
    BigDecimal amountRefunded,
    BigDecimal rowWeight,
    BigDecimal weight,
    Integer isVirtual,
    Integer isQtyDecimal,
    Integer freeShipping,
    Integer noDiscount,
    String appliedRuleIds,
    String createdAt,
    String updatedAt,
    ProductOptionDto productOption) {}
