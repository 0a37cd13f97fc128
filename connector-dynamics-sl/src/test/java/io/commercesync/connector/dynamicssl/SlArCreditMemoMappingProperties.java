package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.commercesync.connector.dynamicssl.internal.dto.ArDoc;
import io.commercesync.connector.dynamicssl.internal.dto.ArTran;
import io.commercesync.connector.dynamicssl.internal.dto.CreditMemoDocument;
import io.commercesync.connector.dynamicssl.internal.mapping.SlDocuments;
import io.commercesync.connector.dynamicssl.internal.mapping.SlMappingContext;
import io.commercesync.connector.dynamicssl.internal.text.SlText;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.spi.ReturnRequest;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Money-only Return → SL AR credit memo (ARDoc CM + ARTran): amounts, sides, widths, refusals. */
class SlArCreditMemoMappingProperties {

  private static final SlCreditMemoAccounts ACCOUNTS = SlCreditMemoAccounts.of("4900/01-000-00", "4050/01-000-00",
      "2300/01-000-00");
  private final SlDocuments documents = new SlDocuments(SlMappingContext.defaults().withCreditMemoAccounts(ACCOUNTS),
      new SlText(Charset.forName("windows-1252"), false));

  @Provide
  Arbitrary<Currency> currencies() {
    // 2, 0 and 3 decimals
    return Arbitraries.of(Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("KWD"));
  }

  private static Money minor(long units, Currency currency) {
    return Money.of(BigDecimal.valueOf(units, currency.getDefaultFractionDigits()), currency);
  }

  private static Return moneyOnly(String number, String orderNumber, Currency currency, Money shipping,
      Money adjustment, Money tax, Money total) {
    return Return.builder().number(number).orderNumber(orderNumber).createdAt(Instant.parse("2024-05-21T15:30:00Z"))
        .currency(currency).shipping(shipping).adjustment(adjustment).tax(tax).total(total).build();
  }

  private static ReturnRequest request(Return ret) {
    return new ReturnRequest(ret, "C20311", List.of(), "0060");
  }

  /**
   * For any refunded shipping, tax and adjustment (a further refund or a fee kept) whose sum is positive, the
   * credit memo credits exactly that sum: Σ CuryTranAmt of the D lines − Σ of the C lines = CuryOrigDocAmt =
   * the refunded total, at the currency's scale; one line per non-zero part, each &gt; 0, a fee kept on the C
   * side, each part on its account. A sum of 0 or less is refused naming {@code total}, never sent as a debit.
   */
  @Property(tries = 1500)
  void sides_sumToTheRefundedTotal_atTheCurrencyScale(@ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = 0, max = 500_000) long shipping, @ForAll @LongRange(min = 0, max = 200_000) long tax,
      @ForAll @LongRange(min = -300_000, max = 300_000) long adjustment) {
    int scale = currency.getDefaultFractionDigits();
    Money total = minor(shipping + tax + adjustment, currency);
    Return ret = moneyOnly("000000091", "CS-100045", currency, minor(shipping, currency), minor(adjustment, currency),
        minor(tax, currency), total);
    if (!total.isPositive()) {
      assertThat(violations(request(ret))).containsExactly("total " + FieldViolation.RULE_RANGE);
      return;
    }
    CreditMemoDocument doc = documents.arCreditMemo(request(ret), null);
    ArDoc d = doc.arDoc();
    assertThat(d.docType()).isEqualTo("CM");
    assertThat(d.curyOrigDocAmt()).isEqualByComparingTo(total.amount());
    assertThat(d.curyOrigDocAmt().scale()).isEqualTo(scale);
    assertThat(d.curyId()).isEqualTo(currency.getCurrencyCode());
    BigDecimal net = BigDecimal.ZERO;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < doc.arTran().size(); i++) {
      ArTran t = doc.arTran().get(i);
      assertThat(t.lineNbr()).isEqualTo(i + 1);
      assertThat(t.tranType()).isEqualTo("CM");
      assertThat(t.refNbr()).isEqualTo(d.refNbr());
      assertThat(t.curyTranAmt().signum()).isPositive();
      assertThat(t.curyTranAmt().scale()).isEqualTo(scale);
      assertThat(t.drCr()).isIn("D", "C");
      net = t.drCr().equals("D") ? net.add(t.curyTranAmt()) : net.subtract(t.curyTranAmt());
      parts.add(t.drCr() + " " + t.acct() + " " + t.curyTranAmt().toPlainString());
    }
    assertThat(net).isEqualByComparingTo(d.curyOrigDocAmt());
    List<String> expected = new ArrayList<>();
    if (adjustment > 0) {
      expected.add("D 4900 " + minor(adjustment, currency).amount().toPlainString());
    }
    if (shipping > 0) {
      expected.add("D 4050 " + minor(shipping, currency).amount().toPlainString());
    }
    if (tax > 0) {
      expected.add("D 2300 " + minor(tax, currency).amount().toPlainString());
    }
    if (adjustment < 0) {
      expected.add("C 4900 " + minor(-adjustment, currency).amount().toPlainString());
    }
    assertThat(parts).containsExactlyElementsOf(expected);
    assertThat(doc.arTran()).allSatisfy(t -> assertThat(t.sub()).isEqualTo("01-000-00"));
  }

  /**
   * An amount with more decimals than its currency is refused naming the canonical field, never rounded: the
   * credit memo would otherwise credit another amount than the storefront refunded.
   */
  @Property(tries = 300)
  void moreDecimalsThanTheCurrency_areRefused_neverRounded(@ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = 1, max = 99_999) long units, @ForAll @IntRange(min = 0, max = 2) int which) {
    Money fine = minor(units, currency);
    Money odd = Money.of(fine.amount().add(BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits() + 1)),
        currency);
    String[] names = {"shipping", "adjustment", "tax"};
    Money[] parts = {Money.zero(currency), Money.zero(currency), Money.zero(currency)};
    parts[which] = odd;
    Return ret = moneyOnly("000000091", "CS-100045", currency, parts[0], parts[1], parts[2], odd);
    assertThat(violations(request(ret))).containsExactlyInAnyOrder(names[which] + " " + FieldViolation.RULE_FORMAT,
        "total " + FieldViolation.RULE_FORMAT);
  }

  /**
   * Widths: the storefront order number within CustOrdNbr's char(25) is sent exactly as given, one character more
   * is refused naming the column and its width, never cut. The credit memo number, of any length, gives a
   * RefNbr of at most 10 characters — itself when it fits, else a digest that is the same on every call — and
   * travels whole in ExtRefNbr (char(15)) when it fits there, else not at all; DocDesc (char(30)) never
   * exceeds its width.
   */
  @Property(tries = 600)
  void widths_areEnforced_keysNeverTruncated(@ForAll @IntRange(min = 1, max = 40) int numberLength,
      @ForAll @IntRange(min = 1, max = 40) int orderLength) {
    String number = "7".repeat(numberLength);
    String orderNumber = "O".repeat(orderLength);
    Currency usd = Currency.getInstance("USD");
    Return ret = moneyOnly(number, orderNumber, usd, Money.of("8.95", "USD"), Money.zero(usd), Money.zero(usd),
        Money.of("8.95", "USD"));
    if (orderLength > 25) {
      InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
          () -> documents.arCreditMemo(request(ret), null));
      assertThat(e).isNotNull();
      assertThat(e.violations()).singleElement().satisfies(v -> {
        assertThat(v.path()).isEqualTo("/ARDoc/CustOrdNbr");
        assertThat(v.rule()).isEqualTo(FieldViolation.RULE_MAX_LENGTH);
        assertThat(v.message()).startsWith("ARDoc.CustOrdNbr is char(25)");
      });
      return;
    }
    CreditMemoDocument doc = documents.arCreditMemo(request(ret), null);
    assertThat(doc.arDoc().custOrdNbr()).isEqualTo(orderNumber);
    String refNbr = doc.arDoc().refNbr();
    if (numberLength <= 10) {
      assertThat(refNbr).isEqualTo(number);
    } else {
      assertThat(refNbr).hasSize(10).startsWith("W").isNotEqualTo(number.substring(0, 10));
    }
    assertThat(documents.arCreditMemo(request(ret), null).arDoc().refNbr()).isEqualTo(refNbr);
    assertThat(SlDocuments.arCreditMemoRefNbr(ret)).isEqualTo(refNbr);
    assertThat(doc.arTran()).allSatisfy(t -> assertThat(t.extRefNbr()).isEqualTo(numberLength <= 15 ? number : null));
    assertThat(doc.arDoc().docDesc()).hasSizeLessThanOrEqualTo(30).startsWith("Refund 7");
    if (numberLength <= 23) {
      assertThat(doc.arDoc().docDesc()).isEqualTo("Refund " + number);
    }
  }

  @Example
  void theDocument_carriesTheReturnAndTheRefundedOrder() {
    Currency usd = Currency.getInstance("USD");
    Return ret = moneyOnly("000000091", "CS-100045", usd, Money.of("8.95", "USD"), Money.of("5.00", "USD"),
        Money.of("0.72", "USD"), Money.of("14.67", "USD"));
    CreditMemoDocument doc = documents.arCreditMemo(request(ret), "WO004512");
    ArDoc d = doc.arDoc();
    assertThat(d.cpnyId()).isEqualTo("0060");
    assertThat(d.custId()).isEqualTo("C20311");
    assertThat(d.refNbr()).isEqualTo("000000091");
    assertThat(d.ordNbr()).isEqualTo("WO004512");
    assertThat(d.custOrdNbr()).isEqualTo("CS-100045");
    assertThat(d.docDate()).isEqualTo(LocalDate.of(2024, 5, 21));
    assertThat(d.perPost()).isEqualTo("202405");
    assertThat(d.batNbr()).as("assigned by SL").isNull();
    assertThat(d.bankAcct()).isNull();
    assertThat(doc.arTran()).extracting(ArTran::tranDesc)
        .containsExactly("Adjustment refund", "Shipping refund", "Tax refund");
    assertThat(doc.arTran()).allSatisfy(t -> {
      assertThat(t.tranDate()).isEqualTo(d.docDate());
      assertThat(t.perPost()).isEqualTo("202405");
      assertThat(t.custId()).isEqualTo("C20311");
      assertThat(t.cpnyId()).isEqualTo("0060");
    });
  }

  @Example
  void refusals_nameTheCanonicalField() {
    Currency usd = Currency.getInstance("USD");
    Return base = moneyOnly("000000091", "CS-100045", usd, Money.of("8.95", "USD"), Money.zero(usd), Money.zero(usd),
        Money.of("8.95", "USD"));
    // parts that do not add up to the total
    assertThat(violations(request(base.toBuilder().total(Money.of("9.95", "USD")).build())))
        .containsExactly("total " + FieldViolation.RULE_CONSISTENCY);
    // negative shipping or tax refunded
    assertThat(violations(request(base.toBuilder().shipping(Money.of("-1.00", "USD")).tax(Money.of("-0.10", "USD"))
        .total(Money.of("-1.10", "USD")).build())))
        .containsExactlyInAnyOrder("shipping " + FieldViolation.RULE_RANGE, "tax " + FieldViolation.RULE_RANGE);
    // nothing refunded at all
    assertThat(violations(request(base.toBuilder().shipping(Money.zero(usd)).total(Money.zero(usd)).build())))
        .containsExactly("total " + FieldViolation.RULE_RANGE);
    // a return with lines is not an AR credit memo
    Return withLines = base.toBuilder().lines(List.of(new ReturnLine(1, "SKU-1", BigDecimal.ONE,
        Money.of("10.00", "USD"), Money.of("10.00", "USD"), null, true))).build();
    assertThat(violations(request(withLines))).containsExactly("lines " + FieldViolation.RULE_CONSISTENCY);
    // characters the code page cannot hold, in a number that is its own RefNbr
    assertThat(violations(request(base.toBuilder().number("返品-1").build())))
        .containsExactly("/ARDoc/RefNbr " + FieldViolation.RULE_FORMAT, "/ARTran/0/RefNbr " + FieldViolation.RULE_FORMAT);
    // an account without a subaccount and no default subaccount configured
    SlDocuments noSub = new SlDocuments(SlMappingContext.defaults().withCreditMemoAccounts(SlCreditMemoAccounts.of(
        "4900")), new SlText(Charset.forName("windows-1252"), false));
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> noSub.arCreditMemo(request(base), null));
    assertThat(e.violations()).extracting(v -> v.path() + " " + v.rule())
        .containsExactly("/ARTran/0/Sub " + FieldViolation.RULE_REQUIRED);
  }

  @Example
  void withoutAccounts_theRefusalNamesTheOption() {
    SlDocuments unconfigured = new SlDocuments(SlMappingContext.defaults(),
        new SlText(Charset.forName("windows-1252"), false));
    Currency usd = Currency.getInstance("USD");
    Return ret = moneyOnly("000000091", "CS-100045", usd, Money.of("8.95", "USD"), Money.zero(usd), Money.zero(usd),
        Money.of("8.95", "USD"));
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> unconfigured.arCreditMemo(request(ret), null));
    assertThat(e.entity()).isEqualTo("credit memo");
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("lines");
      assertThat(v.message()).contains("configure creditMemoAccounts");
    });
  }

  private List<String> violations(ReturnRequest request) {
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> documents.arCreditMemo(request, null));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.entity()).isEqualTo("credit memo");
    assertThat(e.recordSystem().value()).isEqualTo("dynamics-sl");
    return e.violations().stream().map(v -> v.path() + " " + v.rule()).toList();
  }
}
