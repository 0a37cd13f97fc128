package io.commercesync.examples;

import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityStorefront;
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
 * Clarity eCommerce → Microsoft Dynamics GP: customers (both ways), orders, payments, shipments and invoices
 * (Clarity offers no refunds to read, so {@link Flows#orderToCash} leaves returns out), plus GP's catalog,
 * stock and prices back to Clarity.
 *
 * <p>Against real systems, set: {@code CLARITY_URL} and either {@code CLARITY_CLIENT_ID} +
 * {@code CLARITY_CLIENT_SECRET} (OAuth2) or {@code CLARITY_API_KEY}, {@code GP_AGENT_URL}, {@code GP_AGENT_KEY} (the on-premise agent),
 * {@code GP_COMPANY} (default TWO) and {@code CLARITY_GP_MAPPINGS} (a mappings JSON file, see docs/flows.md).
 * Without {@code CLARITY_URL} it starts the simulators and runs against them.
 *
 * <pre>
 * mvn -q -pl examples -am verify -DskipTests -Dexample=ClarityToGp
 * </pre>
 */
public final class ClarityToGp {

  private ClarityToGp() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    DemoWorld simulators = null;
    if (env.get("CLARITY_URL") == null) {
      // no real systems named: start the simulators and use their endpoints and test credentials
      simulators = DemoWorld.builder().orders(40).start();
      env = simulators.environment(Path.of("target", "example-mappings"));
    }
    try {
      for (RunReport report : run(env, Path.of(env.getOrDefault("COMMERCESYNC_STORE", "target/clarity-gp.db")))) {
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
    // 1. the storefront: one immutable client on Clarity's /api/v1, OAuth2 client credentials or an API key
    String clarityUrl = env.get("CLARITY_URL");
    ClarityClient clarity = ClarityClient.builder()
        .baseUrl(clarityUrl)
        .auth(env.containsKey("CLARITY_CLIENT_ID")
            ? ClarityAuth.oauth2(env.get("CLARITY_CLIENT_ID"), Secret.fromEnv("CLARITY_CLIENT_SECRET", env),
                "orders:read orders:write customers:read customers:write products:write inventory:write"
                    + " shipments:write")
            : ClarityAuth.apiKey(Secret.fromEnv("CLARITY_API_KEY", env)))
        .allowInsecureHttp(clarityUrl.startsWith("http://127.0.0.1"))   // the local simulator only
        .build();
    ClarityStorefront shop = ClarityStorefront.of(clarity);

    // 2. the ERP through the on-premise agent; 3. a durable state store; 4. retries, breakers, rate limits
    try (GpConnector gp = GpConnector.builder()
            .agent(URI.create(env.get("GP_AGENT_URL")), Secret.fromEnv("GP_AGENT_KEY", env))
            .company(env.getOrDefault("GP_COMPANY", "TWO"))
            .build();
        StateStore store = StateStore.sqlite(storeFile);
        Resilience resilience = Resilience.defaults()) {

      // 5. the business mappings: skus, sites, payment methods → checkbooks, price levels
      FlowMappings mappings = FlowMappings.fromJson(Path.of(env.get("CLARITY_GP_MAPPINGS")));
      FlowOptions options = FlowOptions.builder().mappings(mappings).store(store).resilience(resilience)
          .concurrency(4).build();

      // 6. the flows: order to cash (customers, orders, payments, shipments, invoices), then
      //    GP's customers, catalog, stock and prices back to Clarity
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
