package io.commercesync.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.cli.CommerceSyncCommand;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code commercesync sync --config FILE} runs the catalog, stock and price flows of a GP → Magento pair;
 * {@code --reconcile} reads everything again and, nothing having changed, writes nothing.
 */
class CliSyncReconcileTest {

  @TempDir
  Path dir;

  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cli = CommerceSyncCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    int exit = cli.execute(args);
    return new String[] {String.valueOf(exit), out.toString()};
  }

  @Test
  void sync_thenReconcile_readsEverythingAgain_andWritesNothingUnchanged() throws Exception {
    try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.config().orders(0).customers(0).build());
        GpSimulator gp = GpSimulator.start(GpSimulator.options().secret(CliLookupTest.AGENT_SECRET))) {
      Path config = dir.resolve("sync.yaml");
      Files.writeString(config, """
          systems:
            shop: {type: magento, baseUrl: %s, consumerKey: env:CS_IT_MAGENTO_CK, consumerSecret: env:CS_IT_MAGENTO_CS,
                   accessToken: env:CS_IT_MAGENTO_AT, accessTokenSecret: env:CS_IT_MAGENTO_ATS}
            gp: {type: dynamics-gp, agentUrl: %s, agentKey: env:CS_IT_GP_AGENT_KEY, company: TWO}
          policies:
            magento: {requestsPerSecond: 500}
            dynamics-gp: {requestsPerSecond: 500}
          pairs:
            - storefront: shop
              erp: gp
              flows: [catalog, inventory, prices]
              mappings: {stockSources: {MAIN: default, EAST: wh_austin}, basePriceList: RETAIL}
          """.formatted(magento.baseUri(), gp.baseUri()));
      String[] first = run("sync", "--config", config.toString(), "--store", dir.toString());
      assertThat(first[0]).as(first[1]).isEqualTo("0");
      assertThat(first[1]).contains("running catalog:dynamics-gp>magento").contains("written=15")
          .contains("dead letters open: 0");
      long writes = magento.server().log().count("POST") + magento.server().log().count("PUT");

      String[] again = run("sync", "--config", config.toString(), "--store", dir.toString(), "--reconcile");
      assertThat(again[0]).as(again[1]).isEqualTo("0");
      assertThat(again[1]).contains("reconciling inventory:dynamics-gp>magento").contains("read=30 written=0")
          .contains("unchanged=30");
      assertThat(magento.server().log().count("POST") + magento.server().log().count("PUT")).isEqualTo(writes);
    }
  }
}
