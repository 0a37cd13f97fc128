package io.commercesync.benchmarks.catalog;

import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.core.flow.LiveLookup;
import io.commercesync.core.flow.LookupAnswer;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.security.Secret;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Real-time look-up latency, run by hand (issue 10): a customer's price from GP through the agent, with
 * {@code latencyMs} of ERP latency injected on every call, asked cold (every key once: each answer comes
 * from GP) and then warm (the same keys again within the TTL: from the cache). Reports p50 and p99 of
 * both and their ratio, measured in the same run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.commercesync.benchmarks.catalog.LookupLatencyHarness 2000 25
 * </pre>
 */
public final class LookupLatencyHarness {

  private LookupLatencyHarness() {}

  public static void main(String[] args) {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    FaultSchedule faults = FaultSchedule.seeded(1).rate(1.0).kinds(Fault.Kind.LATENCY)
        .latency(Duration.ofMillis(latencyMs)).build();
    faults.enabled(false);
    try (GpSimulator gp = GpSimulator.start(GpSimulator.options().secret("lookup-bench").faults(faults));
        Resilience resilience = Resilience.builder().policy(SystemPolicy.builder(SystemId.DYNAMICS_GP)
            .requestsPerSecond(1_000_000).maxConcurrentCalls(64).build()).build()) {
      List<String> items = gp.addItems("LK-", keys, List.of("MAIN"), Instant.parse("2024-04-01T00:00:00Z"),
          Duration.ofSeconds(1), 3);
      faults.enabled(true);
      GpConnector erp = GpConnector.builder().agent(gp.baseUri(), Secret.of("lookup-bench")).company("TWO").build();
      LiveLookup lookup = LiveLookup.builder(erp).ttl(Duration.ofMinutes(10)).timeout(Duration.ofSeconds(5))
          .resilience(resilience).build();
      // warm the JVM (JIT, connection pool) on other keys
      for (int i = 0; i < Math.min(200, keys); i++) {
        lookup.price("AARONFIT0001", items.get(i), BigDecimal.ONE);
      }
      long[] cold = new long[keys];
      long[] warm = new long[keys];
      for (int i = 0; i < keys; i++) {
        cold[i] = time(lookup, items, i, true);
      }
      for (int i = 0; i < keys; i++) {
        warm[i] = time(lookup, items, i, false);
      }
      Arrays.sort(cold);
      Arrays.sort(warm);
      System.out.printf(Locale.ROOT, "look-up latency, %d keys, %d ms ERP latency injected per call%n", keys, latencyMs);
      System.out.printf(Locale.ROOT, "cold (from GP): p50 %.2f ms  p99 %.2f ms%n", ms(cold, 0.50), ms(cold, 0.99));
      System.out.printf(Locale.ROOT, "warm (cached):  p50 %.3f ms  p99 %.3f ms%n", ms(warm, 0.50), ms(warm, 0.99));
      System.out.printf(Locale.ROOT, "cold / warm: p50 %.0fx  p99 %.0fx%n", ms(cold, 0.50) / ms(warm, 0.50),
          ms(cold, 0.99) / ms(warm, 0.99));
    }
  }

  private static long time(LiveLookup lookup, List<String> items, int i, boolean expectLive) {
    long t0 = System.nanoTime();
    LookupAnswer<?> answer = lookup.price("WEBJSMITH0001", items.get(i), BigDecimal.ONE);
    long took = System.nanoTime() - t0;
    LookupAnswer.Freshness expected = expectLive ? LookupAnswer.Freshness.LIVE : LookupAnswer.Freshness.CACHED;
    if (answer.freshness() != expected) {
      throw new IllegalStateException("expected " + expected + " for key " + i + ", was " + answer.freshness());
    }
    return took;
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
