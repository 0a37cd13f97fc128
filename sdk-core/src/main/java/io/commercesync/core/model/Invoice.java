package io.commercesync.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A posted invoice with what is still owed on it.
 *
 * <p>Maps from: GP {@code RM20101} open receivables ({@code DOCNUMBR}, {@code RMDTYPAL} 1,
 * {@code DOCDATE}, {@code DUEDATE}, {@code ORTRXAMT}, {@code CURTRXAM}) and {@code SOP30200} SOPTYPE 3
 * invoices ({@code CSTPONBR}); SL {@code ARDoc} ({@code RefNbr}, {@code DocType} {@code IN},
 * {@code CuryOrigDocAmt}, {@code CuryDocBal}). Maps to Magento {@code POST /V1/order/{id}/invoice} and
 * Clarity invoices.
 *
 * @param refs the invoice's ids per system
 * @param number the ERP invoice number
 * @param orderNumber the storefront order number it bills, optional
 * @param customerRef the customer billed, optional
 * @param invoiceDate the invoice date
 * @param dueDate when payment is due, optional
 * @param currency the currency every amount is in
 * @param lines the invoice lines, possibly none (an RM document has no lines)
 * @param subtotal sum of the lines, optional
 * @param discount discount, a positive amount off; zero when absent
 * @param shipping freight; zero when absent
 * @param tax tax; zero when absent
 * @param total the invoice total
 * @param balanceDue what is still unpaid; the total when absent
 */
public record Invoice(
    List<ExternalRef> refs,
    String number,
    String orderNumber,
    ExternalRef customerRef,
    LocalDate invoiceDate,
    LocalDate dueDate,
    Currency currency,
    List<InvoiceLine> lines,
    Money subtotal,
    Money discount,
    Money shipping,
    Money tax,
    Money total,
    Money balanceDue) {

  public Invoice {
    Constraints c = Constraints.of("invoice");
    refs = c.list(refs, "refs");
    lines = c.list(lines, "lines");
    c.require(number, "number");
    c.require(invoiceDate, "invoiceDate");
    c.require(currency, "currency");
    c.require(total, "total");
    if (currency != null) {
      discount = discount == null ? Money.zero(currency) : discount;
      shipping = shipping == null ? Money.zero(currency) : shipping;
      tax = tax == null ? Money.zero(currency) : tax;
      balanceDue = balanceDue == null ? total : balanceDue;
      c.currency(subtotal, currency, "subtotal");
      c.currency(discount, currency, "discount");
      c.currency(shipping, currency, "shipping");
      c.currency(tax, currency, "tax");
      c.currency(total, currency, "total");
      c.currency(balanceDue, currency, "balanceDue");
      for (int i = 0; i < lines.size(); i++) {
        c.currency(lines.get(i).total(), currency, "lines[" + i + "].total");
      }
    }
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The invoice's id in {@code system}, if known. */
  public Optional<ExternalRef> ref(SystemId system) {
    return refs.stream().filter(r -> r.system().equals(system)).findFirst();
  }

  /** Whether nothing is left to pay. */
  public boolean paid() {
    return balanceDue.amount().signum() <= 0;
  }

  /** Builds an {@link Invoice}. Not thread-safe. */
  public static final class Builder {
    private List<ExternalRef> refs = new ArrayList<>();
    private String number;
    private String orderNumber;
    private ExternalRef customerRef;
    private LocalDate invoiceDate;
    private LocalDate dueDate;
    private Currency currency;
    private List<InvoiceLine> lines = new ArrayList<>();
    private Money subtotal;
    private Money discount;
    private Money shipping;
    private Money tax;
    private Money total;
    private Money balanceDue;

    private Builder() {}

    private Builder(Invoice i) {
      refs = new ArrayList<>(i.refs);
      number = i.number;
      orderNumber = i.orderNumber;
      customerRef = i.customerRef;
      invoiceDate = i.invoiceDate;
      dueDate = i.dueDate;
      currency = i.currency;
      lines = new ArrayList<>(i.lines);
      subtotal = i.subtotal;
      discount = i.discount;
      shipping = i.shipping;
      tax = i.tax;
      total = i.total;
      balanceDue = i.balanceDue;
    }

    public Builder refs(List<ExternalRef> refs) {
      this.refs = refs == null ? new ArrayList<>() : new ArrayList<>(refs);
      return this;
    }

    /** Adds {@code ref}, replacing an existing ref of the same system. */
    public Builder ref(ExternalRef ref) {
      this.refs.removeIf(r -> r.system().equals(ref.system()));
      this.refs.add(ref);
      return this;
    }

    public Builder number(String number) {
      this.number = number;
      return this;
    }

    public Builder orderNumber(String orderNumber) {
      this.orderNumber = orderNumber;
      return this;
    }

    public Builder customerRef(ExternalRef customerRef) {
      this.customerRef = customerRef;
      return this;
    }

    public Builder invoiceDate(LocalDate invoiceDate) {
      this.invoiceDate = invoiceDate;
      return this;
    }

    public Builder dueDate(LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    public Builder lines(List<InvoiceLine> lines) {
      this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
      return this;
    }

    public Builder addLine(InvoiceLine line) {
      this.lines.add(line);
      return this;
    }

    public Builder subtotal(Money subtotal) {
      this.subtotal = subtotal;
      return this;
    }

    public Builder discount(Money discount) {
      this.discount = discount;
      return this;
    }

    public Builder shipping(Money shipping) {
      this.shipping = shipping;
      return this;
    }

    public Builder tax(Money tax) {
      this.tax = tax;
      return this;
    }

    public Builder total(Money total) {
      this.total = total;
      return this;
    }

    public Builder balanceDue(Money balanceDue) {
      this.balanceDue = balanceDue;
      return this;
    }

    public Invoice build() {
      return new Invoice(
          refs, number, orderNumber, customerRef, invoiceDate, dueDate, currency, lines, subtotal,
          discount, shipping, tax, total, balanceDue);
    }
  }
}
