package io.commercesync.core.state.internal;

import io.commercesync.core.error.StateStoreException;
import io.commercesync.core.state.SqliteOptions;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The embedded state store: one SQLite file in WAL mode.
 *
 * <ul>
 *   <li>Every write goes through one {@link GroupCommitter} thread that owns the only writing connection:
 *       concurrent writes share a transaction and its fsync ({@code synchronous=FULL} by default), and a
 *       write's future completes only after its commit, so it survives {@code kill -9} and, with FULL,
 *       a power cut.
 *   <li>Reads use a second connection ({@code query_only}); in WAL mode they never wait for the writer.
 *   <li>The file is created owner-only ({@code rw-------}) where the file system has POSIX permissions;
 *       SQLite gives its {@code -wal} and {@code -shm} files the same permissions.
 *   <li>Another process may open the same file (the CLI, say): writers wait up to the busy timeout
 *       for each other, and a write that still finds the file locked fails with a retryable
 *       {@link StateStoreException}.
 * </ul>
 */
public final class SqliteStateStore extends SqlStateStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteStateStore.class);

  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final Connection writer;
  private final Connection reader;
  private final GroupCommitter committer;

  private SqliteStateStore(Path file, SqliteOptions options, Connection writer, Connection reader) {
    super(Dialect.SQLITE, options.clock());
    this.file = file;
    this.writer = writer;
    this.reader = reader;
    this.committer = new GroupCommitter("commercesync-sqlite-committer", new WriterConnection(writer),
        options.maxBatchSize(), false, this::failure, this::transientFailure);
  }

  /**
   * The one writing connection, kept in auto-commit mode with transactions opened by hand: the driver
   * would otherwise open the next transaction right after each commit and hold the write lock (or an
   * old snapshot) between batches. {@code BEGIN IMMEDIATE} takes the write lock at the start, so a
   * transaction never has to upgrade a read lock (no deadlock with another process).
   */
  private record WriterConnection(Connection writer) implements GroupCommitter.Connections {
    @Override
    public Connection acquire() {
      return writer;
    }

    @Override
    public void release(Connection connection, boolean broken) {
      // the committer keeps its one connection
    }

    @Override
    public void begin(Connection connection) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
      }
    }

    @Override
    public void commit(Connection connection) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("COMMIT");
      }
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException e) {
        // "no transaction is active": SQLite already rolled it back (e.g. after SQLITE_FULL)
      }
    }
  }

  /**
   * Opens (creating if needed) the store in {@code file}.
   *
   * @throws StateStoreException if the file cannot be created or opened, or holds a newer schema
   */
  public static SqliteStateStore open(Path file, SqliteOptions options) {
    Path path = file.toAbsolutePath().normalize();
    createOwnerOnly(path);
    String url = "jdbc:sqlite:" + path;
    Connection writer = null;
    Connection reader = null;
    try {
      SQLiteConfig writing = new SQLiteConfig();
      writing.setJournalMode(SQLiteConfig.JournalMode.WAL);
      writing.setBusyTimeout((int) options.busyTimeout().toMillis());
      writer = DriverManager.getConnection(url, writing.toProperties());
      try (Statement s = writer.createStatement()) {
        // per connection; the driver's own setting knows no EXTRA
        s.execute("PRAGMA synchronous = " + options.synchronous().name());
      }
      int found = Schema.migrate(writer, new WriterConnection(writer), Dialect.SQLITE, options.clock());

      SQLiteConfig reading = new SQLiteConfig();
      reading.setBusyTimeout((int) options.busyTimeout().toMillis());
      reader = DriverManager.getConnection(url, reading.toProperties());
      try (Statement s = reader.createStatement()) {
        s.execute("PRAGMA query_only = true");
      }
      LOG.debug("state.open backend=sqlite file={} schemaFound={} schema={} synchronous={}", path, found,
          Schema.CURRENT_VERSION, options.synchronous());
      return new SqliteStateStore(path, options, writer, reader);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(reader);
      closeQuietly(writer);
      if (e instanceof StateStoreException s) {
        throw s;
      }
      throw new StateStoreException("sqlite", "open", "cannot open " + path + ": " + e.getMessage(),
          e instanceof SQLException s ? s.getSQLState() : null,
          e instanceof SQLException s && Dialect.SQLITE.transientFailure(s), e);
    }
  }

  /** Creates {@code path} (and its directory) with owner-only permissions, unless it exists. */
  private static void createOwnerOnly(Path path) {
    try {
      Path dir = path.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      boolean posix = Files.getFileAttributeView(dir != null ? dir : path, PosixFileAttributeView.class) != null;
      try {
        if (posix) {
          Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createFile(path);
        }
        LOG.debug("state.file.created file={} ownerOnly={}", path, posix);
      } catch (FileAlreadyExistsException existing) {
        if (posix && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(path))) {
          LOG.warn("state.file.permissions file={} permissions={} note=\"readable by others; chmod 600 it\"",
              path, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        }
      }
    } catch (IOException e) {
      throw new StateStoreException("sqlite", "open", "cannot create " + path + ": " + e, null, false, e);
    }
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  @Override
  <T> T read(String operation, SqlWork<T> work) {
    ensureOpen(operation);
    synchronized (reader) {
      try (Sql sql = new Sql(reader)) {
        return work.run(sql);
      } catch (SQLException e) {
        throw failure(operation, e);
      }
    }
  }

  @Override
  <T> T write(String operation, SqlWork<T> work) {
    ensureOpen(operation);
    return committer.call(operation, null, work);
  }

  @Override
  <T> CompletableFuture<T> groupWrite(String operation, String orderKey, SqlWork<T> work) {
    if (closed) {
      return CompletableFuture.failedFuture(failure(operation, new IllegalStateException("the store is closed")));
    }
    return committer.submit(operation, orderKey, work);
  }

  @Override
  Set<String> claimLeases(String scope, List<String> resources, String owner, Duration ttl) {
    return write("leases.claim", c -> {
      long now = Nanos.of(clock.instant());
      long expires = Nanos.clamped(clock.instant().plus(ttl));
      Set<String> held = new HashSet<>();
      try (PreparedStatement p = c.prepareStatement("INSERT INTO cs_lease (scope, resource, owner, expires_at_ns)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT (scope, resource) DO UPDATE SET owner = excluded.owner,"
          + " expires_at_ns = excluded.expires_at_ns WHERE cs_lease.owner IS NULL"
          + " OR cs_lease.owner = excluded.owner OR cs_lease.expires_at_ns <= ?")) {
        for (String resource : resources) {
          Sql.bind(p, scope, resource, owner, expires, now);
          if (p.executeUpdate() == 1) {
            held.add(resource);
          }
        }
      }
      return held;
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
    committer.close();   // commits what is queued first
    synchronized (reader) {
      closeQuietly(reader);
    }
    closeQuietly(writer);
    LOG.debug("state.close backend=sqlite file={} commits={} writes={}", file, committer.commits(),
        committer.committedWrites());
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing: nothing left to save
      }
    }
  }

  @Override
  public String toString() {
    return "SqliteStateStore[" + file + "]";
  }
}
