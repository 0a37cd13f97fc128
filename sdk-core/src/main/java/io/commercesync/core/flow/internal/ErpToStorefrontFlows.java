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
import io.commercesync.core.spi.CatalogField;
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

  /** How long a partly filled catalog batch waits for more products (stock and prices: the pipeline's 20 ms). */
  static final java.time.Duration CATALOG_LINGER = java.time.Duration.ofMillis(500);

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
   * erased. An ERP-owned field the item carries no value for (GP has no list price on IV00101; SL no
   * descriptions) is left out of the update rather than sent empty: "no value in the ERP" never clears
   * a storefront value. Unchanged items cost no call.
   */
  public static SyncFlow catalog(Erp erp, Storefront storefront, FlowOptions o, boolean createIfMissing,
      io.commercesync.core.model.ItemStatus statusWhenCreated) {
    FlowMappings m = o.mappings();
    Mapper<Item, CatalogUpdate> toUpdate = item -> {
      Item.Builder mapped = item.toBuilder().sku(m.storefrontSku(item.sku()));
      if (!m.taxClasses().isEmpty() && item.taxClass() != null) {
        // an ERP class the table does not list is left out (null), never sent as an unknown value
        mapped.taxClass(m.taxClasses().get(item.taxClass().trim()));
      }
      Item forSku = mapped.build();
      java.util.Set<CatalogField> fields = java.util.EnumSet.noneOf(CatalogField.class);
      for (CatalogField field : m.erpCatalogFields()) {
        if (value(forSku, field) != null) {
          fields.add(field);
        }
      }
      return new CatalogUpdate(forSku, fields, java.util.Set.of(), m.catalogScope(), createIfMissing,
          statusWhenCreated);
    };
    return new PipelineFlow(Pipeline.<Item, CatalogUpdate>named(name("catalog", erp, storefront))
        .source(FlowSource.of(erp.require(ItemSource.class), name("catalog", erp, storefront))).map(toUpdate)
        .sink(storefront.require(CatalogSink.class))
        .fingerprint(ErpToStorefrontFlows::owned)
        .payloadIdentity(ErpToStorefrontFlows::owned)
        .keys((raw, u) -> IdempotencyKey.of(erp.system(), "item", raw.key(),
            "storefront-product:" + storefront.system() + ":" + PayloadHash.of(owned(u)).substring(0, 16)
                + version(raw)))
        // a storefront's product batches are bulk jobs (Magento's async bulk API, up to 5,000 operations):
        // waiting longer for a fuller batch costs nothing that matters and saves calls
        .batchLinger(CATALOG_LINGER)
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }

  /**
   * Which change of the source record an effect belongs to: absolute values (a price, a quantity, a
   * product's fields) may legitimately return to an earlier value (10, 12, then 10 again), and that
   * third write must not be mistaken for a duplicate of the first. The record's position in its source
   * moves with every change (GP {@code DEX_ROW_TS}, SL {@code LUpd_DateTime}), so it tells the two
   * apart; a re-read of the same change has the same position and is caught by the fingerprint anyway.
   */
  static String version(io.commercesync.core.pipeline.RawRecord raw) {
    return raw.position() == null || raw.position().isStart() ? ""
        : "@" + PayloadHash.of(raw.position().value()).substring(0, 12);
  }

  /** The item's value for {@code field}, or null when it has none (blank text counts as none). */
  static Object value(Item i, CatalogField field) {
    Object v = switch (field) {
      case NAME -> i.name();
      case SHORT_DESCRIPTION -> i.shortDescription();
      case LONG_DESCRIPTION -> i.longDescription();
      case UNIT_OF_MEASURE -> i.unitOfMeasure();
      case WEIGHT -> i.weight();
      case STATUS -> i.status();
      case TAX_CLASS -> i.taxClass();
      case PRICE -> i.basePrice();
    };
    return v instanceof String text && text.isBlank() ? null : v;
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
   * One ERP stock level as the inventory flow publishes it, before the storefront's own reservations are
   * known.
   *
   * @param sku the storefront sku
   * @param location the storefront location (mapped from the ERP site)
   * @param available the ERP's available quantity, negative kept
   * @param orderSiteAllocated the ERP's allocation when this is the site storefront orders are placed in
   *     ({@code mappings.defaultSite}): the part of it that may be the storefront's own open orders; else 0
   * @param safetyStock held back from the storefront
   * @param backorders whether the item stays sellable at zero
   */
  record StockLevel(String sku, String location, BigDecimal available, BigDecimal orderSiteAllocated,
      BigDecimal safetyStock, boolean backorders) {

    /**
     * What the storefront receives, given what it holds {@code reserved} for its own open orders: those
     * orders are already inside the ERP's allocation (they were sent to the ERP), and the storefront
     * subtracts its reservations again, so up to the allocation at the order site they are added back
     * — deducted once, not twice. Never below zero.
     */
    StockUpdate toUpdate(BigDecimal reserved) {
      BigDecimal addBack = reserved.min(orderSiteAllocated).max(BigDecimal.ZERO);
      BigDecimal quantity = available.add(addBack).subtract(safetyStock).max(BigDecimal.ZERO);
      return new StockUpdate(sku, location, quantity, quantity.signum() > 0 || backorders);
    }

    /** What decides the published figures (the fingerprint's input). */
    String signature() {
      if (orderSiteAllocated.signum() == 0) {
        StockUpdate u = toUpdate(BigDecimal.ZERO);
        return sku + "@" + location + "=" + u.quantity().stripTrailingZeros().toPlainString() + ":" + u.inStock();
      }
      return sku + "@" + location + "=" + available.stripTrailingZeros().toPlainString() + ":"
          + orderSiteAllocated.stripTrailingZeros().toPlainString() + ":"
          + safetyStock.stripTrailingZeros().toPlainString() + ":" + backorders;
    }
  }

  /**
   * The storefront's {@link InventorySink} behind the flow: reads the storefront's open reservations for
   * the levels at the order site, then writes the final quantities in one batch.
   */
  static final class ReservationAwareStock implements io.commercesync.core.pipeline.BatchSink<StockLevel> {
    private final InventorySink sink;

    ReservationAwareStock(InventorySink sink) {
      this.sink = sink;
    }

    @Override
    public io.commercesync.core.model.SystemId system() {
      return sink.system();
    }

    @Override
    public int maxBatchSize() {
      return sink.maxBatchSize();
    }

    private java.util.Map<String, BigDecimal> reserved(java.util.List<StockLevel> levels) {
      java.util.Set<String> skus = new java.util.LinkedHashSet<>();
      levels.stream().filter(l -> l.orderSiteAllocated().signum() > 0).forEach(l -> skus.add(l.sku()));
      return skus.isEmpty() ? java.util.Map.of() : sink.openReservations(skus);
    }

    private static StockUpdate update(StockLevel level, java.util.Map<String, BigDecimal> reserved) {
      return level.toUpdate(reserved.getOrDefault(level.sku(), BigDecimal.ZERO));
    }

    @Override
    public java.util.List<BatchOutcome> writeBatch(java.util.List<Keyed<StockLevel>> records) {
      java.util.Map<String, BigDecimal> reserved = reserved(records.stream().map(Keyed::record).toList());
      return sink.writeBatch(records.stream()
          .map(k -> new Keyed<>(update(k.record(), reserved), k.key())).toList());
    }

    @Override
    public io.commercesync.core.pipeline.WriteResult write(StockLevel level,
        io.commercesync.core.pipeline.IdempotencyKey key) {
      return sink.write(update(level, reserved(java.util.List.of(level))), key);
    }

    @Override
    public java.util.Optional<io.commercesync.core.pipeline.WriteResult> lookup(StockLevel level,
        io.commercesync.core.pipeline.IdempotencyKey key) {
      return sink.lookup(update(level, reserved(java.util.List.of(level))), key);
    }
  }

  /**
   * InventoryToStorefront: ERP quantities per warehouse become storefront stock per source, for mapped
   * warehouses only: sellable = available (on hand − allocated, as the ERP computes it) − safety stock,
   * never below zero (a negative ERP figure is published as 0, with a warning). For a storefront that
   * reserves stock for its own open orders (Magento MSI), what it holds reserved is added back up to the
   * ERP's allocation at the site storefront orders go to ({@code mappings.defaultSite}), so those orders
   * are deducted once. Sent in batches; unchanged quantities cost no call.
   */
  public static SyncFlow inventory(Erp erp, Storefront storefront, FlowOptions o) {
    FlowMappings m = o.mappings();
    String orderSite = m.defaultSite();
    Mapper<InventoryLevel, StockLevel> toStock = level -> {
      String location = m.stockSources().isEmpty() ? level.location() : m.stockSources().get(level.location());
      if (location == null) {
        return null;
      }
      if (level.available().signum() < 0) {
        LOG.warn("flow=inventory sku={} site={} available={} is negative in {}; published as 0",
            level.sku(), level.location(), level.available(), erp.system());
      }
      BigDecimal allocated = orderSite != null && orderSite.equals(level.location()) && level.allocated() != null
          ? level.allocated().max(BigDecimal.ZERO) : BigDecimal.ZERO;
      return new StockLevel(m.storefrontSku(level.sku()), location, level.available(), allocated, m.safetyStock(),
          m.backorders());
    };
    return new PipelineFlow(Pipeline.<InventoryLevel, StockLevel>named(name("inventory", erp, storefront))
        .source(FlowSource.of(erp.require(InventorySource.class), name("inventory", erp, storefront))).map(toStock)
        .sink(new ReservationAwareStock(storefront.require(InventorySink.class)))
        .orderedBy(raw -> raw.key())
        .fingerprint(StockLevel::signature)
        .payloadIdentity(StockLevel::signature)
        .keys((raw, s) -> IdempotencyKey.of(erp.system(), "stock", raw.key(), "storefront-stock:" + storefront.system()
            + ":" + PayloadHash.of(s.signature()).substring(0, 16) + version(raw)))
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
            "storefront-price:" + storefront.system() + ":" + PayloadHash.of(p).substring(0, 16) + version(raw)))
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }
}
