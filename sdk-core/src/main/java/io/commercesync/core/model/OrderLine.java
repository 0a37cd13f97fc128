package io.commercesync.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * One line of an {@link Order}.
 *
 * <p>Maps from: Magento {@code items[]} ({@code item_id}, {@code sku}, {@code name},
 * {@code qty_ordered}, {@code price}, {@code discount_amount}, {@code tax_amount}, {@code row_total},
 * {@code parent_item_id}); Clarity {@code SalesItems[]} ({@code Sku}, {@code Quantity},
 * {@code UnitSoldPrice}, {@code ExtendedPrice}); GP {@code taSopLineIvcInsert} ({@code ITEMNMBR},
 * {@code QUANTITY}, {@code UNITPRCE}, {@code XTNDPRCE}, {@code UOFM}, {@code LOCNCODE}); SL
 * {@code SOLine} ({@code InvtID}, {@code QtyOrd}, {@code CurySlsPrice}, {@code UnitDesc},
 * {@code SiteID}).
 *
 * <p>For a configurable product the storefront connector keeps one line (the child's sku with the
 * parent's amounts); for a bundle, the parent line and its component lines point to it through
 * {@link #parentLineNumber()}.
 *
 * @param lineNumber 1-based position in the order, unique within it
 * @param sourceLineId the line's id in the source system (Magento {@code item_id}), optional; needed
 *     to ship or invoice the line back on the storefront
 * @param sku the storefront sku
 * @param name the product name as sold, optional
 * @param quantity quantity ordered, &gt; 0
 * @param unitPrice price of one unit, before discount and tax
 * @param discount discount on the whole line (positive amount off); zero when absent
 * @param tax tax on the whole line; zero when absent
 * @param rowTotal {@code quantity × unitPrice} as the source computed it (before discount and tax);
 *     computed and rounded half-even when absent
 * @param unitOfMeasure unit of measure, optional
 * @param location warehouse / source / site the line ships from, optional
 * @param parentLineNumber the bundle or configurable line this line belongs to, optional
 */
public record OrderLine(
    int lineNumber,
    String sourceLineId,
    String sku,
    String name,
    BigDecimal quantity,
    Money unitPrice,
    Money discount,
    Money tax,
    Money rowTotal,
    String unitOfMeasure,
    String location,
    Integer parentLineNumber) {

  public OrderLine {
    Constraints c = Constraints.of("order line");
    c.check(lineNumber >= 1, "lineNumber", "range", lineNumber, "must be >= 1");
    c.require(sku, "sku");
    c.require(quantity, "quantity");
    c.positive(quantity, "quantity");
    c.require(unitPrice, "unitPrice");
    if (unitPrice != null) {
      Currency currency = unitPrice.currency();
      discount = discount == null ? Money.zero(currency) : discount;
      tax = tax == null ? Money.zero(currency) : tax;
      c.currency(discount, currency, "discount");
      c.currency(tax, currency, "tax");
      c.currency(rowTotal, currency, "rowTotal");
      if (rowTotal == null && quantity != null && Constraints.saneDecimal(quantity)) {
        rowTotal = unitPrice.times(quantity).rounded(RoundingMode.HALF_EVEN);
      }
    }
    c.check(
        parentLineNumber == null || (parentLineNumber >= 1 && parentLineNumber != lineNumber),
        "parentLineNumber",
        "range",
        parentLineNumber,
        "must be another line's number");
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The line's amount after its discount, before tax: {@code rowTotal − discount}. */
  public Money netTotal() {
    return rowTotal.minus(discount);
  }

  /** Builds an {@link OrderLine}. Not thread-safe. */
  public static final class Builder {
    private int lineNumber;
    private String sourceLineId;
    private String sku;
    private String name;
    private BigDecimal quantity;
    private Money unitPrice;
    private Money discount;
    private Money tax;
    private Money rowTotal;
    private String unitOfMeasure;
    private String location;
    private Integer parentLineNumber;

    private Builder() {}

    private Builder(OrderLine l) {
      lineNumber = l.lineNumber;
      sourceLineId = l.sourceLineId;
      sku = l.sku;
      name = l.name;
      quantity = l.quantity;
      unitPrice = l.unitPrice;
      discount = l.discount;
      tax = l.tax;
      rowTotal = l.rowTotal;
      unitOfMeasure = l.unitOfMeasure;
      location = l.location;
      parentLineNumber = l.parentLineNumber;
    }

    public Builder lineNumber(int lineNumber) {
      this.lineNumber = lineNumber;
      return this;
    }

    public Builder sourceLineId(String sourceLineId) {
      this.sourceLineId = sourceLineId;
      return this;
    }

    public Builder sku(String sku) {
      this.sku = sku;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder quantity(BigDecimal quantity) {
      this.quantity = quantity;
      return this;
    }

    public Builder quantity(String quantity) {
      this.quantity = new BigDecimal(quantity);
      return this;
    }

    public Builder unitPrice(Money unitPrice) {
      this.unitPrice = unitPrice;
      return this;
    }

    public Builder discount(Money discount) {
      this.discount = discount;
      return this;
    }

    public Builder tax(Money tax) {
      this.tax = tax;
      return this;
    }

    public Builder rowTotal(Money rowTotal) {
      this.rowTotal = rowTotal;
      return this;
    }

    public Builder unitOfMeasure(String unitOfMeasure) {
      this.unitOfMeasure = unitOfMeasure;
      return this;
    }

    public Builder location(String location) {
      this.location = location;
      return this;
    }

    public Builder parentLineNumber(Integer parentLineNumber) {
      this.parentLineNumber = parentLineNumber;
      return this;
    }

    public OrderLine build() {
      return new OrderLine(
          lineNumber, sourceLineId, sku, name, quantity, unitPrice, discount, tax, rowTotal,
          unitOfMeasure, location, parentLineNumber);
    }
  }
}
