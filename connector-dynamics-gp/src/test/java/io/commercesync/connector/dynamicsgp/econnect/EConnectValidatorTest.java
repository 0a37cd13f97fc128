package io.commercesync.connector.dynamicsgp.econnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EConnectValidatorTest {

  static SopTransactionType sop() {
    return (SopTransactionType) Samples.document("sop-order.xml").transactions().get(0);
  }

  static List<String> problems(EConnectTransaction tx) {
    return EConnectValidator.check(tx, ValidationContext.DEFAULT).stream().map(FieldViolation::toString).toList();
  }

  @Test
  void samples_areValid() {
    for (String sample : Samples.DOCUMENTS) {
      Samples.document(sample).transactions().forEach(tx -> assertThat(problems(tx)).as(sample).isEmpty());
    }
  }

  @Test
  void subtotal_mustEqualSumOfExtendedPrices_error67() {
    SopTransactionType s = sop();
    SopTransactionType bad = s.toBuilder().header(s.header().toBuilder()
        .subtotal(new BigDecimal("61.98")).docamnt(new BigDecimal("75.04")).build()).build();
    assertThat(problems(bad)).containsExactly(
        "taSopHdrIvcInsert.SUBTOTAL: must equal the sum of the lines' XTNDPRCE 61.99 (GP error 67) (was 61.98)");
  }

  @Test
  void taxModels_areNotMixed() {
    SopTransactionType s = sop();
    SopTransactionType gpComputes = s.toBuilder().header(s.header().toBuilder().createtaxes(1).build()).build();
    assertThat(problems(gpComputes)).anyMatch(p -> p.contains("GP error 866"))
        .anyMatch(p -> p.contains("GP error 859")).anyMatch(p -> p.contains("one tax model"));
    SopTransactionType missingRow = s.toBuilder().taxes(List.of()).build();
    assertThat(problems(missingRow)).anyMatch(p -> p.contains("STAXAMNT 0") && p.contains("GP error 799"));
    TaSopLineIvcTaxInsert lineRow = s.taxes().get(0).toBuilder().lnitmseq(16384).staxamnt(new BigDecimal("1.00")).build();
    SopTransactionType mixed = s.toBuilder().addTax(lineRow).build();
    assertThat(problems(mixed)).anyMatch(p -> p.contains("mixes header-level"));
  }

  @Test
  void linesMustAgreeWithTheHeader() {
    SopTransactionType s = sop();
    SopTransactionType bad = s.toBuilder().lines(List.of(s.lines().get(0).toBuilder().soptype(3).build(), s.lines().get(1)))
        .build();
    assertThat(problems(bad)).contains("taSopLineIvcInsert[0].SOPTYPE: must equal the header's SOPTYPE 2 (GP error 67) (was 3)");
  }

  @Test
  void decimals_perCurrencyAndItem() {
    SopTransactionType s = sop();
    SopTransactionType fine = s.toBuilder().lines(List.of(s.lines().get(0).toBuilder().quantity(new BigDecimal("2.000")).build(),
        s.lines().get(1))).build();
    ValidationContext wholeUnits = ValidationContext.DEFAULT.withQuantityDecimals(Map.of("WDG-1001-BLU", 0));
    assertThat(EConnectValidator.check(fine, wholeUnits)).isEmpty();
    SopTransactionType fractional = s.toBuilder().lines(List.of(s.lines().get(0).toBuilder().quantity(new BigDecimal("2.5"))
        .xtndprce(new BigDecimal("61.25")).build(), s.lines().get(1))).build();
    assertThat(EConnectValidator.check(fractional, wholeUnits)).extracting(FieldViolation::path)
        .contains("taSopLineIvcInsert[0].QUANTITY");
    ValidationContext yen = ValidationContext.DEFAULT.withCurrencyDecimals(Map.of("Z-US$", 0));
    assertThat(EConnectValidator.check(s, yen)).extracting(FieldViolation::path)
        .contains("taSopHdrIvcInsert.DOCAMNT", "taSopLineIvcInsert[1].UNITPRCE");
  }

  @Test
  void keys_upperCaseAndAllowedCharacters_textInCodePage1252() {
    SopTransactionType s = sop();
    SopTransactionType bad = s.toBuilder().header(s.header().toBuilder().bachnumb("web 2024").shipmthd("ups ground")
        .custname("Zoë 山田").build()).build();
    assertThat(problems(bad)).contains(
        "taSopHdrIvcInsert.BACHNUMB: must be upper case A-Z, 0-9, '.', '/' or '-' (eConnect upper-cases keys) (was web 2024)",
        "taSopHdrIvcInsert.SHIPMTHD: must be upper case (eConnect upper-cases GP ids) (was ups ground)",
        "taSopHdrIvcInsert.CUSTNAME: contains a character GP's char columns (code page 1252) cannot store at position 4"
            + " (was Zoë 山田)");
  }

  @Test
  void glEntry_mustBalance_andUseOneSidePerLine() {
    GlTransactionType gl = (GlTransactionType) Samples.document("gl-entry.xml").transactions().get(0);
    GlTransactionType.Builder b = GlTransactionType.builder().header(gl.header());
    b.addLine(gl.lines().get(0).toBuilder().debitamt(new BigDecimal("72.60")).build());
    b.addLine(gl.lines().get(1).toBuilder().crdtamnt(new BigDecimal("1")).build());
    b.addLine(gl.lines().get(2));
    assertThat(problems(b.build())).contains(
        "taGLTransactionLineInsert[1].DEBITAMT: exactly one of DEBITAMT and CRDTAMNT must be non-zero (GP error 5471)",
        "taGLTransactionLineInsert_Items: debits 75.04 must equal credits 76.05 (GP error 944)");
  }

  @Test
  void cashReceipt_rules_andNeverACardNumber() {
    RmCashReceiptsType cash = (RmCashReceiptsType) Samples.document("cash-receipt.xml").transactions().get(0);
    TaRmCashReceiptInsert r = cash.receipt();
    RmCashReceiptsType card = RmCashReceiptsType.of(null, r.toBuilder().cheknmbr("4111 1111 1111 1111").build());
    assertThatThrownBy(() -> EConnectValidator.validate(card, ValidationContext.DEFAULT))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("taRMCashReceiptInsert.CHEKNMBR: looks like a card number")
        .hasMessageNotContaining("4111");
    RmCashReceiptsType noCard = RmCashReceiptsType.of(null, r.toBuilder().crcardid(null).build());
    assertThat(problems(noCard)).anyMatch(p -> p.contains("CRCARDID") && p.contains("GP error 16"));
    RmCashReceiptsType cashWithCard = RmCashReceiptsType.of(null, r.toBuilder().cshrctyp(1).build());
    assertThat(problems(cashWithCard)).anyMatch(p -> p.contains("GP error 23")).anyMatch(p -> p.contains("GP error 22"));
    RmCashReceiptsType longDoc = RmCashReceiptsType.of(null, r.toBuilder().docnumbr("PMT100045871000001").build());
    assertThat(problems(longDoc)).containsExactly(
        "taRMCashReceiptInsert.DOCNUMBR: must be at most 17 characters, GP's usable length (was 18)");
  }

  static TaRmCashReceiptInsert receipt() {
    return ((RmCashReceiptsType) Samples.document("cash-receipt.xml").transactions().get(0)).receipt();
  }

  static TaRmApply application() {
    return ((RmApplyType) Samples.document("rm-apply.xml").transactions().get(0)).apply();
  }

  @Test
  void application_documentTypesAmountAndRequiredInputs() {
    TaRmApply a = application();
    assertThat(problems(RmApplyType.of(null, a.toBuilder().apfrdcty(1).aptodcty(9).build()))).containsExactly(
        "taRMApply.APFRDCTY: must be 7 credit memo, 8 return or 9 payment (GP error 184) (was 1)",
        "taRMApply.APTODCTY: must be 1 invoice, 3 debit memo, 4 finance charge or 5 service/repair (GP error 1660)"
            + " (was 9)");
    assertThat(problems(RmApplyType.of(null, a.toBuilder().apptoamt(BigDecimal.ZERO).build())))
        .containsExactly("taRMApply.APPTOAMT: must be > 0 (was 0)");
    assertThat(problems(RmApplyType.of(null, a.toBuilder().apptoamt(new BigDecimal("-1.00")).build())))
        .anyMatch(p -> p.contains("GP rejects negative amounts")).anyMatch(p -> p.contains("APPTOAMT: must be > 0"));
    assertThat(problems(RmApplyType.of(null, a.toBuilder().apptoamt(new BigDecimal("75.051")).build())))
        .containsExactly("taRMApply.APPTOAMT: must have at most 2 decimal places, the currency's decimals"
            + " (GP errors 4646/11454) (was 75.051)");
    assertThat(problems(RmApplyType.of(null, a.toBuilder().aptodcnm(null).apfrdcnm(" ").build())))
        .containsExactly("taRMApply.APTODCNM: is required", "taRMApply.APFRDCNM: is required");
    assertThat(problems(RmApplyType.of(null, a.toBuilder().aptodcnm("inv00031877").build())))
        .anyMatch(p -> p.startsWith("taRMApply.APTODCNM: must be upper case"));
  }

  @Test
  void application_ofAReceipt_fromItsDocnumbr_atMostItsAmount_inItsCurrencyDecimals() {
    TaRmCashReceiptInsert r = receipt();
    TaRmApply a = application();
    assertThat(problems(RmApplyType.forReceipt(null, r, a))).isEmpty();
    assertThat(problems(RmApplyType.forReceipt(null, r, a.toBuilder().apptoamt(new BigDecimal("75.06")).build())))
        .containsExactly("taRMApply.APPTOAMT: must be at most the receipt's amount ORTRXAMT 75.05 (GP error 664)"
            + " (was 75.06)");
    assertThat(problems(RmApplyType.forReceipt(null, r, a.toBuilder().apfrdcnm("PMT100045872").apfrdcty(7).build())))
        .containsExactly("taRMApply.APFRDCNM: must be the receipt's DOCNUMBR PMT100045871 (was PMT100045872)",
            "taRMApply.APFRDCTY: must be 9 (payment) to apply a cash receipt (was 7)");
    // the receipt's currency sets the decimals: 0 for a yen currency, 3 for a dinar one
    ValidationContext ctx = ValidationContext.DEFAULT.withCurrencyDecimals(Map.of("Z-JP¥", 0, "Z-BHD", 3));
    TaRmCashReceiptInsert yen = r.toBuilder().curncyid("Z-JP¥").ortrxamt(new BigDecimal("7505")).build();
    assertThat(EConnectValidator.check(RmApplyType.forReceipt(null, yen, a.toBuilder()
        .apptoamt(new BigDecimal("7505.5")).build()), ctx)).extracting(FieldViolation::toString)
        .anyMatch(p -> p.startsWith("taRMApply.APPTOAMT: must have at most 0 decimal places"));
    TaRmCashReceiptInsert dinar = r.toBuilder().curncyid("Z-BHD").ortrxamt(new BigDecimal("75.055")).build();
    assertThat(EConnectValidator.check(RmApplyType.forReceipt(null, dinar, a.toBuilder()
        .apptoamt(new BigDecimal("75.055")).build()), ctx)).isEmpty();
  }

  @Test
  void application_rejection_namesSystemDocumentReceiptAndInvoice() {
    RmApplyType bad = RmApplyType.forReceipt(null, receipt(),
        application().toBuilder().aptodcnm("INV000318770000000000X").build());
    assertThatThrownBy(() -> EConnectValidator.validate(bad, ValidationContext.DEFAULT))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("dynamics-gp RMApplyType PMT100045871 -> INV000318770000000000X: taRMApply.APTODCNM: must be at"
            + " most 21 characters, GP's usable length (was 22)");
  }

  @Test
  void invalidRecordException_namesSystemDocumentKeyFieldAndLimit() {
    SopTransactionType s = sop();
    SopTransactionType bad = s.toBuilder().header(s.header().toBuilder().cstponbr("WEB-1000458710000000000").build()).build();
    assertThatThrownBy(() -> EConnectValidator.validate(bad, ValidationContext.DEFAULT))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("dynamics-gp SOPTransactionType WEB100045871: taSopHdrIvcInsert.CSTPONBR: must be at most 20"
            + " characters, GP's usable length (was 23)");
  }
}
