package io.commercesync.core.state.internal;

import io.commercesync.core.error.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's schema, created and upgraded by the store itself: an ordered list of migrations, each a
 * few SQL statements, recorded in {@code cs_schema_version} as they are applied. A migration is never
 * edited once released; a change is a new migration at the end of the list.
 *
 * <p>Times are {@code BIGINT} nanoseconds since the epoch (UTC), so an {@link java.time.Instant}
 * reads back exactly as written on both backends.
 */
final class Schema {

  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

  /** One step: its version (1, 2, 3…), what it does, and its statements in dialect templates. */
  record Migration(int version, String description, List<String> statements) {}

  static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "initial schema", List.of(
          "CREATE TABLE cs_checkpoint (source TEXT PRIMARY KEY, cursor_value TEXT NOT NULL,"
              + " updated_at_ns BIGINT NOT NULL){WITHOUT_ROWID}",
          "CREATE TABLE cs_ledger (idem_key TEXT PRIMARY KEY, state TEXT NOT NULL, payload_hash TEXT NOT NULL,"
              + " remote_id TEXT, attempts INTEGER NOT NULL, updated_at_ns BIGINT NOT NULL){WITHOUT_ROWID}",
          "CREATE TABLE cs_dead_letter (id {ID}, flow TEXT NOT NULL, source TEXT, entity TEXT NOT NULL,"
              + " record_key TEXT NOT NULL, idem_key TEXT, payload {BLOB}, content_type TEXT, canonical TEXT,"
              + " error_type TEXT NOT NULL, error_message TEXT NOT NULL, violations TEXT,"
              + " attempts INTEGER NOT NULL, first_failed_at_ns BIGINT NOT NULL, last_failed_at_ns BIGINT NOT NULL,"
              + " status TEXT NOT NULL, note TEXT, changed_at_ns BIGINT NOT NULL)",
          // at most one open letter per flow and record: add() merges into it
          "CREATE UNIQUE INDEX cs_dead_letter_open ON cs_dead_letter (flow, record_key) WHERE status = 'OPEN'",
          "CREATE INDEX cs_dead_letter_last_failed ON cs_dead_letter (last_failed_at_ns)",
          "CREATE TABLE cs_xref (entity TEXT NOT NULL, from_system TEXT NOT NULL, from_id TEXT NOT NULL,"
              + " to_system TEXT NOT NULL, to_id TEXT NOT NULL,"
              + " PRIMARY KEY (entity, from_system, from_id, to_system)){WITHOUT_ROWID}",
          "CREATE TABLE cs_fingerprint (scope TEXT NOT NULL, record_key TEXT NOT NULL, fingerprint TEXT NOT NULL,"
              + " PRIMARY KEY (scope, record_key)){WITHOUT_ROWID}",
          "CREATE TABLE cs_received_event (channel TEXT NOT NULL, event_id TEXT NOT NULL,"
              + " received_at_ns BIGINT NOT NULL, PRIMARY KEY (channel, event_id)){WITHOUT_ROWID}",
          "CREATE INDEX cs_received_event_at ON cs_received_event (received_at_ns)",
          // owner NULL: free
          "CREATE TABLE cs_lease (scope TEXT NOT NULL, resource TEXT NOT NULL, owner TEXT,"
              + " expires_at_ns BIGINT NOT NULL, PRIMARY KEY (scope, resource)){WITHOUT_ROWID}")),
      new Migration(2, "run history", List.of(
          "CREATE TABLE cs_run (run_id TEXT PRIMARY KEY, pipeline TEXT NOT NULL, state TEXT NOT NULL,"
              + " finished_at_ns BIGINT NOT NULL, report TEXT NOT NULL){WITHOUT_ROWID}",
          "CREATE INDEX cs_run_finished ON cs_run (finished_at_ns)")));

  /** The version this SDK writes and understands. */
  static final int CURRENT_VERSION = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

  private static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS cs_schema_version ("
      + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at_ns BIGINT NOT NULL)";

  // any fixed 64-bit number; PostgreSQL advisory locks are per database
  private static final long PG_MIGRATION_LOCK = 0x436f6d6d53796e63L;

  private Schema() {}

  /**
   * Brings the schema on {@code connection} to {@link #CURRENT_VERSION} in one transaction. On
   * PostgreSQL an advisory lock makes instances starting together migrate one after the other; on
   * SQLite the connection's {@code BEGIN IMMEDIATE} does.
   *
   * @return the version found before migrating (0 for a new database)
   */
  static int migrate(Connection connection, GroupCommitter.Connections tx, Dialect dialect, Clock clock)
      throws SQLException {
    tx.begin(connection);
    try (Statement s = connection.createStatement()) {
      if (dialect == Dialect.POSTGRESQL) {
        s.execute("SELECT pg_advisory_xact_lock(" + PG_MIGRATION_LOCK + ")");
      }
      s.execute(VERSION_TABLE);
      int found;
      try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM cs_schema_version")) {
        rs.next();
        found = rs.getInt(1);
      }
      if (found > CURRENT_VERSION) {
        throw new StateStoreException(dialect.backend(), "schema.migrate", "the database has schema version "
            + found + ", newer than this CommerceSync supports (" + CURRENT_VERSION
            + "); upgrade CommerceSync or use another database", null, false, null);
      }
      for (Migration m : MIGRATIONS) {
        if (m.version() <= found) {
          continue;
        }
        for (String statement : m.statements()) {
          s.execute(dialect.ddl(statement));
        }
        try (PreparedStatement p = connection.prepareStatement(
            "INSERT INTO cs_schema_version (version, description, applied_at_ns) VALUES (?, ?, ?)")) {
          p.setInt(1, m.version());
          p.setString(2, m.description());
          p.setLong(3, Nanos.of(clock.instant()));
          p.executeUpdate();
        }
        LOG.debug("state.schema.migrated backend={} version={} description=\"{}\"", dialect.backend(),
            m.version(), m.description());
      }
      tx.commit(connection);
      return found;
    } catch (SQLException | RuntimeException e) {
      try {
        tx.rollback(connection);
      } catch (SQLException ignored) {
        // the original failure is what matters
      }
      throw e;
    }
  }
}
