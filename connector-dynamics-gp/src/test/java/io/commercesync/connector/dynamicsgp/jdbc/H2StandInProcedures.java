package io.commercesync.connector.dynamicsgp.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.SimpleResultSet;

/**
 * Stand-ins for a few eConnect procedures, as an H2 function ({@code ECONNECT_STANDIN(procedure, names,
 * values...)}) on GP-shaped tables. No SQL Server is available here, so these test what the JDBC transport
 * does around the procedures (one transaction per document, serializer order, binding, output read-back,
 * taErrorCode resolution, rollback), not eConnect itself.
 */
public final class H2StandInProcedures {

  /** Procedures called, in order (for the serializer-order test). */
  public static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

  private H2StandInProcedures() {}

  public static ResultSet call(Connection c, String procedure, String names, String... values) throws SQLException {
    SimpleResultSet rs = new SimpleResultSet();
    rs.addColumn("ErrorState", Types.INTEGER, 10, 0);
    rs.addColumn("ErrString", Types.VARCHAR, 255, 0);
    if ("jdbc:columnlist:connection".equals(c.getMetaData().getURL())) {
      return rs;   // H2 asks once for the result's columns only
    }
    CALLS.add(procedure);
    Map<String, Object> p = new LinkedHashMap<>();
    String[] n = names.split(",");
    for (int i = 0; i < n.length && i < values.length; i++) {
      p.put(n[i], values[i]);
    }
    List<Integer> errors = new ArrayList<>();
    switch (procedure) {
      case "taSopLineIvcInsert" -> {
        if (!exists(c, "SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?", p.get("CUSTNMBR"))) {
          errors.add(598);
        }
        if (!exists(c, "SELECT 1 FROM IV00101 WHERE ITEMNMBR = ?", p.get("ITEMNMBR"))) {
          errors.add(108);
        }
        if (errors.isEmpty()) {
          update(c, "INSERT INTO SOP10200 (SOPTYPE, SOPNUMBE, LNITMSEQ, ITEMNMBR, QUANTITY, UNITPRCE, XTNDPRCE, DEX_ROW_TS)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p.get("SOPTYPE"), p.get("SOPNUMBE"), p.get("LNITMSEQ"), p.get("ITEMNMBR"),
              p.get("QUANTITY"), p.get("UNITPRCE"), p.get("XTNDPRCE"), LocalDateTime.now());
        }
      }
      case "taSopHdrIvcInsert" -> {
        if (exists(c, "SELECT 1 FROM SOP10100 WHERE SOPNUMBE = ? AND SOPTYPE = ?", p.get("SOPNUMBE"), p.get("SOPTYPE"))) {
          errors.add(56);
        } else {
          update(c, "INSERT INTO SOP10100 (SOPTYPE, SOPNUMBE, DOCID, DOCDATE, CUSTNMBR, CSTPONBR, SUBTOTAL, DOCAMNT,"
              + " BACHNUMB, DEX_ROW_TS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.get("SOPTYPE"), p.get("SOPNUMBE"),
              p.get("DOCID"), p.get("DOCDATE"), p.get("CUSTNMBR"), p.get("CSTPONBR"), p.get("SUBTOTAL"), p.get("DOCAMNT"),
              p.get("BACHNUMB"), LocalDateTime.now());
        }
      }
      // RM credit memos: just enough of GP's duplicate checks (7148 on a tax row, 190 on the document) to see the
      // transport roll a document back and the sink read GP's refusal; the real checks are the simulator's
      case "taRMTransactionTaxInsert" -> {
        if (exists(c, "SELECT 1 FROM RM10601 WHERE RMDTYPAL = ? AND DOCNUMBR = ? AND TAXDTLID = ?", p.get("RMDTYPAL"),
            p.get("DOCNUMBR"), p.get("TAXDTLID"))) {
          errors.add(7148);
        } else {
          update(c, "INSERT INTO RM10601 (BACHNUMB, RMDTYPAL, DOCNUMBR, CUSTNMBR, TAXDTLID, TAXAMNT, STAXAMNT, TAXDTSLS,"
              + " TDTTXSLS, SEQNUMBR) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 16384)", p.get("BACHNUMB"), p.get("RMDTYPAL"),
              p.get("DOCNUMBR"), p.get("CUSTNMBR"), p.get("TAXDTLID"), p.get("TAXAMNT"), p.get("STAXAMNT"),
              p.get("TAXDTSLS"), p.get("TAXDTSLS"));
        }
      }
      case "taRMTransaction" -> {
        if (exists(c, "SELECT 1 FROM RM10301 WHERE RMDTYPAL = ? AND DOCNUMBR = ?", p.get("RMDTYPAL"), p.get("DOCNUMBR"))) {
          errors.add(190);
        } else {
          update(c, "INSERT INTO RM10301 (DOCTYPE, RMDTYPAL, RMDNUMWK, DOCNUMBR, DOCDATE, BACHNUMB, CUSTNMBR, CSTPONBR,"
              + " DOCAMNT, DUEDATE, DISCDATE, DEX_ROW_TS) VALUES (6, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.get("RMDTYPAL"),
              p.get("DOCNUMBR"), p.get("DOCNUMBR"), p.get("DOCDATE"), p.get("BACHNUMB"), p.get("CUSTNMBR"),
              p.get("CSTPONBR"), p.get("DOCAMNT"), p.get("DOCDATE"), p.get("DOCDATE"), LocalDateTime.now());
        }
      }
      default -> { }
    }
    rs.addRow(errors.isEmpty() ? 0 : errors.get(0),
        String.join(" ", errors.stream().map(String::valueOf).toList()));
    return rs;
  }

  private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
