package io.commercesync.connector.magento.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.magento.Samples;
import io.commercesync.connector.magento.internal.dto.OrderDto;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Adobe Commerce gift cards, store credit and reward points as split payments ({@code order-adobe-*.json}),
 * and Magento Open Source orders mapped exactly as before (golden canonical JSON written by the mapper
 * before tenders existed).
 */
class AdobeCommerceTendersTest {

  static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();
  static final ObjectMapper TREE = new ObjectMapper();
  /** Every gift card code in the samples: none may leave the DTO. */
  static final List<String> CODES = List.of("GC-7QK2-M9XD", "GC-R4TN-2WBZ", "GC-H8PL-3VCE");

  private final OrderMapper mapper = new OrderMapper();

  static ObjectNode sample(String name) throws Exception {
    return (ObjectNode) TREE.readTree(Samples.bytes(name));
  }

  static ObjectNode ext(ObjectNode order) {
    return (ObjectNode) order.get("extension_attributes");
  }

  Order map(ObjectNode order) {
    return mapper.toOrder(JSON.read(order.toString(), OrderDto.class, "order"));
  }

  Order map(String sample, Consumer<ObjectNode> change) throws Exception {
    ObjectNode order = sample(sample);
    change.accept(order);
    return map(order);
  }

  static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static Money sum(Order order) {
    return Money.sum(order.currency(), order.payments().stream().map(Payment::amount).toList());
  }

  @Test
  void giftCardsStoreCreditAndCard_becomeFourPayments_andTheGrandTotalIsWhatTheCustomerPays() throws Exception {
    Order order = map(sample("order-adobe-tenders.json"));

    assertThat(order.grandTotal()).isEqualTo(usd("59.73"));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.payments()).extracting(Payment::id)
        .containsExactly("1043", "1043-giftcard-31", "1043-giftcard-47", "1043-customerbalance");
    assertThat(order.payments()).extracting(Payment::method)
        .containsExactly("braintree", "giftcardaccount", "giftcardaccount", "customerbalance");
    assertThat(order.payments()).extracting(Payment::amount)
        .containsExactly(usd("22.23"), usd("15"), usd("10"), usd("12.5"));
    assertThat(sum(order)).isEqualTo(order.grandTotal());
    Instant updated = Instant.parse("2025-03-15T11:02:16Z");
    assertThat(order.payments()).allSatisfy(p -> {
      assertThat(p.capturedAt()).as(p.id()).isEqualTo(updated);
      assertThat(p.orderNumber()).isEqualTo("000001044");
      assertThat(p.customerRef().id()).isEqualTo("402");
    });
    Payment card = order.payments().get(0);
    assertThat(card.cardType()).isEqualTo("VI");
    assertThat(card.cardLast4()).isEqualTo("1111");
    assertThat(card.transactionId()).isEqualTo("k2v9m4tq");
    assertThat(order.payments().get(1).transactionId()).as("the gift card account id").isEqualTo("31");
    assertThat(order.payments().get(1).cardLast4()).isNull();
    assertThat(order.payments().get(3).transactionId()).isNull();
    assertThat(order.attributes()).doesNotContainKey("reward_points_balance");
  }

  @Test
  void tendersNotYetInvoiced_areOnlyAuthorised_likeAnUnpaidPaymentMethod() throws Exception {
    Order order = map("order-adobe-tenders.json", o -> {
      ext(o).put("gift_cards_invoiced", 0).put("customer_balance_invoiced", 0);
      ((ObjectNode) o.get("payment")).remove("amount_paid");
      o.put("total_paid", 0).put("total_invoiced", 0);
    });
    assertThat(order.payments()).extracting(Payment::captured).containsOnly(false);
    assertThat(sum(order)).isEqualTo(order.grandTotal());
  }

  @Test
  void giftCardCoveringTheWholeOrder_isTheOnlyPayment_theZeroFreePaymentIsLeftOut() throws Exception {
    Order order = map(sample("order-adobe-giftcard-free.json"));

    assertThat(order.grandTotal()).isEqualTo(usd("63.16"));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.payments()).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo("1044-giftcard-52");
      assertThat(p.method()).isEqualTo("giftcardaccount");
      assertThat(p.amount()).isEqualTo(usd("63.16"));
      assertThat(p.transactionId()).isEqualTo("52");
      assertThat(p.captured()).isTrue();
    });
  }

  @Test
  void storeCreditOnly_andRewardPoints_areOnePaymentEach_rewardCapturedWithTheInvoice() throws Exception {
    Order order = map("order-adobe-tenders.json", o -> {
      ObjectNode ext = ext(o);
      ext.remove("gift_cards");
      ext.put("gift_cards_amount", 0).put("gift_cards_invoiced", 0);
      ext.put("reward_points_balance", 500).put("reward_currency_amount", 5).put("base_reward_currency_amount", 5);
      setTotal(o, "42.23"); // 59.73 − 12.50 store credit − 5.00 reward points
    });
    assertThat(order.payments()).extracting(Payment::id, Payment::method, Payment::amount, Payment::captured)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1043", "braintree", usd("42.23"), true),
            org.assertj.core.groups.Tuple.tuple("1043-customerbalance", "customerbalance", usd("12.5"), true),
            org.assertj.core.groups.Tuple.tuple("1043-reward", "reward", usd("5"), true));
    assertThat(order.grandTotal()).isEqualTo(usd("59.73"));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.attributes()).containsEntry("reward_points_balance", "500");
  }

  @Test
  void rewardPoints_onAnOrderWithoutAnyInvoice_areNotCaptured() throws Exception {
    Order order = map("order-simple.json", o -> {
      ext(o).put("reward_points_balance", 300).put("reward_currency_amount", 3);
      setTotal(o, "60.16");
    });
    assertThat(order.payments()).extracting(Payment::id).containsExactly("1041", "1041-reward");
    assertThat(order.payments()).extracting(Payment::captured).containsOnly(false);
    assertThat(order.totalsReconcile()).isTrue();
  }

  @Test
  void giftCardsAmountWithoutTheCards_isOneGiftCardPayment() throws Exception {
    Order order = map("order-adobe-tenders.json", o -> ext(o).remove("gift_cards"));
    assertThat(order.payments()).extracting(Payment::id)
        .containsExactly("1043", "1043-giftcard", "1043-customerbalance");
    assertThat(order.payments().get(1).amount()).isEqualTo(usd("25"));
    assertThat(order.payments().get(1).transactionId()).isNull();
    assertThat(order.totalsReconcile()).isTrue();
  }

  @Test
  void aCardWithoutId_isNamedByItsPosition_andAnOrderWithoutPaymentIdUsesTheOrderId() throws Exception {
    Order order = map("order-adobe-tenders.json", o -> {
      ((ObjectNode) ext(o).get("gift_cards").get(1)).remove("id");
      ((ObjectNode) o.get("payment")).remove("entity_id");
    });
    assertThat(order.payments()).extracting(Payment::id)
        .containsExactly(null, "order1044-giftcard-31", "order1044-giftcard-n2", "order1044-customerbalance");
  }

  @Test
  void aZeroAmountCard_makesNoPayment_butCountsInTheSum() throws Exception {
    Order order = map("order-adobe-tenders.json", o -> ((ArrayNode) ext(o).get("gift_cards")).addObject()
        .put("id", 58).put("code", "GC-ZERO-0000").put("amount", 0).put("base_amount", 0));
    assertThat(order.payments()).extracting(Payment::id).doesNotContain("1043-giftcard-58");
    assertThat(order.totalsReconcile()).isTrue();
  }

  @Test
  void cardsNotAddingUpToGiftCardsAmount_isAnInvalidOrder_namingTheFieldAndNoCode() throws Exception {
    ObjectNode o = sample("order-adobe-tenders.json");
    ((ObjectNode) ext(o).get("gift_cards").get(1)).put("amount", 9.5);
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> map(o));

    assertThat(e.recordSystem()).isEqualTo(SystemId.MAGENTO);
    assertThat(e.entity()).isEqualTo("order");
    assertThat(e.recordId()).contains("000001044");
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("extension_attributes.gift_cards");
      assertThat(v.rule()).isEqualTo(FieldViolation.RULE_CONSISTENCY);
    });
    assertThat(e.getMessage()).contains("24.5").contains("25");
    assertNoCode(e);
  }

  @Test
  void negativeTenders_areInvalid_eachNamed() throws Exception {
    ObjectNode o = sample("order-adobe-tenders.json");
    ext(o).put("customer_balance_amount", -12.5).put("reward_currency_amount", -1);
    ((ObjectNode) ext(o).get("gift_cards").get(0)).put("amount", -15);
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> map(o));
    assertThat(e.violations()).extracting(FieldViolation::path).containsExactlyInAnyOrder(
        "extension_attributes.gift_cards[0].amount", "extension_attributes.customer_balance_amount",
        "extension_attributes.reward_currency_amount");
    assertNoCode(e);
  }

  @Test
  void giftCardsSentAsAString_isInvalid_andTheMessageDoesNotQuoteTheCode() throws Exception {
    ObjectNode o = sample("order-adobe-tenders.json");
    ext(o).put("gift_cards", "[{\"i\":31,\"c\":\"GC-7QK2-M9XD\",\"a\":15,\"ba\":15}]");
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> JSON.read(o.toString(), OrderDto.class, "order"));
    assertThat(e.violations()).extracting(FieldViolation::path).contains("extension_attributes.gift_cards");
    assertNoCode(e);
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-adobe-tenders.json", "order-adobe-giftcard-free.json"})
  void noGiftCardCode_reachesTheCanonicalOrder(String sample) throws Exception {
    String raw = Samples.text(sample);
    assertThat(CODES.stream().filter(raw::contains)).as("the sample carries codes").isNotEmpty();
    OrderDto dto = JSON.read(raw, OrderDto.class, "order");
    Order order = mapper.toOrder(dto);
    String everything = order.toString() + CanonicalJson.writePretty(order) + order.payments() + order.attributes()
        + order.notes() + dto.extensionAttributes().giftCards() + dto.extensionAttributes();
    for (String code : CODES) {
      assertThat(everything).doesNotContain(code);
    }
    for (Payment p : order.payments()) {
      assertThat(List.of(String.valueOf(p.id()), String.valueOf(p.transactionId()), String.valueOf(p.cardType())))
          .noneMatch(field -> CODES.stream().anyMatch(field::contains));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-simple", "order-configurable", "order-guest"})
  void openSourceOrders_mapExactlyAsBeforeTenders(String sample) {
    Order order = mapper.toOrder(JSON.read(Samples.bytes(sample + ".json"), OrderDto.class, "order"));
    assertThat(CanonicalJson.writePretty(order)).isEqualTo(Samples.text("canonical/" + sample + ".canonical.json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-simple", "order-configurable", "order-guest"})
  void adobeCommerceOrdersWithoutTenders_mapExactlyAsOpenSourceOnes(String sample) throws Exception {
    ObjectNode o = sample(sample + ".json");
    ext(o).put("customer_balance_amount", 0).put("customer_balance_invoiced", 0).put("gift_cards_amount", 0)
        .put("gift_cards_invoiced", 0).put("reward_points_balance", 0).put("reward_currency_amount", 0)
        .putArray("gift_cards");
    assertThat(CanonicalJson.writePretty(map(o)))
        .isEqualTo(Samples.text("canonical/" + sample + ".canonical.json"));
  }

  @Test
  void aZeroFreePaymentWithoutTenders_isKeptAsBefore() throws Exception {
    Order order = map("order-guest.json", o -> {
      ((ObjectNode) o.get("payment")).put("method", "free").put("amount_ordered", 0);
    });
    assertThat(order.payments()).singleElement().satisfies(p -> {
      assertThat(p.method()).isEqualTo("free");
      assertThat(p.amount().isZero()).isTrue();
    });
  }

  /** Sets {@code grand_total} and the payment's ordered/paid amounts to {@code total}. */
  static void setTotal(ObjectNode o, String total) {
    BigDecimal t = new BigDecimal(total);
    o.put("grand_total", t).put("base_grand_total", t);
    ObjectNode p = (ObjectNode) o.get("payment");
    p.put("amount_ordered", t);
    for (String f : List.of("amount_paid", "amount_authorized")) {
      if (p.has(f)) {
        p.put(f, t);
      }
    }
  }

  static void assertNoCode(InvalidRecordException e) {
    String text = e.getMessage() + e.violations() + e;
    for (FieldViolation v : e.violations()) {
      text += String.valueOf(v.rejectedValue()) + v.message();
    }
    for (String code : CODES) {
      assertThat(text).doesNotContain(code);
    }
  }
}
