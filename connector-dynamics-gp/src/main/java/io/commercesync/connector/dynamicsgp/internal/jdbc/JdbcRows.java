package io.commercesync.connector.dynamicsgp.internal.jdbc;

import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.connector.dynamicsgp.polling.GpRow;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a {@link GpQuery} on a connection: values bound, never concatenated; text right-trimmed. */
public final class JdbcRows {

  private JdbcRows() {}

  public static List<GpRow> run(Connection connection, GpQuery query, Map<String, ?> params) throws SQLException {
    GpQuery.Bound bound = query.bind(params);
    try (PreparedStatement ps = connection.prepareStatement(bound.sql())) {
      for (int i = 0; i < bound.values().size(); i++) {
        if (bound.isNull(i)) {
          ps.setNull(i + 1, Types.VARCHAR);
        } else {
          bind(ps, i + 1, bound.values().get(i));
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rows(rs);
      }
    }
  }

  /** Binds {@code value}; instants as UTC date-times (GP's DEX_ROW_TS is UTC). */
  public static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value instanceof Instant at) {
      ps.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    } else if (value instanceof LocalDate d) {
      ps.setObject(index, d.atStartOfDay());
    } else if (value instanceof BigDecimal d) {
      ps.setBigDecimal(index, d);
    } else if (value instanceof Integer n) {
      ps.setInt(index, n);
    } else if (value instanceof Long n) {
      ps.setLong(index, n);
    } else if (value instanceof Number n) {
      ps.setBigDecimal(index, new BigDecimal(n.toString()));
    } else {
      ps.setString(index, String.valueOf(value));
    }
  }

  public static List<GpRow> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<GpRow> out = new ArrayList<>();
    while (rs.next()) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        row.put(meta.getColumnLabel(c).toUpperCase(java.util.Locale.ROOT), value(rs, c, meta.getColumnType(c)));
      }
      out.add(new GpRow(row));
    }
    return out;
  }

  private static Object value(ResultSet rs, int c, int type) throws SQLException {
    Object v;
    switch (type) {
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE -> {
        LocalDateTime t = rs.getObject(c, LocalDateTime.class);
        v = t == null ? null : t.toInstant(ZoneOffset.UTC);
      }
      case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.CLOB -> {
        String s = rs.getString(c);
        v = s == null ? null : s.stripTrailing();
      }
      case Types.DECIMAL, Types.NUMERIC -> v = rs.getBigDecimal(c);
      case Types.SMALLINT, Types.TINYINT, Types.INTEGER -> {
        int n = rs.getInt(c);
        v = rs.wasNull() ? null : n;
      }
      default -> v = rs.getObject(c);
    }
    return v;
  }
}
