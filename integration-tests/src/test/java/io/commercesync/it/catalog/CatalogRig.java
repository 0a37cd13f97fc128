package io.commercesync.it.catalog;

import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityStorefront;
import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.connector.dynamicssl.SlClient;
import io.commercesync.connector.dynamicssl.SlConnector;
import io.commercesync.connector.dynamicssl.SlPolling;
import io.commercesync.connector.magento.MagentoClient;
import io.commercesync.connector.magento.MagentoStorefront;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.Storefront;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.clarity.ClaritySimulator;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.http.SimServer;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One ERP simulator and one storefront simulator, each behind its real connector, for the catalog,
 * inventory and price flows: what every test of this package starts from.
 *
 * <pre>{@code
 * try (CatalogRig rig = CatalogRig.start(CatalogRig.Erp.GP, CatalogRig.Shop.MAGENTO)) {
 *   Flows.inventoryToStorefront(rig.erp(), rig.storefront(), rig.options(mappings)).runOnce();
 * }
 * }</pre>
 */
final class CatalogRig implements AutoCloseable {

  /** The ERP side. */
  enum ErpKind { GP, SL }

  /** The storefront side. */
  enum ShopKind { MAGENTO, CLARITY }

  static final String GP_SECRET = "catalog-rig-secret";
  static final ZoneId SL_ZONE = ZoneId.of("America/Chicago");
  /** Where SL's clock starts (its {@code LUpd_DateTime} stamps follow it). */
  static final Instant SL_START = Instant.parse("2025-03-10T15:00:00Z");

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    private final AtomicReference<Instant> now;

    TestClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  }

  final ErpKind erpKind;
  final ShopKind shopKind;
  final TestClock slClock = new TestClock(SL_START);
  final StateStore store = StateStore.inMemory();
  final Resilience resilience;
  final GpSimulator gp;
  final SlSimulator sl;
  final MagentoSimulator magento;
  final ClaritySimulator clarity;
  private final Erp erp;
  private final Storefront storefront;

  private CatalogRig(ErpKind erpKind, ShopKind shopKind, FaultSchedule erpFaults, Resilience resilience,
      int magentoOrders) {
    this.erpKind = erpKind;
    this.shopKind = shopKind;
    this.resilience = resilience != null ? resilience : fast();
    if (erpKind == ErpKind.GP) {
      gp = GpSimulator.start(GpSimulator.options().secret(GP_SECRET).faults(erpFaults));
      sl = null;
      erp = GpConnector.builder().agent(gp.baseUri(), Secret.of(GP_SECRET)).company("TWO")
          .pollOverlap(Duration.ofMinutes(2)).build();
    } else {
      gp = null;
      String h2 = "jdbc:h2:mem:sl-catalog-" + System.nanoTime() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
      sl = SlSimulator.builder().faults(erpFaults).jdbcUrl(h2).zone(SL_ZONE).clock(slClock).start();
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(h2);
      SlClient client = SlClient.builder().baseUrl(sl.baseUri()).apiKey(Secret.of("sim-key"), Secret.of("sim-secret"))
          .company("0060").serverZone(SL_ZONE).clock(slClock).build();
      erp = SlConnector.builder().client(client)
          .polling(SlPolling.builder().dataSource(ds).serverZone(SL_ZONE).clock(slClock).build()).build();
    }
    if (shopKind == ShopKind.MAGENTO) {
      magento = MagentoSimulator.start(MagentoSimulator.config().seed(11).orders(magentoOrders)
          .customers(magentoOrders == 0 ? 0 : 5).build());
      clarity = null;
      MagentoSimulator.Credentials c = magento.credentials();
      storefront = MagentoStorefront.builder(MagentoClient.builder().baseUrl(magento.baseUri())
          .oauth1(Secret.of(c.consumerKey()), Secret.of(c.consumerSecret()), Secret.of(c.accessToken()),
              Secret.of(c.accessTokenSecret()))
          .build()).build();
    } else {
      magento = null;
      clarity = ClaritySimulator.start(ClaritySimulator.options().generatedOrders(0));
      storefront = ClarityStorefront.of(ClarityClient.builder().baseUrl(clarity.baseUri()).allowInsecureHttp(true)
          .auth(ClarityAuth.apiKey(Secret.of("clarity-api-key"))).build());
    }
  }

  static CatalogRig start(ErpKind erp, ShopKind shop) {
    return new CatalogRig(erp, shop, FaultSchedule.none(), null, 0);
  }

  static CatalogRig start(ErpKind erp, ShopKind shop, FaultSchedule erpFaults, Resilience resilience) {
    return new CatalogRig(erp, shop, erpFaults, resilience, 0);
  }

  /** With {@code orders} generated Magento orders (each holding MSI reservations for its lines). */
  static CatalogRig withMagentoOrders(ErpKind erp, int orders) {
    return new CatalogRig(erp, ShopKind.MAGENTO, FaultSchedule.none(), null, orders);
  }

  /** Policies without the default 20 requests/s limit, so 10,000-item runs finish in seconds. */
  static Resilience fast() {
    Resilience.Builder b = Resilience.builder();
    for (SystemId system : List.of(SystemId.MAGENTO, SystemId.CLARITY, SystemId.DYNAMICS_GP, SystemId.DYNAMICS_SL)) {
      b.policy(SystemPolicy.builder(system).requestsPerSecond(100_000).maxConcurrentCalls(16).build());
    }
    return b.build();
  }

  Erp erp() {
    return erp;
  }

  Storefront storefront() {
    return storefront;
  }

  FlowOptions options(FlowMappings mappings) {
    return FlowOptions.builder().mappings(mappings).store(store).resilience(resilience).concurrency(8).build();
  }

  /** The storefront simulator's HTTP server (its request log counts the calls made). */
  SimServer storefrontServer() {
    return shopKind == ShopKind.MAGENTO ? magento.server() : clarity.server();
  }

  /** The ERP simulator's HTTP server. */
  SimServer erpServer() {
    return erpKind == ErpKind.GP ? gp.server() : sl.server();
  }

  /** Write calls the storefront has served so far: POST, PUT and PATCH. */
  long storefrontWrites() {
    var log = storefrontServer().log();
    return log.count("POST") + log.count("PUT") + log.count("PATCH");
  }

  @Override
  public void close() {
    if (gp != null) {
      gp.close();
    }
    if (sl != null) {
      sl.close();
    }
    if (magento != null) {
      magento.close();
    }
    if (clarity != null) {
      clarity.close();
    }
    resilience.close();
    store.close();
  }
}
