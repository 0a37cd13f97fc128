package io.commercesync.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Goods a customer sent back, or money refunded against an order: a storefront credit memo.
 *
 * <p>Maps from: Magento credit memos ({@code GET /V1/creditmemos}: {@code increment_id},
 * {@code order_id}, {@code items[]}, {@code adjustment_positive}/{@code adjustment_negative},
 * {@code shipping_amount}, {@code grand_total}); Clarity returns. Maps to GP {@code SOPTransactionType}
 * with SOPTYPE 4 (Return) and to an SL credit memo order; without lines (money only) to a GP
 * {@code RMTransactionType} credit memo (RMDTYPAL 7) and an SL AR credit memo ({@code ARDoc} {@code CM}).
 *
 * @param refs the return's ids per system
 * @param number the storefront credit memo / return number
 * @param orderNumber the storefront order it refunds
 * @param createdAt when it was created
 * @param currency the currency of every amount
 * @param lines what came back, possibly none for a money-only refund
 * @param shipping shipping refunded; zero when absent
 * @param adjustment further refund (+) or fee kept (−); zero when absent
 * @param tax tax refunded; zero when absent
 * @param total the total refunded
 * @param reason why, optional
 */
public record Return(
    List<ExternalRef> refs,
    String number,
    String orderNumber,
    Instant createdAt,
    Currency currency,
    List<ReturnLine> lines,
    Money shipping,
    Money adjustment,
    Money tax,
    Money total,
    String reason) {

  public Return {
    Constraints c = Constraints.of("return");
    refs = c.list(refs, "refs");
    lines = c.list(lines, "lines");
    c.require(number, "number");
    c.require(orderNumber, "orderNumber");
    c.require(createdAt, "createdAt");
    c.require(currency, "currency");
    c.require(total, "total");
    if (currency != null) {
      shipping = shipping == null ? Money.zero(currency) : shipping;
      adjustment = adjustment == null ? Money.zero(currency) : adjustment;
      tax = tax == null ? Money.zero(currency) : tax;
      c.currency(shipping, currency, "shipping");
      c.currency(adjustment, currency, "adjustment");
      c.currency(tax, currency, "tax");
      c.currency(total, currency, "total");
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

  /** The return's id in {@code system}, if known. */
  public Optional<ExternalRef> ref(SystemId system) {
    return refs.stream().filter(r -> r.system().equals(system)).findFirst();
  }

  /** Builds a {@link Return}. Not thread-safe. */
  public static final class Builder {
    private List<ExternalRef> refs = new ArrayList<>();
    private String number;
    private String orderNumber;
    private Instant createdAt;
    private Currency currency;
    private List<ReturnLine> lines = new ArrayList<>();
    private Money shipping;
    private Money adjustment;
    private Money tax;
    private Money total;
    private String reason;

    private Builder() {}

    private Builder(Return r) {
      refs = new ArrayList<>(r.refs);
      number = r.number;
      orderNumber = r.orderNumber;
      createdAt = r.createdAt;
      currency = r.currency;
      lines = new ArrayList<>(r.lines);
      shipping = r.shipping;
      adjustment = r.adjustment;
      tax = r.tax;
      total = r.total;
      reason = r.reason;
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

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    public Builder lines(List<ReturnLine> lines) {
      this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
      return this;
    }

    public Builder addLine(ReturnLine line) {
      this.lines.add(line);
      return this;
    }

    public Builder shipping(Money shipping) {
      this.shipping = shipping;
      return this;
    }

    public Builder adjustment(Money adjustment) {
      this.adjustment = adjustment;
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

    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    public Return build() {
      return new Return(refs, number, orderNumber, createdAt, currency, lines, shipping, adjustment, tax, total, reason);
    }
  }
}
