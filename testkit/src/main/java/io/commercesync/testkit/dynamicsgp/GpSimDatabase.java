package io.commercesync.testkit.dynamicsgp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The simulator's GP company database: an H2 in-memory database in MSSQLServer mode with GP's table names
 * and types (resource {@code gp-company.sql}), seeded from a fixed seed and the GP samples. It stays open
 * while the simulator runs, so pollers can reach it over JDBC ({@link #jdbcUrl()}).
 */
final class GpSimDatabase implements AutoCloseable {

  static final Instant SEEDED_AT = Instant.parse("2024-03-01T00:00:00Z");

  private final String url;
  private final Connection keepAlive;

  GpSimDatabase(long seed) {
    this(seed, null);
  }

  /** In memory, or in the H2 file {@code file} (opened as it is when it exists, else created and seeded). */
  GpSimDatabase(long seed, java.nio.file.Path file) {
    this.url = file == null ? "jdbc:h2:mem:gpsim-" + UUID.randomUUID() + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1"
        : "jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=MSSQLServer;AUTO_SERVER=TRUE";
    try {
      keepAlive = DriverManager.getConnection(url, "sa", "");
      boolean existing = file != null && seeded();
      try (Statement s = keepAlive.createStatement()) {
        for (String statement : resource("gp-company.sql").split(";\\s*\\n")) {
          String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
          // an existing file gets only the tables added since it was made (declared IF NOT EXISTS)
          if (!sql.isEmpty() && (!existing || sql.startsWith("CREATE TABLE IF NOT EXISTS"))) {
            s.execute(sql);
          }
        }
      }
      receivablesErrors();
      if (existing) {
        return;
      }
      seed(seed);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the GP simulator database: " + e.getMessage(), e);
    }
  }

  String jdbcUrl() {
    return url;
  }

  private boolean seeded() throws SQLException {
    try (var rs = keepAlive.getMetaData().getTables(null, null, "RM00101", null)) {
      return rs.next();
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "sa", "");
  }

  static Timestamp ts(Instant at) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  static String resource(String name) {
    try (InputStream in = GpSimDatabase.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing simulator resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void update(String sql, Object... args) {
    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i] instanceof Instant at ? ts(at) : args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("simulator update failed: " + e.getMessage(), e);
    }
  }

  /**
   * taErrorCode rows of taRMTransaction and taRMTransactionTaxInsert: the conditions are the TLE procedure bodies'
   * (reference §0), the wording is the simulator's own. Merged on every open, so a database file made before
   * credit memos were simulated gets them too.
   */
  private void receivablesErrors() throws SQLException {
    String[][] errors = {
        {"185", "taRMTransaction", "A required input (RMDTYPAL, DOCNUMBR, DOCDATE, BACHNUMB, CUSTNMBR, DOCAMNT, SLSAMNT) is missing"},
        {"186", "taRMTransaction", "The Customer Number (CUSTNMBR) is blank"},
        {"187", "taRMTransaction", "The document number (DOCNUMBR) is blank"},
        {"188", "taRMTransaction", "The document amount (DOCAMNT) is negative"},
        {"189", "taRMTransaction", "The batch number (BACHNUMB) is blank"},
        {"190", "taRMTransaction", "The document number (DOCNUMBR) already exists for this document type (RMDTYPAL)"},
        {"202", "taRMTransaction", "The batch (BACHNUMB) is marked for posting"},
        {"217", "taRMTransaction", "The address code (ADRSCODE) does not exist for the customer in RM00102"},
        {"536", "taRMTransaction", "The currency (CURNCYID) is not set up"},
        {"621", "taRMTransaction", "DOCAMNT does not equal SLSAMNT - TRDISAMT + FRTAMNT + MISCAMNT + TAXAMNT"},
        {"627", "taRMTransaction", "The document type (RMDTYPAL) must be 1, 3, 4, 5, 6, 7 or 8"},
        {"712", "taRMTransaction", "The tax amount (TAXAMNT) does not equal the document's tax rows (RM10601)"},
        {"7020", "taRMTransaction", "An amount has more decimal places than the currency allows"},
        {"12003", "taRMTransaction", "The document number (DOCNUMBR) is longer than 17 characters"},
        {"292", "taRMTransactionTaxInsert", "A required input (CUSTNMBR, DOCNUMBR, RMDTYPAL, BACHNUMB, TAXDTLID, TAXAMNT,"
            + " STAXAMNT, TAXDTSLS) is missing"},
        {"294", "taRMTransactionTaxInsert", "The document type (RMDTYPAL) must be 1, 3, 4, 5, 6, 7 or 8"},
        {"295", "taRMTransactionTaxInsert", "The tax detail (TAXDTLID) does not exist in TX00201"},
        {"5443", "taRMTransactionTaxInsert", "The taxable sales (TDTTXSLS) exceed the total sales (TAXDTSLS)"},
        {"5444", "taRMTransactionTaxInsert", "The taxable sales (TDTTXSLS) are negative"},
        {"7148", "taRMTransactionTaxInsert", "The document already has a tax row for this tax detail (RM10601)"}};
    try (PreparedStatement ps = keepAlive.prepareStatement(
        "MERGE INTO taErrorCode (ErrorCode, SourceProc, ErrorDesc) KEY (ErrorCode, SourceProc) VALUES (?, ?, ?)")) {
      for (String[] e : errors) {
        ps.setInt(1, Integer.parseInt(e[0]));
        ps.setString(2, e[1]);
        ps.setString(3, e[2]);
        ps.executeUpdate();
      }
    }
  }

  private void seed(long seed) throws SQLException {
    Timestamp at = ts(SEEDED_AT);
    exec("INSERT INTO IV40700 (LOCNCODE, LOCNDSCR) VALUES ('MAIN', 'Main warehouse'), ('EAST', 'East warehouse')");
    exec("INSERT INTO IV40800 (PRCLEVEL, DSCRIPTN) VALUES ('RETAIL', 'Retail'), ('WHOLESALE', 'Wholesale')");
    exec("INSERT INTO SOP40200 (SOPTYPE, DOCID) VALUES (1, 'STDQUO'), (2, 'STDORD'), (3, 'STDINV'), (4, 'STDRTN')");
    exec("INSERT INTO TX00201 (TAXDTLID) VALUES ('WEBSALESTAX')");
    exec("INSERT INTO CM00100 (CHEKBKID) VALUES ('OPERATING')");
    exec("INSERT INTO SY03100 (CARDNAME, CBRCVBLE) VALUES ('VISA', 1), ('MASTERCARD', 1), ('AMEX', 1)");
    exec("INSERT INTO MC40200 (CURNCYID, DECPLCUR, ISOCURRC) VALUES ('Z-US$', 3, 'USD'), ('Z-C$', 3, 'CAD')");
    exec("INSERT INTO GL00105 (ACTINDX, ACTNUMST) VALUES (1, '000-1100-00'), (2, '000-6150-00'), (3, '000-1205-00'),"
        + " (4, '000-4100-00'), (5, '000-2100-00')");
    exec("INSERT INTO GL40000 (NJRNLENT) VALUES (40217)");
    String[][] errors = {
        {"56", "taSopHdrIvcInsert", "Duplicate document number (SOPNUMBE) for this document type (SOPTYPE)"},
        {"66", "taSopHdrIvcInsert", "The Customer Number (CUSTNMBR) does not exist in the Customer Master Table - RM00101"},
        {"67", "taSopHdrIvcInsert", "Subtotal does not match the line item totals"},
        {"68", "taSopHdrIvcInsert", "The Document ID (DOCID) does not exist for this SOP type in SOP40200"},
        {"235", "taSopHdrIvcInsert", "The document amount (DOCAMNT) does not equal the sum of the document's amounts"},
        {"799", "taSopHdrIvcInsert", "The header tax amounts do not match the tax detail rows"},
        {"866", "taSopHdrIvcInsert", "Tax amounts may not be passed in when CREATETAXES is 1"},
        {"5616", "taSopHdrIvcInsert", "The batch (BACHNUMB) is marked for posting"},
        {"2079", "taSopHdrIvcInsert", "The document is being edited by another user"},
        {"2079", "taSopLineIvcInsert", "The document is being edited by another user"},
        {"598", "taSopLineIvcInsert", "The Customer Number (CUSTNMBR) does not exist in the Customer Master Table - RM00101"},
        {"108", "taSopLineIvcInsert", "The Item Number (ITEMNMBR) does not exist in the Item Master Table - IV00101"},
        {"11454", "taSopLineIvcInsert", "The quantity (QUANTITY) has more decimals than the item allows"},
        {"59", "taSopLineIvcInsert", "The Site ID (LOCNCODE) does not exist in the Site Master Table - IV40700"},
        {"33", "taUpdateCreateCustomerRcd", "The Customer Number (CUSTNMBR) is blank"},
        {"251", "taUpdateCreateCustomerRcd", "The customer exists and UpdateIfExists is 0"},
        {"118", "taCreateCustomerAddress", "The Customer Number (CUSTNMBR) does not exist in RM00101"},
        {"24", "taRMCashReceiptInsert", "The Customer Number (CUSTNMBR) does not exist in RM00101"},
        {"12004", "taRMCashReceiptInsert", "The document number (DOCNUMBR) is longer than 17 characters"},
        {"14", "taRMCashReceiptInsert", "The cash receipt type (CSHRCTYP) is not 0, 1 or 2"},
        {"16", "taRMCashReceiptInsert", "A credit card receipt needs a credit card id (CRCARDID)"},
        {"17", "taRMCashReceiptInsert", "The credit card id (CRCARDID) does not exist in SY03100"},
        {"6", "taRMCashReceiptInsert", "The checkbook id (CHEKBKID) does not exist in CM00100"},
        {"11481", "taRMCashReceiptInsert", "The check number (CHEKNMBR) already exists for this customer"},
        // taRMApply: the conditions are the TLE procedure body's (reference §0); the wording is the simulator's own
        {"562", "taRMApply", "A required input (APTODCNM, APFRDCNM, APPTOAMT, APFRDCTY, APTODCTY) is missing"},
        {"565", "taRMApply", "The apply amount (APPTOAMT) is negative"},
        {"184", "taRMApply", "The apply-from document type (APFRDCTY) must be 7, 8 or 9"},
        {"1660", "taRMApply", "The apply-to document type (APTODCTY) must be 1, 3, 4 or 5"},
        {"568", "taRMApply", "The apply-to document (APTODCNM) does not exist in RM20101 - Open Transactions"},
        {"569", "taRMApply", "The apply-from document (APFRDCNM) does not exist as a work or open document"},
        {"570", "taRMApply", "The apply amount (APPTOAMT) is more than the apply-to document's original amount"},
        {"574", "taRMApply", "The apply amount (APPTOAMT) is more than the apply-to document's remaining amount"},
        {"664", "taRMApply", "The apply amount (APPTOAMT) is more than the apply-from document's remaining amount"},
        {"165", "taRMApply", "The apply-from and apply-to documents belong to different customers"},
        {"670", "taRMApply", "This apply-from document is already applied to this apply-to document (RM20201)"},
        {"944", "taGLTransactionHeaderInsert", "The journal entry is not balanced"},
        {"997", "taGLTransactionHeaderInsert", "The journal entry number (JRNENTRY) already exists"},
        {"684", "taGLTransactionLineInsert", "The account number (ACTNUMST) does not exist"},
        {"5471", "taGLTransactionLineInsert", "A line may not have both a debit and a credit amount"}};
    try (PreparedStatement ps = keepAlive.prepareStatement(
        "INSERT INTO taErrorCode (ErrorCode, SourceProc, ErrorDesc) VALUES (?, ?, ?)")) {
      for (String[] e : errors) {
        ps.setInt(1, Integer.parseInt(e[0]));
        ps.setString(2, e[1]);
        ps.setString(3, e[2]);
        ps.executeUpdate();
      }
    }
    // customers: the samples' and a few more from the seed
    customer("WEBJSMITH0001", "Jane Smith", "1200 Example Avenue", "Springfield", "IL", "62704-1234", "RETAIL", 0, at);
    update("INSERT INTO RM00102 (CUSTNMBR, ADRSCODE, CNTCPRSN, ADDRESS1, CITY, STATE, ZIP, COUNTRY, ShipToName, DEX_ROW_TS)"
        + " VALUES ('WEBJSMITH0001', 'SHIPTO01', 'Jane Smith', '48 Lakeview Road', 'Madison', 'WI', '53703', 'United States',"
        + " 'Jane Smith', ?)", at);
    customer("WEBAPATEL0002", "Anil Patel", "77 Harbor Street", "Boston", "MA", "02110", "RETAIL", 0, at);
    customer("WEBLCHEN0003", "Li Chen", "9 Pine Court", "Portland", "OR", "97201", "RETAIL", 0, at);
    customer("WEBMHOLD0004", "Mia Hold", "1 Hold Lane", "Austin", "TX", "73301", "RETAIL", 1, at);
    customer("AARONFIT0001", "Aaron Fitz Electrical", "One Microsoft Way", "Redmond", "WA", "98052", "WHOLESALE", 0, at);
    email("WEBJSMITH0001", "jane.smith@example.com", at);
    email("WEBAPATEL0002", "anil.patel@example.com", at);
    email("WEBLCHEN0003", "li.chen@example.com", at);
    Random random = new Random(seed);
    // items: the samples' and generated ones
    item("WDG-1001-BLU", "Widget, blue, 10 cm", "24.50", at);
    item("CBL-USB-C-2M", "USB-C cable, 2 m", "12.99", at);
    item("LMP-DESK-LED-01", "LED desk lamp", "129.00", at);
    for (String[] row : csv("iv00102-rows.csv")) {
      update("INSERT INTO IV00102 (ITEMNMBR, LOCNCODE, RCRDTYPE, QTYONHND, ATYALLOC, QTYONORD, QTYBKORD, QTYINUSE,"
          + " QTYINSVC, QTYRTRND, QTYDMGED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          row[0], row[1], Integer.parseInt(row[2]), new BigDecimal(row[3]), new BigDecimal(row[4]), new BigDecimal(row[5]),
          new BigDecimal(row[6]), new BigDecimal(row[7]), new BigDecimal(row[8]), new BigDecimal(row[9]),
          new BigDecimal(row[10]));
    }
    for (int i = 1; i <= 12; i++) {
      String number = String.format("ACC-%04d", i);
      BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(20_000), 2);
      item(number, "Accessory " + i, price.toPlainString(), at);
      int main = random.nextInt(200);
      int east = random.nextInt(200);
      int allocMain = random.nextInt(main + 1);
      update("INSERT INTO IV00102 (ITEMNMBR, LOCNCODE, RCRDTYPE, QTYONHND, ATYALLOC) VALUES (?, '', 1, ?, ?)",
          number, BigDecimal.valueOf(main + east), BigDecimal.valueOf(allocMain));
      update("INSERT INTO IV00102 (ITEMNMBR, LOCNCODE, RCRDTYPE, QTYONHND, ATYALLOC) VALUES (?, 'MAIN', 2, ?, ?)",
          number, BigDecimal.valueOf(main), BigDecimal.valueOf(allocMain));
      update("INSERT INTO IV00102 (ITEMNMBR, LOCNCODE, RCRDTYPE, QTYONHND, ATYALLOC) VALUES (?, 'EAST', 2, ?, 0)",
          number, BigDecimal.valueOf(east));
    }
    for (String[] row : csv("sop30200-rows.csv")) {
      update("INSERT INTO SOP30200 (SOPTYPE, SOPNUMBE, ORIGTYPE, ORIGNUMB, DOCID, DOCDATE, ACTLSHIP, CUSTNMBR, CUSTNAME,"
          + " CSTPONBR, SHIPMTHD, SUBTOTAL, FRTAMNT, TAXAMNT, DOCAMNT, VOIDSTTS, BACHNUMB, DEX_ROW_TS)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          Integer.parseInt(row[0]), row[1], Integer.parseInt(row[2]), row[3], row[4], Timestamp.valueOf(row[5]),
          Timestamp.valueOf(row[6]), row[7], row[8], row[9], row[10], new BigDecimal(row[11]), new BigDecimal(row[12]),
          new BigDecimal(row[13]), new BigDecimal(row[14]), Integer.parseInt(row[15]), row[16], Timestamp.valueOf(row[17]));
      if (row[0].equals("3") && row[15].equals("0")) {
        update("INSERT INTO RM20101 (CUSTNMBR, RMDTYPAL, DOCNUMBR, DOCDATE, DUEDATE, ORTRXAMT, CURTRXAM, CSPORNBR, CURNCYID,"
            + " DEX_ROW_TS) VALUES (?, 1, ?, ?, ?, ?, ?, ?, 'Z-US$', ?)", row[7], row[1], Timestamp.valueOf(row[5]),
            Timestamp.valueOf(row[5]), new BigDecimal(row[14]), new BigDecimal(row[14]), row[9],
            Timestamp.valueOf(row[17]));
      }
    }
    for (String[] row : csv("sop10107-rows.csv")) {
      update("INSERT INTO SOP10107 (SOPNUMBE, SOPTYPE, Tracking_Number) VALUES (?, ?, ?)", row[0],
          Integer.parseInt(row[1]), row[2]);
    }
  }

  /**
   * Adds {@code count} items {@code prefix0000001}… with stock (RCRDTYPE 2 per site, RCRDTYPE 1 summary)
   * and RETAIL / WHOLESALE prices, stamped {@code spacing} apart from {@code from}, in batched inserts on
   * one connection (fast enough for a 100,000-item catalogue).
   */
  List<String> addItems(String prefix, int count, List<String> sites, Instant from, java.time.Duration spacing,
      long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>(count);
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement item = c.prepareStatement("INSERT INTO IV00101 (ITEMNMBR, ITEMDESC, ITEMTYPE, SELNGUOM,"
              + " UOMSCHDL, DECPLQTY, DECPLCUR, PRCLEVEL, ITEMSHWT, DEX_ROW_TS) VALUES (?, ?, 1, 'EACH', 'EACH', 1, 3,"
              + " 'RETAIL', ?, ?)");
          PreparedStatement qty = c.prepareStatement("INSERT INTO IV00102 (ITEMNMBR, LOCNCODE, RCRDTYPE, QTYONHND,"
              + " ATYALLOC) VALUES (?, ?, ?, ?, ?)");
          PreparedStatement price = c.prepareStatement("INSERT INTO IV00108 (ITEMNMBR, CURNCYID, PRCLEVEL, UOFM,"
              + " FROMQTY, TOQTY, UOMPRICE, DEX_ROW_TS) VALUES (?, 'Z-US$', ?, 'EACH', 0, 999999999999, ?, ?)")) {
        for (int i = 1; i <= count; i++) {
          String number = prefix + String.format("%07d", i);
          Timestamp at = ts(from.plus(spacing.multipliedBy(i - 1L)));
          item.setString(1, number);
          item.setString(2, "Generated item " + i);
          item.setInt(3, 50 + random.nextInt(500));
          item.setTimestamp(4, at);
          item.addBatch();
          BigDecimal onHandTotal = BigDecimal.ZERO;
          BigDecimal allocatedTotal = BigDecimal.ZERO;
          for (String site : sites) {
            BigDecimal onHand = BigDecimal.valueOf(random.nextInt(200));
            BigDecimal allocated = BigDecimal.valueOf(random.nextInt(onHand.intValue() / 4 + 1));
            onHandTotal = onHandTotal.add(onHand);
            allocatedTotal = allocatedTotal.add(allocated);
            qty.setString(1, number);
            qty.setString(2, site);
            qty.setInt(3, 2);
            qty.setBigDecimal(4, onHand);
            qty.setBigDecimal(5, allocated);
            qty.addBatch();
          }
          qty.setString(1, number);
          qty.setString(2, "");
          qty.setInt(3, 1);
          qty.setBigDecimal(4, onHandTotal);
          qty.setBigDecimal(5, allocatedTotal);
          qty.addBatch();
          BigDecimal retail = BigDecimal.valueOf(500 + random.nextInt(20_000), 2);
          price.setString(1, number);
          price.setString(2, "RETAIL");
          price.setBigDecimal(3, retail);
          price.setTimestamp(4, at);
          price.addBatch();
          price.setString(1, number);
          price.setString(2, "WHOLESALE");
          price.setBigDecimal(3, retail.multiply(new BigDecimal("0.9")).setScale(2, java.math.RoundingMode.HALF_EVEN));
          price.setTimestamp(4, at);
          price.addBatch();
          ids.add(number);
          if (i % 1_000 == 0 || i == count) {
            item.executeBatch();
            qty.executeBatch();
            price.executeBatch();
            c.commit();
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot add items to the GP simulator: " + e.getMessage(), e);
    }
    return ids;
  }

  /** Adds a site (IV40700). */
  void addSite(String locncode, String description) {
    update("INSERT INTO IV40700 (LOCNCODE, LOCNDSCR) VALUES (?, ?)", locncode, description);
  }

  private void customer(String id, String name, String address, String city, String state, String zip,
      String priceLevel, int hold, Timestamp at) {
    update("INSERT INTO RM00101 (CUSTNMBR, CUSTNAME, CNTCPRSN, STMTNAME, ADRSCODE, ADDRESS1, CITY, STATE, ZIP, COUNTRY,"
        + " PRBTADCD, PRSTADCD, STADDRCD, CURNCYID, PRCLEVEL, HOLD, CCode, CRLMTTYP, CRLMTAMT, DEX_ROW_TS)"
        + " VALUES (?, ?, ?, ?, 'PRIMARY', ?, ?, ?, ?, 'United States', 'PRIMARY', 'PRIMARY', 'PRIMARY', 'Z-US$', ?, ?,"
        + " 'US', 2, 5000, ?)", id, name, name, name, address, city, state, zip, priceLevel, hold, at);
    update("INSERT INTO RM00102 (CUSTNMBR, ADRSCODE, CNTCPRSN, ADDRESS1, CITY, STATE, ZIP, COUNTRY, ShipToName, DEX_ROW_TS)"
        + " VALUES (?, 'PRIMARY', ?, ?, ?, ?, ?, 'United States', ?, ?)", id, name, address, city, state, zip, name, at);
  }

  private void email(String id, String email, Timestamp at) {
    update("INSERT INTO SY01200 (Master_Type, Master_ID, ADRSCODE, INET1, EmailToAddress, DEX_ROW_TS)"
        + " VALUES ('CUS', ?, 'PRIMARY', ?, ?, ?)", id, email, email, at);
  }

  private void item(String number, String description, String price, Timestamp at) {
    update("INSERT INTO IV00101 (ITEMNMBR, ITEMDESC, ITEMTYPE, SELNGUOM, UOMSCHDL, DECPLQTY, DECPLCUR, PRCLEVEL, ITEMSHWT,"
        + " DEX_ROW_TS) VALUES (?, ?, 1, 'EACH', 'EACH', 1, 3, 'RETAIL', 125, ?)", number, description, at);
    BigDecimal retail = new BigDecimal(price);
    update("INSERT INTO IV00108 (ITEMNMBR, CURNCYID, PRCLEVEL, UOFM, FROMQTY, TOQTY, UOMPRICE, DEX_ROW_TS)"
        + " VALUES (?, 'Z-US$', 'RETAIL', 'EACH', 0, 999999999999, ?, ?)", number, retail, at);
    update("INSERT INTO IV00108 (ITEMNMBR, CURNCYID, PRCLEVEL, UOFM, FROMQTY, TOQTY, UOMPRICE, DEX_ROW_TS)"
        + " VALUES (?, 'Z-US$', 'WHOLESALE', 'EACH', 0, 999999999999, ?, ?)", number,
        retail.multiply(new BigDecimal("0.9")).setScale(2, java.math.RoundingMode.HALF_EVEN), at);
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = keepAlive.createStatement()) {
      s.execute(sql);
    }
  }

  /** The rows of a sample CSV (header skipped; no quoting in the samples). */
  static List<String[]> csv(String name) {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        GpSimDatabase.class.getResourceAsStream(name), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  @Override
  public void close() {
    try (Statement s = keepAlive.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException ignored) {
      // already closed
    }
    try {
      keepAlive.close();
    } catch (SQLException ignored) {
      // already closed
    }
  }
}
