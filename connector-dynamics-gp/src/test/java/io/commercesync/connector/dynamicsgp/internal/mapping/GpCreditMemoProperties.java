package io.commercesync.connector.dynamicsgp.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.dynamicsgp.GpSettings;
import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectCodec;
import io.commercesync.connector.dynamicsgp.econnect.EConnectValidator;
import io.commercesync.connector.dynamicsgp.econnect.RmTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.TaRmTransaction;
import io.commercesync.connector.dynamicsgp.econnect.TaRmTransactionTaxInsert;
import io.commercesync.connector.dynamicsgp.econnect.ValidationContext;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.spi.ReturnRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The credit memo of a refund without lines, as properties: whatever the storefront refunds (shipping, a
 * positive or negative adjustment, tax) in a currency with 0, 2 or 3 decimals, the amounts GP receives add up
 * to DOCAMNT = the refunded total at the currency's scale, and GP's validator accepts the document; an amount
 * with more decimals is refused, never rounded; a total not above zero is refused; the document number is
 * deterministic, at most 17 characters, upper-case letters and digits.
 */
class GpCreditMemoProperties {

  static final ValidationContext DECIMALS = ValidationContext.DEFAULT.withCurrencyDecimals(
      Map.of("Z-US$", 2, "Z-JPY", 0, "Z-BHD", 3));
  static final GpSettings SETTINGS = CanonicalSamples.settings().toBuilder().currency("JPY", "Z-JPY")
      .currency("BHD", "Z-BHD").validation(DECIMALS).build();
  final GpDocumentMapper mapper = new GpDocumentMapper(SETTINGS);

  @Provide
  Arbitrary<String> currencies() {
    return Arbitraries.of("USD", "JPY", "BHD");
  }

  static int places(String iso) {
    return DECIMALS.currencyDecimals(SETTINGS.currencyId(iso));
  }

  /** An amount in minor units of {@code iso}: {@code minor} × 10^−places. */
  static Money money(long minor, String iso) {
    return Money.of(BigDecimal.valueOf(minor, places(iso)), Currency.getInstance(iso));
  }

  static ReturnRequest refund(String number, String iso, Money shipping, Money adjustment, Money tax, Money total) {
    Return ret = Return.builder().number(number).orderNumber("WEB-100045871")
        .createdAt(Instant.parse("2024-03-20T10:00:00Z")).currency(Currency.getInstance(iso))
        .shipping(shipping).adjustment(adjustment).tax(tax).total(total).build();
    return new ReturnRequest(ret, "WEBJSMITH0001", List.of(), null);
  }

  @Property(tries = 500)
  void theSplit_alwaysSumsToDocamnt_theRefundedTotal_atTheCurrencyScale(
      @ForAll("currencies") String iso,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 5_000_000) long shipping,
      @ForAll @net.jqwik.api.constraints.LongRange(min = -2_000_000, max = 5_000_000) long adjustment,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 900_000) long tax) {
    long total = shipping + adjustment + tax;
    Assume.that(total > 0);
    RmTransactionType memo = mapper.creditMemo(refund("000000012", iso, money(shipping, iso), money(adjustment, iso),
        money(tax, iso), money(total, iso)), null);
    TaRmTransaction t = memo.transaction();
    BigDecimal expected = BigDecimal.valueOf(total, places(iso));
    assertThat(t.docamnt()).isEqualByComparingTo(expected);
    assertThat(t.slsamnt().subtract(t.trdisamt()).add(t.frtamnt()).add(t.miscamnt()).add(t.taxamnt()))
        .isEqualByComparingTo(t.docamnt());
    assertThat(t.slsamnt().signum() == 0 || t.trdisamt().signum() == 0).as("a refund or a kept fee, not both").isTrue();
    for (BigDecimal amount : List.of(t.docamnt(), t.slsamnt(), t.trdisamt(), t.frtamnt(), t.miscamnt(), t.taxamnt())) {
      assertThat(amount.signum()).isNotNegative();
      assertThat(Math.max(0, amount.stripTrailingZeros().scale())).isLessThanOrEqualTo(places(iso));
    }
    assertThat(memo.taxes().stream().map(TaRmTransactionTaxInsert::taxamnt).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(t.taxamnt());
    assertThat(memo.taxes()).hasSize(tax == 0 ? 0 : 1);
    assertThat(EConnectValidator.check(memo, DECIMALS)).isEmpty();
    EConnect doc = EConnect.of(memo);
    assertThat(EConnectCodec.withContext(DECIMALS).read(EConnectCodec.withContext(DECIMALS).write(doc))).isEqualTo(doc);
  }

  @Property(tries = 300)
  void anAmountWithMoreDecimalsThanTheCurrency_isRefusedNamingIt_neverRounded(
      @ForAll("currencies") String iso, @ForAll @IntRange(min = 0, max = 2) int which,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 9) long extraDigit,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 1_000_000) long minor) {
    BigDecimal fine = BigDecimal.valueOf(minor, places(iso));
    BigDecimal tooPrecise = fine.add(BigDecimal.valueOf(extraDigit, places(iso) + 1));
    Money zero = money(0, iso);
    Money odd = Money.of(tooPrecise, Currency.getInstance(iso));
    String field = List.of("shipping", "adjustment", "tax").get(which);
    ReturnRequest request = refund("000000012", iso, which == 0 ? odd : zero, which == 1 ? odd : zero,
        which == 2 ? odd : zero, odd);
    assertThatThrownBy(() -> mapper.creditMemo(request, null)).isInstanceOfSatisfying(InvalidRecordException.class,
        e -> assertThat(e.violations()).extracting(FieldViolation::path).containsExactly(field, "total"));
  }

  @Property(tries = 200)
  void aTotalNotAboveZero_isAlwaysRefused(@ForAll("currencies") String iso,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 100_000) long shipping,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 200_000) long kept) {
    long total = shipping - kept;
    Assume.that(total <= 0);
    assertThatThrownBy(() -> mapper.creditMemo(refund("000000012", iso, money(shipping, iso), money(-kept, iso),
        money(0, iso), money(total, iso)), null)).isInstanceOfSatisfying(InvalidRecordException.class,
            e -> assertThat(e.violations()).anySatisfy(v -> {
              assertThat(v.path()).isEqualTo("total");
              assertThat(v.rule()).isEqualTo(FieldViolation.RULE_RANGE);
            }));
  }

  @Property(tries = 1000)
  void documentNumbers_areDeterministic_atMost17_upperCaseLettersAndDigits(@ForAll String storefrontNumber) {
    String number = mapper.creditMemoNumber(storefrontNumber);
    assertThat(number).isEqualTo(mapper.creditMemoNumber(storefrontNumber)).startsWith("WEBCM").matches("[A-Z0-9]{6,17}");
    String alnum = GpText.alnum(storefrontNumber);
    if (!alnum.isEmpty() && !alnum.startsWith("WEBCM") && alnum.length() <= 12) {
      assertThat(number).as("short numbers are kept readable").isEqualTo("WEBCM" + alnum);
    }
  }

  @Property(tries = 300)
  void differentShortNumbers_neverShareADocumentNumber(
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 999_999_999_999L) long a,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 999_999_999_999L) long b) {
    Assume.that(a != b);
    assertThat(mapper.creditMemoNumber(Long.toString(a))).isNotEqualTo(mapper.creditMemoNumber(Long.toString(b)));
  }
}
