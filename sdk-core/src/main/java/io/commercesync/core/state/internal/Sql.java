package io.commercesync.core.state.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A connection for the span of one transaction, with its prepared statements kept for reuse: a batch
 * of 500 ledger writes prepares its two statements once, not 500 times (preparing costs more than
 * running them on SQLite). {@link #close()} closes the kept statements, not the connection.
 */
final class Sql implements AutoCloseable {

  private final Connection connection;
  private final Map<String, PreparedStatement> kept = new HashMap<>();

  Sql(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** A statement kept until {@link #close()}: do not close it; close its result sets. */
  PreparedStatement kept(String sql) throws SQLException {
    PreparedStatement p = kept.get(sql);
    if (p == null) {
      p = connection.prepareStatement(sql);
      kept.put(sql, p);
    }
    return p;
  }

  /** A new statement, closed by the caller. */
  PreparedStatement prepareStatement(String sql) throws SQLException {
    return connection.prepareStatement(sql);
  }

  Array textArray(Object[] values) throws SQLException {
    return connection.createArrayOf("text", values);
  }

  /** Runs an INSERT, UPDATE or DELETE with {@code values}; returns the rows changed. */
  int update(String sql, Object... values) throws SQLException {
    PreparedStatement p = kept(sql);
    bind(p, values);
    return p.executeUpdate();
  }

  /** The first column of the first row, if there is a row. */
  Optional<String> queryString(String sql, Object... values) throws SQLException {
    PreparedStatement p = kept(sql);
    bind(p, values);
    try (ResultSet rs = p.executeQuery()) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    }
  }

  static void bind(PreparedStatement p, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        p.setNull(i + 1, Types.NULL);   // untyped: the column decides (TEXT or BLOB/BYTEA)
      } else if (v instanceof String s) {
        p.setString(i + 1, s);
      } else if (v instanceof Long l) {
        p.setLong(i + 1, l);
      } else if (v instanceof Integer n) {
        p.setInt(i + 1, n);
      } else if (v instanceof byte[] b) {
        p.setBytes(i + 1, b);
      } else {
        throw new IllegalArgumentException("cannot bind " + v.getClass());
      }
    }
  }

  @Override
  public void close() {
    for (PreparedStatement p : kept.values()) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // the connection is going or gone; nothing to keep
      }
    }
    kept.clear();
  }
}
