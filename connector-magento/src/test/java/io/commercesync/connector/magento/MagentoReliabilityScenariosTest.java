package io.commercesync.connector.magento;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.error.RateLimitedException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.error.TransportException;
import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.ShipmentSink;
import io.commercesync.core.spi.StockUpdate;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The RELIABILITY.md scenarios this connector owns, each asserting the simulator's (or stub's) final
 * state rather than log lines.
 */
class MagentoReliabilityScenariosTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final StoreScope STORE = StoreScope.store("default");
  static final IdempotencyKey KEY = new IdempotencyKey("gp/shipment/INV-9/magento-ship");

  private static List<RawRecord> drain(RecordStream stream) {
    List<RawRecord> out = new ArrayList<>();
    try (stream) {
      stream.forEachRemaining(out::add);
    }
    return out;
  }

  // ------------------------------------------------------------------ 5: slow body

  @Test
  void scenario05_slowBody_isATypedTimeout_retriedWithinTheDeadline_andNoHalfRecordIsMapped() {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      // a read timeout of 1 s against chunks 2.5 s apart: the timeout is certain, a normal answer (even on
      // a loaded build machine) well inside it
      MagentoClient client = fx.builder().http(HttpSettings.DEFAULT.withReadTimeout(Duration.ofSeconds(1))
          .withCallTimeout(Duration.ofSeconds(10))).build();
      long id = fx.sim.orderIds().get(0);
      fx.sim.faults().enqueue(Fault.slowBody(Duration.ofMillis(2_500)));
      TransportException slow = catchThrowableOfType(TransportException.class, () -> client.orders().get(STORE, id));
      assertThat(slow.timedOut()).isTrue();
      assertThat(slow.retryable()).isTrue();
      assertThat(slow.getMessage()).contains("GET /rest/default/V1/orders/" + id).contains("[order " + id + "]");
      assertThat(client.orders().get(STORE, id).number()).as("the retry gets the whole order").isNotBlank();

      // the same inside a source read: hasNext() throws, and calling it again resumes the same page
      OrderSource source = MagentoStorefront.of(client).require(OrderSource.class);
      RecordStream stream = source.read(Cursor.START);
      fx.sim.faults().enqueue(Fault.slowBody(Duration.ofMillis(2_500)));
      assertThat(catchThrowableOfType(TransportException.class, stream::hasNext).timedOut()).isTrue();
      List<RawRecord> all = drain(stream);
      assertThat(all).hasSize(fx.sim.orderIds().size());
      all.forEach(r -> assertThat(source.decode(r).number()).isEqualTo(r.key()));
    }
  }

  // ------------------------------------------------------------------ 6: garbage bodies

  @Test
  void scenario06_garbageBodies_areTypedErrorsNamingEndpointAndRecord() {
    WireMockServer wm = new WireMockServer(options().dynamicPort());
    wm.start();
    try {
      MagentoClient client = MagentoClient.builder().baseUrl("http://localhost:" + wm.port())
          .oauth1(Secret.of("ck"), Secret.of("cs"), Secret.of("at"), Secret.of("ats"))
          .http(HttpSettings.DEFAULT.withReadTimeout(Duration.ofSeconds(2))).build();
      Map<Long, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder> cases = new HashMap<>();
      cases.put(1L, aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK));
      cases.put(2L, aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE));
      cases.put(3L, aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE));
      cases.put(4L, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
          .withBody(Samples.text("order-simple.json").substring(0, 2000)));
      cases.put(5L, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(""));
      cases.put(6L, aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>oops</html>"));
      cases.forEach((id, response) -> wm.stubFor(get("/rest/default/V1/orders/" + id).willReturn(response)));
      for (long id : cases.keySet()) {
        RemoteSystemException e = catchThrowableOfType(RemoteSystemException.class, () -> client.orders().get(STORE, id));
        assertThat(e).as("case %s", id).isInstanceOf(TransportException.class);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).as("case %s", id).startsWith("magento GET /rest/default/V1/orders/" + id)
            .contains("[order " + id + "]");
      }
    } finally {
      wm.stop();
    }
  }

  @Test
  void scenario06_aShipPostWhoseAnswerIsLost_isNotRepeated_becauseTheLookupFindsIt() throws Exception {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      MagentoStorefront storefront = MagentoStorefront.of(fx.oauthClient());
      ShipmentSink sink = storefront.require(ShipmentSink.class);
      String number = pendingOrderNumber(fx);
      Shipment shipment = Shipment.builder().orderNumber(number).carrier("fedex").addTrackingNumber("7777-LOST")
          .ref(io.commercesync.core.model.ExternalRef.of(SystemId.DYNAMICS_GP, "INV-9")).build();
      for (Fault.Kind kind : List.of(Fault.Kind.TRUNCATED_BODY, Fault.Kind.RESET_AFTER_COMMIT)) {
        fx.sim.faults().enqueue(call -> call.method().equals("POST") && call.path().endsWith("/ship"), Fault.of(kind));
      }
      TransportException lost = catchThrowableOfType(TransportException.class, () -> sink.write(shipment, KEY));
      assertThat(lost.retryable()).as("the pipeline may retry, but only behind the lookup").isTrue();
      // what the pipeline does before retrying a write: ask the target
      assertThat(sink.lookup(shipment, KEY)).hasValueSatisfying(
          r -> assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED));
      JsonNode stats = JSON.readTree(fx.sim.stats());
      assertThat(stats.path("documents_by_order").path(number).path("shipments").asInt()).isEqualTo(1);
    }
  }

  private static String pendingOrderNumber(SimulatorFixture fx) throws Exception {
    for (long id : fx.sim.orderIds()) {
      JsonNode o = JSON.readTree(fx.sim.orderJson(id));
      if (o.path("state").asText().equals("new")) {
        return o.path("increment_id").asText();
      }
    }
    throw new IllegalStateException("no pending order");
  }

  // ------------------------------------------------------------------ 7: pagination edges

  @Test
  void scenario07_paginationEdges_zeroExactMultipleOneMoreAndTheLastPageAgain() {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      MagentoClient client = fx.oauthClient();
      String route = "/rest/{store}/V1/customers/search";
      // zero results: one request
      long before = fx.sim.server().log().count("GET", route);
      assertThat(page(client, SearchCriteria.builder().where("email", SearchCriteria.Condition.EQ, "nobody@x")
          .pageSize(5).build())).isEmpty();
      assertThat(fx.sim.server().log().count("GET", route) - before).isEqualTo(1);
      // 25 customers, pages of 5: an exact multiple, five requests, never a sixth
      before = fx.sim.server().log().count("GET", route);
      List<MagentoRecord> all = page(client, SearchCriteria.builder().pageSize(5).build());
      assertThat(all).hasSize(25);
      assertThat(all.stream().map(MagentoRecord::id).distinct()).hasSize(25);
      assertThat(fx.sim.server().log().count("GET", route) - before).isEqualTo(5);
      // one more: 26 customers, six requests
      client.customers().create(STORE, io.commercesync.core.model.Customer.builder().email("one.more@example.com")
          .firstName("One").lastName("More").build(), 1);
      before = fx.sim.server().log().count("GET", route);
      assertThat(page(client, SearchCriteria.builder().pageSize(5).build())).hasSize(26);
      assertThat(fx.sim.server().log().count("GET", route) - before).isEqualTo(6);
    }
    // Magento answering every page with the same (last) page and a total that keeps the loop going
    WireMockServer wm = new WireMockServer(options().dynamicPort());
    wm.start();
    try {
      String body = Samples.text("customer-search-response.json").replace("\"total_count\": 37", "\"total_count\": 100000");
      wm.stubFor(get(urlPathEqualTo("/rest/default/V1/customers/search")).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json").withBody(body)));
      MagentoClient stub = MagentoClient.builder().baseUrl("http://localhost:" + wm.port()).bearer(Secret.of("token-1"))
          .build();
      List<MagentoRecord> read = page(stub, SearchCriteria.builder().pageSize(2).build());
      assertThat(read).extracting(MagentoRecord::id).containsExactly("402", "415");
      wm.verify(2, getRequestedFor(urlPathEqualTo("/rest/default/V1/customers/search")));
    } finally {
      wm.stop();
    }
  }

  private static List<MagentoRecord> page(MagentoClient client, SearchCriteria criteria) {
    List<MagentoRecord> out = new ArrayList<>();
    try (MagentoPager p = client.customers().search(STORE, criteria)) {
      p.forEachRemaining(out::add);
    }
    return out;
  }

  // ------------------------------------------------------------------ 8: moving window

  @Test
  void scenario08_movingWindow_ordersUpdatedWhilePagingAreNeitherSkippedNorDoubled() {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      // pages of 3 and orders sharing seconds: the entity_id tie-break matters
      MagentoClient client = fx.builder().limits(MagentoLimits.DEFAULT.withPageSize(3)).build();
      OrderSource source = MagentoStorefront.of(client).require(OrderSource.class);
      List<Long> ids = fx.sim.orderIds();
      List<RawRecord> read = new ArrayList<>();
      try (RecordStream stream = source.read(Cursor.START)) {
        for (int i = 0; i < 4 && stream.hasNext(); i++) {
          read.add(stream.next());
        }
        // while paging: one order already read and one not yet read are saved again (updated_at moves)
        fx.sim.advanceClock(Duration.ofDays(30));
        long alreadyRead = Long.parseLong(idOf(read.get(1)));
        long notYetRead = ids.stream().filter(id -> read.stream().noneMatch(r -> idOf(r).equals(String.valueOf(id))))
            .skip(10).findFirst().orElseThrow();
        fx.sim.touchOrder(alreadyRead);
        fx.sim.touchOrder(notYetRead);
        stream.forEachRemaining(read::add);
      }
      Set<String> versions = new HashSet<>();
      for (RawRecord r : read) {
        assertThat(versions.add(r.key() + "@" + r.position())).as("version read twice: %s", r.key()).isTrue();
      }
      Set<String> keys = new HashSet<>();
      read.forEach(r -> keys.add(r.key()));
      assertThat(keys).as("no order skipped").hasSize(ids.size());
      // the order changed after it was read is read again in its new version (a new change), the other once
      assertThat(read.stream().filter(r -> r.key().equals(String.format("%09d", Long.parseLong(idOf(read.get(1))))))
          .count()).isEqualTo(2);
      for (int i = 1; i < read.size(); i++) {
        assertThat(read.get(i).position().value().compareTo(read.get(i - 1).position().value()))
            .as("positions only move forward").isPositive();
      }
    }
  }

  private static String idOf(RawRecord r) {
    return r.position().value().substring(r.position().value().lastIndexOf('|') + 1);
  }

  @Test
  void scenario08_pagesOfOne_throughSecondsSharedByManyOrders_readEachOrderOnce() {
    try (SimulatorFixture fx = new SimulatorFixture(MagentoSimulator.config().orders(15).build())) {
      MagentoClient client = fx.builder().limits(MagentoLimits.DEFAULT.withPageSize(1)).build();
      List<RawRecord> read = drain(MagentoStorefront.builder(client).overlap(Duration.ZERO).build()
          .require(OrderSource.class).read(Cursor.START));
      assertThat(read).hasSize(fx.sim.orderIds().size());
      assertThat(read.stream().map(RawRecord::key).distinct()).hasSize(read.size());
    }
  }

  // ------------------------------------------------------------------ 12: store-view scope safety

  @Test
  void scenario12_priceUpdate_carriesOnlyItsAttributes_inItsScope_andStoreContentIsUntouched() throws Exception {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      MagentoStorefront storefront = MagentoStorefront.of(fx.oauthClient());
      CatalogSink sink = storefront.require(CatalogSink.class);
      String sku = "CS-LAMP-STD";
      JsonNode before = JSON.readTree(fx.sim.productScopes(sku));
      Item fromErp = Item.builder().sku(sku).name("LANTERN CAMP 12V").basePrice(Money.of("44.00", "USD"))
          .longDescription("ERP long text that must not reach the storefront").build();
      sink.write(new CatalogUpdate(fromErp, Set.of(CatalogField.PRICE), Set.of(), "all", false, null), KEY);
      JsonNode after = JSON.readTree(fx.sim.productScopes(sku));
      assertThat(after.path("global").path("price").decimalValue()).isEqualByComparingTo("44");
      assertThat(after.path("global").path("name")).isEqualTo(before.path("global").path("name"));
      assertThat(after.path("global").path("custom_attributes")).isEqualTo(before.path("global").path("custom_attributes"));
      assertThat(after.path("global").path("media_gallery_entries"))
          .isEqualTo(before.path("global").path("media_gallery_entries"));
      assertThat(after.path("overrides")).as("the French store view is byte-for-byte as it was")
          .isEqualTo(before.path("overrides"));
      // the scope named is the scope written: a store-view name lands in that store view only
      sink.write(new CatalogUpdate(fromErp, Set.of(CatalogField.NAME), Set.of(), "fr_ca", false, null), KEY);
      JsonNode scoped = JSON.readTree(fx.sim.productScopes(sku));
      assertThat(scoped.path("overrides").path("2").path("name").asText()).isEqualTo("LANTERN CAMP 12V");
      assertThat(scoped.path("overrides").has("1")).as("no accidental default-store-view override").isFalse();
      assertThat(scoped.path("global").path("name")).isEqualTo(before.path("global").path("name"));
      assertThat(scoped.path("overrides").path("2").path("custom_attributes"))
          .isEqualTo(before.path("overrides").path("2").path("custom_attributes"));
    }
  }

  // ------------------------------------------------------------------ 13: inventory with reservations

  @Test
  void scenario13_pendingReservations_areDeductedOnce_byMagento_notAgainByTheSink() {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      InventorySink sink = MagentoStorefront.of(fx.oauthClient()).require(InventorySink.class);
      String sku = "CS-BELT-XL";
      // every source of the sku to a known quantity, then a pending storefront order reserving 3
      List<SourceItem> existing = fx.oauthClient().inventory().sourceItems(StoreScope.ALL, sku);
      fx.oauthClient().inventory().deleteSourceItems(StoreScope.ALL, existing);
      fx.sim.reserve(sku, fx.sim.salableQuantity(sku).negate());
      assertThat(fx.sim.salableQuantity(sku)).isEqualByComparingTo("0");
      fx.sim.reserve(sku, new BigDecimal("-3"));
      // the ERP has 40 on hand, 3 of them allocated to that same storefront order (already imported):
      // the flow publishes what the source holds (40); Magento subtracts its own reservation (3)
      sink.write(new StockUpdate(sku, "wh_austin", new BigDecimal("40"), true), KEY);
      assertThat(fx.sim.sourceQuantity(sku, "wh_austin")).isEqualByComparingTo("40");
      assertThat(fx.oauthClient().inventory().salableQuantity(StoreScope.ALL, sku, 1))
          .as("37 salable: the reservation is deducted once, not 34").isEqualByComparingTo("37");
      // the order ships from that source: Magento deducts the source and compensates the reservation
      assertThat(sink.lookup(new StockUpdate(sku, "wh_austin", new BigDecimal("40"), true), KEY)).isPresent();
    }
  }

  // ------------------------------------------------------------------ 15: auth

  @Test
  void scenario15_clockSkew_isATypedAuthErrorWithoutASecret_andNeverLoops() {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      TestClock skewed = TestClock.now();
      skewed.advance(Duration.ofHours(1));
      MagentoClient client = fx.builder().clock(skewed).build();
      String route = "/rest/{store}/V1/orders/{id}";
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
          () -> client.orders().get(STORE, fx.sim.orderIds().get(0)));
      assertThat(e.retryable()).isFalse();
      assertThat(e.status()).hasValue(401);
      assertThat(fx.sim.server().log().count("GET", route)).as("one renewal, then stop").isEqualTo(2);
      MagentoSimulator.Credentials c = fx.sim.credentials();
      for (String secret : List.of(c.consumerSecret(), c.accessTokenSecret(), c.accessToken(), c.consumerKey())) {
        assertThat(e.getMessage()).doesNotContain(secret);
        assertThat(String.valueOf(e.remoteMessage().orElse(""))).doesNotContain(secret);
      }
    }
  }

  @Test
  void scenario15_adminToken_isRenewedBeforeExpiry_andOnceOn401() {
    TestClock clock = TestClock.now();
    try (SimulatorFixture fx = new SimulatorFixture(MagentoSimulator.config().authClock(clock).build())) {
      MagentoClient client = fx.builder().clock(clock).adminToken("erp-sync", Secret.of("Sim-Admin-Pass-1")).build();
      long id = fx.sim.orderIds().get(0);
      client.orders().get(STORE, id);
      assertThat(client.adminTokensFetched()).isEqualTo(1);
      // 3 h 56 min later: inside the 5-minute margin, renewed before the call, no 401 seen
      clock.advance(Duration.ofHours(3).plusMinutes(56));
      client.orders().get(STORE, id);
      assertThat(client.adminTokensFetched()).isEqualTo(2);
      assertThat(JSON.valueToTree(stats(fx)).path("auth_failures").asInt()).isZero();
      // the store revokes the token early: one 401, one renewal, success
      fx.sim.expireAdminTokens();
      client.orders().get(STORE, id);
      assertThat(client.adminTokensFetched()).isEqualTo(3);
      assertThat(stats(fx).path("auth_failures").asInt()).isEqualTo(1);
    }
  }

  @Test
  void scenario15_wrongAdminPassword_2fa_andBearerRefusal_areTypedAndSecretFree() {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      AuthenticationException wrong = catchThrowableOfType(AuthenticationException.class, () -> fx.builder()
          .adminToken("erp-sync", Secret.of("Wrong-Password-77")).build().orders().get(STORE, 1000));
      assertThat(wrong.getMessage()).contains("admin user erp-sync").contains("sign-in was incorrect")
          .doesNotContain("Wrong-Password-77");
      AuthenticationException bearer = catchThrowableOfType(AuthenticationException.class,
          () -> fx.bearerClient().orders().get(STORE, fx.sim.orderIds().get(0)));
      assertThat(bearer.getMessage()).contains("not renewable").doesNotContain(fx.sim.credentials().accessToken());
      assertThat(fx.sim.server().log().count("GET", "/rest/{store}/V1/orders/{id}")).as("bearer: no retry").isEqualTo(1);
    }
    try (SimulatorFixture tfa = new SimulatorFixture(MagentoSimulator.config().twoFactorAuth(true).build())) {
      AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
          () -> tfa.adminClient().orders().get(STORE, tfa.sim.orderIds().get(0)));
      assertThat(e.getMessage()).contains("2fa provider-specific endpoints").doesNotContain("Sim-Admin-Pass-1");
    }
  }

  @Test
  void scenario15_rateLimitWithoutRetryAfter_getsTheFastlyBackoff_withRetryAfterHonoured() {
    try (SimulatorFixture fx = new SimulatorFixture()) {
      MagentoClient client = fx.builder().rateLimitBackoff(Duration.ofSeconds(7)).build();
      long id = fx.sim.orderIds().get(0);
      fx.sim.faults().enqueue(Fault.rateLimited(null));
      RateLimitedException none = catchThrowableOfType(RateLimitedException.class, () -> client.orders().get(STORE, id));
      assertThat(none.retryAfter()).hasValue(Duration.ofSeconds(7));
      fx.sim.faults().enqueue(Fault.rateLimited("12"));
      RateLimitedException given = catchThrowableOfType(RateLimitedException.class, () -> client.orders().get(STORE, id));
      assertThat(given.retryAfter()).hasValue(Duration.ofSeconds(12));
      fx.sim.faults().enqueue(Fault.of(Fault.Kind.UNAVAILABLE));
      RemoteSystemException unavailable = catchThrowableOfType(RemoteSystemException.class,
          () -> client.orders().get(STORE, id));
      assertThat(unavailable.retryable()).isTrue();
      assertThat(unavailable.getMessage()).contains("HTTP 503");
    }
  }

  private static JsonNode stats(SimulatorFixture fx) {
    try {
      return JSON.readTree(fx.sim.stats());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ 16: input limits

  @Test
  void scenario16_inputLimits_theClientChunksWritesAndCapsPages() {
    try (SimulatorFixture fx = new SimulatorFixture(MagentoSimulator.config().maxPageSize(100).build())) {
      MagentoClient client = fx.builder().limits(MagentoLimits.DEFAULT.withMaxPageSize(100)).build();
      List<SourceItem> items = new ArrayList<>();
      List<BasePrice> prices = new ArrayList<>();
      List<String> skus = fx.sim.skus();
      for (int i = 0; i < 61; i++) {
        items.add(new SourceItem(skus.get(i % skus.size()), List.of("default", "wh_austin", "wh_reno").get(i / 21),
            BigDecimal.valueOf(i), true));
        prices.add(new BasePrice(skus.get(i % skus.size()), BigDecimal.valueOf(10 + i), 0));
      }
      client.inventory().saveSourceItems(StoreScope.ALL, items);
      assertThat(client.prices().saveBasePrices(StoreScope.ALL, prices)).isEmpty();
      assertThat(fx.sim.server().log().count("POST", "/rest/{store}/V1/inventory/source-items")).isEqualTo(4);
      assertThat(fx.sim.server().log().count("POST", "/rest/{store}/V1/products/base-prices")).isEqualTo(4);
      assertThat(stats(fx).path("limit_rejections").asInt()).isZero();
      // pages: 300 asked, capped at the store's 100
      List<MagentoRecord> orders = new ArrayList<>();
      try (MagentoPager p = client.orders().search(STORE, SearchCriteria.builder().pageSize(300).build())) {
        p.forEachRemaining(orders::add);
      }
      assertThat(orders).hasSize(fx.sim.orderIds().size());
      // the simulator really enforces the limit: a client told the store accepts 50 is refused
      MagentoClient tooBold = fx.builder().limits(MagentoLimits.DEFAULT.withMaxSyncEntities(50)).build();
      RemoteSystemException refused = catchThrowableOfType(RemoteSystemException.class,
          () -> tooBold.inventory().saveSourceItems(StoreScope.ALL, items.subList(0, 30)));
      assertThat(refused.status()).hasValue(400);
      assertThat(refused.retryable()).isFalse();
      assertThat(refused.getMessage()).contains("Maximum items of type").contains("is 20");
    }
  }
}
