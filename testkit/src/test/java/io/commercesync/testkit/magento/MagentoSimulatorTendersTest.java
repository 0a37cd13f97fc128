package io.commercesync.testkit.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Adobe Commerce mode ({@code adobeCommerceTenders(true)}): gift cards, store credit and reward points on
 * seeded orders, what invoices and credit memos do with them, and money-only credit memos
 * ({@code refundAdjustment}) in both modes.
 */
class MagentoSimulatorTendersTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> TENDER_FIELDS = List.of("gift_cards", "gift_cards_amount", "customer_balance_amount",
      "reward_currency_amount", "reward_points_balance");

  private final MagentoSimulator plain = MagentoSimulator.start(MagentoSimulator.config().bearerEnabled(true).build());
  private final MagentoSimulator adobe = MagentoSimulator.start(MagentoSimulator.config().bearerEnabled(true)
      .adobeCommerceTenders(true).build());

  @AfterEach
  void stop() {
    plain.close();
    adobe.close();
  }

  static JsonNode order(MagentoSimulator sim, long id) throws Exception {
    return JSON.readTree(sim.orderJson(id));
  }

  static SimClient client(MagentoSimulator sim) {
    return new SimClient(sim.baseUri()).auth("Bearer " + sim.credentials().accessToken());
  }

  static BigDecimal dec(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? BigDecimal.ZERO : n.decimalValue();
  }

  /** gift cards + store credit + reward points of an order. */
  static BigDecimal tenders(JsonNode order) {
    JsonNode ext = order.path("extension_attributes");
    return dec(ext.get("gift_cards_amount")).add(dec(ext.get("customer_balance_amount")))
        .add(dec(ext.get("reward_currency_amount")));
  }

  static BigDecimal gross(JsonNode o) {
    return dec(o.get("subtotal")).add(dec(o.get("discount_amount"))).add(dec(o.get("shipping_amount")))
        .add(dec(o.get("tax_amount")));
  }

  static boolean hasTenders(JsonNode order) {
    return TENDER_FIELDS.stream().anyMatch(f -> order.path("extension_attributes").has(f));
  }

  static List<JsonNode> creditMemos(MagentoSimulator sim) {
    List<JsonNode> out = new ArrayList<>();
    client(sim).get("/rest/default/V1/creditmemos?searchCriteria[pageSize]=300").json().path("items")
        .forEach(out::add);
    return out;
  }

  @Test
  void byDefault_noOrderCarriesATender() throws Exception {
    for (long id : plain.orderIds()) {
      assertThat(hasTenders(order(plain, id))).as("order %s", id).isFalse();
    }
    assertThat(creditMemos(plain)).noneMatch(m -> m.has("extension_attributes"));
  }

  @Test
  void adobeMode_changesOnlyTheTenderedOrders_andOnlyTheirMoney() throws Exception {
    assertThat(adobe.orderIds()).isEqualTo(plain.orderIds());
    int tendered = 0;
    for (long id : plain.orderIds()) {
      JsonNode before = order(plain, id);
      JsonNode after = order(adobe, id);
      if (!hasTenders(after)) {
        assertThat(after).as("order %s", id).isEqualTo(before);
        continue;
      }
      tendered++;
      assertThat(after.get("items")).isEqualTo(before.get("items"));
      assertThat(after.get("customer_email")).isEqualTo(before.get("customer_email"));
      assertThat(after.get("state")).isEqualTo(before.get("state"));
      assertThat(dec(after.get("grand_total")).add(tenders(after)))
          .isEqualByComparingTo(dec(before.get("grand_total")));
    }
    assertThat(tendered).isBetween(10, 25);
  }

  @Test
  void adobeMode_ordersAreWrittenAsAdobeCommerceWritesThem() throws Exception {
    Set<Long> cardIds = new HashSet<>();
    Set<String> codes = new HashSet<>();
    int twoCards = 0;
    int storeCredit = 0;
    int free = 0;
    int reward = 0;
    for (long id : adobe.orderIds()) {
      JsonNode o = client(adobe).get("/rest/default/V1/orders/" + id).json();
      JsonNode ext = o.path("extension_attributes");
      JsonNode payment = o.path("payment");
      // what the customer pays in all = what the tenders paid + what is left for the payment method
      assertThat(gross(o)).as("order %s", id).isEqualByComparingTo(dec(o.get("grand_total")).add(tenders(o)));
      assertThat(dec(payment.get("amount_ordered"))).isEqualByComparingTo(dec(o.get("grand_total")));
      BigDecimal cards = BigDecimal.ZERO;
      for (JsonNode card : ext.path("gift_cards")) {
        assertThat(cardIds.add(card.path("id").asLong())).isTrue();
        assertThat(card.path("code").asText()).matches("GC-[A-Z2-9]{4}-[A-Z2-9]{4}");
        codes.add(card.path("code").asText());
        cards = cards.add(dec(card.get("amount")));
      }
      assertThat(cards).isEqualByComparingTo(dec(ext.get("gift_cards_amount")));
      boolean invoiced = dec(o.get("total_invoiced")).signum() > 0 || o.path("state").asText().equals("complete")
          || dec(ext.get("gift_cards_invoiced")).signum() > 0;
      if (invoiced) {
        assertThat(dec(ext.get("gift_cards_invoiced"))).isEqualByComparingTo(dec(ext.get("gift_cards_amount")));
        assertThat(dec(ext.get("customer_balance_invoiced")))
            .isEqualByComparingTo(dec(ext.get("customer_balance_amount")));
        assertThat(dec(payment.get("amount_paid"))).isEqualByComparingTo(dec(o.get("grand_total")));
        assertThat(dec(o.get("total_paid"))).isEqualByComparingTo(dec(o.get("grand_total")));
      } else {
        assertThat(dec(ext.get("gift_cards_invoiced")).signum()).isZero();
        assertThat(dec(ext.get("customer_balance_invoiced")).signum()).isZero();
      }
      twoCards += ext.path("gift_cards").size() == 2 ? 1 : 0;
      storeCredit += ext.has("customer_balance_amount") ? 1 : 0;
      reward += ext.has("reward_currency_amount") ? 1 : 0;
      if (hasTenders(o) && dec(o.get("grand_total")).signum() == 0) {
        free++;
        assertThat(payment.path("method").asText()).isEqualTo("free");
      }
      if (ext.has("reward_currency_amount")) {
        assertThat(ext.path("reward_points_balance").asInt())
            .isEqualTo(dec(ext.get("reward_currency_amount")).movePointRight(2).intValueExact());
        assertThat(o.has("customer_id")).as("reward points need a customer").isTrue();
      }
      if (ext.has("customer_balance_amount")) {
        assertThat(o.has("customer_id")).as("store credit needs a customer").isTrue();
      }
    }
    assertThat(twoCards).isPositive();
    assertThat(storeCredit).isPositive();
    assertThat(free).isPositive();
    assertThat(reward).isPositive();
    assertThat(codes).hasSameSizeAs(cardIds);
  }

  @Test
  void adobeMode_invoicesAreWhatIsLeftForThePaymentMethod() throws Exception {
    JsonNode invoices = client(adobe).get("/rest/default/V1/invoices?searchCriteria[pageSize]=300").json();
    int checked = 0;
    for (JsonNode invoice : invoices.path("items")) {
      JsonNode o = order(adobe, invoice.path("order_id").asLong());
      if (hasTenders(o)) {
        assertThat(dec(invoice.get("grand_total"))).isEqualByComparingTo(dec(o.get("grand_total")));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void adobeMode_creditMemosGiveBackToStoreCreditAndGiftCards_andAddUp() throws Exception {
    // one line back from an invoiced order paid with store credit, one from an order a gift card covered
    boolean credit = false;
    boolean card = false;
    for (long id : adobe.orderIds()) {
      JsonNode o = order(adobe, id);
      JsonNode ext = o.path("extension_attributes");
      boolean untouched = dec(ext.get("customer_balance_refunded")).signum() == 0
          && dec(ext.get("gift_cards_refunded")).signum() == 0;
      boolean withCredit = dec(ext.get("customer_balance_invoiced")).signum() > 0;
      boolean covered = o.path("payment").path("method").asText().equals("free")
          && dec(ext.get("gift_cards_invoiced")).signum() > 0;
      if (untouched && ((!credit && withCredit) || (!card && covered))) {
        try {
          adobe.refund(o.path("increment_id").asText(), BigDecimal.ONE, BigDecimal.ZERO);
        } catch (IllegalArgumentException onlyABundle) {
          continue;
        }
        credit |= withCredit;
        card |= covered;
      }
    }
    assertThat(credit).isTrue();
    assertThat(card).isTrue();
    int withTenders = 0;
    for (JsonNode memo : creditMemos(adobe)) {
      BigDecimal lines = BigDecimal.ZERO;
      for (JsonNode item : memo.path("items")) {
        lines = lines.add(dec(item.get("row_total"))).subtract(dec(item.get("discount_amount")));
      }
      JsonNode ext = memo.path("extension_attributes");
      BigDecimal refunded = dec(memo.get("grand_total")).add(dec(ext.get("customer_balance_amount")))
          .add(dec(ext.get("gift_cards_amount")));
      assertThat(refunded).as("credit memo %s", memo.path("increment_id").asText()).isEqualByComparingTo(
          lines.add(dec(memo.get("shipping_amount"))).add(dec(memo.get("tax_amount")))
              .add(dec(memo.get("adjustment_positive"))).subtract(dec(memo.get("adjustment_negative"))));
      if (!ext.isMissingNode()) {
        withTenders++;
        JsonNode o = order(adobe, memo.path("order_id").asLong());
        assertThat(dec(o.path("extension_attributes").get("gift_cards_refunded")))
            .isGreaterThanOrEqualTo(dec(ext.get("gift_cards_amount")));
      }
    }
    assertThat(withTenders).isGreaterThanOrEqualTo(2);
  }

  @Test
  void adobeMode_isDeterministic() throws Exception {
    try (MagentoSimulator again = MagentoSimulator.start(MagentoSimulator.config().adobeCommerceTenders(true).build())) {
      assertThat(again.stats()).isEqualTo(adobe.stats());
      for (long id : adobe.orderIds()) {
        assertThat(again.orderJson(id)).isEqualTo(adobe.orderJson(id));
      }
    }
  }

  private static long invoicedWithoutTenders(MagentoSimulator sim) throws Exception {
    for (long id : sim.orderIds()) {
      JsonNode o = order(sim, id);
      if (!hasTenders(o) && dec(o.get("total_paid")).signum() > 0 && dec(o.get("total_refunded")).signum() == 0
          && !o.path("state").asText().equals("canceled")) {
        return id;
      }
    }
    throw new IllegalStateException("no invoiced order");
  }

  @Test
  void refundAdjustment_isACreditMemoWithoutItems_forTheAmount() throws Exception {
    long id = invoicedWithoutTenders(plain);
    JsonNode before = order(plain, id);
    String number = before.path("increment_id").asText();
    plain.advanceClock(java.time.Duration.ofHours(2));
    long memoId = plain.refundAdjustment(number, new BigDecimal("5.00"));

    JsonNode memo = client(plain).get("/rest/default/V1/creditmemo/" + memoId).json();
    assertThat(memo.path("order_id").asLong()).isEqualTo(id);
    assertThat(memo.path("items")).isEmpty();
    assertThat(dec(memo.get("adjustment_positive"))).isEqualByComparingTo("5");
    assertThat(dec(memo.get("adjustment_negative"))).isEqualByComparingTo("0");
    assertThat(dec(memo.get("shipping_amount"))).isEqualByComparingTo("0");
    assertThat(dec(memo.get("subtotal"))).isEqualByComparingTo("0");
    assertThat(dec(memo.get("grand_total"))).isEqualByComparingTo("5");
    assertThat(memo.has("extension_attributes")).isFalse();
    JsonNode after = order(plain, id);
    assertThat(dec(after.get("total_refunded"))).isEqualByComparingTo("5");
    assertThat(after.path("updated_at").asText()).isNotEqualTo(before.path("updated_at").asText());
    assertThat(after.path("status_histories").toString()).contains("We refunded 5.00 offline.");
  }

  @Test
  void refundAdjustment_withShipping_refundsTheShippingOnce() throws Exception {
    long id = -1;
    for (long candidate : plain.orderIds()) {
      JsonNode o = order(plain, candidate);
      if (!hasTenders(o) && dec(o.get("total_paid")).signum() > 0 && dec(o.get("shipping_amount")).signum() > 0
          && dec(o.get("total_refunded")).signum() == 0) {
        id = candidate;
        break;
      }
    }
    assertThat(id).isPositive();
    JsonNode o = order(plain, id);
    BigDecimal shipping = dec(o.get("shipping_amount"));
    String number = o.path("increment_id").asText();
    long first = plain.refundAdjustment(number, new BigDecimal("2.50"), true);
    JsonNode memo = client(plain).get("/rest/default/V1/creditmemo/" + first).json();
    assertThat(dec(memo.get("shipping_amount"))).isEqualByComparingTo(shipping);
    assertThat(dec(memo.get("grand_total"))).isEqualByComparingTo(shipping.add(new BigDecimal("2.50")));
    assertThat(dec(order(plain, id).get("shipping_refunded"))).isEqualByComparingTo(shipping);
    long second = plain.refundAdjustment(number, new BigDecimal("1"), true);
    assertThat(dec(client(plain).get("/rest/default/V1/creditmemo/" + second).json().get("shipping_amount")))
        .as("the shipping was refunded already").isEqualByComparingTo("0");
  }

  @Test
  void refundAdjustment_refusesMoreThanIsLeft_nothingInvoiced_andNothing() throws Exception {
    long id = invoicedWithoutTenders(plain);
    JsonNode o = order(plain, id);
    String number = o.path("increment_id").asText();
    BigDecimal paid = dec(o.get("total_paid"));
    IllegalArgumentException tooMuch = catchThrowableOfType(IllegalArgumentException.class,
        () -> plain.refundAdjustment(number, paid.add(new BigDecimal("0.01"))));
    assertThat(tooMuch).hasMessageContaining("The most money available to refund is %1.")
        .hasMessageContaining(paid.setScale(2).toPlainString());
    assertThat(order(plain, id)).as("a refused refund changes nothing").isEqualTo(o);
    plain.refundAdjustment(number, paid);
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> plain.refundAdjustment(number, new BigDecimal("0.01"))))
        .hasMessageContaining("The most money available to refund is");

    long fresh = -1;
    for (long candidate : plain.orderIds()) {
      if (order(plain, candidate).path("state").asText().equals("new")) {
        fresh = candidate;
        break;
      }
    }
    String open = order(plain, fresh).path("increment_id").asText();
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> plain.refundAdjustment(open, BigDecimal.ONE)))
        .hasMessageContaining("The order does not allow a creditmemo to be created.");
    long other = invoicedWithoutTenders(plain);
    String otherNumber = order(plain, other).path("increment_id").asText();
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> plain.refundAdjustment(otherNumber, BigDecimal.ZERO)))
        .hasMessageContaining("The credit memo's total must be positive.");
    assertThat(catchThrowableOfType(IllegalArgumentException.class,
        () -> plain.refundAdjustment("NOPE", BigDecimal.ONE))).hasMessageContaining("no order NOPE");
  }

  @Test
  void refundAdjustment_onAnOrderPaidWithStoreCredit_givesStoreCreditBackFirst() throws Exception {
    JsonNode target = null;
    for (long id : adobe.orderIds()) {
      JsonNode o = order(adobe, id);
      JsonNode ext = o.path("extension_attributes");
      if (dec(ext.get("customer_balance_invoiced")).signum() > 0 && dec(ext.get("customer_balance_refunded")).signum() == 0
          && dec(o.get("total_refunded")).signum() == 0) {
        target = o;
        break;
      }
    }
    assertThat(target).as("an invoiced order paid with store credit").isNotNull();
    BigDecimal credit = dec(target.path("extension_attributes").get("customer_balance_amount"));
    BigDecimal amount = credit.add(new BigDecimal("1.00"));
    long memoId = adobe.refundAdjustment(target.path("increment_id").asText(), amount);
    JsonNode memo = client(adobe).get("/rest/default/V1/creditmemo/" + memoId).json();
    assertThat(dec(memo.path("extension_attributes").get("customer_balance_amount"))).isEqualByComparingTo(credit);
    assertThat(dec(memo.path("extension_attributes").get("gift_cards_amount"))).isEqualByComparingTo("0");
    assertThat(dec(memo.get("grand_total"))).isEqualByComparingTo("1.00");
    JsonNode after = order(adobe, target.path("entity_id").asLong());
    assertThat(dec(after.path("extension_attributes").get("customer_balance_refunded"))).isEqualByComparingTo(credit);
    assertThat(dec(after.get("total_refunded"))).isEqualByComparingTo("1.00");
  }

  @Test
  void refundAdjustment_onAnOrderCoveredByAGiftCard_givesItBackToTheCard() throws Exception {
    ObjectNode target = null;
    for (long id : adobe.orderIds()) {
      JsonNode o = order(adobe, id);
      if (o.path("payment").path("method").asText().equals("free")
          && dec(o.path("extension_attributes").get("gift_cards_invoiced")).signum() > 0
          && dec(o.path("extension_attributes").get("gift_cards_refunded")).signum() == 0) {
        target = (ObjectNode) o;
        break;
      }
    }
    assertThat(target).as("an invoiced order covered by a gift card").isNotNull();
    long memoId = adobe.refundAdjustment(target.path("increment_id").asText(), new BigDecimal("3"));
    JsonNode memo = client(adobe).get("/rest/default/V1/creditmemo/" + memoId).json();
    assertThat(dec(memo.get("grand_total"))).isEqualByComparingTo("0");
    assertThat(dec(memo.path("extension_attributes").get("gift_cards_amount"))).isEqualByComparingTo("3");
  }
}
