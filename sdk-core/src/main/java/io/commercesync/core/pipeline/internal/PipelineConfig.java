package io.commercesync.core.pipeline.internal;

import io.commercesync.core.pipeline.KeyFunction;
import io.commercesync.core.pipeline.Mapper;
import io.commercesync.core.pipeline.PipelineListener;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.Sink;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.Validator;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** Everything a pipeline was built with; immutable. */
public record PipelineConfig<S, T>(
    String name,
    Source<S> source,
    Mapper<S, T> mapper,
    List<Validator<T>> validators,
    Sink<T> sink,
    KeyFunction<T> keys,
    Function<RawRecord, String> orderKey,
    Function<T, ?> payloadIdentity,
    Function<T, String> fingerprint,
    String fingerprintScope,
    StateStore store,
    Resilience resilience,
    int concurrency,
    int maxInFlight,
    int checkpointEvery,
    int maxPendingAttempts,
    String instanceId,
    Duration leaseTtl,
    Duration batchLinger,
    Duration retention,
    PipelineListener listener,
    Clock clock) {}
