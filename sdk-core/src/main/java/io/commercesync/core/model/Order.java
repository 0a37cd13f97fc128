package io.commercesync.core.model;

import io.commercesync.core.error.FieldViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A storefront order: who bought what, where it goes, what it cost and how it was paid.
 *
 * <p>Maps from: Magento {@code GET /V1/orders/{id}} ({@code increment_id} → {@link #number()},
 * {@code created_at}, {@code state}/{@code status}, {@code order_currency_code}, {@code subtotal},
 * {@code discount_amount} (negative in Magento, positive here), {@code shipping_amount},
 * {@code tax_amount}, {@code grand_total}, {@code items[]}, {@code payment}); Clarity sales orders
 * ({@code CustomKey}/{@code orderNumber}, {@code Totals.SubTotal/Shipping/Handling/Fees/Discounts/Tax/Total},
 * {@code SalesItems}). Maps to GP {@code SOPTransactionType} (SOPTYPE 2, {@link #number()} in
 * {@code CSTPONBR}, {@code SUBTOTAL}, {@code FREIGHT}, {@code TAXAMNT}, {@code TRDISAMT},
 * {@code MISCAMNT}, {@code DOCAMNT}) and SL {@code SOHeader}/{@code SOLine} ({@link #number()} in
 * {@code CustOrdNbr}, {@code CuryWholeOrdDisc}, {@code CuryTotFrt}, {@code TotTax}).
 *
 * <p>Invariants checked on construction: a number, a placement time, a currency, a customer snapshot
 * and at least one line; every amount (lines and payments included) in the order's currency; line
 * numbers unique and parent lines present. Totals are kept as the source said them even when they do
 * not add up: {@link #totalsReconcile()} tells, and flows decide.
 *
 * @param refs the order's ids per system (Magento {@code entity_id}, Clarity {@code ID}, ERP order numbers)
 * @param number the storefront order number customers see ({@code increment_id}, {@code orderNumber})
 * @param placedAt when the order was placed
 * @param updatedAt when it last changed in its source system, optional
 * @param status the canonical status
 * @param sourceStatus the source system's own status string, optional
 * @param currency the currency every amount is in
 * @param customerRef the customer's id in the source system, or null for a guest order
 * @param customer the customer as recorded on the order (e-mail, names, group)
 * @param billingAddress billing address, optional
 * @param shippingAddress shipping address, optional (virtual orders have none)
 * @param lines the order lines, at least one
 * @param shippingMethod the storefront shipping method code ({@code flatrate_flatrate}), optional
 * @param shippingDescription the shipping method as shown to the customer, optional
 * @param subtotal sum of the line totals before discount, tax and shipping
 * @param discount order discount, a positive amount off; zero when absent
 * @param shipping shipping/freight charged; zero when absent
 * @param tax total tax; zero when absent
 * @param fees handling and other fees; zero when absent
 * @param grandTotal what the customer pays
 * @param payments payments taken (several for split payments)
 * @param notes customer or merchant comments
 * @param attributes storefront custom fields by code (mapped to ERP user-defined fields by configuration)
 * @param storeCode the store / website the order came from (routes to an ERP company), optional
 */
public record Order(
    List<ExternalRef> refs,
    String number,
    Instant placedAt,
    Instant updatedAt,
    OrderStatus status,
    String sourceStatus,
    Currency currency,
    ExternalRef customerRef,
    Customer customer,
    Address billingAddress,
    Address shippingAddress,
    List<OrderLine> lines,
    String shippingMethod,
    String shippingDescription,
    Money subtotal,
    Money discount,
    Money shipping,
    Money tax,
    Money fees,
    Money grandTotal,
    List<Payment> payments,
    List<String> notes,
    Map<String, String> attributes,
    String storeCode) {

  public Order {
    Constraints c = Constraints.of("order");
    c.require(number, "number");
    c.require(placedAt, "placedAt");
    c.require(status, "status");
    c.require(currency, "currency");
    c.require(customer, "customer");
    refs = c.list(refs, "refs");
    lines = c.list(lines, "lines");
    payments = c.list(payments, "payments");
    notes = c.list(notes, "notes");
    attributes = c.map(attributes, "attributes");
    c.check(!lines.isEmpty(), "lines", FieldViolation.RULE_REQUIRED, null, "must hold at least one line");
    c.require(subtotal, "subtotal");
    c.require(grandTotal, "grandTotal");
    if (currency != null) {
      discount = discount == null ? Money.zero(currency) : discount;
      shipping = shipping == null ? Money.zero(currency) : shipping;
      tax = tax == null ? Money.zero(currency) : tax;
      fees = fees == null ? Money.zero(currency) : fees;
      c.currency(subtotal, currency, "subtotal");
      c.currency(discount, currency, "discount");
      c.currency(shipping, currency, "shipping");
      c.currency(tax, currency, "tax");
      c.currency(fees, currency, "fees");
      c.currency(grandTotal, currency, "grandTotal");
      Set<Integer> numbers = new HashSet<>();
      for (int i = 0; i < lines.size(); i++) {
        OrderLine line = lines.get(i);
        String at = "lines[" + i + "]";
        c.check(numbers.add(line.lineNumber()), at + ".lineNumber", "consistency", line.lineNumber(),
            "must be unique in the order");
        c.currency(line.unitPrice(), currency, at + ".unitPrice");
      }
      for (int i = 0; i < lines.size(); i++) {
        Integer parent = lines.get(i).parentLineNumber();
        c.check(parent == null || numbers.contains(parent), "lines[" + i + "].parentLineNumber",
            "consistency", parent, "must be the number of a line in the order");
      }
      for (int i = 0; i < payments.size(); i++) {
        c.currency(payments.get(i).amount(), currency, "payments[" + i + "].amount");
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

  /** The order's id in {@code system}, if known. */
  public Optional<ExternalRef> ref(SystemId system) {
    return refs.stream().filter(r -> r.system().equals(system)).findFirst();
  }

  /** Whether the order was placed without a customer account. */
  public boolean guest() {
    return customerRef == null;
  }

  /** The lines that belong to no parent line (what the subtotal is made of). */
  public List<OrderLine> topLevelLines() {
    return lines.stream().filter(l -> l.parentLineNumber() == null).toList();
  }

  /** The lines whose parent is line {@code lineNumber}. */
  public List<OrderLine> childLines(int lineNumber) {
    return lines.stream()
        .filter(l -> l.parentLineNumber() != null && l.parentLineNumber() == lineNumber)
        .toList();
  }

  /** {@code subtotal − discount + shipping + tax + fees}. */
  public Money computedGrandTotal() {
    return subtotal.minus(discount).plus(shipping).plus(tax).plus(fees);
  }

  /** Whether {@link #grandTotal()} equals {@link #computedGrandTotal()}. */
  public boolean totalsReconcile() {
    return grandTotal.equals(computedGrandTotal());
  }

  /** Builds an {@link Order}. Not thread-safe. */
  public static final class Builder {
    private List<ExternalRef> refs = new ArrayList<>();
    private String number;
    private Instant placedAt;
    private Instant updatedAt;
    private OrderStatus status;
    private String sourceStatus;
    private Currency currency;
    private ExternalRef customerRef;
    private Customer customer;
    private Address billingAddress;
    private Address shippingAddress;
    private List<OrderLine> lines = new ArrayList<>();
    private String shippingMethod;
    private String shippingDescription;
    private Money subtotal;
    private Money discount;
    private Money shipping;
    private Money tax;
    private Money fees;
    private Money grandTotal;
    private List<Payment> payments = new ArrayList<>();
    private List<String> notes = new ArrayList<>();
    private Map<String, String> attributes = new LinkedHashMap<>();
    private String storeCode;

    private Builder() {}

    private Builder(Order o) {
      refs = new ArrayList<>(o.refs);
      number = o.number;
      placedAt = o.placedAt;
      updatedAt = o.updatedAt;
      status = o.status;
      sourceStatus = o.sourceStatus;
      currency = o.currency;
      customerRef = o.customerRef;
      customer = o.customer;
      billingAddress = o.billingAddress;
      shippingAddress = o.shippingAddress;
      lines = new ArrayList<>(o.lines);
      shippingMethod = o.shippingMethod;
      shippingDescription = o.shippingDescription;
      subtotal = o.subtotal;
      discount = o.discount;
      shipping = o.shipping;
      tax = o.tax;
      fees = o.fees;
      grandTotal = o.grandTotal;
      payments = new ArrayList<>(o.payments);
      notes = new ArrayList<>(o.notes);
      attributes = new LinkedHashMap<>(o.attributes);
      storeCode = o.storeCode;
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

    public Builder placedAt(Instant placedAt) {
      this.placedAt = placedAt;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Builder status(OrderStatus status) {
      this.status = status;
      return this;
    }

    public Builder sourceStatus(String sourceStatus) {
      this.sourceStatus = sourceStatus;
      return this;
    }

    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    public Builder currency(String currencyCode) {
      this.currency = Money.currency(currencyCode);
      return this;
    }

    public Builder customerRef(ExternalRef customerRef) {
      this.customerRef = customerRef;
      return this;
    }

    public Builder customer(Customer customer) {
      this.customer = customer;
      return this;
    }

    public Builder billingAddress(Address billingAddress) {
      this.billingAddress = billingAddress;
      return this;
    }

    public Builder shippingAddress(Address shippingAddress) {
      this.shippingAddress = shippingAddress;
      return this;
    }

    public Builder lines(List<OrderLine> lines) {
      this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
      return this;
    }

    public Builder addLine(OrderLine line) {
      this.lines.add(line);
      return this;
    }

    public Builder shippingMethod(String shippingMethod) {
      this.shippingMethod = shippingMethod;
      return this;
    }

    public Builder shippingDescription(String shippingDescription) {
      this.shippingDescription = shippingDescription;
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

    public Builder fees(Money fees) {
      this.fees = fees;
      return this;
    }

    public Builder grandTotal(Money grandTotal) {
      this.grandTotal = grandTotal;
      return this;
    }

    public Builder payments(List<Payment> payments) {
      this.payments = payments == null ? new ArrayList<>() : new ArrayList<>(payments);
      return this;
    }

    public Builder addPayment(Payment payment) {
      this.payments.add(payment);
      return this;
    }

    public Builder notes(List<String> notes) {
      this.notes = notes == null ? new ArrayList<>() : new ArrayList<>(notes);
      return this;
    }

    public Builder addNote(String note) {
      this.notes.add(note);
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attributes);
      return this;
    }

    public Builder attribute(String code, String value) {
      this.attributes.put(code, value);
      return this;
    }

    public Builder storeCode(String storeCode) {
      this.storeCode = storeCode;
      return this;
    }

    public Order build() {
      return new Order(
          refs, number, placedAt, updatedAt, status, sourceStatus, currency, customerRef, customer,
          billingAddress, shippingAddress, lines, shippingMethod, shippingDescription, subtotal,
          discount, shipping, tax, fees, grandTotal, payments, notes, attributes, storeCode);
    }
  }
}
