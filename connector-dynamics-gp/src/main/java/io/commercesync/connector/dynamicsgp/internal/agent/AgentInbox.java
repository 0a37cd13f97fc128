package io.commercesync.connector.dynamicsgp.internal.agent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent's durable inbox (SQLite): every transaction received, keyed by company and transaction key, with
 * its XML, payload hash and status. A transaction is written here before it is executed, so one received
 * while GP is down survives a restart and is executed when GP returns; one already APPLIED is never executed
 * again. Thread-safe (one connection, synchronized).
 */
public final class AgentInbox implements AutoCloseable {

  /** A stored transaction. */
  public record Entry(String company, String key, String documentKey, String type, String gpKey, String hash,
      byte[] xml, String status, String errorText, int attempts) {}

  private final Connection connection;
  private final Clock clock;

  public AgentInbox(String path, Clock clock) {
    this.clock = clock;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + path);
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("""
            CREATE TABLE IF NOT EXISTS inbox (
              company TEXT NOT NULL, txn_key TEXT NOT NULL, doc_key TEXT, type TEXT, gp_key TEXT,
              payload_hash TEXT NOT NULL, xml BLOB NOT NULL, status TEXT NOT NULL, error_text TEXT,
              attempts INTEGER NOT NULL DEFAULT 0, received_at TEXT NOT NULL, updated_at TEXT NOT NULL,
              PRIMARY KEY (company, txn_key))""");
        s.execute("CREATE INDEX IF NOT EXISTS inbox_status ON inbox (status, received_at)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the agent inbox " + path + ": " + e.getMessage(), e);
    }
  }

  public synchronized Optional<Entry> find(String company, String key) {
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT * FROM inbox WHERE company = ? AND txn_key = ?")) {
      ps.setString(1, company);
      ps.setString(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("agent inbox read failed: " + e.getMessage(), e);
    }
  }

  public synchronized void insert(Entry e) {
    String now = clock.instant().toString();
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT INTO inbox (company, txn_key, doc_key, type, gp_key, payload_hash, xml, status, error_text, attempts,"
            + " received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
      ps.setString(1, e.company());
      ps.setString(2, e.key());
      ps.setString(3, e.documentKey());
      ps.setString(4, e.type());
      ps.setString(5, e.gpKey());
      ps.setString(6, e.hash());
      ps.setBytes(7, e.xml());
      ps.setString(8, e.status());
      ps.setString(9, e.errorText());
      ps.setString(10, now);
      ps.setString(11, now);
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new IllegalStateException("agent inbox write failed: " + ex.getMessage(), ex);
    }
  }

  public synchronized void update(String company, String key, String status, String errorText, boolean attempted) {
    try (PreparedStatement ps = connection.prepareStatement(
        "UPDATE inbox SET status = ?, error_text = ?, attempts = attempts + ?, updated_at = ?"
            + " WHERE company = ? AND txn_key = ?")) {
      ps.setString(1, status);
      ps.setString(2, errorText);
      ps.setInt(3, attempted ? 1 : 0);
      ps.setString(4, clock.instant().toString());
      ps.setString(5, company);
      ps.setString(6, key);
      ps.executeUpdate();
    } catch (SQLException ex) {
      throw new IllegalStateException("agent inbox write failed: " + ex.getMessage(), ex);
    }
  }

  /** Queued transactions, oldest first. */
  public synchronized List<Entry> queued() {
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT * FROM inbox WHERE status = 'QUEUED' ORDER BY received_at, rowid")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(entry(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("agent inbox read failed: " + e.getMessage(), e);
    }
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(rs.getString("company"), rs.getString("txn_key"), rs.getString("doc_key"), rs.getString("type"),
        rs.getString("gp_key"), rs.getString("payload_hash"), rs.getBytes("xml"), rs.getString("status"),
        rs.getString("error_text"), rs.getInt("attempts"));
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing: nothing to do
    }
  }
}
