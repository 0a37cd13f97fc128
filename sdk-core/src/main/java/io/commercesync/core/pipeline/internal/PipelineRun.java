package io.commercesync.core.pipeline.internal;

import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.error.CallRejectedException;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.pipeline.StageStats;
import io.commercesync.core.pipeline.Validator;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.resilience.BreakerState;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.security.Redactor;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a pipeline: reads records in source order, processes them concurrently (in order per
 * key), and ends with a checkpoint that never passes an unfinished record.
 *
 * <p>Per record: decode → map → validate → (fingerprint) → ledger begin (durable) → sink write under the
 * resilience policies, with a lookup first whenever an earlier attempt may have been applied → ledger
 * done. Permanent failures are dead-lettered (durably, before the record counts as finished); records
 * refused because a target is down stay pending and pause the run.
 */
public final class PipelineRun<S, T> {

  private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

  /** How one record ended. */
  enum Outcome { WRITTEN, DUPLICATE, UNCHANGED, SKIPPED, DEAD_LETTERED, PENDING }

  /** A mapped record ready to write; {@code decoded} is kept for the dead letter's canonical form. */
  private record Prepared<T>(T mapped, IdempotencyKey key, String hash, Object decoded) {}

  private final PipelineConfig<S, T> cfg;
  private final String runId;
  private final ExecutorService workers;
  private final Semaphore inFlight;
  private final Semaphore sinkPermits;
  private final CompletionTracker tracker = new CompletionTracker();
  private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
  private final AtomicBoolean pause = new AtomicBoolean();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final AtomicLong read = new AtomicLong();
  private final Map<Outcome, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicInteger sinceCheckpoint = new AtomicInteger();
  private final Map<String, LatencyRecorder> stages = new LinkedHashMap<>();
  private final Object checkpointLock = new Object();
  private final Batcher batcher;
  private Cursor savedCheckpoint;
  /** Open dead letters of this pipeline by record key, read at the start: a success closes its letter. */
  private Map<String, String> openLetters = Map.of();

  public PipelineRun(PipelineConfig<S, T> cfg, String runId) {
    this.cfg = cfg;
    this.runId = runId;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(cfg.concurrency(), r -> {
      Thread t = new Thread(r, "commercesync-" + cfg.name() + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.inFlight = new Semaphore(cfg.maxInFlight());
    this.sinkPermits = new Semaphore(cfg.concurrency());
    for (Outcome o : Outcome.values()) {
      counts.put(o, new AtomicLong());
    }
    for (String stage : List.of("decode", "map", "validate", "ledger", "write", "total")) {
      stages.put(stage, new LatencyRecorder());
    }
    this.batcher = cfg.sink() instanceof BatchSink<T> batchSink && cfg.batchLinger() != null
        ? new Batcher(batchSink) : null;
  }

  /** Reads the source from its checkpoint and processes everything; saves the checkpoint. */
  public RunReport execute() {
    return execute(cfg.store().checkpoints().get(cfg.source().name()).orElse(Cursor.START));
  }

  /**
   * Reads the source from {@code from} and processes everything; saves the checkpoint. From
   * {@link Cursor#START}, a full reconciliation: every record is read again, and the fingerprints still
   * keep unchanged ones from costing a call.
   */
  public RunReport execute(Cursor from) {
    Instant started = cfg.clock().instant();
    savedCheckpoint = from.isStart() ? null : from;
    openLetters = openLetters();
    RecordStream stream = null;
    try {
      stream = cfg.resilience().read(cfg.source().system(), () -> cfg.source().read(from));
      RecordStream records = stream;
      while (!pause.get() && hasNext(records)) {
        BreakerState breaker = cfg.resilience().breakerState(cfg.sink().system());
        if (breaker == BreakerState.OPEN) {
          // the target is known to be down: read no further, the records stay after the checkpoint
          pause.set(true);
          failure.compareAndSet(null, "circuit open for " + cfg.sink().system());
          break;
        }
        boolean probe = breaker == BreakerState.HALF_OPEN;
        if (probe) {
          awaitAll();   // the probe goes alone, so its verdict decides for the records behind it
        }
        RawRecord raw = records.next();
        dispatch(raw, true, outcome -> {});
        if (probe) {
          awaitAll();
        }
      }
    } catch (RuntimeException e) {
      noteReadFailure(e);
    } finally {
      awaitAll();
      if (stream != null) {
        try {
          stream.close();
        } catch (RuntimeException e) {
          LOG.debug("pipeline={} closing the source stream failed: {}", cfg.name(), e.toString());
        }
      }
      workers.shutdown();
      if (batcher != null) {
        batcher.close();
      }
    }
    saveCheckpoint();
    return report(started);
  }

  /**
   * Processes {@code records} (a webhook's order, dead-letter replays) without touching the checkpoint.
   * With {@code closeLetters}, a record that goes through closes the open dead letter of its key as
   * resolved (a replay closes its letters itself, as replayed).
   */
  public RunReport executeRecords(Iterator<RawRecord> records, RecordObserver observer, boolean closeLetters) {
    Instant started = cfg.clock().instant();
    openLetters = closeLetters ? openLetters() : Map.of();
    try {
      while (!pause.get() && records.hasNext()) {
        RawRecord raw = records.next();
        dispatch(raw, false, outcome -> observer.finished(raw, outcome));
      }
    } catch (RuntimeException e) {
      noteReadFailure(e);
    } finally {
      awaitAll();
      workers.shutdown();
      if (batcher != null) {
        batcher.close();
      }
    }
    return report(started);
  }

  /** Told how each record of {@link #executeRecords} ended. */
  @FunctionalInterface
  public interface RecordObserver {
    void finished(RawRecord record, String outcome);
  }

  private boolean hasNext(RecordStream records) {
    return cfg.resilience().read(cfg.source().system(), records::hasNext);
  }

  private void noteReadFailure(RuntimeException e) {
    if (e instanceof CallRejectedException || Resilience.isTransient(e)) {
      LOG.debug("pipeline={} source={} unavailable, pausing: {}", cfg.name(), cfg.source().name(), e.getMessage());
      pause.set(true);
      failure.compareAndSet(null, "source unavailable: " + e.getMessage());
    } else {
      failure.set("source failed: " + e.getMessage());
      pause.set(true);
    }
  }

  private void dispatch(RawRecord raw, boolean checkpointed, java.util.function.Consumer<String> observer) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for capacity", e);
    }
    read.incrementAndGet();
    long seq = checkpointed ? tracker.register(raw.position()) : -1;
    long start = System.nanoTime();
    String lane = cfg.orderKey().apply(raw);
    @SuppressWarnings("unchecked")
    CompletableFuture<Void>[] mine = new CompletableFuture[1];
    tails.compute(lane, (k, previous) -> {
      CompletableFuture<Void> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
      mine[0] = before
          .handle((v, e) -> null)
          .thenComposeAsync(v -> process(raw), workers)
          .handle((outcome, error) -> {
            Outcome result = error == null ? outcome : unexpected(raw, error);
            resolveLetter(raw, result);
            try {
              observer.accept(result.name());   // observers run before the record counts as finished
            } finally {
              finish(seq, result, start);
            }
            return null;
          });
      return mine[0];
    });
    // forget the lane once its last record is done, so memory stays flat over millions of keys
    mine[0].whenComplete((v, e) -> tails.remove(lane, mine[0]));
  }

  private Map<String, String> openLetters() {
    try {
      Map<String, String> open = new ConcurrentHashMap<>();
      for (DeadLetter letter : cfg.store().deadLetters().list(DeadLetterFilter.OPEN.withFlow(cfg.name()))) {
        open.putIfAbsent(letter.recordKey(), letter.id());
      }
      return open;
    } catch (RuntimeException e) {
      // letters stay open and visible; only their automatic closing is lost for this run
      LOG.warn("pipeline={} could not read its open dead letters: {}", cfg.name(), e.toString());
      return Map.of();
    }
  }

  /** A record that now went through closes the letter an earlier version of it left open. */
  private void resolveLetter(RawRecord raw, Outcome outcome) {
    if (openLetters.isEmpty()
        || outcome != Outcome.WRITTEN && outcome != Outcome.DUPLICATE && outcome != Outcome.UNCHANGED) {
      return;
    }
    String id = openLetters.remove(raw.key());
    if (id == null) {
      return;
    }
    try {
      cfg.store().deadLetters().markResolved(id, "succeeded in run " + runId + " (" + outcome.name().toLowerCase(java.util.Locale.ROOT) + ")");
      LOG.info("pipeline={} key={} dead letter {} resolved: the record went through", cfg.name(), raw.key(), id);
    } catch (RuntimeException e) {
      LOG.warn("pipeline={} key={} could not close dead letter {}: {}", cfg.name(), raw.key(), id, e.toString());
    }
  }

  private void finish(long seq, Outcome outcome, long start) {
    counts.get(outcome).incrementAndGet();
    stages.get("total").record(System.nanoTime() - start);
    if (seq >= 0) {
      if (outcome == Outcome.PENDING) {
        tracker.hold(seq);
      } else {
        tracker.finish(seq);
        if (sinceCheckpoint.incrementAndGet() >= cfg.checkpointEvery()) {
          sinceCheckpoint.set(0);
          saveCheckpoint();
        }
      }
    }
    inFlight.release();
  }

  private void awaitAll() {
    try {
      inFlight.acquire(cfg.maxInFlight());
      inFlight.release(cfg.maxInFlight());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void saveCheckpoint() {
    synchronized (checkpointLock) {
      Cursor mark = tracker.watermark();
      if (mark != null && !mark.equals(savedCheckpoint)) {
        cfg.store().checkpoints().put(cfg.source().name(), mark);
        savedCheckpoint = mark;
      }
    }
  }

  // ---------------------------------------------------------------- one record

  private CompletableFuture<Outcome> process(RawRecord raw) {
    boolean leased = false;
    if (cfg.instanceId() != null) {
      leased = !cfg.store().leases()
          .claim(cfg.name(), List.of(raw.key()), cfg.instanceId(), cfg.leaseTtl()).isEmpty();
      if (!leased) {
        LOG.debug("pipeline={} key={} held by another instance", cfg.name(), raw.key());
        return CompletableFuture.completedFuture(Outcome.PENDING);
      }
    }
    CompletableFuture<Outcome> outcome;
    try {
      Object prepared = prepare(raw);
      if (prepared instanceof Outcome early) {
        outcome = CompletableFuture.completedFuture(early);
      } else {
        @SuppressWarnings("unchecked")
        Prepared<T> p = (Prepared<T>) prepared;
        outcome = apply(raw, p);
      }
    } catch (RuntimeException e) {
      outcome = CompletableFuture.completedFuture(unexpected(raw, e));
    }
    if (leased) {
      return outcome.whenComplete((o, e) ->
          cfg.store().leases().release(cfg.name(), List.of(raw.key()), cfg.instanceId()));
    }
    return outcome;
  }

  /** Decode, map, validate and hash; returns a {@link Prepared} or the record's final {@link Outcome}. */
  private Object prepare(RawRecord raw) {
    S decoded;
    long t0 = System.nanoTime();
    try {
      decoded = cfg.source().decode(raw);
    } catch (CommerceSyncException e) {
      return deadLetter(raw, null, null, e);
    } finally {
      stages.get("decode").record(System.nanoTime() - t0);
    }
    T mapped;
    long t1 = System.nanoTime();
    try {
      mapped = cfg.mapper().map(decoded);
    } catch (CommerceSyncException e) {
      if (e instanceof CallRejectedException || Resilience.isTransient(e)) {
        // a mapper that reads a remote system (a customer look-up) met an outage: pending, not dead
        pause.set(true);
        cfg.listener().recordPending(cfg.name(), raw, e);
        LOG.debug("pipeline={} key={} pending in map: {}", cfg.name(), raw.key(), e.getMessage());
        return Outcome.PENDING;
      }
      return deadLetter(raw, null, decoded, e);
    } finally {
      stages.get("map").record(System.nanoTime() - t1);
    }
    if (mapped == null) {
      return Outcome.SKIPPED;
    }
    long t2 = System.nanoTime();
    List<FieldViolation> violations = new ArrayList<>();
    for (Validator<T> validator : cfg.validators()) {
      violations.addAll(validator.validate(mapped));
    }
    stages.get("validate").record(System.nanoTime() - t2);
    if (!violations.isEmpty()) {
      InvalidRecordException invalid = InvalidRecordException.builder(cfg.sink().system(), raw.entity())
          .recordId(raw.key()).violations(violations).build();
      return deadLetter(raw, null, decoded, invalid);
    }
    IdempotencyKey key = cfg.keys().keyFor(raw, mapped);
    String hash = PayloadHash.of(cfg.payloadIdentity().apply(mapped));
    if (cfg.fingerprint() != null) {
      String fingerprint = PayloadHash.of(cfg.fingerprint().apply(mapped));
      Optional<String> last = cfg.store().fingerprints().get(cfg.fingerprintScope(), raw.key());
      if (last.isPresent() && last.get().equals(fingerprint)) {
        return Outcome.UNCHANGED;
      }
    }
    return new Prepared<>(mapped, key, hash, decoded);
  }

  private CompletableFuture<Outcome> apply(RawRecord raw, Prepared<T> p) {
    long t0 = System.nanoTime();
    CompletableFuture<LedgerEntry> begun = cfg.store().ledger().beginAsync(p.key(), p.hash());
    BiFunction<LedgerEntry, Throwable, CompletableFuture<Outcome>> next = (entry, error) -> {
      stages.get("ledger").record(System.nanoTime() - t0);
      if (error != null) {
        Throwable cause = unwrap(error);
        if (cause instanceof CommerceSyncException cse && !cse.retryable()) {
          return CompletableFuture.completedFuture(deadLetter(raw, p.key(), p.decoded(), cse));
        }
        throw new CompletionException(cause);
      }
      if (entry.state() == LedgerEntry.State.DONE) {
        cfg.listener().duplicatePrevented(cfg.name(), raw, entry.remoteId());
        return CompletableFuture.completedFuture(Outcome.DUPLICATE);
      }
      return batcher != null ? batcher.submit(raw, p, entry) : write(raw, p, entry);
    };
    // a store that answered at once (in memory) costs no thread hop; a group commit resumes on a worker
    return (begun.isDone() ? begun.handle(next) : begun.handleAsync(next, workers)).thenCompose(f -> f);
  }

  private CompletableFuture<Outcome> write(RawRecord raw, Prepared<T> p, LedgerEntry entry) {
    // an earlier attempt (a crash, a lost response) may already have applied the effect
    AtomicBoolean mayHaveApplied = new AtomicBoolean(entry.attempts() > 1 || entry.state() == LedgerEntry.State.FAILED);
    AtomicInteger attempts = new AtomicInteger();
    // at most `concurrency` records of this run are at the sink (retry waits included)
    sinkPermits.acquireUninterruptibly();
    long t0 = System.nanoTime();
    CompletableFuture<WriteResult> call = cfg.resilience().callAsync(cfg.sink().system(), () -> {
      attempts.incrementAndGet();
      if (mayHaveApplied.get()) {
        Optional<WriteResult> found = cfg.sink().lookup(p.mapped(), p.key());
        if (found.isPresent()) {
          return WriteResult.alreadyApplied(found.get().remoteId());
        }
      }
      try {
        return cfg.sink().write(p.mapped(), p.key());
      } catch (CommerceSyncException e) {
        if (e.retryable()) {
          mayHaveApplied.set(true);
        }
        throw e;
      }
    });
    call.whenComplete((result, error) -> sinkPermits.release());
    return call.handleAsync((result, error) -> {
      stages.get("write").record(System.nanoTime() - t0);
      retried.addAndGet(Math.max(0, attempts.get() - 1));
      return settle(raw, p, entry, result, error);
    }, workers).thenCompose(f -> f);
  }

  /** The outcome of one record's write: done, duplicate, pending or dead-lettered. */
  private CompletableFuture<Outcome> settle(RawRecord raw, Prepared<T> p, LedgerEntry entry, WriteResult result,
      Throwable error) {
    if (error == null) {
      return done(raw, p, result);
    }
    Throwable cause = unwrap(error);
    if (cause instanceof DuplicateDetectedException dup) {
      return done(raw, p, WriteResult.alreadyApplied(dup.existingId().orElse(p.key().value())));
    }
    if (cause instanceof CallRejectedException || Resilience.isTransient(cause)) {
      if (entry.attempts() >= cfg.maxPendingAttempts()) {
        return CompletableFuture.completedFuture(deadLetter(raw, p.key(), p.decoded(), cause));
      }
      pause.set(true);
      cfg.listener().recordPending(cfg.name(), raw, cause);
      LOG.debug("pipeline={} key={} pending: {}", cfg.name(), raw.key(), cause.getMessage());
      return CompletableFuture.completedFuture(Outcome.PENDING);
    }
    return CompletableFuture.completedFuture(deadLetter(raw, p.key(), p.decoded(), cause));
  }

  /**
   * Groups records for a {@link BatchSink}: a batch is sent when it is full or has waited the linger
   * time. Batch sinks set absolute values (stock, prices), so a retried batch cannot double an effect.
   */
  private final class Batcher {
    private record Pending<T>(RawRecord raw, Prepared<T> prepared, LedgerEntry entry, CompletableFuture<Outcome> outcome) {}

    private final BatchSink<T> sink;
    private final List<Pending<T>> open = new ArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "commercesync-batch-" + cfg.name());
          t.setDaemon(true);
          return t;
        });
    private java.util.concurrent.ScheduledFuture<?> lingering;

    Batcher(BatchSink<T> sink) {
      this.sink = sink;
    }

    CompletableFuture<Outcome> submit(RawRecord raw, Prepared<T> prepared, LedgerEntry entry) {
      CompletableFuture<Outcome> outcome = new CompletableFuture<>();
      List<Pending<T>> full = null;
      synchronized (this) {
        open.add(new Pending<>(raw, prepared, entry, outcome));
        if (open.size() >= Math.max(1, sink.maxBatchSize())) {
          full = take();
        } else if (lingering == null) {
          lingering = timer.schedule(this::flush, cfg.batchLinger().toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        }
      }
      if (full != null) {
        send(full);
      }
      return outcome;
    }

    private List<Pending<T>> take() {
      List<Pending<T>> batch = new ArrayList<>(open);
      open.clear();
      if (lingering != null) {
        lingering.cancel(false);
        lingering = null;
      }
      return batch;
    }

    private void flush() {
      List<Pending<T>> batch;
      synchronized (this) {
        lingering = null;
        batch = take();
      }
      if (!batch.isEmpty()) {
        send(batch);
      }
    }

    private void send(List<Pending<T>> batch) {
      List<BatchSink.Keyed<T>> items = batch.stream()
          .map(b -> new BatchSink.Keyed<>(b.prepared().mapped(), b.prepared().key())).toList();
      AtomicInteger attempts = new AtomicInteger();
      sinkPermits.acquireUninterruptibly();
      long t0 = System.nanoTime();
      CompletableFuture<List<BatchSink.BatchOutcome>> call = cfg.resilience().callAsync(cfg.sink().system(), () -> {
        attempts.incrementAndGet();
        return sink.writeBatch(items);
      });
      call.whenComplete((r, e) -> sinkPermits.release());
      call.whenCompleteAsync((outcomes, error) -> {
        stages.get("write").record(System.nanoTime() - t0);
        retried.addAndGet(Math.max(0, attempts.get() - 1));
        Throwable cause = error == null ? null : unwrap(error);
        if (cause != null && batch.size() > 1 && !(cause instanceof CallRejectedException)
            && !Resilience.isTransient(cause)) {
          // the call was refused as a whole (one unknown sku makes Magento refuse all 20 source items):
          // each record goes alone, so only the bad one is dead-lettered (BatchSink's contract)
          LOG.debug("pipeline={} batch of {} refused as a whole ({}); writing its records one by one",
              cfg.name(), batch.size(), cause.getMessage());
          for (Pending<T> b : batch) {
            write(b.raw(), b.prepared(), b.entry()).whenComplete((o, e) -> b.outcome().complete(
                e == null ? o : unexpected(b.raw(), e)));
          }
          return;
        }
        for (int i = 0; i < batch.size(); i++) {
          Pending<T> b = batch.get(i);
          CompletableFuture<Outcome> o;
          try {
            if (error != null) {
              o = settle(b.raw(), b.prepared(), b.entry(), null, error);
            } else {
              BatchSink.BatchOutcome item = i < outcomes.size() ? outcomes.get(i) : null;
              if (item == null) {
                o = settle(b.raw(), b.prepared(), b.entry(), null, new IllegalStateException(
                    cfg.sink().system() + " batch answered " + outcomes.size() + " outcomes for " + batch.size() + " records"));
              } else {
                o = settle(b.raw(), b.prepared(), b.entry(), item.result(), item.failure());
              }
            }
          } catch (RuntimeException e) {
            o = CompletableFuture.completedFuture(unexpected(b.raw(), e));
          }
          o.whenComplete((outcome, failed) ->
              b.outcome().complete(failed == null ? outcome : unexpected(b.raw(), failed)));
        }
      }, workers);
    }

    void close() {
      flush();
      timer.shutdown();
    }
  }

  /**
   * Records the effect as done (and its fingerprint) without holding a worker while the store commits:
   * the record counts as finished once both are durable.
   */
  private CompletableFuture<Outcome> done(RawRecord raw, Prepared<T> p, WriteResult result) {
    CompletableFuture<Void> recorded = cfg.store().ledger().markDoneAsync(p.key(), result.remoteId());
    if (cfg.fingerprint() != null) {
      recorded = recorded.thenCombine(cfg.store().fingerprints().putAsync(cfg.fingerprintScope(), raw.key(),
          PayloadHash.of(cfg.fingerprint().apply(p.mapped()))), (a, b) -> null);
    }
    return recorded.thenApply(v -> outcomeOf(raw, result));
  }

  private Outcome outcomeOf(RawRecord raw, WriteResult result) {
    switch (result.outcome()) {
      case ALREADY_APPLIED -> {
        cfg.listener().duplicatePrevented(cfg.name(), raw, result.remoteId());
        return Outcome.DUPLICATE;
      }
      case UNCHANGED -> {
        return Outcome.UNCHANGED;
      }
      default -> {
        cfg.listener().recordWritten(cfg.name(), raw, result);
        return Outcome.WRITTEN;
      }
    }
  }

  private Outcome deadLetter(RawRecord raw, IdempotencyKey key, Object decoded, Throwable cause) {
    String canonical = decoded == null ? null : canonicalOf(decoded);
    Instant now = cfg.clock().instant();
    List<String> violations = cause instanceof InvalidRecordException invalid
        ? invalid.violations().stream().map(FieldViolation::toString).toList() : List.of();
    DeadLetter letter = new DeadLetter(null, cfg.name(), cfg.source().name(), raw.entity(), raw.key(),
        key == null ? null : key.value(), redactPayload(raw), raw.contentType(), canonical,
        cause.getClass().getSimpleName(), Redactor.DEFAULT.redact(String.valueOf(cause.getMessage())),
        violations, 1, now, now, DeadLetter.Status.OPEN, null);
    cfg.store().deadLetters().add(letter);
    if (key != null) {
      cfg.store().ledger().markFailed(key);
    }
    cfg.listener().recordDeadLettered(cfg.name(), raw, cause);
    LOG.debug("pipeline={} key={} dead-lettered: {}", cfg.name(), raw.key(), cause.getMessage());
    return Outcome.DEAD_LETTERED;
  }

  private Outcome unexpected(RawRecord raw, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof CallRejectedException || Resilience.isTransient(cause)) {
      pause.set(true);
      cfg.listener().recordPending(cfg.name(), raw, cause);
      return Outcome.PENDING;
    }
    try {
      return deadLetter(raw, null, null, cause);
    } catch (RuntimeException storeDown) {
      // the store itself failed: the record stays pending and the run fails
      failure.compareAndSet(null, "state store failed: " + storeDown.getMessage());
      pause.set(true);
      return Outcome.PENDING;
    }
  }

  private static byte[] redactPayload(RawRecord raw) {
    String type = raw.contentType();
    if (type.contains("json") || type.contains("xml") || type.startsWith("text/")) {
      String text = new String(raw.payload(), StandardCharsets.UTF_8);
      return Redactor.DEFAULT.redact(text).getBytes(StandardCharsets.UTF_8);
    }
    return raw.payload();
  }

  private static String canonicalOf(Object decoded) {
    if (decoded instanceof Record) {
      try {
        return new String(CanonicalJson.write(decoded), StandardCharsets.UTF_8);
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private RunReport report(Instant started) {
    Map<String, StageStats> stats = new LinkedHashMap<>();
    stages.forEach((name, recorder) -> stats.put(name, recorder.stats()));
    long pending = counts.get(Outcome.PENDING).get();
    RunState state;
    String error = failure.get();
    if (error != null && error.startsWith("source failed") || error != null && error.startsWith("state store")) {
      state = RunState.FAILED;
    } else if (pending > 0 || error != null) {
      state = RunState.PAUSED;
    } else {
      state = RunState.COMPLETED;
    }
    RunReport report = new RunReport(cfg.name(), runId, state, started, cfg.clock().instant(), read.get(),
        counts.get(Outcome.WRITTEN).get(), counts.get(Outcome.DUPLICATE).get(), counts.get(Outcome.UNCHANGED).get(),
        counts.get(Outcome.SKIPPED).get(), counts.get(Outcome.DEAD_LETTERED).get(), pending, retried.get(),
        savedCheckpoint == null ? null : savedCheckpoint.value(), error, stats);
    try {
      cfg.store().deadLetters().purgePayloads(cfg.clock().instant().minus(cfg.retention()));
      cfg.store().runHistory().record(report);
    } catch (RuntimeException e) {
      LOG.warn("pipeline={} run={} report not recorded: {}", cfg.name(), runId, e.toString());
    }
    cfg.listener().runFinished(report);
    return report;
  }
}
