package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.TransportException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.OrderSink;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.ReturnSink;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract tests of {@link ReturnSink} (credit memo orders) against the SL simulator. */
class SlReturnSinkSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FaultSchedule faults = FaultSchedule.none();
  private final SlSimulator sim = SlSimulator.builder().faults(faults).start();
  private final SlClient client = SlFixtures.client(sim.baseUri()).build();
  private final SlConnector connector = SlConnector.builder().client(client).build();
  private final ReturnSink sink = connector.require(ReturnSink.class);

  @AfterEach
  void stop() {
    sim.close();
  }

  private static IdempotencyKey key(String id) {
    return IdempotencyKey.of(SystemId.MAGENTO, "return", id, "erp-return:dynamics-sl");
  }

  private JsonNode header(String ordNbr) throws Exception {
    return JSON.readTree(sim.row("SOHeader", "0060", ordNbr));
  }

  private List<JsonNode> lines(String ordNbr) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String row : sim.rows("SOLine")) {
      JsonNode n = JSON.readTree(row);
      if (n.path("OrdNbr").asText().equals(ordNbr)) {
        out.add(n);
      }
    }
    return out;
  }

  private String stock(String invtId, String site) throws Exception {
    JsonNode s = JSON.readTree(sim.row("ItemSite", invtId, site));
    return s.path("QtyOnHand").asText() + "/" + s.path("QtyAllocSO").asText() + "/" + s.path("QtyAvail").asText();
  }

  @Test
  void write_entersOneCreditMemoOrder_withTheSlFields_linkedToTheRefundedOrder() throws Exception {
    String original = client.createSalesOrder(SlFixtures.request(SlFixtures.order("CS-100045")),
        IdempotencyKey.of(SystemId.MAGENTO, "order", "CS-100045", "sl-sales-order"));
    String widgetStock = stock("WID-100-BLK", "AUSTIN");
    ReturnRequest request = SlFixtures.returnRequest(SlFixtures.creditMemo("CM-000000077"));

    assertThat(sink.lookup(request, key("CM-000000077"))).isEmpty();
    WriteResult written = sink.write(request, key("CM-000000077"));

    assertThat(written.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
    String ordNbr = written.remoteId();
    JsonNode h = header(ordNbr);
    assertThat(h.path("SOTypeID").asText()).isEqualTo("CM");
    assertThat(h.path("CustID").asText()).isEqualTo("C20311");
    assertThat(h.path("CustOrdNbr").asText()).isEqualTo("CM-000000077");
    assertThat(h.path("CpnyID").asText()).isEqualTo("0060");
    assertThat(h.path("OrigOrdNbr").asText()).isEqualTo(original);
    assertThat(h.path("User2").asText()).isEqualTo("901");
    assertThat(h.path("User3").asText()).isEqualTo("CS-100045");
    assertThat(h.path("OrdDate").asText()).isEqualTo("2024-05-20");
    assertThat(h.path("CuryTotMerch").decimalValue()).isEqualByComparingTo("79.98");
    assertThat(h.path("CuryWholeOrdDisc").decimalValue()).isEqualByComparingTo("10.12");
    assertThat(h.path("CuryTotTax").decimalValue()).isEqualByComparingTo("5.00");
    assertThat(h.path("CuryTotOrd").decimalValue()).isEqualByComparingTo("74.86");
    assertThat(lines(ordNbr)).extracting(l -> l.path("InvtID").asText() + "@" + l.path("SiteID").asText() + " x"
            + l.path("QtyOrd").decimalValue().stripTrailingZeros().toPlainString() + " " + l.path("CurySlsPrice").asText())
        .containsExactly("WID-100-BLK@AUSTIN x1 24.99", "GAD-220@AUSTIN x1 54.99");
    // SL moves a credit memo's stock when it is processed, not on entry
    assertThat(stock("WID-100-BLK", "AUSTIN")).isEqualTo(widgetStock);
    assertThat(sim.creditMemosPerCustOrdNbr()).containsExactly(java.util.Map.entry("CM-000000077", 1));
    assertThat(sim.ordersPerCustOrdNbr()).containsOnlyKeys("CS-100045");
  }

  @Test
  void writeAgain_orLookupAfterALostResponse_findsTheCreditMemo_andSlStillHoldsOne() {
    ReturnRequest request = SlFixtures.returnRequest(SlFixtures.creditMemo("CM-000000078"));
    faults.enqueue(c -> c.method().equals("POST"), Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    TransportException lost = catchThrowableOfType(TransportException.class,
        () -> sink.write(request, key("CM-000000078")));
    assertThat(lost.retryable()).isTrue();

    // what the pipeline does before a retry (or after a crash): ask SL
    WriteResult found = sink.lookup(request, key("CM-000000078")).orElseThrow();
    assertThat(found.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(found.remoteId()).startsWith("CM");
    // a replay that writes anyway is answered from the Idempotency-Key, not entered twice
    assertThat(sink.write(request, key("CM-000000078")).remoteId()).isEqualTo(found.remoteId());
    assertThat(sim.creditMemosPerCustOrdNbr()).containsEntry("CM-000000078", 1);
    assertThat(sink.lookup(request, key("CM-000000078"))).get().extracting(WriteResult::remoteId)
        .isEqualTo(found.remoteId());
  }

  @Test
  void creditMemoAndOrderWithTheSameNumber_areToldApartBySoTypeId() {
    // Magento numbers orders and credit memos in separate sequences: both can be 000000001
    Return memo = SlFixtures.creditMemo("CS-100045");
    ReturnRequest request = SlFixtures.returnRequest(memo);
    OrderSink orders = connector.require(OrderSink.class);
    SalesOrderRequest order = SlFixtures.request(SlFixtures.order("CS-100045"));

    sink.write(request, key("CS-100045"));
    assertThat(orders.lookup(order, IdempotencyKey.of(SystemId.MAGENTO, "order", "CS-100045", "o"))).isEmpty();
    orders.write(order, IdempotencyKey.of(SystemId.MAGENTO, "order", "CS-100045", "o"));
    assertThat(sink.lookup(request, key("CS-100045"))).isPresent();
    assertThat(sim.ordersPerCustOrdNbr()).containsEntry("CS-100045", 1);
    assertThat(sim.creditMemosPerCustOrdNbr()).containsEntry("CS-100045", 1);
  }

  @Test
  void overLongCreditMemoNumber_isRefusedBeforeAnyCall_namingCustOrdNbrAndItsWidth() {
    ReturnRequest request = SlFixtures.returnRequest(SlFixtures.creditMemo("CM-" + "7".repeat(23)));
    long before = sim.server().log().total();
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> sink.write(request, key("long")));
    assertThat(e.recordSystem()).isEqualTo(SystemId.DYNAMICS_SL);
    assertThat(e.entity()).isEqualTo("credit memo");
    assertThat(e.recordId()).hasValue("CM-" + "7".repeat(23));
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("/SOHeader/CustOrdNbr");
      assertThat(v.rule()).isEqualTo(FieldViolation.RULE_MAX_LENGTH);
      assertThat(v.message()).contains("SOHeader.CustOrdNbr is char(25)", "at most 25", "was 26");
    });
    assertThat(e.getMessage()).contains("dynamics-sl", "CustOrdNbr");
    assertThat(sim.server().log().total()).isEqualTo(before);
    assertThat(sim.creditMemosPerCustOrdNbr()).isEmpty();
  }

  @Test
  void unknownItemAndSite_areTypedRejectionsWithTheSlFields() {
    Return memo = SlFixtures.creditMemo("CM-000000079");
    ReturnRequest request = new ReturnRequest(memo, "C20311",
        List.of(new SalesLine(1, "NO-SUCH-ITEM", "AUSTIN", "EA"), new SalesLine(2, "GAD-220", "ELPASO", "EA")), "0060");
    SlApiException e = catchThrowableOfType(SlApiException.class, () -> sink.write(request, key("CM-000000079")));
    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).hasValue(400);
    assertThat(e.fieldErrors()).extracting(f -> f.pointer() + " " + f.code())
        .containsExactlyInAnyOrder("/SOLine/0/InvtID NOT_FOUND", "/SOLine/1/SiteID NOT_FOUND");
    assertThat(e.getMessage()).contains("dynamics-sl", "POST /api/SalesOrder", "CM-000000079");
    assertThat(sim.creditMemosPerCustOrdNbr()).isEmpty();
  }

  @Test
  void unknownCustomer_isATypedRejection() {
    ReturnRequest request = new ReturnRequest(SlFixtures.creditMemo("CM-000000080"), "C99999",
        SlFixtures.returnRequest(SlFixtures.creditMemo("x")).lines(), "0060");
    SlApiException e = catchThrowableOfType(SlApiException.class, () -> sink.write(request, key("CM-000000080")));
    assertThat(e.fieldErrors()).extracting(f -> f.pointer() + " " + f.code())
        .containsExactly("/SOHeader/CustID NOT_FOUND");
  }

  @Test
  void anotherCompany_andAnOrderNotInSl_areEnteredWithoutOrigOrdNbr() throws Exception {
    Return memo = SlFixtures.creditMemo("CM-000000081");
    ReturnRequest request = new ReturnRequest(memo, "C20311",
        List.of(new SalesLine(1, "WID-100-BLK", "HOUSTON", "EA"), new SalesLine(2, "GAD-220", "HOUSTON", "EA")), "0070");
    String ordNbr = sink.write(request, key("CM-000000081")).remoteId();
    JsonNode h = JSON.readTree(sim.row("SOHeader", "0070", ordNbr));
    assertThat(h.path("CpnyID").asText()).isEqualTo("0070");
    assertThat(h.path("OrigOrdNbr").asText("")).isBlank();
    assertThat(h.path("User3").asText()).isEqualTo("CS-100045");
    assertThat(sink.lookup(request, key("CM-000000081"))).isPresent();
    // the default company does not hold it
    assertThat(sink.lookup(new ReturnRequest(memo, "C20311", request.lines(), null), key("CM-000000081"))).isEmpty();
  }

  @Test
  void aConfiguredCreditMemoTypeSlDoesNotHave_isRefusedBySl() {
    SlClient other = SlFixtures.client(sim.baseUri()).creditMemoOrderType("RC").build();
    ReturnSink otherSink = SlConnector.builder().client(other).build().require(ReturnSink.class);
    SlApiException e = catchThrowableOfType(SlApiException.class,
        () -> otherSink.write(SlFixtures.returnRequest(SlFixtures.creditMemo("CM-000000082")), key("CM-000000082")));
    assertThat(e.fieldErrors()).extracting(f -> f.pointer() + " " + f.code())
        .containsExactly("/SOHeader/SOTypeID NOT_FOUND");
  }

  @Test
  void creditMemoOrderType_isValidatedAtBuildTime() {
    assertThatThrownBy(() -> SlFixtures.client(sim.baseUri()).creditMemoOrderType("CREDIT").build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("creditMemoOrderType");
    assertThatThrownBy(() -> SlFixtures.client(sim.baseUri()).creditMemoOrderType("SO").build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("must differ from orderType");
    assertThat(client.creditMemoOrderType()).isEqualTo("CM");
  }

  @Test
  void aRefundWithoutLines_withoutCreditMemoAccounts_isRefusedNamingLinesAndTheOption_neverSentAsAnEmptyOrder() {
    Return moneyOnly = Return.builder().number("CM-000000083").orderNumber("CS-100045")
        .createdAt(java.time.Instant.parse("2024-05-21T10:00:00Z")).currency(java.util.Currency.getInstance("USD"))
        .adjustment(Money.of("15.00", "USD")).total(Money.of("15.00", "USD")).build();
    long before = sim.server().log().total();
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> sink.write(new ReturnRequest(moneyOnly, "C20311", List.of(), "0060"), key("CM-000000083")));
    assertThat(e.entity()).isEqualTo("credit memo");
    assertThat(e.violations()).extracting(FieldViolation::path).containsExactly("lines");
    assertThat(e.violations().get(0).message()).contains("ARDoc CM", "creditMemoAccounts");
    assertThat(sim.server().log().total()).isEqualTo(before);
    assertThat(sim.creditMemosPerCustOrdNbr()).isEmpty();
    assertThat(sim.arCreditMemosPerRefNbr()).isEmpty();
  }

  @Test
  void createCreditMemo_calledWithoutLines_isRefusedPointingToTheArCreditMemo() {
    Return moneyOnly = SlFixtures.moneyOnly("CM-000000085", "8.95", "0.00", "0.00");
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> client.createCreditMemo(SlFixtures.moneyOnlyRequest(moneyOnly), key("CM-000000085")));
    assertThat(e.violations()).extracting(FieldViolation::path).containsExactly("lines");
    assertThat(e.violations().get(0).message()).contains("SOLine is required", "AR credit memo (ARDoc CM + ARTran)");
  }

  @Test
  void fulfilRefusesACreditMemo_theSimulatorMovesNoStockForIt() {
    String ordNbr = sink.write(SlFixtures.returnRequest(SlFixtures.creditMemo("CM-000000084")), key("CM-000000084"))
        .remoteId();
    assertThatThrownBy(() -> sim.fulfil("0060", ordNbr, List.of(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("credit memo");
  }
}
