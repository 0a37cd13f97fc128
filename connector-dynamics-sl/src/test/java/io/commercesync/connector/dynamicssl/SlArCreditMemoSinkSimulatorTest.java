package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.TransportException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.RealtimeLookup;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.ReturnSink;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contract tests of {@link ReturnSink} for money-only refunds (AR credit memos) against the SL simulator. */
class SlArCreditMemoSinkSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FaultSchedule faults = FaultSchedule.none();
  private final SlSimulator sim = SlSimulator.builder().faults(faults).start();
  private final SlClient client = SlFixtures.client(sim.baseUri()).creditMemoAccounts(SlFixtures.ACCOUNTS).build();
  private final SlConnector connector = SlConnector.builder().client(client).build();
  private final ReturnSink sink = connector.require(ReturnSink.class);

  @AfterEach
  void stop() {
    sim.close();
  }

  private static IdempotencyKey key(String id) {
    return IdempotencyKey.of(SystemId.MAGENTO, "return", id, "erp-return:dynamics-sl");
  }

  private JsonNode doc(String refNbr) throws Exception {
    String row = sim.row("ARDoc", "C20311", "CM", refNbr);
    assertThat(row).as("ARDoc CM " + refNbr).isNotNull();
    return JSON.readTree(row);
  }

  /** The ARTran lines of credit memo {@code refNbr} as {@code LineNbr DrCr Acct/Sub amount TranDesc}. */
  private List<String> lines(String refNbr) throws Exception {
    List<String> out = new ArrayList<>();
    for (String row : sim.rows("ARTran")) {
      JsonNode t = JSON.readTree(row);
      if (t.path("RefNbr").asText().equals(refNbr) && t.path("TranType").asText().equals("CM")) {
        out.add(t.path("LineNbr").asInt() + " " + t.path("DrCr").asText() + " " + t.path("Acct").asText() + "/"
            + t.path("Sub").asText() + " " + t.path("CuryTranAmt").decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() + " "
            + t.path("TranDesc").asText());
      }
    }
    return out;
  }

  @Test
  void write_entersOneArCreditMemo_withTheSlFields_linkedToTheRefundedOrder() throws Exception {
    String original = client.createSalesOrder(SlFixtures.request(SlFixtures.order("CS-100045")),
        IdempotencyKey.of(SystemId.MAGENTO, "order", "CS-100045", "sl-sales-order"));
    Money before = client.openBalance("C20311", null);
    // Magento: shipping refunded, a goodwill adjustment_positive and the tax on the shipping
    ReturnRequest request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000091", "8.95", "5.00", "0.72"));

    assertThat(sink.lookup(request, key("000000091"))).isEmpty();
    WriteResult written = sink.write(request, key("000000091"));

    assertThat(written.outcome()).isEqualTo(WriteResult.Outcome.CREATED);
    assertThat(written.remoteId()).isEqualTo("000000091").isEqualTo(client.arCreditMemoRefNbr(request));
    JsonNode d = doc("000000091");
    assertThat(d.path("CpnyID").asText()).isEqualTo("0060");
    assertThat(d.path("CustOrdNbr").asText()).isEqualTo("CS-100045");
    assertThat(d.path("OrdNbr").asText()).isEqualTo(original);
    assertThat(d.path("DocDate").asText()).isEqualTo("2024-05-21");
    assertThat(d.path("PerPost").asText()).isEqualTo("202405");
    assertThat(d.path("CuryId").asText()).isEqualTo("USD");
    assertThat(d.path("DocDesc").asText()).isEqualTo("Refund 000000091");
    assertThat(d.path("CuryOrigDocAmt").decimalValue()).isEqualByComparingTo("14.67");
    assertThat(d.path("CuryDocBal").decimalValue()).isEqualByComparingTo("14.67");
    assertThat(d.path("OpenDoc").asInt()).isEqualTo(1);
    assertThat(lines("000000091")).containsExactly("1 D 4900/01-000-00 5.00 Adjustment refund",
        "2 D 4050/01-000-00 8.95 Shipping refund", "3 D 2300/01-000-00 0.72 Tax refund");
    for (String row : sim.rows("ARTran")) {
      assertThat(JSON.readTree(row).path("ExtRefNbr").asText()).isEqualTo("000000091");
    }
    assertThat(sim.arCreditMemosPerRefNbr()).containsExactly(Map.entry("000000091", 1));
    assertThat(sim.creditMemosPerCustOrdNbr()).as("no credit memo order for a money-only refund").isEmpty();
    // an open credit: the customer's standing counts it
    assertThat(client.openBalance("C20311", null)).isEqualTo(before.minus(Money.of("14.67", "USD")));
    assertThat(connector.require(RealtimeLookup.class).standing("C20311").balance())
        .isEqualTo(before.minus(Money.of("14.67", "USD")));

    SlArCreditMemo found = client.findArCreditMemo(null, "C20311", "000000091").orElseThrow();
    assertThat(found).isEqualTo(new SlArCreditMemo("000000091", "C20311", "CS-100045", original,
        Money.of("14.67", "USD"), Money.of("14.67", "USD"), "Refund 000000091"));
    assertThat(client.findArCreditMemo("0070", "C20311", "000000091")).isEmpty();
  }

  @Test
  void lookupAfterALostResponse_findsTheCreditMemo_andAReplayIsAnsweredFromTheKey_slHoldsOne() {
    ReturnRequest request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000092", "8.95", "0.00", "0.00"));
    faults.enqueue(c -> c.method().equals("POST"), Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    TransportException lost = catchThrowableOfType(TransportException.class,
        () -> sink.write(request, key("000000092")));
    assertThat(lost.retryable()).isTrue();

    // what the pipeline does before a retry (or after a crash): ask SL
    WriteResult found = sink.lookup(request, key("000000092")).orElseThrow();
    assertThat(found.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(found.remoteId()).isEqualTo("000000092");
    // a replay that writes anyway under the same key is answered from the Idempotency-Key, not entered twice
    assertThat(sink.write(request, key("000000092")).remoteId()).isEqualTo("000000092");
    assertThat(sim.arCreditMemosPerRefNbr()).containsExactly(Map.entry("000000092", 1));
  }

  @Test
  void writingAgainUnderAnotherKey_isADuplicateDetected_neverASecondCreditMemo() {
    ReturnRequest request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000093", "0.00", "15.00", "0.00"));
    sink.write(request, key("000000093"));
    // e.g. a resumed run that lost its ledger: SL's key (CustId, CM, RefNbr) refuses a second one
    DuplicateDetectedException dup = catchThrowableOfType(DuplicateDetectedException.class,
        () -> sink.write(request, key("000000093-resumed")));
    assertThat(dup.retryable()).isFalse();
    assertThat(dup.entity()).isEqualTo("AR credit memo");
    assertThat(dup.existingId()).hasValue("000000093");
    assertThat(sim.arCreditMemosPerRefNbr()).containsExactly(Map.entry("000000093", 1));
  }

  @Test
  void creditMemoNumbersLongerThanRefNbr_getTheirDigest_andAreFoundByIt() throws Exception {
    // 17 characters: longer than RefNbr (10) and ExtRefNbr (15)
    ReturnRequest request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("CM-2024-000000094", "8.95", "0.00",
        "0.00"));
    String refNbr = client.arCreditMemoRefNbr(request);
    assertThat(refNbr).hasSize(10).startsWith("W").isNotEqualTo("CM-2024-00");
    assertThat(sink.write(request, key("long")).remoteId()).isEqualTo(refNbr);
    JsonNode d = doc(refNbr);
    assertThat(d.path("DocDesc").asText()).isEqualTo("Refund CM-2024-000000094");
    assertThat(JSON.readTree(sim.rows("ARTran").get(0)).path("ExtRefNbr").asText("")).isBlank();
    assertThat(sink.lookup(request, key("long"))).get().extracting(WriteResult::remoteId).isEqualTo(refNbr);

    // 12 characters: a digest RefNbr, the number itself in ExtRefNbr
    ReturnRequest twelve = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("CM-000000095", "1.00", "0.00", "0.00"));
    String twelveRef = sink.write(twelve, key("twelve")).remoteId();
    assertThat(twelveRef).startsWith("W").isNotEqualTo(refNbr);
    assertThat(sim.rows("ARTran")).anySatisfy(row -> assertThat(JSON.readTree(row).path("ExtRefNbr").asText())
        .isEqualTo("CM-000000095"));
  }

  @Test
  void anOrderNumberLongerThanCustOrdNbr_isRefusedBeforeAnyCall_namingTheColumnAndItsWidth() {
    Return memo = SlFixtures.moneyOnly("000000096", "8.95", "0.00", "0.00").toBuilder()
        .orderNumber("CS-" + "4".repeat(23)).build();
    long before = sim.server().log().total();
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> sink.write(SlFixtures.moneyOnlyRequest(memo), key("000000096")));
    assertThat(e.recordSystem()).isEqualTo(SystemId.DYNAMICS_SL);
    assertThat(e.entity()).isEqualTo("credit memo");
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("/ARDoc/CustOrdNbr");
      assertThat(v.rule()).isEqualTo(FieldViolation.RULE_MAX_LENGTH);
      assertThat(v.message()).isEqualTo("ARDoc.CustOrdNbr is char(25): must be at most 25 characters (was 26)");
    });
    assertThat(sim.server().log().total()).isEqualTo(before);
  }

  @Test
  void withoutCreditMemoAccounts_aMoneyOnlyRefundIsRefusedNamingTheOption_beforeAnyCall() {
    ReturnSink unconfigured = SlConnector.builder().client(SlFixtures.client(sim.baseUri()).build()).build()
        .require(ReturnSink.class);
    ReturnRequest request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000097", "8.95", "0.00", "0.00"));
    long before = sim.server().log().total();
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> unconfigured.write(request, key("000000097")));
    assertThat(e.retryable()).as("dead-lettered, not retried").isFalse();
    assertThat(e.recordSystem()).isEqualTo(SystemId.DYNAMICS_SL);
    assertThat(e.entity()).isEqualTo("credit memo");
    assertThat(e.recordId()).hasValue("000000097");
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("lines");
      assertThat(v.rule()).isEqualTo(FieldViolation.RULE_REQUIRED);
      assertThat(v.message()).contains("AR credit memo (ARDoc CM + ARTran)", "configure creditMemoAccounts",
          "SlClient.Builder.creditMemoAccounts");
    });
    assertThat(sim.server().log().total()).isEqualTo(before);
    assertThat(sim.arCreditMemosPerRefNbr()).isEmpty();
  }

  @Test
  void aFeeKept_isALineOnTheOtherSide() throws Exception {
    // shipping refunded less a restocking fee kept (Magento adjustment_negative)
    ReturnRequest request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000098", "10.00", "-2.50", "0.00"));
    sink.write(request, key("000000098"));
    assertThat(doc("000000098").path("CuryOrigDocAmt").decimalValue()).isEqualByComparingTo("7.50");
    assertThat(lines("000000098")).containsExactly("1 D 4050/01-000-00 10.00 Shipping refund",
        "2 C 4900/01-000-00 2.50 Adjustment fee kept");
  }

  @Test
  void aShippingOnlyRefund_isOneLine_onTheRefundsAccountWhenNoFreightAccountIsGiven() throws Exception {
    SlClient refundsOnly = SlFixtures.client(sim.baseUri()).creditMemoAccounts(SlCreditMemoAccounts.of("4900"))
        .build();
    ReturnSink other = SlConnector.builder().client(refundsOnly).build().require(ReturnSink.class);
    other.write(SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000099", "8.95", "0.00", "0.00")),
        key("000000099"));
    // "4900" alone: the client's default subaccount
    assertThat(lines("000000099")).containsExactly("1 D 4900/01-000-00 8.95 Shipping refund");
    assertThat(doc("000000099").path("OrdNbr").asText("")).as("the order is not in SL").isBlank();
  }

  @Test
  void anAccountSlDoesNotHave_isATypedRejectionWithTheFieldErrors() {
    SlClient wrong = SlFixtures.client(sim.baseUri())
        .creditMemoAccounts(SlCreditMemoAccounts.of("4999/01-000-00", "4050/01-000-00", "2399/01-000-00")).build();
    ReturnSink other = SlConnector.builder().client(wrong).build().require(ReturnSink.class);
    SlApiException e = catchThrowableOfType(SlApiException.class, () -> other.write(
        SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000100", "8.95", "5.00", "0.72")), key("000000100")));
    assertThat(e.retryable()).isFalse();
    assertThat(e.status()).hasValue(400);
    assertThat(e.fieldErrors()).extracting(f -> f.pointer() + " " + f.table() + "." + f.column() + " " + f.code())
        .containsExactly("/ARTran/0/Acct ARTran.Acct NOT_FOUND", "/ARTran/2/Acct ARTran.Acct NOT_FOUND");
    assertThat(e.getMessage()).contains("dynamics-sl", "POST /api/AccountsReceivable/CreditMemo", "000000100");
    assertThat(sim.arCreditMemosPerRefNbr()).isEmpty();
  }

  @Test
  void partsThatDoNotAddUpToTheTotal_areRefusedNamingTotal_beforeAnyCall() {
    Return memo = SlFixtures.moneyOnly("000000101", "8.95", "0.00", "0.00").toBuilder()
        .total(Money.of("9.95", "USD")).build();
    long before = sim.server().log().total();
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> sink.write(SlFixtures.moneyOnlyRequest(memo), key("000000101")));
    assertThat(e.violations()).extracting(v -> v.path() + " " + v.rule())
        .containsExactly("total " + FieldViolation.RULE_CONSISTENCY);
    assertThat(e.violations().get(0).message()).contains("Σ ARTran D − Σ ARTran C", "8.95 USD");
    assertThat(sim.server().log().total()).isEqualTo(before);
  }

  @Test
  void aRefNbrSlHoldsForAnotherRefund_isNeverTakenForThisOne_itIsDeadLetteredNamingRefNbr() throws Exception {
    // an AR credit memo SL numbered itself, for another order, happens to carry the storefront number
    sim.put("ARDoc", "{\"CpnyID\":\"0060\",\"CustId\":\"C20311\",\"DocType\":\"CM\",\"RefNbr\":\"000000102\","
        + "\"CustOrdNbr\":\"PHONE-ORDER-7\",\"CuryOrigDocAmt\":40.0,\"CuryDocBal\":40.0,\"CuryId\":\"USD\","
        + "\"Rlsed\":1,\"OpenDoc\":1}");
    ReturnRequest request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000102", "8.95", "0.00", "0.00"));

    InvalidRecordException onLookup = catchThrowableOfType(InvalidRecordException.class,
        () -> sink.lookup(request, key("000000102")));
    assertThat(onLookup.retryable()).isFalse();
    assertThat(onLookup.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("/ARDoc/RefNbr");
      assertThat(v.message()).contains("PHONE-ORDER-7", "CS-100045", "enter it in SL by hand");
    });
    InvalidRecordException onWrite = catchThrowableOfType(InvalidRecordException.class,
        () -> sink.write(request, key("000000102")));
    assertThat(onWrite.violations()).extracting(FieldViolation::path).containsExactly("/ARDoc/RefNbr");
    assertThat(doc("000000102").path("CustOrdNbr").asText()).isEqualTo("PHONE-ORDER-7");
    assertThat(sim.arCreditMemosPerRefNbr()).containsExactly(Map.entry("000000102", 1));
  }

  @Test
  void aReturnWithLines_stillBecomesACreditMemoOrder_notAnArCreditMemo() {
    String ordNbr = sink.write(SlFixtures.returnRequest(SlFixtures.creditMemo("CM-000000103")), key("CM-000000103"))
        .remoteId();
    assertThat(ordNbr).startsWith("CM");
    assertThat(sim.creditMemosPerCustOrdNbr()).containsExactly(Map.entry("CM-000000103", 1));
    assertThat(sim.arCreditMemosPerRefNbr()).isEmpty();
    assertThat(sink.lookup(SlFixtures.returnRequest(SlFixtures.creditMemo("CM-000000103")), key("CM-000000103")))
        .get().extracting(WriteResult::remoteId).isEqualTo(ordNbr);
  }

  @Test
  void seededFaults_neverProduceADuplicateOrALostRefund() {
    FaultSchedule seeded = FaultSchedule.seeded(7).rate(0.35).kinds(Fault.Kind.RATE_LIMITED,
        Fault.Kind.UNAVAILABLE, Fault.Kind.RESET_BEFORE, Fault.Kind.RESET_AFTER_COMMIT, Fault.Kind.TRUNCATED_BODY,
        Fault.Kind.MALFORMED_BODY).build();
    try (SlSimulator faulty = SlSimulator.builder().faults(seeded).start()) {
      ReturnSink faultySink = SlConnector.builder()
          .client(SlFixtures.client(faulty.baseUri()).creditMemoAccounts(SlFixtures.ACCOUNTS).build()).build()
          .require(ReturnSink.class);
      Map<String, String> written = new LinkedHashMap<>();
      int retries = 0;
      for (int i = 0; i < 20; i++) {
        String number = String.format("%09d", 200 + i);
        ReturnRequest request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly(number, "4.95", i + ".00", "0.40"));
        // as the pipeline drives a sink: look up before every retry, retry only what is retryable
        for (int attempt = 0; ; attempt++) {
          assertThat(attempt).as("attempts for " + number).isLessThan(40);
          try {
            Optional<WriteResult> done = attempt == 0 ? Optional.empty() : faultySink.lookup(request, key(number));
            WriteResult result = done.isPresent() ? done.get() : faultySink.write(request, key(number));
            written.put(number, result.remoteId());
            break;
          } catch (CommerceSyncException e) {
            assertThat(e.retryable()).as(e.getMessage()).isTrue();
            retries++;
          }
        }
      }
      assertThat(retries).as("the schedule injected faults").isGreaterThan(5);
      assertThat(written).hasSize(20).allSatisfy((number, refNbr) -> assertThat(refNbr).isEqualTo(number));
      assertThat(faulty.arCreditMemosPerRefNbr()).hasSize(20).allSatisfy((ref, n) -> assertThat(n).isEqualTo(1));
    }
  }
}
