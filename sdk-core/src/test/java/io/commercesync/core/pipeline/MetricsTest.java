package io.commercesync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.state.StateStore;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void withMicrometerPresent_recordsAndRunsAreMetered() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try {
      RecordingSink sink = new RecordingSink(1);
      sink.rejects = item -> item.key().equals("k2");
      RunReport report = Pipeline.<ListSource.Item, ListSource.Item>named("metered")
          .source(ListSource.of(5)).map(Mapper.identity()).sink(sink).store(StateStore.inMemory())
          .build().run();
      assertThat(report.written()).isEqualTo(4);
      assertThat(registry.get("commercesync.records").tag("pipeline", "metered").tag("outcome", "written")
          .counter().count()).isEqualTo(4.0);
      assertThat(registry.get("commercesync.records").tag("pipeline", "metered").tag("outcome", "dead_lettered").counter().count()).isEqualTo(1.0);
      assertThat(registry.get("commercesync.runs").tag("pipeline", "metered").tag("state", "COMPLETED").timer().count()).isEqualTo(1);
      assertThat(registry.get("commercesync.run.records").tag("pipeline", "metered").tag("outcome", "read").gauge().value()).isEqualTo(5.0);
    } finally {
      Metrics.removeRegistry(registry);
    }
  }
}
