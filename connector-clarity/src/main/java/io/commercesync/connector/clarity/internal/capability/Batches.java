package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Splits a batch into the target's chunk size, and unwraps the one outcome of a single write. */
final class Batches {

  private Batches() {}

  static <T> List<BatchSink.BatchOutcome> chunked(List<BatchSink.Keyed<T>> records, int size,
      Function<List<BatchSink.Keyed<T>>, List<BatchSink.BatchOutcome>> write) {
    List<BatchSink.BatchOutcome> out = new ArrayList<>(records.size());
    for (int from = 0; from < records.size(); from += size) {
      out.addAll(write.apply(records.subList(from, Math.min(records.size(), from + size))));
    }
    return out;
  }

  static WriteResult single(BatchSink.BatchOutcome outcome) {
    if (!outcome.succeeded()) {
      throw outcome.failure();
    }
    return outcome.result();
  }
}
