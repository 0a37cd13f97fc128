package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.commercesync.connector.dynamicssl.internal.dto.SalesOrderDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SoHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoLine;
import io.commercesync.connector.dynamicssl.internal.mapping.SlDocuments;
import io.commercesync.connector.dynamicssl.internal.mapping.SlMappingContext;
import io.commercesync.connector.dynamicssl.internal.text.SlText;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.SalesLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Return → SL credit memo order: amounts, widths and the refusals, as properties and examples. */
class SlReturnMappingProperties {

  private static final Currency USD = Currency.getInstance("USD");
  private final SlDocuments documents =
      new SlDocuments(SlMappingContext.defaults(), new SlText(Charset.forName("windows-1252"), false));

  /** A refunded line: quantity, unit price, and the part of qty × price not refunded (its discount share). */
  record Refunded(BigDecimal qty, BigDecimal price, BigDecimal kept) {}

  @Provide
  Arbitrary<Refunded> refundedLines() {
    return Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.of("1", "0.5", "0.25", "2"),
            Arbitraries.longs().between(1, 300_000), Arbitraries.integers().between(0, 100))
        .as((n, step, cents, keptPct) -> {
          BigDecimal qty = new BigDecimal(step).multiply(BigDecimal.valueOf(n));
          BigDecimal price = BigDecimal.valueOf(cents, 2);
          BigDecimal ext = qty.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
          BigDecimal kept = ext.multiply(BigDecimal.valueOf(keptPct)).divide(BigDecimal.valueOf(100), 2,
              RoundingMode.DOWN);
          return new Refunded(qty, price, kept);
        });
  }

  private static Return memo(String number, List<Refunded> refunded, long shipping, long adjustment, long tax) {
    List<ReturnLine> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < refunded.size(); i++) {
      Refunded r = refunded.get(i);
      BigDecimal lineTotal = r.qty().multiply(r.price()).setScale(2, RoundingMode.HALF_EVEN).subtract(r.kept());
      lines.add(new ReturnLine(i + 1, "SKU-" + (i + 1), r.qty(), Money.of(r.price(), USD), Money.of(lineTotal, USD),
          null, true));
      total = total.add(lineTotal);
    }
    total = total.add(BigDecimal.valueOf(shipping + adjustment + tax, 2));
    return Return.builder().number(number).orderNumber("100000045").createdAt(Instant.parse("2024-05-20T16:05:00Z"))
        .currency(USD).lines(lines).shipping(Money.of(BigDecimal.valueOf(shipping, 2), USD))
        .adjustment(Money.of(BigDecimal.valueOf(adjustment, 2), USD)).tax(Money.of(BigDecimal.valueOf(tax, 2), USD))
        .total(Money.of(total, USD)).build();
  }

  private static ReturnRequest request(Return ret, String item, String site) {
    List<SalesLine> lines = new ArrayList<>();
    for (ReturnLine l : ret.lines()) {
      lines.add(new SalesLine(l.lineNumber(), item != null ? item : "ITEM-" + l.lineNumber(), site, "EA"));
    }
    return new ReturnRequest(ret, "C20311", lines, "0060");
  }

  /**
   * For any refund whose parts add up, SL's own total of the credit memo order — Σ round(QtyOrd × CurySlsPrice)
   * − CuryWholeOrdDisc + CuryTotFrt + CuryTotMisc + CuryTotTax — is the refunded total to the cent; every
   * amount is ≥ 0 at the currency's scale, the quantity and price of each line are the refunded ones, and the
   * order is of the credit-memo type under the credit memo number.
   */
  @Property(tries = 1500)
  void amounts_sumToTheRefundedTotal_atTheCurrencyScale(
      @ForAll @net.jqwik.api.constraints.Size(min = 1, max = 6) List<@net.jqwik.api.From("refundedLines") Refunded> refunded,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 5_000) long shipping,
      @ForAll @net.jqwik.api.constraints.LongRange(min = -2_000, max = 3_000) long adjustment,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 20_000) long tax) {
    Return ret = memo("CM-1", refunded, shipping, adjustment, tax);
    if (!ret.total().isPositive()) {
      // a fee kept as large as the refund: nothing to credit, refused rather than entered as a debit
      assertThat(violations(request(ret, null, "AUSTIN"))).containsExactly("total " + FieldViolation.RULE_RANGE);
      return;
    }
    SalesOrderDocument doc = documents.creditMemo(request(ret, null, "AUSTIN"), null);
    SoHeader h = doc.soHeader();
    BigDecimal merch = BigDecimal.ZERO;
    for (int i = 0; i < doc.soLine().size(); i++) {
      SoLine l = doc.soLine().get(i);
      assertThat(l.qtyOrd()).isEqualByComparingTo(refunded.get(i).qty()).isPositive();
      assertThat(l.curySlsPrice()).isEqualByComparingTo(refunded.get(i).price());
      assertThat(l.lineRef()).isEqualTo(String.format("%05d", i + 1));
      merch = merch.add(l.qtyOrd().multiply(l.curySlsPrice()).setScale(2, RoundingMode.HALF_EVEN));
    }
    for (BigDecimal amount : List.of(h.curyWholeOrdDisc(), h.curyTotFrt(), h.curyTotMisc(), h.curyTotTax())) {
      assertThat(amount.signum()).isGreaterThanOrEqualTo(0);
      assertThat(amount.scale()).isEqualTo(2);
    }
    BigDecimal slTotal = merch.subtract(h.curyWholeOrdDisc()).add(h.curyTotFrt()).add(h.curyTotMisc())
        .add(h.curyTotTax());
    assertThat(slTotal).isEqualByComparingTo(ret.total().amount());
    assertThat(h.sOTypeID()).isEqualTo("CM");
    assertThat(h.custOrdNbr()).isEqualTo("CM-1");
    assertThat(h.user3()).isEqualTo("100000045");
  }

  /**
   * Widths: a credit memo number, item or site within its CHAR(n) is sent exactly as given; one character
   * more is refused naming the SL column and its width — never cut to fit.
   */
  @Property(tries = 600)
  void widths_areEnforced_neverTruncated(@ForAll @IntRange(min = 1, max = 40) int numberLength,
      @ForAll @IntRange(min = 1, max = 40) int itemLength, @ForAll @IntRange(min = 1, max = 14) int siteLength) {
    String number = "9".repeat(numberLength);
    String item = "I".repeat(itemLength);
    String site = "S".repeat(siteLength);
    Return ret = memo(number, List.of(new Refunded(BigDecimal.ONE, new BigDecimal("10.00"), BigDecimal.ZERO)), 0, 0, 0);
    ReturnRequest request = request(ret, item, site);
    boolean fits = numberLength <= 25 && itemLength <= 30 && siteLength <= 10;
    if (fits) {
      SalesOrderDocument doc = documents.creditMemo(request, null);
      assertThat(doc.soHeader().custOrdNbr()).isEqualTo(number);
      assertThat(doc.soLine().get(0).invtID()).isEqualTo(item);
      assertThat(doc.soLine().get(0).siteID()).isEqualTo(site);
      return;
    }
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> documents.creditMemo(request, null));
    assertThat(e).isNotNull();
    assertThat(e.recordSystem().value()).isEqualTo("dynamics-sl");
    List<String> expected = new ArrayList<>();
    if (numberLength > 25) {
      expected.add("/SOHeader/CustOrdNbr SOHeader.CustOrdNbr is char(25)");
    }
    if (itemLength > 30) {
      expected.add("/SOLine/0/InvtID SOLine.InvtID is char(30)");
    }
    if (siteLength > 10) {
      expected.add("/SOLine/0/SiteID SOLine.SiteID is char(10)");
    }
    assertThat(e.violations()).allSatisfy(v -> assertThat(v.rule()).isEqualTo(FieldViolation.RULE_MAX_LENGTH))
        .extracting(v -> v.path() + " " + v.message().substring(0, v.message().indexOf(':')))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Example
  void theFixture_attributesLineDiscountsAndTheFeeKeptToWholeOrdDisc() {
    SalesOrderDocument doc = documents.creditMemo(SlFixtures.returnRequest(SlFixtures.creditMemo("CM-1")), "WO004512");
    SoHeader h = doc.soHeader();
    assertThat(h.cpnyId()).isEqualTo("0060");
    assertThat(h.custID()).isEqualTo("C20311");
    assertThat(h.curyID()).isEqualTo("USD");
    assertThat(h.ordNbr()).isNull();
    assertThat(h.origOrdNbr()).isEqualTo("WO004512");
    assertThat(h.user2()).isEqualTo("901");
    assertThat(h.ordDate()).isEqualTo(java.time.LocalDate.of(2024, 5, 20));
    assertThat(h.curyWholeOrdDisc()).isEqualByComparingTo("10.12");
    assertThat(h.curyTotMisc()).isEqualByComparingTo("0");
    assertThat(h.curyTotFrt()).isEqualByComparingTo("0");
    assertThat(h.curyTotTax()).isEqualByComparingTo("5.00");
    assertThat(doc.soLine()).extracting(SoLine::descr).containsOnlyNulls();
    assertThat(doc.soLine()).extracting(SoLine::discPct).allSatisfy(d -> assertThat(d).isZero());
  }

  @Example
  void aPositiveAdjustment_isAMiscCredit() {
    Return ret = memo("CM-2", List.of(new Refunded(BigDecimal.ONE, new BigDecimal("10.00"), BigDecimal.ZERO)), 500, 250, 0);
    SoHeader h = documents.creditMemo(request(ret, null, null), null).soHeader();
    assertThat(h.curyTotMisc()).isEqualByComparingTo("2.50");
    assertThat(h.curyWholeOrdDisc()).isEqualByComparingTo("0");
    assertThat(h.curyTotFrt()).isEqualByComparingTo("5.00");
  }

  @Example
  void refusals_nameTheCanonicalField() {
    Return base = memo("CM-3", List.of(new Refunded(BigDecimal.ONE, new BigDecimal("10.00"), BigDecimal.ZERO)), 0, 0, 0);
    // a total that does not add up
    Return wrongTotal = base.toBuilder().total(Money.of("11.00", "USD")).build();
    assertThat(violations(request(wrongTotal, null, null))).containsExactly("total " + FieldViolation.RULE_CONSISTENCY);
    // a line refunding more than QtyOrd × CurySlsPrice
    Return tooMuch = base.toBuilder().lines(List.of(new ReturnLine(1, "SKU-1", BigDecimal.ONE, Money.of("10.00", "USD"),
        Money.of("10.01", "USD"), null, true))).total(Money.of("10.01", "USD")).build();
    assertThat(violations(request(tooMuch, null, null))).containsExactly("lines[0].total " + FieldViolation.RULE_CONSISTENCY);
    // more decimals than the currency has: refused, never rounded
    Return fractional = base.toBuilder().tax(Money.of("0.005", "USD")).total(Money.of("10.005", "USD")).build();
    assertThat(violations(request(fractional, null, null))).contains("tax " + FieldViolation.RULE_FORMAT);
    // a returned line without an SL item assignment
    assertThat(violations(new ReturnRequest(base, "C20311", List.of(), "0060")))
        .containsExactly("lines[0] " + FieldViolation.RULE_UNKNOWN_REFERENCE);
    // characters the code page cannot hold, in the credit memo number
    assertThat(violations(request(base.toBuilder().number("CM-返品").build(), null, null)))
        .containsExactly("/SOHeader/CustOrdNbr " + FieldViolation.RULE_FORMAT);
  }

  private List<String> violations(ReturnRequest request) {
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> documents.creditMemo(request, null));
    assertThat(e).as("refused").isNotNull();
    assertThat(e.entity()).isEqualTo("credit memo");
    return e.violations().stream().map(v -> v.path() + " " + v.rule()).toList();
  }
}
