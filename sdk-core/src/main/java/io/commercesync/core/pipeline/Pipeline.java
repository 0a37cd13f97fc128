package io.commercesync.core.pipeline;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.pipeline.internal.PipelineConfig;
import io.commercesync.core.pipeline.internal.PipelineRun;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Source → decode → map → validate → sink, with the promises that make it safe to point at a finance
 * system: no record is lost (each ends written, dead-lettered with its reason, or pending), none is
 * applied twice (a deterministic idempotency key per effect, a durable ledger, and the sink's lookup
 * after any attempt that may have been applied), and every run ends with a {@link RunReport}.
 *
 * <pre>{@code
 * Pipeline<Order, SalesOrderRequest> orders = Pipeline.<Order, SalesOrderRequest>named("orders-to-gp")
 *     .source(magentoOrders)                       // a Source<Order>
 *     .map(order -> resolve(order))                // Mapper<Order, SalesOrderRequest>
 *     .validate(gpRules)                           // Validator<SalesOrderRequest>
 *     .sink(gpOrders)                              // a Sink<SalesOrderRequest>
 *     .store(StateStore.sqlite(Path.of("commercesync.db")))
 *     .resilience(resilience)
 *     .concurrency(8)
 *     .build();
 * RunReport report = orders.run();
 * }</pre>
 *
 * <p>Runs of one pipeline never overlap: {@link #run()} waits for a run already under way. Records are
 * processed concurrently, but two records with the same key (by default the source record's key) are
 * always applied in source order. At most {@code maxInFlight} records are held at once, so a slow sink
 * slows the source and memory stays flat. Thread-safe.
 *
 * @param <S> what the source decodes to
 * @param <T> what the sink writes
 */
public final class Pipeline<S, T> {

  private final PipelineConfig<S, T> cfg;
  private final ReentrantLock running = new ReentrantLock();

  private Pipeline(PipelineConfig<S, T> cfg) {
    this.cfg = cfg;
  }

  /** Starts a pipeline called {@code name}: its dead letters, leases and reports carry the name. */
  public static <S, T> Builder<S, T> named(String name) {
    return new Builder<>(name);
  }

  public String name() {
    return cfg.name();
  }

  /** The source this pipeline reads. */
  public Source<S> source() {
    return cfg.source();
  }

  /** The store this pipeline remembers its state in. */
  public StateStore store() {
    return cfg.store();
  }

  /** Reads everything after the checkpoint, processes it, saves the new checkpoint. */
  public RunReport run() {
    running.lock();
    try {
      return new PipelineRun<>(cfg, newRunId()).execute();
    } finally {
      running.unlock();
    }
  }

  /**
   * A full reconciliation: reads the whole source again, from the beginning rather than from the
   * checkpoint, and processes every record; with a fingerprint, a record whose fields are as last sent
   * still costs no call, so only what the change polling missed (a row edited without moving its change
   * stamp, a change outside the overlap window) is written. Saves the checkpoint like {@link #run()}.
   */
  public RunReport reconcile() {
    running.lock();
    try {
      return new PipelineRun<>(cfg, newRunId()).execute(Cursor.START);
    } finally {
      running.unlock();
    }
  }

  /**
   * Processes the record with key {@code key}, fetched from the source, now: what a webhook triggers.
   * The checkpoint is not touched; the ledger still guarantees the record is applied once, however
   * often the webhook is delivered. Returns an empty report when the source has no such record.
   */
  public RunReport process(String key) {
    Optional<RawRecord> raw = cfg.source().fetch(key);
    return process(raw.map(List::of).orElse(List.of()));
  }

  /** Processes {@code records} now, without touching the checkpoint. */
  public RunReport process(List<RawRecord> records) {
    running.lock();
    try {
      return new PipelineRun<>(cfg, newRunId()).executeRecords(records.iterator(), (r, o) -> {}, true);
    } finally {
      running.unlock();
    }
  }

  /**
   * Replays the open dead letters of this pipeline that match {@code filter} through decode → map →
   * validate → sink again, under the idempotency key each first had. A letter whose record now goes
   * through is closed as replayed; one that fails again stays open with one more attempt. Replaying a
   * letter twice never applies its effect twice.
   */
  public RunReport replay(DeadLetterFilter filter) {
    List<DeadLetter> letters = cfg.store().deadLetters().list(filter.withFlow(cfg.name()))
        .stream().filter(l -> l.status() == DeadLetter.Status.OPEN).toList();
    Map<RawRecord, String> ids = new ConcurrentHashMap<>();
    List<RawRecord> records = new ArrayList<>();
    for (DeadLetter letter : letters) {
      RawRecord raw = new RawRecord(letter.recordKey(), Cursor.START, letter.entity(), letter.payload(),
          letter.contentType());
      ids.put(raw, letter.id());
      records.add(raw);
    }
    running.lock();
    try {
      Iterator<RawRecord> it = records.iterator();
      return new PipelineRun<>(cfg, newRunId()).executeRecords(it, (raw, outcome) -> {
        String id = ids.get(raw);
        if (id != null && !outcome.equals("DEAD_LETTERED") && !outcome.equals("PENDING")) {
          cfg.store().deadLetters().markReplayed(id, "replayed: " + outcome.toLowerCase(java.util.Locale.ROOT));
        }
      }, false);
    } finally {
      running.unlock();
    }
  }

  /** Runs this pipeline every {@code interval} until the returned handle is closed. */
  public PipelineSchedule schedule(Duration interval) {
    return new PipelineSchedule(this, interval);
  }

  private static String newRunId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Builds a {@link Pipeline}; {@link #build()} checks every setting. Defaults: concurrency 8, in-flight
   * limit 1,000, checkpoint every 500 finished records, a record pending for 10 runs is dead-lettered,
   * in-memory store (set a durable one), default resilience, idempotency key
   * {@code <source system>/<entity>/<record key>/<pipeline name>}. Not thread-safe.
   */
  public static final class Builder<S, T> {
    private final String name;
    private Source<S> source;
    private Mapper<S, T> mapper;
    private final List<Validator<T>> validators = new ArrayList<>();
    private Sink<T> sink;
    private KeyFunction<T> keys;
    private Function<RawRecord, String> orderKey = RawRecord::key;
    private Function<T, ?> fingerprint;
    private Function<T, ?> payloadIdentity = t -> t;
    private StateStore store;
    private Resilience resilience;
    private int concurrency = 8;
    private int maxInFlight = 1_000;
    private int checkpointEvery = 500;
    private int maxPendingAttempts = 10;
    private String instanceId;
    private Duration leaseTtl = Duration.ofMinutes(5);
    private Duration batchLinger = Duration.ofMillis(20);
    private Duration retention = Duration.ofDays(90);
    private PipelineListener listener = PipelineListener.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder(String name) {
      this.name = name;
    }

    public Builder<S, T> source(Source<S> source) {
      this.source = source;
      return this;
    }

    public Builder<S, T> map(Mapper<S, T> mapper) {
      this.mapper = mapper;
      return this;
    }

    /** Adds a validator; all run, and all violations are reported together. */
    public Builder<S, T> validate(Validator<T> validator) {
      this.validators.add(Objects.requireNonNull(validator, "validator"));
      return this;
    }

    public Builder<S, T> sink(Sink<T> sink) {
      this.sink = sink;
      return this;
    }

    /** How the idempotency key of a record's effect is derived; must be deterministic. */
    public Builder<S, T> keys(KeyFunction<T> keys) {
      this.keys = keys;
      return this;
    }

    /** Records with the same order key are applied in source order; default: the record key. */
    public Builder<S, T> orderedBy(Function<RawRecord, String> orderKey) {
      this.orderKey = Objects.requireNonNull(orderKey, "orderKey");
      return this;
    }

    /**
     * What makes two payloads under one idempotency key "the same effect"; default: the whole mapped
     * record. A key already applied with a different identity is refused with an
     * {@link io.commercesync.core.error.IdempotencyConflictException} (dead-lettered), never silently
     * overwritten; pick only the fields that define the effect (an order's lines and totals, not its
     * storefront status) so that harmless later changes are recognised as the same effect.
     */
    public Builder<S, T> payloadIdentity(Function<T, ?> identity) {
      this.payloadIdentity = Objects.requireNonNull(identity, "identity");
      return this;
    }

    /**
     * Turns on delta sync: {@code fields} picks what is sent to the target (the fields it owns); a
     * record whose picked fields hash as last time is skipped as unchanged, with no call at all.
     */
    public Builder<S, T> fingerprint(Function<T, ?> fields) {
      this.fingerprint = fields;
      return this;
    }

    public Builder<S, T> store(StateStore store) {
      this.store = store;
      return this;
    }

    public Builder<S, T> resilience(Resilience resilience) {
      this.resilience = resilience;
      return this;
    }

    /** Records processed at the same time; default 8. */
    public Builder<S, T> concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    /** Records read but not finished at most; the source waits beyond it. Default 1,000. */
    public Builder<S, T> maxInFlight(int maxInFlight) {
      this.maxInFlight = maxInFlight;
      return this;
    }

    /** Save the checkpoint every this many finished records (and at the end); default 500. */
    public Builder<S, T> checkpointEvery(int records) {
      this.checkpointEvery = records;
      return this;
    }

    /** A record still failing transiently after this many runs is dead-lettered; default 10. */
    public Builder<S, T> maxPendingAttempts(int attempts) {
      this.maxPendingAttempts = attempts;
      return this;
    }

    /**
     * Shares the work with other instances using the same (PostgreSQL) store: each record is claimed
     * for {@code leaseTtl} under this instance's id before it is processed, so two instances never
     * process one record at once and a dead instance's claims expire.
     */
    public Builder<S, T> instance(String instanceId, Duration leaseTtl) {
      this.instanceId = instanceId;
      this.leaseTtl = leaseTtl;
      return this;
    }

    /**
     * For a {@link BatchSink}: how long a partly filled batch waits for more records before it is sent;
     * default 20 ms. {@code null} turns batching off (one call per record).
     */
    public Builder<S, T> batchLinger(Duration linger) {
      this.batchLinger = linger;
      return this;
    }

    /**
     * How long the payloads (personal data) of replayed or discarded dead letters are kept; open
     * letters are never purged. Applied at the end of every run. Default 90 days.
     */
    public Builder<S, T> retention(Duration retention) {
      this.retention = retention;
      return this;
    }

    public Builder<S, T> listener(PipelineListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Builder<S, T> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Pipeline<S, T> build() {
      if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._:>-]{0,99}")) {
        throw ConfigurationException.of("pipeline.name",
            "must be 1-100 letters, digits or . _ : > - (was " + name + ")");
      }
      require(source, "source");
      require(mapper, "map");
      require(sink, "sink");
      if (concurrency < 1 || concurrency > 256) {
        throw ConfigurationException.of("pipeline.concurrency", "must be in 1..256 (was " + concurrency + ")");
      }
      if (maxInFlight < concurrency) {
        throw ConfigurationException.of("pipeline.maxInFlight",
            "must be >= concurrency " + concurrency + " (was " + maxInFlight + ")");
      }
      if (retention == null || retention.isNegative()) {
        throw ConfigurationException.of("pipeline.retention", "must be a duration >= 0 (was " + retention + ")");
      }
      if (checkpointEvery < 1) {
        throw ConfigurationException.of("pipeline.checkpointEvery", "must be >= 1 (was " + checkpointEvery + ")");
      }
      if (maxPendingAttempts < 1) {
        throw ConfigurationException.of("pipeline.maxPendingAttempts", "must be >= 1 (was " + maxPendingAttempts + ")");
      }
      if (instanceId != null && (leaseTtl == null || leaseTtl.isNegative() || leaseTtl.isZero())) {
        throw ConfigurationException.of("pipeline.leaseTtl", "must be a positive duration (was " + leaseTtl + ")");
      }
      KeyFunction<T> keyFunction = keys != null ? keys
          : (raw, mapped) -> IdempotencyKey.of(source.system(), raw.entity(), raw.key(), name);
      @SuppressWarnings("unchecked")
      Function<T, Object> fp = (Function<T, Object>) fingerprint;
      return new Pipeline<>(new PipelineConfig<>(name, source, mapper, List.copyOf(validators), sink, keyFunction,
          orderKey, payloadIdentity, fp == null ? null : t -> String.valueOf(fp.apply(t) instanceof Record r
              ? new String(io.commercesync.core.codec.CanonicalJson.write(r), java.nio.charset.StandardCharsets.UTF_8)
              : fp.apply(t)),
          sink.system() + ":" + name, store != null ? store : StateStore.inMemory(),
          resilience != null ? resilience : Resilience.defaults(), concurrency, maxInFlight, checkpointEvery,
          maxPendingAttempts, instanceId, leaseTtl, batchLinger, retention,
          Listeners.both(listener, Listeners.metricsIfAvailable()),
          clock));
    }

    private static void require(Object value, String setting) {
      if (value == null) {
        throw ConfigurationException.of("pipeline." + setting, "is required");
      }
    }
  }
}
