package io.commercesync.connector.clarity.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.clarity.ClarityStatusMapping;
import io.commercesync.connector.clarity.internal.dto.cef.CefAddress;
import io.commercesync.connector.clarity.internal.dto.cef.CefContact;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesItem;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesOrder;
import io.commercesync.connector.clarity.internal.dto.cef.CefTotals;
import io.commercesync.connector.clarity.internal.dto.v1.V1Address;
import io.commercesync.connector.clarity.internal.dto.v1.V1LineItem;
import io.commercesync.connector.clarity.internal.dto.v1.V1Order;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
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
 * Properties of the order mappers of both dialects, over generated orders: the totals of a consistent
 * Clarity order reconcile canonically, no line is lost or reordered, and names in any script survive.
 * Orders go through their JSON form, as they would over the wire.
 */
class ClarityMapperProperties {

  static final MappingSettings SETTINGS = new MappingSettings(Money.currency("USD"),
      ClarityStatusMapping.v1Defaults(), null, null);
  static final MappingSettings NATIVE_SETTINGS = new MappingSettings(Money.currency("USD"),
      ClarityStatusMapping.nativeDefaults(), null, null);

  record GenLine(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal tax, BigDecimal discount) {}

  record GenOrder(String first, String last, List<GenLine> lines, BigDecimal shipping, String status) {}

  @Provide
  Arbitrary<String> names() {
    Arbitrary<String> base = Arbitraries.strings().withCharRange('a', 'z')
        .withChars("ÄÖÜßéçñøåŁłŻČŠЖДΩλ中日本한عبहि").ofMinLength(1).ofMaxLength(30);
    return Combinators.combine(base, Arbitraries.of("", "🦄", "👩‍🔧", " O'Brien", "-Żółć"))
        .as((b, suffix) -> b + suffix);
  }

  @Provide
  Arbitrary<GenOrder> orders() {
    Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("9999.99")).ofScale(2);
    Arbitrary<BigDecimal> small = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99.99")).ofScale(2);
    Arbitrary<GenLine> line = Combinators.combine(
            Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(20),
            names(), Arbitraries.integers().between(1, 500), price, small, small)
        .as(GenLine::new);
    return Combinators.combine(names(), names(), line.list().ofMinSize(1).ofMaxSize(25), small,
            Arbitraries.of("pending", "processing", "on_hold", "shipped", "cancelled", "a-site-status"))
        .as(GenOrder::new);
  }

  static V1Order v1(GenOrder g) {
    List<V1LineItem> items = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    for (int i = 0; i < g.lines().size(); i++) {
      GenLine l = g.lines().get(i);
      items.add(new V1LineItem("li_" + i, l.sku(), l.name(), BigDecimal.valueOf(l.quantity()), l.unitPrice(),
          l.tax(), l.discount()));
      subtotal = subtotal.add(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())));
      tax = tax.add(l.tax());
      discount = discount.add(l.discount());
    }
    BigDecimal total = subtotal.subtract(discount).add(g.shipping()).add(tax);
    V1Address address = new V1Address(g.first(), g.last(), null, "1 Main St", null, "Austin", "TX", "78701", "US", null);
    return new V1Order("ord_1", "CS-1", "cus_1", "buyer@example.com", Instant.parse("2024-05-14T15:42:07Z"),
        Instant.parse("2024-05-14T15:42:09Z"), g.status(), "USD", subtotal, discount, g.shipping(), tax, total,
        null, address, address, items, null, null);
  }

  static CefSalesOrder cef(GenOrder g) {
    List<CefSalesItem> items = new ArrayList<>();
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    for (int i = 0; i < g.lines().size(); i++) {
      GenLine l = g.lines().get(i);
      BigDecimal extended = l.unitPrice().multiply(BigDecimal.valueOf(l.quantity()));
      items.add(new CefSalesItem(1000 + i, "li_" + i, 1, l.name(), null, l.sku(), BigDecimal.valueOf(l.quantity()),
          null, l.unitPrice(), l.unitPrice(), "EA", extended, l.tax(), null, "USD", "USD", null, null));
      subtotal = subtotal.add(extended);
      tax = tax.add(l.tax());
    }
    BigDecimal discount = g.lines().get(0).discount();
    BigDecimal total = subtotal.subtract(discount).add(g.shipping()).add(tax);
    CefContact contact = new CefContact(null, null, g.first(), null, g.last(), null, "buyer@example.com", null, null,
        null, null, new CefAddress(null, null, null, "1 Main St", null, null, "Austin", "TX", null, "78701", "USA",
            null, null));
    return new CefSalesOrder(1, "CS-1", true, "2024-05-14T15:42:07.0000000", "2024-05-14T15:42:09.0000000Z", 1,
        g.status(), null, "Web", 311, "C1", null, null, null, null, null, null, true, null, BigDecimal.ZERO, null, null,
        new CefTotals(subtotal, g.shipping(), BigDecimal.ZERO, BigDecimal.ZERO, discount, tax, total), contact, null,
        items, null);
  }

  @Property(tries = 300)
  void v1_totalsReconcile_noLineLost_namesSurvive(@ForAll("orders") GenOrder g) {
    byte[] wire = ClarityCodecs.V1.write(v1(g));
    Order order = new V1OrderAssembler(SETTINGS).order(ClarityCodecs.V1.read(wire, V1Order.class, "order"));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.lines()).extracting(OrderLine::sku)
        .containsExactlyElementsOf(g.lines().stream().map(GenLine::sku).toList());
    assertThat(order.lines()).extracting(OrderLine::name)
        .containsExactlyElementsOf(g.lines().stream().map(GenLine::name).toList());
    assertThat(order.lines()).extracting(OrderLine::lineNumber).doesNotHaveDuplicates();
    assertThat(order.billingAddress().firstName()).isEqualTo(g.first());
    assertThat(order.customer().lastName()).isEqualTo(g.last());
    Money lineSum = Money.sum(order.currency(), order.lines().stream().map(OrderLine::rowTotal).toList());
    assertThat(lineSum).isEqualTo(order.subtotal());
  }

  @Property(tries = 300)
  void native_totalsReconcile_noLineLost_namesSurvive_unknownStatusNeverThrows(@ForAll("orders") GenOrder g) {
    byte[] wire = ClarityCodecs.CEF.write(cef(g));
    Order order = new CefOrderAssembler(NATIVE_SETTINGS).order(ClarityCodecs.CEF.read(wire, CefSalesOrder.class, "order"));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.lines()).hasSize(g.lines().size());
    assertThat(order.lines()).extracting(OrderLine::sku)
        .containsExactlyElementsOf(g.lines().stream().map(GenLine::sku).toList());
    assertThat(order.lines()).extracting(OrderLine::name)
        .containsExactlyElementsOf(g.lines().stream().map(GenLine::name).toList());
    assertThat(order.shippingAddress().firstName()).as("ShippingSameAsBilling").isEqualTo(g.first());
    assertThat(order.billingAddress().lastName()).isEqualTo(g.last());
    // native keys are Pending/Confirmed…; the v1 codes used here are not in the native table
    assertThat(order.status()).isIn(OrderStatus.UNKNOWN, OrderStatus.PENDING, OrderStatus.PROCESSING,
        OrderStatus.ON_HOLD, OrderStatus.COMPLETE, OrderStatus.CANCELED);
    assertThat(order.sourceStatus()).isEqualTo(g.status());
  }
}
