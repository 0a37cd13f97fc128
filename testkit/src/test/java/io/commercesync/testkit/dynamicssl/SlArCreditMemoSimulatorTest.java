package io.commercesync.testkit.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.fault.FaultSchedule;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's AR credit memos ({@code /api/AccountsReceivable/CreditMemo}: ARDoc CM + ARTran). */
class SlArCreditMemoSimulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SAMPLES = Path.of("src", "test", "resources", "dynamics-sl");
  private static final String PATH = "/api/AccountsReceivable/CreditMemo";

  private final String jdbc = "jdbc:h2:mem:slarcm" + System.nanoTime() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
  private final SlSimulator sim = SlSimulator.builder().faults(FaultSchedule.none()).jdbcUrl(jdbc).start();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterEach
  void stop() {
    sim.close();
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

  /**
   * A money-only refund of order CS-100045: 10.00 goodwill on 4900 and 5.00 shipping on 4050 refunded (D), a
   * 2.00 fee kept on 4900 (C): 13.00 credited.
   */
  static ObjectNode memo(String custId, String refNbr, String ordNbr) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode d = body.putObject("ARDoc").put("CpnyID", "0060").put("CustId", custId).put("DocType", "CM")
        .put("RefNbr", refNbr).put("DocDate", "2024-05-21").put("CuryOrigDocAmt", 13.00).put("CuryId", "USD")
        .put("PerPost", "202405").put("CustOrdNbr", "CS-100045").put("DocDesc", "Refund " + refNbr);
    if (ordNbr != null) {
      d.put("OrdNbr", ordNbr);
    }
    ArrayNode t = body.putArray("ARTran");
    t.addObject().put("LineNbr", 1).put("Acct", "4900").put("Sub", "01-000-00").put("CuryTranAmt", 10.00)
        .put("DrCr", "D").put("TranDesc", "Adjustment refund");
    t.addObject().put("LineNbr", 2).put("Acct", "4050").put("Sub", "01-000-00").put("CuryTranAmt", 5.00)
        .put("DrCr", "D").put("TranDesc", "Shipping refund");
    t.addObject().put("LineNbr", 3).put("Acct", "4900").put("Sub", "01-000-00").put("CuryTranAmt", 2.00)
        .put("DrCr", "C").put("TranDesc", "Adjustment fee kept");
    return body;
  }

  private static List<String> errors(Answer a) {
    List<String> out = new ArrayList<>();
    a.body().path("errors").forEach(e -> out.add(e.get("pointer").asText() + " " + e.get("code").asText()));
    return out;
  }

  @Test
  void creditMemo_isStoredReleasedAndOpen_withItsLinesAndAnArBatch_foundByRefNbr_andMirrored() throws Exception {
    Answer order = call("POST", "/api/SalesOrder", (ObjectNode) JSON.readTree(
        Files.readAllBytes(SAMPLES.resolve("salesorder-create-request.json"))), "0060", null);
    String ordNbr = order.body().get("SOHeader").get("OrdNbr").asText();

    Answer created = call("POST", PATH, memo("C20311", "000000083", ordNbr), "0060", "k-1");

    assertThat(created.status()).isEqualTo(201);
    JsonNode d = created.body().get("ARDoc");
    String batNbr = d.get("BatNbr").asText();
    assertThat(batNbr).isNotBlank();
    assertThat(d.get("DocType").asText()).isEqualTo("CM");
    assertThat(d.get("OrdNbr").asText()).isEqualTo(ordNbr);
    assertThat(d.get("Rlsed").asInt()).isEqualTo(1);
    assertThat(d.get("OpenDoc").asInt()).isEqualTo(1);
    assertThat(d.get("CuryDocBal").decimalValue()).isEqualByComparingTo("13.00");
    assertThat(d.get("OrigDocAmt").decimalValue()).isEqualByComparingTo("13.00");
    assertThat(d.get("Crtd_Prog").asText()).isEqualTo("08010");
    assertThat(created.body().get("ARTran")).hasSize(3).allSatisfy(t -> {
      assertThat(t.get("BatNbr").asText()).isEqualTo(batNbr);
      assertThat(t.get("TranType").asText()).isEqualTo("CM");
      assertThat(t.get("RefNbr").asText()).isEqualTo("000000083");
      assertThat(t.get("CustId").asText()).isEqualTo("C20311");
      assertThat(t.get("TranDate").asText()).isEqualTo("2024-05-21");
      assertThat(t.get("TranAmt").decimalValue()).isEqualByComparingTo(t.get("CuryTranAmt").decimalValue());
      assertThat(t.get("Crtd_Prog").asText()).isEqualTo("08010");
    });
    JsonNode batch = JSON.readTree(sim.row("Batch", "AR", batNbr));
    assertThat(batch.get("EditScrnNbr").asText()).isEqualTo("08010");
    assertThat(batch.get("CuryCtrlTot").decimalValue()).isEqualByComparingTo("13.00");

    Answer found = call("GET", PATH + "?CustId=C20311&DocType=CM&RefNbr=000000083", null, "0060", null);
    assertThat(found.body()).hasSize(1);
    assertThat(found.body().get(0).get("ARTran")).extracting(t -> t.get("DrCr").asText() + " " + t.get("Acct").asText()
        + " " + t.get("CuryTranAmt").decimalValue().toPlainString()).containsExactly("D 4900 10.0", "D 4050 5.0", "C 4900 2.0");
    assertThat(call("GET", PATH + "?CustId=C20311&DocType=CM&RefNbr=000000084", null, "0060", null).body()).isEmpty();
    assertThat(call("GET", PATH + "?CustId=C20311&DocType=CM&RefNbr=000000083", null, "0070", null).body()).isEmpty();
    // an open credit: the customer's open documents list it next to the seeded invoice
    Answer open = call("GET", "/api/AccountsReceivable/Documents?CustId=C20311&OpenDoc=1", null, "0060", null);
    assertThat(open.body()).extracting(o -> o.get("DocType").asText() + " " + o.get("RefNbr").asText())
        .contains("CM 000000083", "IN INV10422");

    assertThat(sim.arCreditMemosPerRefNbr()).containsExactly(java.util.Map.entry("000000083", 1));
    assertThat(sim.arCreditMemosPerCustOrdNbr()).containsExactly(java.util.Map.entry("CS-100045", 1));
    JsonNode stats = call("GET", "/_sim/stats", null, null, null).body();
    assertThat(stats.get("arCreditMemos").asInt()).isEqualTo(1);
    assertThat(stats.get("arCreditMemosPerRefNbr").get("000000083").asInt()).isEqualTo(1);
    assertThat(stats.get("arCreditMemosPerCustOrdNbr").get("CS-100045").asInt()).isEqualTo(1);
    assertThat(stats.get("duplicateArCreditMemos")).isEmpty();
    assertThat(stats.get("payments").asInt()).isZero();
    assertThat(stats.get("glBatches").asInt()).isZero();

    try (Connection c = DriverManager.getConnection(jdbc);
        ResultSet rs = c.createStatement().executeQuery("SELECT RefNbr, DrCr, CuryTranAmt, TranDesc FROM ARTran"
            + " WHERE CustId = 'C20311' AND TranType = 'CM' ORDER BY LineNbr")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString("RefNbr").strip() + " " + rs.getString("DrCr") + " " + rs.getDouble("CuryTranAmt") + " "
            + rs.getString("TranDesc").strip());
        assertThat(rs.getString("TranDesc")).as("CHAR(30) comes back padded").hasSize(30);
      }
      assertThat(rows).containsExactly("000000083 D 10.0 Adjustment refund", "000000083 D 5.0 Shipping refund",
          "000000083 C 2.0 Adjustment fee kept");
    }
  }

  @Test
  void creditMemo_isValidatedLikeAPayment_andEveryAccountAndTheOrderMustExist() throws Exception {
    ObjectNode body = memo("C99999", "", "WO999999");
    ObjectNode d = (ObjectNode) body.get("ARDoc");
    d.put("DocType", "IN").put("CuryOrigDocAmt", 0).put("BatNbr", "001234");
    ObjectNode t0 = (ObjectNode) body.get("ARTran").get(0);
    t0.put("Acct", "9999").put("DrCr", "X").put("CuryTranAmt", -10.00).put("RefNbr", "OTHER");
    ((ObjectNode) body.get("ARTran").get(1)).remove("Sub");
    Answer a = call("POST", PATH, body, "0060", null);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(errors(a)).containsExactlyInAnyOrder("/ARDoc/CustId NOT_FOUND", "/ARDoc/DocType INVALID",
        "/ARDoc/RefNbr REQUIRED", "/ARDoc/BatNbr ASSIGNED_BY_SL", "/ARDoc/CuryOrigDocAmt RANGE",
        "/ARDoc/OrdNbr NOT_FOUND", "/ARTran/0/RefNbr MISMATCH", "/ARTran/0/Acct NOT_FOUND",
        "/ARTran/0/CuryTranAmt RANGE", "/ARTran/0/DrCr INVALID", "/ARTran/1/Sub REQUIRED");

    ObjectNode noLines = memo("C20311", "CM-1", null);
    noLines.putArray("ARTran");
    assertThat(errors(call("POST", PATH, noLines, "0060", null))).containsExactly("/ARTran REQUIRED");

    ObjectNode wide = memo("C20311", "CM-2", null);
    ((ObjectNode) wide.get("ARDoc")).put("CustOrdNbr", "C".repeat(26)).put("CustID", "C20311");
    ((ObjectNode) wide.get("ARTran").get(0)).put("TranDesc", "D".repeat(31));
    ((ObjectNode) wide.get("ARTran").get(1)).put("TranDesc", "Rückerstattung 返品");
    Answer refused = call("POST", PATH, wide, "0060", null);
    assertThat(errors(refused)).containsExactlyInAnyOrder("/ARDoc/CustOrdNbr MAX_LENGTH_EXCEEDED",
        "/ARDoc/CustID UNKNOWN_COLUMN", "/ARTran/0/TranDesc MAX_LENGTH_EXCEEDED", "/ARTran/1/TranDesc CODE_PAGE");
    assertThat(refused.body().get("errors").toString()).contains("spelled CustId in this table");
    assertThat(sim.arCreditMemosPerRefNbr()).isEmpty();
  }

  @Test
  void linesThatDoNotBalanceTheDocument_areUnbalanced() throws Exception {
    ObjectNode body = memo("C20311", "CM-3", null);
    // 10 + 5 − 2 = 13 credited; claiming 15 (the fee counted as a refund) does not balance
    ((ObjectNode) body.get("ARDoc")).put("CuryOrigDocAmt", 15.00);
    Answer a = call("POST", PATH, body, "0060", null);
    assertThat(a.status()).isEqualTo(400);
    assertThat(errors(a)).containsExactly("/ARTran UNBALANCED");
    assertThat(a.body().get("errors").get(0).get("message").asText()).contains("debits less credits 13.0,", "CuryOrigDocAmt 15.0");
    assertThat(sim.arCreditMemosPerRefNbr()).isEmpty();
  }

  @Test
  void aSecondCreditMemoWithTheSameRefNbr_isADuplicate_forTheSameCustomer_andCountedForAnother() throws Exception {
    assertThat(call("POST", PATH, memo("C20311", "000000085", null), "0060", "k-1").status()).isEqualTo(201);
    // the same key and body: the first answer again, nothing entered
    Answer replay = call("POST", PATH, memo("C20311", "000000085", null), "0060", "k-1");
    assertThat(replay.status()).isEqualTo(201);
    assertThat(sim.arCreditMemosPerRefNbr()).containsEntry("000000085", 1);

    Answer again = call("POST", PATH, memo("C20311", "000000085", null), "0060", "k-2");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body().get("code").asText()).isEqualTo("DUPLICATE");
    assertThat(errors(again)).containsExactly("/ARDoc/RefNbr DUPLICATE");
    assertThat(sim.arCreditMemosPerRefNbr()).containsEntry("000000085", 1);

    // SL's key is per customer: the same number for another customer is entered, and the audit shows it
    assertThat(call("POST", PATH, memo("C20400", "000000085", null), "0060", null).status()).isEqualTo(201);
    assertThat(sim.arCreditMemosPerRefNbr()).containsEntry("000000085", 2);
    assertThat(call("GET", "/_sim/stats", null, null, null).body().get("duplicateArCreditMemos"))
        .extracting(JsonNode::asText).containsExactly("000000085");
  }

  @Test
  void creditMemo_needsTheCompanyAndCredentials() throws Exception {
    assertThat(call("POST", PATH, memo("C20311", "CM-4", null), null, null).status()).isEqualTo(400);
    ObjectNode otherCompany = memo("C20311", "CM-4", null);
    Answer mismatch = call("POST", PATH, otherCompany, "0070", null);
    assertThat(errors(mismatch)).containsExactly("/ARDoc/CpnyID MISMATCH");
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + PATH))
        .header("X-SL-CpnyID", "0060").POST(HttpRequest.BodyPublishers.ofString(memo("C20311", "CM-4", null)
            .toString())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(sim.arCreditMemosPerRefNbr()).isEmpty();
  }

  @Test
  void reset_clearsCreditMemos() throws Exception {
    call("POST", PATH, memo("C20311", "CM-5", null), "0060", null);
    assertThat(sim.arCreditMemosPerRefNbr()).containsOnlyKeys("CM-5");
    call("POST", "/_sim/reset", null, null, null);
    assertThat(sim.arCreditMemosPerRefNbr()).isEmpty();
    assertThat(sim.rows("ARTran")).isEmpty();
  }
}
