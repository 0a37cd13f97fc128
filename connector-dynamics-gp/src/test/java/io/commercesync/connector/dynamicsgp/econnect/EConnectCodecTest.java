package io.commercesync.connector.dynamicsgp.econnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.InvalidRecordException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

class EConnectCodecTest {

  static final java.util.List<String> DOCUMENTS = Samples.DOCUMENTS;

  @ParameterizedTest
  @FieldSource("DOCUMENTS")
  void sample_roundTrips_elementForElement(String sample) {
    byte[] original = Samples.bytes(sample);
    EConnect doc = EConnectCodec.shared().read(original);
    EConnectValidator.validate(doc, ValidationContext.DEFAULT);
    byte[] written = EConnectCodec.shared().write(doc);
    assertThat(Samples.leaves(written)).containsExactlyElementsOf(Samples.leaves(original));
    assertThat(EConnectCodec.shared().read(written)).isEqualTo(doc);
  }

  @Test
  void sopSample_parsesIntoTheModel() {
    SopTransactionType sop = (SopTransactionType) Samples.document("sop-order.xml").transactions().get(0);
    assertThat(sop.messageId()).isEqualTo("WEB-100045871");
    assertThat(sop.documentKey()).isEqualTo("WEB100045871");
    assertThat(sop.lines()).hasSize(2);
    assertThat(sop.lines().get(1).itemnmbr()).isEqualTo("CBL-USB-C-2M");
    assertThat(sop.lines().get(0).xtndprce()).isEqualByComparingTo("49.00");
    assertThat(sop.taxes().get(0).lnitmseq()).isZero();
    assertThat(sop.header().cstponbr()).isEqualTo("WEB-100045871");
    assertThat(sop.header().docdate()).isEqualTo(LocalDate.of(2024, 3, 14));
    assertThat(sop.header().freight()).isEqualByComparingTo("7.95");
    assertThat(sop.header().toString()).isEqualTo("taSopHdrIvcInsert[SOPNUMBE=WEB100045871, SOPTYPE=2]");
  }

  @Test
  void serializerOrder_linesThenTrackingThenTaxThenUserDefinedThenHeader() {
    String xml = new String(EConnectCodec.shared().write(Samples.document("sop-tracking.xml")), StandardCharsets.UTF_8);
    assertThat(xml.indexOf("<taSopLineIvcInsert_Items>"))
        .isLessThan(xml.indexOf("<taSopTrackingNum_Items>"));
    assertThat(xml.indexOf("<taSopTrackingNum_Items>")).isLessThan(xml.indexOf("<taSopUserDefined>"));
    assertThat(xml.indexOf("<taSopUserDefined>")).isLessThan(xml.indexOf("<taSopHdrIvcInsert>"));
    String gl = new String(EConnectCodec.shared().write(Samples.document("gl-entry.xml")), StandardCharsets.UTF_8);
    assertThat(gl.indexOf("<taGLTransactionLineInsert_Items>")).isLessThan(gl.indexOf("<taGLTransactionHeaderInsert>"));
  }

  @Test
  void builders_produceTheSameDocumentAsTheSample() {
    EConnect sample = Samples.document("cash-receipt.xml");
    EConnect built = EConnect.of(RmCashReceiptsType.of(null, TaRmCashReceiptInsert.builder()
        .custnmbr("WEBJSMITH0001").docnumbr("PMT100045871").docdate(LocalDate.of(2024, 3, 14))
        .ortrxamt(new BigDecimal("75.05")).glpostdt(LocalDate.of(2024, 3, 14)).bachnumb("WEBCASH240314")
        .cshrctyp(2).chekbkid("OPERATING").cheknmbr("AUTH 8F3K2Q").crcardid("VISA")
        .trxdscrn("Web order WEB-100045871").curncyid("Z-US$").createdist(1).build()));
    assertThat(built).isEqualTo(sample);
    assertThat(Samples.leaves(EConnectCodec.shared().write(built)))
        .containsExactlyElementsOf(Samples.leaves(Samples.bytes("cash-receipt.xml")));
  }

  @Test
  void application_builtForAReceipt_isTheSampleDocument_inParameterOrder() {
    TaRmCashReceiptInsert receipt = ((RmCashReceiptsType) Samples.document("cash-receipt.xml").transactions().get(0))
        .receipt();
    EConnect built = EConnect.of(RmApplyType.forReceipt(
        EConnectProcessInfo.builder().messageId("magento/payment/PAY-100045871/erp-cash-receipt/apply").build(),
        receipt, TaRmApply.builder().aptodcnm("INV00031877").apfrdcnm("PMT100045871")
            .apptoamt(new BigDecimal("75.05")).apfrdcty(RmApplyType.RMDTYPAL_PAYMENT)
            .aptodcty(RmApplyType.RMDTYPAL_INVOICE).distknam(BigDecimal.ZERO).wrofamnt(BigDecimal.ZERO)
            .applydate(LocalDate.of(2024, 3, 14)).glpostdt(LocalDate.of(2024, 3, 14)).build()));
    assertThat(built).isEqualTo(Samples.document("rm-apply.xml"));
    byte[] xml = EConnectCodec.shared().write(built);
    assertThat(Samples.leaves(xml)).containsExactlyElementsOf(Samples.leaves(Samples.bytes("rm-apply.xml")));
    assertThat(Samples.leaves(xml)).first().asString().isEqualTo(
        "/eConnect/RMApplyType/eConnectProcessInfo/MessageID=magento/payment/PAY-100045871/erp-cash-receipt/apply");
    RmApplyType parsed = (RmApplyType) EConnectCodec.shared().read(xml).transactions().get(0);
    assertThat(parsed.documentKey()).isEqualTo("PMT100045871 -> INV00031877");
    assertThat(parsed.invoiceNumber()).isEqualTo("INV00031877");
    assertThat(EConnectProcedures.calls(parsed)).singleElement().satisfies(call -> {
      assertThat(call.procedure()).isEqualTo("taRMApply");
      assertThat(call.parameters().keySet()).containsExactly("APTODCNM", "APFRDCNM", "APPTOAMT", "APFRDCTY",
          "APTODCTY", "DISTKNAM", "WROFAMNT", "APPLYDATE", "GLPOSTDT");
      assertThat(call.keyValues()).containsExactly(Map.entry("APFRDCNM", "PMT100045871"),
          Map.entry("APTODCNM", "INV00031877"));
    });
  }

  @Test
  void creditMemo_parsesTaxRowsBeforeTheDocument_andRunsThemFirst_inParameterOrder() {
    RmTransactionType memo = (RmTransactionType) Samples.document("rm-credit-memo.xml").transactions().get(0);
    assertThat(memo.typeName()).isEqualTo("RMTransactionType");
    assertThat(memo.documentKey()).isEqualTo("WEBCM000000012");
    assertThat(memo.messageId()).isEqualTo("magento/return/000000012/erp-return:dynamics-gp");
    assertThat(memo.transaction().rmdtypal()).isEqualTo(RmTransactionType.RMDTYPAL_CREDIT_MEMO);
    assertThat(memo.transaction().docdate()).isEqualTo(LocalDate.of(2024, 3, 20));
    assertThat(memo.transaction().docamnt()).isEqualByComparingTo("13.59");
    assertThat(memo.taxes()).singleElement().satisfies(t -> assertThat(t.taxamnt()).isEqualByComparingTo("0.64"));
    assertThat(memo.toString()).isEqualTo("RMTransactionType[DOCNUMBR=WEBCM000000012, RMDTYPAL=7]");
    String xml = new String(EConnectCodec.shared().write(EConnect.of(memo)), StandardCharsets.UTF_8);
    assertThat(xml.indexOf("<taRMTransactionTaxInsert_Items>")).isPositive()
        .isLessThan(xml.indexOf("<taRMTransaction>"));
    assertThat(EConnectProcedures.calls(memo)).extracting(ProcedureCall::procedure)
        .containsExactly("taRMTransactionTaxInsert", "taRMTransaction");
    ProcedureCall document = EConnectProcedures.calls(memo).get(1);
    assertThat(document.parameters().keySet()).containsExactly("RMDTYPAL", "DOCNUMBR", "DOCDATE", "BACHNUMB",
        "CUSTNMBR", "DOCAMNT", "SLSAMNT", "DOCDESCR", "CSTPONBR", "TRDISAMT", "FRTAMNT", "MISCAMNT", "TAXAMNT",
        "CURNCYID", "CREATEDIST");
    assertThat(document.keyValues()).containsExactly(Map.entry("DOCNUMBR", "WEBCM000000012"), Map.entry("RMDTYPAL", "7"));
    assertThat(EConnectProcedures.calls(memo).get(0).keyValues()).containsExactly(
        Map.entry("DOCNUMBR", "WEBCM000000012"), Map.entry("RMDTYPAL", "7"), Map.entry("TAXDTLID", "WEBSALESTAX"));
  }

  @Test
  void write_refusesACreditMemoWhoseAmountsDoNotAddUp_namingDocumentAndField() {
    RmTransactionType memo = (RmTransactionType) Samples.document("rm-credit-memo.xml").transactions().get(0);
    RmTransactionType off = memo.toBuilder().transaction(memo.transaction().toBuilder()
        .docamnt(new BigDecimal("13.60")).build()).build();
    assertThatThrownBy(() -> EConnectCodec.shared().write(EConnect.of(off)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("dynamics-gp RMTransactionType WEBCM000000012: taRMTransaction.DOCAMNT")
        .hasMessageContaining("GP error 621");
  }

  @Test
  void write_refusesAnApplicationAboveTheReceipt() {
    TaRmCashReceiptInsert receipt = ((RmCashReceiptsType) Samples.document("cash-receipt.xml").transactions().get(0))
        .receipt();
    RmApplyType tooMuch = RmApplyType.forReceipt(null, receipt,
        ((RmApplyType) Samples.document("rm-apply.xml").transactions().get(0)).apply().toBuilder()
            .apptoamt(new BigDecimal("80.00")).build());
    assertThatThrownBy(() -> EConnectCodec.shared().write(EConnect.of(tooMuch)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("dynamics-gp RMApplyType PMT100045871 -> INV00031877")
        .hasMessageContaining("taRMApply.APPTOAMT")
        .hasMessageContaining("GP error 664");
  }

  @Test
  void read_refusesDoctypeAndExternalEntities() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE eConnect [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<eConnect><RMCashReceiptsType><taRMCashReceiptInsert><CUSTNMBR>&x;</CUSTNMBR>"
        + "</taRMCashReceiptInsert></RMCashReceiptsType></eConnect>";
    assertThatThrownBy(() -> EConnectCodec.shared().read(xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("dynamics-gp eConnect document")
        .hasMessageNotContaining("root:");
  }

  @Test
  void read_malformedOrMistypedValue_namesTheElement() {
    String bad = "<eConnect><GLTransactionType><taGLTransactionHeaderInsert><JRNENTRY>twelve</JRNENTRY>"
        + "</taGLTransactionHeaderInsert></GLTransactionType></eConnect>";
    assertThatThrownBy(() -> EConnectCodec.shared().read(bad.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("JRNENTRY");
    assertThatThrownBy(() -> EConnectCodec.shared().read("<eConnect><SOPTransaction".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRecordException.class);
  }

  @Test
  void write_validatesFirst() {
    SopTransactionType sop = (SopTransactionType) Samples.document("sop-order.xml").transactions().get(0);
    SopTransactionType broken = sop.toBuilder()
        .header(sop.header().toBuilder().docamnt(new BigDecimal("75.06")).build()).build();
    assertThatThrownBy(() -> EConnectCodec.shared().write(EConnect.of(broken)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("dynamics-gp SOPTransactionType WEB100045871")
        .hasMessageContaining("taSopHdrIvcInsert.DOCAMNT")
        .hasMessageContaining("GP error 235");
  }
}
