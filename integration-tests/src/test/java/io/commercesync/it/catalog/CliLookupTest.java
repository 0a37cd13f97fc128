package io.commercesync.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.cli.CommerceSyncCommand;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code commercesync lookup --config FILE --customer ID --sku SKU} against the simulators, with the
 * credentials only as {@code env:NAME} references (set for the test JVM in this module's POM): the
 * customer's price, the stock per warehouse and the customer's standing, each with its freshness; and
 * a typed one-line error, exit code 1, when the ERP is down.
 */
class CliLookupTest {

  static final String AGENT_SECRET = "it-cli-gp-agent-secret";   // = CS_IT_GP_AGENT_KEY

  @TempDir
  Path dir;

  record Result(int exit, String out, String err) {}

  static Result lookup(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CommerceSyncCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "lookup";
    System.arraycopy(args, 0, all, 1, args.length);
    int exit = cli.execute(all);
    return new Result(exit, out.toString(), err.toString());
  }

  Path config(MagentoSimulator magento, GpSimulator gp, SlSimulator sl) throws Exception {
    String yaml = """
        store:
          sqlite: %s
        systems:
          shop:
            type: magento
            baseUrl: %s
            consumerKey: env:CS_IT_MAGENTO_CK
            consumerSecret: env:CS_IT_MAGENTO_CS
            accessToken: env:CS_IT_MAGENTO_AT
            accessTokenSecret: env:CS_IT_MAGENTO_ATS
          gp:
            type: dynamics-gp
            agentUrl: %s
            agentKey: env:CS_IT_GP_AGENT_KEY
            company: TWO
          sl:
            type: dynamics-sl
            baseUrl: %s
            apiKey: env:CS_IT_SL_KEY
            apiSecret: env:CS_IT_SL_SECRET
            company: "0060"
            serverZone: America/Chicago
        policies:
          dynamics-gp: {maxAttempts: 1}
        pairs:
          - {storefront: shop, erp: gp, flows: [inventory, prices]}
          - {storefront: shop, erp: sl, flows: [orders]}
        """.formatted(dir.resolve("commercesync.db"), magento.baseUri(), gp.baseUri(), sl.baseUri());
    Path file = dir.resolve("sync.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void lookup_printsPriceStockPerWarehouseAndStanding_fromEachErp_andFailsTypedWhenTheErpIsDown() throws Exception {
    FaultSchedule gpFaults = FaultSchedule.seeded(5).rate(1.0).kinds(Fault.Kind.UNAVAILABLE).build();
    gpFaults.enabled(false);
    try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.config().orders(0).build());
        GpSimulator gp = GpSimulator.start(GpSimulator.options().secret(AGENT_SECRET).faults(gpFaults));
        SlSimulator sl = SlSimulator.builder().start()) {
      Path config = config(magento, gp, sl);

      Result fromGp = lookup("--config", config.toString(), "--customer", "WEBJSMITH0001", "--sku", "WDG-1001-BLU");
      assertThat(fromGp.exit()).as(fromGp.err()).isZero();
      assertThat(fromGp.out())
          .contains("WDG-1001-BLU for WEBJSMITH0001: 24.50 USD [RETAIL]").contains("(LIVE")
          .containsPattern("stock +MAIN +available 132 \\(on hand 142, allocated 10\\)")
          .containsPattern("stock +EAST +available 36 \\(on hand 40, allocated 4\\)")
          .contains("customer  WEBJSMITH0001 on hold=false");

      Result fromSl = lookup("--config", config.toString(), "--erp", "sl", "--customer", "C20311", "--sku", "WID-100-BLK");
      assertThat(fromSl.exit()).as(fromSl.err()).isZero();
      assertThat(fromSl.out()).containsPattern("stock +AUSTIN +available 128")
          .containsPattern("stock +DALLAS +available 31").contains("customer  C20311");

      gpFaults.enabled(true);   // GP (its agent) answers 503 to everything
      Result down = lookup("--config", config.toString(), "--customer", "WEBJSMITH0001", "--sku", "WDG-1001-BLU",
          "--timeout", "PT1S");
      assertThat(down.exit()).isEqualTo(1);
      assertThat(down.err()).startsWith("error: ").contains("dynamics-gp").doesNotContain(AGENT_SECRET);
      assertThat(down.out()).doesNotContain("price ");
    }
  }
}
