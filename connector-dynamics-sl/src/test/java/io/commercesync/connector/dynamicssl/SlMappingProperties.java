package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.dynamicssl.internal.dto.SalesOrderDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SlTable;
import io.commercesync.connector.dynamicssl.internal.dto.SoLine;
import io.commercesync.connector.dynamicssl.internal.mapping.SlConversions;
import io.commercesync.connector.dynamicssl.internal.mapping.SlDocuments;
import io.commercesync.connector.dynamicssl.internal.mapping.SlMappingContext;
import io.commercesync.connector.dynamicssl.internal.text.SlText;
import io.commercesync.connector.dynamicssl.internal.text.SlWidths;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the SL boundary: money conversion, totals, widths. */
class SlMappingProperties {

  private static final Charset CP1252 = Charset.forName("windows-1252");

  // ---------------------------------------------------------------- float <-> BigDecimal

  @Provide
  Arbitrary<Currency> currencies() {
    return Arbitraries.of(Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("KWD"),
        Currency.getInstance("EUR"));
  }

  /**
   * Any amount of up to 15 significant digits at the currency's scale, stored by SL as a FLOAT(53) and read
   * back — either as the JDBC double or as the exact binary value a careless layer prints — is the same
   * amount, to the cent.
   */
  @Property(tries = 3000)
  void floatRoundTrip_neverChangesACent(@ForAll("currencies") Currency currency,
      @ForAll @net.jqwik.api.constraints.LongRange(min = -999_999_999_999_999L, max = 999_999_999_999_999L) long units) {
    BigDecimal amount = BigDecimal.valueOf(units, currency.getDefaultFractionDigits());
    double stored = amount.doubleValue();
    assertThat(SlConversions.money(stored, currency)).isEqualTo(Money.of(amount, currency));
    assertThat(SlConversions.money(new BigDecimal(stored), currency)).isEqualTo(Money.of(amount, currency));
    assertThat(SlConversions.amount(Money.of(amount, currency))).isEqualByComparingTo(amount);
  }

  // ---------------------------------------------------------------- totals

  @Provide
  Arbitrary<Order> orders() {
    Arbitrary<OrderLine> line = Combinators.combine(
            Arbitraries.integers().between(1, 30),
            Arbitraries.longs().between(1, 500_000),
            Arbitraries.of("1", "0.5", "0.25", "1.5", "3"))
        .as((qty, cents, step) -> OrderLine.builder().lineNumber(1).sku("SKU")
            .quantity(new BigDecimal(step).multiply(BigDecimal.valueOf(qty)))
            .unitPrice(Money.of(BigDecimal.valueOf(cents, 2), Currency.getInstance("USD"))).build());
    return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.integers().between(0, 100), Arbitraries.longs().between(0, 10_000),
            Arbitraries.longs().between(0, 50_000), Arbitraries.longs().between(0, 2_000))
        .as((lines, discountPct, shipping, tax, fees) -> {
          List<OrderLine> numbered = new ArrayList<>();
          Money subtotal = Money.zero(Currency.getInstance("USD"));
          for (int i = 0; i < lines.size(); i++) {
            OrderLine l = lines.get(i).toBuilder().lineNumber(i + 1).sku("SKU-" + (i + 1)).build();
            numbered.add(l);
            subtotal = subtotal.plus(l.rowTotal());
          }
          Money discount = Money.of(subtotal.amount().multiply(BigDecimal.valueOf(discountPct))
              .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN), Currency.getInstance("USD"));
          Order o = SlFixtures.order("CS-P").toBuilder().lines(numbered).subtotal(subtotal).discount(discount)
              .shipping(Money.of(BigDecimal.valueOf(shipping, 2), Currency.getInstance("USD")))
              .tax(Money.of(BigDecimal.valueOf(tax, 2), Currency.getInstance("USD")))
              .fees(Money.of(BigDecimal.valueOf(fees, 2), Currency.getInstance("USD")))
              .grandTotal(Money.zero(Currency.getInstance("USD"))).build();
          return o.toBuilder().grandTotal(o.computedGrandTotal()).build();
        });
  }

  /** What SL will compute from the document it is sent equals what the customer paid. */
  @Property(tries = 500)
  void totalsReconcile_slComputesTheStorefrontGrandTotal(@ForAll("orders") Order order) {
    SlDocuments docs = new SlDocuments(SlMappingContext.defaults(), new SlText(CP1252, false));
    List<SalesLine> assign = order.lines().stream()
        .map(l -> new SalesLine(l.lineNumber(), l.sku(), "AUSTIN", "EA")).toList();
    SalesOrderDocument doc = docs.salesOrder(new SalesOrderRequest(order, "C20311", assign, "UPS-GROUND", Map.of(), null));
    BigDecimal merch = BigDecimal.ZERO;
    for (SoLine l : doc.soLine()) {
      merch = merch.add(l.qtyOrd().multiply(l.curySlsPrice()).setScale(2, RoundingMode.HALF_EVEN));
    }
    BigDecimal slTotal = merch.subtract(doc.soHeader().curyWholeOrdDisc()).add(doc.soHeader().curyTotFrt())
        .add(doc.soHeader().curyTotMisc()).add(doc.soHeader().curyTotTax());
    assertThat(slTotal).isEqualByComparingTo(order.grandTotal().amount());
    assertThat(order.totalsReconcile()).isTrue();
    // and the same totals read back from SL reconcile in the canonical model
    var header = doc.soHeader();
    var back = new io.commercesync.connector.dynamicssl.internal.dto.SoHeader(header.cpnyId(), "WO1", header.sOTypeID(),
        "O", header.custID(), header.custOrdNbr(), header.ordDate(), null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "USD", BigDecimal.ONE,
        merch, merch, BigDecimal.ZERO, BigDecimal.ZERO, header.curyWholeOrdDisc(), null, header.curyTotFrt(), null,
        header.curyTotMisc(), null, header.curyTotTax(), null, slTotal, null, doc.soLine().size(), null, 0, 0, 0, null,
        null, null, null, null, null, null, null, null, null);
    Order read = io.commercesync.connector.dynamicssl.internal.mapping.SlOrderMapper.INSTANCE.order(back,
        doc.soLine(), SlMappingContext.defaults());
    assertThat(read.totalsReconcile()).isTrue();
    assertThat(read.grandTotal()).isEqualTo(order.grandTotal());
  }

  // ---------------------------------------------------------------- widths

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100),
        Arbitraries.strings().withCharRange(' ', 'ž').ofMaxLength(90),
        Arbitraries.strings().all().ofMaxLength(70));
  }

  /** Whatever text a customer brings, the document sent to SL never holds a value longer than its column. */
  @Property(tries = 1000)
  void noStringIsEverLongerThanItsColumn(@ForAll("anyText") String name, @ForAll("anyText") String company,
      @ForAll("anyText") String street, @ForAll("anyText") String city, @ForAll("anyText") String zip,
      @ForAll boolean transliterate) {
    Customer customer;
    try {
      customer = Customer.builder().ref(ExternalRef.of(SystemId.MAGENTO, "1")).email("a@example.com")
          .firstName(name).company(company)
          .addAddress(new CustomerAddress("K", Address.builder().firstName(name).company(company).addLine(street)
              .city(city).postalCode(zip).regionCode("TX").countryCode("US").build(), true, true))
          .build();
    } catch (InvalidRecordException notACustomer) {
      return;
    }
    SlDocuments docs = new SlDocuments(SlMappingContext.defaults(), new SlText(CP1252, transliterate));
    String custId = SlCustomerIds.candidate(customer, 0);
    assertThat(custId).hasSizeLessThanOrEqualTo(15).matches("[A-Z0-9]+");
    Record doc;
    try {
      doc = docs.customer(customer, custId);
    } catch (InvalidRecordException refused) {
      assertThat(refused.recordSystem()).isEqualTo(SystemId.DYNAMICS_SL);
      assertThat(refused.violations()).allSatisfy(v -> assertThat(v.message()).containsAnyOf("is char(", "code page"));
      return;
    }
    assertFits(doc);
  }

  static void assertFits(Record record) {
    SlTable table = record.getClass().getAnnotation(SlTable.class);
    for (RecordComponent rc : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = rc.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value instanceof String s && table != null) {
        OptionalInt width = SlWidths.width(table.value(), SlText.jsonName(rc));
        assertThat(s.getBytes(CP1252).length).as(table.value() + "." + SlText.jsonName(rc))
            .isLessThanOrEqualTo(width.orElseThrow());
        assertThat(CP1252.newEncoder().canEncode(s)).isTrue();
      } else if (value instanceof Record r) {
        assertFits(r);
      } else if (value instanceof List<?> list) {
        list.forEach(e -> assertFits((Record) e));
      }
    }
  }

  @Property(tries = 300)
  void custIdCandidates_areDeterministicAndDistinctPerAttempt(@ForAll("anyText") String last,
      @ForAll @IntRange(min = 0, max = 50) int attempt) {
    Customer c;
    try {
      c = Customer.builder().lastName(last).email("x" + last.hashCode() + "@example.com").build();
    } catch (InvalidRecordException e) {
      return;
    }
    String a = SlCustomerIds.candidate(c, attempt);
    assertThat(SlCustomerIds.candidate(c, attempt)).isEqualTo(a);
    assertThat(a).hasSizeLessThanOrEqualTo(SlCustomerIds.MAX_LENGTH).matches("[A-Z0-9]+");
    assertThat(SlCustomerIds.candidate(c, attempt + 1)).isNotEqualTo(a);
  }
}
