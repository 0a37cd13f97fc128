package io.commercesync.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Mapper;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.Sink;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.WriteResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Regression: Micrometer is an optional dependency, and an application without it must still build and
 * run pipelines (the first version loaded a Micrometer-typed class on every build and failed with
 * NoClassDefFoundError). This module's class path has no Micrometer.
 */
class WithoutMicrometerTest {

  @Test
  void pipeline_runsWhenMicrometerIsAbsent() {
    assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.Metrics"))
        .isInstanceOf(ClassNotFoundException.class);
    Source<String> source = new Source<>() {
      @Override public SystemId system() { return SystemId.of("plain"); }
      @Override public String name() { return "plain"; }
      @Override public RecordStream read(Cursor from) {
        return RecordStream.of(List.of(RawRecord.json("a", Cursor.of("1"), "thing", "\"a\"".getBytes(StandardCharsets.UTF_8))));
      }
      @Override public String decode(RawRecord record) { return record.key(); }
    };
    Sink<String> sink = new Sink<>() {
      @Override public SystemId system() { return SystemId.of("plain-sink"); }
      @Override public WriteResult write(String record, IdempotencyKey key) { return WriteResult.created(record); }
      @Override public Optional<WriteResult> lookup(String record, IdempotencyKey key) { return Optional.empty(); }
    };
    RunReport report = Pipeline.<String, String>named("plain").source(source).map(Mapper.identity()).sink(sink).build().run();
    assertThat(report.written()).isEqualTo(1);
  }
}
