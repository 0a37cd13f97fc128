package io.commercesync.testkit.dynamicsgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator against the GP samples, through the agent protocol as the wire defines it. */
class GpSimulatorTest {

  static final String SECRET = "sim-test-secret";
  static final Instant NOW = Instant.parse("2024-03-14T15:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final GpSimulator sim = GpSimulator.start(GpSimulator.options().secret(SECRET)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC)));
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    sim.close();
  }

  static String sample(String name) throws Exception {
    try (InputStream in = GpSimulatorTest.class.getResourceAsStream("/dynamics-gp/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The sample order under web order number {@code n} (the sample's own number is already in the seeded history). */
  static String order(int n) throws Exception {
    return sample("sop-order.xml").replace("100045871", Integer.toString(n));
  }

  HttpResponse<String> post(String path, String body, String secret, long timestamp) throws Exception {
    return AgentRequests.post(http, sim.baseUri(), path, body, secret, timestamp);
  }

  JsonNode submit(String xml) throws Exception {
    HttpResponse<String> r = post("/v1/companies/TWO/documents", xml, SECRET, NOW.getEpochSecond());
    assertThat(r.statusCode()).as(r.body()).isIn(200, 202);
    return JSON.readTree(r.body()).path("transactions").get(0);
  }

  @Test
  void sampleOrder_isApplied_once() throws Exception {
    JsonNode first = submit(order(300001));
    assertThat(first.path("status").asText()).isEqualTo("APPLIED");
    assertThat(first.path("documentKey").asText()).isEqualTo("WEB300001");
    assertThat(submit(order(300001)).path("status").asText()).isEqualTo("ALREADY_APPLIED");
    assertThat(sim.salesOrders("WEB-300001")).isEqualTo(1);
    String sameNumberOtherKey = order(300001).replace("<MessageID>WEB-300001</MessageID>",
        "<MessageID>another-key</MessageID>");
    JsonNode duplicate = submit(sameNumberOtherKey);
    assertThat(duplicate.path("status").asText()).isEqualTo("FAILED");
    assertThat(duplicate.path("errorText").asText())
        .contains("Error Number = 56  Stored Procedure= taSopHdrIvcInsert  Error Description = Duplicate document number");
    assertThat(sim.salesOrders("WEB-300001")).isEqualTo(1);
    assertThat(sim.salesOrders("WEB-100045871")).as("the seeded history order").isEqualTo(1);
  }

  @Test
  void seededHistory_holdsTheSampleOrder_soResendingItIsADuplicate() throws Exception {
    assertThat(submit(sample("sop-order.xml")).path("errorText").asText()).contains("Error Number = 56");
  }

  @Test
  void unknownCustomer_is598FromTheLines_inEConnectTextFormat() throws Exception {
    JsonNode r = submit(order(300002).replace("WEBJSMITH0001", "WEBNOBODY0001"));
    assertThat(r.path("status").asText()).isEqualTo("FAILED");
    assertThat(r.path("errorText").asText())
        .startsWith("Sql procedure error codes returned:")
        .contains("Error Number = 598  Stored Procedure= taSopLineIvcInsert  Error Description = The Customer Number")
        .contains("Node Identifier Parameters: taSopLineIvcInsert\r\nSOPNUMBE = WEB300002\r\nSOPTYPE = 2")
        .contains("Related Error Code Parameters for Node : taSopLineIvcInsert\r\nCUSTNMBR = WEBNOBODY0001")
        .contains("<taSopLineIvcInsert>");
    assertThat(sim.salesOrders("WEB-300002")).isZero();
  }

  @Test
  void unknownItem_is108_andTotals_are67and235() throws Exception {
    assertThat(submit(order(300003).replace("CBL-USB-C-2M", "NO-SUCH-ITEM")).path("errorText").asText())
        .contains("Error Number = 108  Stored Procedure= taSopLineIvcInsert");
    String totals = order(300004).replace("<SUBTOTAL>61.99</SUBTOTAL>", "<SUBTOTAL>61.98</SUBTOTAL>");
    String text = submit(totals).path("errorText").asText();
    assertThat(text).contains("Error Number = 67  Stored Procedure= taSopHdrIvcInsert")
        .contains("Error Number = 235  Stored Procedure= taSopHdrIvcInsert");
  }

  @Test
  void unbalancedJournal_is944_andTheSampleEntryApplies() throws Exception {
    String gl = sample("gl-entry.xml");
    assertThat(submit(gl.replace("<DEBITAMT>2.44</DEBITAMT>", "<DEBITAMT>2.45</DEBITAMT>")).path("errorText").asText())
        .contains("Error Number = 944  Stored Procedure= taGLTransactionHeaderInsert");
    assertThat(submit(gl).path("status").asText()).isEqualTo("APPLIED");
  }

  @Test
  void customerAndCashReceiptSamples_apply() throws Exception {
    assertThat(submit(sample("customer.xml")).path("status").asText()).isEqualTo("APPLIED");
    assertThat(submit(sample("cash-receipt.xml")).path("status").asText()).isEqualTo("APPLIED");
    String noCard = sample("cash-receipt.xml").replace("<CRCARDID>VISA</CRCARDID>", "").replace("PMT100045871", "PMT2");
    assertThat(submit(noCard).path("errorText").asText()).contains("Error Number = 16  Stored Procedure= taRMCashReceiptInsert");
  }

  @Test
  void badSignature_andStaleTimestamp_areRefused() throws Exception {
    HttpResponse<String> bad = post("/v1/companies/TWO/documents", order(300005), "wrong", NOW.getEpochSecond());
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.body()).contains("bad-signature");
    HttpResponse<String> stale = post("/v1/companies/TWO/documents", order(300005), SECRET,
        NOW.getEpochSecond() - 600);
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(stale.body()).contains("stale-timestamp");
    assertThat(sim.salesOrders("WEB-300005")).isZero();
  }

  @Test
  void gpDown_queues_thenAppliesOnce() throws Exception {
    sim.gpDown(true);
    assertThat(submit(order(300006)).path("status").asText()).isEqualTo("QUEUED");
    assertThat(submit(order(300006)).path("status").asText()).isEqualTo("QUEUED");
    assertThat(sim.salesOrders("WEB-300006")).isZero();
    sim.gpDown(false);
    assertThat(sim.salesOrders("WEB-300006")).isEqualTo(1);
    assertThat(submit(order(300006)).path("status").asText()).isEqualTo("ALREADY_APPLIED");
  }

  @Test
  void lockError_isTransient2079() throws Exception {
    sim.lockErrors(1);
    JsonNode locked = submit(order(300007));
    assertThat(locked.path("errorText").asText()).contains("Error Number = 2079");
    assertThat(submit(order(300007)).path("status").asText()).isEqualTo("APPLIED");
    assertThat(sim.salesOrders("WEB-300007")).isEqualTo(1);
  }

  @Test
  void queries_readGpShapedTables() throws Exception {
    HttpResponse<String> r = post("/v1/companies/TWO/queries/SHIPMENTS_CHANGED",
        "{\"params\":{\"since\":\"2024-03-15T00:00:00Z\",\"limit\":100}}", SECRET, NOW.getEpochSecond());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode rows = JSON.readTree(r.body()).path("rows");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).path("SOPNUMBE").asText().trim()).isEqualTo("INV00031877");
    HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/_sim/stats")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(stats.body()).path("salesOrdersByCstponbr").path("WEB-100045880").asInt()).isEqualTo(1);
  }

  @Test
  void seededLockRate_failsWith2079_deterministically() throws Exception {
    try (GpSimulator always = GpSimulator.start(GpSimulator.options().secret(SECRET).lockRate(1.0)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)))) {
      HttpResponse<String> r = AgentRequests.post(http, always.baseUri(), "/v1/companies/TWO/documents", order(300009),
          SECRET, NOW.getEpochSecond());
      assertThat(JSON.readTree(r.body()).path("transactions").get(0).path("errorText").asText()).contains("Error Number = 2079");
      assertThat(always.salesOrders("WEB-300009")).isZero();
    }
  }
}
