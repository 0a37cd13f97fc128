package io.commercesync.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.flow.LiveLookup;
import io.commercesync.core.flow.LookupAnswer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.BreakerSettings;
import io.commercesync.core.resilience.BreakerState;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.RetrySettings;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.spi.CustomerStanding;
import io.commercesync.core.spi.PriceQuote;
import io.commercesync.it.catalog.CatalogRig.ErpKind;
import io.commercesync.it.catalog.CatalogRig.ShopKind;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real-time look-ups through the GP and SL {@code RealtimeLookup} against their simulators: live, then
 * cached within the TTL (no ERP call); the ERP slower than the hard timeout → the last value, flagged
 * stale; the ERP down → the circuit opens and only cached answers are served, with no call at all.
 */
class LookupTest {

  static final Duration TIMEOUT = Duration.ofMillis(400);

  record Case(String customer, String sku, String price, List<String> sites, boolean onHold) {}

  static Case of(ErpKind erp) {
    return erp == ErpKind.GP
        ? new Case("WEBJSMITH0001", "WDG-1001-BLU", "24.50", List.of("EAST", "MAIN"), false)
        : new Case("C20311", "WID-100-BLK", null, List.of("AUSTIN", "DALLAS"), false);
  }

  static SystemId system(ErpKind erp) {
    return erp == ErpKind.GP ? SystemId.DYNAMICS_GP : SystemId.DYNAMICS_SL;
  }

  @ParameterizedTest
  @EnumSource(ErpKind.class)
  void slowErp_givesTheLastValueFlaggedStale_andADownErp_opensTheCircuit_andOnlyCachedAnswersFollow(ErpKind erp) {
    // random faults off until the ERP "goes down"; queued latency faults for "slow"
    FaultSchedule faults = FaultSchedule.seeded(3).rate(1.0).kinds(Fault.Kind.UNAVAILABLE).build();
    faults.enabled(false);
    SystemId system = system(erp);
    Resilience resilience = Resilience.builder().policy(SystemPolicy.builder(system).retry(RetrySettings.NONE)
        .breaker(new BreakerSettings(2, 2, Duration.ofHours(1), 1)).requestsPerSecond(1_000).build()).build();
    try (CatalogRig rig = CatalogRig.start(erp, ShopKind.MAGENTO, faults, resilience)) {
      CatalogRig.TestClock clock = new CatalogRig.TestClock(Instant.parse("2025-03-15T12:00:00Z"));
      LiveLookup lookup = LiveLookup.builder(rig.erp()).ttl(Duration.ofSeconds(30)).timeout(TIMEOUT)
          .resilience(resilience).clock(clock).build();
      Case c = of(erp);
      var calls = rig.erpServer().log();

      // live, then from the cache without asking the ERP
      LookupAnswer<PriceQuote> live = lookup.price(c.customer(), c.sku(), BigDecimal.ONE);
      assertThat(live.freshness()).isEqualTo(LookupAnswer.Freshness.LIVE);
      if (c.price() != null) {
        assertThat(live.value().unitPrice().amount()).isEqualByComparingTo(c.price());
      }
      LookupAnswer<List<InventoryLevel>> stock = lookup.stock(c.sku());
      assertThat(stock.value()).extracting(InventoryLevel::location).containsAll(c.sites());
      LookupAnswer<CustomerStanding> standing = lookup.standing(c.customer());
      assertThat(standing.value().onHold()).isEqualTo(c.onHold());
      long asked = calls.total();
      assertThat(lookup.price(c.customer(), c.sku(), BigDecimal.ONE).freshness()).isEqualTo(LookupAnswer.Freshness.CACHED);
      assertThat(lookup.stock(c.sku()).freshness()).isEqualTo(LookupAnswer.Freshness.CACHED);
      assertThat(calls.total()).isEqualTo(asked);

      // the TTL has passed and the ERP answers only after 2 s: the caller waits the timeout, then gets
      // the last value, flagged stale
      clock.advance(Duration.ofSeconds(31));
      faults.enqueue(call -> true, Fault.latency(Duration.ofSeconds(2)));
      long started = System.nanoTime();
      LookupAnswer<PriceQuote> stale = lookup.price(c.customer(), c.sku(), BigDecimal.ONE);
      long waitedMs = (System.nanoTime() - started) / 1_000_000;
      assertThat(stale.stale()).isTrue();
      assertThat(stale.value().unitPrice()).isEqualTo(live.value().unitPrice());
      assertThat(waitedMs).isGreaterThanOrEqualTo(TIMEOUT.toMillis() - 50).isLessThan(1_900);

      // the ERP goes down: the first failures open the circuit; then no call reaches it at all
      clock.advance(Duration.ofSeconds(31));
      faults.enabled(true);
      for (int i = 0; i < 3 && resilience.breakerState(system) != BreakerState.OPEN; i++) {
        lookup.stock(c.sku());
      }
      assertThat(resilience.breakerState(system)).isEqualTo(BreakerState.OPEN);
      long whenOpen = calls.total();
      LookupAnswer<List<InventoryLevel>> cachedOnly = lookup.stock(c.sku());
      assertThat(cachedOnly.stale()).isTrue();
      assertThat(cachedOnly.value()).extracting(InventoryLevel::location).containsAll(c.sites());
      assertThat(lookup.standing(c.customer()).stale()).isTrue();
      // nothing cached for this one: a typed error naming the system, still without calling the ERP
      assertThatThrownBy(() -> lookup.price(c.customer(), "NEVER-ASKED", BigDecimal.ONE))
          .isInstanceOf(CommerceSyncException.class).hasMessageContaining(system.value());
      assertThat(calls.total()).isEqualTo(whenOpen);
    }
  }
}
