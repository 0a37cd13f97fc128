package io.commercesync.connector.dynamicssl.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Row reading for the polling queries: the current row, and the child rows of a parent. */
public final class SlJdbc {

  private SlJdbc() {}

  /** The current row of {@code rs} as a {@code type} DTO. */
  public static <R extends Record> R row(ResultSet rs, Class<R> type) throws SQLException {
    return SlRows.read(rs, type);
  }

  /** {@code SELECT * FROM table WHERE where ORDER BY orderBy}, each row as a {@code type} DTO. */
  public static <R extends Record> List<R> children(Connection c, String table, String where, String orderBy,
      Class<R> type, String... params) throws SQLException {
    List<R> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + where + " ORDER BY " + orderBy)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(SlRows.read(rs, type));
        }
      }
    }
    return out;
  }
}
