package io.commercesync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.commercesync.testkit.demo.DemoWorld;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code commercesync simulate}: the four simulators of the demo as a standalone process, until stopped, with
 * a ready {@code sync} configuration for them. Writes into the state directory {@code sync.yaml} (every pair,
 * its mappings, the store {@code DIR/commercesync.db}, demo policies) and {@code simulate.env} (the
 * simulators' test credentials as environment variables), so that
 * {@code set -a; . DIR/simulate.env; commercesync sync --config DIR/sync.yaml} runs against them.
 *
 * <p>Persisted in DIR: GP's company database ({@code gp-company.mv.db}, an H2 file kept across restarts)
 * and SL's table mirror ({@code sl-application.mv.db}, rewritten at each start: SL's own state is in
 * memory). Magento's and Clarity's stores are in memory and are generated again from the seed at each
 * start. Each simulator answers {@code GET /_sim/stats} (ERP documents per storefront order number).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Runs the Magento, Clarity, Dynamics GP and Dynamics SL simulators until stopped.")
final class SimulateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--state", paramLabel = "DIR", defaultValue = ".commercesync-sim",
      description = "Where sync.yaml, simulate.env and the GP/SL databases go (default .commercesync-sim).")
  Path state;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default 42).")
  long seed;

  @Option(names = "--orders", defaultValue = "50", description = "Storefront orders, split between Magento and Clarity (default 50).")
  int orders;

  @Option(names = "--magento-port", defaultValue = "0", description = "Magento's port (default: a free one).")
  int magentoPort;

  @Option(names = "--clarity-port", defaultValue = "0", description = "Clarity's port (default: a free one).")
  int clarityPort;

  @Option(names = "--gp-port", defaultValue = "0", description = "The GP agent's port (default: a free one).")
  int gpPort;

  @Option(names = "--sl-port", defaultValue = "0", description = "The SL REST layer's port (default: a free one).")
  int slPort;

  @Option(names = "--faults", defaultValue = "0", description = "Share of calls failed transiently, e.g. 0.2 (default 0).")
  double faults;

  /** Stops a running {@code simulate} (tests); the process normally stops on SIGTERM / Ctrl-C. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (orders < 2) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--orders must be >= 2 (was " + orders + ")");
    }
    if (faults < 0 || faults >= 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--faults must be in [0, 1) (was " + faults + ")");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path dir = Files.createDirectories(state).toAbsolutePath();
    try (DemoWorld world = DemoWorld.builder().seed(seed).orders(orders).faultRate(faults)
        .ports(magentoPort, clarityPort, gpPort, slPort).stateDir(dir).start()) {
      Path config = dir.resolve("sync.yaml");
      Path env = dir.resolve("simulate.env");
      Files.writeString(config, configuration(world, dir), StandardCharsets.UTF_8);
      Files.writeString(env, environment(world), StandardCharsets.UTF_8);
      out.printf(Locale.ROOT, "simulate: %d orders (seed %d, faults %.2f)%n", world.orders().size(), seed, faults);
      out.println("  magento     " + world.magentoUrl() + "   stats " + world.magentoUrl() + "/_sim/stats");
      out.println("  clarity     " + world.clarityUrl() + "   stats " + world.clarityUrl() + "/_sim/stats");
      out.println("  dynamics-gp " + world.gpUrl() + "   stats " + world.gpUrl() + "/_sim/stats");
      out.println("  dynamics-sl " + world.slUrl() + "   stats " + world.slUrl() + "/_sim/stats");
      out.println("  configuration " + config);
      out.println("  credentials   " + env);
      out.println("  run:  set -a; . " + env + "; set +a; commercesync sync --config " + config);
      out.println("simulate: ready (stop with Ctrl-C)");
      out.flush();
      Thread hook = new Thread(stop::countDown, "simulate-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        stop.await();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is already stopping: the world closes below
        }
      }
      out.println("simulate: stopped");
      out.flush();
    }
    return ExitCode.OK;
  }

  /** The {@code sync} configuration for {@code world}: four pairs, their mappings, the store in {@code dir}. */
  static String configuration(DemoWorld world, Path dir) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("store", Map.of("sqlite", dir.resolve("commercesync.db").toString()));
    Map<String, Object> systems = new LinkedHashMap<>();
    systems.put("shop", ordered("type", "magento", "baseUrl", world.magentoUrl().toString(), "store", "default",
        "consumerKey", "env:MAGENTO_CONSUMER_KEY", "consumerSecret", "env:MAGENTO_CONSUMER_SECRET",
        "accessToken", "env:MAGENTO_ACCESS_TOKEN", "accessTokenSecret", "env:MAGENTO_ACCESS_TOKEN_SECRET"));
    systems.put("clarity", ordered("type", "clarity", "baseUrl", world.clarityUrl().toString(), "auth", "api-key",
        "key", "env:CLARITY_API_KEY", "allowInsecureHttp", true));
    systems.put("gp", ordered("type", "dynamics-gp", "agentUrl", world.gpUrl().toString(), "agentKey", "env:GP_AGENT_KEY",
        "company", DemoWorld.GP_COMPANY));
    systems.put("sl", ordered("type", "dynamics-sl", "baseUrl", world.slUrl().toString(), "apiKey", "env:SL_API_KEY",
        "apiSecret", "env:SL_API_SECRET", "company", DemoWorld.SL_COMPANY, "serverZone", DemoWorld.SL_ZONE.getId(),
        "creditMemoAccounts", ordered("refunds", DemoWorld.SL_REFUND_ACCOUNT, "freight",
            DemoWorld.SL_FREIGHT_REFUND_ACCOUNT, "tax", DemoWorld.SL_TAX_REFUND_ACCOUNT),
        "polling", Map.of("jdbcUrl", world.slJdbcUrl())));
    doc.put("systems", systems);
    Map<String, Object> policies = new LinkedHashMap<>();
    for (String system : List.of("magento", "clarity", "dynamics-gp", "dynamics-sl")) {
      policies.put(system, ordered("maxAttempts", 8, "maxRetryAfter", "PT0.25S", "breakerFailures", 36,
          "breakerWindow", 40, "breakerOpenFor", "PT0.5S", "callTimeout", "PT20S", "requestsPerSecond", 2000));
    }
    doc.put("policies", policies);
    List<Object> pairs = new ArrayList<>();
    pairs.add(pair(world, "shop", "gp", DemoWorld.Storefront.MAGENTO, DemoWorld.Erp.GP,
        List.of("customers", "orders", "payments", "fulfillment", "invoices", "returns", "catalog", "inventory", "prices")));
    pairs.add(pair(world, "shop", "sl", DemoWorld.Storefront.MAGENTO, DemoWorld.Erp.SL,
        List.of("customers", "orders", "payments", "fulfillment", "invoices")));
    pairs.add(pair(world, "clarity", "gp", DemoWorld.Storefront.CLARITY, DemoWorld.Erp.GP,
        List.of("customers", "orders", "payments", "fulfillment", "invoices")));
    pairs.add(pair(world, "clarity", "sl", DemoWorld.Storefront.CLARITY, DemoWorld.Erp.SL,
        List.of("customers", "orders", "payments", "fulfillment", "invoices", "catalog", "inventory", "prices")));
    doc.put("pairs", pairs);
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    return "# Written by `commercesync simulate` for the simulators it runs. Credentials are environment\n"
        + "# references only: load them with `set -a; . simulate.env; set +a`. See docs/operations.md.\n"
        + "# Returns go to GP only (Clarity offers no returns, SL takes none); catalog, inventory and prices go\n"
        + "# from GP to Magento and from SL to Clarity.\n"
        + yaml.writeValueAsString(doc);
  }

  private static Map<String, Object> pair(DemoWorld world, String storefront, String erp, DemoWorld.Storefront s,
      DemoWorld.Erp e, List<String> flows) {
    DemoWorld.Mappings m = world.mappings(s, e);
    Map<String, Object> mappings = new LinkedHashMap<>();
    mappings.put("strictSkus", true);
    mappings.put("skus", new java.util.TreeMap<>(m.skus()));
    mappings.put("orderSites", m.orderSites());
    mappings.put("defaultSite", m.defaultSite());
    mappings.put("stockSources", m.stockSources());
    Map<String, Object> payments = new LinkedHashMap<>();
    m.paymentMethods().forEach((method, account) -> {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("checkbookId", account.checkbookId());
      if (account.cardName() != null) {
        a.put("cardName", account.cardName());
      }
      payments.put(method, a);
    });
    mappings.put("paymentMethods", payments);
    if (!m.shippingMethods().isEmpty()) {
      mappings.put("shippingMethods", m.shippingMethods());
    }
    mappings.put("customerGroups", m.customerGroups());
    if (m.basePriceList() != null) {
      mappings.put("basePriceList", m.basePriceList());
    }
    return ordered("storefront", storefront, "erp", erp, "flows", flows, "concurrency", 4, "mappings", mappings);
  }

  /** The simulators' test credentials as {@code NAME=value} lines. */
  static String environment(DemoWorld world) {
    var c = world.magentoCredentials();
    return "# Test credentials of the simulators started by `commercesync simulate` (not secrets of any real system)\n"
        + "MAGENTO_CONSUMER_KEY=" + c.consumerKey() + "\n"
        + "MAGENTO_CONSUMER_SECRET=" + c.consumerSecret() + "\n"
        + "MAGENTO_ACCESS_TOKEN=" + c.accessToken() + "\n"
        + "MAGENTO_ACCESS_TOKEN_SECRET=" + c.accessTokenSecret() + "\n"
        + "CLARITY_API_KEY=" + DemoWorld.CLARITY_API_KEY + "\n"
        + "GP_AGENT_KEY=" + world.gpSecret() + "\n"
        + "SL_API_KEY=" + DemoWorld.SL_API_KEY + "\n"
        + "SL_API_SECRET=" + DemoWorld.SL_API_SECRET + "\n";
  }

  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }
}
