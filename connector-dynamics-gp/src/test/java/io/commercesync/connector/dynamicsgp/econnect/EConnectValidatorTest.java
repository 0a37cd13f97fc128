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

  static RmTransactionType memo() {
    return (RmTransactionType) Samples.document("rm-credit-memo.xml").transactions().get(0);
  }

  static RmTransactionType memo(java.util.function.UnaryOperator<TaRmTransaction.Builder> change) {
    RmTransactionType m = memo();
    return m.toBuilder().transaction(change.apply(m.transaction().toBuilder()).build()).build();
  }

  @Test
  void creditMemo_documentTypeAndTotals_627_621_712_andAboveZero() {
    assertThat(problems(memo(t -> t.rmdtypal(2)))).containsExactly(
        "taRMTransaction.RMDTYPAL: must be 1 sales/invoice, 3 debit memo, 4 finance charge, 5 service/repair,"
            + " 6 warranty, 7 credit memo or 8 return (GP error 627) (was 2)",
        "taRMTransactionTaxInsert[0].RMDTYPAL: must equal taRMTransaction's RMDTYPAL 2 (GP error 712: GP sums the"
            + " rows of the document) (was 7)");
    assertThat(problems(memo(t -> t.frtamnt(new BigDecimal("7.96"))))).containsExactly(
        "taRMTransaction.DOCAMNT: must equal SLSAMNT - TRDISAMT + FRTAMNT + MISCAMNT + TAXAMNT = 13.60 (GP error 621)"
            + " (was 13.59)");
    assertThat(problems(memo(t -> t.trdisamt(new BigDecimal("1.00")).docamnt(new BigDecimal("12.59"))))).isEmpty();
    assertThat(problems(memo().toBuilder().taxes(List.of()).build())).containsExactly(
        "taRMTransaction.TAXAMNT: must equal the tax rows' TAXAMNT 0 (GP error 712) (was 0.64)");
    RmTransactionType nothing = memo(t -> t.slsamnt(BigDecimal.ZERO).frtamnt(BigDecimal.ZERO).taxamnt(BigDecimal.ZERO)
        .docamnt(BigDecimal.ZERO)).toBuilder().taxes(List.of()).build();
    assertThat(problems(nothing)).singleElement().asString().startsWith("taRMTransaction.DOCAMNT: must be > 0");
    assertThat(problems(memo(t -> t.slsamnt(new BigDecimal("-5.00")).frtamnt(new BigDecimal("17.95")))))
        .containsExactly("taRMTransaction.SLSAMNT: must be >= 0 (GP rejects negative amounts, errors 5600/7473)"
            + " (was -5.00)");
  }

  @Test
  void creditMemo_decimalsPerCurrency_7020_neverRounded() {
    assertThat(problems(memo(t -> t.frtamnt(new BigDecimal("7.951")).docamnt(new BigDecimal("13.591")))))
        .containsExactly(
            "taRMTransaction.DOCAMNT: must have at most 2 decimal places, the currency's decimals (GP error 7020)"
                + " (was 13.591)",
            "taRMTransaction.FRTAMNT: must have at most 2 decimal places, the currency's decimals (GP error 7020)"
                + " (was 7.951)");
    ValidationContext dinar = ValidationContext.DEFAULT.withCurrencyDecimals(Map.of("Z-BHD", 3));
    RmTransactionType bhd = memo(t -> t.curncyid("Z-BHD").frtamnt(new BigDecimal("7.951")).docamnt(new BigDecimal("13.591")));
    assertThat(EConnectValidator.check(bhd, dinar)).isEmpty();
    assertThat(EConnectValidator.check(bhd, ValidationContext.DEFAULT.withCurrencyDecimals(Map.of("Z-BHD", 0))))
        .extracting(FieldViolation::path)
        .contains("taRMTransaction.DOCAMNT", "taRMTransactionTaxInsert[0].TAXAMNT", "taRMTransactionTaxInsert[0].TAXDTSLS");
  }

  @Test
  void creditMemo_taxRows_294_5443_7148_andTheyBelongToTheDocument() {
    RmTransactionType m = memo();
    TaRmTransactionTaxInsert row = m.taxes().get(0);
    assertThat(problems(m.toBuilder().taxes(List.of(row.toBuilder().tdttxsls(new BigDecimal("12.96")).build())).build()))
        .containsExactly("taRMTransactionTaxInsert[0].TDTTXSLS: must not exceed TAXDTSLS 12.95 (GP error 5443) (was 12.96)");
    TaRmTransactionTaxInsert half = row.toBuilder().taxamnt(new BigDecimal("0.32")).staxamnt(new BigDecimal("0.32")).build();
    assertThat(problems(m.toBuilder().taxes(List.of(half, half)).build())).containsExactly(
        "taRMTransactionTaxInsert[1].TAXDTLID: must be unique in the document: RM10601 holds one row per tax detail"
            + " (GP error 7148) (was WEBSALESTAX)");
    assertThat(problems(m.toBuilder().taxes(List.of(row.toBuilder().docnumbr("WEBCM000000013").custnmbr("WEBAPATEL0002")
        .build())).build())).containsExactly(
            "taRMTransactionTaxInsert[0].DOCNUMBR: must equal taRMTransaction's DOCNUMBR WEBCM000000012 (GP error 712:"
                + " GP sums the rows of the document) (was WEBCM000000013)",
            "taRMTransactionTaxInsert[0].CUSTNMBR: must equal taRMTransaction's CUSTNMBR WEBJSMITH0001 (was WEBAPATEL0002)");
    assertThat(problems(m.toBuilder().taxes(List.of(row.toBuilder().rmdtypal(9).build())).build()))
        .contains("taRMTransactionTaxInsert[0].RMDTYPAL: must be 1, 3, 4, 5, 6, 7 or 8 (GP error 294) (was 9)");
  }

  @Test
  void creditMemo_requiredInputs_areNamed() {
    RmTransactionType empty = RmTransactionType.builder().transaction(TaRmTransaction.builder().build()).build();
    assertThat(problems(empty)).containsExactly("taRMTransaction.RMDTYPAL: is required", "taRMTransaction.DOCNUMBR: is required",
        "taRMTransaction.DOCDATE: is required", "taRMTransaction.BACHNUMB: is required",
        "taRMTransaction.CUSTNMBR: is required", "taRMTransaction.DOCAMNT: is required",
        "taRMTransaction.SLSAMNT: is required");
    assertThat(problems(RmTransactionType.builder().build())).containsExactly("taRMTransaction: is required");
    assertThat(problems(memo(t -> t.cstponbr("web-100045871")))).anyMatch(p -> p.startsWith("taRMTransaction.CSTPONBR: must be upper case"));
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
