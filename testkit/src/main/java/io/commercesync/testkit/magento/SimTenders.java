package io.commercesync.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Adobe Commerce tenders that are not the payment method: gift card accounts ({@code gift_cards[]},
 * {@code gift_cards_*}), store credit ({@code customer_balance_*}) and reward points ({@code reward_*}),
 * all in the order's {@code extension_attributes} (names from the Adobe Commerce 2.2.10 OpenAPI
 * {@code SalesDataOrderExtensionInterface} and {@code SalesDataCreditmemoExtensionInterface}).
 *
 * <p>What the simulator does with them, written from Adobe Commerce's total collectors:
 *
 * <ul>
 *   <li>placing: each tender is deducted from {@code grand_total} (and so from the payment's
 *       {@code amount_ordered} and the order's {@code total_due}); an order they cover in full is paid
 *       with method {@code free};
 *   <li>invoicing: the invoice's amount goes to the tenders first, gift cards, then store credit, then
 *       reward points (each up to what it has not invoiced yet), and the invoice's {@code grand_total} is
 *       what is left for the payment method; {@code gift_cards_invoiced} and
 *       {@code customer_balance_invoiced} grow (Adobe Commerce keeps the reward points' invoiced amount in
 *       a column the REST schema does not show; so does the simulator);
 *   <li>refunding: a credit memo gives back to store credit first
 *       ({@code Magento\CustomerBalance\Model\Total\Creditmemo\Customerbalance}), then to the payment method,
 *       and to gift cards only what the payment method cannot take back
 *       ({@code Magento\GiftCardAccount\Model\Total\Creditmemo\Giftcardaccount}); the amounts appear in the
 *       credit memo's {@code extension_attributes} and are deducted from its {@code grand_total}. Reward
 *       points are not given back by the simulator's credit memos (REST shows no amount for them).
 * </ul>
 *
 * <p>Gift card codes ({@code GC-XXXX-XXXX}) exist only in the simulator's own order JSON.
 */
final class SimTenders {

  private static final String CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private SimTenders() {}

  /**
   * Pays a freshly placed order partly with {@code cards} (gift card amounts), {@code storeCredit} and
   * {@code reward} (currency amount, 100 points per unit), each capped at what is left of the total.
   */
  static void apply(SimStore store, ObjectNode order, List<BigDecimal> cards, BigDecimal storeCredit,
      BigDecimal reward, Random random) {
    ObjectNode ext = (ObjectNode) order.get("extension_attributes");
    BigDecimal left = SimJson.dec(order.get("grand_total"));
    BigDecimal cardsTotal = BigDecimal.ZERO;
    ArrayNode list = SimJson.array();
    for (BigDecimal card : cards) {
      BigDecimal amount = card.min(left);
      if (amount.signum() <= 0) {
        continue;
      }
      ObjectNode c = list.addObject();
      c.put("id", store.nextGiftCardId++);
      c.put("code", code(random));
      c.set("amount", SimJson.num(amount));
      c.set("base_amount", SimJson.num(amount));
      cardsTotal = cardsTotal.add(amount);
      left = left.subtract(amount);
    }
    if (!list.isEmpty()) {
      ext.set("gift_cards", list);
      money(ext, "gift_cards_amount", cardsTotal);
      money(ext, "gift_cards_invoiced", BigDecimal.ZERO);
      money(ext, "gift_cards_refunded", BigDecimal.ZERO);
    }
    BigDecimal credit = storeCredit.min(left);
    if (credit.signum() > 0) {
      money(ext, "customer_balance_amount", credit);
      money(ext, "customer_balance_invoiced", BigDecimal.ZERO);
      money(ext, "customer_balance_refunded", BigDecimal.ZERO);
      money(ext, "customer_balance_total_refunded", BigDecimal.ZERO);
      left = left.subtract(credit);
    }
    BigDecimal points = reward.min(left);
    if (points.signum() > 0) {
      ext.put("reward_points_balance", points.movePointRight(2).intValue());
      money(ext, "reward_currency_amount", points);
      left = left.subtract(points);
    }
    order.set("grand_total", SimJson.num(left));
    order.set("base_grand_total", SimJson.num(left));
    order.set("total_due", SimJson.num(left));
    order.set("base_total_due", SimJson.num(left));
    ObjectNode payment = (ObjectNode) order.get("payment");
    payment.set("amount_ordered", SimJson.num(left));
    payment.set("base_amount_ordered", SimJson.num(left));
    if (left.signum() == 0) {
      payment.put("method", "free");
      payment.putArray("additional_information").add("No Payment Information Required");
      ArrayNode info = ext.putArray("payment_additional_info");
      info.addObject().put("key", "method_title").put("value", "No Payment Information Required");
    }
  }

  /** Sets {@code field} and {@code base_field} (the store's base currency is the order's). */
  private static void money(ObjectNode ext, String field, BigDecimal value) {
    ext.set(field, SimJson.num(value));
    ext.set("base_" + field, SimJson.num(value));
  }

  /** {@code GC-XXXX-XXXX} from letters and digits that cannot be misread. */
  private static String code(Random random) {
    StringBuilder out = new StringBuilder("GC-");
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        out.append('-');
      }
      out.append(CODE_CHARS.charAt(random.nextInt(CODE_CHARS.length())));
    }
    return out.toString();
  }

  /** What the tenders have not invoiced yet; zero on an order without tenders. */
  static BigDecimal uninvoiced(SimStore store, ObjectNode order) {
    JsonNode ext = order.path("extension_attributes");
    return SimJson.dec(ext.get("gift_cards_amount")).subtract(SimJson.dec(ext.get("gift_cards_invoiced")))
        .add(SimJson.dec(ext.get("customer_balance_amount")))
        .subtract(SimJson.dec(ext.get("customer_balance_invoiced")))
        .add(rewardLeft(store, order));
  }

  private static BigDecimal rewardLeft(SimStore store, ObjectNode order) {
    return SimJson.dec(order.path("extension_attributes").get("reward_currency_amount"))
        .subtract(store.rewardInvoiced.getOrDefault(order.path("entity_id").asLong(), BigDecimal.ZERO));
  }

  /**
   * Takes what an invoice of {@code amount} (before tenders) draws from the tenders: gift cards, then store
   * credit, then reward points. Returns the total drawn; zero on an order without tenders.
   */
  static BigDecimal invoice(SimStore store, ObjectNode order, BigDecimal amount) {
    JsonNode node = order.get("extension_attributes");
    if (!(node instanceof ObjectNode ext)) {
      return BigDecimal.ZERO;
    }
    BigDecimal left = amount;
    BigDecimal drawn = BigDecimal.ZERO;
    for (String tender : List.of("gift_cards", "customer_balance")) {
      if (!ext.has(tender + "_amount")) {
        continue;
      }
      BigDecimal invoiced = SimJson.dec(ext.get(tender + "_invoiced"));
      BigDecimal take = SimJson.dec(ext.get(tender + "_amount")).subtract(invoiced).min(left).max(BigDecimal.ZERO);
      if (take.signum() > 0) {
        money(ext, tender + "_invoiced", invoiced.add(take));
        left = left.subtract(take);
        drawn = drawn.add(take);
      }
    }
    BigDecimal reward = rewardLeft(store, order).min(left).max(BigDecimal.ZERO);
    if (reward.signum() > 0) {
      store.rewardInvoiced.merge(order.path("entity_id").asLong(), reward, BigDecimal::add);
      drawn = drawn.add(reward);
    }
    return drawn;
  }

  /** What a credit memo gives back to store credit and to gift cards. */
  record Refund(BigDecimal storeCredit, BigDecimal giftCards) {
    BigDecimal total() {
      return storeCredit.add(giftCards);
    }
  }

  /**
   * Splits a refund of {@code amount} (before tenders): store credit first (up to what it invoiced and has
   * not had back), then the payment method (up to {@code total_paid − total_refunded}), gift cards for the
   * rest (up to what they invoiced and have not had back). Updates the order's {@code *_refunded}.
   */
  static Refund refund(ObjectNode order, BigDecimal amount) {
    JsonNode node = order.get("extension_attributes");
    if (!(node instanceof ObjectNode ext) || (!ext.has("customer_balance_amount") && !ext.has("gift_cards_amount"))) {
      return new Refund(BigDecimal.ZERO, BigDecimal.ZERO);
    }
    BigDecimal creditLeft = SimJson.dec(ext.get("customer_balance_invoiced"))
        .subtract(SimJson.dec(ext.get("customer_balance_refunded")));
    BigDecimal credit = creditLeft.min(amount).max(BigDecimal.ZERO);
    BigDecimal rest = amount.subtract(credit);
    BigDecimal paymentLeft = SimJson.dec(order.get("total_paid")).subtract(SimJson.dec(order.get("total_refunded")));
    BigDecimal cardsLeft = SimJson.dec(ext.get("gift_cards_invoiced")).subtract(SimJson.dec(ext.get("gift_cards_refunded")));
    BigDecimal cards = rest.subtract(paymentLeft.max(BigDecimal.ZERO)).min(cardsLeft).max(BigDecimal.ZERO);
    if (credit.signum() > 0) {
      money(ext, "customer_balance_refunded", SimJson.dec(ext.get("customer_balance_refunded")).add(credit));
      money(ext, "customer_balance_total_refunded",
          SimJson.dec(ext.get("customer_balance_total_refunded")).add(credit));
    }
    if (cards.signum() > 0) {
      money(ext, "gift_cards_refunded", SimJson.dec(ext.get("gift_cards_refunded")).add(cards));
    }
    return new Refund(credit, cards);
  }

  /** Writes a credit memo's {@code extension_attributes} when it gave anything back to a tender. */
  static void describe(ObjectNode memo, Refund refund) {
    if (refund.total().signum() == 0) {
      return;
    }
    ObjectNode ext = memo.putObject("extension_attributes");
    money(ext, "customer_balance_amount", refund.storeCredit());
    money(ext, "gift_cards_amount", refund.giftCards());
  }
}
