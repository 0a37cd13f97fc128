package io.commercesync.core.flow;

import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStanding;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.InventorySource;
import io.commercesync.core.spi.InvoiceSink;
import io.commercesync.core.spi.InvoiceSource;
import io.commercesync.core.spi.ItemSource;
import io.commercesync.core.spi.JournalSink;
import io.commercesync.core.spi.OrderSink;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.OrderStatusSink;
import io.commercesync.core.spi.OrderStatusUpdate;
import io.commercesync.core.spi.PaymentSink;
import io.commercesync.core.spi.PriceQuote;
import io.commercesync.core.spi.PriceSink;
import io.commercesync.core.spi.PriceSource;
import io.commercesync.core.spi.RealtimeLookup;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.ReturnSink;
import io.commercesync.core.spi.ReturnSource;
import io.commercesync.core.spi.SalesOrderRequest;
import io.commercesync.core.spi.ShipmentSink;
import io.commercesync.core.spi.ShipmentSource;
import io.commercesync.core.spi.StockUpdate;
import io.commercesync.core.spi.Storefront;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** In-memory storefront and ERP connectors for flow tests: canonical records in, effects recorded. */
final class Fakes {

  static final SystemId SHOP = SystemId.of("shop");
  static final SystemId ERP = SystemId.of("erp");

  private Fakes() {}

  /** A source of canonical records, each version appended with an increasing cursor. */
  static final class RecordList<T extends Record> implements Source<T> {
    private final SystemId system;
    private final String name;
    private final String entity;
    private final Class<T> type;
    private final Function<T, String> key;
    final List<RawRecord> records = new CopyOnWriteArrayList<>();

    RecordList(SystemId system, String name, String entity, Class<T> type, Function<T, String> key) {
      this.system = system;
      this.name = name;
      this.entity = entity;
      this.type = type;
      this.key = key;
    }

    RecordList<T> add(T record) {
      records.add(RawRecord.json(key.apply(record), Cursor.of(String.format("%09d", records.size())), entity,
          CanonicalJson.write(record)));
      return this;
    }

    @Override public SystemId system() { return system; }
    @Override public String name() { return name; }

    @Override
    public RecordStream read(Cursor from) {
      return RecordStream.of(records.stream()
          .filter(r -> from.isStart() || r.position().value().compareTo(from.value()) > 0).toList());
    }

    @Override
    public T decode(RawRecord record) {
      return CanonicalJson.read(record.payload(), type);
    }

    @Override
    public Optional<RawRecord> fetch(String k) {
      RawRecord last = null;
      for (RawRecord r : records) {
        if (r.key().equals(k)) {
          last = r;
        }
      }
      return Optional.ofNullable(last);
    }
  }

  static final class Orders extends RecordListAdapter<Order> implements OrderSource {
    Orders() { super(new RecordList<>(SHOP, "shop:orders", "order", Order.class, Order::number)); }
  }

  static final class Returns extends RecordListAdapter<Return> implements ReturnSource {
    Returns() { super(new RecordList<>(SHOP, "shop:returns", "return", Return.class, Return::number)); }
  }

  static class RecordListAdapter<T extends Record> implements Source<T> {
    final RecordList<T> list;

    RecordListAdapter(RecordList<T> list) { this.list = list; }
    void add(T record) { list.add(record); }
    @Override public SystemId system() { return list.system(); }
    @Override public String name() { return list.name(); }
    @Override public RecordStream read(Cursor from) { return list.read(from); }
    @Override public T decode(RawRecord record) { return list.decode(record); }
    @Override public Optional<RawRecord> fetch(String key) { return list.fetch(key); }
  }

  /** A customer store: ids assigned as prefix + sequence unless the customer carries one. */
  static final class Customers implements CustomerStore {
    final SystemId system;
    final Map<String, Customer> byId = new ConcurrentHashMap<>();
    final AtomicInteger creates = new AtomicInteger();
    final AtomicInteger updates = new AtomicInteger();
    final RecordList<Customer> changes;
    private final AtomicInteger seq = new AtomicInteger();
    private final String prefix;

    Customers(SystemId system, String prefix) {
      this.system = system;
      this.prefix = prefix;
      this.changes = new RecordList<>(system, system + ":customers", "customer", Customer.class,
          c -> c.ref(system).map(ExternalRef::id).orElseThrow());
    }

    /** Seeds a customer as if it already existed in this system. */
    Customer seed(Customer c) {
      String id = c.ref(system).map(ExternalRef::id).orElseGet(() -> prefix + String.format("%04d", seq.incrementAndGet()));
      Customer stored = c.toBuilder().ref(ExternalRef.of(system, id)).build();
      byId.put(id, stored);
      changes.add(stored);
      return stored;
    }

    @Override public SystemId system() { return system; }

    @Override
    public synchronized WriteResult write(Customer record, IdempotencyKey key) {
      Optional<ExternalRef> ref = record.ref(system);
      if (ref.isPresent() && byId.containsKey(ref.get().id())) {
        byId.put(ref.get().id(), record);
        updates.incrementAndGet();
        return WriteResult.updated(ref.get().id());
      }
      creates.incrementAndGet();
      String id = ref.map(ExternalRef::id).orElseGet(() -> prefix + String.format("%04d", seq.incrementAndGet()));
      if (byId.containsKey(id)) {
        throw new DuplicateDetectedException(system, "customer", id, id);
      }
      byId.put(id, record.toBuilder().ref(ExternalRef.of(system, id)).build());
      return WriteResult.created(id);
    }

    @Override
    public Optional<WriteResult> lookup(Customer record, IdempotencyKey key) {
      return record.ref(system).filter(r -> byId.containsKey(r.id())).map(r -> WriteResult.alreadyApplied(r.id()));
    }

    @Override public Optional<Customer> findById(String id) { return Optional.ofNullable(byId.get(id)); }

    @Override
    public List<Customer> search(CustomerQuery q) {
      return byId.values().stream().filter(c -> q.email() == null
              || (c.email() != null && c.email().equalsIgnoreCase(q.email().trim())))
          .filter(c -> q.lastName() == null || (c.lastName() != null
              && c.lastName().toLowerCase(Locale.ROOT).equals(q.lastName().toLowerCase(Locale.ROOT))))
          .toList();
    }

    @Override public Source<Customer> changes() { return changes; }
  }

  /** The storefront side. */
  static final class Shop implements Storefront {
    final Orders orders = new Orders();
    final Returns returns = new Returns();
    final Customers customers = new Customers(SHOP, "");
    final List<OrderStatusUpdate> statuses = new CopyOnWriteArrayList<>();
    final List<CatalogUpdate> catalogWrites = new CopyOnWriteArrayList<>();
    final Map<String, StockUpdate> stock = new ConcurrentHashMap<>();
    final AtomicInteger stockCalls = new AtomicInteger();
    /** What the shop holds reserved for its own open orders, per sku (like Magento MSI); empty: it does not reserve. */
    final Map<String, java.math.BigDecimal> reservations = new ConcurrentHashMap<>();
    final List<Price> prices = new CopyOnWriteArrayList<>();
    final Map<String, Shipment> shipments = new ConcurrentHashMap<>();
    final Map<String, Invoice> invoices = new ConcurrentHashMap<>();

    final OrderStatusSink statusSink = new OrderStatusSink() {
      @Override public SystemId system() { return SHOP; }
      @Override public WriteResult write(OrderStatusUpdate u, IdempotencyKey key) {
        statuses.add(u);
        return WriteResult.updated(u.orderNumber());
      }
      @Override public Optional<WriteResult> lookup(OrderStatusUpdate u, IdempotencyKey key) {
        return statuses.stream().anyMatch(s -> s.orderNumber().equals(u.orderNumber()) && u.statusCode().equals(s.statusCode()))
            ? Optional.of(WriteResult.alreadyApplied(u.orderNumber())) : Optional.empty();
      }
    };

    final CatalogSink catalog = new CatalogSink() {
      @Override public SystemId system() { return SHOP; }
      @Override public WriteResult write(CatalogUpdate u, IdempotencyKey key) {
        catalogWrites.add(u);
        return WriteResult.updated(u.item().sku());
      }
      @Override public Optional<WriteResult> lookup(CatalogUpdate u, IdempotencyKey key) { return Optional.empty(); }
    };

    final InventorySink inventory = new InventorySink() {
      @Override public SystemId system() { return SHOP; }
      @Override public int maxBatchSize() { return 20; }
      @Override public WriteResult write(StockUpdate u, IdempotencyKey key) {
        return writeBatch(List.of(new Keyed<>(u, key))).get(0).result();
      }
      @Override public List<BatchOutcome> writeBatch(List<Keyed<StockUpdate>> batch) {
        stockCalls.incrementAndGet();
        List<BatchOutcome> out = new ArrayList<>();
        for (Keyed<StockUpdate> k : batch) {
          stock.put(k.record().sku() + "@" + k.record().location(), k.record());
          out.add(BatchOutcome.written(k.key(), WriteResult.updated(k.record().sku())));
        }
        return out;
      }
      @Override public Optional<WriteResult> lookup(StockUpdate u, IdempotencyKey key) { return Optional.empty(); }
      @Override public Map<String, java.math.BigDecimal> openReservations(java.util.Collection<String> skus) {
        Map<String, java.math.BigDecimal> out = new java.util.HashMap<>();
        skus.forEach(sku -> { if (reservations.containsKey(sku)) { out.put(sku, reservations.get(sku)); } });
        return out;
      }
    };

    final PriceSink priceSink = new PriceSink() {
      @Override public SystemId system() { return SHOP; }
      @Override public int maxBatchSize() { return 20; }
      @Override public WriteResult write(Price p, IdempotencyKey key) {
        prices.add(p);
        return WriteResult.updated(p.sku());
      }
      @Override public List<BatchOutcome> writeBatch(List<Keyed<Price>> batch) {
        return batch.stream().map(k -> BatchOutcome.written(k.key(), write(k.record(), k.key()))).toList();
      }
      @Override public Optional<WriteResult> lookup(Price p, IdempotencyKey key) { return Optional.empty(); }
    };

    final ShipmentSink shipmentSink = new ShipmentSink() {
      @Override public SystemId system() { return SHOP; }
      @Override public WriteResult write(Shipment s, IdempotencyKey key) {
        if (shipments.putIfAbsent(key.value(), s) != null) {
          throw new IllegalStateException("shipment written twice: " + key);
        }
        return WriteResult.created(key.value());
      }
      @Override public Optional<WriteResult> lookup(Shipment s, IdempotencyKey key) {
        return shipments.containsKey(key.value()) ? Optional.of(WriteResult.alreadyApplied(key.value())) : Optional.empty();
      }
    };

    final InvoiceSink invoiceSink = new InvoiceSink() {
      @Override public SystemId system() { return SHOP; }
      @Override public WriteResult write(Invoice i, IdempotencyKey key) {
        invoices.put(i.number(), i);
        return WriteResult.created(i.number());
      }
      @Override public Optional<WriteResult> lookup(Invoice i, IdempotencyKey key) { return Optional.empty(); }
    };

    @Override public SystemId system() { return SHOP; }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
      Object c = type == OrderSource.class ? orders
          : type == ReturnSource.class ? returns
          : type == CustomerStore.class ? customers
          : type == OrderStatusSink.class ? statusSink
          : type == CatalogSink.class ? catalog
          : type == InventorySink.class ? inventory
          : type == PriceSink.class ? priceSink
          : type == ShipmentSink.class ? shipmentSink
          : type == InvoiceSink.class ? invoiceSink : null;
      return Optional.ofNullable(type.cast(c));
    }
  }

  /** The ERP side. */
  static final class Books implements Erp {
    final SystemId id;

    Books() {
      this(ERP);
    }

    Books(SystemId id) {
      this.id = id;
      this.customers = new Customers(id, "C");
      this.shipments = new RecordList<>(id, "erp:shipments", "shipment", Shipment.class, s -> s.refs().get(0).id());
      this.invoices = new RecordList<>(id, "erp:invoices", "invoice", Invoice.class, Invoice::number);
      this.items = new RecordList<>(id, "erp:items", "item", Item.class, Item::sku);
      this.levels = new RecordList<>(id, "erp:stock", "inventory", InventoryLevel.class, l -> l.sku() + "@" + l.location());
      this.priceList = new RecordList<>(id, "erp:prices", "price", Price.class,
          p -> p.sku() + "|" + p.priceList() + "|" + p.minQuantity());
    }

    final Customers customers;
    final Map<String, SalesOrderRequest> salesOrders = new ConcurrentHashMap<>();
    final AtomicInteger salesOrderWrites = new AtomicInteger();
    final Map<String, CashReceipt> receipts = new ConcurrentHashMap<>();
    final Map<String, JournalEntry> journal = new ConcurrentHashMap<>();
    final Map<String, ReturnRequest> returns = new ConcurrentHashMap<>();
    final RecordList<Shipment> shipments;
    final RecordList<Invoice> invoices;
    final RecordList<Item> items;
    final RecordList<InventoryLevel> levels;
    final RecordList<Price> priceList;
    volatile RealtimeLookup lookup;

    final OrderSink orderSink = new OrderSink() {
      @Override public SystemId system() { return id; }
      @Override public WriteResult write(SalesOrderRequest r, IdempotencyKey key) {
        salesOrderWrites.incrementAndGet();
        if (salesOrders.putIfAbsent(r.order().number(), r) != null) {
          throw new DuplicateDetectedException(id, "sales order", r.order().number(), "SO-" + r.order().number());
        }
        return WriteResult.created("SO-" + r.order().number());
      }
      @Override public Optional<WriteResult> lookup(SalesOrderRequest r, IdempotencyKey key) {
        return salesOrders.containsKey(r.order().number())
            ? Optional.of(WriteResult.alreadyApplied("SO-" + r.order().number())) : Optional.empty();
      }
    };

    final PaymentSink paymentSink = new PaymentSink() {
      @Override public SystemId system() { return id; }
      @Override public WriteResult write(CashReceipt r, IdempotencyKey key) {
        receipts.put(key.value(), r);
        return WriteResult.created(key.value());
      }
      @Override public Optional<WriteResult> lookup(CashReceipt r, IdempotencyKey key) {
        return receipts.containsKey(key.value()) ? Optional.of(WriteResult.alreadyApplied(key.value())) : Optional.empty();
      }
    };

    final JournalSink journalSink = new JournalSink() {
      @Override public SystemId system() { return id; }
      @Override public WriteResult write(JournalEntry e, IdempotencyKey key) {
        journal.put(key.value(), e);
        return WriteResult.created(key.value());
      }
      @Override public Optional<WriteResult> lookup(JournalEntry e, IdempotencyKey key) {
        return journal.containsKey(key.value()) ? Optional.of(WriteResult.alreadyApplied(key.value())) : Optional.empty();
      }
    };

    final ReturnSink returnSink = new ReturnSink() {
      @Override public SystemId system() { return id; }
      @Override public WriteResult write(ReturnRequest r, IdempotencyKey key) {
        returns.put(r.ret().number(), r);
        return WriteResult.created("RET-" + r.ret().number());
      }
      @Override public Optional<WriteResult> lookup(ReturnRequest r, IdempotencyKey key) { return Optional.empty(); }
    };

    @Override public SystemId system() { return id; }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
      Object c = type == OrderSink.class ? orderSink
          : type == CustomerStore.class ? customers
          : type == PaymentSink.class ? paymentSink
          : type == JournalSink.class ? journalSink
          : type == ReturnSink.class ? returnSink
          : type == ShipmentSource.class ? new ShipmentsAdapter(shipments)
          : type == InvoiceSource.class ? new InvoicesAdapter(invoices)
          : type == ItemSource.class ? new ItemsAdapter(items)
          : type == InventorySource.class ? new LevelsAdapter(levels)
          : type == PriceSource.class ? new PricesAdapter(priceList)
          : type == RealtimeLookup.class ? lookup : null;
      return Optional.ofNullable(type.cast(c));
    }
  }

  static final class ShipmentsAdapter extends RecordListAdapter<Shipment> implements ShipmentSource {
    ShipmentsAdapter(RecordList<Shipment> l) { super(l); }
  }

  static final class InvoicesAdapter extends RecordListAdapter<Invoice> implements InvoiceSource {
    InvoicesAdapter(RecordList<Invoice> l) { super(l); }
  }

  static final class ItemsAdapter extends RecordListAdapter<Item> implements ItemSource {
    ItemsAdapter(RecordList<Item> l) { super(l); }
  }

  static final class LevelsAdapter extends RecordListAdapter<InventoryLevel> implements InventorySource {
    LevelsAdapter(RecordList<InventoryLevel> l) { super(l); }
  }

  static final class PricesAdapter extends RecordListAdapter<Price> implements PriceSource {
    PricesAdapter(RecordList<Price> l) { super(l); }
  }

  /** A realtime look-up that answers after a delay, or fails, on demand. */
  static final class SlowLookup implements RealtimeLookup {
    volatile long delayMillis;
    volatile boolean down;
    final AtomicInteger calls = new AtomicInteger();
    volatile BigDecimal price = new BigDecimal("10.00");

    @Override
    public PriceQuote price(String customerId, String sku, BigDecimal quantity) {
      calls.incrementAndGet();
      if (down) {
        throw io.commercesync.core.error.RemoteSystemException.builder(ERP, "price").status(503).retryable(true).build();
      }
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new PriceQuote(customerId, sku, quantity, io.commercesync.core.model.Money.of(price, java.util.Currency.getInstance("USD")),
          "RETAIL", Instant.now());
    }

    @Override public List<InventoryLevel> stock(String sku) { return List.of(); }

    @Override
    public CustomerStanding standing(String customerId) {
      return new CustomerStanding(customerId, false, null, io.commercesync.core.model.Money.of("0", "USD"), Instant.now());
    }
  }
}
