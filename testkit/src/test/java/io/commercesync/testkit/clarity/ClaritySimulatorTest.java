package io.commercesync.testkit.clarity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator against the shared samples: it must answer what Clarity answers and refuse what it refuses. */
class ClaritySimulatorTest {

  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  ClaritySimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  static byte[] sample(String name) throws IOException {
    try (InputStream in = ClaritySimulatorTest.class.getResourceAsStream("/clarity/" + name)) {
      return in.readAllBytes();
    }
  }

  static JsonNode tree(byte[] bytes) throws IOException {
    return JSON.readTree(bytes);
  }

  HttpResponse<byte[]> call(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  String token() throws Exception {
    HttpResponse<byte[]> r = call("POST", "/api/v1/oauth/token", null);
    HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/v1/oauth/token"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "commercesync:commercesync-secret".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=orders%3Aread")).build();
    r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return "Bearer " + tree(r.body()).get("access_token").asText();
  }

  String session() throws Exception {
    HttpResponse<byte[]> r = call("POST", ClaritySimulator.NATIVE_BASE + "/auth/credentials",
        "{\"UserName\":\"integration\",\"Password\":\"integration-password\",\"RememberMe\":true}");
    assertThat(r.statusCode()).isEqualTo(200);
    return tree(r.body()).get("SessionId").asText();
  }

  @Test
  void v1_sampleOrderCustomerAndProduct_areServedExactlyAsTheSamples() throws Exception {
    sim = ClaritySimulator.start();
    String auth = token();
    assertThat(tree(call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth).body()))
        .isEqualTo(tree(sample("order.json")));
    assertThat(tree(call("GET", "/api/v1/customers/cus_20311", null, "Authorization", auth).body()))
        .isEqualTo(tree(sample("customer.json")));
    assertThat(tree(call("GET", "/api/v1/products/WID-100-BLK", null, "Authorization", auth).body()))
        .isEqualTo(tree(sample("product.json")));
    JsonNode page = tree(call("GET", "/api/v1/orders?updatedSince=2024-05-14T15:42:09Z&page=1&pageSize=50",
        null, "Authorization", auth).body());
    assertThat(page).isEqualTo(tree(sample("orders-page.json")));
  }

  @Test
  void returns_servedOnBothDialects_pagedAndFilteredByChangeTime_neverMoreThanOrdered() throws Exception {
    sim = ClaritySimulator.start();
    String first = sim.refund("CS-100045", java.math.BigDecimal.ONE, new java.math.BigDecimal("2.50"));
    sim.clock().advance(Duration.ofMinutes(1));
    String second = sim.refund("CS-100045", "Pending", java.math.BigDecimal.ZERO,
        new ClaritySimulator.RefundLine("li_2", java.math.BigDecimal.ONE));
    assertThat(first).isEqualTo("CS-100045-R1");
    assertThat(second).isEqualTo("CS-100045-R2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.refund("CS-100045", "Completed",
        java.math.BigDecimal.ZERO, new ClaritySimulator.RefundLine("li_2", java.math.BigDecimal.TEN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot return");

    String auth = token();
    JsonNode v1 = tree(call("GET", "/api/v1/returns?page=1&pageSize=1", null, "Authorization", auth).body());
    assertThat(v1.path("pagination").path("totalPages").asInt()).isEqualTo(2);
    JsonNode r1 = v1.path("data").get(0);
    assertThat(r1.path("returnNumber").asText()).isEqualTo(first);
    assertThat(r1.path("orderNumber").asText()).isEqualTo("CS-100045");
    assertThat(r1.path("status").asText()).isEqualTo("refunded");
    assertThat(r1.path("adjustmentAmount").decimalValue()).isEqualByComparingTo("-2.50");
    JsonNode since = tree(call("GET", "/api/v1/returns?updatedSince=" + sim.clock().instant(), null,
        "Authorization", auth).body());
    assertThat(since.path("data")).hasSize(1);
    assertThat(since.path("data").get(0).path("status").asText()).isEqualTo("requested");

    String session = session();
    JsonNode page = tree(call("GET", ClaritySimulator.NATIVE_BASE + "/Returning/SalesReturns?Paging=%7BStartIndex:1,Size:50%7D",
        null, "X-ss-id", session).body());
    assertThat(page.path("TotalCount").asInt()).isEqualTo(2);
    JsonNode n1 = page.path("Results").get(0);
    assertThat(n1.path("CustomKey").asText()).isEqualTo(first);
    assertThat(n1.path("StatusKey").asText()).isEqualTo("Completed");
    assertThat(n1.path("SalesOrderIDs").get(0).asInt()).isEqualTo(10045);
    assertThat(n1.path("RefundAmount").decimalValue()).isEqualByComparingTo(n1.path("Totals").path("Total").decimalValue());
    assertThat(n1.path("SalesItems").get(0).path("RestockingFeeAmount").decimalValue()).isEqualByComparingTo("2.50");
    JsonNode byKey = tree(call("GET", ClaritySimulator.NATIVE_BASE + "/Returning/SalesReturn/Key/" + second, null,
        "X-ss-id", session).body());
    assertThat(byKey.path("StatusKey").asText()).isEqualTo("Pending");
    HttpResponse<byte[]> overHttp = call("POST", "/_sim/orders/CS-100045/refund?qty=1&status=Rejected", null);
    assertThat(overHttp.statusCode()).isEqualTo(201);
    assertThat(tree(overHttp.body()).path("status").asText()).isEqualTo("rejected");
  }

  @Test
  void native_sampleSalesOrder_carriesTheRealCefFieldsAndValues() throws Exception {
    sim = ClaritySimulator.start();
    String session = session();
    JsonNode served = tree(call("GET", ClaritySimulator.NATIVE_BASE + "/Ordering/SalesOrder/ID/10045", null,
        "X-ss-id", session).body());
    JsonNode sample = tree(sample("cef-native-salesorder.json"));
    for (String f : new String[] {"ID", "CustomKey", "StatusKey", "AccountID", "AccountKey", "UserKey",
        "PaymentTransactionID", "ShippingSameAsBilling", "CreatedDate", "UpdatedDate"}) {
      assertThat(served.get(f)).as(f).isEqualTo(sample.get(f));
    }
    for (String t : new String[] {"SubTotal", "Shipping", "Handling", "Fees", "Discounts", "Tax", "Total"}) {
      assertThat(served.get("Totals").get(t).decimalValue()).as(t)
          .isEqualByComparingTo(sample.get("Totals").get(t).decimalValue());
    }
    assertThat(served.get("BalanceDue").decimalValue()).isEqualByComparingTo("0.00");
    for (int i = 0; i < 2; i++) {
      JsonNode a = served.get("SalesItems").get(i);
      JsonNode b = sample.get("SalesItems").get(i);
      for (String f : new String[] {"Sku", "Name", "Quantity", "UnitSoldPrice", "ExtendedPrice", "ExtendedTaxAmount"}) {
        assertThat(a.get(f).asText()).as("SalesItems[" + i + "]." + f).isEqualTo(b.get(f).asText());
      }
    }
    for (String f : new String[] {"Street1", "Street2", "City", "RegionCode", "PostalCode", "CountryCode"}) {
      assertThat(served.get("BillingContact").get("Address").get(f)).as(f)
          .isEqualTo(sample.get("BillingContact").get("Address").get(f));
    }
  }

  @Test
  void webhookSigner_reproducesTheSampleSignature() throws Exception {
    sim = ClaritySimulator.start();
    sim.webhooks().target(URI.create("http://127.0.0.1:1/unused"), "whsec_commercesync_test_2f8a1c9e");
    assertThat(sim.webhooks().sign(1715701330L, sample("webhook-order-created.json")))
        .isEqualTo("v1=685586cc3d490d38e8a456fe91c78895ee9d41ed295ff92bb14db339c75083a2");
  }

  @Test
  void inventorySample_isAccepted_andSetsAbsoluteLevels() throws Exception {
    sim = ClaritySimulator.start();
    String auth = token();
    sim.setOrderStatus("CS-100045", "Pending");
    HttpResponse<byte[]> r = call("POST", "/api/v1/inventory/levels", new String(sample("inventory-update-request.json"),
        StandardCharsets.UTF_8), "Authorization", auth, "Idempotency-Key", "3f0f6e2c-0000-4000-8000-000000000001");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(sim.stock("WID-100-BLK", "AUSTIN")).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("140"));
    JsonNode product = tree(call("GET", "/api/v1/products/WID-100-BLK", null, "Authorization", auth).body());
    assertThat(product.get("inventory").get("available").decimalValue()).isEqualByComparingTo("159");
  }

  @Test
  void shipmentSample_isCreatedOnce_perIdempotencyKey_andAReusedKeyWithAnotherBodyConflicts() throws Exception {
    sim = ClaritySimulator.start();
    String auth = token();
    String body = new String(sample("shipment-request.json"), StandardCharsets.UTF_8);
    HttpResponse<byte[]> first = call("POST", "/api/v1/orders/ord_10045/shipments", body, "Authorization", auth,
        "Idempotency-Key", "k-1");
    HttpResponse<byte[]> replay = call("POST", "/api/v1/orders/ord_10045/shipments", body, "Authorization", auth,
        "Idempotency-Key", "k-1");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(replay.statusCode()).isEqualTo(201);
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(tree(replay.body()).get("shipmentId")).isEqualTo(tree(first.body()).get("shipmentId"));
    assertThat(sim.shipmentCount("CS-100045")).isEqualTo(1);
    HttpResponse<byte[]> conflict = call("POST", "/api/v1/orders/ord_10045/shipments",
        body.replace("WS000871", "WS000872"), "Authorization", auth, "Idempotency-Key", "k-1");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(tree(conflict.body()).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(tree(sim.statsJson().getBytes(StandardCharsets.UTF_8)).get("shipmentsPerOrder").get("CS-100045").asInt())
        .isEqualTo(1);
  }

  @Test
  void rateLimit_answers429_likeTheSample_withRetryAfterAndRateLimitHeaders() throws Exception {
    sim = ClaritySimulator.start(ClaritySimulator.options().rateLimit(2, Duration.ofSeconds(60)));
    String auth = token();
    call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth);
    HttpResponse<byte[]> ok = call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).contains("0");
    HttpResponse<byte[]> limited = call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("60");
    assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(limited.headers().firstValue("X-RateLimit-Limit")).contains("2");
    JsonNode problem = tree(limited.body());
    JsonNode expected = tree(sample("error-429.json"));
    expected.fieldNames().forEachRemaining(f -> assertThat(problem.has(f)).as(f).isTrue());
    assertThat(problem.get("code").asText()).isEqualTo("RATE_LIMITED");
    assertThat(problem.get("retryAfterSeconds").asInt()).isEqualTo(60);
    sim.clock().advance(Duration.ofSeconds(60));
    assertThat(call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth).statusCode()).isEqualTo(200);
  }

  @Test
  void workflow_refusedTransition_isActionSucceededFalseOnHttp200() throws Exception {
    sim = ClaritySimulator.start();
    String session = session();
    String base = ClaritySimulator.NATIVE_BASE + "/Ordering/SalesOrder/";
    HttpResponse<byte[]> confirm = call("PATCH", base + "Confirm/10045", null, "X-ss-id", session);
    assertThat(tree(confirm.body()).get("ActionSucceeded").asBoolean()).isTrue();
    assertThat(sim.orderStatus("CS-100045")).contains("Confirmed");
    call("PATCH", base + "Complete/10045", null, "X-ss-id", session);
    HttpResponse<byte[]> voided = call("PATCH", base + "Void/10045", null, "X-ss-id", session);
    assertThat(voided.statusCode()).isEqualTo(200);
    assertThat(tree(voided.body()).get("ActionSucceeded").asBoolean()).isFalse();
    assertThat(tree(voided.body()).get("Messages").get(0).asText()).contains("Completed");
    assertThat(sim.orderStatus("CS-100045")).contains("Completed");
    sim.failNextAction("Inventory allocation failed");
    HttpResponse<byte[]> failed = call("PATCH", base + "Hold/10046", null, "X-ss-id", session);
    assertThat(tree(failed.body()).get("Messages").get(0).asText()).isEqualTo("Inventory allocation failed");
  }

  @Test
  void nativePaging_isOneBased_withTotalPages_andModifiedSinceFilters() throws Exception {
    sim = ClaritySimulator.start();
    String session = session();
    JsonNode page2 = tree(call("GET", ClaritySimulator.NATIVE_BASE
        + "/Ordering/SalesOrders?Paging=%7BStartIndex:2,Size:5%7D", null, "X-ss-id", session).body());
    assertThat(page2.get("CurrentPage").asInt()).isEqualTo(2);
    assertThat(page2.get("TotalCount").asInt()).isEqualTo(21);
    assertThat(page2.get("TotalPages").asInt()).isEqualTo(5);
    assertThat(page2.get("Results")).hasSize(5);
    JsonNode dotted = tree(call("GET", ClaritySimulator.NATIVE_BASE
        + "/Ordering/SalesOrders?Paging.StartIndex=5&Paging.Size=5", null, "X-ss-id", session).body());
    assertThat(dotted.get("Results")).hasSize(1);
    JsonNode since = tree(call("GET", ClaritySimulator.NATIVE_BASE
        + "/Ordering/SalesOrders?ModifiedSince=2024-05-14T15:42:09Z", null, "X-ss-id", session).body());
    assertThat(since.get("TotalCount").asInt()).isEqualTo(1);
    assertThat(since.get("Results").get(0).get("CustomKey").asText()).isEqualTo("CS-100045");
  }

  @Test
  void credentials_areRequired_andTokensExpireOnTheSimClock() throws Exception {
    sim = ClaritySimulator.start();
    HttpResponse<byte[]> v1 = call("GET", "/api/v1/orders/ord_10045", null);
    assertThat(v1.statusCode()).isEqualTo(401);
    assertThat(tree(v1.body()).get("code").asText()).isEqualTo("UNAUTHORIZED");
    HttpResponse<byte[]> cef = call("GET", ClaritySimulator.NATIVE_BASE + "/Ordering/SalesOrder/ID/10045", null);
    assertThat(cef.statusCode()).isEqualTo(401);
    assertThat(tree(cef.body()).get("StatusDescription").asText()).isEqualTo("Unauthorized");
    String auth = token();
    assertThat(call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth).statusCode()).isEqualTo(200);
    sim.clock().advance(Duration.ofHours(1));
    assertThat(call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/v1/orders/ord_10045", null, "X-Api-Key", "clarity-api-key").statusCode())
        .isEqualTo(200);
    HttpResponse<byte[]> badLogin = call("POST", ClaritySimulator.NATIVE_BASE + "/auth/credentials",
        "{\"UserName\":\"integration\",\"Password\":\"wrong\"}");
    assertThat(badLogin.statusCode()).isEqualTo(401);
    assertThat(tree(badLogin.body()).get("ResponseStatus").get("Message").asText()).isEqualTo("Invalid UserName or Password");
  }

  @Test
  void validation_refusesStringMoneyAndOverlongFields_withTheRealErrorShapes() throws Exception {
    sim = ClaritySimulator.start();
    String auth = token();
    HttpResponse<byte[]> stringPrice = call("PATCH", "/api/v1/products/WID-100-BLK", "{\"price\":\"19.990\"}",
        "Authorization", auth);
    assertThat(stringPrice.statusCode()).isEqualTo(422);
    JsonNode error = tree(stringPrice.body()).get("errors").get(0);
    assertThat(error.get("pointer").asText()).isEqualTo("/price");
    assertThat(error.get("code").asText()).isEqualTo("INVALID_TYPE");
    String session = session();
    HttpResponse<byte[]> longTracking = call("POST", ClaritySimulator.NATIVE_BASE + "/Shipping/Shipment/Upsert",
        "{\"CustomKey\":\"WS1\",\"TrackingNumber\":\"" + "9".repeat(101) + "\",\"SalesOrderIDs\":[10045]}",
        "X-ss-id", session);
    assertThat(longTracking.statusCode()).isEqualTo(400);
    JsonNode rs = tree(longTracking.body()).get("ResponseStatus");
    assertThat(rs.get("Errors").get(0).get("FieldName").asText()).isEqualTo("TrackingNumber");
    assertThat(rs.get("Errors").get(0).get("ErrorCode").asText()).isEqualTo("MaximumLength");
  }

  @Test
  void nativeProductUpdate_replacesTheModel_soAnOmittedDescriptionIsCleared() throws Exception {
    sim = ClaritySimulator.start();
    String session = session();
    JsonNode product = tree(call("GET", ClaritySimulator.NATIVE_BASE + "/Products/Product/Key/WID-100-BLK", null,
        "X-ss-id", session).body());
    assertThat(product.get("SeoUrl").asText()).isEqualTo("widget-100-black");
    HttpResponse<byte[]> partial = call("PUT", ClaritySimulator.NATIVE_BASE + "/Products/Product/Update",
        "{\"ID\":5521,\"CustomKey\":\"WID-100-BLK\",\"Name\":\"Widget 100, black\",\"PriceBase\":26.5}", "X-ss-id", session);
    assertThat(tree(partial.body()).get("ActionSucceeded").asBoolean()).isTrue();
    assertThat(sim.productField("WID-100-BLK", "description")).isEmpty();
    assertThat(sim.nativeProductField("WID-100-BLK", "SeoUrl")).isEmpty();
  }

  @Test
  void faults_followTheSharedSchedule_butNeverHitSimRoutes() throws Exception {
    FaultSchedule faults = FaultSchedule.none();
    sim = ClaritySimulator.start(ClaritySimulator.options().faults(faults));
    String auth = token();
    faults.enqueue(Fault.of(Fault.Kind.UNAVAILABLE));
    assertThat(call("GET", "/_sim/stats", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth).statusCode()).isEqualTo(503);
    assertThat(call("GET", "/api/v1/orders/ord_10045", null, "Authorization", auth).statusCode()).isEqualTo(200);
  }

  @Test
  void seededData_isRealistic_deterministic_andMultilingual() throws Exception {
    sim = ClaritySimulator.start();
    String first = sim.statsJson();
    String session = session();
    JsonNode accounts = tree(call("GET", ClaritySimulator.NATIVE_BASE + "/Accounts/Accounts", null, "X-ss-id", session)
        .body());
    assertThat(accounts.toString()).contains("Żółkiewski").contains("王").contains("Иванов");
    assertThat(sim.orderStatus("CS-100049")).contains("Awaiting Credit Check");
    try (ClaritySimulator again = ClaritySimulator.start()) {
      assertThat(again.statsJson().replaceAll("\"requests\":\\{.*}", ""))
          .isEqualTo(first.replaceAll("\"requests\":\\{.*}", ""));
    }
  }

  @Test
  void signedWebhooks_areQueuedOnChanges_andDeliveredInOrderReversedOrAgain() throws Exception {
    sim = ClaritySimulator.start();
    java.util.List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    hook.createContext("/hooks", ex -> {
      received.add(new String[] {ex.getRequestHeaders().getFirst("X-Clarity-Webhook-Id"),
          ex.getRequestHeaders().getFirst("X-Clarity-Event"), ex.getRequestHeaders().getFirst("X-Clarity-Signature"),
          ex.getRequestHeaders().getFirst("X-Clarity-Timestamp"),
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    hook.start();
    try {
      sim.webhooks().target(URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hooks"), "whsec_test");
      String number = sim.addOrder(new String(sample("order.json"), StandardCharsets.UTF_8)
          .replace("ord_10045", "ord_30001").replace("CS-100045", "CS-300001"));
      sim.setOrderStatus(number, "Confirmed");
      assertThat(sim.webhooks().pending()).extracting(WebhookOutbox.Delivery::type)
          .containsExactly("order.created", "order.updated");
      sim.webhooks().deliverAllReversed();
      assertThat(received).extracting(r -> r[1]).containsExactly("order.updated", "order.created");
      String[] created = received.get(1);
      assertThat(created[2]).isEqualTo(sim.webhooks().sign(Long.parseLong(created[3]),
          created[4].getBytes(StandardCharsets.UTF_8)));
      assertThat(created[4]).contains("\"orderNumber\":\"CS-300001\"");
      sim.webhooks().redeliver(created[0]);
      assertThat(received).hasSize(3);
      assertThat(received.get(2)[0]).isEqualTo(created[0]);
    } finally {
      hook.stop(0);
    }
  }
}
