package io.commercesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Shipment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code commercesync map} for Dynamics SL, both directions. */
class SlMapCommandTest {

  static final Path ORDER = Path.of("..", "examples", "data", "canonical-order.json");
  static final Path SL_SAMPLES = Path.of("..", "connector-dynamics-sl", "src", "test", "resources", "dynamics-sl");
  static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CommerceSyncCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void canonicalOrder_printsTheSalesOrderRequestBody() throws Exception {
    Run run = run("map", "--from", "canonical", "--to", "sl", "--entity", "order", "--option", "zone=America/Chicago",
        ORDER.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    JsonNode body = JSON.readTree(run.out());
    JsonNode header = body.get("SOHeader");
    assertThat(header.get("CustOrdNbr").asText()).isEqualTo("000001043");
    assertThat(header.has("OrdNbr")).as("SL assigns OrdNbr").isFalse();
    assertThat(header.get("CustID").asText()).isEqualTo("402");
    assertThat(header.get("CpnyID").asText()).isEqualTo("0060");
    assertThat(header.get("ShipName").asText()).isEqualTo("Achterberg Design");
    assertThat(header.get("ShipAttn").asText()).isEqualTo("Devin Achterberg");
    assertThat(header.get("ShipCountry").asText()).isEqualTo("USA");
    assertThat(header.get("OrdDate").asText()).isEqualTo("2025-03-15");
    assertThat(header.get("User1").asText()).isEqualTo("402");
    assertThat(body.get("SOLine")).hasSize(2);
    assertThat(body.get("SOLine").get(0).get("InvtID").asText()).isEqualTo("CS-TEE-HBR-M-BLU");
    assertThat(body.get("SOLine").get(0).get("SiteID").asText()).isEqualTo("MAIN");
    assertThat(body.get("SOLine").get(1).get("LineRef").asText()).isEqualTo("00002");
    Order order = CanonicalJson.read(Files.readAllBytes(ORDER), Order.class);
    assertThat(header.get("CuryWholeOrdDisc").decimalValue()).isEqualByComparingTo(order.discount().amount());
    assertThat(header.get("CuryTotFrt").decimalValue()).isEqualByComparingTo(order.shipping().amount());
    assertThat(header.get("CuryTotTax").decimalValue()).isEqualByComparingTo(order.tax().amount());
  }

  @Test
  void overLongValues_printOneLinePerSlColumnAndWidth_andExitTwo(@TempDir Path dir) throws Exception {
    String json = Files.readString(ORDER).replace("\"CS-TEE-HBR-M-BLU\"", "\"" + "T".repeat(31) + "\"")
        .replace("\"000001043\"", "\"" + "4".repeat(26) + "\"");
    Path broken = dir.resolve("order.json");
    Files.writeString(broken, json);
    Run run = run("map", "--from", "canonical", "--to", "sl", "--entity", "order", broken.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactlyInAnyOrder(
        "/SOHeader/CustOrdNbr: SOHeader.CustOrdNbr is char(25): must be at most 25 characters (was 26)",
        "/SOLine/0/InvtID: SOLine.InvtID is char(30): must be at most 30 characters (was 31)");
  }

  @Test
  void canonicalCustomerPaymentAndJournal_printTheirRequestBodies(@TempDir Path dir) throws Exception {
    Path customer = dir.resolve("customer.json");
    Files.writeString(customer, "{\"refs\":[{\"system\":\"magento\",\"id\":\"402\"}],\"email\":\"devin@example.net\","
        + "\"firstName\":\"Devin\",\"lastName\":\"Achterberg\",\"addresses\":[{\"key\":\"9\",\"address\":{\"lines\":"
        + "[\"418 Linden Street\"],\"city\":\"Madison\",\"regionCode\":\"WI\",\"postalCode\":\"53703\","
        + "\"countryCode\":\"US\"},\"defaultBilling\":true,\"defaultShipping\":true}]}");
    Run c = run("map", "--to", "sl", "--entity", "customer", customer.toString());
    assertThat(c.exit()).as(c.err()).isEqualTo(ExitCode.OK);
    JsonNode cust = JSON.readTree(c.out());
    assertThat(cust.get("Customer").get("CustId").asText()).startsWith("ACHTERBE").hasSize(14);
    assertThat(cust.get("Customer").get("User1").asText()).isEqualTo("402");
    assertThat(cust.get("SOAddress").get(0).get("ShipToId").asText()).isEqualTo("DEFAULT");

    Path payment = dir.resolve("payment.json");
    Files.writeString(payment, "{\"id\":\"pay_981\",\"method\":\"card\",\"amount\":{\"amount\":59.73,\"currency\":\"USD\"},"
        + "\"capturedAt\":\"2025-03-15T09:41:39Z\",\"cardType\":\"VI\",\"cardLast4\":\"1111\",\"orderNumber\":\"000001043\","
        + "\"customerRef\":{\"system\":\"dynamics-sl\",\"id\":\"C20311\"}}");
    Run p = run("map", "--to", "sl", "--entity", "payment", "--option", "invoice=INV10422", payment.toString());
    assertThat(p.exit()).as(p.err()).isEqualTo(ExitCode.OK);
    JsonNode pay = JSON.readTree(p.out());
    assertThat(pay.get("ARDoc").get("DocType").asText()).isEqualTo("PA");
    assertThat(pay.get("ARDoc").get("RefNbr").asText()).isEqualTo("pay_981");
    assertThat(pay.get("ARDoc").get("CuryOrigDocAmt").decimalValue()).isEqualByComparingTo("59.73");
    assertThat(pay.get("ARAdjust").get(0).get("AdjdRefNbr").asText()).isEqualTo("INV10422");

    Path journal = dir.resolve("journal.json");
    Files.writeString(journal, "{\"reference\":\"stl_2024_05_14\",\"date\":\"2024-05-14\",\"description\":"
        + "\"Web card settlement 2024-05-14\",\"currency\":\"USD\",\"lines\":["
        + "{\"account\":\"1010\",\"debit\":{\"amount\":1114.09,\"currency\":\"USD\"},\"credit\":{\"amount\":0,\"currency\":\"USD\"}},"
        + "{\"account\":\"1205\",\"debit\":{\"amount\":0,\"currency\":\"USD\"},\"credit\":{\"amount\":1114.09,\"currency\":\"USD\"}}]}");
    Run noSub = run("map", "--to", "sl", "--entity", "journal", journal.toString());
    assertThat(noSub.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(noSub.err()).contains("GLTran.Sub is required");
    Run j = run("map", "--to", "sl", "--entity", "journal", "--option", "sub=01-000-00", "--option",
        "fiscalYearStart=JULY", journal.toString());
    assertThat(j.exit()).as(j.err()).isEqualTo(ExitCode.OK);
    JsonNode gl = JSON.readTree(j.out());
    assertThat(gl.get("Batch").get("PerPost").asText()).isEqualTo("202411");
    assertThat(gl.get("Batch").get("CuryCtrlTot").decimalValue()).isEqualByComparingTo("1114.09");
    assertThat(gl.get("GLTran").get(1).get("CuryCrAmt").decimalValue()).isEqualByComparingTo("1114.09");
    assertThat(gl.get("GLTran").get(0).get("ExtRefNbr").asText()).isEqualTo("stl_2024_05_14");
  }

  @Test
  void slDocuments_printCanonicalJson(@TempDir Path dir) throws Exception {
    Run o = run("map", "--from", "sl", "--entity", "order", "--option", "zone=America/Chicago",
        SL_SAMPLES.resolve("salesorder-response.json").toString());
    assertThat(o.exit()).as(o.err()).isEqualTo(ExitCode.OK);
    Order order = CanonicalJson.read(o.out().getBytes(StandardCharsets.UTF_8), Order.class);
    assertThat(order.number()).isEqualTo("CS-100045");
    assertThat(order.grandTotal()).isEqualTo(Money.of("111.52", "USD"));
    assertThat(order.totalsReconcile()).isTrue();

    Run c = run("map", "--from", "sl", "--entity", "customer", SL_SAMPLES.resolve("customer.json").toString());
    assertThat(c.exit()).as(c.err()).isEqualTo(ExitCode.OK);
    Customer customer = CanonicalJson.read(c.out().getBytes(StandardCharsets.UTF_8), Customer.class);
    assertThat(customer.email()).isEqualTo("maria.lopez@example.com");

    Run i = run("map", "--from", "sl", "--entity", "inventory", SL_SAMPLES.resolve("inventory-by-site.json").toString());
    assertThat(i.exit()).as(i.err()).isEqualTo(ExitCode.OK);
    JsonNode levels = JSON.readTree(i.out());
    assertThat(levels).hasSize(2);
    InventoryLevel austin = CanonicalJson.read(JSON.writeValueAsBytes(levels.get(0)), InventoryLevel.class);
    assertThat(austin.available()).isEqualByComparingTo("128");

    Path shipper = dir.resolve("shipper.json");
    Files.writeString(shipper, "{\"SOShipHeader\":{\"CpnyID\":\"0060\",\"ShipperID\":\"S001201        \","
        + "\"OrdNbr\":\"WO004512\",\"CustID\":\"C20311\",\"CustOrdNbr\":\"CS-100045\",\"Status\":\"C\","
        + "\"ShipDateAct\":\"2024-05-15\",\"ShipViaID\":\"UPS-GROUND\",\"SiteID\":\"AUSTIN\",\"TrackingNbr\":\" \"},"
        + "\"SOShipLine\":[{\"LineRef\":\"00001\",\"InvtID\":\"WID-100-BLK\",\"QtyShip\":2,\"OrdLineRef\":\"00001\"}],"
        + "\"SOShipPack\":[{\"BoxRef\":\"00001\",\"TrackingNbr\":\"1Z999AA10123456784\"},"
        + "{\"BoxRef\":\"00002\",\"TrackingNbr\":\"1Z999AA10123456791\"}]}");
    Run s = run("map", "--from", "sl", "--entity", "shipment", shipper.toString());
    assertThat(s.exit()).as(s.err()).isEqualTo(ExitCode.OK);
    Shipment shipment = CanonicalJson.read(s.out().getBytes(StandardCharsets.UTF_8), Shipment.class);
    assertThat(shipment.orderNumber()).isEqualTo("CS-100045");
    assertThat(shipment.trackingNumbers()).containsExactly("1Z999AA10123456784", "1Z999AA10123456791");
    assertThat(shipment.refs().get(0).id()).isEqualTo("S001201");
  }

  @Test
  void list_showsTheSlMappings() {
    Run run = run("map", "--list");
    assertThat(run.out()).contains("canonical -> dynamics-sl (order)", "canonical -> dynamics-sl (journal)",
        "dynamics-sl -> canonical (shipment)", "dynamics-sl -> canonical (inventory)");
  }
}
