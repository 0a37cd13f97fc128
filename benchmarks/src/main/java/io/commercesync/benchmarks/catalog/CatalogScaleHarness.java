package io.commercesync.benchmarks.catalog;

import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.connector.magento.MagentoClient;
import io.commercesync.connector.magento.MagentoStorefront;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.security.Secret;
import io.commercesync.core.state.StateStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Catalogue-scale sync, run by hand (see {@code benchmarks/README.md}, issue 10): a full sync of
 * {@code items} GP items × 3 warehouses into Magento — catalog (async bulk), stock (source items, 20 per
 * call) and prices (base and tier, 20 rows per call) — then a 1% change in GP and the delta sync. Per
 * flow: wall time, calls made (Magento writes and reads, GP calls), peak heap of this JVM, and the
 * delta's ratios to the full run.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.commercesync.benchmarks.catalog.CatalogScaleHarness 100000
 * </pre>
 *
 * <p>The simulators run in a child JVM ({@link CatalogSimHost}, {@code -Xmx} from the second argument,
 * default 6g): they keep the whole store in memory, which a real Magento and GP do not, so they are kept
 * out of the heap that is measured. The sync uses the default embedded SQLite state store.
 */
public final class CatalogScaleHarness {

  private CatalogScaleHarness() {}

  /** One flow's run. */
  record Measure(String flow, RunReport report, long millis, long writes, long reads, long erpCalls, long peakHeapMb,
      long peakLiveMb) {}

  public static void main(String[] args) throws Exception {
    int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String childHeap = args.length > 1 ? args[1] : "6g";
    Process host = new ProcessBuilder(javaBin(), "-Xmx" + childHeap, "-cp", System.getProperty("java.class.path"),
        CatalogSimHost.class.getName(), String.valueOf(items)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader fromHost = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
    PrintWriter toHost = new PrintWriter(host.getOutputStream(), true, StandardCharsets.UTF_8);
    long seedStart = System.nanoTime();
    String[] ready = expect(fromHost, "READY");
    System.out.printf(Locale.ROOT, "simulators ready: %,d items x 3 sites seeded in %.1f s (child JVM -Xmx%s)%n", items,
        (System.nanoTime() - seedStart) / 1e9, childHeap);
    HeapSampler heap = new HeapSampler();
    heap.start();
    Path dir = Files.createTempDirectory("commercesync-catalog-bench");
    try (StateStore store = StateStore.sqlite(dir.resolve("commercesync.db")); Resilience resilience = unthrottled()) {
      MagentoStorefront magento = MagentoStorefront.builder(MagentoClient.builder().baseUrl(URI.create(ready[1]))
          .oauth1(Secret.of("sim-consumer-key"), Secret.of("sim-consumer-secret"), Secret.of("sim-access-token"),
              Secret.of("sim-access-token-secret")).build()).build();
      GpConnector gp = GpConnector.builder().agent(URI.create(ready[2]), Secret.of(ready[3])).company("TWO").build();
      FlowMappings mappings = FlowMappings.builder().stockSource("MAIN", "default").stockSource("EAST", "wh_austin")
          .stockSource("WEST", "wh_reno").basePriceList("RETAIL").customerGroup("WHOLESALE", "Wholesale").build();
      FlowOptions options = FlowOptions.builder().mappings(mappings).store(store).resilience(resilience)
          .concurrency(8).build();
      Map<String, SyncFlow> flows = new LinkedHashMap<>();
      flows.put("catalog", Flows.catalogToStorefront(gp, magento, options));
      flows.put("inventory", Flows.inventoryToStorefront(gp, magento, options));
      flows.put("prices", Flows.pricesToStorefront(gp, magento, options));

      List<Measure> full = new ArrayList<>();
      for (var e : flows.entrySet()) {
        full.add(measure(e.getKey(), e.getValue(), heap, toHost, fromHost));
      }
      toHost.println("change");
      String[] changed = expect(fromHost, "CHANGED");
      List<Measure> delta = new ArrayList<>();
      for (var e : flows.entrySet()) {
        delta.add(measure(e.getKey(), e.getValue(), heap, toHost, fromHost));
      }

      System.out.println();
      System.out.printf(Locale.ROOT, "FULL SYNC of %,d items x 3 warehouses (this JVM: -Xmx%d MB)%n", items,
          Runtime.getRuntime().maxMemory() >> 20);
      print(full);
      long fullWrites = full.stream().mapToLong(Measure::writes).sum();
      long fullMs = full.stream().mapToLong(Measure::millis).sum();
      System.out.printf(Locale.ROOT, "write calls vs items x warehouses / 20 (stock): %d vs %d; prices: %d vs %d;"
          + " catalog: %d bulk calls for %,d products%n", full.get(1).writes(), items * 3 / 20, full.get(2).writes(),
          items * 2 / 20, full.get(0).writes(), items);
      System.out.println();
      System.out.printf(Locale.ROOT, "DELTA SYNC after changing %s items (1%%)%n", changed[1]);
      print(delta);
      long deltaWrites = delta.stream().mapToLong(Measure::writes).sum();
      long deltaMs = delta.stream().mapToLong(Measure::millis).sum();
      long fullCalls = full.stream().mapToLong(m -> m.writes() + m.reads() + m.erpCalls()).sum();
      long deltaCalls = delta.stream().mapToLong(m -> m.writes() + m.reads() + m.erpCalls()).sum();
      System.out.printf(Locale.ROOT, "delta / full: write calls %.4f, all calls %.4f, wall time %.4f%n",
          (double) deltaWrites / fullWrites, (double) deltaCalls / fullCalls, (double) deltaMs / fullMs);
      long peak = java.util.stream.Stream.concat(full.stream(), delta.stream()).mapToLong(Measure::peakHeapMb).max()
          .orElse(0);
      long live = java.util.stream.Stream.concat(full.stream(), delta.stream()).mapToLong(Measure::peakLiveMb).max()
          .orElse(0);
      System.out.printf(Locale.ROOT, "peak heap of the sync JVM over both runs: %d MB used (garbage included),"
          + " %d MB live after GC, of %d MB%n", peak, live, Runtime.getRuntime().maxMemory() >> 20);
      toHost.println("quit");
      host.waitFor();
    } finally {
      heap.interrupt();
      host.destroy();
    }
  }

  static void print(List<Measure> runs) {
    System.out.println("flow       read       written    wall ms   magento writes  magento reads  gp calls  heap used MB"
        + "  live after GC MB");
    for (Measure m : runs) {
      System.out.printf(Locale.ROOT, "%-10s %-10d %-10d %-9d %-15d %-14d %-9d %-13d %d%n", m.flow(), m.report().read(),
          m.report().written(), m.millis(), m.writes(), m.reads(), m.erpCalls(), m.peakHeapMb(), m.peakLiveMb());
      if (m.report().deadLettered() > 0 || m.report().pending() > 0) {
        System.out.println("  ! " + m.report().summary());
      }
    }
  }

  static Measure measure(String name, SyncFlow flow, HeapSampler heap, PrintWriter toHost, BufferedReader fromHost)
      throws Exception {
    toHost.println("stats");
    String[] before = expect(fromHost, "STATS");
    System.gc();
    heap.reset();
    long t0 = System.nanoTime();
    RunReport report = flow.runOnce();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long peak = heap.peakMb();
    long live = heap.peakLiveMb();
    toHost.println("stats");
    String[] after = expect(fromHost, "STATS");
    System.out.println("  " + report.summary());
    return new Measure(name, report, ms, diff(after, before, 1), diff(after, before, 2), diff(after, before, 3), peak,
        live);
  }

  static long diff(String[] after, String[] before, int i) {
    return Long.parseLong(after[i]) - Long.parseLong(before[i]);
  }

  static String[] expect(BufferedReader in, String tag) throws Exception {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith(tag + " ")) {
        return line.split(" ");
      }
      System.out.println("[host] " + line);
    }
    throw new IllegalStateException("the simulator host ended before answering " + tag);
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** No per-system request limit: the simulators, not the policies, set the pace. */
  static Resilience unthrottled() {
    Resilience.Builder b = Resilience.builder();
    for (SystemId s : List.of(SystemId.MAGENTO, SystemId.DYNAMICS_GP)) {
      b.policy(SystemPolicy.builder(s).requestsPerSecond(1_000_000).maxConcurrentCalls(16).build());
    }
    return b.build();
  }

  /**
   * Samples the heap every 10 ms: used (live data and garbage not yet collected, which a small heap lets
   * grow up to its limit) and what the last collection left (the live data); peaks since the last reset.
   */
  static final class HeapSampler extends Thread {
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong live = new AtomicLong();

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      Runtime rt = Runtime.getRuntime();
      while (!isInterrupted()) {
        long used = rt.totalMemory() - rt.freeMemory();
        peak.accumulateAndGet(used, Math::max);
        long afterGc = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
            afterGc += pool.getCollectionUsage().getUsed();
          }
        }
        live.accumulateAndGet(afterGc, Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void reset() {
      Runtime rt = Runtime.getRuntime();
      peak.set(rt.totalMemory() - rt.freeMemory());
      live.set(0);
    }

    long peakMb() {
      return peak.get() >> 20;
    }

    long peakLiveMb() {
      return live.get() >> 20;
    }
  }
}
