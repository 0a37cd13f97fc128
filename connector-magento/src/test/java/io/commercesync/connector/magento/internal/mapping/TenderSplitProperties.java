package io.commercesync.connector.magento.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.magento.internal.dto.OrderDto;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * For any split of an order's total into the payment method, gift cards, store credit and reward points,
 * written the way Adobe Commerce writes it ({@code grand_total} and the payment reduced by the tenders):
 * the payments add up to the canonical grand total, the totals reconcile, every payment id is unique
 * (also as the alphanumerics GP keeps of it) across all the store's orders and the same on every read.
 */
class TenderSplitProperties {

  static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();
  static final ObjectMapper TREE = new ObjectMapper();

  /** Shares of the order total, in hundredths of the total: the rest is the payment method's. */
  record Split(List<Integer> giftCards, int storeCredit, int reward, boolean listCards, boolean invoiced) {}

  record Placed(MagentoOrderProperties.OrderSpec order, Split split) {}

  private final OrderMapper mapper = new OrderMapper();

  @Provide
  Arbitrary<Split> splits() {
    Arbitrary<Integer> share = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)), net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(1, 60)));
    return Combinators.combine(share.list().ofMaxSize(3), share, share, Arbitraries.of(true, true, false),
        Arbitraries.of(true, false)).as(Split::new).filter(s -> s.giftCards().stream().mapToInt(i -> i).sum()
            + s.storeCredit() + s.reward() <= 100);
  }

  @Provide
  Arbitrary<Placed> placed() {
    return Combinators.combine(new MagentoOrderProperties().orders(), splits()).as(Placed::new);
  }

  @Provide
  Arbitrary<List<Placed>> stores() {
    return placed().list().ofMinSize(2).ofMaxSize(6);
  }

  /**
   * The order's Magento JSON with the split applied: {@code paymentId} as the payment's entity_id
   * (null: none), {@code orderId} as the order's. Tender amounts are rounded to cents; the payment method
   * pays what is left.
   */
  static String adobeJson(Placed p, long orderId, Long paymentId) throws Exception {
    ObjectNode o = (ObjectNode) TREE.readTree(MagentoOrderProperties.magentoJson(p.order()));
    o.put("entity_id", orderId);
    o.put("increment_id", String.format("%09d", orderId));
    BigDecimal total = o.get("grand_total").decimalValue();
    Split s = p.split();
    ObjectNode ext = (ObjectNode) o.get("extension_attributes");
    BigDecimal left = total;
    BigDecimal cards = BigDecimal.ZERO;
    ArrayNode list = TREE.createArrayNode();
    for (int i = 0; i < s.giftCards().size(); i++) {
      BigDecimal a = share(total, s.giftCards().get(i));
      cards = cards.add(a);
      list.addObject().put("id", orderId * 10 + i).put("code", "GC-" + orderId + "-" + i).put("amount", a)
          .put("base_amount", a);
    }
    BigDecimal credit = share(total, s.storeCredit());
    BigDecimal reward = share(total, s.reward());
    left = left.subtract(cards).subtract(credit).subtract(reward);
    if (!s.giftCards().isEmpty()) {
      if (s.listCards()) {
        ext.set("gift_cards", list);
      }
      ext.put("gift_cards_amount", cards).put("base_gift_cards_amount", cards);
      ext.put("gift_cards_invoiced", s.invoiced() ? cards : BigDecimal.ZERO);
    }
    ext.put("customer_balance_amount", credit).put("customer_balance_invoiced", s.invoiced() ? credit : BigDecimal.ZERO);
    ext.put("reward_currency_amount", reward).put("reward_points_balance", reward.movePointRight(2).intValue());
    o.put("grand_total", left);
    ObjectNode payment = (ObjectNode) o.get("payment");
    if (paymentId != null) {
      payment.put("entity_id", paymentId);
    }
    payment.put("method", left.signum() == 0 ? "free" : "braintree");
    payment.put("amount_ordered", left);
    if (s.invoiced()) {
      payment.put("amount_paid", left);
      o.put("total_paid", left).put("total_invoiced", left);
      o.get("items").forEach(item -> ((ObjectNode) item).set("qty_invoiced", item.get("qty_ordered")));
    }
    return o.toString();
  }

  static BigDecimal share(BigDecimal total, int hundredths) {
    return total.multiply(BigDecimal.valueOf(hundredths)).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
  }

  Order map(String json) {
    return mapper.toOrder(JSON.read(json, OrderDto.class, "order"));
  }

  @Property(tries = 400)
  void paymentsAddUpToTheCanonicalGrandTotal_andTotalsReconcile(@ForAll("placed") Placed p) throws Exception {
    String json = adobeJson(p, 7001, 7000L);
    Order order = map(json);
    Money paid = Money.sum(order.currency(), order.payments().stream().map(Payment::amount).toList());
    Statistics.label("tenders").collect(order.payments().size() - 1);
    Statistics.label("free").collect(order.payments().stream().noneMatch(x -> x.method().equals("braintree")));

    assertThat(paid).as(json).isEqualTo(order.grandTotal());
    assertThat(order.totalsReconcile()).as(json).isTrue();
    assertThat(order.grandTotal().amount()).isEqualByComparingTo(new BigDecimal(
        TREE.readTree(MagentoOrderProperties.magentoJson(p.order())).get("grand_total").asText()));
    assertThat(order.payments()).allSatisfy(x -> {
      assertThat(x.amount().isNegative()).isFalse();
      assertThat(x.captured()).isEqualTo(p.split().invoiced() && x.amount().isPositive());
    });
    assertThat(order.payments().stream().filter(x -> x.amount().isZero())).as("zero payments")
        .allSatisfy(x -> assertThat(order.payments()).hasSize(1));
    assertThat(order.toString()).doesNotContain("GC-7001-");
  }

  @Property(tries = 200)
  void paymentIds_areStableAcrossReads_andUniqueAcrossTheStoresOrders(@ForAll("stores") List<Placed> orders)
      throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      // like Magento (and the simulator): payment ids and order ids are separate sequences that overlap
      long orderId = 8000 + i;
      Long paymentId = i % 3 == 2 ? null : orderId - 1;
      String json = adobeJson(orders.get(i), orderId, paymentId);
      List<String> first = map(json).payments().stream().map(Payment::id).toList();
      List<String> again = map(json).payments().stream().map(Payment::id).toList();
      assertThat(again).isEqualTo(first);
      first.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
    }
    assertThat(ids).doesNotHaveDuplicates();
    Set<String> alphanumerics = new HashSet<>();
    for (String id : ids) {
      assertThat(alphanumerics.add(id.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT)))
          .as("GP keeps only the alphanumerics of %s", id).isTrue();
    }
  }
}
