package io.commercesync.benchmarks.pipeline;

import io.commercesync.core.pipeline.Mapper;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * End-to-end pipeline measurements, run by hand (see {@code benchmarks/README.md}). Every figure is
 * reported beside a baseline measured in the same run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.commercesync.benchmarks.pipeline.PipelineHarness durability 200000
 * java -cp benchmarks/target/benchmarks.jar io.commercesync.benchmarks.pipeline.PipelineHarness concurrency
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar io.commercesync.benchmarks.pipeline.PipelineHarness memory 1000000
 * </pre>
 */
public final class PipelineHarness {

  private PipelineHarness() {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "all";
    switch (what) {
      case "durability" -> durability(args.length > 1 ? Integer.parseInt(args[1]) : 200_000);
      case "concurrency" -> concurrency();
      case "memory" -> memory(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
      case "all" -> {
        durability(200_000);
        concurrency();
      }
      default -> throw new IllegalArgumentException("durability | concurrency | memory | all");
    }
  }

  static Resilience unthrottled() {
    return Resilience.builder()
        .policy(SystemPolicy.builder(TimedSink.SYSTEM).requestsPerSecond(1_000_000).maxConcurrentCalls(256).build())
        .build();
  }

  static RunReport run(String name, int records, StateStore store, Duration sinkLatency, int concurrency, Resilience r) {
    TimedSink sink = new TimedSink(sinkLatency);
    RunReport report = Pipeline.<SyntheticSource.Item, SyntheticSource.Item>named(name)
        .source(new SyntheticSource(records)).map(Mapper.identity()).sink(sink).store(store).resilience(r)
        .concurrency(concurrency).maxInFlight(Math.max(concurrency, 2_000)).checkpointEvery(1_000).build().run();
    if (sink.applied.get() != records || report.written() != records) {
      throw new IllegalStateException(name + ": applied " + sink.applied.get() + " of " + records + ": " + report);
    }
    return report;
  }

  static double perSecond(RunReport r) {
    return r.written() / (r.duration().toNanos() / 1e9);
  }

  /** The durable SQLite ledger against the in-memory store, both into an in-memory sink. */
  static void durability(int records) throws Exception {
    try (Resilience r = unthrottled()) {
      run("warm-up", 20_000, StateStore.inMemory(), Duration.ZERO, 8, r);
      RunReport memory = run("in-memory", records, StateStore.inMemory(), Duration.ZERO, 8, r);
      Path dir = Files.createTempDirectory("commercesync-bench");
      RunReport sqlite;
      try (StateStore store = StateStore.sqlite(dir.resolve("bench.db"))) {
        sqlite = run("sqlite", records, store, Duration.ZERO, 8, r);
      }
      double mem = perSecond(memory);
      double sql = perSecond(sqlite);
      System.out.printf(Locale.ROOT, "durability  records=%d  in-memory=%.0f rec/s  sqlite=%.0f rec/s  ratio=%.2f%n",
          records, mem, sql, sql / mem);
    }
  }

  /**
   * A 2 ms sink and a 50 ms sink at concurrency 16, each against a baseline measured in the same run:
   * 16 plain threads calling the same sink for the same number of records (what a sleep really costs
   * on this machine, with no pipeline around it).
   */
  static void concurrency() throws InterruptedException {
    try (Resilience r = unthrottled()) {
      run("warm-up", 2_000, StateStore.inMemory(), Duration.ofMillis(2), 16, r);
      compare("sink=2ms  c=16", 40_000, Duration.ofMillis(2), r);
      compare("sink=50ms c=16", 1_600, Duration.ofMillis(50), r);
    }
  }

  private static void compare(String label, int records, Duration latency, Resilience r)
      throws InterruptedException {
    double bare = records / plainThreads(records, latency, 16);
    RunReport report = run("sink-" + latency.toMillis() + "ms", records, StateStore.inMemory(), latency, 16, r);
    double piped = perSecond(report);
    double limit = 16 / (latency.toNanos() / 1e9);
    double seconds = report.duration().toNanos() / 1e9;
    double plainSeconds = records / bare;
    System.out.printf(Locale.ROOT, "concurrency %s  pipeline=%.0f rec/s  plain threads=%.0f rec/s  "
        + "pipeline/plain=%.2f  pipeline/limit(%.0f)=%.2f  sdk share of wall time=%.1f%%%n",
        label, piped, bare, piped / bare, limit, piped / limit, (seconds - plainSeconds) / seconds * 100);
  }

  /** Seconds that {@code threads} plain threads take to push {@code records} calls through the sink. */
  private static double plainThreads(int records, Duration latency, int threads) throws InterruptedException {
    TimedSink sink = new TimedSink(latency);
    AtomicInteger next = new AtomicInteger();
    Thread[] workers = new Thread[threads];
    long t0 = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      workers[i] = new Thread(() -> {
        for (int n = next.getAndIncrement(); n < records; n = next.getAndIncrement()) {
          sink.write(new SyntheticSource.Item("k" + n, n, ""), null);
        }
      });
      workers[i].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * A million records through the pipeline (run with -Xmx256m): nothing may accumulate. The ledger is
   * the SQLite one, on disk, as in production; only the pipeline's own memory is under test.
   */
  static void memory(int records) throws Exception {
    Path dir = Files.createTempDirectory("commercesync-bench");
    try (Resilience r = unthrottled(); StateStore store = StateStore.sqlite(dir.resolve("memory.db"))) {
      long max = Runtime.getRuntime().maxMemory() >> 20;
      RunReport report = run("memory", records, store, Duration.ZERO, 8, r);
      System.gc();
      long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
      System.out.printf(Locale.ROOT, "memory records=%d heap-max=%dMB used-after=%dMB completed in %.1fs: %s%n",
          records, max, used, report.duration().toMillis() / 1000.0, report.summary());
    }
  }
}
