package io.commercesync.testkit.dynamicssl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The simulator's SL database: rows as JSON objects keyed by primary key (compared trimmed and
 * case-insensitively, as SQL Server's default collation does), optionally mirrored into a JDBC
 * database with SL's table names and types so change polling can run real SQL against it.
 *
 * <p>Every write stamps {@code LUpd_DateTime} (and {@code Crtd_DateTime} on insert) with the
 * simulator clock's local time in the SL server's zone, truncated to the minute: SMALLDATETIME.
 */
final class SlStore {

  private final Map<String, Map<String, ObjectNode>> tables = new LinkedHashMap<>();
  private final Clock clock;
  private final ZoneId zone;
  private final String jdbcUrl;
  private Connection connection;

  SlStore(Clock clock, ZoneId zone, String jdbcUrl) {
    this.clock = clock;
    this.zone = zone;
    this.jdbcUrl = jdbcUrl;
    for (String name : SlCatalog.TABLES.keySet()) {
      tables.put(name, new LinkedHashMap<>());
    }
    if (jdbcUrl != null) {
      try {
        connection = DriverManager.getConnection(jdbcUrl);
        try (Statement s = connection.createStatement()) {
          for (String ddl : SlCatalog.ddl()) {
            s.execute(ddl.replaceFirst("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "));
          }
          // the in-memory tables are the truth and start from the seed: a mirror left by an earlier run
          // (a file database) must not show rows this run does not have
          for (String name : SlCatalog.TABLES.keySet()) {
            s.execute("DELETE FROM " + name);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot open the SL simulator database " + jdbcUrl, e);
      }
    }
  }

  /** The server-local time now, at minute precision (SMALLDATETIME). */
  LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
  }

  LocalDate today() {
    return now().toLocalDate();
  }

  static String key(String... parts) {
    StringBuilder k = new StringBuilder();
    for (String p : parts) {
      k.append(p == null ? "" : p.strip().toUpperCase(Locale.ROOT)).append('\u0001');
    }
    return k.toString();
  }

  synchronized ObjectNode get(String table, String... key) {
    ObjectNode row = tables.get(table).get(key(key));
    return row == null ? null : row.deepCopy();
  }

  synchronized List<ObjectNode> select(String table, Predicate<ObjectNode> where) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode row : tables.get(table).values()) {
      if (where.test(row)) {
        out.add(row.deepCopy());
      }
    }
    return out;
  }

  synchronized int count(String table) {
    return tables.get(table).size();
  }

  /** Inserts or replaces {@code row}, stamping the audit columns. */
  synchronized ObjectNode put(String table, ObjectNode row, String prog) {
    SlCatalog.Table t = SlCatalog.table(table);
    String[] keyParts = t.key().stream().map(k -> row.path(k).asText("")).toArray(String[]::new);
    String k = key(keyParts);
    ObjectNode existing = tables.get(table).get(k);
    String stamp = now().toString().length() == 16 ? now() + ":00" : now().toString();
    if (existing == null || !existing.has("Crtd_DateTime")) {
      row.put("Crtd_DateTime", row.has("Crtd_DateTime") ? row.get("Crtd_DateTime").asText() : stamp);
      row.put("Crtd_Prog", row.path("Crtd_Prog").asText(prog));
      row.put("Crtd_User", row.path("Crtd_User").asText("WEBAPI"));
    } else {
      row.put("Crtd_DateTime", existing.get("Crtd_DateTime").asText());
      row.put("Crtd_Prog", existing.path("Crtd_Prog").asText(prog));
      row.put("Crtd_User", existing.path("Crtd_User").asText("WEBAPI"));
    }
    row.put("LUpd_DateTime", stamp);
    row.put("LUpd_Prog", prog);
    row.put("LUpd_User", "WEBAPI");
    tables.get(table).put(k, row.deepCopy());
    mirror(t, row);
    return row;
  }

  /** Deletes the row of {@code table} with primary key {@code key}, if any. */
  synchronized void delete(String table, String... key) {
    SlCatalog.Table t = SlCatalog.table(table);
    if (tables.get(table).remove(key(key)) == null || connection == null) {
      return;
    }
    StringBuilder where = new StringBuilder();
    for (String k : t.key()) {
      where.append(where.length() == 0 ? "" : " AND ").append(k).append(" = ?");
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + t.name() + " WHERE " + where)) {
      for (int i = 0; i < key.length; i++) {
        delete.setString(i + 1, key[i]);
      }
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot delete a " + t.name() + " row in " + jdbcUrl, e);
    }
  }

  synchronized void clear() {
    tables.values().forEach(Map::clear);
    if (connection != null) {
      try (Statement s = connection.createStatement()) {
        for (String name : SlCatalog.TABLES.keySet()) {
          s.execute("DELETE FROM " + name);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot clear the SL simulator database", e);
      }
    }
  }

  synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing an in-memory test database: nothing to recover
      }
    }
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  private void mirror(SlCatalog.Table t, ObjectNode row) {
    if (connection == null) {
      return;
    }
    StringBuilder where = new StringBuilder();
    for (String k : t.key()) {
      where.append(where.length() == 0 ? "" : " AND ").append(k).append(" = ?");
    }
    List<SlCatalog.Column> cols = new ArrayList<>(t.columns().values());
    StringBuilder insert = new StringBuilder("INSERT INTO ").append(t.name()).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      insert.append(i == 0 ? "" : ", ").append(cols.get(i).name());
      marks.append(i == 0 ? "?" : ", ?");
    }
    insert.append(") VALUES (").append(marks).append(')');
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + t.name() + " WHERE " + where);
        PreparedStatement ins = connection.prepareStatement(insert.toString())) {
      for (int i = 0; i < t.key().size(); i++) {
        delete.setString(i + 1, row.path(t.key().get(i)).asText(""));
      }
      delete.executeUpdate();
      for (int i = 0; i < cols.size(); i++) {
        SlCatalog.Column c = cols.get(i);
        JsonNode v = row.get(c.name());
        switch (c.kind()) {
          case 'c' -> ins.setString(i + 1, v == null || v.isNull() || v.asText().isEmpty() ? " " : v.asText());
          case 'f' -> ins.setDouble(i + 1, v == null || v.isNull() ? 0d : v.asDouble());
          case 's', 'i' -> ins.setInt(i + 1, v == null || v.isNull() ? 0 : v.asInt());
          // setObject(LocalDateTime): no conversion through the JVM's zone, which could move a
          // server-local time that falls in the JVM zone's daylight-saving gap
          case 'd' -> ins.setObject(i + 1, v == null || v.isNull() || v.asText().isEmpty()
              ? LocalDate.of(1900, 1, 1).atStartOfDay() : LocalDate.parse(v.asText().substring(0, 10)).atStartOfDay());
          default -> ins.setObject(i + 1, v == null || v.isNull() || v.asText().isEmpty()
              ? LocalDate.of(1900, 1, 1).atStartOfDay() : LocalDateTime.parse(v.asText()));
        }
      }
      ins.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mirror " + t.name() + " row into " + jdbcUrl, e);
    }
  }
}
