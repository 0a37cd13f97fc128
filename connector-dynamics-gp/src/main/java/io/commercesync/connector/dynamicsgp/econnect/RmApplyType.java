package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code <RMApplyType>}: one application ({@code taRMApply}, written to RM20201) of a credit document to a
 * debit document, here a cash receipt (RMDTYPAL 9) to the invoice it pays (RMDTYPAL 1). GP keeps entering a
 * receipt and applying it as two documents (reference §2: "Applying the receipt to an invoice is a separate
 * RMApplyType/taRMApply"), so each runs in its own SQL transaction: an application GP refuses leaves the
 * receipt entered, unapplied (on account).
 *
 * <p>Sources: the element names and lengths are the parameters of {@code taRMApply} in the TLE dump (reference
 * §0: {@code @I_vAPTODCNM char(21), @I_vAPFRDCNM char(21), @I_vAPPTOAMT numeric(19,5), @I_vAPFRDCTY integer,
 * @I_vAPTODCTY integer, @I_vDISTKNAM, @I_vWROFAMNT, @I_vAPPLYDATE, @I_vGLPOSTDT}); the RMDTYPAL codes are
 * reference §7 [P] (1 sales/invoice, 7 credit memo, 8 return, 9 payment), agreeing with the procedure's own
 * checks (APFRDCTY 7/8/9 else error 184, APTODCTY 1/3/4/5 else error 1660) and with public integrations that
 * send APFRDCTY 9 and APTODCTY 1. The element order follows the parameter order [P: the eConnect schema was not
 * consulted].
 *
 * <pre>{@code
 * RmApplyType apply = RmApplyType.forReceipt(null, receipt, TaRmApply.builder()
 *     .aptodcnm("INV00031877").apfrdcnm("PMT100045871").apptoamt(new BigDecimal("75.05"))
 *     .apfrdcty(RmApplyType.RMDTYPAL_PAYMENT).aptodcty(RmApplyType.RMDTYPAL_INVOICE).build());
 * }</pre>
 *
 * <p>A document built with {@link #forReceipt} also carries the receipt's currency and amount (not sent:
 * {@code taRMApply} has no currency parameter), so the validator checks APPTOAMT against the currency's
 * decimals and against the receipt amount; a parsed document knows neither and is checked with the default
 * currency decimals.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RMApplyType", propOrder = {"processInfo", "apply"})
public final class RmApplyType implements EConnectTransaction {

  /** The element name. */
  public static final String TYPE = "RMApplyType";
  /** RMDTYPAL 1: sales / invoice (reference §7 [P]). */
  public static final int RMDTYPAL_INVOICE = 1;
  /** RMDTYPAL 9: payment (reference §7 [P]). */
  public static final int RMDTYPAL_PAYMENT = 9;

  @XmlElement(name = "eConnectProcessInfo")
  private EConnectProcessInfo processInfo;

  @XmlElement(name = "taRMApply")
  private TaRmApply apply;

  /** The receipt's CURNCYID, for the decimals check; not serialised. */
  @XmlTransient
  private String currency;

  /** The receipt's ORTRXAMT, the most that may be applied from it; not serialised. */
  @XmlTransient
  private BigDecimal receiptAmount;

  /** The receipt's DOCNUMBR, which APFRDCNM must name; not serialised. */
  @XmlTransient
  private String receiptDocnumbr;

  private RmApplyType() {}

  /** An application, e.g. as parsed; its amount is checked with the default currency decimals only. */
  public static RmApplyType of(EConnectProcessInfo processInfo, TaRmApply apply) {
    RmApplyType t = new RmApplyType();
    t.processInfo = processInfo;
    t.apply = apply;
    return t;
  }

  /**
   * The application of {@code receipt}: the validator then also checks that APFRDCNM is the receipt's
   * DOCNUMBR, APFRDCTY is 9 and APPTOAMT is at most its ORTRXAMT, with its currency's decimals.
   */
  public static RmApplyType forReceipt(EConnectProcessInfo processInfo, TaRmCashReceiptInsert receipt, TaRmApply apply) {
    Objects.requireNonNull(receipt, "receipt");
    RmApplyType t = of(processInfo, apply);
    t.currency = receipt.curncyid();
    t.receiptAmount = receipt.ortrxamt();
    t.receiptDocnumbr = receipt.docnumbr();
    return t;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public EConnectProcessInfo processInfo() {
    return processInfo;
  }

  /** {@code taRMApply}. */
  public TaRmApply apply() {
    return apply;
  }

  /** The invoice applied to ({@code APTODCNM}), or null. */
  public String invoiceNumber() {
    return apply == null ? null : apply.aptodcnm();
  }

  /** The receipt applied from ({@code APFRDCNM}), or null. */
  public String receiptNumber() {
    return apply == null ? null : apply.apfrdcnm();
  }

  /** The receipt's CURNCYID when built by {@link #forReceipt}, else null. */
  String currency() {
    return currency;
  }

  /** The receipt's ORTRXAMT when built by {@link #forReceipt}, else null. */
  BigDecimal receiptAmount() {
    return receiptAmount;
  }

  /** The receipt's DOCNUMBR when built by {@link #forReceipt}, else null. */
  String receiptDocnumbr() {
    return receiptDocnumbr;
  }

  /**
   * GP's key of an application, RM20201's (APFRDCNM, APTODCNM): {@code "PMT100045871 -> INV00031877"}, so a
   * rejection names both the receipt and the invoice.
   */
  @Override
  public String documentKey() {
    return apply == null ? null : apply.apfrdcnm() + " -> " + apply.aptodcnm();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RmApplyType that
        && Objects.equals(processInfo, that.processInfo) && Objects.equals(apply, that.apply);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentKey());
  }

  @Override
  public String toString() {
    return TYPE + "[" + documentKey() + "]";
  }
}
