package io.commercesync.connector.magento;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.ReturnSource;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Adobe Commerce tenders end to end through the storefront's capabilities: the order source reading the
 * simulator in Adobe Commerce mode (and recorded payloads over WireMock), the return source reading credit
 * memos that gave money back to store credit and gift cards, and money-only credit memos.
 */
class MagentoTendersContractTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern CODE = Pattern.compile("GC-[A-Z2-9]{4}-[A-Z2-9]{4}");

  static List<RawRecord> all(RecordStream stream) {
    List<RawRecord> out = new ArrayList<>();
    try (stream) {
      stream.forEachRemaining(out::add);
    }
    return out;
  }

  static Money computed(Return r) {
    return Money.sum(r.currency(), r.lines().stream().map(ReturnLine::total).toList()).plus(r.shipping())
        .plus(r.adjustment()).plus(r.tax());
  }

  @Test
  void orderSource_adobeCommerceStore_everyOrderReconciles_paymentsAddUp_idsUniqueAndStable_noCodes()
      throws Exception {
    try (SimulatorFixture fx = new SimulatorFixture(MagentoSimulator.config().adobeCommerceTenders(true).build())) {
      OrderSource source = MagentoStorefront.of(fx.oauthClient()).require(OrderSource.class);
      List<RawRecord> raws = all(source.read(Cursor.START));
      assertThat(raws).hasSize(fx.sim.orderIds().size());
      Set<String> codes = new HashSet<>();
      List<String> ids = new ArrayList<>();
      Map<String, Long> methods = new java.util.TreeMap<>();
      int withoutPaymentMethod = 0;
      for (RawRecord raw : raws) {
        Matcher m = CODE.matcher(new String(raw.payload(), StandardCharsets.UTF_8));
        while (m.find()) {
          codes.add(m.group());
        }
        Order order = source.decode(raw);
        assertThat(order.totalsReconcile()).as(order.number()).isTrue();
        assertThat(Money.sum(order.currency(), order.payments().stream().map(Payment::amount).toList()))
            .as(order.number()).isEqualTo(order.grandTotal());
        order.payments().forEach(p -> {
          ids.add(p.id());
          methods.merge(p.method(), 1L, Long::sum);
        });
        withoutPaymentMethod += order.payments().stream().noneMatch(p -> p.method().equals("checkmo")) ? 1 : 0;
        String everything = order + order.payments().toString() + order.attributes();
        assertThat(codes.stream().filter(everything::contains)).as(order.number()).isEmpty();
        assertThat(source.decode(raw).payments()).extracting(Payment::id)
            .as("the same ids on every read").isEqualTo(order.payments().stream().map(Payment::id).toList());
      }
      assertThat(codes).as("the simulator's orders carry gift card codes").isNotEmpty();
      assertThat(methods).containsKeys("checkmo", "giftcardaccount", "customerbalance", "reward");
      assertThat(withoutPaymentMethod).as("orders a gift card covers have no `free` payment").isPositive();
      assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
      assertThat(ids.stream().map(id -> id.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT)))
          .as("unique as GP receipt numbers (alphanumerics only)").doesNotHaveDuplicates();
    }
  }

  @Test
  void returnSource_creditMemosOfAnAdobeCommerceStore_totalsAddUp_moneyOnlyIsAReturnWithoutLines()
      throws Exception {
    try (SimulatorFixture fx = new SimulatorFixture(MagentoSimulator.config().adobeCommerceTenders(true).build())) {
      String withCredit = null;
      String covered = null;
      for (long id : fx.sim.orderIds()) {
        JsonNode o = JSON.readTree(fx.sim.orderJson(id));
        JsonNode ext = o.path("extension_attributes");
        boolean untouched = o.path("total_refunded").decimalValue().signum() == 0
            && ext.path("gift_cards_refunded").decimalValue().signum() == 0
            && ext.path("customer_balance_refunded").decimalValue().signum() == 0;
        if (withCredit == null && untouched
            && ext.path("customer_balance_invoiced").decimalValue().compareTo(new BigDecimal("4")) >= 0) {
          withCredit = o.path("increment_id").asText();
        } else if (covered == null && untouched && o.path("payment").path("method").asText().equals("free")
            && ext.path("gift_cards_invoiced").decimalValue().signum() > 0
            && o.path("shipping_amount").decimalValue().signum() > 0) {
          covered = o.path("increment_id").asText();
        }
      }
      assertThat(withCredit).isNotNull();
      assertThat(covered).isNotNull();
      String creditOrder = withCredit;
      String coveredOrder = covered;
      fx.sim.refundAdjustment(creditOrder, new BigDecimal("4.00"));
      fx.sim.refundAdjustment(coveredOrder, new BigDecimal("6.00"), true);

      ReturnSource source = MagentoStorefront.of(fx.oauthClient()).require(ReturnSource.class);
      Map<String, Return> returns = all(source.read(Cursor.START)).stream().map(source::decode)
          .collect(Collectors.toMap(Return::number, Function.identity()));
      assertThat(returns).isNotEmpty();
      returns.values().forEach(r -> assertThat(computed(r)).as(r.number()).isEqualTo(r.total()));
      Return credit = returns.values().stream().filter(r -> r.orderNumber().equals(creditOrder) && r.lines().isEmpty())
          .findFirst().orElseThrow();
      assertThat(credit.total()).as("4.00 to store credit first").isEqualTo(Money.of("4", "USD"));
      assertThat(credit.adjustment()).isEqualTo(Money.of("4", "USD"));
      Return card = returns.values().stream().filter(r -> r.orderNumber().equals(coveredOrder) && r.lines().isEmpty())
          .findFirst().orElseThrow();
      assertThat(card.total()).as("6.00 and the shipping, back to the gift card")
          .isEqualTo(Money.of("6", "USD").plus(card.shipping()));
      assertThat(card.shipping().isPositive()).isTrue();
    }
  }

  @Test
  void returnSource_moneyOnlyCreditMemoOfAnOpenSourceStore_isAReturnWithoutLines() throws Exception {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      String number = null;
      for (long id : fx.sim.orderIds()) {
        JsonNode o = JSON.readTree(fx.sim.orderJson(id));
        if (o.path("total_paid").decimalValue().signum() > 0 && o.path("total_refunded").decimalValue().signum() == 0) {
          number = o.path("increment_id").asText();
          break;
        }
      }
      assertThat(number).isNotNull();
      long memo = fx.sim.refundAdjustment(number, new BigDecimal("7.25"));
      ReturnSource source = MagentoStorefront.of(fx.oauthClient()).require(ReturnSource.class);
      String key = JSON.readTree(fx.oauthClient().sales().creditMemo(StoreScope.store("default"), memo).json())
          .path("increment_id").asText();
      Return r = source.decode(source.fetch(key).orElseThrow());
      assertThat(r.orderNumber()).isEqualTo(number);
      assertThat(r.lines()).isEmpty();
      assertThat(r.adjustment()).isEqualTo(Money.of("7.25", "USD"));
      assertThat(r.shipping().isZero()).isTrue();
      assertThat(r.total()).isEqualTo(Money.of("7.25", "USD"));
      assertThat(r.ref(io.commercesync.core.model.SystemId.MAGENTO)).hasValueSatisfying(
          ref -> assertThat(ref.id()).isEqualTo(String.valueOf(memo)));
    }
  }

  @Test
  void recordedAdobeCommercePayloads_overHttp_decodeToSplitPaymentsAndFullRefundTotals() {
    WireMockServer wm = new WireMockServer(options().dynamicPort());
    wm.start();
    try {
      wm.stubFor(get("/rest/default/V1/orders/1044").willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json").withBody(Samples.text("order-adobe-tenders.json"))));
      wm.stubFor(get("/rest/default/V1/orders/1045").willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json").withBody(Samples.text("order-adobe-giftcard-free.json"))));
      wm.stubFor(get("/rest/default/V1/creditmemo/7104").willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json").withBody(Samples.text("creditmemo-adobe-tenders.json"))));
      MagentoClient client = MagentoClient.builder().baseUrl("http://localhost:" + wm.port())
          .oauth1(Secret.of("ck"), Secret.of("cs"), Secret.of("at"), Secret.of("ats")).build();
      StoreScope store = StoreScope.store("default");

      Order split = client.orders().get(store, 1044);
      assertThat(split.payments()).extracting(Payment::method)
          .containsExactly("braintree", "giftcardaccount", "giftcardaccount", "customerbalance");
      assertThat(split.grandTotal()).isEqualTo(Money.of("59.73", "USD"));
      Order covered = client.orders().get(store, 1045);
      assertThat(covered.payments()).extracting(Payment::method).containsExactly("giftcardaccount");
      assertThat(covered.totalsReconcile()).isTrue();

      Return full = client.sales().decodeCreditMemo(client.sales().creditMemo(store, 7104), "000001044");
      assertThat(full.total()).isEqualTo(Money.of("59.73", "USD"));
      assertThat(computed(full)).isEqualTo(full.total());
    } finally {
      wm.stop();
    }
  }
}
