package io.commercesync.connector.dynamicsgp.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.dynamicsgp.GpSettings;
import io.commercesync.connector.dynamicsgp.GpTaxModel;
import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectCodec;
import io.commercesync.connector.dynamicsgp.econnect.GlTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.RmCashReceiptsType;
import io.commercesync.connector.dynamicsgp.econnect.RmCustomerMasterType;
import io.commercesync.connector.dynamicsgp.econnect.RmTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.TaRmTransaction;
import io.commercesync.connector.dynamicsgp.econnect.ValidationContext;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.model.SystemId;
import io.commercesync.connector.dynamicsgp.econnect.Samples;
import io.commercesync.connector.dynamicsgp.econnect.SopTransactionType;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.JournalLine;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.SalesLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GpDocumentMapperTest {

  final GpDocumentMapper mapper = new GpDocumentMapper(CanonicalSamples.settings());

  static List<String> leaves(EConnect doc, Set<String> without) {
    return Samples.leaves(EConnectCodec.shared().write(doc)).stream()
        .filter(l -> without.stream().noneMatch(w -> l.contains("/" + w + "="))).toList();
  }

  @Test
  void order_mapsToTheSampleSopDocument() {
    SopTransactionType sop = mapper.salesOrder(CanonicalSamples.request(CanonicalSamples.order()), "WEB-100045871");
    List<String> expected = Samples.leaves(Samples.bytes("sop-order.xml")).stream()
        .filter(l -> !l.contains("/ReqShipDate=")).toList();
    assertThat(leaves(EConnect.of(sop), Set.of())).containsExactlyElementsOf(expected);
  }

  @Test
  void order_gpCalculatedTax_sendsNoTaxAmounts() {
    GpDocumentMapper gpTax = new GpDocumentMapper(CanonicalSamples.settings().toBuilder()
        .taxModel(GpTaxModel.GP_CALCULATED).build());
    SopTransactionType sop = gpTax.salesOrder(CanonicalSamples.request(CanonicalSamples.order()), null);
    assertThat(sop.header().createtaxes()).isEqualTo(1);
    assertThat(sop.header().taxamnt()).isNull();
    assertThat(sop.taxes()).isEmpty();
    assertThat(sop.header().docamnt()).isEqualByComparingTo("69.94");
  }

  @Test
  void order_discountAndFees_areAttributed_andTotalsHold() {
    Order base = CanonicalSamples.order();
    Order o = base.toBuilder().discount(Money.of("5.00", "USD")).fees(Money.of("2.00", "USD"))
        .grandTotal(Money.of("72.05", "USD")).build();
    SopTransactionType sop = mapper.salesOrder(CanonicalSamples.request(o), null);
    assertThat(sop.header().trdisamt()).isEqualByComparingTo("5.00");
    assertThat(sop.header().miscamnt()).isEqualByComparingTo("2.00");
    assertThat(sop.header().docamnt()).isEqualByComparingTo("72.05");
  }

  /**
   * Regression (found by the demo): a Magento dynamic bundle carries its price on the parent row and on
   * the component rows; the orders flow assigns the components, and the parent was refused as "carries an
   * amount without an assignment".
   */
  @Test
  void order_bundleWithAssignedComponents_sendsTheComponentsOnly() {
    Order base = CanonicalSamples.order();
    Order bundle = base.toBuilder().lines(List.of(
            io.commercesync.core.model.OrderLine.builder().lineNumber(1).sku("KIT-WDG-CBL").name("Starter kit")
                .quantity("1").unitPrice(Money.of("37.49", "USD")).build(),
            io.commercesync.core.model.OrderLine.builder().lineNumber(2).sku("WDG-1001-BLU").name("Widget, blue")
                .quantity("1").unitPrice(Money.of("24.50", "USD")).parentLineNumber(1).build(),
            io.commercesync.core.model.OrderLine.builder().lineNumber(3).sku("CBL-USB-C-2M").name("USB-C cable")
                .quantity("1").unitPrice(Money.of("12.99", "USD")).parentLineNumber(1).build()))
        .subtotal(Money.of("37.49", "USD")).grandTotal(Money.of("50.55", "USD")).build();
    var request = new io.commercesync.core.spi.SalesOrderRequest(bundle, "WEBJSMITH0001",
        List.of(new SalesLine(2, "WDG-1001-BLU", null, null), new SalesLine(3, "CBL-USB-C-2M", null, null)),
        null, java.util.Map.of(), null);
    SopTransactionType sop = mapper.salesOrder(request, null);
    assertThat(sop.lines()).extracting(l -> l.itemnmbr()).containsExactly("WDG-1001-BLU", "CBL-USB-C-2M");
    assertThat(sop.header().subtotal()).isEqualByComparingTo("37.49");
    assertThat(sop.header().docamnt()).isEqualByComparingTo("50.55");
    // a parent whose components are not all assigned still may not vanish with its amount
    var partial = new io.commercesync.core.spi.SalesOrderRequest(bundle, "WEBJSMITH0001",
        List.of(new SalesLine(2, "WDG-1001-BLU", null, null)), null, java.util.Map.of(), null);
    assertThatThrownBy(() -> mapper.salesOrder(partial, null)).isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("lines[0]: has no GP item assignment");
  }

  /**
   * Regression (found by the demo): a storefront line name in a script GP's code page cannot hold
   * ("Part 1004 王") refused the whole order; ITEMDESC is descriptive, so GP takes the item's own.
   */
  @Test
  void order_lineNameOutsideCodePage1252_leavesItemdescToGp() {
    Order base = CanonicalSamples.order();
    Order o = base.toBuilder().lines(List.of(
        base.lines().get(0).toBuilder().name("Widget 王").build(), base.lines().get(1))).build();
    SopTransactionType sop = mapper.salesOrder(CanonicalSamples.request(o), null);
    assertThat(sop.lines().get(0).itemdesc()).isNull();
    assertThat(sop.lines().get(1).itemdesc()).isEqualTo("USB-C cable, 2 m");
  }

  @Test
  void order_whoseTotalsDisagreeWithTheStorefront_isRejected() {
    Order o = CanonicalSamples.order().toBuilder().grandTotal(Money.of("80.00", "USD")).build();
    assertThatThrownBy(() -> mapper.salesOrder(CanonicalSamples.request(o), null))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("dynamics-gp order WEB-100045871: grandTotal");
  }

  @Test
  void customer_mapsToTheSampleCustomerDocument() {
    RmCustomerMasterType rm = mapper.customer(CanonicalSamples.jane(), "WEBJSMITH0001", "WEBCUST-88231");
    Set<String> unmapped = Set.of("SHIPMTHD", "CURNCYID");
    List<String> expected = Samples.leaves(Samples.bytes("customer.xml")).stream()
        .filter(l -> unmapped.stream().noneMatch(w -> l.contains("/" + w + "="))).toList();
    assertThat(leaves(EConnect.of(rm), unmapped)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void cashReceipt_mapsToTheSample() {
    Payment p = Payment.builder().method("braintree").amount(Money.of("75.05", "USD")).transactionId("AUTH 8F3K2Q")
        .orderNumber("WEB-100045871").cardType("VI").cardLast4("1111").build();
    CashReceipt receipt = new CashReceipt(p, "WEBJSMITH0001", "OPERATING", "VISA", null, LocalDate.of(2024, 3, 14), null);
    RmCashReceiptsType r = mapper.cashReceipt(receipt, null);
    assertThat(r.receipt().docnumbr()).isEqualTo("PMTWEB100045871");
    List<String> mapped = leaves(EConnect.of(r), Set.of("DOCNUMBR"));
    List<String> expected = Samples.leaves(Samples.bytes("cash-receipt.xml")).stream()
        .filter(l -> !l.contains("/DOCNUMBR=")).toList();
    assertThat(mapped).containsExactlyElementsOf(expected);
  }

  @Test
  void receiptNumber_neverExceeds17() {
    Payment p = Payment.builder().id("pi_3OaBcDeFgHiJkLmNoPqRsTuV").method("stripe").amount(Money.of("1", "USD")).build();
    String n = mapper.receiptNumber(p);
    assertThat(n).hasSizeLessThanOrEqualTo(17).startsWith("PMT").isEqualTo(mapper.receiptNumber(p));
  }

  @Test
  void journal_mapsToTheSampleGlDocument() {
    JournalEntry je = JournalEntry.builder().reference("Card settlement 2024-03-15").date(LocalDate.of(2024, 3, 15))
        .currency(java.util.Currency.getInstance("USD"))
        .addLine(JournalLine.debit("000-1100-00", Money.of("72.61", "USD"), "Settlement deposit"))
        .addLine(JournalLine.debit("000-6150-00", Money.of("2.44", "USD"), "Card processing fee"))
        .addLine(JournalLine.credit("000-1205-00", Money.of("75.05", "USD"), "Card clearing")).build();
    GlTransactionType gl = mapper.journal(je, 40217, null);
    Set<String> differs = Set.of("BACHNUMB", "ORDOCNUM");
    List<String> expected = Samples.leaves(Samples.bytes("gl-entry.xml")).stream()
        .filter(l -> differs.stream().noneMatch(w -> l.contains("/" + w + "="))).toList();
    assertThat(leaves(EConnect.of(gl), differs)).containsExactlyElementsOf(expected);
    assertThat(gl.header().bachnumb()).isEqualTo("WEBGL240315");
  }

  @Test
  void return_isSopType4_withTheOrderInCstponbr() {
    Return ret = Return.builder().number("CM-1001").orderNumber("WEB-100045871")
        .createdAt(Instant.parse("2024-03-20T10:00:00Z")).currency(java.util.Currency.getInstance("USD"))
        .lines(List.of(new ReturnLine(1, "WDG-1001-BLU", CanonicalSamples.dec("1"), Money.of("24.50", "USD"),
            Money.of("24.50", "USD"), null, true)))
        .tax(Money.of("2.02", "USD")).total(Money.of("26.52", "USD")).build();
    SopTransactionType sop = mapper.salesReturn(new ReturnRequest(ret, "WEBJSMITH0001",
        List.of(new SalesLine(1, "WDG-1001-BLU", "MAIN", "EACH")), null), null);
    assertThat(sop.header().soptype()).isEqualTo(4);
    assertThat(sop.header().docid()).isEqualTo("STDRTN");
    assertThat(sop.header().sopnumbe()).isEqualTo("WEBRCM1001");
    assertThat(sop.header().cstponbr()).isEqualTo("WEB-100045871");
    assertThat(sop.header().docamnt()).isEqualByComparingTo("26.52");
    assertThat(sop.lines()).allSatisfy(l -> assertThat(l.soptype()).isEqualTo(4));
  }

  /** A Magento credit memo of order WEB-100045871 refunding no line. */
  static Return refund(String number, String shipping, String adjustment, String tax, String total) {
    return Return.builder().number(number).orderNumber("WEB-100045871").createdAt(Instant.parse("2024-03-20T10:00:00Z"))
        .currency(java.util.Currency.getInstance("USD")).shipping(Money.of(shipping, "USD"))
        .adjustment(Money.of(adjustment, "USD")).tax(Money.of(tax, "USD")).total(Money.of(total, "USD"))
        .reason("Late delivery").build();
  }

  static ReturnRequest moneyOnly(Return ret) {
    return new ReturnRequest(ret, "webjsmith0001", List.of(), null);
  }

  @Test
  void creditMemo_mapsToTheSampleDocument() {
    RmTransactionType memo = mapper.creditMemo(moneyOnly(refund("000000012", "7.95", "5.00", "0.64", "13.59")),
        "magento/return/000000012/erp-return:dynamics-gp");
    assertThat(leaves(EConnect.of(memo), Set.of())).containsExactlyElementsOf(Samples.leaves(Samples.bytes("rm-credit-memo.xml")));
    assertThat(EConnect.of(memo)).isEqualTo(Samples.document("rm-credit-memo.xml"));
  }

  @Test
  void creditMemo_shippingOnly_isFreightWithoutTaxRows() {
    RmTransactionType memo = mapper.creditMemo(moneyOnly(refund("000000020", "7.95", "0", "0", "7.95")), null);
    TaRmTransaction t = memo.transaction();
    assertThat(memo.taxes()).isEmpty();
    assertThat(t.frtamnt()).isEqualByComparingTo("7.95");
    assertThat(t.slsamnt()).isEqualByComparingTo("0");
    assertThat(t.trdisamt()).isEqualByComparingTo("0");
    assertThat(t.taxamnt()).isEqualByComparingTo("0");
    assertThat(t.docamnt()).isEqualByComparingTo("7.95");
    assertThat(t.docdescr()).isEqualTo("Web refund 000000020: Late del");
    assertThat(t.bachnumb()).isEqualTo("WEBCM240320");
    assertThat(memo.processInfo()).isNull();
  }

  @Test
  void creditMemo_feeKept_isATradeDiscount_andTheTotalStillHolds() {
    TaRmTransaction t = mapper.creditMemo(moneyOnly(refund("000000021", "10.00", "-2.50", "0", "7.50")), null)
        .transaction();
    assertThat(t.trdisamt()).isEqualByComparingTo("2.50");
    assertThat(t.slsamnt()).isEqualByComparingTo("0");
    assertThat(t.frtamnt()).isEqualByComparingTo("10.00");
    assertThat(t.docamnt()).isEqualByComparingTo("7.50");
    TaRmTransaction goodwill = mapper.creditMemo(moneyOnly(refund("000000022", "0", "15.00", "0", "15.00")), null)
        .transaction();
    assertThat(goodwill.slsamnt()).isEqualByComparingTo("15.00");
    assertThat(goodwill.trdisamt()).isEqualByComparingTo("0");
  }

  @Test
  void creditMemo_totalNotAboveZero_isRefusedBeforeSending_namingDynamicsGpReturnAndTheField() {
    for (Return nothing : List.of(refund("000000030", "0", "0", "0", "0"), refund("000000031", "2.00", "-5.00", "0", "-3.00"))) {
      assertThatThrownBy(() -> mapper.creditMemo(moneyOnly(nothing), null))
          .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
            assertThat(e.system()).contains(SystemId.DYNAMICS_GP);
            assertThat(e.entity()).isEqualTo("return");
            assertThat(e.recordId()).contains(nothing.number());
            assertThat(e.violations()).singleElement().satisfies(v -> {
              assertThat(v.path()).isEqualTo("total");
              assertThat(v.rule()).isEqualTo(FieldViolation.RULE_RANGE);
              assertThat(v.message()).startsWith("must be > 0");
            });
          });
    }
  }

  @Test
  void creditMemo_moreDecimalsThanTheCurrency_areRefused_neverRounded() {
    assertThatThrownBy(() -> mapper.creditMemo(moneyOnly(refund("000000040", "7.955", "0", "0", "7.955")), null))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::path).containsExactly("shipping", "total"))
        .hasMessageContaining("must have at most 2 decimal places, the decimals of GP currency Z-US$")
        .hasMessageContaining("error 7020");
    GpDocumentMapper yen = new GpDocumentMapper(CanonicalSamples.settings().toBuilder().currency("JPY", "Z-JPY")
        .validation(ValidationContext.DEFAULT.withCurrencyDecimals(java.util.Map.of("Z-JPY", 0))).build());
    Return inYen = refund("000000041", "0", "0", "0", "1").toBuilder().currency(java.util.Currency.getInstance("JPY"))
        .shipping(Money.of("1500", "JPY")).adjustment(Money.of("0.5", "JPY")).tax(Money.of("0", "JPY"))
        .total(Money.of("1500.5", "JPY")).build();
    assertThatThrownBy(() -> yen.creditMemo(moneyOnly(inYen), null)).isInstanceOfSatisfying(InvalidRecordException.class,
        e -> assertThat(e.violations()).extracting(FieldViolation::path).containsExactly("adjustment", "total"));
    Return whole = inYen.toBuilder().adjustment(Money.of("0", "JPY")).total(Money.of("1500", "JPY")).build();
    assertThat(yen.creditMemo(moneyOnly(whole), null).transaction().frtamnt()).isEqualByComparingTo("1500");
  }

  @Test
  void creditMemo_partsMustAddUpToTheTotal_andShippingOrTaxNeverNegative() {
    assertThatThrownBy(() -> mapper.creditMemo(moneyOnly(refund("000000050", "7.95", "0", "0.64", "8.00")), null))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> assertThat(v.toString()).isEqualTo("total: must equal shipping + adjustment + tax = 8.59"
                + " for a refund without lines (the credit memo's DOCAMNT = SLSAMNT - TRDISAMT + FRTAMNT + MISCAMNT"
                + " + TAXAMNT, GP error 621) (was 8.00)")));
    assertThatThrownBy(() -> mapper.creditMemo(moneyOnly(refund("000000051", "-1.00", "5.00", "0", "4.00")), null))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.violations())
            .extracting(FieldViolation::path).containsExactly("shipping"));
  }

  @Test
  void creditMemo_ofAReturnWithLines_isAProgrammingError() {
    Return withLine = refund("000000060", "0", "0", "0", "24.50").toBuilder().lines(List.of(new ReturnLine(1,
        "WDG-1001-BLU", CanonicalSamples.dec("1"), Money.of("24.50", "USD"), Money.of("24.50", "USD"), null, true)))
        .build();
    assertThatThrownBy(() -> mapper.creditMemo(moneyOnly(withLine), null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SOP return");
  }

  @Test
  void creditMemoNumber_prefixPlusAlphanumerics_prefixNotDoubled_hashedPast17() {
    assertThat(mapper.creditMemoNumber("000000012")).isEqualTo("WEBCM000000012");
    assertThat(mapper.creditMemoNumber("cm-77")).isEqualTo("WEBCMCM77");
    assertThat(mapper.creditMemoNumber("WEBCM-77")).isEqualTo("WEBCM77");
    assertThat(mapper.creditMemoNumber("CM-1234567890")).as("5 + 12 = 17 fits").isEqualTo("WEBCMCM1234567890");
    assertThat(mapper.creditMemoNumber("CM-12345678901")).as("18 does not: hashed").matches("WEBCM[0-9A-F]{12}");
    String hashed = mapper.creditMemoNumber("RMA-2024-000000123456");
    assertThat(hashed).hasSize(17).startsWith("WEBCM").matches("WEBCM[0-9A-F]{12}")
        .isEqualTo(mapper.creditMemoNumber("RMA-2024-000000123456"))
        .isNotEqualTo(mapper.creditMemoNumber("RMA-2024-000000123457"));
    assertThat(mapper.creditMemoNumber("ü–")).as("nothing usable: hashed").matches("WEBCM[0-9A-F]{12}");
    assertThat(new GpDocumentMapper(CanonicalSamples.settings().toBuilder().creditMemoPrefix("R").build())
        .creditMemoNumber("000000012")).isEqualTo("R000000012");
  }

  @Test
  void receiptNumber_isUnchangedByTheSharedNumberHelper() {
    Payment short_ = Payment.builder().id("PAY-100045871").method("card").amount(Money.of("1.00", "USD"))
        .transactionId("T").build();
    Payment long_ = short_.toBuilder().id("PAY-1000458710000000000").build();
    assertThat(mapper.receiptNumber(short_)).isEqualTo("PMTPAY100045871");
    assertThat(mapper.receiptNumber(long_)).isEqualTo("PMT" + GpDocumentMapper.shortHash("PAY-1000458710000000000", 14));
  }

  @Test
  void settings_creditMemoPrefixes_failFastNamingTheOption() {
    assertThatThrownBy(() -> GpSettings.builder().creditMemoPrefix("WEBCMX").build())
        .hasMessageContaining("creditMemoPrefix").hasMessageContaining("at most 5");
    assertThatThrownBy(() -> GpSettings.builder().creditMemoBatchPrefix("WEBCREDIT1").build())
        .hasMessageContaining("creditMemoBatchPrefix").hasMessageContaining("at most 9");
    assertThatThrownBy(() -> GpSettings.builder().creditMemoPrefix("cm").build())
        .hasMessageContaining("creditMemoPrefix").hasMessageContaining("upper case");
    assertThat(GpSettings.defaults().creditMemoPrefix()).isEqualTo("WEBCM");
    assertThat(GpSettings.defaults().toBuilder().build().creditMemoBatchPrefix()).isEqualTo("WEBCM");
  }

  @Test
  void settings_failFastNamingTheOption() {
    assertThatThrownBy(() -> GpSettings.builder().orderDocId("STANDARD-ORDER-DOCID").build())
        .hasMessageContaining("orderDocId").hasMessageContaining("at most 15");
  }
}
