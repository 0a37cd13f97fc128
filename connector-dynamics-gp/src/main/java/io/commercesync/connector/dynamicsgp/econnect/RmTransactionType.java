package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code <RMTransactionType>}: one receivables document ({@code taRMTransaction}, unposted in RM10301) with its
 * tax rows ({@code taRMTransactionTaxInsert}, RM10601) before it. CommerceSync sends it for a storefront refund
 * without lines, as a credit memo (RMDTYPAL 7).
 *
 * <p>Sources: element names, lengths and required inputs are the parameters of {@code taRMTransaction} and
 * {@code taRMTransactionTaxInsert} in the TLE dump (reference §0, {@code TLECO/Stored Procedures/}); RMDTYPAL 7 =
 * credit memo is reference §7 [P], agreeing with the procedure (it accepts 1, 3, 4, 5, 6, 7, 8, else error 627,
 * and treats 7 as a credit: no cash, check or card amounts, errors 622–624). The tax rows come first [P: the
 * order of a public eConnect XSL, {@code taRMTransactionTaxInsert_Items} then {@code taRMTransaction}; and the
 * procedure body compares TAXAMNT with the RM10601 rows already inserted, error 712, so they must run first].
 * Other children of the eConnect schema (distributions, commissions, analytics) are not modelled: CREATEDIST 1
 * lets GP build the distributions itself.
 *
 * <pre>{@code
 * RmTransactionType memo = RmTransactionType.builder()
 *     .processInfo(EConnectProcessInfo.builder().messageId("magento/return/000000012/erp-return:dynamics-gp").build())
 *     .transaction(TaRmTransaction.builder().rmdtypal(RmTransactionType.RMDTYPAL_CREDIT_MEMO)
 *         .docnumbr("WEBCM000000012").custnmbr("WEBJSMITH0001").docamnt(new BigDecimal("7.95"))
 *         .slsamnt(BigDecimal.ZERO).frtamnt(new BigDecimal("7.95")).build())
 *     .build();
 * }</pre>
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RMTransactionType", propOrder = {"processInfo", "taxes", "transaction"})
public final class RmTransactionType implements EConnectTransaction {

  /** The element name. */
  public static final String TYPE = "RMTransactionType";
  /** RMDTYPAL 7: credit memo (reference §7 [P]; taRMTransaction's own rules for 7 agree). */
  public static final int RMDTYPAL_CREDIT_MEMO = 7;

  @XmlElement(name = "eConnectProcessInfo")
  private EConnectProcessInfo processInfo;

  @XmlElementWrapper(name = "taRMTransactionTaxInsert_Items")
  @XmlElement(name = "taRMTransactionTaxInsert")
  private List<TaRmTransactionTaxInsert> taxes;

  @XmlElement(name = "taRMTransaction")
  private TaRmTransaction transaction;

  private RmTransactionType() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().processInfo(processInfo).transaction(transaction);
    b.taxes.addAll(taxes());
    return b;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public EConnectProcessInfo processInfo() {
    return processInfo;
  }

  /** The {@code taRMTransactionTaxInsert} rows, in order. */
  public List<TaRmTransactionTaxInsert> taxes() {
    return SopTransactionType.view(taxes);
  }

  /** {@code taRMTransaction}, or null (a document without one is invalid). */
  public TaRmTransaction transaction() {
    return transaction;
  }

  /** The document's DOCNUMBR (GP's key with RMDTYPAL), or null. */
  @Override
  public String documentKey() {
    return transaction == null ? null : transaction.docnumbr();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RmTransactionType that
        && Objects.equals(processInfo, that.processInfo)
        && taxes().equals(that.taxes())
        && Objects.equals(transaction, that.transaction);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentKey(), taxes().size());
  }

  @Override
  public String toString() {
    return TYPE + "[DOCNUMBR=" + documentKey() + ", RMDTYPAL=" + (transaction == null ? null : transaction.rmdtypal())
        + "]";
  }

  /** Builds a {@link RmTransactionType}. Not thread-safe. */
  public static final class Builder {
    private EConnectProcessInfo processInfo;
    private final List<TaRmTransactionTaxInsert> taxes = new ArrayList<>();
    private TaRmTransaction transaction;

    private Builder() {}

    public Builder processInfo(EConnectProcessInfo processInfo) {
      this.processInfo = processInfo;
      return this;
    }

    public Builder addTax(TaRmTransactionTaxInsert tax) {
      taxes.add(Objects.requireNonNull(tax, "tax"));
      return this;
    }

    public Builder taxes(List<TaRmTransactionTaxInsert> taxes) {
      this.taxes.clear();
      taxes.forEach(this::addTax);
      return this;
    }

    public Builder transaction(TaRmTransaction transaction) {
      this.transaction = transaction;
      return this;
    }

    public RmTransactionType build() {
      RmTransactionType t = new RmTransactionType();
      t.processInfo = processInfo;
      t.taxes = SopTransactionType.stored(taxes);
      t.transaction = transaction;
      return t;
    }
  }
}
