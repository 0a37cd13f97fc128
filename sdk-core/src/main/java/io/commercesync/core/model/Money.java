package io.commercesync.core.model;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of money in one currency. Never a {@code double}: the amount is a {@link BigDecimal}.
 *
 * <p>The amount keeps the precision it was given (an ERP unit price may carry 5 decimals) but is never
 * shown with fewer decimals than the currency's minor units: {@code Money.of("10", "USD")} holds
 * {@code 10.00}, {@code Money.of("1.5", "JPY")} holds {@code 1.5} until {@link #rounded(RoundingMode)}.
 * Two amounts are {@linkplain #equals(Object) equal} when they are numerically equal in the same
 * currency ({@code 10.00 USD} equals {@code 10.000 USD}).
 *
 * <p>Arithmetic refuses to mix currencies: {@code usd.plus(eur)} throws {@link
 * IllegalArgumentException}, a programming error, since every canonical record already checks on
 * construction that its amounts share the record's currency. Rounding is always explicit, and
 * {@link #allocate(int)} splits an amount into shares that add up to it exactly, so no cent is lost or
 * invented when an order discount is spread over lines.
 *
 * <p>Maps from: Magento {@code grand_total}, {@code price} (JSON numbers, in
 * {@code order_currency_code}); Clarity {@code Totals.Total}/{@code unitPrice}; GP {@code numeric(19,5)}
 * columns ({@code UNITPRCE}, {@code DOCAMNT}) with {@code CURNCYID} mapped to ISO 4217; SL {@code Cury*}
 * columns (floats in SL's database, converted at the connector boundary).
 *
 * @param amount the amount; at most 15 integer digits and 10 decimal places
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public Money {
    if (amount == null || currency == null || !Constraints.saneDecimal(amount)) {
      InvalidRecordException.Builder errors = InvalidRecordException.builder(SystemId.CANONICAL, "money");
      if (amount == null) {
        errors.violation(FieldViolation.required("amount"));
      } else if (!Constraints.saneDecimal(amount)) {
        errors.violation(
            FieldViolation.of(
                "amount",
                FieldViolation.RULE_RANGE,
                amount,
                "must have at most " + Constraints.MAX_INTEGER_DIGITS + " integer digits and "
                    + Constraints.MAX_SCALE + " decimal places"));
      }
      if (currency == null) {
        errors.violation(FieldViolation.required("currency"));
      }
      throw errors.build();
    }
    int minor = minorUnits(currency);
    if (amount.scale() < minor) {
      amount = amount.setScale(minor, RoundingMode.UNNECESSARY);
    }
  }

  /** {@code amount} in {@code currency}, e.g. {@code Money.of(new BigDecimal("59.73"), usd)}. */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /** {@code Money.of("59.73", "USD")}. */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    return new Money(new BigDecimal(amount), currency(currencyCode));
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** The sum of {@code amounts}, all in {@code currency}; zero when empty. */
  public static Money sum(Currency currency, Collection<Money> amounts) {
    Money total = zero(currency);
    for (Money each : amounts) {
      total = total.plus(each);
    }
    return total;
  }

  /** The ISO 4217 currency for {@code code}, with a clear error for an unknown code. */
  public static Currency currency(String code) {
    Objects.requireNonNull(code, "currency code");
    try {
      return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidRecordException.of(
          SystemId.CANONICAL,
          "money",
          null,
          FieldViolation.of("currency", FieldViolation.RULE_FORMAT, code, "must be an ISO 4217 code"));
    }
  }

  /** Decimal places of the currency's minor unit: 2 for USD, 0 for JPY, 3 for KWD. */
  public int minorUnits() {
    return minorUnits(currency);
  }

  static int minorUnits(Currency currency) {
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  public Money plus(Money other) {
    requireSameCurrency(other, "add");
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other, "subtract");
    return new Money(amount.subtract(other.amount), currency);
  }

  /** This amount times {@code factor}, exactly (no rounding): a unit price times a quantity. */
  public Money times(BigDecimal factor) {
    Objects.requireNonNull(factor, "factor");
    return new Money(amount.multiply(factor), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public Money abs() {
    return amount.signum() < 0 ? negate() : this;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** This amount rounded to the currency's minor units with {@code mode}. */
  public Money rounded(RoundingMode mode) {
    Objects.requireNonNull(mode, "mode");
    return new Money(amount.setScale(minorUnits(), mode), currency);
  }

  /** Whether the amount has no more decimals than the currency's minor units. */
  public boolean isRounded() {
    return amount.stripTrailingZeros().scale() <= minorUnits();
  }

  /**
   * Splits this amount, rounded half-even to minor units, into {@code parts} shares that differ by at
   * most one minor unit and add up to it exactly.
   */
  public List<Money> allocate(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be >= 1 (was " + parts + ")");
    }
    List<BigDecimal> weights = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      weights.add(BigDecimal.ONE);
    }
    return allocate(weights);
  }

  /**
   * Splits this amount, rounded half-even to minor units, in proportion to {@code weights} (e.g. line
   * totals when spreading an order discount). The shares add up to the rounded amount exactly; the
   * leftover minor units go to the shares with the largest remainders, ties to the earliest.
   *
   * @throws IllegalArgumentException if a weight is negative or all weights are zero
   */
  public List<Money> allocate(List<BigDecimal> weights) {
    Objects.requireNonNull(weights, "weights");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("weights must not be empty");
    }
    BigDecimal totalWeight = BigDecimal.ZERO;
    for (BigDecimal w : weights) {
      if (w == null || w.signum() < 0) {
        throw new IllegalArgumentException("weights must be >= 0 (was " + w + ")");
      }
      totalWeight = totalWeight.add(w);
    }
    if (totalWeight.signum() == 0) {
      throw new IllegalArgumentException("at least one weight must be > 0");
    }
    int minor = minorUnits();
    BigDecimal total = amount.setScale(minor, RoundingMode.HALF_EVEN);
    // work in whole minor units
    BigInteger units = total.unscaledValue();
    int sign = units.signum();
    BigInteger remainingUnits = units.abs();
    BigInteger[] shares = new BigInteger[weights.size()];
    BigDecimal[] remainders = new BigDecimal[weights.size()];
    BigInteger assigned = BigInteger.ZERO;
    BigDecimal absUnits = new BigDecimal(remainingUnits);
    for (int i = 0; i < shares.length; i++) {
      BigDecimal exact = absUnits.multiply(weights.get(i)).divide(totalWeight, 20, RoundingMode.DOWN);
      BigDecimal floor = exact.setScale(0, RoundingMode.DOWN);
      shares[i] = floor.toBigIntegerExact();
      remainders[i] = exact.subtract(floor);
      assigned = assigned.add(shares[i]);
    }
    BigInteger leftover = remainingUnits.subtract(assigned);
    while (leftover.signum() > 0) {
      int best = -1;
      for (int i = 0; i < shares.length; i++) {
        if (weights.get(i).signum() > 0 && (best < 0 || remainders[i].compareTo(remainders[best]) > 0)) {
          best = i;
        }
      }
      shares[best] = shares[best].add(BigInteger.ONE);
      remainders[best] = remainders[best].subtract(BigDecimal.ONE);
      leftover = leftover.subtract(BigInteger.ONE);
    }
    List<Money> result = new ArrayList<>(shares.length);
    for (BigInteger share : shares) {
      BigDecimal value = new BigDecimal(sign < 0 ? share.negate() : share, minor);
      result.add(new Money(value, currency));
    }
    return List.copyOf(result);
  }

  /**
   * Compares amounts in the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other, "compare");
    return amount.compareTo(other.amount);
  }

  /** Equal when the currency is the same and the amounts are numerically equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Money that
        && currency.equals(that.currency)
        && amount.compareTo(that.amount) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
  }

  /** {@code 59.73 USD}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }

  private void requireSameCurrency(Money other, String operation) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot " + operation + " " + other.currency.getCurrencyCode() + " and "
              + currency.getCurrencyCode() + " amounts");
    }
  }
}
