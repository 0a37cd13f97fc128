package io.commercesync.connector.magento;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import io.commercesync.core.spi.InventorySink;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog sink's batches (async bulk, reference §3) and the inventory sink's open reservations,
 * against the simulator and, for a failed bulk operation, WireMock.
 */
class MagentoCatalogBatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** No generated orders: their reservations would show up in {@code openReservations}. */
  private final SimulatorFixture fx = new SimulatorFixture(
      io.commercesync.testkit.magento.MagentoSimulator.config().orders(0).build());

  @AfterEach
  void stop() {
    fx.close();
  }

  @SuppressWarnings("unchecked")
  private static BatchSink<CatalogUpdate> batchSink(MagentoStorefront storefront) {
    return (BatchSink<CatalogUpdate>) storefront.require(CatalogSink.class);
  }

  private static BatchSink.Keyed<CatalogUpdate> update(String sku, String price, boolean create) {
    Item item = Item.builder().sku(sku).name("ERP name " + sku).basePrice(Money.of(price, "USD"))
        .weight(new BigDecimal("1.5")).status(ItemStatus.ACTIVE).build();
    return new BatchSink.Keyed<>(new CatalogUpdate(item, Set.of(CatalogField.PRICE, CatalogField.WEIGHT,
        CatalogField.STATUS), Set.of(), "all", create, ItemStatus.INACTIVE), new IdempotencyKey("k/" + sku));
  }

  @Test
  void aLargeBatch_isOneBulkOfUpdatesAndOneOfCreations_inTheGlobalScope_polledToTheEnd() throws Exception {
    BatchSink<CatalogUpdate> sink = batchSink(MagentoStorefront.of(fx.oauthClient()));
    List<String> existing = fx.sim.skus().stream().limit(20).toList();
    List<BatchSink.Keyed<CatalogUpdate>> batch = new ArrayList<>();
    existing.forEach(sku -> batch.add(update(sku, "31.25", true)));
    for (int i = 1; i <= 5; i++) {
      batch.add(update("ERP-NEW-" + i, "9.99", true));
    }
    batch.add(update("ERP-UNKNOWN", "1.00", false));
    fx.sim.server().log().reset();

    List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(batch);

    assertThat(outcomes).hasSize(26);
    assertThat(outcomes.subList(0, 20)).allSatisfy(o ->
        assertThat(o.result().outcome()).isEqualTo(WriteResult.Outcome.UPDATED));
    assertThat(outcomes.subList(20, 25)).allSatisfy(o ->
        assertThat(o.result().outcome()).isEqualTo(WriteResult.Outcome.CREATED));
    assertThat(outcomes.get(25).succeeded()).isFalse();
    assertThat(outcomes.get(25).failure()).hasMessageContaining("createIfMissing is off");
    var log = fx.sim.server().log();
    assertThat(log.count("PUT", "/rest/{store}/async/bulk/V1/{route*}")).isEqualTo(1);
    assertThat(log.count("POST", "/rest/{store}/async/bulk/V1/{route*}")).isEqualTo(1);
    assertThat(log.count("PUT", "/rest/{store}/V1/products/{sku}")).isZero();
    assertThat(log.count("GET", "/rest/{store}/V1/bulk/{uuid}/status")).isEqualTo(2);
    // written globally: no store-view override appeared, and the new products are disabled
    JsonNode scopes = JSON.readTree(fx.sim.productScopes(existing.get(0)));
    assertThat(scopes.path("global").path("price").decimalValue()).isEqualByComparingTo("31.25");
    assertThat(scopes.path("overrides").has("1")).isFalse();
    assertThat(JSON.readTree(fx.sim.productScopes("ERP-NEW-3")).path("global").path("status").asInt()).isEqualTo(2);
  }

  @Test
  void aSmallBatch_isWrittenWithSynchronousCalls() {
    BatchSink<CatalogUpdate> sink = batchSink(MagentoStorefront.of(fx.oauthClient()));
    String sku = fx.sim.skus().get(0);
    fx.sim.server().log().reset();
    List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(List.of(update(sku, "12.00", true)));
    assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.succeeded()).isTrue());
    assertThat(fx.sim.server().log().count("PUT", "/rest/{store}/V1/products/{sku}")).isEqualTo(1);
    assertThat(fx.sim.server().log().count("PUT", "/rest/{store}/async/bulk/V1/{route*}")).isZero();
  }

  @Test
  void bulkOff_meansOneProductPerBatch() {
    MagentoStorefront storefront = MagentoStorefront.builder(fx.oauthClient()).catalogBulkFrom(0).build();
    assertThat(batchSink(storefront).maxBatchSize()).isEqualTo(1);
    assertThat(batchSink(MagentoStorefront.of(fx.oauthClient())).maxBatchSize()).isEqualTo(5_000);
  }

  @Test
  void openReservations_areSourceQuantityMinusSalable_forSkusThatHaveThem() {
    InventorySink sink = MagentoStorefront.of(fx.oauthClient()).require(InventorySink.class);
    List<String> stocked = fx.sim.skus().stream().filter(s -> fx.sim.sourceQuantity(s, "default") != null
        && fx.sim.sourceQuantity(s, "default").signum() > 0).limit(2).toList();
    fx.sim.reserve(stocked.get(0), new BigDecimal("-3"));
    Map<String, BigDecimal> reserved = sink.openReservations(stocked);
    assertThat(reserved).containsOnlyKeys(stocked.get(0));
    assertThat(reserved.get(stocked.get(0))).isEqualByComparingTo("3");
    // a sku with no in-stock source left still tells its reservations (regression: it was skipped, and the
    // inventory flow then deducted them twice when its sources had been published as 0 first)
    for (String source : List.of("default", "wh_austin", "wh_reno")) {
      if (fx.sim.sourceQuantity(stocked.get(0), source) != null) {
        fx.oauthClient().inventory().saveSourceItems(StoreScope.ALL,
            List.of(new SourceItem(stocked.get(0), source, BigDecimal.ZERO, false)));
      }
    }
    assertThat(sink.openReservations(stocked).get(stocked.get(0))).isEqualByComparingTo("3");
    // legacy stock: nothing is reserved
    assertThat(MagentoStorefront.builder(fx.oauthClient()).legacyStock(true).build().require(InventorySink.class)
        .openReservations(stocked)).isEmpty();
  }

  /** A failed bulk operation fails its product only: non-retriable → permanent, retriable or open → pending. */
  @Test
  void eachProductCarriesItsOwnOperationsOutcome() {
    WireMockServer wm = new WireMockServer(options().dynamicPort());
    wm.start();
    try {
      StringBuilder found = new StringBuilder("{\"items\":[");
      for (int i = 0; i < 20; i++) {
        found.append(i == 0 ? "" : ",").append("{\"id\":").append(i + 1).append(",\"sku\":\"SKU-").append(i)
            .append("\",\"updated_at\":\"2025-03-01 10:00:00\"}");
      }
      found.append("],\"total_count\":20}");
      wm.stubFor(get(urlPathEqualTo("/rest/all/V1/products")).willReturn(json(found.toString())));
      wm.stubFor(put("/rest/all/async/bulk/V1/products/bySku").willReturn(aResponse().withStatus(202)
          .withHeader("Content-Type", "application/json")
          .withBody("{\"bulk_uuid\":\"b-1\",\"request_items\":[],\"errors\":false}")));
      wm.stubFor(get(urlPathMatching("/rest/all/V1/bulk/b-1/status")).willReturn(json("{\"operations_list\":["
          + "{\"id\":0,\"status\":1},{\"id\":1,\"status\":3,\"result_message\":\"Invalid product data: weight\","
          + "\"error_code\":400},{\"id\":2,\"status\":2,\"result_message\":\"Deadlock found\"}"
          + "],\"bulk_id\":\"b-1\",\"operation_count\":20}")));
      MagentoClient client = MagentoClient.builder().baseUrl("http://localhost:" + wm.port())
          .oauth1(Secret.of("ck"), Secret.of("cs"), Secret.of("at"), Secret.of("ats"))
          .bulkPollInterval(Duration.ofMillis(1)).build();
      BatchSink<CatalogUpdate> sink = batchSink(MagentoStorefront.builder(client)
          .bulkTimeout(Duration.ofMillis(1)).build());
      List<BatchSink.Keyed<CatalogUpdate>> batch = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        batch.add(update("SKU-" + i, "5.00", false));
      }
      List<BatchSink.BatchOutcome> outcomes = sink.writeBatch(batch);
      assertThat(outcomes.get(0).succeeded()).isTrue();
      assertThat(outcomes.get(1).failure()).isInstanceOf(RemoteSystemException.class)
          .hasMessageContaining("Invalid product data: weight").hasMessageContaining("SKU-1")
          .hasMessageContaining("/rest/all/async/bulk/V1/products/bySku");
      assertThat(((RemoteSystemException) outcomes.get(1).failure()).retryable()).isFalse();
      assertThat(((RemoteSystemException) outcomes.get(2).failure()).retryable()).isTrue();
      // operation 3 and on never left the queue within the timeout: pending, not lost
      assertThat(((RemoteSystemException) outcomes.get(3).failure()).retryable()).isTrue();
      assertThat(outcomes.get(3).failure()).hasMessageContaining("async.operations.all");
      wm.verify(1, putRequestedFor(urlPathEqualTo("/rest/all/async/bulk/V1/products/bySku")));
    } finally {
      wm.stop();
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }
}
