package io.commercesync.testkit.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SL simulator against the shared sample payloads. */
class SlSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLES = Path.of("src", "test", "resources", "dynamics-sl");

  private final FaultSchedule faults = FaultSchedule.none();
  private final String jdbc = "jdbc:h2:mem:slsim" + System.nanoTime() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
  private final SlSimulator sim = SlSimulator.builder().faults(faults).jdbcUrl(jdbc).start();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stop() {
    sim.close();
  }

  static ObjectNode sample(String name) throws IOException {
    return (ObjectNode) JSON.readTree(Files.readAllBytes(SAMPLES.resolve(name)));
  }

  record Answer(int status, JsonNode body) {}

  Answer call(String method, String path, JsonNode body, String cpny, String idempotencyKey) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUri() + path))
        .header("X-API-Key", "sim-key").header("X-API-Secret", "sim-secret")
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (cpny != null) {
      b.header("X-SL-CpnyID", cpny);
    }
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
  }

  @Test
  void createOrder_sample_assignsOrdNbr_computesTotals_andAllocatesStock() throws Exception {
    Answer a = call("POST", "/api/SalesOrder", sample("salesorder-create-request.json"), "0060", null);
    assertThat(a.status()).isEqualTo(201);
    JsonNode h = a.body().get("SOHeader");
    assertThat(h.get("OrdNbr").asText()).isEqualTo("WO004512");
    assertThat(h.get("Status").asText()).isEqualTo("O");
    assertThat(h.get("CuryTotMerch").decimalValue()).isEqualByComparingTo("104.97");
    assertThat(h.get("CuryTotOrd").decimalValue()).isEqualByComparingTo("103.92"); // no tax sent
    assertThat(h.get("PerPost").asText()).isEqualTo("202405");
    assertThat(h.get("Crtd_Prog").asText()).isEqualTo("40100");
    assertThat(a.body().get("SOLine").get(0).get("CuryTotOrd").decimalValue()).isEqualByComparingTo("49.98");
    Answer stock = call("GET", "/api/Inventory?InvtID=WID-100-BLK", null, "0060", null);
    JsonNode austin = stock.body().get("ItemSite").get(0);
    assertThat(austin.get("QtyAlloc").decimalValue()).isEqualByComparingTo("14");
    assertThat(austin.get("QtyAvail").decimalValue()).isEqualByComparingTo("126");
  }

  @Test
  void createOrder_overLengthInvtIdAndUnknownShipVia_answersTheSampleProblem() throws Exception {
    ObjectNode order = sample("salesorder-create-request.json");
    ((ObjectNode) order.get("SOHeader")).put("ShipViaID", "FEDEX-2DAY");
    ((ObjectNode) order.get("SOLine").get(1)).put("InvtID", "GAD-220-EXTENDED-WARRANTY-BUNDLE-X");
    Answer a = call("POST", "/api/SalesOrder", order, "0060", null);
    JsonNode expected = sample("error-400.json");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("code").asText()).isEqualTo(expected.get("code").asText());
    assertThat(a.body().get("status").asInt()).isEqualTo(400);
    assertThat(a.body().get("title").asText()).isEqualTo(expected.get("title").asText());
    List<String> got = new ArrayList<>();
    a.body().get("errors").forEach(e -> got.add(e.get("pointer").asText() + " " + e.get("table").asText() + "."
        + e.get("column").asText() + " " + e.get("code").asText() + " " + e.path("maxLength").asText("")
        + " " + e.path("actualLength").asText("")));
    List<String> want = new ArrayList<>();
    expected.get("errors").forEach(e -> want.add(e.get("pointer").asText() + " " + e.get("table").asText() + "."
        + e.get("column").asText() + " " + e.get("code").asText() + " " + e.path("maxLength").asText("")
        + " " + e.path("actualLength").asText("")));
    assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    assertThat(a.body().get("errors").get(0).get("message").asText())
        .isEqualTo(expected.get("errors").get(0).get("message").asText());
    assertThat(sim.ordersPerCustOrdNbr()).isEmpty();
  }

  /** The sample order as a credit memo (order type CM) for storefront credit memo {@code number}. */
  static ObjectNode creditMemo(String number, String origOrdNbr) throws IOException {
    ObjectNode doc = sample("salesorder-create-request.json");
    ObjectNode h = (ObjectNode) doc.get("SOHeader");
    h.put("SOTypeID", "CM").put("CustOrdNbr", number).put("User3", "CS-100045").remove("ShipViaID");
    if (origOrdNbr != null) {
      h.put("OrigOrdNbr", origOrdNbr);
    }
    return doc;
  }

  @Test
  void creditMemo_isAnOrderOfTypeCm_allocatingNoStock_foundBySoTypeId_andCountedApart() throws Exception {
    Answer order = call("POST", "/api/SalesOrder", sample("salesorder-create-request.json"), "0060", null);
    String ordNbr = order.body().get("SOHeader").get("OrdNbr").asText();
    JsonNode before = call("GET", "/api/Inventory?InvtID=WID-100-BLK", null, "0060", null).body().get("ItemSite").get(0);

    Answer memo = call("POST", "/api/SalesOrder", creditMemo("CS-100045", ordNbr), "0060", null);
    assertThat(memo.status()).isEqualTo(201);
    JsonNode h = memo.body().get("SOHeader");
    assertThat(h.get("OrdNbr").asText()).startsWith("CM");
    assertThat(h.get("SOTypeID").asText()).isEqualTo("CM");
    assertThat(h.get("OrigOrdNbr").asText()).isEqualTo(ordNbr);
    assertThat(h.get("CuryTotMerch").decimalValue()).isEqualByComparingTo("104.97");
    // stock moves when SL processes the credit memo, not on entry
    JsonNode after = call("GET", "/api/Inventory?InvtID=WID-100-BLK", null, "0060", null).body().get("ItemSite").get(0);
    assertThat(after.get("QtyOnHand")).isEqualTo(before.get("QtyOnHand"));
    assertThat(after.get("QtyAlloc")).isEqualTo(before.get("QtyAlloc"));
    assertThat(after.get("QtyAvail")).isEqualTo(before.get("QtyAvail"));

    // the order and the credit memo share CustOrdNbr here; SOTypeID tells them apart
    Answer memos = call("GET", "/api/SalesOrder?CustID=C20311&CustOrdNbr=CS-100045&SOTypeID=CM", null, "0060", null);
    assertThat(memos.body()).hasSize(1);
    assertThat(memos.body().get(0).get("SOHeader").get("OrdNbr").asText()).isEqualTo(h.get("OrdNbr").asText());
    Answer orders = call("GET", "/api/SalesOrder?CustID=C20311&CustOrdNbr=CS-100045&SOTypeID=SO", null, "0060", null);
    assertThat(orders.body()).hasSize(1);
    assertThat(call("GET", "/api/SalesOrder?CustID=C20311&CustOrdNbr=CS-100045", null, "0060", null).body()).hasSize(2);

    JsonNode stats = call("GET", "/_sim/stats", null, null, null).body();
    assertThat(stats.get("salesOrders").asInt()).isEqualTo(1);
    assertThat(stats.get("creditMemoOrders").asInt()).isEqualTo(1);
    assertThat(stats.get("creditMemosPerCustOrdNbr").get("CS-100045").asInt()).isEqualTo(1);
    assertThat(stats.get("ordersPerCustOrdNbr").get("CS-100045").asInt()).isEqualTo(1);
    assertThat(stats.get("duplicateCreditMemoNbrs")).isEmpty();
    call("POST", "/api/SalesOrder", creditMemo("CS-100045", null), "0060", null);
    assertThat(sim.creditMemosPerCustOrdNbr()).containsEntry("CS-100045", 2);
    assertThat(call("GET", "/_sim/stats", null, null, null).body().get("duplicateCreditMemoNbrs"))
        .extracting(JsonNode::asText).containsExactly("CS-100045");
  }

  @Test
  void creditMemo_isValidatedLikeAnOrder_andItsTypeAndOriginalOrderMustExist() throws Exception {
    ObjectNode memo = creditMemo("CM-1", "WO999999");
    ((ObjectNode) memo.get("SOHeader")).put("CustID", "C99999");
    ((ObjectNode) memo.get("SOLine").get(0)).put("InvtID", "NO-SUCH-ITEM");
    ((ObjectNode) memo.get("SOLine").get(1)).put("SiteID", "ELPASO");
    Answer a = call("POST", "/api/SalesOrder", memo, "0060", null);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("errors")).extracting(e -> e.get("pointer").asText() + " " + e.get("code").asText())
        .containsExactlyInAnyOrder("/SOHeader/CustID NOT_FOUND", "/SOHeader/OrigOrdNbr NOT_FOUND",
            "/SOLine/0/InvtID NOT_FOUND", "/SOLine/1/SiteID NOT_FOUND");
    ObjectNode unknownType = creditMemo("CM-2", null);
    ((ObjectNode) unknownType.get("SOHeader")).put("SOTypeID", "RC");
    assertThat(call("POST", "/api/SalesOrder", unknownType, "0060", null).body().get("errors"))
        .extracting(e -> e.get("pointer").asText() + " " + e.get("code").asText())
        .containsExactly("/SOHeader/SOTypeID NOT_FOUND");
    assertThat(sim.creditMemosPerCustOrdNbr()).isEmpty();
  }

  @Test
  void createOrder_widthBoundaries_nAcceptedAndNPlusOneRejected() throws Exception {
    ObjectNode order = sample("salesorder-create-request.json");
    ((ObjectNode) order.get("SOHeader")).put("CustOrdNbr", "X".repeat(25)).put("ShipName", "N".repeat(60));
    assertThat(call("POST", "/api/SalesOrder", order, "0060", null).status()).isEqualTo(201);
    ((ObjectNode) order.get("SOHeader")).put("CustOrdNbr", "X".repeat(26)).put("ShipName", "N".repeat(61));
    Answer a = call("POST", "/api/SalesOrder", order, "0060", null);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("errors")).extracting(e -> e.get("column").asText() + "=" + e.get("maxLength").asInt())
        .containsExactlyInAnyOrder("CustOrdNbr=25", "ShipName=60");
  }

  @Test
  void createOrder_refusesWrongCaseColumnsCodePageAndOrdNbr() throws Exception {
    ObjectNode order = sample("salesorder-create-request.json");
    ObjectNode header = (ObjectNode) order.get("SOHeader");
    header.put("CustId", header.get("CustID").asText());
    header.put("ShipName", "李小龍");
    header.put("OrdNbr", "WO000001");
    Answer a = call("POST", "/api/SalesOrder", order, "0060", null);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("errors")).extracting(e -> e.get("code").asText())
        .containsExactlyInAnyOrder("UNKNOWN_COLUMN", "CODE_PAGE", "ASSIGNED_BY_SL");
    assertThat(a.body().get("errors").toString()).contains("spelled CustID in this table");
  }

  @Test
  void idempotencyKey_replaysTheFirstAnswer_andRefusesAnotherBody() throws Exception {
    ObjectNode order = sample("salesorder-create-request.json");
    Answer first = call("POST", "/api/SalesOrder", order, "0060", "k-1");
    Answer again = call("POST", "/api/SalesOrder", order, "0060", "k-1");
    assertThat(again.body().get("SOHeader").get("OrdNbr")).isEqualTo(first.body().get("SOHeader").get("OrdNbr"));
    assertThat(sim.ordersPerCustOrdNbr()).containsEntry("CS-100045", 1);
    ((ObjectNode) order.get("SOHeader")).put("CustOrdNbr", "CS-100046");
    Answer other = call("POST", "/api/SalesOrder", order, "0060", "k-1");
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.body().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void lostResponse_appliesTheOrder_andStatsShowTheDuplicateOfANaiveRetry() throws Exception {
    faults.enqueue(c -> c.method().equals("POST"), Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    ObjectNode order = sample("salesorder-create-request.json");
    try {
      call("POST", "/api/SalesOrder", order, "0060", null);
    } catch (IOException expected) {
      // the connection closed after the commit
    }
    call("POST", "/api/SalesOrder", order, "0060", null);
    Answer stats = call("GET", "/_sim/stats", null, null, null);
    assertThat(stats.body().get("ordersPerCustOrdNbr").get("CS-100045").asInt()).isEqualTo(2);
    assertThat(stats.body().get("duplicateCustOrdNbrs").get(0).asText()).isEqualTo("CS-100045");
    Answer found = call("GET", "/api/SalesOrder?CustID=C20311&CustOrdNbr=CS-100045", null, "0060", null);
    assertThat(found.body()).hasSize(2);
  }

  @Test
  void glSample_isAccepted_withABatNbr_andUnbalancedOrOverlongIsRefused() throws Exception {
    ObjectNode gl = sample("gl-transaction-request.json");
    Answer ok = call("POST", "/api/GeneralLedger/Transactions", gl, "0060", null);
    assertThat(ok.status()).isEqualTo(201);
    assertThat(ok.body().get("Batch").get("BatNbr").asText()).matches("\\d{6}");
    assertThat(ok.body().get("GLTran")).hasSize(3);
    ((ObjectNode) gl.get("GLTran").get(2)).put("CuryCrAmt", 1114.10);
    ((ObjectNode) gl.get("Batch")).put("Descr", "Web card settlement 2024-05-14X");
    Answer bad = call("POST", "/api/GeneralLedger/Transactions", gl, "0060", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("errors")).extracting(e -> e.get("code").asText())
        .containsExactlyInAnyOrder("UNBALANCED", "MAX_LENGTH_EXCEEDED");
  }

  @Test
  void customerSample_existsAlready_andANewOneIsCreatedAndRead() throws Exception {
    ObjectNode customer = sample("customer.json");
    Answer dup = call("POST", "/api/Customer", customer, "0060", null);
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.body().get("code").asText()).isEqualTo("DUPLICATE");
    ((ObjectNode) customer.get("Customer")).put("CustId", "C99001");
    for (JsonNode a : customer.get("SOAddress")) {
      ((ObjectNode) a).put("CustId", "C99001");
    }
    assertThat(call("POST", "/api/Customer", customer, "0060", null).status()).isEqualTo(201);
    Answer read = call("GET", "/api/Customer/C99001", null, "0060", null);
    assertThat(read.body().get("Customer").get("EMailAddr").asText()).isEqualTo("maria.lopez@example.com");
    assertThat(read.body().get("SOAddress")).hasSize(2);
    Answer search = call("GET", "/api/Customer?EMailAddr=MARIA.LOPEZ@example.com", null, "0060", null);
    assertThat(search.body()).hasSize(2);
  }

  @Test
  void inventoryAndProduct_matchTheSamples() throws Exception {
    JsonNode expected = sample("inventory-by-site.json");
    Answer stock = call("GET", "/api/Inventory?InvtID=WID-100-BLK", null, "0060", null);
    for (int i = 0; i < 2; i++) {
      JsonNode want = expected.get("ItemSite").get(i);
      JsonNode got = stock.body().get("ItemSite").get(i);
      for (String col : List.of("SiteID", "QtyOnHand", "QtyAlloc", "QtyAvail", "QtyOnPO", "QtyInTransit")) {
        assertThat(got.get(col).asText()).as(col).isEqualTo(want.get(col).asText());
      }
    }
    Answer product = call("GET", "/api/Product/WID-100-BLK", null, null, null);
    assertThat(product.body().get("Inventory").get("StkBasePrc").decimalValue()).isEqualByComparingTo("24.99");
    Answer negative = call("GET", "/api/Inventory?InvtID=BCK-300", null, "0060", null);
    assertThat(negative.body().get("ItemSite").get(0).get("QtyAvail").asInt()).isEqualTo(-3);
  }

  @Test
  void fulfil_createsAShipperWithEveryBoxTrackingNumber_andMirrorsTablesForPolling() throws Exception {
    Answer created = call("POST", "/api/SalesOrder", sample("salesorder-create-request.json"), "0060", null);
    String ordNbr = created.body().get("SOHeader").get("OrdNbr").asText();
    String shipperId = sim.fulfil("0060", ordNbr, List.of("1Z999AA10123456784", "1Z999AA10123456791"), null);
    Answer shipper = call("GET", "/api/Shipper/" + shipperId, null, "0060", null);
    assertThat(shipper.body().get("SOShipHeader").get("CustOrdNbr").asText()).isEqualTo("CS-100045");
    assertThat(shipper.body().get("SOShipPack")).extracting(p -> p.get("TrackingNbr").asText())
        .containsExactly("1Z999AA10123456784", "1Z999AA10123456791");
    try (Connection c = DriverManager.getConnection(jdbc);
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT ShipperID, CustOrdNbr, LUpd_DateTime FROM SOShipHeader WHERE CpnyID = '0060'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("CustOrdNbr")).as("CHAR(25) comes back padded").hasSize(25).startsWith("CS-100045");
      assertThat(rs.getObject("LUpd_DateTime", LocalDateTime.class).getSecond()).isZero();
    }
    ObjectNode tooLong = JSON.createObjectNode();
    ArrayNode boxes = tooLong.putArray("boxes");
    boxes.add("1".repeat(21));
    Answer refused = call("POST", "/_sim/orders/" + ordNbr + "/fulfil?CpnyID=0060", tooLong, null, null);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("errors").get(0).get("maxLength").asInt()).isEqualTo(20);
  }

  @Test
  void payment_appliesToTheInvoice_andADuplicateRefNbrIsRefused() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("ARDoc").put("CustId", "C20311").put("DocType", "PA").put("RefNbr", "PAY0001")
        .put("DocDate", "2024-05-14").put("CuryOrigDocAmt", 100.00).put("CuryId", "USD").put("PerPost", "202405")
        .put("BankAcct", "1010").put("BankSub", "01-000-00");
    body.putArray("ARAdjust").addObject().put("AdjdDocType", "IN").put("AdjdRefNbr", "INV10422").put("CuryAdjgAmt", 100.00);
    assertThat(call("POST", "/api/AccountsReceivable/Payment", body, "0060", null).status()).isEqualTo(201);
    Answer open = call("GET", "/api/AccountsReceivable/Documents?CustId=C20311&OpenDoc=1", null, "0060", null);
    assertThat(open.body()).anySatisfy(d -> assertThat(d.get("CuryDocBal").decimalValue()).isEqualByComparingTo("150.00"));
    assertThat(call("POST", "/api/AccountsReceivable/Payment", body, "0060", null).status()).isEqualTo(409);
  }

  @Test
  void authAndCompany_areRequired() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/api/Product/WID-100-BLK"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(call("GET", "/api/Inventory?InvtID=WID-100-BLK", null, null, null).status()).isEqualTo(400);
    assertThat(call("GET", "/api/Inventory?InvtID=WID-100-BLK", null, "9999", null).status()).isEqualTo(404);
  }

  @Test
  void seed_isTheSameForTheSameSeed() {
    try (SlSimulator other = SlSimulator.builder().start()) {
      assertThat(other.row("Inventory", "WID-100-BLK")).isNotNull();
      String stamps = "\"(Crtd|LUpd)_DateTime\":\"[^\"]*\"";
      assertThat(other.row("Customer", "C20400").replaceAll(stamps, ""))
          .isEqualTo(sim.row("Customer", "C20400").replaceAll(stamps, ""));
      assertThat(other.row("ItemSite", "WID-100-BLK", "AUSTIN").replaceAll(stamps, ""))
          .isEqualTo(sim.row("ItemSite", "WID-100-BLK", "AUSTIN").replaceAll(stamps, ""));
    }
  }

  @Test
  void createOrder_unknownSiteAndCustomer_areNotFound() throws Exception {
    ObjectNode order = sample("salesorder-create-request.json");
    ((ObjectNode) order.get("SOHeader")).put("CustID", "C99999");
    ((ObjectNode) order.get("SOLine").get(0)).put("SiteID", "NOWHERE");
    Answer a = call("POST", "/api/SalesOrder", order, "0060", null);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("errors")).extracting(e -> e.get("pointer").asText() + " " + e.get("code").asText())
        .containsExactlyInAnyOrder("/SOHeader/CustID NOT_FOUND", "/SOLine/0/SiteID NOT_FOUND");
    // HOUSTON belongs to company 0070 only
    ObjectNode other = sample("salesorder-create-request.json");
    ((ObjectNode) other.get("SOLine").get(0)).put("SiteID", "HOUSTON");
    assertThat(call("POST", "/api/SalesOrder", other, "0060", null).status()).isEqualTo(400);
  }
}
