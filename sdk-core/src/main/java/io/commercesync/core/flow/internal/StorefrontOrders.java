package io.commercesync.core.flow.internal;

import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.Storefront;
import io.commercesync.core.state.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the ERP-to-storefront document flows (fulfilment, invoices) know about the storefront's orders.
 *
 * <p>An ERP holds documents of orders that never came from this storefront: phone orders, another
 * storefront's orders (one ERP, two shops), orders from before the integration. A document belongs to
 * this storefront when this pair's orders flow sent its order to the ERP (its idempotency ledger says so,
 * no call needed), or else when the storefront itself has an order with that number (orders sent before
 * CommerceSync). Other documents are skipped, not dead-lettered: they are nobody's error.
 *
 * <p>An ERP's shipment lines name ERP items and the ERP's own line references, which mean nothing to the
 * storefront; they are matched back to the storefront order's lines through the sku table, so a sku
 * table that maps several storefront skus onto one ERP item still ships the right line.
 */
final class StorefrontOrders {

  private final Storefront storefront;
  private final Erp erp;
  private final FlowOptions options;
  private final OrderSource orders;

  StorefrontOrders(Storefront storefront, Erp erp, FlowOptions options) {
    this.storefront = storefront;
    this.erp = erp;
    this.options = options;
    this.orders = storefront.capability(OrderSource.class).orElse(null);
  }

  /** Whether this pair's orders flow sent order {@code number} to the ERP (or is sending it). */
  boolean sentByThisPair(String number) {
    Optional<LedgerEntry> entry = options.store().ledger().get(
        IdempotencyKey.of(storefront.system(), "order", number, "erp-sales-order:" + erp.system()));
    return entry.isPresent() && entry.get().state() != LedgerEntry.State.FAILED;
  }

  /** The storefront's order {@code number}, read through its API; empty when it has none. */
  Optional<Order> order(String number) {
    if (orders == null || number == null) {
      return Optional.empty();
    }
    Optional<RawRecord> raw = options.resilience().call(storefront.system(), () -> orders.fetch(number));
    return raw.map(orders::decode);
  }

  /**
   * The storefront order lines an ERP shipment's lines stand for: each ERP line is matched to the first
   * not yet matched storefront line (of those the orders flow sends) whose sku maps to the ERP line's item;
   * an unmatched line keeps the sku the table gives back and no line id.
   */
  static List<ShipmentLine> match(List<ShipmentLine> erpLines, Order order, FlowMappings m) {
    List<OrderLine> candidates = new ArrayList<>(OrderLines.forErp(order));
    List<ShipmentLine> out = new ArrayList<>();
    for (ShipmentLine line : erpLines) {
      String item = line.sku() == null ? "" : line.sku().trim().toUpperCase(Locale.ROOT);
      Optional<OrderLine> hit = candidates.stream()
          .filter(c -> m.skus().getOrDefault(c.sku(), c.sku()).trim().toUpperCase(Locale.ROOT).equals(item))
          .findFirst();
      if (hit.isPresent()) {
        candidates.remove(hit.get());
        out.add(ShipmentLine.of(hit.get().sku(), line.quantity(), hit.get().sourceLineId()));
      } else {
        out.add(ShipmentLine.of(m.storefrontSku(line.sku()), line.quantity(), null));
      }
    }
    return out;
  }
}
