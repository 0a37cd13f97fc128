package io.commercesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testkit.clarity.ClaritySimulator;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeding and inspection helpers the demo world adds to the simulators. */
class SimulatorHelpersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void magentoRefund_writesACreditMemoForAnInvoicedLine_neverForABundlesOwnRow() throws Exception {
    try (MagentoSimulator sim = MagentoSimulator.start(MagentoSimulator.config().seed(7).orders(60).build())) {
      int refunded = 0;
      int memosBefore = JSON.readTree(sim.stats()).path("creditmemos").asInt();
      for (long id : sim.orderIds()) {
        JsonNode order = JSON.readTree(sim.orderJson(id));
        String number = order.path("increment_id").asText();
        if (order.path("total_refunded").asDouble() > 0) {
          continue;   // refunded by the seed already
        }
        boolean invoiced = order.path("total_invoiced").asDouble() > 0;
        boolean onlyBundle = true;
        for (JsonNode item : order.path("items")) {
          onlyBundle &= item.has("parent_item_id") || "bundle".equals(item.path("product_type").asText());
        }
        if (!invoiced) {
          assertThatThrownBy(() -> sim.refund(number, BigDecimal.ONE, BigDecimal.ZERO))
              .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(number);
          continue;
        }
        if (onlyBundle) {
          assertThatThrownBy(() -> sim.refund(number, BigDecimal.ONE, BigDecimal.ZERO))
              .isInstanceOf(IllegalArgumentException.class);
          continue;
        }
        sim.refund(number, BigDecimal.ONE, new BigDecimal("2.50"));
        refunded++;
        JsonNode after = JSON.readTree(sim.orderJson(id));
        assertThat(after.path("total_refunded").decimalValue()).isPositive();
      }
      assertThat(refunded).isPositive();
      assertThat(JSON.readTree(sim.stats()).path("creditmemos").asInt()).isEqualTo(memosBefore + refunded);
    }
  }

  @Test
  void gpDatabaseFile_survivesARestart_withoutBeingSeededTwice_andQueryReadsIt() {
    GpSimulator.Options options = GpSimulator.options().databaseFile(dir.resolve("gp"));
    try (GpSimulator gp = GpSimulator.start(options)) {
      gp.execute("UPDATE RM00101 SET CUSTNAME = 'Jane Q. Smith' WHERE CUSTNMBR = 'WEBJSMITH0001'");
    }
    try (GpSimulator gp = GpSimulator.start(options)) {
      List<Map<String, Object>> rows = gp.query("SELECT CUSTNAME FROM RM00101 WHERE CUSTNMBR = ?", "WEBJSMITH0001");
      assertThat(rows).singleElement().satisfies(r -> assertThat(r).containsEntry("CUSTNAME", "Jane Q. Smith"));
      assertThat(gp.query("SELECT COUNT(*) AS N FROM IV40700").get(0).get("N")).isEqualTo(2L);
    }
  }

  @Test
  void slPutAndInvoice_behaveLikeSlScreens() throws Exception {
    String h2 = "jdbc:h2:mem:helpers-" + System.nanoTime() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
    try (SlSimulator sl = SlSimulator.builder().jdbcUrl(h2).start()) {
      sl.put("Customer", "{\"CustId\":\"EXTEST0001\",\"Name\":\"Ana Test\",\"EMailAddr\":\"ana@example.com\",\"Zip\":\"78701\"}");
      assertThat(sl.row("Customer", "EXTEST0001")).contains("\"EMailAddr\":\"ana@example.com\"", "LUpd_DateTime");
      assertThatThrownBy(() -> sl.put("Customer", "{\"CustId\":\"EXTEST0002\",\"Zip\":\"12345678901\"}"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Zip");
      JsonNode order = JSON.readTree(sl.rows("SOHeader").isEmpty() ? "{}" : sl.rows("SOHeader").get(0));
      assertThat(order.isEmpty()).as("a fresh SL has no sales orders").isTrue();
      assertThatThrownBy(() -> sl.invoice("0060", "S999999")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void clarityOrderNumbers_listEveryOrderWithItsV1Json() throws Exception {
    try (ClaritySimulator sim = ClaritySimulator.start(ClaritySimulator.options().generatedOrders(5))) {
      List<String> numbers = sim.orderNumbers();
      assertThat(numbers).hasSize(6).contains("CS-100045");
      for (String n : numbers) {
        assertThat(JSON.readTree(sim.orderJson(n).orElseThrow()).path("orderNumber").asText()).isEqualTo(n);
      }
      assertThat(sim.orderJson("CS-NOPE")).isEmpty();
    }
  }
}
