package io.commercesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testkit.clarity.ClaritySimulator;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue-size seeding and inspection helpers the catalog tests and benchmarks use. */
class CatalogSeedingTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static long count(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void gp_addItems_writesItemsStockPerSiteAndTwoPriceLevels_stampedApart() throws Exception {
    try (GpSimulator gp = GpSimulator.start(GpSimulator.options())) {
      gp.addSite("WEST", "West warehouse");
      List<String> items = gp.addItems("T-", 1_500, List.of("MAIN", "EAST", "WEST"),
          Instant.parse("2024-04-01T00:00:00Z"), Duration.ofSeconds(1), 9);
      assertThat(items).hasSize(1_500).startsWith("T-0000001").endsWith("T-0001500");
      try (Connection c = DriverManager.getConnection(gp.jdbcUrl(), "sa", "")) {
        assertThat(count(c, "SELECT COUNT(*) FROM IV00101 WHERE ITEMNMBR LIKE 'T-%'")).isEqualTo(1_500);
        assertThat(count(c, "SELECT COUNT(*) FROM IV00102 WHERE ITEMNMBR LIKE 'T-%' AND RCRDTYPE = 2")).isEqualTo(4_500);
        assertThat(count(c, "SELECT COUNT(*) FROM IV00108 WHERE ITEMNMBR LIKE 'T-%'")).isEqualTo(3_000);
        assertThat(count(c, "SELECT COUNT(*) FROM IV00102 WHERE ATYALLOC > QTYONHND")).isZero();
        assertThat(count(c, "SELECT COUNT(DISTINCT DEX_ROW_TS) FROM IV00101 WHERE ITEMNMBR LIKE 'T-%'")).isEqualTo(1_500);
        assertThat(count(c, "SELECT COUNT(*) FROM IV40700 WHERE LOCNCODE = 'WEST'")).isEqualTo(1);
      }
    }
  }

  @Test
  void sl_addItems_setStock_andSetBasePrice_areMirroredAndStamped() throws Exception {
    String h2 = "jdbc:h2:mem:sl-seed-" + System.nanoTime() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    try (SlSimulator sl = SlSimulator.builder().jdbcUrl(h2).start()) {
      sl.addSite("PLANO", "Plano warehouse", "0060");
      List<String> items = sl.addItems("T-", 200, "0060", List.of("AUSTIN", "PLANO"), 9);
      sl.setStock("0060", items.get(0), "PLANO", new BigDecimal("2"), new BigDecimal("5"));
      sl.setBasePrice(items.get(0), new BigDecimal("12.34"));
      assertThat(JSON.readTree(sl.row("ItemSite", items.get(0), "PLANO")).path("QtyAvail").decimalValue())
          .isEqualByComparingTo("-3");
      try (Connection c = DriverManager.getConnection(h2)) {
        assertThat(count(c, "SELECT COUNT(*) FROM Inventory WHERE InvtID LIKE 'T-%'")).isEqualTo(200);
        assertThat(count(c, "SELECT COUNT(*) FROM ItemSite WHERE InvtID LIKE 'T-%'")).isEqualTo(400);
        assertThat(count(c, "SELECT COUNT(*) FROM Site WHERE SiteId = 'PLANO'")).isEqualTo(1);
        assertThat(count(c, "SELECT COUNT(*) FROM Inventory WHERE InvtID = 'T-0000001' AND StkBasePrc = 12.34")).isEqualTo(1);
      }
    }
  }

  @Test
  void clarity_addProduct_keepsTheContent_andRefusesADuplicateSku() throws Exception {
    try (ClaritySimulator clarity = ClaritySimulator.start()) {
      String id = clarity.addProduct("{\"sku\":\"T-1\",\"name\":\"One\",\"description\":\"<p>Copy</p>\","
          + "\"images\":[{\"url\":\"https://cdn.example.com/1.jpg\"}]}");
      assertThat(id).startsWith("prd_");
      var product = JSON.readTree(clarity.productJson("T-1").orElseThrow());
      assertThat(product.path("description").asText()).isEqualTo("<p>Copy</p>");
      assertThat(product.path("images")).hasSize(1);
      assertThat(clarity.productJson("T-2")).isEmpty();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> clarity.addProduct("{\"sku\":\"T-1\",\"name\":\"x\"}"))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void magento_sourceItemStatus_readsWhatWasStored() {
    try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.config().orders(0).build())) {
      String sku = magento.skus().stream().filter(s -> magento.sourceQuantity(s, "default") != null).findFirst()
          .orElseThrow();
      assertThat(magento.sourceItemStatus(sku, "default")).isIn(0, 1);
      assertThat(magento.sourceItemStatus(sku, "no_such_source")).isNull();
    }
  }
}
