package io.commercesync.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.it.catalog.CatalogRig.ErpKind;
import io.commercesync.it.catalog.CatalogRig.ShopKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delta sync at catalogue size, for every ERP → storefront pair: a full sync of 10,000 items (three
 * warehouses each), then 1% of them change in the ERP (stock at one warehouse, list price, weight), and
 * the next sync makes at most 1% (+ a few partly filled batches) of the first run's write calls —
 * counted on the storefront simulator's request log, per flow. Unchanged records cost no call
 * (fingerprints); the ERP is read by its change stamps (GP {@code DEX_ROW_TS}, SL {@code LUpd_DateTime}).
 */
class DeltaSyncTest {

  private static final Logger LOG = LoggerFactory.getLogger(DeltaSyncTest.class);

  static final int ITEMS = 10_000;
  static final int CHANGED = ITEMS / 100;
  /** Partly filled batches a run may add (one per flow and warehouse at most). */
  static final int SLACK = 4;

  static Stream<Arguments> pairs() {
    return Stream.of(Arguments.of(ErpKind.GP, ShopKind.MAGENTO), Arguments.of(ErpKind.SL, ShopKind.MAGENTO),
        Arguments.of(ErpKind.GP, ShopKind.CLARITY), Arguments.of(ErpKind.SL, ShopKind.CLARITY));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void afterAOnePercentChange_theNextSyncCostsAtMostOnePercentOfTheWrites(ErpKind erpKind, ShopKind shopKind) {
    try (CatalogRig rig = CatalogRig.start(erpKind, shopKind)) {
      List<String> items = seed(rig);
      FlowOptions options = rig.options(mappings(rig));
      Map<String, SyncFlow> flows = flows(rig, options);

      Map<String, Long> full = new LinkedHashMap<>();
      flows.forEach((name, flow) -> full.put(name, run(rig, flow, "full")));
      assertThat(rig.store.deadLetters().list(DeadLetterFilter.OPEN)).isEmpty();
      if (flows.containsKey("inventory")) {
        // batched: 20 source items per Magento call, 100 levels per Clarity call (+ a few partial batches)
        int perCall = shopKind == ShopKind.MAGENTO ? 20 : 100;
        assertThat(full.get("inventory")).isLessThanOrEqualTo(ITEMS * 3L / perCall + 3 * SLACK);
      }

      List<String> changed = new ArrayList<>();
      for (int i = 0; i < items.size(); i += 100) {
        changed.add(items.get(i));
      }
      change(rig, changed);

      Map<String, Long> delta = new LinkedHashMap<>();
      flows.forEach((name, flow) -> delta.put(name, run(rig, flow, "delta")));
      LOG.info("pair={}>{} writes full={} delta={}", erpKind, shopKind, full, delta);
      for (String name : flows.keySet()) {
        assertThat(delta.get(name)).as(name + " writes: full " + full.get(name) + ", delta")
            .isLessThanOrEqualTo(full.get(name) / 100 + SLACK).isGreaterThan(0);
      }
      assertThat(rig.store.deadLetters().list(DeadLetterFilter.OPEN)).isEmpty();
      assertChangesLanded(rig, changed);
    }
  }

  /** The flows each pair is checked with: all three on Magento; stock and prices on Clarity (products seeded). */
  static Map<String, SyncFlow> flows(CatalogRig rig, FlowOptions options) {
    Map<String, SyncFlow> flows = new LinkedHashMap<>();
    if (rig.shopKind == ShopKind.MAGENTO) {
      flows.put("catalog", Flows.catalogToStorefront(rig.erp(), rig.storefront(), options));
    }
    flows.put("inventory", Flows.inventoryToStorefront(rig.erp(), rig.storefront(), options));
    flows.put("prices", Flows.pricesToStorefront(rig.erp(), rig.storefront(), options));
    return flows;
  }

  static long run(CatalogRig rig, SyncFlow flow, String which) {
    long before = rig.storefrontWrites();
    long started = System.nanoTime();
    RunReport report = flow.runOnce();
    long writes = rig.storefrontWrites() - before;
    LOG.info("{} {} run: {} in {} ms, {} write calls", flow.name(), which, report.summary(),
        (System.nanoTime() - started) / 1_000_000, writes);
    assertThat(report.state()).as(flow.name() + " " + which + ": " + report.summary()).isEqualTo(RunState.COMPLETED);
    return writes;
  }

  static final List<String> GP_SITES = List.of("MAIN", "EAST", "WEST");
  static final List<String> SL_SITES = List.of("AUSTIN", "DALLAS", "PLANO");

  /** 10,000 items at three warehouses in the ERP (and, for Clarity, the same products in the shop). */
  static List<String> seed(CatalogRig rig) {
    List<String> items;
    if (rig.erpKind == ErpKind.GP) {
      rig.gp.addSite("WEST", "West warehouse");
      items = rig.gp.addItems("GEN-", ITEMS, GP_SITES, Instant.parse("2024-04-01T00:00:00Z"), Duration.ofSeconds(1), 7);
    } else {
      rig.sl.addSite("PLANO", "Plano warehouse", "0060");
      items = rig.sl.addItems("GEN-", ITEMS, "0060", SL_SITES, 7);
    }
    if (rig.shopKind == ShopKind.CLARITY) {
      // Clarity's products are the storefront's own (no catalog flow here): one per ERP item
      for (String item : erpItems(rig)) {
        if (rig.clarity.productJson(item).isPresent()) {
          continue;
        }
        rig.clarity.addProduct("{\"sku\":\"" + item + "\",\"name\":\"Storefront name of " + item
            + "\",\"status\":\"active\",\"price\":1,\"currency\":\"USD\",\"description\":\"<p>Copy.</p>\"}");
      }
    }
    return items;
  }

  /** Every item number the ERP holds (the generated ones and the simulator's own seed). */
  static List<String> erpItems(CatalogRig rig) {
    String url = rig.erpKind == ErpKind.GP ? rig.gp.jdbcUrl() : rig.sl.jdbcUrl();
    String sql = rig.erpKind == ErpKind.GP ? "SELECT TRIM(ITEMNMBR) FROM IV00101" : "SELECT TRIM(InvtID) FROM Inventory";
    List<String> out = new ArrayList<>();
    try (var c = rig.erpKind == ErpKind.GP ? java.sql.DriverManager.getConnection(url, "sa", "")
            : java.sql.DriverManager.getConnection(url);
        var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static FlowMappings mappings(CatalogRig rig) {
    List<String> sites = rig.erpKind == ErpKind.GP ? GP_SITES : SL_SITES;
    List<String> sources = rig.shopKind == ShopKind.MAGENTO ? List.of("default", "wh_austin", "wh_reno")
        : List.of("AUSTIN", "DALLAS", "HOUSTON");
    FlowMappings.Builder m = FlowMappings.builder();
    for (int i = 0; i < 3; i++) {
      m.stockSource(sites.get(i), sources.get(i));
    }
    if (rig.erpKind == ErpKind.GP) {
      m.basePriceList("RETAIL");
      if (rig.shopKind == ShopKind.MAGENTO) {
        m.customerGroup("WHOLESALE", "Wholesale");
      }
    }
    return m.build();
  }

  /** 1% of the items: 5 more on hand at the first warehouse, list price + 1, and (GP) a new weight. */
  static void change(CatalogRig rig, List<String> changed) {
    if (rig.erpKind == ErpKind.GP) {
      Instant at = Instant.parse("2024-04-02T08:00:00Z");
      for (String item : changed) {
        rig.gp.execute("UPDATE IV00102 SET QTYONHND = QTYONHND + 5 WHERE ITEMNMBR = ? AND LOCNCODE = 'MAIN'"
            + " AND RCRDTYPE = 2", item);
        rig.gp.execute("UPDATE IV00108 SET UOMPRICE = UOMPRICE + 1, DEX_ROW_TS = ? WHERE ITEMNMBR = ?"
            + " AND PRCLEVEL = 'RETAIL'", at, item);
        rig.gp.execute("UPDATE IV00101 SET ITEMSHWT = ITEMSHWT + 10, DEX_ROW_TS = ? WHERE ITEMNMBR = ?", at, item);
      }
    } else {
      rig.slClock.advance(Duration.ofMinutes(30));
      for (String item : changed) {
        String austin = rig.sl.row("ItemSite", item, "AUSTIN");
        BigDecimal onHand = new BigDecimal(field(austin, "QtyOnHand"));
        BigDecimal allocated = new BigDecimal(field(austin, "QtyAlloc"));
        rig.sl.setStock("0060", item, "AUSTIN", onHand.add(BigDecimal.valueOf(5)), allocated);
        BigDecimal price = new BigDecimal(field(rig.sl.row("Inventory", item), "StkBasePrc"));
        rig.sl.setBasePrice(item, price.add(BigDecimal.ONE));
      }
    }
  }

  /** The storefront shows the changed items' new stock at the first warehouse: on hand − allocated. */
  static void assertChangesLanded(CatalogRig rig, List<String> changed) {
    for (String item : List.of(changed.get(0), changed.get(changed.size() - 1))) {
      BigDecimal expected = rig.erpKind == ErpKind.GP ? gpAvailable(rig, item, "MAIN")
          : new BigDecimal(field(rig.sl.row("ItemSite", item, "AUSTIN"), "QtyAvail"));
      BigDecimal shown = rig.shopKind == ShopKind.MAGENTO ? rig.magento.sourceQuantity(item, "default")
          : rig.clarity.stock(item, "AUSTIN").orElseThrow();
      assertThat(shown).as(item).isEqualByComparingTo(expected.max(BigDecimal.ZERO));
    }
  }

  static BigDecimal gpAvailable(CatalogRig rig, String item, String site) {
    try (var c = java.sql.DriverManager.getConnection(rig.gp.jdbcUrl(), "sa", "");
        var ps = c.prepareStatement("SELECT QTYONHND - ATYALLOC FROM IV00102 WHERE ITEMNMBR = ? AND LOCNCODE = ?"
            + " AND RCRDTYPE = 2")) {
      ps.setString(1, item);
      ps.setString(2, site);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String field(String json, String name) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path(name).asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
