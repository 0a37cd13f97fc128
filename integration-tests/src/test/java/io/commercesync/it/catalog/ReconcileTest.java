package io.commercesync.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.it.catalog.CatalogRig.ErpKind;
import io.commercesync.it.catalog.CatalogRig.ShopKind;
import org.junit.jupiter.api.Test;

/**
 * Full reconciliation on demand: a GP stock edit that did not move {@code IV00101.DEX_ROW_TS} (made
 * outside GP's triggers, e.g. by a direct SQL fix) is invisible to change polling; {@code reconcile()}
 * reads every item again and writes only that one level, in one call.
 */
class ReconcileTest {

  @Test
  void aChangeThePollingMissed_isFoundByReconcile_andOnlyItCostsACall() {
    try (CatalogRig rig = CatalogRig.start(ErpKind.GP, ShopKind.MAGENTO)) {
      var options = rig.options(FlowMappings.builder().stockSource("MAIN", "default").stockSource("EAST", "wh_austin")
          .build());
      Flows.catalogToStorefront(rig.erp(), rig.storefront(), options).runOnce();
      SyncFlow stock = Flows.inventoryToStorefront(rig.erp(), rig.storefront(), options);
      RunReport first = stock.runOnce();
      assertThat(first.written()).isEqualTo(first.read()).isGreaterThan(20);

      rig.gp.execute("UPDATE IV00102 SET QTYONHND = 77 WHERE ITEMNMBR = 'WDG-1001-BLU' AND LOCNCODE = 'MAIN'"
          + " AND RCRDTYPE = 2");
      long before = rig.storefrontWrites();
      RunReport delta = stock.runOnce();
      assertThat(delta.written()).isZero();
      assertThat(rig.magento.sourceQuantity("WDG-1001-BLU", "default")).isEqualByComparingTo("132");

      RunReport full = stock.reconcile();
      assertThat(full.read()).isEqualTo(first.read());
      assertThat(full.written()).isEqualTo(1);
      assertThat(full.unchanged()).isEqualTo(first.read() - 1);
      assertThat(rig.storefrontWrites() - before).isEqualTo(1);
      assertThat(rig.magento.sourceQuantity("WDG-1001-BLU", "default")).isEqualByComparingTo("67");
    }
  }
}
