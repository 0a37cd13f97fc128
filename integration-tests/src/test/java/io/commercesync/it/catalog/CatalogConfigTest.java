package io.commercesync.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.config.SyncSetup;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog, inventory and price flows from a configuration document — what {@code commercesync sync
 * --config} reads — with every key docs/catalog-and-inventory.md documents: ownership, tax classes,
 * new products' status, warehouse mapping, safety stock, back orders, the base price level and group
 * prices, and the Magento connector's bulk and stock settings.
 */
class CatalogConfigTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aConfigDocument_runsCatalogInventoryAndPrices_withTheDocumentedKeys() throws Exception {
    try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.config().orders(0).customers(0).build());
        GpSimulator gp = GpSimulator.start(GpSimulator.options().secret("config-secret"))) {
      MagentoSimulator.Credentials c = magento.credentials();
      Map<String, String> env = Map.of("MAGENTO_CK", c.consumerKey(), "MAGENTO_CS", c.consumerSecret(),
          "MAGENTO_AT", c.accessToken(), "MAGENTO_ATS", c.accessTokenSecret(), "GP_AGENT_KEY", "config-secret");
      Map<String, Object> shop = new LinkedHashMap<>(Map.of("type", "magento", "baseUrl", magento.baseUri().toString(),
          "consumerKey", "env:MAGENTO_CK", "consumerSecret", "env:MAGENTO_CS", "accessToken", "env:MAGENTO_AT",
          "accessTokenSecret", "env:MAGENTO_ATS"));
      shop.putAll(Map.of("catalogBulkFrom", 10, "bulkTimeout", "PT2M", "stockId", 1));
      Map<String, Object> mappings = new LinkedHashMap<>();
      mappings.put("erpCatalogFields", List.of("WEIGHT", "STATUS", "TAX_CLASS"));
      mappings.put("taxClasses", Map.of("WEBTAX", "2"));
      mappings.put("stockSources", Map.of("MAIN", "default", "EAST", "wh_austin"));
      mappings.put("defaultSite", "MAIN");
      mappings.put("safetyStock", 2);
      mappings.put("backorders", false);
      mappings.put("basePriceList", "RETAIL");
      mappings.put("customerGroups", Map.of("WHOLESALE", "Wholesale"));
      Map<String, Object> document = Map.of(
          "systems", Map.of("shop", shop, "gp", Map.of("type", "dynamics-gp", "agentUrl", gp.baseUri().toString(),
              "agentKey", "env:GP_AGENT_KEY", "company", "TWO", "pollOverlap", "PT2M")),
          "policies", Map.of("magento", Map.of("requestsPerSecond", 500), "dynamics-gp", Map.of("requestsPerSecond", 500)),
          "pairs", List.of(Map.of("storefront", "shop", "erp", "gp", "flows", List.of("catalog", "inventory", "prices"),
              "mappings", mappings, "catalog", Map.of("createMissing", true, "newProductStatus", "ACTIVE"))));
      gp.execute("UPDATE IV00101 SET ITMTSHID = 'WEBTAX' WHERE ITEMNMBR = 'WDG-1001-BLU'");

      try (SyncSetup setup = SyncSetup.build(document, dir, env::get)) {
        assertThat(setup.flows()).extracting(SyncFlow::name).containsExactly("catalog:dynamics-gp>magento",
            "inventory:dynamics-gp>magento", "prices:dynamics-gp>magento");
        for (SyncFlow flow : setup.flows()) {
          RunReport report = flow.runOnce();
          assertThat(report.state()).as(report.summary()).isEqualTo(RunState.COMPLETED);
        }
        assertThat(setup.store().deadLetters().list(DeadLetterFilter.OPEN)).isEmpty();
      }
      JsonNode product = JSON.readTree(magento.productScopes("WDG-1001-BLU")).path("global");
      assertThat(product.path("status").asInt()).isEqualTo(1);   // newProductStatus: ACTIVE
      assertThat(product.path("weight").decimalValue()).isEqualByComparingTo("1.25");
      assertThat(EnrichedContentTest.customAttribute(product, "tax_class_id")).isEqualTo("2");
      assertThat(EnrichedContentTest.customAttribute(product, "unit_of_measure")).isNull();   // not ERP-owned here
      assertThat(product.path("price").decimalValue()).isEqualByComparingTo("24.50");        // RETAIL, base price
      // 142 - 10 - 2 safety; 40 - 4 - 2
      assertThat(magento.sourceQuantity("WDG-1001-BLU", "default")).isEqualByComparingTo("130");
      assertThat(magento.sourceQuantity("WDG-1001-BLU", "wh_austin")).isEqualByComparingTo("34");
      JsonNode tiers = JSON.readTree(magento.productJson("WDG-1001-BLU", "default")).path("tier_prices");
      assertThat(tiers).singleElement().satisfies(t -> {
        assertThat(t.path("value").decimalValue()).isEqualByComparingTo("22.05");
        assertThat(t.path("customer_group_id").asInt()).isEqualTo(2);   // Wholesale
      });
    }
  }
}
