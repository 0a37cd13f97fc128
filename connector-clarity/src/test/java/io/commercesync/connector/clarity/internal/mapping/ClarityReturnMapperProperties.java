package io.commercesync.connector.clarity.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.clarity.ClarityStatusMapping;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesReturn;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesReturnItem;
import io.commercesync.connector.clarity.internal.dto.cef.CefTotals;
import io.commercesync.connector.clarity.internal.dto.v1.V1Return;
import io.commercesync.connector.clarity.internal.dto.v1.V1ReturnLine;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the return mappers of both dialects over generated returns sent through their JSON form:
 * the currency is the return's, no line is lost, reordered or repriced, and lines + shipping + tax +
 * adjustment make the total.
 */
class ClarityReturnMapperProperties {

  /** The configured store currency is USD: a native return in another currency must not fall back to it. */
  static final MappingSettings SETTINGS = new MappingSettings(Money.currency("USD"),
      ClarityStatusMapping.nativeDefaults(), null, null);

  record GenLine(String sku, int quantity, BigDecimal unitPrice, BigDecimal tax) {
    BigDecimal total() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
  }

  record GenReturn(String currency, List<GenLine> lines, BigDecimal shipping, BigDecimal fee) {
    BigDecimal subtotal() {
      return lines.stream().map(GenLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal tax() {
      return lines.stream().map(GenLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal total() {
      return subtotal().add(tax()).add(shipping).subtract(fee);
    }
  }

  @Provide
  Arbitrary<GenReturn> returns() {
    Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("9999.99")).ofScale(2);
    Arbitrary<BigDecimal> small = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99.99")).ofScale(2);
    Arbitrary<GenLine> line = Combinators.combine(
            Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(20),
            Arbitraries.integers().between(1, 50), price, small)
        .as(GenLine::new);
    return Combinators.combine(Arbitraries.of("USD", "EUR", "GBP", "CAD", "AUD"),
            line.list().ofMinSize(0).ofMaxSize(20), small, small)
        .as(GenReturn::new);
  }

  static V1Return v1(GenReturn g) {
    List<V1ReturnLine> lines = new ArrayList<>();
    for (int i = 0; i < g.lines().size(); i++) {
      GenLine l = g.lines().get(i);
      lines.add(new V1ReturnLine("rli_" + i, "li_" + i, l.sku(), BigDecimal.valueOf(l.quantity()), l.unitPrice(),
          l.total(), i % 2 == 0));
    }
    return new V1Return("ret_1", "CS-1-R1", "ord_1", "CS-1", "refunded", null, g.currency(),
        Instant.parse("2024-05-20T10:00:00Z"), Instant.parse("2024-05-20T10:05:00Z"), lines, g.shipping(),
        g.fee().negate(), g.tax(), g.total());
  }

  static CefSalesReturn cef(GenReturn g) {
    List<CefSalesReturnItem> items = new ArrayList<>();
    for (int i = 0; i < g.lines().size(); i++) {
      GenLine l = g.lines().get(i);
      // ExtendedPrice left out on odd lines: quantity × unit price stands in
      items.add(new CefSalesReturnItem(500 + i, null, 1, "Item " + i, l.sku(), BigDecimal.valueOf(l.quantity()),
          l.unitPrice(), l.unitPrice(), "EA", i % 2 == 0 ? l.total() : null, l.tax(), i == 0 ? g.fee() : null,
          g.currency(), g.currency()));
    }
    BigDecimal fee = g.lines().isEmpty() ? BigDecimal.ZERO : g.fee();
    BigDecimal total = g.subtotal().add(g.tax()).add(g.shipping()).subtract(fee);
    return new CefSalesReturn(1, "CS-1-R1", true, "2024-05-20T10:00:00.0000000Z", "2024-05-20T10:05:00.0000000Z", 6,
        "Completed", "Completed", "Web", null, total, null, null, List.of(10045), null,
        new CefTotals(g.subtotal(), g.shipping(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, g.tax(), total),
        items);
  }

  static void assertLines(Return ret, GenReturn g) {
    assertThat(ret.lines()).extracting(ReturnLine::sku)
        .containsExactlyElementsOf(g.lines().stream().map(GenLine::sku).toList());
    assertThat(ret.lines()).extracting(ReturnLine::lineNumber)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, g.lines().size()).boxed().toList());
    for (int i = 0; i < g.lines().size(); i++) {
      ReturnLine l = ret.lines().get(i);
      GenLine want = g.lines().get(i);
      assertThat(l.quantity()).isEqualByComparingTo(BigDecimal.valueOf(want.quantity()));
      assertThat(l.unitPrice().amount()).isEqualByComparingTo(want.unitPrice());
      assertThat(l.total().amount()).isEqualByComparingTo(want.total());
      assertThat(l.total().currency()).isEqualTo(ret.currency());
    }
    Money sum = Money.sum(ret.currency(), ret.lines().stream().map(ReturnLine::total).toList())
        .plus(ret.shipping()).plus(ret.tax()).plus(ret.adjustment());
    assertThat(sum.amount()).isEqualByComparingTo(ret.total().amount());
    assertThat(ret.tax().amount()).isEqualByComparingTo(g.tax());
    assertThat(ret.shipping().amount()).isEqualByComparingTo(g.shipping());
  }

  @Property(tries = 300)
  void v1_currencyAmountsAndLinesSurvive(@ForAll("returns") GenReturn g) {
    byte[] wire = ClarityCodecs.V1.write(v1(g));
    Return ret = new V1ReturnAssembler().toReturn(ClarityCodecs.V1.read(wire, V1Return.class, "return"));
    assertThat(ret.currency().getCurrencyCode()).isEqualTo(g.currency());
    assertThat(ret.orderNumber()).isEqualTo("CS-1");
    assertLines(ret, g);
    assertThat(ret.adjustment().amount()).isEqualByComparingTo(g.fee().negate());
    assertThat(ret.total().amount()).isEqualByComparingTo(g.total());
    assertThat(ret.lines()).extracting(ReturnLine::orderLineId)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, g.lines().size()).mapToObj(i -> "li_" + i).toList());
  }

  @Property(tries = 300)
  void native_currencyAmountsAndLinesSurvive_feeIsANegativeAdjustment(@ForAll("returns") GenReturn g) {
    byte[] wire = ClarityCodecs.CEF.write(cef(g));
    Return ret = new CefReturnAssembler(SETTINGS).toReturn(ClarityCodecs.CEF.read(wire, CefSalesReturn.class, "return"),
        "CS-1");
    String expectedCurrency = g.lines().isEmpty() ? "USD" : g.currency();   // no item: the store currency
    assertThat(ret.currency().getCurrencyCode()).isEqualTo(expectedCurrency);
    assertLines(ret, g);
    BigDecimal fee = g.lines().isEmpty() ? BigDecimal.ZERO : g.fee();
    assertThat(ret.adjustment().amount()).isEqualByComparingTo(fee.negate());
    assertThat(ret.number()).isEqualTo("CS-1-R1");
    assertThat(ret.createdAt()).isEqualTo(Instant.parse("2024-05-20T10:00:00Z"));
  }
}
