package io.commercesync.connector.clarity.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityDialect;
import io.commercesync.connector.clarity.ClarityStorefront;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RateLimitedException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.error.TransportException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.InvoiceSink;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.OrderStatusSink;
import io.commercesync.core.spi.OrderStatusUpdate;
import io.commercesync.core.spi.PriceSink;
import io.commercesync.core.spi.ShipmentSink;
import io.commercesync.core.spi.StockUpdate;
import io.commercesync.testkit.clarity.ClaritySimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every capability of both dialects against the Clarity simulator (which shares no code with the client). */
class SimulatorContractTest {

  ClaritySimulator sim;
  final List<String> unmapped = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  ClarityStorefront start(ClarityDialect dialect, ClaritySimulator.Options options, int pageSize) {
    sim = ClaritySimulator.start(options);
    ClarityClient.Builder b = ClarityClient.builder().baseUrl(sim.baseUri()).allowInsecureHttp(true)
        .clock(sim.clock()).pageSize(pageSize).erpSystem(SystemId.DYNAMICS_SL)
        .onUnmappedStatus((entity, key, status) -> unmapped.add(key + "=" + status));
    b.auth(dialect == ClarityDialect.NATIVE
        ? ClarityAuth.session("integration", Secret.of("integration-password"))
        : ClarityAuth.oauth2("commercesync", Secret.of("commercesync-secret"), "orders:read orders:write"));
    return ClarityStorefront.of(b.build());
  }

  ClarityStorefront start(ClarityDialect dialect) {
    return start(dialect, ClaritySimulator.options(), 5);
  }

  static IdempotencyKey key(String entity, String id, String op) {
    return IdempotencyKey.of(SystemId.DYNAMICS_SL, entity, id, op);
  }

  static List<RawRecord> readAll(OrderSource source, Cursor from) {
    List<RawRecord> out = new ArrayList<>();
    try (RecordStream s = source.read(from)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void orders_pagedFromStart_everyOrderOnce_unknownStatusReportedNotThrown(ClarityDialect dialect) {
    OrderSource orders = start(dialect).require(OrderSource.class);
    List<RawRecord> read = readAll(orders, Cursor.START);
    assertThat(read).hasSize(21);
    assertThat(read).extracting(RawRecord::key).doesNotHaveDuplicates().contains("CS-100045");
    List<Order> decoded = read.stream().map(orders::decode).toList();
    assertThat(decoded).allMatch(Order::totalsReconcile);
    assertThat(decoded).filteredOn(o -> o.number().equals("CS-100049")).singleElement()
        .satisfies(o -> {
          assertThat(o.status()).isEqualTo(OrderStatus.UNKNOWN);
          assertThat(o.sourceStatus()).isIn("Awaiting Credit Check", "awaiting_credit_check");
        });
    assertThat(unmapped).singleElement().asString().startsWith("CS-100049=");
    for (int i = 1; i < read.size(); i++) {
      assertThat(read.get(i).position().value().compareTo(read.get(i - 1).position().value()))
          .as("positions never go back").isGreaterThanOrEqualTo(0);
    }
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void orders_incrementalRead_returnsOnlyTheOverlapAndWhatChanged(ClarityDialect dialect) {
    OrderSource orders = start(dialect).require(OrderSource.class);
    List<RawRecord> first = readAll(orders, Cursor.START);
    Cursor checkpoint = first.get(first.size() - 1).position();
    sim.clock().advance(Duration.ofMinutes(10));
    assertThat(readAll(orders, checkpoint)).extracting(RawRecord::key)
        .containsExactly(first.get(first.size() - 1).key());
    sim.touchOrder("CS-100047");
    List<RawRecord> second = readAll(orders, checkpoint);
    assertThat(second).extracting(RawRecord::key).endsWith("CS-100047");
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void scenario8_movingWindow_anOrderUpdatedWhileReading_isNeitherSkippedNorLost(ClarityDialect dialect) {
    OrderSource orders = start(dialect).require(OrderSource.class);
    Set<String> seen = new HashSet<>();
    List<String> sequence = new ArrayList<>();
    try (RecordStream s = orders.read(Cursor.START)) {
      for (int i = 0; i < 6 && s.hasNext(); i++) {
        RawRecord r = s.next();
        seen.add(r.key());
        sequence.add(r.key());
      }
      // an order already read changes while the read is on its second page: the pages shift
      sim.clock().advance(Duration.ofMinutes(5));
      sim.touchOrder(sequence.get(0));
      while (s.hasNext()) {
        RawRecord r = s.next();
        seen.add(r.key());
        sequence.add(r.key());
      }
    }
    assertThat(seen).hasSize(21);
    assertThat(sequence).as("the changed order is read again at the end").endsWith(sequence.get(0));
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void orders_fetchByNumber_readsThroughTheApi(ClarityDialect dialect) {
    OrderSource orders = start(dialect).require(OrderSource.class);
    RawRecord raw = orders.fetch("CS-100045").orElseThrow();
    Order order = orders.decode(raw);
    assertThat(order.grandTotal()).isEqualTo(Money.of("111.52", "USD"));
    assertThat(order.billingAddress().lastName()).isEqualTo("Lopez");
    assertThat(orders.fetch("CS-NOPE")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void customers_createdOncePerErpKey_foundSearchedAndLookedUp(ClarityDialect dialect) {
    CustomerStore customers = start(dialect).require(CustomerStore.class);
    Customer c = Customer.builder().ref(ExternalRef.of(SystemId.DYNAMICS_SL, "C99001"))
        .email("zoe.muller@example.com").firstName("Zoë").lastName("Müller-Łęcka").company("Zoë GmbH")
        .addresses(List.of(new CustomerAddress(null, Address.builder().firstName("Zoë").lastName("Müller-Łęcka")
            .lines(List.of("1 Rue de la Paix")).city("Paris").postalCode("75002").countryCode("FR").build(),
            true, true)))
        .build();
    WriteResult created = customers.write(c, key("customer", "C99001", "clarity-customer"));
    assertThat(created.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
    WriteResult again = customers.write(c, key("customer", "C99001", "clarity-customer"));
    assertThat(again.outcome()).as("CustomKey/externalId de-duplication").isEqualTo(WriteResult.Outcome.UPDATED);
    assertThat(sim.customerCount("C99001")).isEqualTo(1);
    assertThat(customers.lookup(c, key("customer", "C99001", "clarity-customer")))
        .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED));
    Customer found = customers.search(CustomerQuery.byEmail("zoe.muller@example.com")).get(0);
    assertThat(found.lastName()).isEqualTo("Müller-Łęcka");
    assertThat(found.refs()).contains(ExternalRef.of(SystemId.DYNAMICS_SL, "C99001"));
    String clarityId = found.ref(SystemId.CLARITY).orElseThrow().id();
    assertThat(customers.findById(clarityId)).hasValueSatisfying(x -> assertThat(x.email()).isEqualTo("zoe.muller@example.com"));
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void catalog_writesErpOwnedFieldsOnly_leavesStorefrontContent_andIsIdempotent(ClarityDialect dialect) {
    CatalogSink catalog = start(dialect).require(CatalogSink.class);
    String description = sim.productField("WID-100-BLK", "description").orElseThrow();
    Item item = Item.builder().sku("WID-100-BLK").name("Widget 100, black (ERP)").basePrice(Money.of("26.49", "USD"))
        .longDescription("ERP text that must not be written").build();
    CatalogUpdate update = new CatalogUpdate(item, EnumSet.of(CatalogField.NAME, CatalogField.PRICE), Set.of(), "all",
        false, null);
    assertThat(catalog.write(update, key("item", "WID-100-BLK", "catalog")).outcome()).isEqualTo(WriteResult.Outcome.UPDATED);
    assertThat(sim.productField("WID-100-BLK", "name")).contains("Widget 100, black (ERP)");
    assertThat(sim.productField("WID-100-BLK", "price")).contains("26.49");
    assertThat(sim.productField("WID-100-BLK", "description")).as("storefront content survives").contains(description);
    if (dialect == ClarityDialect.NATIVE) {
      assertThat(sim.nativeProductField("WID-100-BLK", "SeoUrl")).contains("widget-100-black");
    }
    assertThat(catalog.write(update, key("item", "WID-100-BLK", "catalog")).outcome())
        .isEqualTo(WriteResult.Outcome.UNCHANGED);
    assertThat(catalog.lookup(update, key("item", "WID-100-BLK", "catalog"))).isPresent();
    CatalogUpdate missing = new CatalogUpdate(Item.builder().sku("NEW-1").name("New one").build(),
        EnumSet.of(CatalogField.NAME), Set.of(), "all", false, null);
    assertThatThrownBy(() -> catalog.write(missing, key("item", "NEW-1", "catalog")))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.violations().get(0).rule())
            .isEqualTo("unknown-reference"));
    CatalogUpdate create = new CatalogUpdate(missing.item(), missing.fields(), Set.of(), "all", true, ItemStatus.INACTIVE);
    assertThat(catalog.write(create, key("item", "NEW-1", "catalog")).outcome()).isEqualTo(WriteResult.Outcome.CREATED);
    assertThat(sim.productField("NEW-1", "status")).contains("inactive");
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void inventory_perLocation_inBatches_withAPerRecordFailureForAnUnknownSku(ClarityDialect dialect) {
    InventorySink sink = start(dialect).require(InventorySink.class);
    List<BatchSink.Keyed<StockUpdate>> batch = List.of(
        stock("WID-100-BLK", "AUSTIN", "120"), stock("NOPE-1", "AUSTIN", "5"), stock("GAD-220", "DALLAS", "7"));
    List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(batch);
    assertThat(outcomes).extracting(BatchSink.BatchOutcome::succeeded).containsExactly(true, false, true);
    assertThat(outcomes.get(1).failure()).isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("NOPE-1");
    assertThat(sim.stock("GAD-220", "DALLAS")).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("7"));
    assertThat(sim.stock("WID-100-BLK", "AUSTIN")).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("120"));
    assertThat(sink.lookup(batch.get(2).record(), batch.get(2).key())).isPresent();
    assertThat(sink.lookup(new StockUpdate("GAD-220", "DALLAS", BigDecimal.ONE, true), batch.get(2).key())).isEmpty();
  }

  static BatchSink.Keyed<StockUpdate> stock(String sku, String location, String qty) {
    return new BatchSink.Keyed<>(new StockUpdate(sku, location, new BigDecimal(qty), true),
        key("inventory", sku + "@" + location, "stock"));
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void prices_baseWritten_tierRefusedPerRecord(ClarityDialect dialect) {
    PriceSink sink = start(dialect).require(PriceSink.class);
    Price base = Price.builder().sku("GAD-220").amount(Money.of("49.99", "USD")).build();
    Price tier = Price.builder().sku("GAD-220").amount(Money.of("45.00", "USD")).minQuantity(new BigDecimal("10")).build();
    List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(List.of(
        new BatchSink.Keyed<>(base, key("price", "GAD-220", "base")), new BatchSink.Keyed<>(tier, key("price", "GAD-220", "tier"))));
    assertThat(outcomes).extracting(BatchSink.BatchOutcome::succeeded).containsExactly(true, false);
    assertThat(sim.productField("GAD-220", "price")).contains("49.99");
    assertThat(sink.lookup(base, key("price", "GAD-220", "base"))).isPresent();
  }

  /**
   * Regression (found by the demo with 20 % injected faults): a price batch is one call per price, and one
   * transient failure threw the whole batch away, so a batch of 30 prices almost never got through. Now the
   * failing price alone is pending; after three transient failures in a row the rest are not tried.
   */
  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void prices_aTransientFailureFailsThatPriceAlone_andAnOutageStopsTheBatch(ClarityDialect dialect) {
    FaultSchedule faults = FaultSchedule.none();
    PriceSink sink = start(dialect, ClaritySimulator.options().faults(faults), 5).require(PriceSink.class);
    List<BatchSink.Keyed<Price>> batch = new java.util.ArrayList<>();
    for (String sku : List.of("GAD-220", "WID-100-BLK", "SKU-1001", "SKU-1002", "SKU-1003", "SKU-1004", "SKU-1005")) {
      batch.add(new BatchSink.Keyed<>(Price.builder().sku(sku).amount(Money.of("19.99", "USD")).build(),
          key("price", sku, "base")));
    }
    long before = sim.server().log().total();
    faults.enqueue(Fault.of(Fault.Kind.UNAVAILABLE));
    List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(batch);
    assertThat(outcomes).extracting(BatchSink.BatchOutcome::succeeded).containsExactly(false, true, true, true, true, true, true);
    assertThat(outcomes.get(0).failure()).isInstanceOf(io.commercesync.core.error.CommerceSyncException.class)
        .satisfies(e -> assertThat(((io.commercesync.core.error.CommerceSyncException) e).retryable()).isTrue());
    assertThat(sim.productField("SKU-1005", "price")).contains("19.99");

    for (int i = 0; i < 3; i++) {
      faults.enqueue(Fault.of(Fault.Kind.UNAVAILABLE));
    }
    long calls = sim.server().log().total();
    List<BatchSink.BatchOutcome> down = sink.writeBatch(batch);
    assertThat(down).noneMatch(BatchSink.BatchOutcome::succeeded);
    assertThat(sim.server().log().total() - calls).as("calls made before giving up").isEqualTo(3);
    assertThat(calls).isGreaterThan(before);
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void shipment_lostResponseAfterCommit_isFoundByLookup_neverDuplicated(ClarityDialect dialect) {
    FaultSchedule faults = FaultSchedule.none();
    ShipmentSink sink = start(dialect, ClaritySimulator.options().faults(faults), 5).require(ShipmentSink.class);
    Shipment shipment = Shipment.builder().ref(ExternalRef.of(SystemId.DYNAMICS_SL, "WS000871")).orderNumber("CS-100045")
        .carrier("UPS").service("Ground").shippedAt(Instant.parse("2024-05-15T21:10:00Z"))
        .addTrackingNumber("1Z999AA10123456784").build();
    IdempotencyKey k = key("shipment", "WS000871", "clarity-shipment");
    assertThat(sink.lookup(shipment, k)).isEmpty();
    faults.enqueue(call -> call.method().equals("POST") && call.path().contains("hipment"),
        Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    assertThatThrownBy(() -> sink.write(shipment, k)).isInstanceOf(TransportException.class);
    assertThat(sim.shipmentCount("CS-100045")).as("the write was applied").isEqualTo(1);
    assertThat(sink.lookup(shipment, k)).hasValueSatisfying(r ->
        assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED));
    sink.write(shipment, k);  // a blind retry: Idempotency-Key replay (v1) or Upsert by CustomKey (native)
    assertThat(sim.shipmentCount("CS-100045")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void invoice_keyedByNumber_writtenOnce_andLookedUp(ClarityDialect dialect) {
    InvoiceSink sink = start(dialect).require(InvoiceSink.class);
    Invoice invoice = Invoice.builder().number("INV-0001").orderNumber("CS-100045").invoiceDate(LocalDate.of(2024, 5, 16))
        .dueDate(LocalDate.of(2024, 6, 15)).currency(Money.currency("USD")).subtotal(Money.of("104.97", "USD"))
        .discount(Money.of("10.00", "USD")).shipping(Money.of("8.95", "USD")).tax(Money.of("7.60", "USD"))
        .total(Money.of("111.52", "USD")).balanceDue(Money.of("0.00", "USD")).build();
    IdempotencyKey k = key("invoice", "INV-0001", "clarity-invoice");
    sink.write(invoice, k);
    sink.write(invoice, k);
    assertThat(sim.hasInvoice("INV-0001")).isTrue();
    assertThat(sink.lookup(invoice, k)).isPresent();
    Invoice paid = invoice.toBuilder().balanceDue(Money.of("0.00", "USD")).total(Money.of("111.53", "USD")).build();
    assertThat(sink.lookup(paid, k)).as("a changed invoice is not applied yet").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void orderStatus_mappedTransition_idempotent_andARefusedOneIsPermanent(ClarityDialect dialect) {
    OrderStatusSink sink = start(dialect).require(OrderStatusSink.class);
    IdempotencyKey k = key("order", "CS-100045", "status");
    OrderStatusUpdate processing = new OrderStatusUpdate("CS-100045", null, OrderStatus.PROCESSING, null, null, false);
    assertThat(sink.write(processing, k).outcome()).isEqualTo(WriteResult.Outcome.UPDATED);
    assertThat(sim.orderStatus("CS-100045")).hasValueSatisfying(s -> assertThat(s).isIn("Confirmed", "Processing"));
    assertThat(sink.lookup(processing, k)).isPresent();
    assertThat(sink.write(processing, k).outcome()).isEqualTo(WriteResult.Outcome.UNCHANGED);
    sink.write(new OrderStatusUpdate("CS-100045", null, OrderStatus.COMPLETE, null, null, false), key("order", "CS-100045", "c"));
    assertThat(sim.orderStatus("CS-100045")).contains("Completed");
    assertThatThrownBy(() -> sink.write(new OrderStatusUpdate("CS-100045", null, OrderStatus.CANCELED, null, null, false),
        key("order", "CS-100045", "x")))
        .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("CS-100045");
        });
    assertThat(sim.orderStatus("CS-100045")).contains("Completed");
  }

  @ParameterizedTest
  @EnumSource(value = ClarityDialect.class, names = "V1")
  void rateLimited_isTypedWithRetryAfter(ClarityDialect dialect) {
    ClarityStorefront shop = start(dialect, ClaritySimulator.options().rateLimit(3, Duration.ofSeconds(30)), 5);
    shop.client().order("CS-100045");
    shop.client().order("CS-100045");
    assertThatThrownBy(() -> {
      for (int i = 0; i < 5; i++) {
        shop.client().order("CS-100045");
      }
    }).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.retryAfter()).isPresent();
      assertThat(e.retryAfter().get()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    });
  }
}
