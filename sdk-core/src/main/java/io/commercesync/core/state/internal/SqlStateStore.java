package io.commercesync.core.state.internal;

import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.error.StateStoreException;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.state.Checkpoints;
import io.commercesync.core.state.CrossReferences;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.DeadLetters;
import io.commercesync.core.state.Fingerprints;
import io.commercesync.core.state.IdempotencyLedger;
import io.commercesync.core.state.LedgerEntry;
import io.commercesync.core.state.Leases;
import io.commercesync.core.state.RunHistory;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.state.ReceivedEvents;
import io.commercesync.core.state.StateStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The facets of a {@link StateStore} in SQL shared by SQLite and PostgreSQL; subclasses say how work
 * reaches a connection ({@link #read}, {@link #write}, {@link #groupWrite}) and how leases are claimed.
 * The semantics are those of {@link InMemoryStateStore}; the contract test suite runs against all three.
 */
abstract class SqlStateStore implements StateStore {

  static final String DEAD_LETTER_PREFIX = "dl-";

  final Dialect dialect;
  final Clock clock;
  volatile boolean closed;

  private final Checkpoints checkpointFacet = new CheckpointFacet();
  private final IdempotencyLedger ledgerFacet = new LedgerFacet();
  private final DeadLetters letterFacet = new LetterFacet();
  private final CrossReferences linkFacet = new LinkFacet();
  private final Fingerprints fingerprintFacet = new FingerprintFacet();
  private final ReceivedEvents eventFacet = new EventFacet();
  private final Leases leaseFacet = new LeaseFacet();
  private final RunHistory historyFacet = new HistoryFacet();

  SqlStateStore(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  @Override public Checkpoints checkpoints() { return checkpointFacet; }
  @Override public IdempotencyLedger ledger() { return ledgerFacet; }
  @Override public DeadLetters deadLetters() { return letterFacet; }
  @Override public CrossReferences crossReferences() { return linkFacet; }
  @Override public Fingerprints fingerprints() { return fingerprintFacet; }
  @Override public ReceivedEvents receivedEvents() { return eventFacet; }
  @Override public Leases leases() { return leaseFacet; }
  @Override public RunHistory runHistory() { return historyFacet; }

  /** Runs {@code work} outside a transaction of its own (each statement sees committed data). */
  abstract <T> T read(String operation, SqlWork<T> work);

  /** Runs {@code work} in one transaction, committed durably before returning. */
  abstract <T> T write(String operation, SqlWork<T> work);

  /** Queues {@code work} for the group committer; the future completes once it is committed. */
  abstract <T> CompletableFuture<T> groupWrite(String operation, String orderKey, SqlWork<T> work);

  /** {@link #groupWrite} and wait for the commit (safe on the committer thread too). */
  <T> T groupCall(String operation, String orderKey, SqlWork<T> work) {
    ensureOpen(operation);
    return committer().call(operation, orderKey, work);
  }

  /** Claims leases (see {@link Leases#claim}); the backends differ here. */
  abstract Set<String> claimLeases(String scope, List<String> resources, String owner, Duration ttl);

  /** The group committer, for tests and metrics: how many commits, how big the batches. */
  abstract GroupCommitter committer();

  /** Serialises changes to the links of {@code entity} among instances sharing the database. */
  void lockLinks(Sql c, String entity) throws SQLException {
    // one writer at a time already (SQLite)
  }

  /** {@code message} without anything secret (a password, a JDBC URL). */
  String scrub(String message) {
    return message;
  }

  /** Transactions the group committer has committed so far (for tests and measurements). */
  public long commits() {
    return committer().commits();
  }

  /** The most writes the group committer has put in one transaction so far. */
  public int largestBatch() {
    return committer().largestBatch();
  }

  void ensureOpen(String operation) {
    if (closed) {
      throw new StateStoreException(dialect.backend(), operation, "the store is closed", null, false, null);
    }
  }

  /** Whether {@code e} is the database's passing trouble (busy, locked, connection lost), not a write's. */
  boolean transientFailure(Throwable e) {
    return e instanceof SQLException s && dialect.transientFailure(s);
  }

  /** What a caller sees for {@code e}: our own exceptions as they are, everything else wrapped. */
  RuntimeException failure(String operation, Throwable e) {
    if (e instanceof CommerceSyncException c) {
      return c;
    }
    if (e instanceof SQLException s) {
      StringBuilder text = new StringBuilder(s.getMessage() == null ? s.getClass().getSimpleName() : s.getMessage());
      SQLException next = s.getNextException();
      if (next != null && next.getMessage() != null) {
        text.append("; ").append(next.getMessage());
      }
      String raw = text.toString();
      String clean = scrub(raw);
      return new StateStoreException(dialect.backend(), operation, clean, s.getSQLState(),
          dialect.transientFailure(s), clean.equals(raw) ? s : null);
    }
    if (e instanceof IllegalStateException && "the store is closed".equals(e.getMessage())) {
      return new StateStoreException(dialect.backend(), operation, "the store is closed", null, false, null);
    }
    String raw = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    String clean = scrub(raw);
    return new StateStoreException(dialect.backend(), operation, clean, null, false, clean.equals(raw) ? e : null);
  }

  // ---------------------------------------------------------------------------------------------
  private final class CheckpointFacet implements Checkpoints {

    @Override
    public Optional<Cursor> get(String source) {
      Objects.requireNonNull(source, "source");
      return read("checkpoints.get", c -> c.queryString(
          "SELECT cursor_value FROM cs_checkpoint WHERE source = ?", source).map(Cursor::of));
    }

    @Override
    public void put(String source, Cursor cursor) {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(cursor, "cursor");
      write("checkpoints.put", c -> c.update("INSERT INTO cs_checkpoint (source, cursor_value, updated_at_ns)"
          + " VALUES (?, ?, ?) ON CONFLICT (source) DO UPDATE SET cursor_value = excluded.cursor_value,"
          + " updated_at_ns = excluded.updated_at_ns", source, cursor.value(), Nanos.of(clock.instant())));
    }
  }

  // ---------------------------------------------------------------------------------------------
  private static final String LEDGER_COLUMNS = "state, payload_hash, remote_id, attempts, updated_at_ns";

  private static LedgerEntry ledgerEntry(IdempotencyKey key, ResultSet rs) throws SQLException {
    return new LedgerEntry(key, LedgerEntry.State.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
        rs.getInt(4), Nanos.toInstant(rs.getLong(5)));
  }

  private static Optional<LedgerEntry> selectEntry(Sql c, IdempotencyKey key) throws SQLException {
    PreparedStatement p = c.kept("SELECT " + LEDGER_COLUMNS + " FROM cs_ledger WHERE idem_key = ?");
    p.setString(1, key.value());
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.of(ledgerEntry(key, rs)) : Optional.empty();
    }
  }

  private static final String BEGIN = "INSERT INTO cs_ledger"
      + " (idem_key, state, payload_hash, remote_id, attempts, updated_at_ns) VALUES (?, 'PENDING', ?, NULL, 1, ?)"
      + " ON CONFLICT (idem_key) DO UPDATE SET state = 'PENDING', attempts = cs_ledger.attempts + 1,"
      + " payload_hash = excluded.payload_hash, updated_at_ns = excluded.updated_at_ns"
      + " WHERE cs_ledger.state <> 'DONE'"
      + " RETURNING " + LEDGER_COLUMNS;

  private final class LedgerFacet implements IdempotencyLedger {

    @Override
    public Optional<LedgerEntry> get(IdempotencyKey key) {
      Objects.requireNonNull(key, "key");
      return read("ledger.get", c -> selectEntry(c, key));
    }

    @Override
    public LedgerEntry begin(IdempotencyKey key, String payloadHash) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(payloadHash, "payloadHash");
      return groupCall("ledger.begin", key.value(), c -> begin(c, key, payloadHash));
    }

    @Override
    public CompletableFuture<LedgerEntry> beginAsync(IdempotencyKey key, String payloadHash) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(payloadHash, "payloadHash");
      return groupWrite("ledger.begin", key.value(), c -> begin(c, key, payloadHash));
    }

    private LedgerEntry begin(Sql c, IdempotencyKey key, String payloadHash) throws SQLException {
      // one statement in the common cases: a new key, or one more attempt on a pending/failed entry
      // (which takes the new payload: a record fixed after a failure may be retried)
      PreparedStatement p = c.kept(BEGIN);
      Sql.bind(p, key.value(), payloadHash, Nanos.of(clock.instant()));
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          return ledgerEntry(key, rs);
        }
      }
      // nothing written: the entry is done; the same payload is the same effect, another is a conflict
      LedgerEntry existing = selectEntry(c, key).orElseThrow(() -> new StateStoreException(dialect.backend(),
          "ledger.begin", "entry " + key + " neither inserted nor found", null, true, null));
      if (!existing.payloadHash().equals(payloadHash)) {
        throw new IdempotencyConflictException(null, key.value(), "it was applied with another payload");
      }
      return existing;
    }

    @Override
    public void markDone(IdempotencyKey key, String remoteId) {
      Objects.requireNonNull(key, "key");
      groupCall("ledger.markDone", key.value(), markDoneWork(key, remoteId));
    }

    @Override
    public CompletableFuture<Void> markDoneAsync(IdempotencyKey key, String remoteId) {
      Objects.requireNonNull(key, "key");
      return groupWrite("ledger.markDone", key.value(), markDoneWork(key, remoteId));
    }

    private SqlWork<Void> markDoneWork(IdempotencyKey key, String remoteId) {
      return c -> {
        c.update("INSERT INTO cs_ledger (idem_key, state, payload_hash, remote_id, attempts, updated_at_ns)"
            + " VALUES (?, 'DONE', '', ?, 1, ?) ON CONFLICT (idem_key) DO UPDATE SET state = 'DONE',"
            + " remote_id = excluded.remote_id, updated_at_ns = excluded.updated_at_ns",
            key.value(), remoteId, Nanos.of(clock.instant()));
        return null;
      };
    }

    @Override
    public void markFailed(IdempotencyKey key) {
      Objects.requireNonNull(key, "key");
      groupCall("ledger.markFailed", key.value(), c -> c.update(
          "UPDATE cs_ledger SET state = 'FAILED', updated_at_ns = ? WHERE idem_key = ?",
          Nanos.of(clock.instant()), key.value()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  private static final String LETTER_COLUMNS = "id, flow, source, entity, record_key, idem_key, payload,"
      + " content_type, canonical, error_type, error_message, violations, attempts, first_failed_at_ns,"
      + " last_failed_at_ns, status, note";

  private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
    return new DeadLetter(DEAD_LETTER_PREFIX + rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getString(8), rs.getString(9), rs.getString(10),
        rs.getString(11), decodeLines(rs.getString(12)), rs.getInt(13), Nanos.toInstant(rs.getLong(14)),
        Nanos.toInstant(rs.getLong(15)), DeadLetter.Status.valueOf(rs.getString(16)), rs.getString(17));
  }

  /** The row id of {@code id} ({@code dl-42} → 42), or -1 if it names no letter of a SQL store. */
  private static long rowId(String id) {
    if (id == null || !id.startsWith(DEAD_LETTER_PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(id.substring(DEAD_LETTER_PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Violations, one per line; backslashes and line breaks inside one are escaped. Null for none. */
  static String encodeLines(List<String> lines) {
    if (lines.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"));
    }
    return out.toString();
  }

  static List<String> decodeLines(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\n') {
        lines.add(line.toString());
        line.setLength(0);
      } else if (ch == '\\' && i + 1 < text.length()) {
        char esc = text.charAt(++i);
        line.append(esc == 'n' ? '\n' : esc == 'r' ? '\r' : esc);
      } else {
        line.append(ch);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private final class LetterFacet implements DeadLetters {

    @Override
    public String add(DeadLetter letter) {
      Objects.requireNonNull(letter, "letter");
      long first = Nanos.of(letter.firstFailedAt());
      long last = Nanos.of(letter.lastFailedAt());
      byte[] payload = letter.payload().length == 0 ? null : letter.payload();
      String violations = encodeLines(letter.violations());
      return write("deadLetters.add", c -> {
        long now = Nanos.of(clock.instant());
        // two rounds at most: on PostgreSQL another instance may insert the open letter between them
        for (int round = 0; round < 3; round++) {
          try (PreparedStatement p = c.prepareStatement("SELECT id, attempts FROM cs_dead_letter"
              + " WHERE flow = ? AND record_key = ? AND status = 'OPEN'" + dialect.forUpdate())) {
            Sql.bind(p, letter.flow(), letter.recordKey());
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                long id = rs.getLong(1);
                int attempts = rs.getInt(2) + Math.max(1, letter.attempts());
                c.update("UPDATE cs_dead_letter SET source = ?, entity = ?, idem_key = ?, payload = ?,"
                    + " content_type = ?, canonical = ?, error_type = ?, error_message = ?, violations = ?,"
                    + " attempts = ?, last_failed_at_ns = ?, note = NULL, changed_at_ns = ? WHERE id = ?",
                    letter.source(), letter.entity(), letter.idempotencyKey(), payload, letter.contentType(),
                    letter.canonical(), letter.errorType(), letter.errorMessage(), violations, attempts, last, now,
                    id);
                return DEAD_LETTER_PREFIX + id;
              }
            }
          }
          try (PreparedStatement p = c.prepareStatement("INSERT INTO cs_dead_letter (flow, source, entity,"
              + " record_key, idem_key, payload, content_type, canonical, error_type, error_message, violations,"
              + " attempts, first_failed_at_ns, last_failed_at_ns, status, note, changed_at_ns)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (flow, record_key) WHERE status = 'OPEN' DO NOTHING RETURNING id")) {
            Sql.bind(p, letter.flow(), letter.source(), letter.entity(), letter.recordKey(), letter.idempotencyKey(),
                payload, letter.contentType(), letter.canonical(), letter.errorType(), letter.errorMessage(),
                violations, Math.max(1, letter.attempts()), first, last, letter.status().name(), letter.note(), now);
            try (ResultSet rs = p.executeQuery()) {
              if (rs.next()) {
                return DEAD_LETTER_PREFIX + rs.getLong(1);
              }
            }
          }
        }
        throw new SQLException("could not insert or merge the open dead letter of flow " + letter.flow()
            + " record " + letter.recordKey() + " (concurrent writers)", "40001");
      });
    }

    @Override
    public Optional<DeadLetter> get(String id) {
      long rowId = rowId(id);
      if (rowId < 0) {
        return Optional.empty();
      }
      return read("deadLetters.get", c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT " + LETTER_COLUMNS + " FROM cs_dead_letter WHERE id = ?")) {
          p.setLong(1, rowId);
          try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(deadLetter(rs)) : Optional.empty();
          }
        }
      });
    }

    private String where(DeadLetterFilter f, List<Object> args) {
      StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
      if (f.flow() != null) {
        sql.append(" AND flow = ?");
        args.add(f.flow());
      }
      if (f.entity() != null) {
        sql.append(" AND entity = ?");
        args.add(f.entity());
      }
      if (f.errorType() != null) {
        sql.append(" AND error_type = ?");
        args.add(f.errorType());
      }
      if (f.status() != null) {
        sql.append(" AND status = ?");
        args.add(f.status().name());
      }
      if (f.failedBefore() != null) {
        sql.append(" AND last_failed_at_ns < ?");
        args.add(Nanos.clamped(f.failedBefore()));
      }
      return sql.toString();
    }

    @Override
    public List<DeadLetter> list(DeadLetterFilter filter) {
      Objects.requireNonNull(filter, "filter");
      List<Object> args = new ArrayList<>();
      String sql = "SELECT " + LETTER_COLUMNS + " FROM cs_dead_letter" + where(filter, args)
          + " ORDER BY last_failed_at_ns DESC, id ASC" + (filter.limit() > 0 ? " LIMIT " + filter.limit() : "");
      return read("deadLetters.list", c -> {
        try (PreparedStatement p = c.prepareStatement(sql)) {
          Sql.bind(p, args.toArray());
          List<DeadLetter> out = new ArrayList<>();
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.add(deadLetter(rs));
            }
          }
          return out;
        }
      });
    }

    @Override
    public long count(DeadLetterFilter filter) {
      Objects.requireNonNull(filter, "filter");
      List<Object> args = new ArrayList<>();
      String sql = "SELECT COUNT(*) FROM cs_dead_letter" + where(filter, args);
      return read("deadLetters.count", c -> {
        try (PreparedStatement p = c.prepareStatement(sql)) {
          Sql.bind(p, args.toArray());
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        }
      });
    }

    @Override
    public void markReplayed(String id, String note) {
      close("deadLetters.markReplayed", id, DeadLetter.Status.REPLAYED, note);
    }

    @Override
    public void markResolved(String id, String note) {
      close("deadLetters.markResolved", id, DeadLetter.Status.RESOLVED, note);
    }

    @Override
    public void discard(String id, String reason) {
      close("deadLetters.discard", id, DeadLetter.Status.DISCARDED, reason);
    }

    private void close(String operation, String id, DeadLetter.Status status, String note) {
      long rowId = rowId(id);
      int changed = rowId < 0 ? 0 : write(operation, c -> c.update(
          "UPDATE cs_dead_letter SET status = ?, note = ?, changed_at_ns = ? WHERE id = ?",
          status.name(), note, Nanos.of(clock.instant()), rowId));
      if (changed == 0) {
        throw new NoSuchElementException("no dead letter " + id);
      }
    }

    @Override
    public int purgePayloads(Instant before) {
      Objects.requireNonNull(before, "before");
      return write("deadLetters.purgePayloads", c -> c.update(
          "UPDATE cs_dead_letter SET payload = NULL, canonical = NULL, changed_at_ns = ?"
              + " WHERE status <> 'OPEN' AND last_failed_at_ns < ? AND payload IS NOT NULL",
          Nanos.of(clock.instant()), Nanos.clamped(before)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  private static Optional<ExternalRef> findLink(Sql c, String entity, ExternalRef from, SystemId target)
      throws SQLException {
    return c.queryString("SELECT to_id FROM cs_xref WHERE entity = ? AND from_system = ? AND from_id = ?"
        + " AND to_system = ?", entity, from.system().value(), from.id(), target.value())
        .map(id -> ExternalRef.of(target, id));
  }

  private final class LinkFacet implements CrossReferences {

    @Override
    public void link(String entity, ExternalRef a, ExternalRef b) {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
      write("crossReferences.link", c -> {
        lockLinks(c, entity);
        // as in memory: drop the old partner of each side (and the partner's way back), then link both ways
        Optional<ExternalRef> oldB = findLink(c, entity, a, b.system());
        if (oldB.isPresent()) {
          deleteLink(c, entity, oldB.get(), a.system());
        }
        Optional<ExternalRef> oldA = findLink(c, entity, b, a.system());
        if (oldA.isPresent()) {
          deleteLink(c, entity, oldA.get(), b.system());
        }
        putLink(c, entity, a, b);
        putLink(c, entity, b, a);
        return null;
      });
    }

    private void deleteLink(Sql c, String entity, ExternalRef from, SystemId target) throws SQLException {
      c.update("DELETE FROM cs_xref WHERE entity = ? AND from_system = ? AND from_id = ? AND to_system = ?",
          entity, from.system().value(), from.id(), target.value());
    }

    private void putLink(Sql c, String entity, ExternalRef from, ExternalRef to) throws SQLException {
      c.update("INSERT INTO cs_xref (entity, from_system, from_id, to_system, to_id) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (entity, from_system, from_id, to_system) DO UPDATE SET to_id = excluded.to_id",
          entity, from.system().value(), from.id(), to.system().value(), to.id());
    }

    @Override
    public Optional<ExternalRef> find(String entity, ExternalRef from, SystemId target) {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(target, "target");
      return read("crossReferences.find", c -> findLink(c, entity, from, target));
    }
  }

  // ---------------------------------------------------------------------------------------------
  private static final io.commercesync.core.codec.JsonCodec REPORTS =
      io.commercesync.core.codec.JsonCodec.builder(io.commercesync.core.model.SystemId.CANONICAL).build();

  private final class HistoryFacet implements RunHistory {

    @Override
    public void record(RunReport report) {
      Objects.requireNonNull(report, "report");
      String json = REPORTS.writeString(report);
      groupCall("runHistory.record", report.runId(), c -> c.update("INSERT INTO cs_run"
          + " (run_id, pipeline, state, finished_at_ns, report) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (run_id) DO UPDATE SET report = excluded.report, state = excluded.state",
          report.runId(), report.pipeline(), report.state().name(), Nanos.of(report.finishedAt()), json));
    }

    @Override
    public List<RunReport> recent(String pipeline, int limit) {
      String sql = "SELECT report FROM cs_run" + (pipeline == null ? "" : " WHERE pipeline = ?")
          + " ORDER BY finished_at_ns DESC LIMIT " + Math.max(1, limit);
      return read("runHistory.recent", c -> {
        try (PreparedStatement p = c.prepareStatement(sql)) {
          if (pipeline != null) {
            Sql.bind(p, pipeline);
          }
          List<RunReport> out = new ArrayList<>();
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.add(REPORTS.read(rs.getString(1), RunReport.class, "run report"));
            }
          }
          return out;
        }
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  private final class FingerprintFacet implements Fingerprints {

    @Override
    public Optional<String> get(String scope, String key) {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(key, "key");
      return read("fingerprints.get", c -> c.queryString(
          "SELECT fingerprint FROM cs_fingerprint WHERE scope = ? AND record_key = ?", scope, key));
    }

    @Override
    public void put(String scope, String key, String fingerprint) {
      groupCall("fingerprints.put", scope + "|" + key, putWork(scope, key, fingerprint));
    }

    @Override
    public CompletableFuture<Void> putAsync(String scope, String key, String fingerprint) {
      return groupWrite("fingerprints.put", scope + "|" + key, putWork(scope, key, fingerprint)).thenApply(n -> null);
    }

    private SqlWork<Integer> putWork(String scope, String key, String fingerprint) {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(fingerprint, "fingerprint");
      return c -> c.update("INSERT INTO cs_fingerprint (scope, record_key, fingerprint)"
          + " VALUES (?, ?, ?) ON CONFLICT (scope, record_key) DO UPDATE SET fingerprint = excluded.fingerprint",
          scope, key, fingerprint);
    }
  }

  // ---------------------------------------------------------------------------------------------
  private final class EventFacet implements ReceivedEvents {

    @Override
    public boolean firstArrival(String channel, String eventId, Instant receivedAt) {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(eventId, "eventId");
      long at = Nanos.of(receivedAt);
      return write("receivedEvents.firstArrival", c -> c.update("INSERT INTO cs_received_event"
          + " (channel, event_id, received_at_ns) VALUES (?, ?, ?) ON CONFLICT (channel, event_id) DO NOTHING",
          channel, eventId, at)) == 1;
    }

    @Override
    public int purge(Instant before) {
      Objects.requireNonNull(before, "before");
      return write("receivedEvents.purge", c -> c.update(
          "DELETE FROM cs_received_event WHERE received_at_ns < ?", Nanos.clamped(before)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  private final class LeaseFacet implements Leases {

    @Override
    public Set<String> claim(String scope, Collection<String> resources, String owner, Duration ttl) {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(ttl, "ttl");
      if (resources.isEmpty()) {
        return Set.of();
      }
      // sorted and distinct: every instance locks rows in the same order
      return claimLeases(scope, resources.stream().map(Objects::requireNonNull).distinct().sorted().toList(),
          owner, ttl);
    }

    @Override
    public void release(String scope, Collection<String> resources, String owner) {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(owner, "owner");
      if (resources.isEmpty()) {
        return;
      }
      List<String> sorted = resources.stream().map(Objects::requireNonNull).distinct().sorted().toList();
      write("leases.release", c -> {
        try (PreparedStatement p = c.prepareStatement("UPDATE cs_lease SET owner = NULL, expires_at_ns = 0"
            + " WHERE scope = ? AND resource = ? AND owner = ?")) {
          for (String resource : sorted) {
            Sql.bind(p, scope, resource, owner);
            p.addBatch();
          }
          p.executeBatch();
        }
        return null;
      });
    }
  }
}
