package io.commercesync.core.config;

import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.BreakerSettings;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.RetrySettings;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.spi.Connector;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.Storefront;
import io.commercesync.core.state.StateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a configuration file describes, built and ready to run: the state store, the resilience
 * policies, one connector per system, and the flows of each storefront/ERP pair. This is how
 * {@code commercesync sync --config} runs CommerceSync without Java; applications can use it too.
 *
 * <pre>
 * store:
 *   sqlite: ./commercesync.db          # or postgres: {url: jdbc:postgresql://…, user: sync, password: env:PG_PASSWORD}
 * systems:
 *   shop: {type: magento, baseUrl: https://shop.example.com, consumerKey: env:MAGENTO_CONSUMER_KEY, …}
 *   gp:   {type: dynamics-gp, agentUrl: https://gp-agent.corp:8443, agentKey: env:GP_AGENT_KEY, company: TWO}
 * policies:
 *   dynamics-gp: {requestsPerSecond: 5, maxConcurrentCalls: 2, maxAttempts: 5, callTimeout: PT90S}
 * pairs:
 *   - storefront: shop
 *     erp: gp
 *     flows: [customers, orders, payments, fulfillment, invoices, returns, catalog, inventory, prices]
 *     concurrency: 8
 *     mappings: {skus: {CS-TEE-M: TEE-M}, paymentMethods: {checkmo: {checkbookId: OPERATING}}, …}
 *     catalog: {createMissing: true, newProductStatus: INACTIVE}   # how the catalog flow creates products
 * </pre>
 *
 * <p>Close it to close the store and the resilience layer's threads.
 */
public final class SyncSetup implements AutoCloseable {

  /** The flow names a pair may list, in the order they run. */
  public static final List<String> FLOW_NAMES = List.of(
      "customers", "orders", "payments", "fulfillment", "invoices", "returns", "catalog", "inventory", "prices");

  private final StateStore store;
  private final Resilience resilience;
  private final Map<String, Connector> systems;
  private final List<SyncFlow> flows;

  private SyncSetup(StateStore store, Resilience resilience, Map<String, Connector> systems, List<SyncFlow> flows) {
    this.store = store;
    this.resilience = resilience;
    // in the order of the file: "the first ERP" (lookup without --erp) must be the first one written
    this.systems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(systems));
    this.flows = List.copyOf(flows);
  }

  /**
   * Builds the setup from a parsed configuration document.
   *
   * @param storeOverride a directory whose {@code commercesync.db} replaces the file's store, or null
   * @throws ConfigurationException naming the bad setting
   */
  public static SyncSetup build(Map<String, Object> document, Path storeOverride, Function<String, String> env) {
    Settings root = Settings.of("config", document, env);
    Resilience resilience = resilience(root.block("policies"));
    StateStore store = storeOverride != null ? StateStore.sqlite(storeOverride.resolve("commercesync.db"))
        : store(root.block("store"));
    try {
      Map<String, Connector> systems = new LinkedHashMap<>();
      Settings systemBlock = root.block("systems");
      for (String name : systemBlock.keys()) {
        Settings s = systemBlock.block(name);
        systems.put(name, ConnectorFactory.forType(s.string("type")).create(s));
      }
      List<SyncFlow> flows = new ArrayList<>();
      Object pairs = root.raw("pairs");
      if (!(pairs instanceof List<?> list) || list.isEmpty()) {
        throw root.bad("pairs", "must list at least one {storefront, erp, flows} pair");
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map<?, ?> m)) {
          throw root.bad("pairs[" + i + "]", "must be a block of settings");
        }
        @SuppressWarnings("unchecked")
        Settings pair = Settings.of("config.pairs[" + i + "]", (Map<String, Object>) m, env);
        flows.addAll(pairFlows(pair, systems, store, resilience));
      }
      return new SyncSetup(store, resilience, systems, flows);
    } catch (RuntimeException e) {
      store.close();
      resilience.close();
      throw e;
    }
  }

  private static List<SyncFlow> pairFlows(Settings pair, Map<String, Connector> systems, StateStore store,
      Resilience resilience) {
    Storefront storefront = system(pair, "storefront", systems, Storefront.class);
    Erp erp = system(pair, "erp", systems, Erp.class);
    FlowMappings mappings = pair.raw("mappings") == null ? FlowMappings.defaults()
        : FlowMappings.fromJson(JsonCodec.builder(SystemId.CANONICAL).build().write(pair.raw("mappings")));
    FlowOptions options = FlowOptions.builder().mappings(mappings).store(store).resilience(resilience)
        .concurrency(pair.integer("concurrency").orElse(8)).build();
    List<String> names = pair.strings("flows").isEmpty() ? FLOW_NAMES : pair.strings("flows");
    List<SyncFlow> out = new ArrayList<>();
    for (String name : FLOW_NAMES) {
      if (!names.contains(name)) {
        continue;
      }
      out.add(switch (name) {
        case "customers" -> Flows.customersBothWays(storefront, erp, options);
        case "orders" -> Flows.ordersToErp(storefront, erp, options);
        case "payments" -> Flows.paymentsToErp(storefront, erp, options);
        case "fulfillment" -> Flows.fulfillmentToStorefront(erp, storefront, options);
        case "invoices" -> Flows.invoicesToStorefront(erp, storefront, options);
        case "returns" -> Flows.returnsToErp(storefront, erp, options);
        case "catalog" -> {
          Settings catalog = pair.block("catalog");
          String status = catalog.optionalString("newProductStatus").orElse("INACTIVE").trim()
              .toUpperCase(java.util.Locale.ROOT);
          if (!java.util.Set.of("ACTIVE", "INACTIVE").contains(status)) {
            throw catalog.bad("newProductStatus", "must be ACTIVE or INACTIVE (was " + status + ")");
          }
          yield Flows.catalogToStorefront(erp, storefront, options, catalog.bool("createMissing").orElse(true),
              io.commercesync.core.model.ItemStatus.valueOf(status));
        }
        case "inventory" -> Flows.inventoryToStorefront(erp, storefront, options);
        case "prices" -> Flows.pricesToStorefront(erp, storefront, options);
        default -> throw new IllegalStateException(name);
      });
    }
    for (String name : names) {
      if (!FLOW_NAMES.contains(name)) {
        throw pair.bad("flows", "unknown flow " + name + " (known: " + FLOW_NAMES + ")");
      }
    }
    return out;
  }

  private static <C> C system(Settings pair, String role, Map<String, Connector> systems, Class<C> type) {
    String name = pair.string(role);
    Connector connector = systems.get(name);
    if (connector == null) {
      throw pair.bad(role, "no system named " + name + " under systems (known: " + systems.keySet() + ")");
    }
    if (!type.isInstance(connector)) {
      throw pair.bad(role, name + " is a " + connector.system() + " connector, not a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT));
    }
    return type.cast(connector);
  }

  private static StateStore store(Settings s) {
    if (s.has("postgres")) {
      Settings pg = s.block("postgres");
      return StateStore.postgres(pg.string("url"), pg.string("user"), pg.secret("password"));
    }
    return StateStore.sqlite(Path.of(s.optionalString("sqlite").orElse("commercesync.db")));
  }

  private static Resilience resilience(Settings policies) {
    Resilience.Builder builder = Resilience.builder();
    for (String system : policies.keys()) {
      Settings p = policies.block(system);
      SystemPolicy.Builder policy = SystemPolicy.builder(SystemId.of(system));
      RetrySettings retry = RetrySettings.DEFAULT;
      retry = p.integer("maxAttempts").map(retry::withMaxAttempts).orElse(retry);
      retry = p.duration("maxRetryAfter").map(retry::withMaxRetryAfter).orElse(retry);
      policy.retry(retry);
      if (p.has("breakerFailures") || p.has("breakerOpenFor")) {
        policy.breaker(new BreakerSettings(p.integer("breakerFailures").orElse(10),
            Math.max(p.integer("breakerFailures").orElse(10), p.integer("breakerWindow").orElse(20)),
            p.duration("breakerOpenFor").orElse(java.time.Duration.ofSeconds(30)), 1));
      }
      p.duration("callTimeout").ifPresent(policy::callTimeout);
      p.number("requestsPerSecond").ifPresent(policy::requestsPerSecond);
      p.integer("maxConcurrentCalls").ifPresent(policy::maxConcurrentCalls);
      builder.policy(policy.build());
    }
    return builder.build();
  }

  public StateStore store() {
    return store;
  }

  public Resilience resilience() {
    return resilience;
  }

  /** The configured systems by name, in the order of the configuration. */
  public Map<String, Connector> systems() {
    return systems;
  }

  /** Every flow of every pair, in run order. */
  public List<SyncFlow> flows() {
    return flows;
  }

  @Override
  public void close() {
    store.close();
    resilience.close();
  }
}
