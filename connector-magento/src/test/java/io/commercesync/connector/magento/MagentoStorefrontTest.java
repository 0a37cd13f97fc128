package io.commercesync.connector.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.InvoiceSink;
import io.commercesync.core.spi.OrderSink;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.OrderStatusSink;
import io.commercesync.core.spi.OrderStatusUpdate;
import io.commercesync.core.spi.PriceSink;
import io.commercesync.core.spi.ReturnSource;
import io.commercesync.core.spi.ShipmentSink;
import io.commercesync.core.spi.StockUpdate;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each capability against the simulator, with its idempotency lookup. */
class MagentoStorefrontTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final IdempotencyKey KEY = new IdempotencyKey("test/key/1/op");

  private final SimulatorFixture fx = new SimulatorFixture();
  private final MagentoStorefront storefront = MagentoStorefront.of(fx.oauthClient());

  @AfterEach
  void stop() {
    fx.close();
  }

  static List<RawRecord> all(RecordStream stream) {
    List<RawRecord> out = new ArrayList<>();
    try (stream) {
      stream.forEachRemaining(out::add);
    }
    return out;
  }

  private JsonNode order(long id) throws Exception {
    return JSON.readTree(fx.sim.orderJson(id));
  }

  private long orderInState(String state) throws Exception {
    for (long id : fx.sim.orderIds()) {
      if (order(id).path("state").asText().equals(state)) {
        return id;
      }
    }
    throw new IllegalStateException("no order in state " + state);
  }

  @Test
  void capabilities_areOffered_andAMissingOneIsRefusedByName() {
    for (Class<?> c : List.of(OrderSource.class, CustomerStore.class, CatalogSink.class, InventorySink.class,
        PriceSink.class, ShipmentSink.class, InvoiceSink.class, OrderStatusSink.class, ReturnSource.class)) {
      assertThat(storefront.capability(c)).as(c.getSimpleName()).isPresent();
    }
    assertThat(storefront.capability(OrderSink.class)).isEmpty();
    assertThat(catchThrowableOfType(RuntimeException.class, () -> storefront.require(OrderSink.class)))
        .hasMessageContaining("magento").hasMessageContaining("OrderSink");
  }

  @Test
  void orderSource_readsEveryOrderOnce_resumesWithOverlap_andFetchesByNumber() {
    OrderSource source = storefront.require(OrderSource.class);
    assertThat(source.name()).isEqualTo("magento:default:orders");
    List<RawRecord> all = all(source.read(Cursor.START));
    assertThat(all).hasSize(fx.sim.orderIds().size());
    assertThat(all.stream().map(RawRecord::key).distinct()).hasSize(all.size());
    for (RawRecord r : all) {
      Order o = source.decode(r);
      assertThat(o.number()).isEqualTo(r.key());
      assertThat(o.totalsReconcile()).as(r.key()).isTrue();
    }
    Cursor checkpoint = all.get(all.size() - 1).position();
    List<RawRecord> again = all(source.read(checkpoint));
    assertThat(again).as("the overlap re-reads the last orders, nothing newer exists").isNotEmpty()
        .allSatisfy(r -> assertThat(all).contains(r));
    fx.sim.advanceClock(java.time.Duration.ofHours(1));
    long touched = fx.sim.orderIds().get(0);
    fx.sim.touchOrder(touched);
    List<RawRecord> changed = all(MagentoStorefront.builder(fx.oauthClient()).overlap(java.time.Duration.ZERO)
        .build().require(OrderSource.class).read(checkpoint));
    assertThat(changed).extracting(RawRecord::key).containsExactly(String.format("%09d", touched));
    assertThat(source.fetch(all.get(2).key())).hasValueSatisfying(r -> assertThat(r.key()).isEqualTo(all.get(2).key()));
    assertThat(source.fetch("NOPE")).isEmpty();
  }

  @Test
  void customerStore_createDuplicateUpdateLookupSearchAndChanges() {
    CustomerStore store = storefront.require(CustomerStore.class);
    Customer c = Customer.builder().email("ops@tidewater.example").firstName("Ines").lastName("Marlowe")
        .addAddress(new CustomerAddress(null, Address.builder().firstName("Ines").lastName("Marlowe")
            .addLine("9 Harbor View Ave").city("Savannah").regionCode("GA").region("Georgia").postalCode("31401")
            .countryCode("US").phone("912-555-0111").build(), true, true)).build();
    assertThat(store.lookup(c, KEY)).isEmpty();
    WriteResult created = store.write(c, KEY);
    assertThat(created.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
    assertThat(store.lookup(c, KEY)).hasValue(WriteResult.alreadyApplied(created.remoteId()));
    DuplicateDetectedException dup = catchThrowableOfType(DuplicateDetectedException.class, () -> store.write(c, KEY));
    assertThat(dup.existingId()).hasValue(created.remoteId());
    Customer renamed = c.toBuilder().ref(io.commercesync.core.model.ExternalRef.of(SystemId.MAGENTO,
        created.remoteId())).lastName("Marlowe-Ortiz").build();
    assertThat(store.lookup(renamed, KEY)).isEmpty();
    assertThat(store.write(renamed, KEY).outcome()).isEqualTo(WriteResult.Outcome.UPDATED);
    assertThat(store.findById(created.remoteId())).hasValueSatisfying(x -> {
      assertThat(x.lastName()).isEqualTo("Marlowe-Ortiz");
      assertThat(x.addresses()).hasSize(1);
    });
    assertThat(store.findById("999999")).isEmpty();
    assertThat(store.search(CustomerQuery.byEmail("OPS@tidewater.example"))).hasSize(1);
    assertThat(store.search(CustomerQuery.byNameAndPostalCode("Ines", "Marlowe-Ortiz", "31401"))).hasSize(1);
    assertThat(store.search(CustomerQuery.byNameAndPostalCode("Ines", "Marlowe-Ortiz", "99999"))).isEmpty();
    assertThat(all(store.changes().read(Cursor.START))).hasSize(26);
  }

  @Test
  void catalogSink_partialScopedWrites_lookup_andCreation() throws Exception {
    CatalogSink sink = storefront.require(CatalogSink.class);
    Item item = Item.builder().sku("CS-MUG-STD").name("ERP name").weight(new BigDecimal("1.2"))
        .basePrice(Money.of("19.90", "USD")).longDescription("ERP description (not owned)").build();
    CatalogUpdate update = new CatalogUpdate(item, Set.of(CatalogField.PRICE, CatalogField.WEIGHT), Set.of(), "all",
        false, null);
    assertThat(sink.lookup(update, KEY)).isEmpty();
    assertThat(sink.write(update, KEY).outcome()).isEqualTo(WriteResult.Outcome.UPDATED);
    assertThat(sink.lookup(update, KEY)).isPresent();
    JsonNode scopes = JSON.readTree(fx.sim.productScopes("CS-MUG-STD"));
    assertThat(scopes.path("global").path("name").asText()).isEqualTo("Enamel Mug");
    assertThat(scopes.path("overrides").has("1")).isFalse();
    CatalogUpdate create = new CatalogUpdate(Item.builder().sku("CS-ERP-NEW").name("From ERP")
        .basePrice(Money.of("5", "USD")).build(), Set.of(CatalogField.PRICE), Set.of(), "all", true, ItemStatus.INACTIVE);
    assertThat(sink.write(create, KEY).outcome()).isEqualTo(WriteResult.Outcome.CREATED);
    assertThat(fx.oauthClient().products().get(StoreScope.ALL, "CS-ERP-NEW").status()).isEqualTo(ItemStatus.INACTIVE);
    InvalidRecordException missing = catchThrowableOfType(InvalidRecordException.class, () -> sink.write(
        new CatalogUpdate(Item.builder().sku("CS-NOPE").build(), Set.of(CatalogField.PRICE), Set.of(), "all", false,
            null), KEY));
    assertThat(missing.getMessage()).startsWith("magento product CS-NOPE");
    InvalidRecordException noValue = catchThrowableOfType(InvalidRecordException.class, () -> sink.write(
        new CatalogUpdate(Item.builder().sku("CS-MUG-STD").build(), Set.of(CatalogField.NAME), Set.of(), "all", false,
            null), KEY));
    assertThat(noValue.violations()).extracting(v -> v.path()).containsExactly("name");
  }

  @Test
  void inventorySink_batchesBySyncLimit_andLooksUp() {
    InventorySink sink = storefront.require(InventorySink.class);
    assertThat(sink.maxBatchSize()).isEqualTo(20);
    List<BatchSink.Keyed<StockUpdate>> batch = new ArrayList<>();
    List<String> skus = fx.sim.skus();
    for (int i = 0; i < 20; i++) {
      batch.add(new BatchSink.Keyed<>(new StockUpdate(skus.get(i), "wh_reno", BigDecimal.valueOf(i + 1), true),
          new IdempotencyKey("k" + i)));
    }
    List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(batch);
    assertThat(outcomes).hasSize(20).allSatisfy(o -> assertThat(o.succeeded()).isTrue());
    assertThat(fx.sim.sourceQuantity(skus.get(4), "wh_reno")).isEqualByComparingTo("5");
    assertThat(sink.lookup(batch.get(4).record(), KEY)).isPresent();
    assertThat(sink.lookup(new StockUpdate(skus.get(4), "wh_reno", BigDecimal.TEN, true), KEY)).isEmpty();
  }

  @Test
  void priceSink_baseTierAndRefusedRows() {
    PriceSink sink = storefront.require(PriceSink.class);
    Price base = Price.builder().sku("CS-MUG-STD").amount(Money.of("14.75", "USD")).build();
    Price tier = Price.builder().sku("CS-MUG-STD").customerGroup("Wholesale").minQuantity(new BigDecimal("12"))
        .amount(Money.of("11", "USD")).build();
    Price unknown = Price.builder().sku("NOPE").amount(Money.of("1", "USD")).build();
    Price dated = Price.builder().sku("CS-MUG-STD").amount(Money.of("9", "USD")).validFrom(LocalDate.of(2026, 1, 1))
        .build();
    List<BatchSink.BatchOutcome> out = sink.writeBatch(List.of(new BatchSink.Keyed<>(base, new IdempotencyKey("a")),
        new BatchSink.Keyed<>(tier, new IdempotencyKey("b")), new BatchSink.Keyed<>(unknown, new IdempotencyKey("c")),
        new BatchSink.Keyed<>(dated, new IdempotencyKey("d"))));
    assertThat(out.get(0).succeeded()).isTrue();
    assertThat(out.get(1).succeeded()).isTrue();
    assertThat(out.get(2).failure()).isInstanceOf(RemoteSystemException.class)
        .hasMessageContaining("Invalid attribute SKU = NOPE.").hasMessageContaining("[NOPE]");
    assertThat(out.get(3).failure()).isInstanceOf(InvalidRecordException.class).hasMessageContaining("validFrom");
    assertThat(sink.lookup(base, KEY)).isPresent();
    assertThat(sink.lookup(tier, KEY)).isPresent();
    assertThat(sink.lookup(unknown.toBuilder().sku("CS-TOTE-STD").build(), KEY)).isEmpty();
  }

  @Test
  void shipmentSink_shipsWithTracking_andLookupFindsTheTrackingNumber() throws Exception {
    ShipmentSink sink = storefront.require(ShipmentSink.class);
    long id = orderInState("new");
    JsonNode order = order(id);
    String number = order.path("increment_id").asText();
    JsonNode first = order.path("items").get(0);
    Shipment shipment = Shipment.builder().orderNumber(number).carrier("UPS").service("UPS Ground")
        .addTrackingNumber("1ZERP0001").ref(io.commercesync.core.model.ExternalRef.of(SystemId.DYNAMICS_GP, "INV-77"))
        .addLine(ShipmentLine.of(first.path("sku").asText(), first.path("qty_ordered").decimalValue(), null)).build();
    assertThat(sink.lookup(shipment, KEY)).isEmpty();
    WriteResult written = sink.write(shipment, KEY);
    assertThat(sink.lookup(shipment, KEY)).hasValue(WriteResult.alreadyApplied(written.remoteId()));
    JsonNode stats = JSON.readTree(fx.sim.stats());
    assertThat(stats.path("documents_by_order").path(number).path("tracks").get(0).asText()).isEqualTo("1ZERP0001");
    assertThat(stats.path("documents_by_order").path(number).path("shipments").asInt()).isEqualTo(1);
    Shipment noTracking = Shipment.builder().orderNumber(number)
        .ref(io.commercesync.core.model.ExternalRef.of(SystemId.DYNAMICS_GP, "INV-77")).build();
    assertThat(sink.lookup(noTracking, KEY)).as("found by the ERP shipment named in the comment").isPresent();
    InvalidRecordException wrongSku = catchThrowableOfType(InvalidRecordException.class, () -> sink.write(
        Shipment.builder().orderNumber(number).addLine(ShipmentLine.of("NOT-ON-ORDER", BigDecimal.ONE, null)).build(),
        KEY));
    assertThat(wrongSku.violations()).extracting(v -> v.path()).containsExactly("lines[0].sku");
    InvalidRecordException unknownOrder = catchThrowableOfType(InvalidRecordException.class, () -> sink.write(
        Shipment.builder().orderNumber("999999999").build(), KEY));
    assertThat(unknownOrder.violations().get(0).path()).isEqualTo("orderNumber");
  }

  @Test
  void invoiceSink_invoicesOffline_andLookupFindsTheErpDocument() throws Exception {
    InvoiceSink sink = storefront.require(InvoiceSink.class);
    long id = orderInState("new");
    String number = order(id).path("increment_id").asText();
    Invoice invoice = Invoice.builder().number("INV-2026-0001").orderNumber(number).invoiceDate(LocalDate.of(2026, 1, 2))
        .currency(java.util.Currency.getInstance("USD")).total(Money.of(order(id).path("grand_total").asText(), "USD"))
        .build();
    assertThat(sink.lookup(invoice, KEY)).isEmpty();
    WriteResult written = sink.write(invoice, KEY);
    assertThat(sink.lookup(invoice, KEY)).hasValue(WriteResult.alreadyApplied(written.remoteId()));
    assertThat(order(id).path("state").asText()).isEqualTo("processing");
    assertThat(order(id).path("total_paid").decimalValue()).isEqualByComparingTo(order(id).path("grand_total").decimalValue());
  }

  /**
   * Regression (found by the demo): an order Magento invoiced itself (captured at checkout) got the ERP's
   * invoice too, Magento refused it ("The order does not allow an invoice to be created") and the invoice
   * was dead-lettered. Nothing is left to invoice: the write is UNCHANGED, and no second invoice exists.
   */
  @Test
  void invoiceSink_orderAlreadyInvoicedInMagento_isUnchanged_notRefused() throws Exception {
    InvoiceSink sink = storefront.require(InvoiceSink.class);
    long id = orderInState("processing");
    String number = order(id).path("increment_id").asText();
    int invoicesBefore = JSON.readTree(fx.sim.stats()).path("documents_by_order").path(number).path("invoices").asInt();
    assertThat(invoicesBefore).isPositive();
    Invoice invoice = Invoice.builder().number("INV-2026-0002").orderNumber(number).invoiceDate(LocalDate.of(2026, 1, 2))
        .currency(java.util.Currency.getInstance("USD")).total(Money.of(order(id).path("grand_total").asText(), "USD"))
        .build();
    WriteResult result = sink.write(invoice, KEY);
    assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.UNCHANGED);
    assertThat(JSON.readTree(fx.sim.stats()).path("documents_by_order").path(number).path("invoices").asInt())
        .isEqualTo(invoicesBefore);
  }

  /**
   * Regression (found by the demo with 20 % injected faults): the return source took a credit memo from the
   * pager and then looked its order number up; when that call failed, the credit memo was already consumed
   * and the retried read went on without it. It is read again now.
   */
  @Test
  void returnSource_aFailedOrderLookupWhileReading_keepsTheCreditMemo() throws Exception {
    ReturnSource source = storefront.require(ReturnSource.class);
    List<String> expected = all(source.read(Cursor.START)).stream().map(RawRecord::key).toList();
    assertThat(expected).isNotEmpty();
    ReturnSource fresh = MagentoStorefront.of(fx.oauthClient()).require(ReturnSource.class);
    fx.sim.faults().enqueue(call -> call.method().equals("GET") && call.path().matches(".*/V1/orders/\\d+"),
        io.commercesync.testkit.fault.Fault.of(io.commercesync.testkit.fault.Fault.Kind.UNAVAILABLE));
    List<String> keys = new java.util.ArrayList<>();
    int failures = 0;
    try (RecordStream records = fresh.read(Cursor.START)) {
      while (true) {
        boolean more;
        try {
          more = records.hasNext();
        } catch (io.commercesync.core.error.RemoteSystemException e) {
          assertThat(e.retryable()).isTrue();
          failures++;
          continue;
        }
        if (!more) {
          break;
        }
        keys.add(records.next().key());
      }
    }
    assertThat(failures).isEqualTo(1);
    assertThat(keys).containsExactlyElementsOf(expected);
  }

  @Test
  void orderStatusSink_commentsWithTheStatus_cancels_andRefusesAnImpossibleCancel() throws Exception {
    OrderStatusSink sink = storefront.require(OrderStatusSink.class);
    long id = orderInState("new");
    String number = order(id).path("increment_id").asText();
    OrderStatusUpdate processing = new OrderStatusUpdate(number, null, OrderStatus.PROCESSING, null,
        "Accepted by ERP", false);
    assertThat(sink.lookup(processing, KEY)).isEmpty();
    sink.write(processing, KEY);
    assertThat(order(id).path("status").asText()).isEqualTo("processing");
    assertThat(sink.lookup(processing, KEY)).isPresent();
    long complete = orderInState("complete");
    RemoteSystemException refused = catchThrowableOfType(RemoteSystemException.class, () -> sink.write(
        new OrderStatusUpdate(order(complete).path("increment_id").asText(), null, OrderStatus.CANCELED, null, null,
            false), KEY));
    assertThat(refused.retryable()).isFalse();
    assertThat(refused.getMessage()).contains("/cancel").contains("state complete");
    sink.write(new OrderStatusUpdate(number, String.valueOf(id), OrderStatus.CANCELED, null, "Canceled in ERP", false),
        KEY);
    assertThat(order(id).path("state").asText()).isEqualTo("canceled");
  }

  @Test
  void returnSource_readsCreditMemosWithTheirOrderNumber() throws Exception {
    ReturnSource source = storefront.require(ReturnSource.class);
    List<RawRecord> memos = all(source.read(Cursor.START));
    assertThat(memos).isNotEmpty();
    for (RawRecord r : memos) {
      Return ret = source.decode(r);
      assertThat(ret.number()).isEqualTo(r.key());
      assertThat(ret.orderNumber()).matches("\\d{9}");
      assertThat(ret.total().isPositive()).isTrue();
    }
    assertThat(source.fetch(memos.get(0).key())).hasValueSatisfying(r -> assertThat(r.key()).isEqualTo(memos.get(0).key()));
  }
}
