package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.internal.dto.OrderDto;
import io.commercesync.connector.magento.internal.dto.OrderItemDto;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A Magento order a shipment, invoice or status change refers to by its {@code increment_id}: its
 * {@code entity_id} and items, to resolve lines by {@code order_item_id} or sku.
 */
final class OrderRef {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  final long entityId;
  final OrderDto order;

  private OrderRef(OrderDto order) {
    this.entityId = order.entityId();
    this.order = order;
  }

  static OrderRef of(MagentoRecord record) {
    return new OrderRef(JSON.read(record.json(), OrderDto.class, "order"));
  }

  /** The order {@code number}, or an invalid-record error naming the entity and the field. */
  static OrderRef find(StorefrontSettings s, String number, String entity, String recordId) {
    Optional<MagentoRecord> r = s.client().orders().byIncrementId(s.store(), number);
    if (r.isEmpty()) {
      throw InvalidRecordException.of(SystemId.MAGENTO, entity, recordId, FieldViolation.of("orderNumber",
          FieldViolation.RULE_UNKNOWN_REFERENCE, number, "no Magento order has this increment_id"));
    }
    return of(r.get());
  }

  /**
   * The order item a document line means: by {@code order_item_id} when given, else the first line
   * without a parent whose sku matches (a configurable parent row carries its child's sku), else any line
   * with that sku (a bundle component shipped separately).
   */
  Optional<OrderItemDto> item(String orderLineId, String sku) {
    List<OrderItemDto> items = order.items() == null ? List.of() : order.items();
    if (orderLineId != null) {
      return items.stream().filter(i -> orderLineId.equals(String.valueOf(i.itemId()))).findFirst();
    }
    return items.stream().filter(i -> i.parentItemId() == null && sku.equals(i.sku())).findFirst()
        .or(() -> items.stream().filter(i -> sku.equals(i.sku())
            && !isConfigurableChild(i)).findFirst());
  }

  private boolean isConfigurableChild(OrderItemDto item) {
    if (item.parentItemId() == null) {
      return false;
    }
    return order.items().stream().anyMatch(p -> item.parentItemId().equals(p.itemId())
        && "configurable".equals(p.productType()));
  }

  /** Whether every sellable row is invoiced (or canceled): nothing is left to invoice. */
  boolean fullyInvoiced() {
    List<OrderItemDto> items = order.items() == null ? List.of() : order.items();
    return !items.isEmpty() && items.stream().filter(i -> i.parentItemId() == null).allMatch(i ->
        zero(i.qtyOrdered()).subtract(zero(i.qtyInvoiced())).subtract(zero(i.qtyCanceled())).signum() <= 0);
  }

  private static BigDecimal zero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  BigDecimal grandTotal() {
    return order.grandTotal();
  }
}
