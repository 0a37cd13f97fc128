package io.commercesync.examples;

import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.connector.magento.MagentoClient;
import io.commercesync.connector.magento.MagentoStorefront;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.security.Secret;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.demo.DemoWorld;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Magento 2 → Microsoft Dynamics GP: customers, orders, payments, shipments, invoices and returns, plus GP's
 * catalog, stock and prices back to Magento.
 *
 * <p>Against real systems, set: {@code MAGENTO_URL}, {@code MAGENTO_CONSUMER_KEY},
 * {@code MAGENTO_CONSUMER_SECRET}, {@code MAGENTO_ACCESS_TOKEN}, {@code MAGENTO_ACCESS_TOKEN_SECRET} (a Magento
 * integration's OAuth credentials), {@code GP_AGENT_URL}, {@code GP_AGENT_KEY} (the on-premise agent),
 * {@code GP_COMPANY} (default TWO) and {@code MAGENTO_GP_MAPPINGS} (a mappings JSON file, see docs/flows.md).
 * Without {@code MAGENTO_URL} it starts the simulators and runs against them.
 *
 * <pre>
 * mvn -q -pl examples -am verify -DskipTests -Dexample=MagentoToGp
 * </pre>
 */
public final class MagentoToGp {

  private MagentoToGp() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    DemoWorld simulators = null;
    if (env.get("MAGENTO_URL") == null) {
      // no real systems named: start the simulators and use their endpoints and test credentials
      simulators = DemoWorld.builder().orders(40).start();
      env = simulators.environment(Path.of("target", "example-mappings"));
    }
    try {
      for (RunReport report : run(env, Path.of(env.getOrDefault("COMMERCESYNC_STORE", "target/magento-gp.db")))) {
        System.out.println(report.summary());
      }
    } finally {
      if (simulators != null) {
        simulators.close();
      }
    }
  }

  /** Builds the clients, the store and the flows from {@code env}, runs every flow once, returns their reports. */
  public static List<RunReport> run(Map<String, String> env, Path storeFile) {
    // 1. the storefront: one immutable client, OAuth 1.0a with the integration's four credentials
    MagentoClient magento = MagentoClient.builder()
        .baseUrl(env.get("MAGENTO_URL"))
        .oauth1(Secret.fromEnv("MAGENTO_CONSUMER_KEY", env), Secret.fromEnv("MAGENTO_CONSUMER_SECRET", env),
            Secret.fromEnv("MAGENTO_ACCESS_TOKEN", env), Secret.fromEnv("MAGENTO_ACCESS_TOKEN_SECRET", env))
        .build();
    MagentoStorefront shop = MagentoStorefront.builder(magento).store("default").build();

    // 2. the ERP through the on-premise agent; 3. a durable state store; 4. retries, breakers, rate limits
    try (GpConnector gp = GpConnector.builder()
            .agent(URI.create(env.get("GP_AGENT_URL")), Secret.fromEnv("GP_AGENT_KEY", env))
            .company(env.getOrDefault("GP_COMPANY", "TWO"))
            .build();
        StateStore store = StateStore.sqlite(storeFile);
        Resilience resilience = Resilience.defaults()) {

      // 5. the business mappings: skus, sites, payment methods → checkbooks, price levels
      FlowMappings mappings = FlowMappings.fromJson(Path.of(env.get("MAGENTO_GP_MAPPINGS")));
      FlowOptions options = FlowOptions.builder().mappings(mappings).store(store).resilience(resilience)
          .concurrency(4).build();

      // 6. the flows: order to cash (customers, orders, payments, shipments, invoices, returns), then
      //    GP's customers, catalog, stock and prices back to Magento
      List<SyncFlow> flows = new ArrayList<>(Flows.orderToCash(shop, gp, options));
      flows.add(Flows.customersToStorefront(gp, shop, options));
      flows.add(Flows.catalogToStorefront(gp, shop, options));
      flows.add(Flows.inventoryToStorefront(gp, shop, options));
      flows.add(Flows.pricesToStorefront(gp, shop, options));

      // 7. run each once (in a service: flow.schedule(Duration.ofMinutes(1)) instead)
      List<RunReport> reports = new ArrayList<>();
      for (SyncFlow flow : flows) {
        reports.add(flow.runOnce());
      }
      return reports;
    }
  }
}
