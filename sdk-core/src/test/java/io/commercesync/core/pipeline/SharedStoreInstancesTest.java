package io.commercesync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.security.Secret;
import io.commercesync.core.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two instances of an application share one PostgreSQL store and run the same pipeline at the same
 * time: leases keep them off each other's records, the shared ledger keeps every effect single, and
 * a further run of either finishes what the other held.
 */
class SharedStoreInstancesTest {

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the tests with `bash scripts/test-all.sh`, which"
          + " starts a throwaway PostgreSQL server and sets it");
    }
    return value;
  }

  @Test
  void twoInstancesOnOnePostgresStore_applyEveryRecordExactlyOnce() throws Exception {
    String url = env("COMMERCESYNC_TEST_PG_URL");
    String user = env("COMMERCESYNC_TEST_PG_USER");
    Secret password = Secret.of(env("COMMERCESYNC_TEST_PG_PASSWORD"));
    ListSource source = ListSource.of(2_000);
    RecordingSink sink = new RecordingSink(42);
    String flow = "shared-" + System.nanoTime();   // a fresh pipeline name: the database is shared by tests
    try (StateStore a = StateStore.postgres(url, user, password);
        StateStore b = StateStore.postgres(url, user, password);
        Resilience r = Resilience.builder().policy(SystemPolicy.builder(RecordingSink.SYSTEM)
            .requestsPerSecond(1_000_000).maxConcurrentCalls(64).build()).build()) {
      Pipeline<ListSource.Item, ListSource.Item> onA = pipeline(flow, source, sink, a, r, "instance-a");
      Pipeline<ListSource.Item, ListSource.Item> onB = pipeline(flow, source, sink, b, r, "instance-b");
      ExecutorService both = Executors.newFixedThreadPool(2);
      List<Future<RunReport>> runs = new ArrayList<>();
      for (Callable<RunReport> run : List.<Callable<RunReport>>of(onA::run, onB::run)) {
        runs.add(both.submit(run));
      }
      long written = 0;
      for (Future<RunReport> run : runs) {
        written += run.get().written();
      }
      both.shutdown();
      // each instance leaves the records the other held for a later run; two more runs finish them
      written += onA.run().written();
      written += onB.run().written();
      assertThat(sink.duplicates()).isEmpty();
      assertThat(sink.applied).hasSize(2_000);
      assertThat(written).isEqualTo(2_000);
    }
  }

  private static Pipeline<ListSource.Item, ListSource.Item> pipeline(String flow, ListSource source, RecordingSink sink,
      StateStore store, Resilience r, String instance) {
    return Pipeline.<ListSource.Item, ListSource.Item>named(flow)
        .source(new Source<>() {
          @Override public io.commercesync.core.model.SystemId system() { return source.system(); }
          @Override public String name() { return flow + ":source"; }
          @Override public RecordStream read(Cursor from) { return source.read(from); }
          @Override public ListSource.Item decode(RawRecord record) { return source.decode(record); }
        })
        .map(Mapper.identity()).sink(sink).store(store).resilience(r)
        .keys((raw, item) -> IdempotencyKey.of(source.system(), "item", raw.key(), flow))
        .instance(instance, Duration.ofMinutes(1)).concurrency(8).build();
  }
}
