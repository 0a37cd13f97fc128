package io.commercesync.core.state;

import io.commercesync.core.security.Secret;
import io.commercesync.core.state.internal.InMemoryStateStore;
import io.commercesync.core.state.internal.PostgresStateStore;
import io.commercesync.core.state.internal.SqliteStateStore;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Everything a pipeline must remember across runs and crashes: checkpoints, the idempotency ledger,
 * dead letters, cross-references, fingerprints and received events.
 *
 * <pre>{@code
 * StateStore store = StateStore.inMemory();                              // tests
 * StateStore store = StateStore.sqlite(Path.of("commercesync.db"));      // one machine: the default
 * StateStore store = StateStore.postgres(dataSource);                    // several instances, one database
 * StateStore store = StateStore.postgres("jdbc:postgresql://db:5432/cs", "commercesync",
 *     Secret.fromEnv("CS_DB_PASSWORD"));
 * }</pre>
 *
 * <p>Implementations are thread-safe. The durable ones create and upgrade their schema themselves
 * (table {@code cs_schema_version}) and turn every SQL failure into a
 * {@link io.commercesync.core.error.StateStoreException}; see {@code docs/state-store.md}.
 */
public interface StateStore extends AutoCloseable {

  Checkpoints checkpoints();

  IdempotencyLedger ledger();

  DeadLetters deadLetters();

  CrossReferences crossReferences();

  Fingerprints fingerprints();

  ReceivedEvents receivedEvents();

  /** Claims on work shared by several instances. */
  Leases leases();

  /** Reports of past runs. */
  RunHistory runHistory();

  /** Commits what is queued, then releases connections and files. */
  @Override
  void close();

  /** A store that forgets everything when the JVM ends: for tests and dry runs. */
  static StateStore inMemory() {
    return new InMemoryStateStore();
  }

  /**
   * The embedded store in one SQLite file (created owner-only if missing, with its directory), with
   * {@link SqliteOptions#defaults()}: WAL, {@code synchronous=FULL}, group commit.
   *
   * @throws io.commercesync.core.error.StateStoreException if the file cannot be created or opened
   */
  static StateStore sqlite(Path file) {
    return sqlite(file, SqliteOptions.defaults());
  }

  /** The embedded store in one SQLite file, with {@code options}. */
  static StateStore sqlite(Path file, SqliteOptions options) {
    return SqliteStateStore.open(Objects.requireNonNull(file, "file"), Objects.requireNonNull(options, "options"));
  }

  /**
   * A store in PostgreSQL, on connections from the application's pool; several instances may share
   * the database. Needs {@code org.postgresql:postgresql} on the class path.
   */
  static StateStore postgres(DataSource dataSource) {
    return postgres(dataSource, PostgresOptions.defaults());
  }

  /** A store in PostgreSQL on the application's pool, with {@code options}. */
  static StateStore postgres(DataSource dataSource, PostgresOptions options) {
    return PostgresStateStore.open(Objects.requireNonNull(dataSource, "dataSource"),
        Objects.requireNonNull(options, "options"));
  }

  /**
   * A store in PostgreSQL that opens its own few connections (no pool library; see
   * {@link PostgresOptions#maxConnections()}). The URL and password never appear in an error.
   *
   * @throws io.commercesync.core.error.ConfigurationException if no JDBC driver accepts {@code jdbcUrl}
   */
  static StateStore postgres(String jdbcUrl, String user, Secret password) {
    return postgres(jdbcUrl, user, password, PostgresOptions.defaults());
  }

  /** As {@link #postgres(String, String, Secret)}, with {@code options}. */
  static StateStore postgres(String jdbcUrl, String user, Secret password, PostgresOptions options) {
    return PostgresStateStore.open(Objects.requireNonNull(jdbcUrl, "jdbcUrl"), user, password,
        Objects.requireNonNull(options, "options"));
  }
}
