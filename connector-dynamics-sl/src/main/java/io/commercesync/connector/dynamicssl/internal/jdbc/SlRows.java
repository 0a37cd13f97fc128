package io.commercesync.connector.dynamicssl.internal.jdbc;

import io.commercesync.connector.dynamicssl.internal.text.SlText;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one SL row into a wire DTO, column by column under the DTO's JSON (= SL column) names.
 *
 * <p>{@code CHAR} values are right-trimmed (a blank reads as {@code ""}); {@code FLOAT} values are read
 * as {@code double} and turned into {@link BigDecimal} through the double's shortest decimal form
 * ({@link BigDecimal#valueOf(double)}), which the mappers then round to the currency's scale;
 * {@code SMALLDATETIME} is read as a {@link LocalDateTime} without any zone conversion (it is SL server
 * local time).
 */
final class SlRows {

  private SlRows() {}

  static <R extends Record> R read(ResultSet rs, Class<R> type) throws SQLException {
    Set<String> present = columns(rs.getMetaData());
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent rc = components[i];
      types[i] = rc.getType();
      String column = SlText.jsonName(rc);
      if (!present.contains(column.toUpperCase(Locale.ROOT))) {
        continue;
      }
      values[i] = value(rs, column, rc.getType());
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(values);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot build " + type.getSimpleName(), e.getCause());
    }
  }

  private static Object value(ResultSet rs, String column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return SlText.rtrim(rs.getString(column));
    }
    if (type == BigDecimal.class) {
      double d = rs.getDouble(column);
      return rs.wasNull() ? null : BigDecimal.valueOf(d);
    }
    if (type == Integer.class) {
      int v = rs.getInt(column);
      return rs.wasNull() ? null : v;
    }
    if (type == LocalDateTime.class) {
      return rs.getObject(column, LocalDateTime.class);
    }
    if (type == LocalDate.class) {
      LocalDateTime t = rs.getObject(column, LocalDateTime.class);
      return t == null ? null : t.toLocalDate();
    }
    throw new IllegalStateException("unsupported column type " + type.getSimpleName() + " for " + column);
  }

  private static Set<String> columns(ResultSetMetaData meta) throws SQLException {
    Set<String> names = new HashSet<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      names.add(meta.getColumnLabel(i).toUpperCase(Locale.ROOT));
    }
    return names;
  }
}
