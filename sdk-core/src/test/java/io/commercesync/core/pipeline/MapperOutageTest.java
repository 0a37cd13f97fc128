package io.commercesync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Regression (found by the demo with 20 % injected faults): a mapper that reads a remote system (the
 * orders flow resolves the ERP customer, the invoice flow reads the storefront order) met an outage —
 * retries exhausted, or the circuit breaker open — and its records were dead-lettered as if they were
 * invalid. They stay pending, the run pauses, and the next run sends them.
 */
class MapperOutageTest {

  @Test
  void transientFailureInTheMapper_leavesTheRecordPending_andTheNextRunSendsIt() {
    StateStore store = StateStore.inMemory();
    ListSource source = ListSource.of(5);
    RecordingSink sink = new RecordingSink(1);
    AtomicBoolean down = new AtomicBoolean(true);
    Mapper<ListSource.Item, ListSource.Item> lookingUp = item -> {
      if (item.key().equals("k2") && down.get()) {
        throw RemoteSystemException.builder(SystemId.of("lookup"), "GET /customers").status(503).retryable(true)
            .recordKey(item.key()).build();
      }
      return item;
    };
    Pipeline<ListSource.Item, ListSource.Item> pipeline = Pipeline.<ListSource.Item, ListSource.Item>named("mapped")
        .source(source).map(lookingUp).sink(sink).store(store).concurrency(1).build();

    RunReport first = pipeline.run();

    assertThat(first.state()).isEqualTo(RunState.PAUSED);
    assertThat(first.deadLettered()).isZero();
    assertThat(first.pending()).isEqualTo(1);
    assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isZero();
    assertThat(sink.applied).doesNotContainKey("test-source/item/k2/mapped");

    down.set(false);
    RunReport second = pipeline.run();

    assertThat(second.state()).isEqualTo(RunState.COMPLETED);
    assertThat(sink.applied).hasSize(5).containsKey("test-source/item/k2/mapped");
    assertThat(sink.applied.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
  }
}
