package io.commercesync.cli;

import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityStorefront;
import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.connector.dynamicssl.SlClient;
import io.commercesync.connector.dynamicssl.SlConnector;
import io.commercesync.connector.dynamicssl.SlCreditMemoAccounts;
import io.commercesync.connector.dynamicssl.SlPolling;
import io.commercesync.connector.magento.MagentoClient;
import io.commercesync.connector.magento.MagentoStorefront;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.PaymentAccount;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.BreakerSettings;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.RetrySettings;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.Storefront;
import io.commercesync.testkit.demo.DemoWorld;
import java.time.Duration;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The four connectors of the demo, built with their public builders against a {@link DemoWorld}, and the
 * demo's mappings and policies.
 */
final class DemoSystems implements AutoCloseable {

  final MagentoStorefront magento;
  final ClarityStorefront clarity;
  final GpConnector gp;
  final SlConnector sl;

  private DemoSystems(MagentoStorefront magento, ClarityStorefront clarity, GpConnector gp, SlConnector sl) {
    this.magento = magento;
    this.clarity = clarity;
    this.gp = gp;
    this.sl = sl;
  }

  static DemoSystems connect(DemoWorld world) {
    var c = world.magentoCredentials();
    MagentoClient magentoClient = MagentoClient.builder().baseUrl(world.magentoUrl())
        .oauth1(Secret.of(c.consumerKey()), Secret.of(c.consumerSecret()), Secret.of(c.accessToken()),
            Secret.of(c.accessTokenSecret()))
        .build();
    MagentoStorefront magento = MagentoStorefront.builder(magentoClient).store("default").build();
    ClarityClient clarityClient = ClarityClient.builder().baseUrl(world.clarityUrl()).allowInsecureHttp(true)
        .auth(ClarityAuth.apiKey(Secret.of(DemoWorld.CLARITY_API_KEY))).build();
    ClarityStorefront clarity = ClarityStorefront.of(clarityClient);
    GpConnector gp = GpConnector.builder().agent(world.gpUrl(), Secret.of(world.gpSecret()))
        .company(DemoWorld.GP_COMPANY).build();
    JdbcDataSource slTables = new JdbcDataSource();
    slTables.setURL(world.slJdbcUrl());
    SlConnector sl = SlConnector.builder()
        .client(SlClient.builder().baseUrl(world.slUrl())
            .apiKey(Secret.of(DemoWorld.SL_API_KEY), Secret.of(DemoWorld.SL_API_SECRET))
            .company(DemoWorld.SL_COMPANY).serverZone(DemoWorld.SL_ZONE)
            .creditMemoAccounts(SlCreditMemoAccounts.of(DemoWorld.SL_REFUND_ACCOUNT,
                DemoWorld.SL_FREIGHT_REFUND_ACCOUNT, DemoWorld.SL_TAX_REFUND_ACCOUNT))
            .build())
        .polling(SlPolling.builder().dataSource(slTables).serverZone(DemoWorld.SL_ZONE).build())
        .build();
    return new DemoSystems(magento, clarity, gp, sl);
  }

  Storefront storefront(DemoWorld.Storefront s) {
    return s == DemoWorld.Storefront.MAGENTO ? magento : clarity;
  }

  Erp erp(DemoWorld.Erp e) {
    return e == DemoWorld.Erp.GP ? gp : sl;
  }

  /** The SDK's mappings from the world's plain tables: unknown skus are rejected, never guessed. */
  static FlowMappings mappings(DemoWorld.Mappings m) {
    FlowMappings.Builder b = FlowMappings.builder().strictSkus(true);
    m.skus().forEach(b::sku);
    m.orderSites().forEach(b::orderSite);
    b.defaultSite(m.defaultSite());
    m.stockSources().forEach(b::stockSource);
    m.paymentMethods().forEach((method, a) -> b.paymentMethod(method,
        new PaymentAccount(a.checkbookId(), a.cardName(), null, null)));
    m.shippingMethods().forEach(b::shippingMethod);
    m.customerGroups().forEach(b::customerGroup);
    b.basePriceList(m.basePriceList());
    return b.build();
  }

  /**
   * Demo-tuned policies: quick retries (8 attempts, 20 ms doubling to 0.5 s, {@code Retry-After} capped at
   * 250 ms) and a breaker that opens only on a real outage (36 of the last 40 attempts failing: one write may take
   * several calls, so 20 % faulty calls fail far more attempts) and probes again after half a second, so a run
   * with 20 % injected faults finishes in seconds. Production defaults are in docs/pipeline.md.
   */
  static Resilience resilience() {
    RetrySettings retry = RetrySettings.DEFAULT.withMaxAttempts(8)
        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(500))
        .withThrottledBaseDelay(Duration.ofMillis(100))
        .withMaxRetryAfter(Duration.ofMillis(250))
        .withMaxDuration(Duration.ofMinutes(2));
    BreakerSettings breaker = new BreakerSettings(36, 40, Duration.ofMillis(500), 1);
    Resilience.Builder b = Resilience.builder();
    for (SystemId system : List.of(SystemId.MAGENTO, SystemId.CLARITY, SystemId.DYNAMICS_GP, SystemId.DYNAMICS_SL)) {
      b.policy(SystemPolicy.builder(system).retry(retry).breaker(breaker).callTimeout(Duration.ofSeconds(20))
          .requestsPerSecond(2_000).maxConcurrentCalls(8).build());
    }
    return b.build();
  }

  @Override
  public void close() {
    gp.close();
  }
}
