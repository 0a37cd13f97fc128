package io.commercesync.core.model;

import java.time.Instant;

/**
 * A payment taken for an order or against an invoice.
 *
 * <p>Card data stops at the card type and the last four digits: there is no field for a card number,
 * and {@code cardLast4} accepts exactly four digits.
 *
 * <p>Maps from: Magento {@code payment} ({@code method}, {@code amount_paid}, {@code last_trans_id},
 * {@code cc_type}, {@code cc_last4}); Clarity payments; to GP {@code taRMCashReceiptInsert}
 * ({@code DOCNUMBR}, {@code ORTRXAMT}, {@code CHEKBKID}/{@code CRCARDID} from the method mapping) and SL
 * AR payments ({@code ARDoc} type {@code PA}).
 *
 * @param id the payment's id in its source system, optional
 * @param method the storefront payment method code ({@code checkmo}, {@code braintree}), mapped to an
 *     ERP checkbook or card by configuration
 * @param amount the amount paid (or authorised, before capture)
 * @param transactionId the gateway's transaction or authorisation reference, optional
 * @param capturedAt when the payment was captured, or null while only authorised
 * @param cardType card brand ({@code VI}, {@code MC}, {@code visa}), optional
 * @param cardLast4 last four digits of the card, optional
 * @param orderNumber the order it pays for, optional
 * @param invoiceNumber the ERP invoice it pays, optional
 * @param customerRef the paying customer, optional
 * @param fee the processor's fee withheld, optional (posted to GL by the payments flow)
 */
public record Payment(
    String id,
    String method,
    Money amount,
    String transactionId,
    Instant capturedAt,
    String cardType,
    String cardLast4,
    String orderNumber,
    String invoiceNumber,
    ExternalRef customerRef,
    Money fee) {

  public Payment {
    Constraints c = Constraints.of("payment");
    c.require(method, "method");
    c.require(amount, "amount");
    if (cardLast4 != null && !cardLast4.matches("\\d{4}")) {
      c.check(false, "cardLast4", "format", cardLast4.length() + " characters", "must be exactly 4 digits");
    }
    if (amount != null) {
      c.currency(fee, amount.currency(), "fee");
    }
    c.nonNegative(fee, "fee");
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Whether the payment has been captured (not only authorised). */
  public boolean captured() {
    return capturedAt != null;
  }

  /** Builds a {@link Payment}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String method;
    private Money amount;
    private String transactionId;
    private Instant capturedAt;
    private String cardType;
    private String cardLast4;
    private String orderNumber;
    private String invoiceNumber;
    private ExternalRef customerRef;
    private Money fee;

    private Builder() {}

    private Builder(Payment p) {
      id = p.id;
      method = p.method;
      amount = p.amount;
      transactionId = p.transactionId;
      capturedAt = p.capturedAt;
      cardType = p.cardType;
      cardLast4 = p.cardLast4;
      orderNumber = p.orderNumber;
      invoiceNumber = p.invoiceNumber;
      customerRef = p.customerRef;
      fee = p.fee;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder amount(Money amount) {
      this.amount = amount;
      return this;
    }

    public Builder transactionId(String transactionId) {
      this.transactionId = transactionId;
      return this;
    }

    public Builder capturedAt(Instant capturedAt) {
      this.capturedAt = capturedAt;
      return this;
    }

    public Builder cardType(String cardType) {
      this.cardType = cardType;
      return this;
    }

    public Builder cardLast4(String cardLast4) {
      this.cardLast4 = cardLast4;
      return this;
    }

    public Builder orderNumber(String orderNumber) {
      this.orderNumber = orderNumber;
      return this;
    }

    public Builder invoiceNumber(String invoiceNumber) {
      this.invoiceNumber = invoiceNumber;
      return this;
    }

    public Builder customerRef(ExternalRef customerRef) {
      this.customerRef = customerRef;
      return this;
    }

    public Builder fee(Money fee) {
      this.fee = fee;
      return this;
    }

    public Payment build() {
      return new Payment(
          id, method, amount, transactionId, capturedAt, cardType, cardLast4, orderNumber,
          invoiceNumber, customerRef, fee);
    }
  }
}
