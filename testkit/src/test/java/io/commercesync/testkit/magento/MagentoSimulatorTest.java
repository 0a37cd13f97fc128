package io.commercesync.testkit.magento;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.fault.Fault;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MagentoSimulatorTest {

  private MagentoSimulator sim = MagentoSimulator.start(MagentoSimulator.config().bearerEnabled(true).build());
  private final SimClient client = new SimClient(sim.baseUri())
      .auth("Bearer " + sim.credentials().accessToken());

  @AfterEach
  void stop() {
    sim.close();
  }

  private void restart(MagentoSimulator.Config config) {
    sim.close();
    sim = MagentoSimulator.start(config);
  }

  @Test
  void seed_isDeterministic_andRealistic() {
    try (MagentoSimulator other = MagentoSimulator.start(MagentoSimulator.config().build())) {
      assertThat(other.stats()).isEqualTo(sim.stats());
      long first = sim.orderIds().get(0);
      assertThat(other.orderJson(first)).isEqualTo(sim.orderJson(first));
    }
    JsonNode stats = client.get("/_sim/stats").json();
    assertThat(stats.path("orders").asInt()).isEqualTo(40);
    assertThat(stats.path("customers").asInt()).isEqualTo(25);
    assertThat(stats.path("products").asInt()).isGreaterThan(30);
    // every seeded order reconciles: subtotal - discount + shipping + tax = grand_total
    for (long id : sim.orderIds()) {
      JsonNode o = client.get("/rest/default/V1/orders/" + id).json();
      BigDecimal computed = o.path("subtotal").decimalValue().add(o.path("discount_amount").decimalValue())
          .add(o.path("shipping_amount").decimalValue()).add(o.path("tax_amount").decimalValue());
      assertThat(computed).as("order %s", id).isEqualByComparingTo(o.path("grand_total").decimalValue());
      assertThat(o.path("increment_id").isTextual()).isTrue();
    }
  }

  @Test
  void noCredentials_is401_withTheRealBody() {
    SimClient anonymous = new SimClient(sim.baseUri());
    SimClient.Answer a = anonymous.get("/rest/default/V1/orders/" + sim.orderIds().get(0));
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.json()).isEqualTo(SimClient.sampleJson("error-401.json"));
  }

  @Test
  void integrationTokenAsBearer_isRefusedUnlessEnabled() {
    restart(MagentoSimulator.config().build());
    SimClient bearer = new SimClient(sim.baseUri()).auth("Bearer " + sim.credentials().accessToken());
    assertThat(bearer.get("/rest/default/V1/orders/" + sim.orderIds().get(0)).status()).isEqualTo(401);
  }

  @Test
  void adminToken_wrongPassword2faAndExpiry() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    restart(MagentoSimulator.config().authClock(clock).build());
    SimClient anonymous = new SimClient(sim.baseUri());
    SimClient.Answer wrong = anonymous.post("/rest/all/V1/integration/admin/token",
        "{\"username\":\"erp-sync\",\"password\":\"nope\"}");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().path("message").asText()).startsWith("The account sign-in was incorrect");
    SimClient.Answer ok = anonymous.post("/rest/V1/integration/admin/token",
        "{\"username\":\"erp-sync\",\"password\":\"Sim-Admin-Pass-1\"}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().isTextual()).isTrue();
    SimClient admin = new SimClient(sim.baseUri()).auth("Bearer " + ok.json().asText());
    String path = "/rest/default/V1/orders/" + sim.orderIds().get(0);
    assertThat(admin.get(path).status()).isEqualTo(200);
    clock.advance(Duration.ofHours(4));
    assertThat(admin.get(path).status()).isEqualTo(401);

    restart(MagentoSimulator.config().twoFactorAuth(true).build());
    SimClient.Answer tfa = new SimClient(sim.baseUri()).post("/rest/all/V1/integration/admin/token",
        "{\"username\":\"erp-sync\",\"password\":\"Sim-Admin-Pass-1\"}");
    assertThat(tfa.status()).isEqualTo(401);
    assertThat(tfa.json().path("message").asText())
        .isEqualTo("Please use the 2fa provider-specific endpoints to obtain a token.");
  }

  @Test
  void oauth1_signedRequestPasses_replayedNonceAndWrongSecretFail() throws Exception {
    restart(MagentoSimulator.config().build());
    String path = "/rest/default/V1/orders";
    String query = "searchCriteria%5BpageSize%5D=2&searchCriteria%5BcurrentPage%5D=1";
    long ts = Instant.now().getEpochSecond();
    String good = oauth("GET", path, List.of(new String[] {"searchCriteria[pageSize]", "2"},
        new String[] {"searchCriteria[currentPage]", "1"}), "nonce-1", ts, sim.credentials().consumerSecret());
    SimClient c = new SimClient(sim.baseUri()).auth(good);
    assertThat(c.get(path + "?" + query).status()).isEqualTo(200);
    assertThat(c.get(path + "?" + query).status()).as("same nonce again").isEqualTo(401);
    String bad = oauth("GET", path, List.of(new String[] {"searchCriteria[pageSize]", "2"},
        new String[] {"searchCriteria[currentPage]", "1"}), "nonce-2", ts, "not-the-secret");
    assertThat(new SimClient(sim.baseUri()).auth(bad).get(path + "?" + query).status()).isEqualTo(401);
    String old = oauth("GET", path, List.of(new String[] {"searchCriteria[pageSize]", "2"},
        new String[] {"searchCriteria[currentPage]", "1"}), "nonce-3", ts - 3600, sim.credentials().consumerSecret());
    assertThat(new SimClient(sim.baseUri()).auth(old).get(path + "?" + query).status())
        .as("timestamp an hour off").isEqualTo(401);
  }

  /** An RFC 5849 signature written here from the RFC, independent of the connector's signer. */
  private String oauth(String method, String path, List<String[]> query, String nonce, long ts, String secret)
      throws Exception {
    MagentoSimulator.Credentials c = sim.credentials();
    TreeMap<String, String> params = new TreeMap<>();
    params.put("oauth_consumer_key", c.consumerKey());
    params.put("oauth_nonce", nonce);
    params.put("oauth_signature_method", "HMAC-SHA256");
    params.put("oauth_timestamp", String.valueOf(ts));
    params.put("oauth_token", c.accessToken());
    params.put("oauth_version", "1.0");
    List<String> pairs = new ArrayList<>();
    params.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
    query.forEach(q -> pairs.add(enc(q[0]) + "=" + enc(q[1])));
    pairs.sort(null);
    String base = method + "&" + enc(sim.baseUri() + path) + "&" + enc(String.join("&", pairs));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec((enc(secret) + "&" + enc(c.accessTokenSecret())).getBytes(StandardCharsets.UTF_8),
        "HmacSHA256"));
    String sig = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    StringBuilder h = new StringBuilder("OAuth ");
    params.put("oauth_signature", sig);
    params.forEach((k, v) -> h.append(k).append("=\"").append(enc(v)).append("\", "));
    return h.substring(0, h.length() - 2);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  @Test
  void sampleOrders_areServedAsGiven() {
    long simple = sim.putOrder(SimClient.sample("order-simple.json"));
    assertThat(client.get("/rest/default/V1/orders/" + simple).json())
        .isEqualTo(SimClient.sampleJson("order-simple.json"));
    SimClient.Answer missing = client.get("/rest/default/V1/orders/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("message").asText()).contains("doesn't exist");
  }

  @Test
  void invoiceRequestSample_invoicesTheSimpleOrder_andASecondInvoiceIsRefused() {
    long id = sim.putOrder(SimClient.sample("order-simple.json"));
    SimClient.Answer a = client.post("/rest/default/V1/order/" + id + "/invoice", SimClient.sample("invoice-request.json"));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.json().isNumber()).isTrue();
    JsonNode order = client.get("/rest/default/V1/orders/" + id).json();
    assertThat(order.path("state").asText()).isEqualTo("processing");
    assertThat(order.path("total_paid").decimalValue()).isEqualByComparingTo("63.16");
    assertThat(order.path("items").get(0).path("qty_invoiced").decimalValue()).isEqualByComparingTo("2");
    assertThat(order.path("status_histories").get(0).path("entity_name").asText()).isEqualTo("invoice");
    JsonNode invoice = client.get("/rest/default/V1/invoices/" + a.json().asLong()).json();
    assertThat(invoice.path("comments").get(0).path("comment").asText()).contains("INV-2025-004417");
    SimClient.Answer again = client.post("/rest/default/V1/order/" + id + "/invoice",
        SimClient.sample("invoice-request.json"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().path("message").asText()).startsWith("Invoice Document Validation Error(s):");
  }

  @Test
  void shipRequestSample_shipsTheConfigurableOrder_fromItsMsiSource_andCompletesIt() {
    long id = sim.putOrder(SimClient.sample("order-configurable.json"));
    SimClient.Answer a = client.post("/rest/default/V1/order/" + id + "/ship", SimClient.sample("ship-request.json"));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    JsonNode order = client.get("/rest/default/V1/orders/" + id).json();
    assertThat(order.path("state").asText()).isEqualTo("complete");
    assertThat(order.path("items").get(1).path("qty_shipped").decimalValue()).as("the child ships with its parent")
        .isEqualByComparingTo("1");
    JsonNode stats = client.get("/_sim/stats").json();
    assertThat(stats.path("documents_by_order").path("000001043").path("tracks").get(0).asText())
        .isEqualTo("1Z999AA10123456784");
    JsonNode shipments = client.get("/rest/default/V1/shipments?searchCriteria[filter_groups][0][filters][0][field]="
        + "order_id&searchCriteria[filter_groups][0][filters][0][value]=" + id).json();
    assertThat(shipments.path("total_count").asInt()).isEqualTo(1);
    assertThat(shipments.path("items").get(0).path("extension_attributes").path("source_code").asText())
        .isEqualTo("wh_austin");
    SimClient.Answer again = client.post("/rest/default/V1/order/" + id + "/ship", SimClient.sample("ship-request.json"));
    assertThat(again.status()).isEqualTo(400);
  }

  @Test
  void sourceItemsSample_isSaved_andMoreThan20AreRefused() {
    SimClient.Answer a = client.post("/rest/all/V1/inventory/source-items", SimClient.sample("source-items-request.json")
        .replace("CS-MUG-12OZ", "CS-MUG-STD").replace("CS-TOTE-NAT", "CS-TOTE-STD"));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.body()).isEqualTo("[]");
    assertThat(sim.sourceQuantity("CS-TOTE-STD", "wh_austin")).isEqualByComparingTo("37.5");
    StringBuilder many = new StringBuilder("{\"sourceItems\":[");
    for (int i = 0; i < 21; i++) {
      many.append(i > 0 ? "," : "").append("{\"sku\":\"CS-MUG-STD\",\"source_code\":\"default\",\"quantity\":")
          .append(i).append(",\"status\":1}");
    }
    SimClient.Answer tooMany = client.post("/rest/all/V1/inventory/source-items", many.append("]}").toString());
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("message").asText()).isEqualTo("Maximum items of type \"%type\" is %max");
    assertThat(tooMany.json().path("parameters").path("max").asInt()).isEqualTo(20);
    SimClient.Answer noStatus = client.post("/rest/all/V1/inventory/source-items",
        "{\"sourceItems\":[{\"sku\":\"CS-MUG-STD\",\"source_code\":\"default\",\"quantity\":3}]}");
    assertThat(noStatus.status()).isEqualTo(400);
  }

  @Test
  void customers_createDuplicate404AndValidationBodiesMatchTheSamples() {
    ObjectNode customer = (ObjectNode) SimClient.sampleJson("customer.json").deepCopy();
    customer.remove("id");
    customer.put("email", "new.customer@example.com");
    SimClient.Answer created = client.post("/rest/default/V1/customers", "{\"customer\":" + customer + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("addresses")).hasSize(2);
    assertThat(created.json().path("default_billing").asText())
        .isEqualTo(created.json().path("addresses").get(0).path("id").asText());
    SimClient.Answer dup = client.post("/rest/default/V1/customers", "{\"customer\":" + customer + "}");
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.json().path("message").asText()).contains("same email address already exists");
    SimClient.Answer missing = client.get("/rest/default/V1/customers/99999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json()).isEqualTo(SimClient.sampleJson("error-404.json"));
    customer.remove("firstname");
    customer.remove("lastname");
    customer.put("email", "other@example.com");
    SimClient.Answer invalid = client.post("/rest/default/V1/customers", "{\"customer\":" + customer + "}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json()).isEqualTo(SimClient.sampleJson("error-400.json"));
    // a PUT with an addresses array replaces the set (addresses not listed are deleted)
    long id = created.json().path("id").asLong();
    ObjectNode update = (ObjectNode) created.json().deepCopy();
    ((com.fasterxml.jackson.databind.node.ArrayNode) update.get("addresses")).remove(1);
    assertThat(client.put("/rest/default/V1/customers/" + id, "{\"customer\":" + update + "}").status()).isEqualTo(200);
    assertThat(client.get("/rest/default/V1/customers/" + id).json().path("addresses")).hasSize(1);
  }

  @Test
  void customerSearch_hasTheSampleEnvelope_andAPagePastTheEndReturnsTheLastPageAgain() {
    String q = "/rest/default/V1/customers/search?searchCriteria[filter_groups][0][filters][0][field]=updated_at"
        + "&searchCriteria[filter_groups][0][filters][0][value]=2024-01-01%2000:00:00"
        + "&searchCriteria[filter_groups][0][filters][0][condition_type]=gteq"
        + "&searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC"
        + "&searchCriteria[pageSize]=2&searchCriteria[currentPage]=";
    JsonNode page3 = client.get(q + "3").json();
    JsonNode sample = SimClient.sampleJson("customer-search-response.json");
    assertThat(fieldNames(page3)).isEqualTo(fieldNames(sample));
    assertThat(fieldNames(page3.path("search_criteria"))).isEqualTo(fieldNames(sample.path("search_criteria")));
    assertThat(page3.path("search_criteria").path("current_page").asInt()).isEqualTo(3);
    assertThat(page3.path("total_count").asInt()).isEqualTo(25);
    assertThat(page3.path("items")).hasSize(2);
    JsonNode last = client.get(q + "13").json();
    assertThat(last.path("items")).hasSize(1);
    JsonNode past = client.get(q + "14").json();
    assertThat(past.path("items")).as("page 14 of 13: the last page again").isEqualTo(last.path("items"));
    SimClient.Answer big = client.get("/rest/default/V1/orders?searchCriteria[pageSize]=301");
    assertThat(big.status()).isEqualTo(400);
    assertThat(big.json().path("message").asText()).isEqualTo("Maximum SearchCriteria pageSize is %max");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    return names;
  }

  @Test
  void productWriteInAStoreView_createsAnOverride_andAllWritesGlobally() {
    String sku = "CS-MUG-STD";
    assertThat(client.put("/rest/default/V1/products/" + sku, "{\"product\":{\"name\":\"Renamed\",\"price\":99}}")
        .status()).isEqualTo(200);
    JsonNode scopes = client.get("/_sim/products/" + sku + "/scopes").json();
    assertThat(scopes.path("overrides").path("1").path("name").asText()).isEqualTo("Renamed");
    assertThat(scopes.path("global").path("name").asText()).isEqualTo("Enamel Mug");
    assertThat(scopes.path("global").path("price").decimalValue()).as("price is global").isEqualByComparingTo("99");
    assertThat(client.get("/rest/all/V1/products/" + sku).json().path("name").asText()).isEqualTo("Enamel Mug");
    assertThat(client.get("/rest/default/V1/products/" + sku).json().path("name").asText()).isEqualTo("Renamed");
    client.put("/rest/all/V1/products/CS-TOTE-STD", "{\"product\":{\"name\":\"Global Tote\"}}");
    assertThat(client.get("/_sim/products/CS-TOTE-STD/scopes").json().path("overrides").has("1")).isFalse();
    client.put("/rest/all/V1/products/CS-TOTE-STD", "{\"product\":{\"media_gallery_entries\":[]}}");
    assertThat(client.get("/rest/all/V1/products/CS-TOTE-STD").json().path("media_gallery_entries")).isEmpty();
    assertThat(client.get("/rest/all/V1/products/NOPE").json().path("message").asText())
        .isEqualTo("The product that was requested doesn't exist. Verify the product and try again.");
  }

  @Test
  void commentWithoutStatus_nullsTheStatus_likeMagento() {
    long id = sim.orderIds().get(0);
    client.post("/rest/default/V1/orders/" + id + "/comments", "{\"statusHistory\":{\"comment\":\"hi\"}}");
    assertThat(client.get("/rest/default/V1/orders/" + id).json().path("status").isNull()).isTrue();
    client.post("/rest/default/V1/orders/" + id + "/comments",
        "{\"statusHistory\":{\"comment\":\"again\",\"status\":\"pending\"}}");
    assertThat(client.get("/rest/default/V1/orders/" + id + "/statuses").json().asText()).isEqualTo("pending");
  }

  @Test
  void bulk_completesAfterPolls_withPerOperationResults() {
    restart(MagentoSimulator.config().bearerEnabled(true).bulkCompletesAfterPolls(2).build());
    SimClient c = new SimClient(sim.baseUri()).auth("Bearer " + sim.credentials().accessToken());
    SimClient.Answer submitted = c.put("/rest/all/async/bulk/V1/products/bySku",
        "[{\"product\":{\"sku\":\"CS-MUG-STD\",\"price\":12}},{\"product\":{\"sku\":\"NOPE\",\"price\":1}}]");
    assertThat(submitted.status()).isEqualTo(202);
    String uuid = submitted.json().path("bulk_uuid").asText();
    assertThat(submitted.json().path("request_items").get(0).path("status").asText()).isEqualTo("accepted");
    JsonNode first = c.get("/rest/all/V1/bulk/" + uuid + "/status").json();
    assertThat(first.path("operations_list").get(0).path("status").asInt()).isEqualTo(4);
    JsonNode second = c.get("/rest/all/V1/bulk/" + uuid + "/status").json();
    assertThat(second.path("operations_list").get(0).path("status").asInt()).isEqualTo(1);
    assertThat(second.path("operations_list").get(1).path("status").asInt()).isEqualTo(3);
    assertThat(second.path("operations_list").get(1).path("result_message").asText()).contains("doesn't exist");
    assertThat(c.get("/rest/all/V1/products/CS-MUG-STD").json().path("price").decimalValue())
        .isEqualByComparingTo("12");
  }

  @Test
  void faults_applyToApiCalls_butNotToSimRoutes() {
    sim.faults().enqueue(Fault.rateLimited("3"));
    sim.faults().enqueue(Fault.of(Fault.Kind.UNAVAILABLE));
    assertThat(client.get("/_sim/stats").status()).isEqualTo(200);
    SimClient.Answer limited = client.get("/rest/default/V1/orders/" + sim.orderIds().get(0));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("3");
    assertThat(client.get("/rest/default/V1/orders/" + sim.orderIds().get(0)).status()).isEqualTo(503);
  }

  @Test
  void salableQuantity_isSourceQuantityMinusReservations() {
    String sku = "CS-MUG-STD";
    BigDecimal before = new BigDecimal(client.get("/rest/all/V1/inventory/get-product-salable-quantity/" + sku + "/1")
        .body());
    sim.reserve(sku, new BigDecimal("-2"));
    BigDecimal after = new BigDecimal(client.get("/rest/all/V1/inventory/get-product-salable-quantity/" + sku + "/1")
        .body());
    assertThat(before.subtract(after)).isEqualByComparingTo("2");
  }

  /** A settable clock for token expiry. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
