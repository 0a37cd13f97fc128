package io.commercesync.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Price;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Regressions found while proving the catalog, inventory and price flows end to end against the
 * connectors and simulators (issue 10).
 */
class ErpToStorefrontDeltaTest {

  private final Fakes.Shop shop = new Fakes.Shop();
  private final Fakes.Books erp = new Fakes.Books();
  private final StateStore store = StateStore.inMemory();
  private final Instant now = Instant.parse("2025-03-15T10:00:00Z");

  private FlowOptions options(FlowMappings mappings) {
    return FlowOptions.builder().mappings(mappings).store(store).concurrency(4).build();
  }

  private InventoryLevel level(String sku, String site, String onHand, String allocated) {
    return InventoryLevel.builder().sku(sku).location(site).onHand(new BigDecimal(onHand))
        .allocated(new BigDecimal(allocated)).asOf(now).build();
  }

  /**
   * GP's IV00101 carries no list price (prices live in IV00108): with PRICE among the ERP-owned fields
   * by default, every GP item used to be dead-lettered by the storefront sink ("price is named in the
   * update's fields but the item has no value"). A field the ERP has no value for is now left out.
   */
  @Test
  void catalog_leavesOutOwnedFieldsTheItemHasNoValueFor_insteadOfDeadLetteringIt() {
    erp.items.add(Item.builder().sku("WDG-1001-BLU").name("Widget").weight(new BigDecimal("1.25"))
        .unitOfMeasure("EACH").taxClass("  ").status(ItemStatus.ACTIVE).build());
    RunReport report = Flows.catalogToStorefront(erp, shop, options(FlowMappings.defaults())).runOnce();
    assertThat(report.deadLettered()).isZero();
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isZero();
    assertThat(shop.catalogWrites).singleElement().satisfies(u -> assertThat(u.fields())
        .containsExactlyInAnyOrder(CatalogField.WEIGHT, CatalogField.STATUS, CatalogField.UNIT_OF_MEASURE));
  }

  /** ERP tax classes are translated through {@code mappings.taxClasses}; an unlisted one is not sent. */
  @Test
  void catalog_taxClassesAreTranslated_andAnUnlistedOneIsLeftOut() {
    erp.items.add(Item.builder().sku("A").taxClass("WEBTAX ").status(ItemStatus.ACTIVE).build());
    erp.items.add(Item.builder().sku("B").taxClass("EXEMPTX").status(ItemStatus.ACTIVE).build());
    Flows.catalogToStorefront(erp, shop, options(FlowMappings.builder().taxClass("WEBTAX", "2").build())).runOnce();
    assertThat(shop.catalogWrites).hasSize(2);
    assertThat(shop.catalogWrites).filteredOn(u -> u.item().sku().equals("A")).singleElement().satisfies(u -> {
      assertThat(u.fields()).contains(CatalogField.TAX_CLASS);
      assertThat(u.item().taxClass()).isEqualTo("2");
    });
    assertThat(shop.catalogWrites).filteredOn(u -> u.item().sku().equals("B")).singleElement()
        .satisfies(u -> assertThat(u.fields()).doesNotContain(CatalogField.TAX_CLASS));
  }

  /** A change the polling missed (behind the checkpoint) is found by a full reconciliation, and only it costs a call. */
  @Test
  void reconcile_rereadsEverything_andWritesOnlyWhatDiffersFromWhatWasSent() {
    var flow = Flows.inventoryToStorefront(erp, shop, options(FlowMappings.defaults()));
    erp.levels.add(level("A", "MAIN", "10", "0")).add(level("B", "MAIN", "20", "0"));
    assertThat(flow.runOnce().written()).isEqualTo(2);
    // the checkpoint is past a change that then becomes visible (a row edited without moving its stamp)
    store.checkpoints().put("erp:stock|" + flow.name(), io.commercesync.core.pipeline.Cursor.of("000000099"));
    erp.levels.add(level("B", "MAIN", "25", "0"));
    assertThat(flow.runOnce().read()).isZero();
    RunReport full = flow.reconcile();
    assertThat(full.read()).isEqualTo(3);
    assertThat(full.written()).isEqualTo(1);
    assertThat(shop.stock.get("B@MAIN").quantity()).isEqualByComparingTo("25");
    assertThat(shop.stock.get("A@MAIN").quantity()).isEqualByComparingTo("10");
  }

  /**
   * The idempotency key of a stock write carried only the quantity, and the ledger keeps done keys: a
   * quantity that went 10 → 12 → 10 made the third write a "duplicate" of the first, and the storefront
   * kept showing 12.
   */
  @Test
  void stock_returningToAnEarlierQuantity_isPublishedAgain() {
    var flow = Flows.inventoryToStorefront(erp, shop, options(FlowMappings.defaults()));
    erp.levels.add(level("WDG", "MAIN", "10", "0"));
    flow.runOnce();
    erp.levels.add(level("WDG", "MAIN", "12", "0"));
    flow.runOnce();
    assertThat(shop.stock.get("WDG@MAIN").quantity()).isEqualByComparingTo("12");
    erp.levels.add(level("WDG", "MAIN", "10", "0"));
    RunReport third = flow.runOnce();
    assertThat(third.written()).isEqualTo(1);
    assertThat(third.duplicatesPrevented()).isZero();
    assertThat(shop.stock.get("WDG@MAIN").quantity()).isEqualByComparingTo("10");
  }

  /** The same for prices (24.50 → 26.00 → 24.50) and catalog fields. */
  @Test
  void priceAndProduct_returningToAnEarlierValue_arePublishedAgain() {
    var prices = Flows.pricesToStorefront(erp, shop, options(FlowMappings.defaults()));
    var catalog = Flows.catalogToStorefront(erp, shop, options(FlowMappings.defaults()));
    for (String amount : new String[] {"24.50", "26.00", "24.50"}) {
      erp.priceList.add(Price.builder().sku("WDG").amount(Money.of(amount, "USD")).build());
      erp.items.add(Item.builder().sku("WDG").basePrice(Money.of(amount, "USD")).build());
      assertThat(prices.runOnce().written()).as("price " + amount).isEqualTo(1);
      assertThat(catalog.runOnce().written()).as("product " + amount).isEqualTo(1);
    }
    assertThat(shop.prices).extracting(p -> p.amount().amount().toPlainString())
        .containsExactly("24.50", "26.00", "24.50");
    assertThat(shop.catalogWrites).hasSize(3);
  }

  /**
   * RELIABILITY 13 at flow level: a storefront order of 2 is reserved by the storefront (it subtracts
   * the reservation from the quantity it is given) and, once sent to the ERP, allocated there at the
   * order site. Publishing on hand − allocated would deduct it twice; the flow adds the reservation back
   * up to the allocation at the order site, and only there.
   */
  @Test
  void storefrontReservations_areDeductedOnce_atTheOrderSiteOnly_andNeverAboveTheAllocation() {
    FlowMappings mappings = FlowMappings.builder().defaultSite("MAIN").stockSource("MAIN", "default")
        .stockSource("EAST", "east").build();
    shop.reservations.put("WDG", new BigDecimal("2"));   // the storefront's open order of 2, sent to the ERP
    shop.reservations.put("CBL", new BigDecimal("5"));   // 5 reserved, but the ERP allocated only 3 so far
    erp.levels.add(level("WDG", "MAIN", "100", "12"));   // 2 of the 12 are the storefront's order
    erp.levels.add(level("WDG", "EAST", "40", "6"));     // phone orders: no storefront reservation here
    erp.levels.add(level("CBL", "MAIN", "20", "3"));
    RunReport report = Flows.inventoryToStorefront(erp, shop, options(mappings)).runOnce();
    assertThat(report.written()).isEqualTo(3);
    // the storefront will subtract its 2 again: 90 published, 88 salable = 100 - 12
    assertThat(shop.stock.get("WDG@default").quantity()).isEqualByComparingTo("90");
    assertThat(shop.stock.get("WDG@east").quantity()).isEqualByComparingTo("34");
    // capped at the allocation: 17 + 3 = 20, minus the 5 reserved = 15 salable (never more than on hand - allocated)
    assertThat(shop.stock.get("CBL@default").quantity()).isEqualByComparingTo("20");
  }

  @Test
  void noReservations_orNoOrderSite_publishAvailableAsBefore() {
    erp.levels.add(level("WDG", "MAIN", "100", "12"));
    Flows.inventoryToStorefront(erp, shop, options(FlowMappings.defaults())).runOnce();
    assertThat(shop.stock.get("WDG@MAIN").quantity()).isEqualByComparingTo("88");
  }

  /**
   * LiveLookup filled its cache from a {@code thenAccept} that may run after the caller's {@code get()}
   * returned, so the next ask within the TTL sometimes went to the ERP again (FlowsTest's look-up test
   * was flaky). Every live answer is now in the cache before it is returned.
   */
  @Test
  void liveLookup_aLiveAnswerIsCachedBeforeItIsReturned() {
    Fakes.SlowLookup erpLookup = new Fakes.SlowLookup();
    io.commercesync.core.resilience.Resilience resilience = io.commercesync.core.resilience.Resilience.builder()
        .policy(io.commercesync.core.resilience.SystemPolicy.builder(Fakes.ERP).requestsPerSecond(100_000).build())
        .build();
    LiveLookup lookup = LiveLookup.builder(erpLookup, Fakes.ERP).ttl(java.time.Duration.ofMinutes(5))
        .resilience(resilience).build();
    for (int i = 0; i < 2000; i++) {
      String sku = "SKU-" + i;
      assertThat(lookup.price("C1", sku, BigDecimal.ONE).freshness()).isEqualTo(LookupAnswer.Freshness.LIVE);
      assertThat(lookup.price("C1", sku, BigDecimal.ONE).freshness()).as(sku).isEqualTo(LookupAnswer.Freshness.CACHED);
    }
    assertThat(erpLookup.calls).hasValue(2000);
  }
}
