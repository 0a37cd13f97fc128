package io.commercesync.testkit.dynamicsgp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's {@code RMTransactionType} (taRMTransactionTaxInsert, then taRMTransaction) against the
 * connector's credit memo sample, through the agent protocol: the checks of the TLE procedure bodies with GP's
 * numbers, the RM tables written, duplicates refused, the look-up query, posting, and the audit counters.
 */
class GpSimulatorCreditMemoTest {

  static final String SECRET = "sim-rm-secret";
  static final Instant NOW = Instant.parse("2024-03-20T12:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final GpSimulator sim = GpSimulator.start(GpSimulator.options().secret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)));
  final HttpClient http = HttpClient.newHttpClient();
  /** The simulator requests go to. */
  private GpSimulator target = sim;

  @AfterEach
  void close() {
    sim.close();
  }

  /** The sample credit memo (shipping 7.95 + adjustment 5.00 + tax 0.64 = 13.59) for WEBJSMITH0001. */
  static String memo() throws Exception {
    try (InputStream in = GpSimulatorCreditMemoTest.class.getResourceAsStream("/dynamics-gp/rm-credit-memo.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The sample without its tax: 12.95, no tax row. */
  static String untaxed() throws Exception {
    String xml = memo();
    xml = xml.substring(0, xml.indexOf("<taRMTransactionTaxInsert_Items>"))
        + xml.substring(xml.indexOf("</taRMTransactionTaxInsert_Items>") + "</taRMTransactionTaxInsert_Items>".length());
    return xml.replace("<DOCAMNT>13.59</DOCAMNT>", "<DOCAMNT>12.95</DOCAMNT>")
        .replace("<TAXAMNT>0.64</TAXAMNT>", "<TAXAMNT>0</TAXAMNT>");
  }

  /** {@code xml} as another credit memo: number, key and order replaced. */
  static String as(String xml, String number) {
    return xml.replace("WEBCM000000012", "WEBCM" + number).replace("000000012", number)
        .replace("WEB-100045871", "WEB-" + number);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return AgentRequests.post(http, target.baseUri(), path, body, SECRET, NOW.getEpochSecond());
  }

  JsonNode submit(String xml) throws Exception {
    HttpResponse<String> r = post("/v1/companies/TWO/documents", xml);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("transactions").get(0);
  }

  /** The failure text of {@code xml}, sent under a key of its own (a key is never re-sent with another payload). */
  String errorText(String xml) throws Exception {
    JsonNode r = submit(xml.replace("erp-return:dynamics-gp", UUID.randomUUID().toString()));
    assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("FAILED");
    return r.path("errorText").asText();
  }

  JsonNode query(String name, String params) throws Exception {
    HttpResponse<String> r = post("/v1/companies/TWO/queries/" + name, "{\"params\":" + params + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("rows");
  }

  int count(String sql, Object... args) {
    return ((Number) sim.query(sql, args).get(0).values().iterator().next()).intValue();
  }

  @Test
  void creditMemo_isEnteredUnposted_withItsTaxRowNumberAndBatch_once() throws Exception {
    JsonNode first = submit(memo());
    assertThat(first.path("status").asText()).isEqualTo("APPLIED");
    assertThat(first.path("type").asText()).isEqualTo("RMTransactionType");
    assertThat(first.path("documentKey").asText()).isEqualTo("WEBCM000000012");
    List<Map<String, Object>> rows = sim.query("SELECT DOCTYPE, RMDNUMWK, CUSTNAME, CSTPONBR, SLSAMNT, FRTAMNT, TRDISAMT,"
        + " TAXAMNT, DOCAMNT, ACCTAMNT, BCHSOURC, BACHNUMB, DUEDATE, DOCDATE, DOCDESCR, CURNCYID FROM RM10301"
        + " WHERE RMDTYPAL = 7 AND DOCNUMBR = ?", "WEBCM000000012");
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(((Number) r.get("DOCTYPE")).intValue()).isEqualTo(6);
      assertThat(r.get("RMDNUMWK")).isEqualTo("WEBCM000000012");
      assertThat(r.get("CUSTNAME")).isEqualTo("Jane Smith");
      assertThat(r.get("CSTPONBR")).isEqualTo("WEB-100045871");
      assertThat((BigDecimal) r.get("SLSAMNT")).isEqualByComparingTo("5.00");
      assertThat((BigDecimal) r.get("FRTAMNT")).isEqualByComparingTo("7.95");
      assertThat((BigDecimal) r.get("TRDISAMT")).isEqualByComparingTo("0");
      assertThat((BigDecimal) r.get("TAXAMNT")).isEqualByComparingTo("0.64");
      assertThat((BigDecimal) r.get("DOCAMNT")).isEqualByComparingTo("13.59");
      assertThat((BigDecimal) r.get("ACCTAMNT")).isEqualByComparingTo("13.59");
      assertThat(r.get("BCHSOURC")).isEqualTo("RM_Sales");
      assertThat(r.get("BACHNUMB")).isEqualTo("WEBCM240320");
      assertThat(r.get("DUEDATE")).as("a credit memo is due on its date").isEqualTo(r.get("DOCDATE"));
      assertThat(r.get("DOCDESCR")).isEqualTo("Web refund 000000012: Late del");
      assertThat(r.get("CURNCYID")).isEqualTo("Z-US$");
    });
    assertThat(sim.query("SELECT TAXAMNT, TAXDTSLS, SEQNUMBR FROM RM10601 WHERE RMDTYPAL = 7 AND DOCNUMBR = ?",
        "WEBCM000000012")).singleElement().satisfies(r -> {
          assertThat((BigDecimal) r.get("TAXAMNT")).isEqualByComparingTo("0.64");
          assertThat((BigDecimal) r.get("TAXDTSLS")).isEqualByComparingTo("12.95");
          assertThat(((Number) r.get("SEQNUMBR")).intValue()).isEqualTo(16384);
        });
    assertThat(count("SELECT COUNT(*) FROM RM00401 WHERE RMDTYPAL = 7 AND DOCNUMBR = ?", "WEBCM000000012")).isEqualTo(1);
    assertThat(count("SELECT NUMOFTRX FROM SY00500 WHERE BACHNUMB = 'WEBCM240320' AND BCHSOURC = 'RM_Sales'")).isEqualTo(1);
    assertThat(sim.query("SELECT 1 FROM RM20101 WHERE RMDTYPAL = 7")).as("unposted: not open yet").isEmpty();

    assertThat(submit(memo()).path("status").asText()).as("the same key again").isEqualTo("ALREADY_APPLIED");
    assertThat(sim.creditMemos("web-100045871")).isEqualTo(1);
    assertThat(sim.creditMemosByCstponbr()).containsExactly(Map.entry("WEB-100045871", 1));
  }

  @Test
  void theSameNumberUnderAnotherKey_isRefused_190WithoutTax_7148WithTax_andCounted() throws Exception {
    assertThat(submit(untaxed()).path("status").asText()).isEqualTo("APPLIED");
    String again = untaxed().replace("<MessageID>magento/return/000000012/erp-return:dynamics-gp</MessageID>",
        "<MessageID>another-key</MessageID>");
    assertThat(errorText(again)).startsWith("Sql procedure error codes returned:")
        .contains("Error Number = 190  Stored Procedure= taRMTransaction  Error Description = The document number")
        .contains("Node Identifier Parameters: taRMTransaction\r\nDOCNUMBR = WEBCM000000012\r\nRMDTYPAL = 7")
        .contains("Related Error Code Parameters for Node : taRMTransaction\r\nCUSTNMBR = WEBJSMITH0001");

    String taxed = as(memo(), "000000013");
    assertThat(submit(taxed).path("status").asText()).isEqualTo("APPLIED");
    assertThat(errorText(taxed.replace("erp-return:dynamics-gp", "other")))
        .contains("Error Number = 7148  Stored Procedure= taRMTransactionTaxInsert");
    assertThat(count("SELECT COUNT(*) FROM RM10601 WHERE DOCNUMBR = 'WEBCM000000013'")).isEqualTo(1);
    assertThat(sim.postCreditMemos()).isEqualTo(2);
    assertThat(errorText(taxed.replace("erp-return:dynamics-gp", "third")))
        .as("posted: the tax row is gone from RM10601, the number is not").contains("Error Number = 190");

    Map<String, Object> stats = sim.stats();
    assertThat(stats).containsEntry("rmCreditMemos", 2).containsEntry("rmDuplicatesRefused", 3)
        .containsEntry("rmCreditMemoNumbersWithoutDocument", 0);
    assertThat(stats.get("rmCreditMemosByCstponbr")).isEqualTo(Map.of("WEB-100045871", 1, "WEB-000000013", 1));
    HttpResponse<String> overHttp = http.send(HttpRequest.newBuilder(URI.create(sim.baseUri() + "/_sim/stats")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(overHttp.body()).path("rmCreditMemosByCstponbr").path("WEB-000000013").asInt()).isEqualTo(1);
  }

  @Test
  void unknownCustomer_isNoErrorInGp_theNumberIsUsedButNoDocumentEntered() throws Exception {
    // taRMTransaction has no RM00101 check: its RM10301 insert selects from RM00101 (TLE body)
    String nobody = memo().replace("WEBJSMITH0001", "WEBNOBODY0001");
    assertThat(submit(nobody).path("status").asText()).isEqualTo("APPLIED");
    assertThat(sim.query("SELECT 1 FROM RM10301 WHERE DOCNUMBR = 'WEBCM000000012'")).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM RM00401 WHERE RMDTYPAL = 7 AND DOCNUMBR = 'WEBCM000000012'")).isEqualTo(1);
    assertThat(sim.stats()).containsEntry("rmCreditMemos", 0).containsEntry("rmCreditMemoNumbersWithoutDocument", 1);
    assertThat(errorText(untaxed().replace("erp-return:dynamics-gp", "retry")))
        .as("the right customer afterwards: the number is used up").contains("Error Number = 190");
  }

  @Test
  void amountRules_621_712_188_7020_andNothingIsLeftBehind() throws Exception {
    assertThat(errorText(untaxed().replace("<DOCAMNT>12.95</DOCAMNT>", "<DOCAMNT>12.96</DOCAMNT>")))
        .contains("Error Number = 621  Stored Procedure= taRMTransaction");
    assertThat(errorText(untaxed().replace("<TAXAMNT>0</TAXAMNT>", "<TAXAMNT>0.64</TAXAMNT>")
        .replace("<DOCAMNT>12.95</DOCAMNT>", "<DOCAMNT>13.59</DOCAMNT>")))
        .as("tax without its RM10601 row").contains("Error Number = 712").doesNotContain("Error Number = 621");
    assertThat(errorText(memo().replace("<DOCAMNT>13.59</DOCAMNT>", "<DOCAMNT>13.60</DOCAMNT>")))
        .as("the tax row was inserted first, the document then fails").contains("Error Number = 621");
    assertThat(errorText(untaxed().replace("<DOCAMNT>12.95</DOCAMNT>", "<DOCAMNT>-12.95</DOCAMNT>")))
        .contains("Error Number = 188").contains("Error Number = 621");
    assertThat(errorText(untaxed().replace("<FRTAMNT>7.95</FRTAMNT>", "<FRTAMNT>7.951</FRTAMNT>")
        .replace("<DOCAMNT>12.95</DOCAMNT>", "<DOCAMNT>12.951</DOCAMNT>")))
        .contains("Error Number = 7020  Stored Procedure= taRMTransaction");
    assertThat(count("SELECT COUNT(*) FROM RM10601")).as("rolled back with their documents").isZero();
    assertThat(count("SELECT COUNT(*) FROM RM00401")).isZero();
    assertThat(sim.creditMemos("WEB-100045871")).isZero();
  }

  @Test
  void keyRules_12003_627_294_295_185_202() throws Exception {
    assertThat(errorText(untaxed().replace("WEBCM000000012", "WEBCM0000000123456")))
        .contains("Error Number = 12003  Stored Procedure= taRMTransaction");
    assertThat(errorText(as(untaxed(), "000000014").replace("<RMDTYPAL>7</RMDTYPAL>", "<RMDTYPAL>2</RMDTYPAL>")))
        .contains("Error Number = 627");
    assertThat(errorText(memo().replace("<RMDTYPAL>7</RMDTYPAL>\n        <BACHNUMB>", "<RMDTYPAL>9</RMDTYPAL>\n        <BACHNUMB>")))
        .contains("Error Number = 294  Stored Procedure= taRMTransactionTaxInsert");
    assertThat(errorText(memo().replace("<TAXDTLID>WEBSALESTAX</TAXDTLID>", "<TAXDTLID>NOSUCHTAX</TAXDTLID>")))
        .contains("Error Number = 295  Stored Procedure= taRMTransactionTaxInsert");
    assertThat(errorText(untaxed().replace("<SLSAMNT>5.00</SLSAMNT>", ""))).contains("Error Number = 185");
    sim.execute("INSERT INTO SY00500 (BACHNUMB, BCHSOURC, MKDTOPST, NUMOFTRX) VALUES ('WEBCM240320', 'RM_Sales', 1, 0)");
    assertThat(errorText(untaxed())).contains("Error Number = 202  Stored Procedure= taRMTransaction");
  }

  @Test
  void lookUpQuery_findsTheMemoUnposted_thenOpenAfterPosting_asAnUnappliedCredit() throws Exception {
    submit(memo());
    String params = "{\"custnmbr\":\"WEBJSMITH0001\",\"docnumbr\":\"WEBCM000000012\"}";
    JsonNode work = query("CREDIT_MEMO_BY_NUMBER", params);
    assertThat(work).hasSize(1);
    assertThat(work.get(0).path("CSTPONBR").asText().trim()).isEqualTo("WEB-100045871");
    assertThat(work.get(0).path("DOCAMNT").decimalValue()).isEqualByComparingTo("13.59");
    assertThat(query("CREDIT_MEMO_BY_NUMBER", "{\"custnmbr\":\"WEBAPATEL0002\",\"docnumbr\":\"WEBCM000000012\"}"))
        .as("another customer's").isEmpty();
    BigDecimal before = query("CUSTOMER_STANDING", "{\"custnmbr\":\"WEBJSMITH0001\"}").get(0).path("BALANCE").decimalValue();

    assertThat(sim.postCreditMemos()).isEqualTo(1);
    assertThat(sim.query("SELECT ORTRXAMT, CURTRXAM, CSPORNBR FROM RM20101 WHERE RMDTYPAL = 7 AND DOCNUMBR = ?",
        "WEBCM000000012")).singleElement().satisfies(r -> {
          assertThat((BigDecimal) r.get("ORTRXAMT")).isEqualByComparingTo("13.59");
          assertThat((BigDecimal) r.get("CURTRXAM")).isEqualByComparingTo("13.59");
          assertThat(r.get("CSPORNBR")).isEqualTo("WEB-100045871");
        });
    assertThat(query("CREDIT_MEMO_BY_NUMBER", params)).hasSize(1);
    assertThat(sim.creditMemos("WEB-100045871")).as("counted once, posted").isEqualTo(1);
    BigDecimal after = query("CUSTOMER_STANDING", "{\"custnmbr\":\"WEBJSMITH0001\"}").get(0).path("BALANCE").decimalValue();
    assertThat(before.subtract(after)).isEqualByComparingTo("13.59");
  }

  @Test
  void aDatabaseFileMadeBeforeCreditMemos_getsTheirTablesAndErrorTexts_whenOpened(@TempDir java.nio.file.Path dir)
      throws Exception {
    GpSimulator.Options options = GpSimulator.options().secret(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .databaseFile(dir.resolve("gp"));
    try (GpSimulator old = GpSimulator.start(options)) {
      for (String table : List.of("RM00401", "RM10301", "RM10601", "RM30101")) {
        old.execute("DROP TABLE " + table);
      }
      old.execute("DELETE FROM taErrorCode WHERE SourceProc LIKE 'taRMTransaction%'");
    }
    try (GpSimulator reopened = GpSimulator.start(options)) {
      target = reopened;
      assertThat(submit(memo()).path("status").asText()).isEqualTo("APPLIED");
      assertThat(errorText(memo())).contains("Error Number = 7148  Stored Procedure= taRMTransactionTaxInsert"
          + "  Error Description = The document already has a tax row");
      assertThat(reopened.creditMemos("WEB-100045871")).isEqualTo(1);
    } finally {
      target = sim;
    }
  }
}
