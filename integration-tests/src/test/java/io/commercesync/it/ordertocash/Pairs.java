package io.commercesync.it.ordertocash;

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
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.RetrySettings;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.Storefront;
import io.commercesync.core.state.ReceivedEvents;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.demo.DemoWorld;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;

/** The four connectors wired to a {@link DemoWorld} with their public builders, as an application would. */
final class Pairs implements AutoCloseable {

  /** One storefront/ERP pair. */
  enum Pair {
    MAGENTO_GP(DemoWorld.Storefront.MAGENTO, DemoWorld.Erp.GP),
    MAGENTO_SL(DemoWorld.Storefront.MAGENTO, DemoWorld.Erp.SL),
    CLARITY_GP(DemoWorld.Storefront.CLARITY, DemoWorld.Erp.GP),
    CLARITY_SL(DemoWorld.Storefront.CLARITY, DemoWorld.Erp.SL);

    final DemoWorld.Storefront storefront;
    final DemoWorld.Erp erp;

    Pair(DemoWorld.Storefront storefront, DemoWorld.Erp erp) {
      this.storefront = storefront;
      this.erp = erp;
    }
  }

  final DemoWorld world;
  final MagentoStorefront magento;
  final ClarityStorefront clarity;
  final GpConnector gp;
  final SlConnector sl;
  final Resilience resilience;

  Pairs(DemoWorld world, String magentoWebhookKey, ReceivedEvents events) {
    this.world = world;
    var c = world.magentoCredentials();
    MagentoStorefront.Builder shop = MagentoStorefront.builder(MagentoClient.builder().baseUrl(world.magentoUrl())
        .oauth1(Secret.of(c.consumerKey()), Secret.of(c.consumerSecret()), Secret.of(c.accessToken()),
            Secret.of(c.accessTokenSecret())).build());
    if (magentoWebhookKey != null) {
      shop.webhook(magentoWebhookKey, events);
    }
    this.magento = shop.build();
    this.clarity = ClarityStorefront.of(ClarityClient.builder().baseUrl(world.clarityUrl()).allowInsecureHttp(true)
        .auth(ClarityAuth.apiKey(Secret.of(DemoWorld.CLARITY_API_KEY))).build());
    this.gp = GpConnector.builder().agent(world.gpUrl(), Secret.of(world.gpSecret())).company(DemoWorld.GP_COMPANY)
        .build();
    JdbcDataSource tables = new JdbcDataSource();
    tables.setURL(world.slJdbcUrl());
    this.sl = SlConnector.builder()
        .client(SlClient.builder().baseUrl(world.slUrl())
            .apiKey(Secret.of(DemoWorld.SL_API_KEY), Secret.of(DemoWorld.SL_API_SECRET))
            .company(DemoWorld.SL_COMPANY).serverZone(DemoWorld.SL_ZONE)
            .creditMemoAccounts(SlCreditMemoAccounts.of(DemoWorld.SL_REFUND_ACCOUNT,
                DemoWorld.SL_FREIGHT_REFUND_ACCOUNT, DemoWorld.SL_TAX_REFUND_ACCOUNT))
            .build())
        .polling(SlPolling.builder().dataSource(tables).serverZone(DemoWorld.SL_ZONE).build())
        .build();
    // quick retries: the simulators answer in milliseconds (no fault is injected in these tests)
    Resilience.Builder policies = Resilience.builder();
    for (SystemId system : java.util.List.of(SystemId.MAGENTO, SystemId.CLARITY, SystemId.DYNAMICS_GP,
        SystemId.DYNAMICS_SL)) {
      policies.policy(SystemPolicy.builder(system).retry(RetrySettings.DEFAULT.withBackoff(Duration.ofMillis(10),
          Duration.ofMillis(100))).build());
    }
    this.resilience = policies.build();
  }

  Pairs(DemoWorld world) {
    this(world, null, null);
  }

  Storefront storefront(Pair p) {
    return p.storefront == DemoWorld.Storefront.MAGENTO ? magento : clarity;
  }

  Erp erp(Pair p) {
    return p.erp == DemoWorld.Erp.GP ? gp : sl;
  }

  /** The pair's mappings, read from the world's JSON with the SDK's own reader. */
  FlowMappings mappings(Pair p) {
    return FlowMappings.fromJson(world.mappingsJson(p.storefront, p.erp).getBytes(StandardCharsets.UTF_8));
  }

  FlowOptions options(Pair p, StateStore store) {
    return FlowOptions.builder().mappings(mappings(p)).store(store).resilience(resilience).concurrency(4).build();
  }

  @Override
  public void close() {
    resilience.close();
    gp.close();
  }
}
