package io.commercesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code commercesync map} with the Dynamics GP mappings on the class path. */
class GpMapCommandTest {

  static final Path ORDER = Path.of("..", "examples", "data", "canonical-order.json");
  static final Path ERROR = Path.of("..", "connector-dynamics-gp", "src", "test", "resources", "dynamics-gp",
      "econnect-error.txt");

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
  void canonicalOrder_printsTheEConnectDocument() {
    Run run = run("map", "--from", "canonical", "--to", "gp", "--entity", "order", "--option", "customer=WEBDACHT0001",
        ORDER.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("<SOPTransactionType>", "<SOPNUMBE>WEB000001043</SOPNUMBE>",
        "<CSTPONBR>000001043</CSTPONBR>", "<ITEMNMBR>CS-TEE-HBR-M-BLU</ITEMNMBR>", "<LOCNCODE>EAST</LOCNCODE>",
        "<TRDISAMT>5.20</TRDISAMT>", "<DOCAMNT>59.73</DOCAMNT>", "<CUSTNMBR>WEBDACHT0001</CUSTNMBR>");
    assertThat(run.out().indexOf("<taSopLineIvcInsert_Items>")).isLessThan(run.out().indexOf("<taSopHdrIvcInsert>"));
  }

  @Test
  void canonicalOrder_withoutACustomer_getsAGeneratedNumber() {
    Run run = run("map", "--from", "canonical", "--to", "gp", "--entity", "order", ORDER.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("<CUSTNMBR>WEBDACHTERB0001</CUSTNMBR>");
  }

  @Test
  void violations_printOneLinePerGpField_withTheLimit_andExitTwo(@TempDir Path dir) throws Exception {
    String json = Files.readString(ORDER)
        .replace("\"sku\": \"CS-TEE-HBR-M-BLU\"", "\"sku\": \"CS-TEE-HBR-M-BLU-WITH-A-VERY-LONG-SUFFIX\"")
        .replace("\"city\": \"Madison\",\n    \"region\": \"Wisconsin\",\n    \"regionCode\": \"WI\",\n    \"postalCode\": \"53703\",\n    \"countryCode\": \"US\",\n    \"phone\": \"608-555-0187\"",
            "\"city\": \"Madison\",\n    \"region\": \"Wisconsin\",\n    \"regionCode\": \"WI\",\n    \"postalCode\": \"53703-12345\",\n    \"countryCode\": \"US\",\n    \"phone\": \"608-555-0187\"");
    Path broken = dir.resolve("order.json");
    Files.writeString(broken, json);
    Run run = run("map", "--from", "canonical", "--to", "gp", "--entity", "order", "--option", "customer=WEBDACHT0001",
        broken.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err().lines().toList()).containsExactlyInAnyOrder(
        "taSopLineIvcInsert[0].ITEMNMBR: must be at most 30 characters, GP's usable length (was 40)",
        "taSopHdrIvcInsert.ZIPCODE: must be at most 10 characters, GP's usable length (was 11)");
  }

  @Test
  void customerPaymentAndJournal_map() throws Exception {
    Path dir = Files.createTempDirectory("gp-cli");
    Files.writeString(dir.resolve("customer.json"), "{\"email\":\"ann.lee@example.com\",\"firstName\":\"Ann\","
        + "\"lastName\":\"Lee\",\"addresses\":[{\"key\":\"1\",\"address\":{\"lines\":[\"1 Main St\"],\"city\":\"Austin\","
        + "\"regionCode\":\"TX\",\"postalCode\":\"73301\",\"countryCode\":\"US\"},\"defaultBilling\":true,"
        + "\"defaultShipping\":true}]}");
    Run customer = run("map", "--from", "canonical", "--to", "gp", "--entity", "customer",
        dir.resolve("customer.json").toString());
    assertThat(customer.err()).isEmpty();
    assertThat(customer.out()).contains("<RMCustomerMasterType>", "<CUSTNMBR>WEBALEE0001</CUSTNMBR>", "<INET1>ann.lee@example.com</INET1>");
    Files.writeString(dir.resolve("payment.json"), "{\"id\":\"1043\",\"method\":\"braintree\",\"amount\":{\"amount\":59.73,"
        + "\"currency\":\"USD\"},\"transactionId\":\"AUTH-77Q\",\"capturedAt\":\"2025-03-15T09:41:40Z\",\"cardType\":\"VI\","
        + "\"cardLast4\":\"4242\",\"orderNumber\":\"000001043\"}");
    Run payment = run("map", "--from", "canonical", "--to", "gp", "--entity", "payment", "--option",
        "customer=WEBDACHT0001", dir.resolve("payment.json").toString());
    assertThat(payment.err()).isEmpty();
    assertThat(payment.out()).contains("<RMCashReceiptsType>", "<DOCNUMBR>PMT1043</DOCNUMBR>", "<CSHRCTYP>2</CSHRCTYP>",
        "<CRCARDID>VISA</CRCARDID>").doesNotContain("4242");
    Files.writeString(dir.resolve("journal.json"), "{\"reference\":\"Settlement 1043\",\"date\":\"2025-03-16\","
        + "\"currency\":\"USD\",\"lines\":[{\"account\":\"000-1100-00\",\"debit\":{\"amount\":59.73,\"currency\":\"USD\"},"
        + "\"credit\":{\"amount\":0,\"currency\":\"USD\"}},{\"account\":\"000-1205-00\",\"debit\":{\"amount\":0,"
        + "\"currency\":\"USD\"},\"credit\":{\"amount\":59.73,\"currency\":\"USD\"}}]}");
    Run journal = run("map", "--from", "canonical", "--to", "gp", "--entity", "journal", "--option", "jrnentry=40218",
        dir.resolve("journal.json").toString());
    assertThat(journal.err()).isEmpty();
    assertThat(journal.out()).contains("<GLTransactionType>", "<JRNENTRY>40218</JRNENTRY>", "<REFRENCE>Settlement 1043</REFRENCE>");
  }

  @Test
  void econnectErrorText_printsStructuredErrorsAsJson() throws Exception {
    Run run = run("map", "--from", "gp", "--entity", "econnect-error", ERROR.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    JsonNode errors = new ObjectMapper().readTree(run.out());
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).path("number").asInt()).isEqualTo(598);
    assertThat(errors.get(0).path("procedure").asText()).isEqualTo("taSopLineIvcInsert");
    assertThat(errors.get(0).path("keyFields").path("SOPNUMBE").asText()).isEqualTo("WEB100045872");
    assertThat(errors.get(0).path("relatedFields").path("CUSTNMBR").asText()).isEqualTo("WEBMGARCIA0007");
    assertThat(errors.get(0).path("retryable").asBoolean()).isFalse();
  }

  @Test
  void list_showsTheGpMappings() {
    assertThat(run("map", "--list").out()).contains("canonical -> dynamics-gp (order)", "dynamics-gp -> canonical (econnect-error)");
  }
}
