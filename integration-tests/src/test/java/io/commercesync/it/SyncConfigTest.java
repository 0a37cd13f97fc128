package io.commercesync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.config.SyncSetup;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration document — what {@code commercesync sync --config} reads — wires a Magento simulator to
 * an SL simulator through the connector factories, with credentials only by environment reference, and
 * its orders flow puts every Magento order into SL once.
 */
class SyncConfigTest {

  @TempDir
  Path dir;

  @Test
  void configDocument_wiresMagentoToSl_andOrdersReachSlOnce() throws Exception {
    String h2 = "jdbc:h2:mem:sl-config-" + System.nanoTime() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.config().seed(7).orders(12).build());
        SlSimulator sl = SlSimulator.builder().seed(7).jdbcUrl(h2).start()) {
      MagentoSimulator.Credentials c = magento.credentials();
      Map<String, String> env = Map.of("MAGENTO_CK", c.consumerKey(), "MAGENTO_CS", c.consumerSecret(),
          "MAGENTO_AT", c.accessToken(), "MAGENTO_ATS", c.accessTokenSecret(), "SL_KEY", "sim-key",
          "SL_SECRET", "sim-secret");
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("systems", Map.of(
          "shop", Map.of("type", "magento", "baseUrl", magento.baseUri().toString(), "store", "default",
              "consumerKey", "env:MAGENTO_CK", "consumerSecret", "env:MAGENTO_CS",
              "accessToken", "env:MAGENTO_AT", "accessTokenSecret", "env:MAGENTO_ATS"),
          "sl", Map.of("type", "dynamics-sl", "baseUrl", sl.baseUri().toString(), "apiKey", "env:SL_KEY",
              "apiSecret", "env:SL_SECRET", "company", "0060", "serverZone", "America/Chicago",
              "polling", Map.of("jdbcUrl", h2))));
      document.put("pairs", List.of(Map.of("storefront", "shop", "erp", "sl", "flows", List.of("orders"),
          "mappings", Map.of("skus", skuTable(magento, h2), "orderSites", Map.of("default", "AUSTIN")))));

      try (SyncSetup setup = SyncSetup.build(document, dir, env::get)) {
        assertThat(setup.flows()).extracting(SyncFlow::name).containsExactly("orders-to-erp:magento>dynamics-sl");
        RunReport report = setup.flows().get(0).runOnce();
        assertThat(report.state()).as(report.summary() + " " + setup.store().deadLetters().list(DeadLetterFilter.OPEN))
            .isEqualTo(RunState.COMPLETED);
        assertThat(report.read()).isGreaterThan(0);
        Map<String, Integer> perOrder = sl.ordersPerCustOrdNbr();
        assertThat(perOrder.values()).allMatch(n -> n == 1);
        assertThat(perOrder.size() + report.skipped() + report.deadLettered()).isEqualTo(report.read());
        RunReport again = setup.flows().get(0).runOnce();
        assertThat(again.written()).isZero();
        assertThat(sl.ordersPerCustOrdNbr()).isEqualTo(perOrder);
      }
    }
  }

  @Test
  void inlineCredentials_areRefused_withoutEchoingThem() {
    Map<String, Object> document = Map.of(
        "systems", Map.of("shop", Map.of("type", "magento", "baseUrl", "https://shop.example.com",
            "consumerKey", "ck-123", "consumerSecret", "super-secret-value", "accessToken", "at", "accessTokenSecret", "ats")),
        "pairs", List.of());
    assertThatThrownBy(() -> SyncSetup.build(document, dir, name -> null))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("config.systems.shop.consumerKey: must name an environment variable as env:NAME")
        .message().doesNotContain("ck-123").doesNotContain("super-secret-value");
  }

  /** Every Magento sku the simulator sells, mapped round-robin onto SL's stocked items. */
  static Map<String, String> skuTable(MagentoSimulator magento, String slJdbc) throws Exception {
    List<String> items = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(slJdbc); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT InvtID FROM ItemSite WHERE SiteID = 'AUSTIN' AND QtyAvail > 0 ORDER BY InvtID")) {
      while (rs.next()) {
        items.add(rs.getString(1).trim());
      }
    }
    Map<String, String> table = new LinkedHashMap<>();
    List<String> skus = magento.skus();
    for (int i = 0; i < skus.size(); i++) {
      table.put(skus.get(i), items.get(i % items.size()));
    }
    return table;
  }
}
