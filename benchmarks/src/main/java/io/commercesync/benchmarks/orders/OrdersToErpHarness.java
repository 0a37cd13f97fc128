package io.commercesync.benchmarks.orders;

import com.sun.net.httpserver.HttpServer;
import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.connector.magento.MagentoClient;
import io.commercesync.connector.magento.MagentoStorefront;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.security.Secret;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Orders per second through OrdersToErp (Magento → Dynamics GP) against the simulators with a fixed latency
 * per call, against a baseline: the very HTTP calls the flow made, replayed by a plain loop of threads with
 * the same concurrency against fresh simulators of the same seed. Both runs go through the same small
 * forwarding proxy in front of each simulator (it records the flow's calls); GP calls are signed again
 * (fresh timestamp and nonce), Magento calls use the integration token as a bearer token in both runs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.commercesync.benchmarks.orders.OrdersToErpHarness [orders] [latencyMs] [concurrency] [sqlite|memory]
 * </pre>
 *
 * <p>A warm-up round of both (a quarter of the orders) runs first and is discarded. Prints both throughputs,
 * their ratio (goal ≥ 0.8) and the CPU time per order of each run (process CPU time, simulators included:
 * both runs carry the same simulator work).
 */
public final class OrdersToErpHarness {

  private static final String SECRET = "bench-secret";
  private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
      "upgrade", "expect", "keep-alive");

  private OrdersToErpHarness() {}

  /** One call as the flow made it. */
  record Call(String system, String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {}

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 20);
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    boolean memoryStore = args.length > 3 && args[3].equals("memory");
    System.out.printf(Locale.ROOT, "OrdersToErp Magento→GP: %d orders, %d ms per call, concurrency %d%n", orders,
        latency.toMillis(), concurrency);
    // one warm-up round of both, discarded: the JIT must not favour whichever runs second
    measure(Math.max(20, orders / 4), latency, concurrency, memoryStore, false);
    measure(orders, latency, concurrency, memoryStore, true);
  }

  private static void measure(int orders, Duration latency, int concurrency, boolean memoryStore, boolean print)
      throws Exception {

    List<Call> recorded = new ArrayList<>();
    long sdkNanos;
    long sdkCpu;
    RunReport report;
    try (Systems s = new Systems(orders, latency, recorded)) {
      Path db = Files.createTempFile("orders-bench", ".db");
      try (StateStore store = memoryStore ? StateStore.inMemory() : StateStore.sqlite(db); Resilience resilience = resilience(concurrency);
          GpConnector gp = GpConnector.builder().agent(s.gpProxy, Secret.of(SECRET)).company("TWO").build()) {
        MagentoStorefront shop = MagentoStorefront.builder(MagentoClient.builder().baseUrl(s.magentoProxy)
            .bearer(Secret.of(s.magento.credentials().accessToken())).build()).build();
        FlowOptions options = FlowOptions.builder().mappings(s.mappings()).store(store).resilience(resilience)
            .concurrency(concurrency).build();
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        report = Flows.ordersToErp(shop, gp, options).runOnce();
        sdkNanos = System.nanoTime() - t0;
        sdkCpu = cpu() - cpu0;
        s.recording = false;
      }
      Files.deleteIfExists(db);
    }
    if (!print) {
      return;
    }
    System.out.println("  flow: " + report.summary());
    int sent = (int) report.written();

    long baseNanos;
    long baseCpu;
    int failed = 0;
    try (Systems fresh = new Systems(orders, latency, null)) {
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<Future<Integer>> done = new ArrayList<>();
      long cpu0 = cpu();
      long t0 = System.nanoTime();
      for (Call call : recorded) {
        done.add(pool.submit(() -> replay(http, fresh, call)));
      }
      for (Future<Integer> f : done) {
        failed += f.get() >= 400 ? 1 : 0;
      }
      baseNanos = System.nanoTime() - t0;
      baseCpu = cpu() - cpu0;
      pool.shutdown();
    }

    double sdkRate = sent / (sdkNanos / 1e9);
    double baseRate = sent / (baseNanos / 1e9);
    System.out.printf(Locale.ROOT, "  calls: %d (%.1f per order); baseline answers >= 400: %d%n", recorded.size(),
        recorded.size() / (double) Math.max(1, sent), failed);
    System.out.printf(Locale.ROOT, "  flow:     %.1f orders/s, %.2f ms CPU per order (%.1f s)%n", sdkRate,
        sdkCpu / 1e6 / sent, sdkNanos / 1e9);
    System.out.printf(Locale.ROOT, "  baseline: %.1f orders/s, %.2f ms CPU per order (%.1f s)%n", baseRate,
        baseCpu / 1e6 / sent, baseNanos / 1e9);
    System.out.printf(Locale.ROOT, "  ratio flow/baseline: %.2f (goal >= 0.8); CPU flow/baseline: %.2f%n",
        sdkRate / baseRate, sdkCpu / (double) baseCpu);
  }

  private static Resilience resilience(int concurrency) {
    Resilience.Builder b = Resilience.builder();
    for (SystemId system : List.of(SystemId.MAGENTO, SystemId.DYNAMICS_GP)) {
      // no rate limit of our own: the benchmark measures the SDK, not a throttle
      b.policy(SystemPolicy.builder(system).requestsPerSecond(100_000).maxConcurrentCalls(concurrency * 4).build());
    }
    return b.build();
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Sends {@code call} again (GP calls freshly signed); returns the status. */
  private static int replay(HttpClient http, Systems s, Call call) throws Exception {
    URI base = call.system().equals("magento") ? s.magentoProxy : s.gpProxy;
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + call.pathAndQuery()))
        .method(call.method(), call.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    call.headers().forEach((name, values) -> {
      String n = name.toLowerCase(Locale.ROOT);
      if (!HOP_HEADERS.contains(n) && !n.startsWith("x-cs-")) {
        values.forEach(v -> r.header(name, v));
      }
    });
    if (call.system().equals("gp")) {
      String ts = String.valueOf(Instant.now().getEpochSecond());
      String nonce = UUID.randomUUID().toString();
      String path = URI.create(call.pathAndQuery()).getPath();
      String text = call.method() + "\n" + path + "\n" + ts + "\n" + nonce + "\n"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(call.body()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      r.header("X-CS-Timestamp", ts).header("X-CS-Nonce", nonce)
          .header("X-CS-Signature", HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));
      call.headers().forEach((name, values) -> {
        if (name.equalsIgnoreCase("X-CS-Document-Key")) {
          values.forEach(v -> r.header("X-CS-Document-Key", v));
        }
      });
    }
    return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The two simulators with latency on every call, each behind a forwarding (and recording) proxy. */
  static final class Systems implements AutoCloseable {
    final MagentoSimulator magento;
    final GpSimulator gp;
    final URI magentoProxy;
    final URI gpProxy;
    private final List<HttpServer> proxies = new ArrayList<>();
    private final List<Call> record;
    volatile boolean recording;

    Systems(int orders, Duration latency, List<Call> record) throws IOException {
      this.record = record;
      this.recording = record != null;
      this.magento = MagentoSimulator.start(MagentoSimulator.config().seed(5).orders(orders)
          .customers(Math.max(10, orders / 4)).bearerEnabled(true).faults(latency(latency, 1)).build());
      this.gp = GpSimulator.start(GpSimulator.options().secret(SECRET).seed(5).faults(latency(latency, 2)));
      this.magentoProxy = proxy("magento", magento.baseUri());
      this.gpProxy = proxy("gp", gp.baseUri());
    }

    private static FaultSchedule latency(Duration latency, long seed) {
      return FaultSchedule.seeded(seed).rate(1.0).kinds(Fault.Kind.LATENCY).latency(latency).build();
    }

    /** Every Magento sku onto GP's stocked items, round robin; GP's default site; check/money orders. */
    FlowMappings mappings() {
      List<String> items = new ArrayList<>();
      gp.query("SELECT DISTINCT ITEMNMBR FROM IV00102 WHERE RCRDTYPE = 2 AND LOCNCODE = 'MAIN' AND QTYONHND > 0"
          + " ORDER BY ITEMNMBR").forEach(row -> items.add((String) row.get("ITEMNMBR")));
      FlowMappings.Builder b = FlowMappings.builder().strictSkus(true).defaultSite("MAIN");
      List<String> skus = magento.skus();
      for (int i = 0; i < skus.size(); i++) {
        b.sku(skus.get(i), items.get(i % items.size()));
      }
      return b.build();
    }

    private URI proxy(String system, URI target) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      server.setExecutor(Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "proxy-" + system);
        t.setDaemon(true);
        return t;
      }));
      server.createContext("/", exchange -> {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
          byte[] body = in.readAllBytes();
          String pathAndQuery = exchange.getRequestURI().getRawPath()
              + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
          if (recording && !pathAndQuery.startsWith("/_sim/")) {
            synchronized (record) {
              record.add(new Call(system, exchange.getRequestMethod(), pathAndQuery,
                  Map.copyOf(exchange.getRequestHeaders()), body));
            }
          }
          HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
              .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                  : HttpRequest.BodyPublishers.ofByteArray(body));
          exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
              values.forEach(v -> r.header(name, v));
            }
          });
          HttpResponse<byte[]> answer;
          try {
            answer = http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
          }
          answer.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
              exchange.getResponseHeaders().put(name, values);
            }
          });
          exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
          out.write(answer.body());
        }
      });
      server.start();
      proxies.add(server);
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      proxies.forEach(p -> p.stop(0));
      magento.close();
      gp.close();
    }
  }
}
