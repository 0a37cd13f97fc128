package io.commercesync.connector.magento.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.magento.internal.dto.OrderDto;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated Magento orders (simple, configurable, bundle, guest, discounted, several tax rates, zero
 * total, unicode names), built the way Magento writes them, mapped to canonical: totals reconcile with
 * Magento's, no sellable line is lost, skus and names are preserved, bundle children point to their
 * parent.
 */
class MagentoOrderProperties {

  static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  enum Kind { SIMPLE, CONFIGURABLE, BUNDLE }

  record LineSpec(Kind kind, String sku, String name, int qty, List<BigDecimal> prices) {}

  record OrderSpec(List<LineSpec> lines, boolean guest, int discountPercent, List<BigDecimal> taxRates,
      BigDecimal shipping, boolean zeroTotal) {}

  @Provide
  Arbitrary<OrderSpec> orders() {
    Arbitrary<String> names = Arbitraries.of("Harbor Crew Tee", "Chloé's Café Mug", "Bjørn Wool Blanket", "日本茶 カップ",
        "Ünïcödé Sock 🧦", "Kaffeebecher — groß", "Zoë's \"Quoted\" Tote");
    Arbitrary<String> skus = Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMinLength(3)
        .ofMaxLength(12).map(s -> "CS-" + s);
    Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(new BigDecimal("0.50"), new BigDecimal("499.99"))
        .ofScale(2);
    Arbitrary<LineSpec> line = Combinators.combine(Arbitraries.of(Kind.class), skus, names,
        Arbitraries.integers().between(1, 5), price.list().ofMinSize(2).ofMaxSize(3)).as(LineSpec::new);
    Arbitrary<List<BigDecimal>> rates = Arbitraries.of(new BigDecimal("8.25"), new BigDecimal("6.25"),
        new BigDecimal("1.5"), new BigDecimal("0.5"), new BigDecimal("19")).list().ofMinSize(0).ofMaxSize(2);
    return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(5).uniqueElements(LineSpec::sku),
        Arbitraries.of(true, false), Arbitraries.of(0, 10, 15, 33), rates,
        Arbitraries.of(BigDecimal.ZERO, new BigDecimal("7.95"), new BigDecimal("12.40")),
        Arbitraries.integers().between(0, 9).map(i -> i == 0)).as(OrderSpec::new);
  }

  /** The Magento JSON for {@code spec}, amounts computed the way Magento's totals collectors do. */
  static String magentoJson(OrderSpec spec) {
    ObjectNode o = F.objectNode();
    ArrayNode items = o.putArray("items");
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal rate = spec.taxRates().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    long itemId = 5000;
    for (LineSpec l : spec.lines()) {
      BigDecimal qty = BigDecimal.valueOf(l.qty());
      switch (l.kind()) {
        case SIMPLE, CONFIGURABLE -> {
          BigDecimal p = spec.zeroTotal() ? BigDecimal.ZERO : l.prices().get(0);
          BigDecimal row = p.multiply(qty);
          BigDecimal d = pct(row, spec.discountPercent());
          BigDecimal t = pct(row.subtract(d), rate);
          ObjectNode parent = item(items, itemId++, l.kind() == Kind.SIMPLE ? "simple" : "configurable", l.sku(),
              l.name(), qty, p, row, d, t);
          if (l.kind() == Kind.CONFIGURABLE) {
            ObjectNode child = item(items, itemId++, "simple", l.sku(), l.name() + "-M-Blue", qty, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
            child.put("parent_item_id", parent.get("item_id").asLong());
            child.set("parent_item", parent.deepCopy());
          }
          subtotal = subtotal.add(row);
          discount = discount.add(d);
          tax = tax.add(t);
        }
        case BUNDLE -> {
          BigDecimal bundlePrice = spec.zeroTotal() ? BigDecimal.ZERO
              : l.prices().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          StringBuilder sku = new StringBuilder(l.sku());
          ObjectNode parent = item(items, itemId++, "bundle", l.sku(), l.name(), qty, bundlePrice,
              bundlePrice.multiply(qty), BigDecimal.ZERO, BigDecimal.ZERO);
          subtotal = subtotal.add(bundlePrice.multiply(qty));
          int n = 1;
          for (BigDecimal childPrice : l.prices()) {
            BigDecimal p = spec.zeroTotal() ? BigDecimal.ZERO : childPrice;
            BigDecimal row = p.multiply(qty);
            BigDecimal d = pct(row, spec.discountPercent());
            BigDecimal t = pct(row.subtract(d), rate);
            String childSku = l.sku() + "-C" + n++;
            sku.append('-').append(childSku);
            ObjectNode child = item(items, itemId++, "simple", childSku, l.name() + " part", qty, p, row, d, t);
            child.put("parent_item_id", parent.get("item_id").asLong());
            discount = discount.add(d);
            tax = tax.add(t);
          }
          parent.put("sku", sku.toString());
        }
        default -> throw new IllegalStateException();
      }
    }
    BigDecimal shipping = spec.zeroTotal() ? BigDecimal.ZERO : spec.shipping();
    BigDecimal grand = subtotal.subtract(discount).add(shipping).add(tax);
    o.put("entity_id", 4242);
    o.put("increment_id", "000004242");
    o.put("state", "new");
    o.put("status", "pending");
    o.put("created_at", "2025-03-15 09:41:37");
    o.put("updated_at", "2025-03-15 09:41:39");
    o.put("order_currency_code", "USD");
    o.put("base_currency_code", "USD");
    o.put("customer_email", "buyer@example.com");
    o.put("customer_firstname", spec.lines().get(0).name());
    o.put("customer_lastname", "Ørsted");
    o.put("customer_is_guest", spec.guest() ? 1 : 0);
    o.put("customer_group_id", spec.guest() ? 0 : 1);
    if (!spec.guest()) {
      o.put("customer_id", 77);
    }
    o.set("subtotal", F.numberNode(subtotal));
    o.set("discount_amount", F.numberNode(discount.negate()));
    o.set("shipping_amount", F.numberNode(shipping));
    o.set("tax_amount", F.numberNode(tax));
    o.set("grand_total", F.numberNode(grand));
    ObjectNode payment = o.putObject("payment");
    payment.put("method", spec.zeroTotal() ? "free" : "checkmo");
    payment.set("amount_ordered", F.numberNode(grand));
    ArrayNode applied = o.putObject("extension_attributes").putArray("applied_taxes");
    for (BigDecimal r : spec.taxRates()) {
      applied.addObject().put("code", "RATE-" + r).set("percent", F.numberNode(r));
    }
    return JSON.writeString(o);
  }

  private static ObjectNode item(ArrayNode items, long id, String type, String sku, String name, BigDecimal qty,
      BigDecimal price, BigDecimal row, BigDecimal discount, BigDecimal tax) {
    ObjectNode i = items.addObject();
    i.put("item_id", id);
    i.put("order_id", 4242);
    i.put("product_type", type);
    i.put("sku", sku);
    i.put("name", name);
    i.set("qty_ordered", F.numberNode(qty));
    i.set("price", F.numberNode(price));
    i.set("row_total", F.numberNode(row));
    i.set("discount_amount", F.numberNode(discount));
    i.set("tax_amount", F.numberNode(tax));
    return i;
  }

  private static BigDecimal pct(BigDecimal amount, int percent) {
    return pct(amount, BigDecimal.valueOf(percent));
  }

  private static BigDecimal pct(BigDecimal amount, BigDecimal percent) {
    return amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  private final OrderMapper mapper = new OrderMapper();

  @Property(tries = 300)
  void canonicalTotals_reconcileWithMagentos(@ForAll("orders") OrderSpec spec) {
    String json = magentoJson(spec);
    OrderDto dto = JSON.read(json, OrderDto.class, "order");
    Order order = mapper.toOrder(dto);
    Statistics.label("kinds").collect(spec.lines().stream().map(LineSpec::kind).distinct().sorted().toList());
    Statistics.label("guest").collect(spec.guest());
    assertThat(order.grandTotal().amount()).isEqualByComparingTo(dto.grandTotal());
    assertThat(order.totalsReconcile()).as(json).isTrue();
    assertThat(order.subtotal()).isEqualTo(Money.sum(order.currency(),
        order.topLevelLines().stream().map(OrderLine::rowTotal).toList()));
    assertThat(order.discount().amount()).isEqualByComparingTo(dto.discountAmount().abs());
    assertThat(order.guest()).isEqualTo(spec.guest());
  }

  @Property(tries = 300)
  void noSellableLineIsLost_skusAndNamesArePreserved_bundleChildrenKeepTheirParent(
      @ForAll("orders") OrderSpec spec) {
    OrderDto dto = JSON.read(magentoJson(spec), OrderDto.class, "order");
    Order order = mapper.toOrder(dto);
    Map<Long, String> types = new HashMap<>();
    dto.items().forEach(i -> types.put(i.itemId(), i.productType()));
    List<String> expectedSkus = new ArrayList<>();
    List<String> expectedNames = new ArrayList<>();
    List<String> expectedIds = new ArrayList<>();
    dto.items().stream()
        .filter(i -> i.parentItemId() == null || !"configurable".equals(types.get(i.parentItemId())))
        .forEach(i -> {
          expectedSkus.add(i.sku());
          expectedNames.add(i.name());
          expectedIds.add(String.valueOf(i.itemId()));
        });
    assertThat(order.lines()).extracting(OrderLine::sku).containsExactlyElementsOf(expectedSkus);
    assertThat(order.lines()).extracting(OrderLine::name).containsExactlyElementsOf(expectedNames);
    assertThat(order.lines()).extracting(OrderLine::sourceLineId).containsExactlyElementsOf(expectedIds);
    for (OrderLine line : order.lines()) {
      long itemId = Long.parseLong(line.sourceLineId());
      Long parent = dto.items().stream().filter(i -> i.itemId() == itemId).findFirst().orElseThrow().parentItemId();
      if (parent == null) {
        assertThat(line.parentLineNumber()).isNull();
      } else {
        OrderLine parentLine = order.lines().get(line.parentLineNumber() - 1);
        assertThat(parentLine.sourceLineId()).isEqualTo(String.valueOf(parent));
        assertThat(types.get(parent)).isEqualTo("bundle");
      }
    }
    long configurables = spec.lines().stream().filter(l -> l.kind() == Kind.CONFIGURABLE).count();
    assertThat(order.lines()).hasSize(dto.items().size() - (int) configurables);
  }
}
