package io.commercesync.core.state.internal;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.StateStoreException;
import io.commercesync.core.security.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Where the PostgreSQL store gets connections: the application's {@link DataSource} (its pool decides
 * everything), or a handful the store opens itself with {@link DriverManager} — no pool library.
 */
abstract class ConnectionSource implements GroupCommitter.Connections, AutoCloseable {

  /** Frees what the source opened itself. */
  @Override
  public abstract void close();

  /** The application's pool: a connection per call, closed (returned) after it. */
  static ConnectionSource of(DataSource dataSource) {
    return new ConnectionSource() {
      @Override
      public Connection acquire() throws SQLException {
        return dataSource.getConnection();
      }

      @Override
      public void release(Connection connection, boolean broken) {
        try {
          if (!connection.getAutoCommit()) {
            connection.rollback();   // nothing of ours stays open on a pooled connection
            connection.setAutoCommit(true);
          }
        } catch (SQLException ignored) {
          broken = true;
        }
        try {
          connection.close();
        } catch (SQLException ignored) {
          // the pool sees a dead connection on its own
        }
      }

      @Override
      public void close() {
        // the application owns the pool
      }
    };
  }

  /**
   * At most {@code max} connections opened with {@link DriverManager} and kept for reuse. A call waits
   * up to {@code wait} for one; a connection that failed with a connection error is dropped and the
   * next call opens a fresh one; one idle for more than a minute is checked before reuse.
   */
  static ConnectionSource of(String url, String user, Secret password, int max, Duration wait,
      Duration connectTimeout) {
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw ConfigurationException.of("postgres.jdbcUrl", "no JDBC driver accepts this URL; add"
          + " org.postgresql:postgresql to the application's dependencies and check the URL's form"
          + " (jdbc:postgresql://host:port/database)");
    }
    return new DriverManagerSource(url, user, password, max, wait, connectTimeout);
  }

  private static final class DriverManagerSource extends ConnectionSource {
    private static final long IDLE_CHECK_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Idle(Connection connection, long since) {}

    private final String url;
    private final String user;
    private final Secret password;
    private final Semaphore permits;
    private final Duration wait;
    private final Duration connectTimeout;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    DriverManagerSource(String url, String user, Secret password, int max, Duration wait, Duration connectTimeout) {
      this.url = url;
      this.user = user;
      this.password = password;
      this.permits = new Semaphore(max, true);
      this.wait = wait;
      this.connectTimeout = connectTimeout;
    }

    @Override
    public Connection acquire() throws SQLException {
      try {
        if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
          throw new StateStoreException("postgresql", "connect", "no connection free within " + wait
              + " (maxConnections reached)", null, true, null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StateStoreException("postgresql", "connect", "interrupted waiting for a connection", null, true,
            null);
      }
      try {
        while (true) {
          Idle candidate;
          synchronized (this) {
            if (closed) {
              throw new IllegalStateException("the store is closed");
            }
            candidate = idle.pollFirst();
          }
          if (candidate == null) {
            return open();
          }
          if (System.nanoTime() - candidate.since() < IDLE_CHECK_NANOS || candidate.connection().isValid(5)) {
            return candidate.connection();
          }
          closeQuietly(candidate.connection());
        }
      } catch (SQLException | RuntimeException e) {
        permits.release();
        throw e;
      }
    }

    private Connection open() throws SQLException {
      Properties props = new Properties();
      if (user != null) {
        props.setProperty("user", user);
      }
      if (password != null) {
        props.setProperty("password", password.reveal());
      }
      props.setProperty("connectTimeout", Long.toString(connectTimeout.toSeconds()));
      props.setProperty("loginTimeout", Long.toString(connectTimeout.toSeconds()));
      props.setProperty("ApplicationName", "commercesync");
      return DriverManager.getConnection(url, props);
    }

    @Override
    public void release(Connection connection, boolean broken) {
      try {
        boolean keep = !broken && !connection.isClosed();
        if (keep) {
          try {
            if (!connection.getAutoCommit()) {
              connection.rollback();
              connection.setAutoCommit(true);
            }
          } catch (SQLException e) {
            keep = false;
          }
        }
        synchronized (this) {
          if (keep && !closed) {
            idle.addFirst(new Idle(connection, System.nanoTime()));
            return;
          }
          if (!keep) {
            // one connection died: the server probably restarted, and the idle ones died with it
            idle.forEach(i -> closeQuietly(i.connection()));
            idle.clear();
          }
        }
        closeQuietly(connection);
      } catch (SQLException e) {
        closeQuietly(connection);
      } finally {
        permits.release();
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        closed = true;
        idle.forEach(i -> closeQuietly(i.connection()));
        idle.clear();
      }
    }

    private static void closeQuietly(Connection c) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // going away anyway
      }
    }
  }
}
