package io.commercesync.core.flow.internal;

import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Mapper;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.internal.PayloadHash;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.InventorySource;
import io.commercesync.core.spi.InvoiceSink;
import io.commercesync.core.spi.InvoiceSource;
import io.commercesync.core.spi.ItemSource;
import io.commercesync.core.spi.PriceSink;
import io.commercesync.core.spi.PriceSource;
import io.commercesync.core.spi.ShipmentSink;
import io.commercesync.core.spi.ShipmentSource;
import io.commercesync.core.spi.StockUpdate;
import io.commercesync.core.spi.Storefront;
import java.math.BigDecimal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flows from the ERP to the storefront: shipments, invoices, catalog, stock and prices. The last
 * three are delta flows: a fingerprint of exactly what is sent makes an unchanged record cost no call,
 * and each change is its own effect (its key carries the fingerprint).
 */
public final class ErpToStorefrontFlows {

  private static final Logger LOG = LoggerFactory.getLogger(ErpToStorefrontFlows.class);

  private ErpToStorefrontFlows() {}

  private static String name(String flow, Erp erp, Storefront storefront) {
    return flow + ":" + erp.system() + ">" + storefront.system();
  }

  /**
   * FulfillmentToStorefront: ERP shipments, with every tracking number, become storefront shipments.
   * Shipments of orders that are not this storefront's are skipped ({@link StorefrontOrders}); shipment
   * lines are matched back to the storefront order's lines.
   */
  public static SyncFlow fulfillment(Erp erp, Storefront storefront, FlowOptions o) {
    FlowMappings m = o.mappings();
    StorefrontOrders orders = new StorefrontOrders(storefront, erp, o);
    Mapper<Shipment, Shipment> toStorefront = shipment -> {
      String number = shipment.orderNumber();
      boolean sent = orders.sentByThisPair(number);
      Optional<Order> order = !sent || !shipment.lines().isEmpty() ? orders.order(number) : Optional.empty();
      if (!sent && order.isEmpty()) {
        LOG.debug("flow=fulfillment shipment={} order={} is not an order of {}: skipped", shipment.refs(), number,
            storefront.system());
        return null;
      }
      String source = shipment.location() == null ? null : m.stockSources().get(shipment.location());
      return shipment.toBuilder().location(source != null ? source : shipment.location())
          .lines(order.map(x -> StorefrontOrders.match(shipment.lines(), x, m)).orElseGet(() ->
              shipment.lines().stream().map(l -> io.commercesync.core.model.ShipmentLine.of(
                  m.storefrontSku(l.sku()), l.quantity(), null)).toList()))
          .build();
    };
    return new PipelineFlow(Pipeline.<Shipment, Shipment>named(name("fulfillment", erp, storefront))
        .source(FlowSource.of(erp.require(ShipmentSource.class), name("fulfillment", erp, storefront))).map(toStorefront)
        .sink(storefront.require(ShipmentSink.class))
        .keys((raw, s) -> IdempotencyKey.of(erp.system(), "shipment", raw.key(), "storefront-shipment:" + storefront.system()))
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }

  /**
   * InvoicesToStorefront: posted ERP invoices of storefront orders, with their balance due, become
   * storefront invoices. Invoices that belong to no order of this storefront ({@link StorefrontOrders})
   * are skipped. A changed balance is
   * a new effect (the key carries it).
   */
  public static SyncFlow invoices(Erp erp, Storefront storefront, FlowOptions o) {
    StorefrontOrders orders = new StorefrontOrders(storefront, erp, o);
    return new PipelineFlow(Pipeline.<Invoice, Invoice>named(name("invoices", erp, storefront))
        .source(FlowSource.of(erp.require(InvoiceSource.class), name("invoices", erp, storefront)))
        .map(invoice -> invoice.orderNumber() == null
            || !orders.sentByThisPair(invoice.orderNumber()) && orders.order(invoice.orderNumber()).isEmpty()
            ? null : invoice)
        .sink(storefront.require(InvoiceSink.class))
        .keys((raw, i) -> IdempotencyKey.of(erp.system(), "invoice", raw.key(),
            "storefront-invoice:" + storefront.system() + ":" + i.balanceDue().amount().stripTrailingZeros().toPlainString()))
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }

  /**
   * CatalogToStorefront: ERP items become storefront products, sending only the ERP-owned fields, in the
   * configured scope (global {@code all} by default), so content enriched on the storefront is never
   * erased. Unchanged items cost no call.
   */
  public static SyncFlow catalog(Erp erp, Storefront storefront, FlowOptions o, boolean createIfMissing,
      io.commercesync.core.model.ItemStatus statusWhenCreated) {
    FlowMappings m = o.mappings();
    Mapper<Item, CatalogUpdate> toUpdate = item ->
        new CatalogUpdate(item.toBuilder().sku(m.storefrontSku(item.sku())).build(), m.erpCatalogFields(),
            java.util.Set.of(), m.catalogScope(), createIfMissing, statusWhenCreated);
    return new PipelineFlow(Pipeline.<Item, CatalogUpdate>named(name("catalog", erp, storefront))
        .source(FlowSource.of(erp.require(ItemSource.class), name("catalog", erp, storefront))).map(toUpdate)
        .sink(storefront.require(CatalogSink.class))
        .fingerprint(ErpToStorefrontFlows::owned)
        .payloadIdentity(ErpToStorefrontFlows::owned)
        .keys((raw, u) -> IdempotencyKey.of(erp.system(), "item", raw.key(),
            "storefront-product:" + storefront.system() + ":" + PayloadHash.of(owned(u)).substring(0, 16)))
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }

  /** The fields of an update the storefront will receive, and nothing else: the fingerprint's input. */
  static String owned(CatalogUpdate u) {
    Item i = u.item();
    StringBuilder out = new StringBuilder(u.scope()).append('|').append(i.sku());
    for (var field : new java.util.TreeSet<>(u.fields())) {
      out.append('|').append(field).append('=').append(switch (field) {
        case NAME -> i.name();
        case SHORT_DESCRIPTION -> i.shortDescription();
        case LONG_DESCRIPTION -> i.longDescription();
        case UNIT_OF_MEASURE -> i.unitOfMeasure();
        case WEIGHT -> i.weight() == null ? null : i.weight().stripTrailingZeros().toPlainString();
        case STATUS -> i.status();
        case TAX_CLASS -> i.taxClass();
        case PRICE -> i.basePrice() == null ? null : i.basePrice().toString();
      });
    }
    return out.toString();
  }

  /**
   * InventoryToStorefront: ERP quantities per warehouse become storefront stock per source, for mapped
   * warehouses only: sellable = available (on hand − allocated, as the ERP computes it) − safety stock,
   * never below zero (a negative ERP figure is published as 0, with a warning). Sent in batches;
   * unchanged quantities cost no call.
   */
  public static SyncFlow inventory(Erp erp, Storefront storefront, FlowOptions o) {
    FlowMappings m = o.mappings();
    Mapper<InventoryLevel, StockUpdate> toStock = level -> {
      String location = m.stockSources().isEmpty() ? level.location() : m.stockSources().get(level.location());
      if (location == null) {
        return null;
      }
      if (level.available().signum() < 0) {
        LOG.warn("flow=inventory sku={} site={} available={} is negative in {}; published as 0",
            level.sku(), level.location(), level.available(), erp.system());
      }
      BigDecimal quantity = level.sellable().subtract(m.safetyStock()).max(BigDecimal.ZERO);
      return new StockUpdate(m.storefrontSku(level.sku()), location, quantity, quantity.signum() > 0 || m.backorders());
    };
    return new PipelineFlow(Pipeline.<InventoryLevel, StockUpdate>named(name("inventory", erp, storefront))
        .source(FlowSource.of(erp.require(InventorySource.class), name("inventory", erp, storefront))).map(toStock)
        .sink(storefront.require(InventorySink.class))
        .orderedBy(raw -> raw.key())
        .fingerprint(s -> s.sku() + "@" + s.location() + "=" + s.quantity().stripTrailingZeros().toPlainString() + ":" + s.inStock())
        .keys((raw, s) -> IdempotencyKey.of(erp.system(), "stock", raw.key(), "storefront-stock:" + storefront.system()
            + ":" + s.quantity().stripTrailingZeros().toPlainString() + ":" + s.inStock()))
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }

  /**
   * PricesToStorefront: ERP price levels become storefront base, tier and customer-group prices in
   * batches. A price without level, or of the configured base level ({@code mappings.basePriceList}),
   * is the base price; another level maps to a storefront customer group ({@code mappings.customerGroups})
   * and is skipped when it has none.
   */
  public static SyncFlow prices(Erp erp, Storefront storefront, FlowOptions o) {
    FlowMappings m = o.mappings();
    Mapper<Price, Price> toStorefront = price -> {
      Price forSku = price.toBuilder().sku(m.storefrontSku(price.sku())).build();
      if (price.priceList() == null || price.priceList().isBlank() || price.priceList().equals(m.basePriceList())) {
        return forSku.toBuilder().priceList(null).build();
      }
      String group = m.customerGroups().get(price.priceList());
      return group == null ? null : forSku.toBuilder().customerGroup(group).priceList(null).build();
    };
    return new PipelineFlow(Pipeline.<Price, Price>named(name("prices", erp, storefront))
        .source(FlowSource.of(erp.require(PriceSource.class), name("prices", erp, storefront))).map(toStorefront)
        .sink(storefront.require(PriceSink.class))
        .fingerprint(p -> p)
        .keys((raw, p) -> IdempotencyKey.of(erp.system(), "price", raw.key(),
            "storefront-price:" + storefront.system() + ":" + PayloadHash.of(p).substring(0, 16)))
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }
}
