package io.commercesync.connector.clarity.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityStorefront;
import io.commercesync.connector.clarity.Samples;
import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RateLimitedException;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.ShipmentSink;
import io.commercesync.core.spi.StockUpdate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v1 dialect against WireMock stubs made of the shared samples. */
class V1WireMockContractTest {

  static final String CLIENT_SECRET = "cs_super_secret_value_9f2";
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1715701380L), ZoneOffset.UTC);

  WireMockServer wm;
  ClarityClient client;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    wm.stubFor(post("/api/v1/oauth/token").willReturn(okJson(
        "{\"access_token\":\"tok_abc123456789\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"orders:read\"}")));
    client = ClarityClient.builder().baseUrl(wm.baseUrl()).allowInsecureHttp(true).clock(CLOCK)
        .auth(ClarityAuth.oauth2("commercesync-prod", Secret.of(CLIENT_SECRET), "orders:read inventory:write"))
        .build();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void ordersPage_readsWithBearerToken_andDecodesTheSampleOrder() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/orders")).willReturn(okJson(Samples.text("orders-page.json"))));
    OrderSource orders = ClarityStorefront.of(client).require(OrderSource.class);
    List<RawRecord> read = new ArrayList<>();
    try (RecordStream s = orders.read(Cursor.START)) {
      s.forEachRemaining(read::add);
    }
    assertThat(read).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("CS-100045");
      assertThat(r.position().value()).isEqualTo("2024-05-14T15:42:09Z|ord_10045");
    });
    Order order = orders.decode(read.get(0));
    assertThat(order.grandTotal().amount()).isEqualByComparingTo("111.52");
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/orders"))
        .withHeader("Authorization", equalTo("Bearer tok_abc123456789"))
        .withQueryParam("page", equalTo("1")).withQueryParam("pageSize", equalTo("50")));
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/oauth/token"))
        .withHeader("Authorization", matching("Basic .+"))
        .withRequestBody(matching("grant_type=client_credentials&scope=orders%3Aread(\\+|%20)inventory%3Awrite")));
  }

  @Test
  void incrementalRead_sendsUpdatedSinceWithTheOverlap() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/orders")).willReturn(okJson(Samples.text("orders-page.json"))));
    OrderSource orders = ClarityStorefront.of(client).require(OrderSource.class);
    try (RecordStream s = orders.read(Cursor.of("2024-05-14T15:42:09Z|ord_10045"))) {
      s.forEachRemaining(r -> { });
    }
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/orders"))
        .withQueryParam("updatedSince", equalTo("2024-05-14T15:42:04Z")));
  }

  @Test
  void rateLimited_isTypedWithRetryAfterCodeAndRequestId_andTheWindowIsRespected() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/orders")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/problem+json").withHeader("Retry-After", "12")
        .withHeader("X-RateLimit-Limit", "240").withHeader("X-RateLimit-Remaining", "0")
        .withHeader("X-RateLimit-Reset", "1715701392").withBody(Samples.text("error-429.json"))));
    assertThatThrownBy(() -> client.order("CS-100045"))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
          assertThat(e.remoteCode()).contains("RATE_LIMITED");
          assertThat(e.requestId()).contains("req_01HXZ9C4W7PQ3");
          assertThat(e.getMessage()).contains("clarity GET /api/v1/orders [CS-100045]: HTTP 429");
        });
    assertThat(client.rateLimit()).hasValueSatisfying(r -> {
      assertThat(r.limit()).isEqualTo(240);
      assertThat(r.remaining()).isZero();
      assertThat(r.reset()).isEqualTo(Instant.ofEpochSecond(1715701392L));
    });
    int before = wm.getAllServeEvents().size();
    assertThatThrownBy(() -> client.order("CS-100045")).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
    assertThat(wm.getAllServeEvents()).as("no request while the window is exhausted").hasSize(before);
  }

  @Test
  void inventoryLevels_postTheSampleShape_withAnIdempotencyKey() {
    wm.stubFor(post("/api/v1/inventory/levels").willReturn(okJson("{}")));
    InventorySink sink = ClarityStorefront.of(client).require(InventorySink.class);
    List<BatchSink.Keyed<StockUpdate>> batch = List.of(
        keyed(new StockUpdate("WID-100-BLK", "AUSTIN", new BigDecimal("128"), true)),
        keyed(new StockUpdate("WID-100-BLK", "DALLAS", new BigDecimal("31"), true)),
        keyed(new StockUpdate("GAD-220", "AUSTIN", BigDecimal.ZERO, false)));
    List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(batch);
    assertThat(outcomes).allMatch(BatchSink.BatchOutcome::succeeded);
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/inventory/levels"))
        .withHeader("Idempotency-Key", matching("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"))
        .withRequestBody(equalToJson("{\"mode\":\"absolute\",\"source\":\"commercesync\","
            + "\"sourceTimestamp\":\"2024-05-14T15:43:00Z\",\"items\":["
            + "{\"sku\":\"WID-100-BLK\",\"locationCode\":\"AUSTIN\",\"available\":128},"
            + "{\"sku\":\"WID-100-BLK\",\"locationCode\":\"DALLAS\",\"available\":31},"
            + "{\"sku\":\"GAD-220\",\"locationCode\":\"AUSTIN\",\"available\":0}]}")));
  }

  @Test
  void inventoryProblemWithPointers_failsOnlyTheNamedItems_andResendsTheRest() {
    wm.stubFor(post("/api/v1/inventory/levels").inScenario("422").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
            .withBody("{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"status\":422,\"code\":\"VALIDATION\","
                + "\"errors\":[{\"pointer\":\"/items/1/sku\",\"code\":\"UNKNOWN_SKU\",\"message\":\"no such sku\"}]}"))
        .willSetStateTo("second"));
    wm.stubFor(post("/api/v1/inventory/levels").inScenario("422").whenScenarioStateIs("second")
        .willReturn(okJson("{}")));
    InventorySink sink = ClarityStorefront.of(client).require(InventorySink.class);
    List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(List.of(
        keyed(new StockUpdate("WID-100-BLK", "AUSTIN", BigDecimal.ONE, true)),
        keyed(new StockUpdate("NOPE", "AUSTIN", BigDecimal.ONE, true)),
        keyed(new StockUpdate("GAD-220", "AUSTIN", BigDecimal.ONE, true))));
    assertThat(outcomes).extracting(BatchSink.BatchOutcome::succeeded).containsExactly(true, false, true);
    assertThat(outcomes.get(1).failure()).isInstanceOfSatisfying(InvalidRecordException.class, e -> {
      assertThat(e.recordId()).contains("NOPE@AUSTIN");
      assertThat(e.violations()).extracting(v -> v.path() + ":" + v.rule()).containsExactly("sku:unknown-reference");
    });
    wm.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/inventory/levels")));
  }

  @Test
  void shipment_postsTheSampleRequest_toTheOrderResolvedByNumber() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/orders")).withQueryParam("orderNumber", equalTo("CS-100045"))
        .willReturn(okJson(Samples.text("orders-page.json"))));
    wm.stubFor(post("/api/v1/orders/ord_10045/shipments").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"shipmentId\":\"shp_1\"}")));
    Shipment shipment = Shipment.builder().ref(ExternalRef.of(SystemId.DYNAMICS_SL, "WS000871"))
        .orderNumber("CS-100045").carrier("UPS").service("Ground").shippedAt(Instant.parse("2024-05-15T21:10:00Z"))
        .addTrackingNumber("1Z999AA10123456784")
        .addLine(ShipmentLine.of("WID-100-BLK", new BigDecimal("2"), "li_1"))
        .addLine(ShipmentLine.of("GAD-220", BigDecimal.ONE, "li_2")).build();
    var result = ClarityStorefront.of(client).require(ShipmentSink.class)
        .write(shipment, IdempotencyKey.of(SystemId.DYNAMICS_SL, "shipment", "WS000871", "clarity-shipment"));
    assertThat(result.remoteId()).isEqualTo("shp_1");
    wm.verify(postRequestedFor(urlPathEqualTo("/api/v1/orders/ord_10045/shipments"))
        .withHeader("Idempotency-Key", matching(".{36}"))
        .withRequestBody(equalToJson("{\"externalShipmentId\":\"WS000871\",\"carrier\":\"UPS\",\"service\":\"Ground\","
            + "\"shippedAt\":\"2024-05-15T21:10:00Z\",\"notifyCustomer\":true,"
            + "\"packages\":[{\"trackingNumber\":\"1Z999AA10123456784\"}],"
            + "\"lineItems\":[{\"lineId\":\"li_1\",\"sku\":\"WID-100-BLK\",\"quantity\":2},"
            + "{\"lineId\":\"li_2\",\"sku\":\"GAD-220\",\"quantity\":1}]}")));
  }

  @Test
  void expiredToken_isRenewedOnceOn401_thenAFailedRenewalIsATypedErrorWithoutTheSecret() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/orders/ord_1")).inScenario("401")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
    wm.stubFor(get(urlPathEqualTo("/api/v1/orders/ord_1")).inScenario("401").whenScenarioStateIs("renewed")
        .willReturn(okJson(Samples.text("order.json"))));
    wm.stubFor(get(urlPathEqualTo("/api/v1/orders")).willReturn(okJson("{\"data\":[],\"pagination\":{\"page\":1,\"pageSize\":1,\"totalCount\":0,\"totalPages\":0}}")));
    assertThat(client.order("ord_1")).isPresent();
    wm.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/oauth/token")));

    wm.stubFor(get(urlPathEqualTo("/api/v1/orders/ord_2")).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"title\":\"Unauthorized\",\"status\":401,\"code\":\"TOKEN_INVALID\",\"detail\":\"token rejected\"}")));
    assertThatThrownBy(() -> client.order("ord_2")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.retryable()).isFalse();
      assertThat(e.remoteCode()).contains("TOKEN_INVALID");
      assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET).doesNotContain("tok_abc123456789");
    });
  }

  @Test
  void refusedClientCredentials_areAnAuthenticationErrorNamingTheOauthError() {
    wm.stubFor(post("/api/v1/oauth/token").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}")));
    assertThatThrownBy(() -> client.order("CS-1")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.remoteCode()).contains("invalid_client");
      assertThat(e.getMessage()).contains("POST /api/v1/oauth/token").doesNotContain(CLIENT_SECRET);
    });
  }

  @Test
  void statusPatch_sendsTheMappedCode() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/orders")).willReturn(okJson(Samples.text("orders-page.json"))));
    wm.stubFor(patch(urlPathEqualTo("/api/v1/orders/ord_10045")).willReturn(okJson(Samples.text("order.json"))));
    var sink = ClarityStorefront.of(client).require(io.commercesync.core.spi.OrderStatusSink.class);
    var update = new io.commercesync.core.spi.OrderStatusUpdate("CS-100045", null,
        io.commercesync.core.model.OrderStatus.PROCESSING, null, "accepted by SL as WO004512", false);
    assertThat(sink.write(update, IdempotencyKey.of(SystemId.DYNAMICS_SL, "order", "CS-100045", "status"))
        .outcome()).isEqualTo(io.commercesync.core.pipeline.WriteResult.Outcome.UPDATED);
    wm.verify(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(urlPathEqualTo("/api/v1/orders/ord_10045"))
        .withRequestBody(equalToJson("{\"status\":\"processing\",\"comment\":\"accepted by SL as WO004512\","
            + "\"notifyCustomer\":false}")));
  }

  @Test
  void duplicateExternalId_raceIsADuplicateSignal_andAReusedKeyIsAConflict() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/customers")).willReturn(okJson(
        "{\"data\":[],\"pagination\":{\"page\":1,\"pageSize\":2,\"totalCount\":0,\"totalPages\":0}}")));
    wm.stubFor(post("/api/v1/customers").willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":409,\"code\":\"DUPLICATE_EXTERNAL_ID\",\"detail\":\"exists\"}")));
    io.commercesync.core.model.Customer c = io.commercesync.core.model.Customer.builder()
        .ref(ExternalRef.of(SystemId.DYNAMICS_SL, "C1")).email("a@example.com").build();
    var store = ClarityStorefront.of(client).require(io.commercesync.core.spi.CustomerStore.class);
    IdempotencyKey key = IdempotencyKey.of(SystemId.DYNAMICS_SL, "customer", "C1", "create");
    assertThatThrownBy(() -> store.write(c, key))
        .isInstanceOfSatisfying(io.commercesync.core.error.DuplicateDetectedException.class,
            e -> assertThat(e.key()).isEqualTo("C1"));
    wm.stubFor(post("/api/v1/customers").willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":409,\"code\":\"IDEMPOTENCY_KEY_REUSED\",\"detail\":\"other request\"}")));
    assertThatThrownBy(() -> store.write(c, key))
        .isInstanceOf(io.commercesync.core.error.IdempotencyConflictException.class);
  }

  static BatchSink.Keyed<StockUpdate> keyed(StockUpdate u) {
    return new BatchSink.Keyed<>(u, IdempotencyKey.of(SystemId.DYNAMICS_SL, "inventory", u.sku() + "@" + u.location(),
        "clarity-stock"));
  }
}
