package io.commercesync.core.state.internal;

import io.commercesync.core.security.Redactor;
import io.commercesync.core.security.Secret;
import io.commercesync.core.state.PostgresOptions;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store on PostgreSQL, for several instances of an application sharing one database.
 *
 * <ul>
 *   <li>Tables live in the connection's current schema (set {@code currentSchema} in the JDBC URL to
 *       choose another). The store creates and upgrades them itself; instances starting together take
 *       turns through an advisory lock.
 *   <li>Ledger writes go through a {@link GroupCommitter} (batched transactions, rows locked in key
 *       order so committers of different instances do not deadlock); {@code begin} is one
 *       {@code INSERT … ON CONFLICT DO UPDATE … WHERE} statement, atomic across instances.
 *   <li>Other writes run in their own short transaction on a connection of their own.
 *   <li>Leases: missing rows are inserted first ({@code ON CONFLICT DO NOTHING}), then the requested rows
 *       that are free, expired or already the caller's are locked with
 *       {@code SELECT … FOR UPDATE SKIP LOCKED}, taken, and committed: instances racing get disjoint
 *       sets without waiting for each other.
 *   <li>Connections: the application's {@link DataSource}, or up to {@code maxConnections} opened by the
 *       store with {@link java.sql.DriverManager} (see {@link ConnectionSource}).
 * </ul>
 */
public final class PostgresStateStore extends SqlStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStateStore.class);

  // a fixed class id for pg_advisory_xact_lock(int, int): the links of one entity change one at a time
  private static final int LINK_LOCK_CLASS = 0x43534c4b;

  private final ConnectionSource connections;
  private final GroupCommitter committer;
  private final Redactor redactor;
  private final String url;

  private PostgresStateStore(ConnectionSource connections, PostgresOptions options, String url, Secret password) {
    super(Dialect.POSTGRESQL, options.clock());
    this.connections = connections;
    this.url = url;
    this.redactor = password == null ? Redactor.DEFAULT : Redactor.DEFAULT.withSecrets(List.of(password));
    this.committer = new GroupCommitter("commercesync-postgres-committer", connections, options.maxBatchSize(),
        true, this::failure, this::transientFailure);
  }

  /** A store on the application's pool. */
  public static PostgresStateStore open(DataSource dataSource, PostgresOptions options) {
    Objects.requireNonNull(dataSource, "dataSource");
    return start(ConnectionSource.of(dataSource), options, null, null);
  }

  /** A store that opens up to {@code options.maxConnections()} connections itself. */
  public static PostgresStateStore open(String jdbcUrl, String user, Secret password, PostgresOptions options) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return start(ConnectionSource.of(jdbcUrl, user, password, options.maxConnections(), options.connectionWait(),
        options.connectTimeout()), options, jdbcUrl, password);
  }

  private static PostgresStateStore start(ConnectionSource connections, PostgresOptions options, String url,
      Secret password) {
    PostgresStateStore store = new PostgresStateStore(connections, options, url, password);
    try {
      int found = store.withConnection("open", c -> Schema.migrate(c.connection(), connections, Dialect.POSTGRESQL, options.clock()));
      LOG.debug("state.open backend=postgresql schemaFound={} schema={}", found, Schema.CURRENT_VERSION);
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  @Override
  String scrub(String message) {
    String clean = url == null ? message : message.replace(url, "<jdbc-url>");
    return redactor.redact(clean);
  }

  private <T> T withConnection(String operation, SqlWork<T> work) {
    Connection c;
    try {
      c = connections.acquire();
    } catch (SQLException | RuntimeException e) {
      throw failure(operation, e);
    }
    boolean broken = false;
    try (Sql sql = new Sql(c)) {
      return work.run(sql);
    } catch (SQLException e) {
      broken = dialect.connectionLost(e) || isClosed(c);
      throw failure(operation, e);
    } finally {
      connections.release(c, broken);
    }
  }

  private static boolean isClosed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  @Override
  <T> T read(String operation, SqlWork<T> work) {
    ensureOpen(operation);
    return withConnection(operation, c -> {
      c.connection().setAutoCommit(true);
      return work.run(c);
    });
  }

  @Override
  <T> T write(String operation, SqlWork<T> work) {
    ensureOpen(operation);
    return withConnection(operation, c -> {
      c.connection().setAutoCommit(false);
      try {
        T result = work.run(c);
        c.connection().commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.connection().rollback();
        } catch (SQLException ignored) {
          // the first failure is the one to report
        }
        throw e;
      }
    });
  }

  @Override
  <T> CompletableFuture<T> groupWrite(String operation, String orderKey, SqlWork<T> work) {
    if (closed) {
      return CompletableFuture.failedFuture(failure(operation, new IllegalStateException("the store is closed")));
    }
    return committer.submit(operation, orderKey, work);
  }

  @Override
  void lockLinks(Sql c, String entity) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
      p.setInt(1, LINK_LOCK_CLASS);
      p.setString(2, entity);
      p.executeQuery().close();
    }
  }

  @Override
  Set<String> claimLeases(String scope, List<String> resources, String owner, Duration ttl) {
    // 1. make sure every requested row exists, in its own short transaction (sorted: no deadlock)
    write("leases.claim", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO cs_lease (scope, resource, owner, expires_at_ns)"
          + " SELECT ?, r, NULL, 0 FROM unnest(?) AS r ORDER BY r ON CONFLICT (scope, resource) DO NOTHING")) {
        p.setString(1, scope);
        p.setArray(2, c.textArray(resources.toArray()));
        return p.executeUpdate();
      }
    });
    // 2. lock those free, expired or ours, skipping rows another instance is claiming right now; take them
    return write("leases.claim", c -> {
      long now = Nanos.of(clock.instant());
      long expires = Nanos.clamped(clock.instant().plus(ttl));
      Array wanted = c.textArray(resources.toArray());
      List<String> free = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT resource FROM cs_lease WHERE scope = ?"
          + " AND resource = ANY (?) AND (owner IS NULL OR owner = ? OR expires_at_ns <= ?)"
          + " ORDER BY resource FOR UPDATE SKIP LOCKED")) {
        p.setString(1, scope);
        p.setArray(2, wanted);
        p.setString(3, owner);
        p.setLong(4, now);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            free.add(rs.getString(1));
          }
        }
      }
      if (!free.isEmpty()) {
        try (PreparedStatement p = c.prepareStatement("UPDATE cs_lease SET owner = ?, expires_at_ns = ?"
            + " WHERE scope = ? AND resource = ANY (?)")) {
          p.setString(1, owner);
          p.setLong(2, expires);
          p.setString(3, scope);
          p.setArray(4, c.textArray(free.toArray()));
          p.executeUpdate();
        }
      }
      return new HashSet<>(free);
    });
  }

  @Override
  GroupCommitter committer() {
    return committer;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    committer.close();
    connections.close();
    LOG.debug("state.close backend=postgresql commits={} writes={}", committer.commits(),
        committer.committedWrites());
  }

  @Override
  public String toString() {
    return "PostgresStateStore";
  }
}
