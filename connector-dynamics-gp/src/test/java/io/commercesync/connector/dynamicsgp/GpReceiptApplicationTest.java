package io.commercesync.connector.dynamicsgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.dynamicsgp.internal.mapping.CanonicalSamples;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.InvoiceSource;
import io.commercesync.core.spi.PaymentSink;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cash receipts applied to the invoice they pay (RMApplyType / taRMApply), against the GP simulator through the
 * agent protocol: one receipt and one application whatever is retried or crashes in between, and GP's refusals
 * as typed errors that leave the receipt entered. The seeded invoices are INV00031877 (WEBJSMITH0001, 75.05)
 * and INV00031878 (WEBAPATEL0002, 154.64), open in RM20101.
 */
class GpReceiptApplicationTest {

  static final Instant NOW = Instant.parse("2024-03-20T12:00:00Z");
  static final String SECRET = "apply-sim-secret";

  final FaultSchedule faults = FaultSchedule.none();
  final GpSimulator sim = GpSimulator.start(GpSimulator.options().secret(SECRET).faults(faults)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC)));
  final GpConnector gp = GpConnector.builder().agent(sim.baseUri(), Secret.of(SECRET)).company("TWO")
      .settings(CanonicalSamples.settings()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  final PaymentSink payments = gp.require(PaymentSink.class);

  @AfterEach
  void close() {
    gp.close();
    sim.close();
  }

  static CashReceipt receipt(String paymentId, String amount, String customer, String invoice) {
    Payment p = Payment.builder().id(paymentId).method("braintree").amount(Money.of(amount, "USD"))
        .transactionId("AUTH " + paymentId).orderNumber("WEB-100045871").build();
    return new CashReceipt(p, customer, "OPERATING", "VISA", invoice, LocalDate.of(2024, 3, 20), null);
  }

  static IdempotencyKey key(String paymentId) {
    return IdempotencyKey.of(SystemId.MAGENTO, "payment", paymentId, "erp-cash-receipt");
  }

  BigDecimal balance(String invoice) {
    return (BigDecimal) sim.query("SELECT CURTRXAM FROM RM20101 WHERE RMDTYPAL = 1 AND DOCNUMBR = ?", invoice)
        .get(0).get("CURTRXAM");
  }

  int receipts(String docnumbr) {
    return sim.query("SELECT DOCNUMBR FROM RM10201 WHERE DOCNUMBR = ?", docnumbr).size();
  }

  List<java.util.Map<String, Object>> applications(String docnumbr) {
    return sim.query("SELECT APFRDCNM, APTODCNM, APPTOAMT, APFRDCTY, APTODCTY FROM RM20201 WHERE APFRDCNM = ?",
        docnumbr);
  }

  @Test
  void receiptWithAnInvoice_isEnteredAndApplied_theInvoiceBalanceFallsOnce_andInvoiceSourceShowsIt() {
    assertThat(payments.write(receipt("PAY-600001", "75.05", "WEBJSMITH0001", "INV00031877"), key("PAY-600001")))
        .isEqualTo(WriteResult.created("PMTPAY600001"));
    assertThat(receipts("PMTPAY600001")).isEqualTo(1);
    assertThat(applications("PMTPAY600001")).singleElement().satisfies(row -> {
      assertThat(row.get("APTODCNM")).isEqualTo("INV00031877");
      assertThat((BigDecimal) row.get("APPTOAMT")).isEqualByComparingTo("75.05");
      assertThat(((Number) row.get("APFRDCTY")).intValue()).isEqualTo(9);
      assertThat(((Number) row.get("APTODCTY")).intValue()).isEqualTo(1);
    });
    assertThat(balance("INV00031877")).isEqualByComparingTo("0");
    assertThat(balance("INV00031878")).isEqualByComparingTo("154.64");

    List<Invoice> invoices = new ArrayList<>();
    try (var records = gp.require(InvoiceSource.class).read(Cursor.START)) {
      records.forEachRemaining(r -> invoices.add(gp.require(InvoiceSource.class).decode(r)));
    }
    assertThat(invoices).filteredOn(i -> i.number().equals("INV00031877")).singleElement()
        .satisfies(i -> assertThat(i.balanceDue().amount()).isEqualByComparingTo("0"));
  }

  @Test
  void partialPayment_leavesTheRestDue_andAReceiptWithoutInvoiceStaysOnAccount() {
    payments.write(receipt("PAY-600002", "100.00", "WEBAPATEL0002", "inv00031878"), key("PAY-600002"));
    assertThat(balance("INV00031878")).isEqualByComparingTo("54.64");
    payments.write(receipt("PAY-600003", "20.00", "WEBAPATEL0002", null), key("PAY-600003"));
    assertThat(receipts("PMTPAY600003")).isEqualTo(1);
    assertThat(applications("PMTPAY600003")).isEmpty();
    assertThat(balance("INV00031878")).isEqualByComparingTo("54.64");
  }

  @Test
  void writeRetried_andLookedUp_oneReceiptOneApplication() {
    CashReceipt r = receipt("PAY-600004", "75.05", "WEBJSMITH0001", "INV00031877");
    assertThat(payments.write(r, key("PAY-600004")).outcome()).isEqualTo(WriteResult.Outcome.CREATED);
    assertThat(payments.write(r, key("PAY-600004")).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(payments.lookup(r, key("PAY-600004"))).contains(WriteResult.alreadyApplied("PMTPAY600004"));
    assertThat(payments.write(r, key("PAY-600004")).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(receipts("PMTPAY600004")).isEqualTo(1);
    assertThat(applications("PMTPAY600004")).hasSize(1);
    assertThat(balance("INV00031877")).isEqualByComparingTo("0");
  }

  @Test
  void crashAfterTheReceipt_beforeTheApplication_lookupMakesTheApplicationOnce() {
    // the receipt alone, as a crash right after it would leave it (the same receipt document and key)
    payments.write(receipt("PAY-600005", "30.00", "WEBJSMITH0001", null), key("PAY-600005"));
    assertThat(applications("PMTPAY600005")).isEmpty();

    CashReceipt r = receipt("PAY-600005", "30.00", "WEBJSMITH0001", "INV00031877");
    assertThat(payments.lookup(r, key("PAY-600005"))).contains(WriteResult.alreadyApplied("PMTPAY600005"));
    assertThat(applications("PMTPAY600005")).hasSize(1);
    assertThat(balance("INV00031877")).isEqualByComparingTo("45.05");
    assertThat(payments.lookup(r, key("PAY-600005"))).isPresent();
    assertThat(payments.write(r, key("PAY-600005")).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(receipts("PMTPAY600005")).isEqualTo(1);
    assertThat(applications("PMTPAY600005")).hasSize(1);
    assertThat(balance("INV00031877")).isEqualByComparingTo("45.05");
  }

  @Test
  void theApplicationCallFails_beforeOrAfterGpCommitted_theRetryAppliesExactlyOnce() {
    AtomicInteger documents = new AtomicInteger();
    // second /documents call = the application: refused before it reaches GP
    faults.enqueue(call -> call.path().endsWith("/documents") && documents.incrementAndGet() == 2,
        Fault.of(Fault.Kind.RESET_BEFORE));
    CashReceipt r = receipt("PAY-600006", "10.00", "WEBJSMITH0001", "INV00031877");
    assertThatThrownBy(() -> payments.write(r, key("PAY-600006")))
        .isInstanceOfSatisfying(RemoteSystemException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(receipts("PMTPAY600006")).isEqualTo(1);
    assertThat(applications("PMTPAY600006")).isEmpty();
    assertThat(payments.lookup(r, key("PAY-600006"))).isPresent();   // what the pipeline does after a retryable failure
    assertThat(applications("PMTPAY600006")).hasSize(1);

    AtomicInteger later = new AtomicInteger();
    // the application is committed by GP, then the response is lost
    faults.enqueue(call -> call.path().endsWith("/documents") && later.incrementAndGet() == 2,
        Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    CashReceipt s = receipt("PAY-600007", "15.00", "WEBJSMITH0001", "INV00031877");
    assertThatThrownBy(() -> payments.write(s, key("PAY-600007")))
        .isInstanceOfSatisfying(RemoteSystemException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(applications("PMTPAY600007")).hasSize(1);
    assertThat(payments.lookup(s, key("PAY-600007"))).isPresent();
    assertThat(payments.write(s, key("PAY-600007")).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(applications("PMTPAY600007")).hasSize(1);
    assertThat(balance("INV00031877")).isEqualByComparingTo("50.05");
  }

  @Test
  void unknownInvoice_isATypedPermanentRejectionNamingTheInvoice_theReceiptStays_andAReplayAppliesLater() {
    CashReceipt r = receipt("PAY-600008", "40.00", "WEBJSMITH0001", "INV00099999");
    assertThatThrownBy(() -> payments.write(r, key("PAY-600008")))
        .isInstanceOfSatisfying(GpApplicationRejectedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.system()).contains(SystemId.DYNAMICS_GP);
          assertThat(e.invoiceNumber()).isEqualTo("INV00099999");
          assertThat(e.receiptNumber()).isEqualTo("PMTPAY600008");
          assertThat(e.errors()).anySatisfy(err -> assertThat(err.is(568, "taRMApply")).isTrue());
          assertThat(e.getMessage()).contains("dynamics-gp").contains("RMApplyType").contains("INV00099999")
              .contains("568").contains("stays entered");
        });
    assertThat(receipts("PMTPAY600008")).isEqualTo(1);
    assertThat(applications("PMTPAY600008")).isEmpty();

    // a replay: lookup finds the receipt and tries only the application, which GP refuses again
    assertThatThrownBy(() -> payments.lookup(r, key("PAY-600008"))).isInstanceOf(GpApplicationRejectedException.class);
    assertThat(receipts("PMTPAY600008")).isEqualTo(1);

    // once the invoice is posted in GP, the next replay applies the receipt
    sim.execute("INSERT INTO RM20101 (CUSTNMBR, RMDTYPAL, DOCNUMBR, DOCDATE, DUEDATE, ORTRXAMT, CURTRXAM, CSPORNBR,"
        + " CURNCYID, DEX_ROW_TS) VALUES ('WEBJSMITH0001', 1, 'INV00099999', ?, ?, 40, 40, 'WEB-100045871', 'Z-US$', ?)",
        NOW, NOW, NOW);
    assertThat(payments.lookup(r, key("PAY-600008"))).contains(WriteResult.alreadyApplied("PMTPAY600008"));
    assertThat(applications("PMTPAY600008")).hasSize(1);
    assertThat(balance("INV00099999")).isEqualByComparingTo("0");
    assertThat(receipts("PMTPAY600008")).isEqualTo(1);
  }

  @Test
  void paidInvoice_andAnotherCustomersInvoice_areRejected_574_165() {
    payments.write(receipt("PAY-600009", "75.05", "WEBJSMITH0001", "INV00031877"), key("PAY-600009"));
    assertThatThrownBy(() -> payments.write(receipt("PAY-600010", "5.00", "WEBJSMITH0001", "INV00031877"),
        key("PAY-600010")))
        .isInstanceOfSatisfying(GpApplicationRejectedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.errors()).anySatisfy(err -> assertThat(err.is(574, "taRMApply")).isTrue());
        });
    assertThatThrownBy(() -> payments.write(receipt("PAY-600011", "5.00", "WEBJSMITH0001", "INV00031878"),
        key("PAY-600011")))
        .isInstanceOfSatisfying(GpApplicationRejectedException.class,
            e -> assertThat(e.errors()).anySatisfy(err -> assertThat(err.is(165, "taRMApply")).isTrue()));
    assertThat(receipts("PMTPAY600010")).isEqualTo(1);
    assertThat(receipts("PMTPAY600011")).isEqualTo(1);
    assertThat(balance("INV00031877")).isEqualByComparingTo("0");
    assertThat(balance("INV00031878")).isEqualByComparingTo("154.64");
  }

  @Test
  void aMalformedInvoiceNumber_failsBeforeAnythingIsSent() {
    CashReceipt r = receipt("PAY-600012", "5.00", "WEBJSMITH0001", "INV-0003187700000000000");
    assertThatThrownBy(() -> payments.write(r, key("PAY-600012")))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("dynamics-gp RMApplyType PMTPAY600012 -> INV-0003187700000000000")
        .hasMessageContaining("taRMApply.APTODCNM: must be at most 21 characters");
    assertThat(receipts("PMTPAY600012")).isZero();
  }
}
