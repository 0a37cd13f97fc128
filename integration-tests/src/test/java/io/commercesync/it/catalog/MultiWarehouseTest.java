package io.commercesync.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.magento.MagentoStorefront;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.it.catalog.CatalogRig.ErpKind;
import io.commercesync.it.catalog.CatalogRig.ShopKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY 5 and 13 end to end: three ERP warehouses mapped to three storefront sources; each
 * source gets its own warehouse's quantity, allocated stock subtracted; a negative ERP availability is
 * published as 0 (and out of stock), never negative; safety stock is held back and back orders keep an
 * item sellable at zero; and Magento's own reservations for orders already in the ERP are not deducted a
 * second time.
 */
class MultiWarehouseTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> pairs() {
    return Stream.of(Arguments.of(ErpKind.GP, ShopKind.MAGENTO), Arguments.of(ErpKind.GP, ShopKind.CLARITY),
        Arguments.of(ErpKind.SL, ShopKind.MAGENTO), Arguments.of(ErpKind.SL, ShopKind.CLARITY));
  }

  /** The ERP's three warehouses, the third added for the test. */
  static List<String> sites(ErpKind erp) {
    return erp == ErpKind.GP ? List.of("MAIN", "EAST", "WEST") : List.of("AUSTIN", "DALLAS", "PLANO");
  }

  static List<String> sources(ShopKind shop) {
    return shop == ShopKind.MAGENTO ? List.of("default", "wh_austin", "wh_reno") : List.of("AUSTIN", "DALLAS", "HOUSTON");
  }

  static String item(ErpKind erp) {
    return erp == ErpKind.GP ? "WDG-1001-BLU" : "WID-100-BLK";
  }

  static FlowMappings.Builder mappings(ErpKind erp, ShopKind shop) {
    FlowMappings.Builder m = FlowMappings.builder();
    for (int i = 0; i < 3; i++) {
      m.stockSource(sites(erp).get(i), sources(shop).get(i));
    }
    return m;
  }

  /** The third warehouse, where the item is over-allocated: on hand 2, allocated 5. */
  static void addOverAllocatedWarehouse(CatalogRig rig) {
    if (rig.erpKind == ErpKind.GP) {
      rig.gp.addSite("WEST", "West warehouse");
      rig.gp.execute("INSERT INTO IV00102 (ITEMNMBR, LOCNCODE, RCRDTYPE, QTYONHND, ATYALLOC) VALUES"
          + " ('WDG-1001-BLU', 'WEST', 2, 2, 5)");
    } else {
      rig.sl.addSite("PLANO", "Plano warehouse", "0060");
      rig.sl.setStock("0060", "WID-100-BLK", "PLANO", new BigDecimal("2"), new BigDecimal("5"));
    }
  }

  static void run(CatalogRig rig, FlowOptions options, boolean catalogFirst) {
    if (catalogFirst) {
      // the storefront gets the ERP's items first (created disabled), as a new installation would
      RunReport catalog = Flows.catalogToStorefront(rig.erp(), rig.storefront(), options).runOnce();
      assertThat(catalog.state()).as(catalog.summary()).isEqualTo(RunState.COMPLETED);
    }
    RunReport stock = Flows.inventoryToStorefront(rig.erp(), rig.storefront(), options).runOnce();
    assertThat(stock.state()).as(stock.summary()).isEqualTo(RunState.COMPLETED);
    assertThat(rig.store.deadLetters().list(DeadLetterFilter.OPEN)).isEmpty();
  }

  static BigDecimal shown(CatalogRig rig, String sku, String source) {
    return rig.shopKind == ShopKind.MAGENTO ? rig.magento.sourceQuantity(sku, source)
        : rig.clarity.stock(sku, source).orElse(null);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void threeWarehouses_landPerSource_allocatedSubtracted_negativeBecomesZero(ErpKind erp, ShopKind shop) {
    try (CatalogRig rig = CatalogRig.start(erp, shop)) {
      addOverAllocatedWarehouse(rig);
      run(rig, rig.options(mappings(erp, shop).build()), true);
      String sku = item(erp);
      List<String> src = sources(shop);
      // GP: MAIN 142 - 10, EAST 40 - 4; SL: AUSTIN 140 - 12, DALLAS 35 - 4; the third 2 - 5 = -3 -> 0
      assertThat(shown(rig, sku, src.get(0))).isEqualByComparingTo(erp == ErpKind.GP ? "132" : "128");
      assertThat(shown(rig, sku, src.get(1))).isEqualByComparingTo(erp == ErpKind.GP ? "36" : "31");
      assertThat(shown(rig, sku, src.get(2))).isEqualByComparingTo("0");
      if (shop == ShopKind.MAGENTO) {
        // the zero source is out of stock (status 0): only the other two count towards what can be sold
        assertThat(rig.magento.salableQuantity(sku)).isEqualByComparingTo(erp == ErpKind.GP ? "168" : "159");
      }
    }
  }

  @Test
  void safetyStock_isHeldBack_andBackOrdersKeepAZeroSourceSellable() {
    try (CatalogRig rig = CatalogRig.start(ErpKind.GP, ShopKind.MAGENTO)) {
      addOverAllocatedWarehouse(rig);
      run(rig, rig.options(mappings(ErpKind.GP, ShopKind.MAGENTO).safetyStock(new BigDecimal("6"))
          .backorders(true).build()), true);
      assertThat(rig.magento.sourceQuantity("WDG-1001-BLU", "default")).isEqualByComparingTo("126");
      assertThat(rig.magento.sourceQuantity("WDG-1001-BLU", "wh_austin")).isEqualByComparingTo("30");
      assertThat(rig.magento.sourceQuantity("WDG-1001-BLU", "wh_reno")).isEqualByComparingTo("0");
      // with back orders the zero source stays in stock (status 1), so it still counts as a source to sell from
      assertThat(rig.magento.sourceItemStatus("WDG-1001-BLU", "wh_reno")).isEqualTo(1);
    }
  }

  /**
   * Scenario 13 at flow level: Magento reserves stock for its open orders and subtracts the
   * reservations from the source quantities; once the orders are in the ERP, the ERP allocates the same
   * units. The inventory flow publishes what Magento must hold so that its salable quantity equals the
   * ERP's available quantity: the reservations are deducted once. SL allocates when the orders flow
   * creates its sales order; GP's allocation is entered by SQL, as GP's sales order entry would.
   */
  @ParameterizedTest(name = "{0} -> MAGENTO")
  @EnumSource(ErpKind.class)
  void magentoReservations_forOrdersAlreadyInTheErp_areNotDeductedTwice(ErpKind erp) throws Exception {
    try (CatalogRig rig = CatalogRig.withMagentoOrders(erp, 1)) {
      // an open storefront order for 2 of one product: Magento reserves the 2 when the order is placed
      // (the generated order is the template: its lines and totals stay consistent, only the sku changes)
      long orderId = rig.magento.orderIds().get(0);
      ObjectNode order = (ObjectNode) JSON.readTree(rig.magento.orderJson(orderId));
      assertThat(order.path("items")).hasSize(1);
      String sku = rig.magento.skus().stream().filter(s -> s.endsWith("-STD")).findFirst().orElseThrow();
      ObjectNode line = (ObjectNode) order.path("items").get(0);
      BigDecimal quantity = line.path("qty_ordered").decimalValue();
      line.put("sku", sku).put("qty_shipped", 0).put("qty_invoiced", 0).put("row_invoiced", 0);
      ((ObjectNode) order.path("extension_attributes").path("shipping_assignments").get(0))
          .putArray("items").add(line.deepCopy());
      order.put("state", "processing").put("status", "processing");
      rig.magento.putOrder(order.toString());
      rig.magento.reserve(sku, quantity.negate());
      InventorySink inventory = rig.storefront().require(InventorySink.class);
      Map<String, BigDecimal> reserved = inventory.openReservations(List.of(sku));
      assertThat(reserved).containsOnlyKeys(sku);
      assertThat(reserved.get(sku)).isEqualByComparingTo(quantity);
      List<String> erpItems = stockedItems(rig, reserved.size());
      // two ERP warehouses feed the store's two sources (the seeded third source of these skus is removed)
      FlowMappings.Builder m = FlowMappings.builder().stockSource(sites(erp).get(0), "default")
          .stockSource(sites(erp).get(1), "wh_austin").defaultSite(sites(erp).get(0));
      var client = ((MagentoStorefront) rig.storefront()).client();
      for (String reservedSku : reserved.keySet()) {
        client.inventory().deleteSourceItems(io.commercesync.connector.magento.StoreScope.ALL,
            List.of(new io.commercesync.connector.magento.SourceItem(reservedSku, "wh_reno", BigDecimal.ZERO, false)));
      }
      Map<String, String> itemOf = new LinkedHashMap<>();
      int i = 0;
      for (String reservedSku : reserved.keySet()) {
        itemOf.put(reservedSku, erpItems.get(i++));
        m.sku(reservedSku, itemOf.get(reservedSku));
      }
      FlowOptions options = rig.options(m.build());

      if (erp == ErpKind.SL) {
        RunReport orders = Flows.ordersToErp(rig.storefront(), rig.erp(), options).runOnce();
        assertThat(orders.written()).as(orders.summary()).isEqualTo(1);
      } else {
        Instant at = Instant.parse("2024-06-01T09:00:00Z");
        for (Map.Entry<String, BigDecimal> r : reserved.entrySet()) {
          rig.gp.execute("UPDATE IV00102 SET ATYALLOC = ATYALLOC + ? WHERE ITEMNMBR = ? AND LOCNCODE = 'MAIN'"
              + " AND RCRDTYPE = 2", r.getValue(), itemOf.get(r.getKey()));
          rig.gp.execute("UPDATE IV00101 SET DEX_ROW_TS = ? WHERE ITEMNMBR = ?", at, itemOf.get(r.getKey()));
        }
      }
      run(rig, options, true);

      for (Map.Entry<String, String> e : itemOf.entrySet()) {
        BigDecimal erpAvailable = BigDecimal.ZERO;
        for (String site : sites(erp).subList(0, 2)) {
          erpAvailable = erpAvailable.add(available(rig, e.getValue(), site).max(BigDecimal.ZERO));
        }
        // Magento sells exactly what the ERP says is available: its reservation counted once
        assertThat(rig.magento.salableQuantity(e.getKey())).as(e.getKey() + " -> " + e.getValue())
            .isEqualByComparingTo(erpAvailable);
      }
    }
  }

  /** ERP items with at least 20 available at the first two warehouses. */
  static List<String> stockedItems(CatalogRig rig, int count) throws Exception {
    List<String> out = new ArrayList<>();
    String sql = rig.erpKind == ErpKind.GP
        ? "SELECT TRIM(ITEMNMBR) FROM IV00102 WHERE RCRDTYPE = 2 AND LOCNCODE = 'MAIN' AND QTYONHND - ATYALLOC >= 20"
            + " ORDER BY ITEMNMBR"
        : "SELECT TRIM(InvtID) FROM ItemSite WHERE SiteID = 'AUSTIN' AND QtyAvail >= 20 ORDER BY InvtID";
    try (var c = connect(rig); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
      while (rs.next() && out.size() < count) {
        out.add(rs.getString(1));
      }
    }
    assertThat(out).hasSize(count);
    return out;
  }

  static BigDecimal available(CatalogRig rig, String item, String site) throws Exception {
    String sql = rig.erpKind == ErpKind.GP
        ? "SELECT QTYONHND - ATYALLOC FROM IV00102 WHERE RCRDTYPE = 2 AND ITEMNMBR = ? AND LOCNCODE = ?"
        : "SELECT QtyAvail FROM ItemSite WHERE InvtID = ? AND SiteID = ?";
    try (var c = connect(rig); var ps = c.prepareStatement(sql)) {
      ps.setString(1, item);
      ps.setString(2, site);
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getBigDecimal(1) : BigDecimal.ZERO;
      }
    }
  }

  static java.sql.Connection connect(CatalogRig rig) throws java.sql.SQLException {
    return rig.erpKind == ErpKind.GP ? java.sql.DriverManager.getConnection(rig.gp.jdbcUrl(), "sa", "")
        : java.sql.DriverManager.getConnection(rig.sl.jdbcUrl());
  }
}
