package io.commercesync.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class MoneyProperties {

  record Case(Money money, List<BigDecimal> weights) {}

  @Provide
  Arbitrary<Money> amounts() {
    return CanonicalArbitraries.currencies().flatMap(CanonicalArbitraries::signedMoney);
  }

  /** Amounts with more decimals than the currency has, e.g. 12.34567 USD from a GP unit price. */
  @Provide
  Arbitrary<Money> unrounded() {
    return Combinators.combine(CanonicalArbitraries.currencies(),
            Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L), Arbitraries.integers().between(0, 6))
        .as((currency, units, scale) -> Money.of(BigDecimal.valueOf(units, scale), currency));
  }

  @Provide
  Arbitrary<Case> allocations() {
    return Combinators.combine(
            amounts(),
            Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2)
                .list().ofMinSize(1).ofMaxSize(12)
                .filter(ws -> ws.stream().anyMatch(w -> w.signum() > 0)))
        .as(Case::new);
  }

  @Property
  void allocate_byWeights_sharesAddUpToTheRoundedAmountExactly(@ForAll("allocations") Case c) {
    List<Money> shares = c.money().allocate(c.weights());
    Money total = Money.sum(c.money().currency(), shares);
    assertThat(total).isEqualTo(c.money().rounded(RoundingMode.HALF_EVEN));
    assertThat(shares).hasSize(c.weights().size()).allMatch(Money::isRounded);
    for (int i = 0; i < shares.size(); i++) {
      if (c.weights().get(i).signum() == 0) {
        assertThat(shares.get(i).isZero()).as("a zero weight gets nothing").isTrue();
      }
    }
  }

  @Property
  void allocate_evenly_sharesDifferByAtMostOneMinorUnit(
      @ForAll("amounts") Money money, @ForAll @IntRange(min = 1, max = 50) int parts) {
    List<Money> shares = money.allocate(parts);
    assertThat(Money.sum(money.currency(), shares)).isEqualTo(money);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(money.minorUnits());
    BigDecimal max = shares.stream().map(Money::amount).max(BigDecimal::compareTo).orElseThrow();
    BigDecimal min = shares.stream().map(Money::amount).min(BigDecimal::compareTo).orElseThrow();
    assertThat(max.subtract(min)).isLessThanOrEqualTo(unit);
  }

  @Property
  void plusThenMinus_returnsTheOriginalAmount(@ForAll("amounts") Money a, @ForAll("amounts") Money b) {
    if (!a.currency().equals(b.currency())) {
      assertThatThrownBy(() -> a.plus(b)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(a.currency().getCurrencyCode());
      return;
    }
    assertThat(a.plus(b).minus(b)).isEqualTo(a);
    assertThat(a.plus(b)).isEqualTo(b.plus(a));
  }

  @Property
  void rounding_movesByLessThanOneMinorUnit_andKeepsTheCurrencyScale(
      @ForAll("unrounded") Money money, @ForAll RoundingMode mode) {
    if (mode == RoundingMode.UNNECESSARY) {
      return;
    }
    Money rounded = money.rounded(mode);
    BigDecimal unit = BigDecimal.ONE.movePointLeft(money.minorUnits());
    assertThat(rounded.amount().scale()).isEqualTo(money.minorUnits());
    assertThat(rounded.amount().subtract(money.amount()).abs()).isLessThan(unit);
  }

  @Property
  void sumOfRoundedLineTotals_reconcilesWithHalfEvenAllocationOfTheExactTotal(
      @ForAll("unrounded") Money unitPrice, @ForAll @IntRange(min = 1, max = 500) int qty) {
    // what a mapper does when an ERP unit price has 5 decimals: the line total is rounded once
    Money exact = unitPrice.times(BigDecimal.valueOf(qty));
    Money rounded = exact.rounded(RoundingMode.HALF_EVEN);
    List<Money> perUnit = rounded.allocate(qty);
    assertThat(Money.sum(unitPrice.currency(), perUnit)).isEqualTo(rounded);
  }

  @Property
  void construction_padsToTheCurrencyScale_andEqualityIgnoresTrailingZeros(@ForAll("amounts") Money m) {
    assertThat(m.amount().scale()).isGreaterThanOrEqualTo(m.minorUnits());
    Money padded = Money.of(m.amount().setScale(m.minorUnits() + 3), m.currency());
    assertThat(padded).isEqualTo(m).hasSameHashCodeAs(m);
  }

  @Property
  void differentCurrencies_areNeverEqual(@ForAll("amounts") Money m) {
    Currency other = m.currency().getCurrencyCode().equals("USD")
        ? Currency.getInstance("CAD") : Currency.getInstance("USD");
    assertThat(Money.of(m.amount(), other)).isNotEqualTo(m);
  }
}
