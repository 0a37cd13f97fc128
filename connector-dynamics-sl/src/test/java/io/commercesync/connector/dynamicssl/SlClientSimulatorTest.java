package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.TransportException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.JournalLine;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStanding;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.JournalSink;
import io.commercesync.core.spi.OrderSink;
import io.commercesync.core.spi.PaymentSink;
import io.commercesync.core.spi.RealtimeLookup;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract tests of the client and the capabilities against the SL simulator. */
class SlClientSimulatorTest {

  private final FaultSchedule faults = FaultSchedule.none();
  private final SlSimulator sim = SlSimulator.builder().faults(faults).start();
  private final SlClient client = SlFixtures.client(sim.baseUri()).build();
  private final SlConnector connector = SlConnector.builder().client(client).build();

  @AfterEach
  void stop() {
    sim.close();
  }

  private static IdempotencyKey key(String id) {
    return IdempotencyKey.of(SystemId.CLARITY, "order", id, "sl-sales-order");
  }

  @Test
  void createSalesOrder_returnsTheOrdNbrSlAssigned_andTheOrderReadsBack() {
    String ordNbr = client.createSalesOrder(SlFixtures.request(SlFixtures.order("CS-100045")), key("CS-100045"));
    assertThat(ordNbr).isEqualTo("WO004512");
    Order back = client.salesOrder(null, ordNbr).orElseThrow();
    assertThat(back.number()).isEqualTo("CS-100045");
    assertThat(back.ref(SystemId.DYNAMICS_SL)).contains(ExternalRef.of(SystemId.DYNAMICS_SL, "WO004512"));
    assertThat(back.grandTotal()).isEqualTo(Money.of("111.52", "USD"));
    assertThat(back.totalsReconcile()).isTrue();
    assertThat(back.lines()).extracting(l -> l.sku() + " x" + l.quantity()).containsExactly("WID-100-BLK x2", "GAD-220 x1");
    assertThat(back.shippingAddress().countryCode()).isEqualTo("US");
  }

  @Test
  void orderSink_lookupFindsAnOrderWhoseResponseWasLost_soNoDuplicateIsCreated() {
    OrderSink sink = connector.require(OrderSink.class);
    SalesOrderRequest request = SlFixtures.request(SlFixtures.order("CS-200001"));
    assertThat(sink.lookup(request, key("CS-200001"))).isEmpty();
    faults.enqueue(c -> c.method().equals("POST"), Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    TransportException lost = catchThrowableOfType(TransportException.class, () -> sink.write(request, key("CS-200001")));
    assertThat(lost.retryable()).isTrue();
    // what the pipeline does before a retry: ask the target
    assertThat(sink.lookup(request, key("CS-200001"))).get().extracting(WriteResult::outcome)
        .isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(sim.ordersPerCustOrdNbr()).containsEntry("CS-200001", 1);
  }

  @Test
  void retriedPostWithTheSameIdempotencyKey_isReplayed_notDuplicated() {
    SalesOrderRequest request = SlFixtures.request(SlFixtures.order("CS-200002"));
    String first = client.createSalesOrder(request, key("CS-200002"));
    String again = client.createSalesOrder(request, key("CS-200002"));
    assertThat(again).isEqualTo(first);
    assertThat(sim.ordersPerCustOrdNbr()).containsEntry("CS-200002", 1);
  }

  @Test
  void unknownShipViaAndItem_areTypedErrorsWithTheSlFields() {
    Order order = SlFixtures.order("CS-200003");
    SalesOrderRequest request = new SalesOrderRequest(order, "C20311",
        List.of(new SalesLine(1, "NO-SUCH-ITEM", "AUSTIN", "EA"), new SalesLine(2, "GAD-220", "AUSTIN", "EA")),
        "FEDEX-2DAY", Map.of(), "0060");
    SlApiException e = catchThrowableOfType(SlApiException.class, () -> client.createSalesOrder(request, key("x")));
    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).hasValue(400);
    assertThat(e.remoteCode()).hasValue("VALIDATION_FAILED");
    assertThat(e.requestId()).isPresent();
    assertThat(e.fieldErrors()).extracting(f -> f.pointer() + " " + f.code())
        .containsExactlyInAnyOrder("/SOHeader/ShipViaID NOT_FOUND", "/SOLine/0/InvtID NOT_FOUND");
    assertThat(e.getMessage()).contains("dynamics-sl", "POST /api/SalesOrder", "CS-200003", "ShipViaID 'FEDEX-2DAY'");
  }

  @Test
  void overLongValues_areRefusedBeforeAnyCall_namingTheSlColumnAndWidth() {
    SalesOrderRequest request = new SalesOrderRequest(SlFixtures.order("CS-" + "9".repeat(23)), "C20311",
        List.of(new SalesLine(1, "W".repeat(31), "AUSTIN", "EA"), new SalesLine(2, "GAD-220", "AUSTIN", "EA")),
        "UPS-GROUND", Map.of(), "0060");
    long before = sim.server().log().total();
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> client.createSalesOrder(request, key("y")));
    assertThat(e.recordSystem()).isEqualTo(SystemId.DYNAMICS_SL);
    assertThat(e.violations()).extracting(Object::toString).containsExactlyInAnyOrder(
        "/SOHeader/CustOrdNbr: SOHeader.CustOrdNbr is char(25): must be at most 25 characters (was 26)",
        "/SOLine/0/InvtID: SOLine.InvtID is char(30): must be at most 30 characters (was 31)");
    assertThat(sim.server().log().total()).isEqualTo(before);
  }

  @Test
  void textOutsideTheCodePage_isRejected_orTransliteratedWhenConfigured() {
    Order order = SlFixtures.order("CS-200004");
    Order polish = order.toBuilder().shippingAddress(order.shippingAddress().toBuilder()
        .firstName("Łukasz").lastName("Wójcik-Żółć").build()).build();
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> client.createSalesOrder(SlFixtures.request(polish), key("z")));
    assertThat(e.violations()).extracting(v -> v.path()).containsExactly("/SOHeader/ShipName", "/SOHeader/ShipAttn");
    assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).contains("code page windows-1252", "'Ł'"));
    SlClient lenient = client.toBuilder().transliterate(true).build();
    String ordNbr = lenient.createSalesOrder(SlFixtures.request(polish), key("z"));
    assertThat(sim.row("SOHeader", "0060", ordNbr)).contains("\"ShipName\":\"Lukasz Wójcik-Zólc\"");
  }

  /**
   * Regression (found by the demo): a storefront line name in a script SL's code page cannot hold refused
   * the whole order; SOLine.Descr is descriptive, so it is left to SL's item description.
   */
  @Test
  void lineNameOutsideTheCodePage_leavesDescrToSl_andTheOrderGoesThrough() {
    Order order = SlFixtures.order("CS-200005");
    Order cyrillic = order.toBuilder().lines(List.of(order.lines().get(0).toBuilder().name("Деталь 1004").build(),
        order.lines().get(1))).build();
    String ordNbr = client.createSalesOrder(SlFixtures.request(cyrillic), key("CS-200005"));
    assertThat(sim.row("SOLine", "0060", ordNbr, "00001")).doesNotContain("Деталь");
    assertThat(sim.row("SOLine", "0060", ordNbr, "00002")).contains("\"Descr\":\"" + order.lines().get(1).name() + "\"");
  }

  @Test
  void customerStore_createsWithADeterministicCustId_findsAndSearches() {
    CustomerStore store = connector.require(CustomerStore.class);
    Customer zofia = SlFixtures.newCustomer("zofia.nowak@example.com");
    assertThat(store.lookup(zofia, key("c"))).isEmpty();
    WriteResult created = store.write(zofia, key("c"));
    assertThat(created.remoteId()).isEqualTo(SlCustomerIds.candidate(zofia, 0)).startsWith("NOWAK").hasSizeLessThanOrEqualTo(15);
    assertThat(store.lookup(zofia, key("c"))).get().extracting(WriteResult::outcome)
        .isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    Customer found = store.findById(created.remoteId()).orElseThrow();
    assertThat(found.email()).isEqualTo("zofia.nowak@example.com");
    assertThat(found.firstName()).isEqualTo("Zofia");
    assertThat(found.lastName()).isEqualTo("Nowak");
    assertThat(found.defaultShipping()).get().extracting(a -> a.key()).isEqualTo("DEFAULT");
    assertThat(store.search(CustomerQuery.byEmail("ZOFIA.NOWAK@example.com"))).hasSize(1);
    assertThatThrownBy(() -> client.createCustomer(zofia, created.remoteId(), key("c2")))
        .isInstanceOf(DuplicateDetectedException.class);
    WriteResult updated = store.write(found.toBuilder().phone("512-555-0199").build(), key("c3"));
    assertThat(updated.outcome()).isEqualTo(WriteResult.Outcome.UPDATED);
    assertThat(store.findById(created.remoteId()).orElseThrow().phone()).isEqualTo("512-555-0199");
  }

  @Test
  void journalSink_postsABalancedBatch_withPerPostFromTheFiscalCalendar_andLooksItUp() {
    SlClient fiscal = client.toBuilder().fiscalYearStart(java.time.Month.JULY).build();
    JournalSink sink = SlConnector.builder().client(fiscal).build().require(JournalSink.class);
    JournalEntry entry = JournalEntry.builder().reference("stl_2024_05_14").date(LocalDate.of(2024, 5, 14))
        .description("Web card settlement 2024-05-14").currency(Money.currency("USD"))
        .addLine(JournalLine.debit("1010", Money.of("1082.40", "USD"), "Card settlement deposit"))
        .addLine(JournalLine.debit("6150/01-000-00", Money.of("31.69", "USD"), "Card processing fees"))
        .addLine(JournalLine.credit("1205", Money.of("1114.09", "USD"), "Clear web receipts 2024-05-14"))
        .build();
    assertThat(sink.lookup(entry, key("gl"))).isEmpty();
    String batNbr = sink.write(entry, key("gl")).remoteId();
    assertThat(batNbr).matches("\\d{6}");
    assertThat(sim.row("Batch", "GL", batNbr)).contains("\"PerPost\":\"202411\"", "\"CuryCtrlTot\":1114.09");
    assertThat(sink.lookup(entry, key("gl"))).contains(WriteResult.alreadyApplied(batNbr));
  }

  @Test
  void paymentSink_entersAnArPaymentAppliedToTheInvoice_andLooksItUp() {
    PaymentSink sink = connector.require(PaymentSink.class);
    Payment payment = Payment.builder().id("pay_000981").method("card").amount(Money.of("100.00", "USD"))
        .cardType("VI").cardLast4("1111").orderNumber("CS-100045").build();
    CashReceipt receipt = new CashReceipt(payment, "C20311", "1010/01-000-00", null, "INV10422",
        LocalDate.of(2024, 5, 14), null);
    assertThat(sink.lookup(receipt, key("p"))).isEmpty();
    assertThat(sink.write(receipt, key("p")).remoteId()).isEqualTo("pay_000981");
    assertThat(sink.lookup(receipt, key("p"))).contains(WriteResult.alreadyApplied("pay_000981"));
    CustomerStanding standing = connector.require(RealtimeLookup.class).standing("C20311");
    assertThat(standing.balance()).isEqualTo(Money.of("150.00", "USD"));
    assertThatThrownBy(() -> sink.write(receipt, key("p2"))).isInstanceOf(DuplicateDetectedException.class);
  }

  @Test
  void realtimeLookup_stockKeepsNegativeAvailability_andPriceIsStkBasePrc() {
    RealtimeLookup live = connector.require(RealtimeLookup.class);
    List<InventoryLevel> stock = live.stock("BCK-300");
    assertThat(stock).extracting(l -> l.location() + "=" + l.available().toPlainString())
        .containsExactly("AUSTIN=-3", "DALLAS=9");
    assertThat(stock.get(0).sellable()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(live.price("C20311", "WID-100-BLK", BigDecimal.ONE).unitPrice()).isEqualTo(Money.of("24.99", "USD"));
    assertThat(client.product("WID-100-BLK").orElseThrow().attributes()).containsEntry("UPCCode", "012345678905");
  }

  @Test
  void shipperOfAFulfilledOrder_carriesEveryBoxTrackingNumber() {
    String ordNbr = client.createSalesOrder(SlFixtures.request(SlFixtures.order("CS-200005")), key("s"));
    String shipperId = sim.fulfil("0060", ordNbr, List.of("1Z999AA10123456784", "1Z999AA10123456791"),
        "MASTER-1Z999AA1");
    var shipment = client.shipper(null, shipperId).orElseThrow();
    assertThat(shipment.orderNumber()).isEqualTo("CS-200005");
    assertThat(shipment.trackingNumbers()).containsExactly("1Z999AA10123456784", "1Z999AA10123456791", "MASTER-1Z999AA1");
    assertThat(shipment.lines()).extracting(l -> l.sku()).containsExactly("WID-100-BLK", "GAD-220");
    assertThat(client.shippersForOrder(null, "CS-200005")).hasSize(1);
    assertThat(client.salesOrder(null, ordNbr).orElseThrow().status()).isEqualTo(io.commercesync.core.model.OrderStatus.COMPLETE);
  }

  @Test
  void wrongCredentials_areAnAuthenticationError_withoutTheSecret() {
    SlClient bad = client.toBuilder().apiKey(Secret.of("sim-key"), Secret.of("s3cr3t-value-XYZ")).build();
    AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> bad.product("WID-100-BLK"));
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).doesNotContain("s3cr3t-value-XYZ").contains("GET /api/Product/WID-100-BLK");
    assertThat(bad.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void secondCompany_isAddressedByCpnyId() {
    SalesOrderRequest request = SlFixtures.request(SlFixtures.order("CS-300001"));
    SalesOrderRequest other = new SalesOrderRequest(request.order(), "C20311",
        List.of(new SalesLine(1, "WID-100-BLK", "HOUSTON", "EA"), new SalesLine(2, "GAD-220", "HOUSTON", "EA")),
        "UPS-GROUND", Map.of(), "0070");
    String ordNbr = client.createSalesOrder(other, key("co"));
    assertThat(sim.row("SOHeader", "0070", ordNbr)).contains("\"CpnyID\":\"0070\"");
    assertThat(client.salesOrder("0070", ordNbr)).isPresent();
    assertThat(client.salesOrder("0060", ordNbr)).isEmpty();
  }

  @Test
  void updates_replaceTheOrder_adjustStock_andChangeTheItemMaster() {
    String ordNbr = client.createSalesOrder(SlFixtures.request(SlFixtures.order("CS-400001")), key("u"));
    Order order = SlFixtures.order("CS-400001");
    Order smaller = order.toBuilder().lines(List.of(order.lines().get(0)))
        .subtotal(Money.of("49.98", "USD")).grandTotal(Money.of("56.53", "USD")).build();
    client.updateSalesOrder(ordNbr, new SalesOrderRequest(smaller, "C20311",
        List.of(new SalesLine(1, "WID-100-BLK", "AUSTIN", "EA")), "UPS-GROUND", Map.of(), null), key("u2"));
    Order back = client.salesOrder(null, ordNbr).orElseThrow();
    assertThat(back.lines()).hasSize(1);
    assertThat(back.grandTotal()).isEqualTo(Money.of("56.53", "USD"));
    assertThat(client.stock("GAD-220", null)).filteredOn(l -> l.location().equals("AUSTIN"))
        .extracting(l -> l.allocated().toPlainString()).containsExactly("3");

    client.adjustStock("GAD-220", "DALLAS", new BigDecimal("40"), null, key("a"));
    assertThat(client.stock("GAD-220", null)).filteredOn(l -> l.location().equals("DALLAS"))
        .extracting(l -> l.available().toPlainString()).containsExactly("40");

    var item = client.product("GAD-220").orElseThrow();
    client.updateProduct(item.toBuilder().name("Gadget 220, revised").basePrice(Money.of("59.99", "USD")).build(), key("p"));
    assertThat(client.product("GAD-220").orElseThrow().name()).isEqualTo("Gadget 220, revised");
    assertThat(client.basePrice("GAD-220").orElseThrow().amount()).isEqualTo(Money.of("59.99", "USD"));
  }

  @Test
  void withoutPolling_theSourcesAreNotOffered_andCustomerChangesSaySo() {
    assertThat(connector.capability(io.commercesync.core.spi.ShipmentSource.class)).isEmpty();
    assertThat(connector.capability(io.commercesync.core.spi.InventorySource.class)).isEmpty();
    assertThat(connector.capability(OrderSink.class)).isPresent();
    assertThatThrownBy(() -> connector.require(CustomerStore.class).changes())
        .isInstanceOf(io.commercesync.core.error.ConfigurationException.class).hasMessageContaining("polling");
    assertThatThrownBy(() -> connector.require(io.commercesync.core.spi.ItemSource.class))
        .hasMessageContaining("does not offer ItemSource");
  }
}
