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

  @Test
  void settings_failFastNamingTheOption() {
    assertThatThrownBy(() -> GpSettings.builder().orderDocId("STANDARD-ORDER-DOCID").build())
        .hasMessageContaining("orderDocId").hasMessageContaining("at most 15");
  }
}
