package io.commercesync.connector.dynamicsgp.polling;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row read from a GP table, by column name, values already right-trimmed (GP {@code char} columns come
 * back space-padded, reference §1). GP datetimes are read as UTC ({@code DEX_ROW_TS} is
 * {@code GETUTCDATE()}, reference §7); GP's "no date" {@code 1900-01-01} reads as null.
 *
 * <pre>{@code
 * String item = row.string("ITEMNMBR");
 * BigDecimal onHand = row.decimal("QTYONHND");
 * Instant stamp = row.instant("DEX_ROW_TS");
 * }</pre>
 *
 * @param columns column name to value (String, BigDecimal, Integer, Instant or null)
 */
public record GpRow(Map<String, Object> columns) {

  private static final LocalDate NO_DATE = LocalDate.of(1900, 1, 1);

  public GpRow {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(columns, "columns")));
  }

  /** The trimmed text of {@code column}, or null when empty. */
  public String string(String column) {
    Object v = get(column);
    if (v == null) {
      return null;
    }
    String s = v.toString().stripTrailing();
    return s.isEmpty() ? null : s;
  }

  public BigDecimal decimal(String column) {
    Object v = get(column);
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return new BigDecimal(v.toString().trim());
  }

  public Integer integer(String column) {
    Object v = get(column);
    if (v == null) {
      return null;
    }
    return v instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(v.toString().trim());
  }

  /** A datetime column as a UTC instant; null for GP's 1900-01-01 "no date". */
  public Instant instant(String column) {
    Object v = get(column);
    if (v == null) {
      return null;
    }
    Instant at;
    if (v instanceof Instant i) {
      at = i;
    } else if (v instanceof LocalDateTime t) {
      at = t.toInstant(ZoneOffset.UTC);
    } else if (v instanceof java.sql.Timestamp ts) {
      at = ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    } else {
      String s = v.toString().trim().replace(' ', 'T');
      at = s.endsWith("Z") ? Instant.parse(s) : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
    return at.atOffset(ZoneOffset.UTC).toLocalDate().equals(NO_DATE) ? null : at;
  }

  /** A datetime column's date; null for GP's 1900-01-01. */
  public LocalDate date(String column) {
    Instant at = instant(column);
    return at == null ? null : at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private Object get(String column) {
    if (columns.containsKey(column)) {
      return columns.get(column);
    }
    for (Map.Entry<String, Object> e : columns.entrySet()) {
      if (e.getKey().equalsIgnoreCase(column)) {
        return e.getValue();
      }
    }
    return null;
  }
}
