package io.commercesync.testkit.dynamicsgp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.http.SimRequest;
import io.commercesync.testkit.http.SimResponse;
import io.commercesync.testkit.http.SimServer;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A Dynamics GP company behind the CommerceSync agent protocol, in-process, for tests and demos. It verifies
 * each request's HMAC-SHA256 signature ({@code X-CS-Timestamp}, {@code X-CS-Nonce}, {@code X-CS-Signature} over
 * method, path, timestamp, nonce and the body's SHA-256), executes eConnect documents against a GP company
 * database held in H2 (MSSQLServer mode, GP's table names and types, {@link #jdbcUrl()}), answers with GP's
 * error numbers in eConnect's error text, de-duplicates transactions by key, and runs the named read-only
 * queries.
 *
 * <pre>{@code
 * try (GpSimulator gp = GpSimulator.start(GpSimulator.options().secret("test-secret"))) {
 *   URI agent = gp.baseUri();            // for AgentTransport
 *   String jdbc = gp.jdbcUrl();          // for JDBC polling (user sa, empty password)
 *   gp.gpDown(true);                     // documents are queued (202) until gpDown(false)
 *   gp.lockErrors(1);                    // the next SOP document fails with 2079 (record lock)
 * }
 * }</pre>
 *
 * <p>Seeded: customers WEBJSMITH0001, WEBAPATEL0002, WEBLCHEN0003, WEBMHOLD0004 (on hold), AARONFIT0001
 * (WHOLESALE); items WDG-1001-BLU, CBL-USB-C-2M, LMP-DESK-LED-01 and ACC-0001..ACC-0012 with RETAIL and WHOLESALE
 * prices and stock at MAIN and EAST; DOCIDs STDQUO/STDORD/STDINV/STDRTN; tax detail WEBSALESTAX; checkbook
 * OPERATING; cards VISA/MASTERCARD/AMEX; currency Z-US$; the samples' SOP30200/SOP10107 history, whose posted
 * invoices are open in RM20101 (INV00031877 for WEBJSMITH0001, 75.05; INV00031878 for WEBAPATEL0002, 154.64).
 * A cash receipt can be applied to an open invoice ({@code RMApplyType}): the application lands in RM20201 and
 * the invoice's RM20101 {@code CURTRXAM} (its balance due) goes down, once. A receivables credit memo
 * ({@code RMTransactionType}, {@code taRMTransaction} RMDTYPAL 7, a refund without lines) is entered unposted in
 * RM10301 with its tax rows in RM10601 and its number in RM00401; {@link #postCreditMemos()} posts them to RM20101
 * as unapplied credits. {@code /_sim/stats} reports documents per CSTPONBR so a run can be audited for
 * duplicates ({@link #salesOrders(String)}, {@link #creditMemos(String)}).
 */
public final class GpSimulator implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Start options. */
  public static final class Options {
    private String secret = "gp-simulator-secret";
    private String company = "TWO";
    private long seed = 42;
    private FaultSchedule faults = FaultSchedule.none();
    private Clock clock = Clock.systemUTC();
    private Duration replayWindow = Duration.ofMinutes(5);
    private double lockRate;
    private int port;
    private java.nio.file.Path databaseFile;

    private Options() {}

    /** The port; 0 (default) picks a free one. */
    public Options port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Keeps the company database in an H2 file at {@code file} (without extension) instead of in memory, so
     * it survives a restart: an existing database is opened as it is (not seeded again), and other
     * processes can open it too ({@code AUTO_SERVER}). Default: in memory.
     */
    public Options databaseFile(java.nio.file.Path file) {
      this.databaseFile = file;
      return this;
    }

    public Options secret(String secret) {
      this.secret = Objects.requireNonNull(secret);
      return this;
    }

    public Options company(String company) {
      this.company = Objects.requireNonNull(company);
      return this;
    }

    public Options seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Options faults(FaultSchedule faults) {
      this.faults = Objects.requireNonNull(faults);
      return this;
    }

    /** The clock for DEX_ROW_TS stamps and signature timestamps. */
    public Options clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Probability that a SOP procedure fails with 2079 (record lock), drawn from the seed. */
    public Options lockRate(double rate) {
      this.lockRate = rate;
      return this;
    }
  }

  private record Inboxed(String hash, String status, String xml, String errorText) {}

  private final Options options;
  private final SimServer server;
  private final GpSimDatabase db;
  private final Random random;
  private final Map<String, Instant> nonces = new ConcurrentHashMap<>();
  private final Map<String, Inboxed> inbox = new LinkedHashMap<>();
  private final AtomicInteger pendingLocks = new AtomicInteger();
  private final AtomicInteger executed = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger rmNumbersRefused = new AtomicInteger();
  private volatile boolean down;

  private GpSimulator(Options options) {
    this.options = options;
    this.db = new GpSimDatabase(options.seed, options.databaseFile);
    this.random = new Random(options.seed);
    this.server = SimServer.start("dynamics-gp", options.port, options.faults);
    String base = "/v1/companies/{company}";
    server.route("POST", base + "/documents", this::documents);
    server.route("POST", base + "/queries/{name}", this::query);
    server.route("POST", base + "/journal-entries/next", this::journalEntry);
    server.route("GET", "/_sim/stats", req -> SimResponse.json(200, stats()));
    server.route("POST", "/_sim/gp-down", req -> {
      gpDown(!"false".equals(req.queryParam("on").orElse("true")));
      return SimResponse.json(200, Map.of("down", down));
    });
    server.route("POST", "/_sim/drain", req -> SimResponse.json(200, Map.of("applied", drain())));
  }

  public static Options options() {
    return new Options();
  }

  /** Starts a simulator on a free loopback port. */
  public static GpSimulator start(Options options) {
    return new GpSimulator(options);
  }

  /** Runs a simulator until killed: {@code java ... GpSimulator [port-ignored] } prints its URLs. */
  public static void main(String[] args) throws InterruptedException {
    GpSimulator sim = start(options().secret(System.getenv().getOrDefault("GP_AGENT_SECRET", "gp-simulator-secret")));
    System.out.println("GP simulator (agent protocol) at " + sim.baseUri() + ", company TWO, JDBC " + sim.jdbcUrl());
    Thread.currentThread().join();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  /** The H2 URL of the company database (user {@code sa}, empty password), GP-shaped tables for polling. */
  public String jdbcUrl() {
    return db.jdbcUrl();
  }

  public String company() {
    return options.company;
  }

  public SimServer server() {
    return server;
  }

  /** GP unreachable: documents are queued (202, QUEUED); turning it back on applies them. */
  public void gpDown(boolean down) {
    this.down = down;
    if (!down) {
      drain();
    }
  }

  /** The next {@code n} SOP procedure runs fail with error 2079 (document being edited by another user). */
  public void lockErrors(int n) {
    pendingLocks.set(n);
  }

  /** Runs SQL on the company database as a GP user would (edits, stock moves, postings). */
  public void execute(String sql, Object... args) {
    db.update(sql, args);
  }

  /**
   * Reads the company database (for tests and audits): one map per row, column labels upper-cased,
   * {@code char} values right-trimmed, timestamps as {@link Instant} (UTC).
   */
  public List<Map<String, Object>> query(String sql, Object... args) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i] instanceof Instant at ? GpSimDatabase.ts(at) : args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= meta.getColumnCount(); col++) {
            Object o = rs.getObject(col);
            if (o instanceof Timestamp t) {
              o = t.toLocalDateTime().toInstant(ZoneOffset.UTC);
            } else if (o instanceof String s) {
              o = s.stripTrailing();
            }
            row.put(meta.getColumnLabel(col).toUpperCase(java.util.Locale.ROOT), o);
          }
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("simulator query failed: " + e.getMessage(), e);
    }
    return rows;
  }

  /** Adds a site (warehouse, {@code IV40700}) as GP's site maintenance would. */
  public void addSite(String locncode, String description) {
    db.addSite(locncode, description);
  }

  /**
   * Adds {@code count} items {@code prefix0000001}… ({@code IV00101}) with quantities per site of
   * {@code sites} ({@code IV00102} RCRDTYPE 2, plus the RCRDTYPE 1 summary; on hand 0–199, allocated up to
   * a quarter) and RETAIL / WHOLESALE prices ({@code IV00108}), drawn from {@code seed}. Item {@code i} is
   * stamped {@code from + (i − 1) × spacing}, as items entered over time would be. For tests and
   * benchmarks that need a realistic catalogue size; returns the item numbers.
   */
  public List<String> addItems(String prefix, int count, List<String> sites, Instant from, Duration spacing, long seed) {
    return db.addItems(prefix, count, sites, from, spacing, seed);
  }

  // ---- agent protocol --------------------------------------------------------------------------

  private SimResponse refuse(SimRequest req) {
    String ts = req.header("X-CS-Timestamp").orElse(null);
    String nonce = req.header("X-CS-Nonce").orElse(null);
    String signature = req.header("X-CS-Signature").orElse(null);
    if (ts == null || nonce == null || signature == null) {
      return error(401, "missing-headers", "signature headers are required");
    }
    long seconds;
    try {
      seconds = Long.parseLong(ts);
    } catch (NumberFormatException e) {
      return error(401, "stale-timestamp", "bad timestamp");
    }
    Instant now = options.clock.instant();
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(options.replayWindow) > 0) {
      return error(401, "stale-timestamp", "timestamp outside the replay window");
    }
    String expected = hmac(req.method() + "\n" + req.path() + "\n" + ts + "\n" + nonce + "\n" + hex(sha256(req.body())));
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      return error(401, "bad-signature", "signature does not match");
    }
    nonces.entrySet().removeIf(e -> e.getValue().isBefore(now));
    if (nonces.putIfAbsent(nonce, now.plus(options.replayWindow).plus(options.replayWindow)) != null) {
      return error(401, "replayed-nonce", "nonce already used");
    }
    if (!options.company.equals(req.param("company"))) {
      return error(404, "unknown-company", "company " + req.param("company") + " is not configured");
    }
    return null;
  }

  private SimResponse documents(SimRequest req) throws Exception {
    SimResponse refused = refuse(req);
    if (refused != null) {
      return refused;
    }
    String documentKey = req.header("X-CS-Document-Key").orElse(null);
    if (documentKey == null) {
      return error(400, "missing-document-key", "X-CS-Document-Key is required");
    }
    Document doc;
    try {
      doc = parse(req.body());
    } catch (Exception e) {
      return error(400, "invalid-document", "not an eConnect document: " + e.getClass().getSimpleName());
    }
    List<Map<String, Object>> results = new ArrayList<>();
    boolean queued = false;
    int index = 0;
    for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element tx)) {
        continue;
      }
      Element info = GpSimProcedures.child(tx, "eConnectProcessInfo");
      String messageId = info == null ? null : GpSimProcedures.fields(info).get("MessageID");
      String key = messageId != null ? messageId : documentKey + "#" + index;
      index++;
      String xml = GpSimProcedures.echo(tx);
      String hash = hex(sha256(xml.getBytes(StandardCharsets.UTF_8)));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("key", key);
      result.put("type", tx.getTagName());
      result.put("documentKey", gpKey(tx));
      synchronized (inbox) {
        Inboxed seen = inbox.get(key);
        if (seen != null && !seen.hash().equals(hash)) {
          return error(409, "conflict", "transaction " + key + " was already received with a different payload");
        }
        if (seen != null && seen.status().equals("APPLIED")) {
          result.put("status", "ALREADY_APPLIED");
        } else if (down) {
          inbox.put(key, new Inboxed(hash, "QUEUED", xml, null));
          result.put("status", "QUEUED");
          queued = true;
        } else {
          Inboxed outcome = execute(tx, hash, xml);
          inbox.put(key, outcome);
          result.put("status", outcome.status());
          if (outcome.errorText() != null) {
            result.put("errorText", outcome.errorText());
          }
        }
      }
      results.add(result);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("documentKey", documentKey);
    body.put("transactions", results);
    return SimResponse.json(queued ? 202 : 200, body);
  }

  private Inboxed execute(Element tx, String hash, String xml) throws SQLException {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      GpSimProcedures procs = new GpSimProcedures(c, options.clock.instant(), this::injectLock);
      GpSimProcedures.Failure failure = procs.run(tx);
      if (failure == null) {
        c.commit();
        executed.incrementAndGet();
        return new Inboxed(hash, "APPLIED", xml, null);
      }
      c.rollback();
      rejected.incrementAndGet();
      if (failure.procedure().equals("taRMTransaction") && failure.numbers().contains(190)
          || failure.procedure().equals("taRMTransactionTaxInsert") && failure.numbers().contains(7148)) {
        rmNumbersRefused.incrementAndGet();
      }
      return new Inboxed(hash, "FAILED", xml, errorText(c, failure));
    }
  }

  private boolean injectLock(int number) {
    if (pendingLocks.get() > 0) {
      return pendingLocks.getAndDecrement() > 0;
    }
    return options.lockRate > 0 && random.nextDouble() < options.lockRate;
  }

  /** eConnect's error text: header line, one block per error, the node echoed. */
  private static String errorText(Connection c, GpSimProcedures.Failure f) throws SQLException {
    StringBuilder out = new StringBuilder("Sql procedure error codes returned: \n\r");
    for (int number : f.numbers()) {
      String description = "Error " + number;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ErrorDesc FROM taErrorCode WHERE ErrorCode = ? AND SourceProc = ?")) {
        ps.setInt(1, number);
        ps.setString(2, f.procedure());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            description = rs.getString(1).stripTrailing();
          }
        }
      }
      out.append("Error Number = ").append(number).append("  Stored Procedure= ").append(f.procedure())
          .append("  Error Description = ").append(description).append("\r\n");
    }
    out.append("Node Identifier Parameters: ").append(f.procedure()).append("\r\n");
    f.keys().forEach((k, v) -> out.append(k).append(" = ").append(v).append("\r\n"));
    if (!f.related().isEmpty()) {
      out.append("Related Error Code Parameters for Node : ").append(f.procedure()).append("\r\n");
      f.related().forEach((k, v) -> out.append(k).append(" = ").append(v).append("\r\n"));
    }
    out.append("\r\n\r\n").append(GpSimProcedures.echo(f.node())).append("\r\n");
    return out.toString();
  }

  /** Applies every queued transaction (GP is back); returns how many were applied. */
  public int drain() {
    int applied = 0;
    synchronized (inbox) {
      for (Map.Entry<String, Inboxed> e : new ArrayList<>(inbox.entrySet())) {
        if (!e.getValue().status().equals("QUEUED") || down) {
          continue;
        }
        try {
          Element tx = parse(e.getValue().xml().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
          Inboxed outcome = execute(tx, e.getValue().hash(), e.getValue().xml());
          inbox.put(e.getKey(), outcome);
          applied += outcome.status().equals("APPLIED") ? 1 : 0;
        } catch (Exception ex) {
          throw new IllegalStateException("simulator drain failed: " + ex.getMessage(), ex);
        }
      }
    }
    return applied;
  }

  private static String gpKey(Element tx) {
    Element apply = GpSimProcedures.child(tx, "taRMApply");
    if (apply != null) {
      Map<String, String> f = GpSimProcedures.fields(apply);
      return f.get("APFRDCNM") + " -> " + f.get("APTODCNM");
    }
    for (String[] probe : new String[][] {{"taSopHdrIvcInsert", "SOPNUMBE"}, {"taUpdateCreateCustomerRcd", "CUSTNMBR"},
        {"taUpdateCreateItemRcd", "ITEMNMBR"}, {"taRMCashReceiptInsert", "DOCNUMBR"}, {"taRMTransaction", "DOCNUMBR"},
        {"taGLTransactionHeaderInsert", "JRNENTRY"}}) {
      Element node = GpSimProcedures.child(tx, probe[0]);
      if (node != null) {
        return GpSimProcedures.fields(node).get(probe[1]);
      }
    }
    return null;
  }

  private SimResponse journalEntry(SimRequest req) throws SQLException {
    SimResponse refused = refuse(req);
    if (refused != null) {
      return refused;
    }
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      int next;
      try (PreparedStatement ps = c.prepareStatement("SELECT NJRNLENT FROM GL40000 FOR UPDATE");
           ResultSet rs = ps.executeQuery()) {
        rs.next();
        next = rs.getInt(1);
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE GL40000 SET NJRNLENT = NJRNLENT + 1")) {
        ps.executeUpdate();
      }
      c.commit();
      return SimResponse.json(200, Map.of("jrnentry", next));
    }
  }

  // ---- read-only queries (the simulator's own SQL for each query name) ----------------------

  private static final Map<String, String> QUERIES = Map.ofEntries(
      Map.entry("ITEMS_CHANGED", "SELECT ITEMNMBR, ITEMDESC, ITMSHNAM, ITEMTYPE, ITMTSHID, SELNGUOM, ITEMSHWT, INACTIVE,"
          + " PRCLEVEL, DEX_ROW_TS FROM IV00101 WHERE DEX_ROW_TS >= :since ORDER BY DEX_ROW_TS, ITEMNMBR OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"),
      Map.entry("QUANTITIES_FOR_ITEMS", "SELECT ITEMNMBR, LOCNCODE, QTYONHND, ATYALLOC FROM IV00102 WHERE RCRDTYPE = 2"
          + " AND ITEMNMBR IN (:items) ORDER BY ITEMNMBR, LOCNCODE"),
      Map.entry("PRICES_CHANGED", "SELECT ITEMNMBR, CURNCYID, PRCLEVEL, UOFM, FROMQTY, TOQTY, UOMPRICE, DEX_ROW_TS"
          + " FROM IV00108 WHERE DEX_ROW_TS >= :since ORDER BY DEX_ROW_TS, ITEMNMBR, CURNCYID, PRCLEVEL, UOFM, TOQTY"
          + " OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"),
      Map.entry("CUSTOMERS_CHANGED", "SELECT CUSTNMBR, CUSTNAME, CUSTCLAS, CNTCPRSN, ADRSCODE, PHONE1, PYMTRMID, CRLMTTYP,"
          + " CRLMTAMT, HOLD, INACTIVE, PRBTADCD, PRSTADCD, DEX_ROW_TS FROM RM00101 WHERE DEX_ROW_TS >= :since"
          + " ORDER BY DEX_ROW_TS, CUSTNMBR OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"),
      Map.entry("CUSTOMER_BY_ID", "SELECT CUSTNMBR, CUSTNAME, CUSTCLAS, CNTCPRSN, ADRSCODE, PHONE1, PYMTRMID, CRLMTTYP,"
          + " CRLMTAMT, HOLD, INACTIVE, PRBTADCD, PRSTADCD, DEX_ROW_TS FROM RM00101 WHERE CUSTNMBR = :custnmbr"),
      Map.entry("ADDRESSES_FOR_CUSTOMERS", "SELECT CUSTNMBR, ADRSCODE, CNTCPRSN, ShipToName, ADDRESS1, ADDRESS2, ADDRESS3,"
          + " CITY, STATE, ZIP, COUNTRY, CCode, PHONE1 FROM RM00102 WHERE CUSTNMBR IN (:customers) ORDER BY CUSTNMBR, ADRSCODE"),
      Map.entry("EMAILS_FOR_CUSTOMERS", "SELECT Master_ID, ADRSCODE, INET1 FROM SY01200 WHERE Master_Type = 'CUS'"
          + " AND Master_ID IN (:customers) ORDER BY Master_ID, ADRSCODE"),
      Map.entry("CUSTOMERS_BY_EMAIL", "SELECT DISTINCT Master_ID FROM SY01200 WHERE Master_Type = 'CUS'"
          + " AND UPPER(TRIM(INET1)) = :email"),
      Map.entry("CUSTOMERS_BY_POSTAL_CODE", "SELECT DISTINCT c.CUSTNMBR, c.CNTCPRSN FROM RM00102 a"
          + " JOIN RM00101 c ON c.CUSTNMBR = a.CUSTNMBR WHERE REPLACE(REPLACE(UPPER(TRIM(a.ZIP)), ' ', ''), '-', '') = :zip"),
      Map.entry("SALES_DOCUMENTS_BY_PO", "SELECT SOPTYPE, SOPNUMBE, CSTPONBR FROM SOP10100 WHERE SOPTYPE = :soptype"
          + " AND TRIM(CSTPONBR) = :cstponbr UNION ALL SELECT SOPTYPE, SOPNUMBE, CSTPONBR FROM SOP30200"
          + " WHERE SOPTYPE = :soptype AND TRIM(CSTPONBR) = :cstponbr"),
      Map.entry("SALES_DOCUMENT_BY_NUMBER", "SELECT SOPTYPE, SOPNUMBE, CSTPONBR FROM SOP10100 WHERE SOPTYPE = :soptype"
          + " AND SOPNUMBE = :sopnumbe UNION ALL SELECT SOPTYPE, SOPNUMBE, CSTPONBR FROM SOP30200"
          + " WHERE SOPTYPE = :soptype AND SOPNUMBE = :sopnumbe"),
      Map.entry("CASH_RECEIPT_BY_NUMBER", "SELECT DOCNUMBR, CUSTNMBR FROM RM10201 WHERE DOCNUMBR = :docnumbr"),
      Map.entry("APPLICATION_BY_DOCUMENTS", "SELECT APFRDCNM, APTODCNM, APPTOAMT FROM RM20201 WHERE APFRDCTY = :apfrdcty"
          + " AND APFRDCNM = :apfrdcnm AND APTODCTY = :aptodcty AND APTODCNM = :aptodcnm UNION ALL"
          + " SELECT APFRDCNM, APTODCNM, APPTOAMT FROM RM30201 WHERE APFRDCTY = :apfrdcty AND APFRDCNM = :apfrdcnm"
          + " AND APTODCTY = :aptodcty AND APTODCNM = :aptodcnm"),
      Map.entry("CREDIT_MEMO_BY_NUMBER", "SELECT CUSTNMBR, DOCNUMBR, CSTPONBR, DOCAMNT FROM RM10301 WHERE RMDTYPAL = 7"
          + " AND CUSTNMBR = :custnmbr AND DOCNUMBR = :docnumbr UNION ALL SELECT CUSTNMBR, DOCNUMBR, CSPORNBR, ORTRXAMT"
          + " FROM RM20101 WHERE RMDTYPAL = 7 AND CUSTNMBR = :custnmbr AND DOCNUMBR = :docnumbr UNION ALL"
          + " SELECT CUSTNMBR, DOCNUMBR, CSPORNBR, ORTRXAMT FROM RM30101 WHERE RMDTYPAL = 7 AND CUSTNMBR = :custnmbr"
          + " AND DOCNUMBR = :docnumbr"),
      Map.entry("JOURNAL_BY_REFERENCE", "SELECT JRNENTRY FROM GL10000 WHERE TRIM(REFRENCE) = :refrence UNION ALL"
          + " SELECT JRNENTRY FROM GL20000 WHERE TRIM(REFRENCE) = :refrence"),
      Map.entry("SHIPMENTS_CHANGED", "SELECT h.SOPTYPE, h.SOPNUMBE, h.ORIGNUMB, h.CSTPONBR, h.SHIPMTHD, h.ACTLSHIP,"
          + " h.DOCDATE, h.CUSTNMBR, h.DEX_ROW_TS, t.Tracking_Number FROM SOP30200 h LEFT JOIN SOP10107 t"
          + " ON t.SOPNUMBE = h.SOPNUMBE AND t.SOPTYPE = h.SOPTYPE WHERE h.SOPTYPE = 3 AND h.VOIDSTTS = 0"
          + " AND h.DEX_ROW_TS >= :since ORDER BY h.DEX_ROW_TS, h.SOPNUMBE, t.Tracking_Number OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"),
      Map.entry("OPEN_INVOICES_CHANGED", "SELECT CUSTNMBR, DOCNUMBR, RMDTYPAL, DOCDATE, DUEDATE, ORTRXAMT, CURTRXAM,"
          + " CSPORNBR, CURNCYID, DEX_ROW_TS FROM RM20101 WHERE RMDTYPAL = 1 AND VOIDSTTS = 0 AND DEX_ROW_TS >= :since"
          + " ORDER BY DEX_ROW_TS, DOCNUMBR OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"),
      Map.entry("PRICE_FOR_CUSTOMER", "SELECT p.ITEMNMBR, p.PRCLEVEL, p.CURNCYID, p.UOFM, p.FROMQTY, p.TOQTY, p.UOMPRICE"
          + " FROM IV00108 p JOIN IV00101 i ON i.ITEMNMBR = p.ITEMNMBR LEFT JOIN RM00101 c ON c.CUSTNMBR = :custnmbr"
          + " WHERE p.ITEMNMBR = :item AND p.FROMQTY <= :qty AND p.TOQTY >= :qty AND TRIM(p.PRCLEVEL) ="
          + " COALESCE(NULLIF(TRIM(c.PRCLEVEL), ''), TRIM(i.PRCLEVEL)) ORDER BY p.FROMQTY DESC"),
      Map.entry("CUSTOMER_STANDING", "SELECT c.CUSTNMBR, c.HOLD, c.CRLMTTYP, c.CRLMTAMT, COALESCE((SELECT"
          + " SUM(CASE WHEN d.RMDTYPAL < 7 THEN d.CURTRXAM ELSE -d.CURTRXAM END) FROM RM20101 d"
          + " WHERE d.CUSTNMBR = c.CUSTNMBR AND d.VOIDSTTS = 0), 0) AS BALANCE FROM RM00101 c WHERE c.CUSTNMBR = :custnmbr"));

  private SimResponse query(SimRequest req) throws Exception {
    SimResponse refused = refuse(req);
    if (refused != null) {
      return refused;
    }
    String sql = QUERIES.get(req.param("name"));
    if (sql == null) {
      return error(404, "unknown-query", "no query " + req.param("name"));
    }
    JsonNode params = JSON.readTree(req.body()).path("params");
    List<Object> values = new ArrayList<>();
    StringBuilder bound = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":([A-Za-z]+)").matcher(sql);
    int last = 0;
    while (m.find()) {
      bound.append(sql, last, m.start());
      JsonNode v = params.path(m.group(1));
      if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          bound.append(i == 0 ? "?" : ", ?");
          values.add(value(v.get(i)));
        }
        if (v.isEmpty()) {
          bound.append("NULL");
        }
      } else {
        bound.append('?');
        values.add(value(v));
      }
      last = m.end();
    }
    bound.append(sql.substring(last));
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(bound.toString())) {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= meta.getColumnCount(); col++) {
            Object o = rs.getObject(col);
            if (o instanceof Timestamp t) {
              o = t.toLocalDateTime().toInstant(ZoneOffset.UTC).toString();
            } else if (o instanceof LocalDateTime t) {
              o = t.toInstant(ZoneOffset.UTC).toString();
            } else if (o instanceof String s) {
              o = s;   // char columns come back space-padded, as from SQL Server
            }
            row.put(meta.getColumnLabel(col).toUpperCase(java.util.Locale.ROOT), o);
          }
          rows.add(row);
        }
      }
    }
    return SimResponse.json(200, Map.of("rows", rows));
  }

  private static Object value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isNumber()) {
      return v.isIntegralNumber() ? (Object) v.asLong() : v.decimalValue();
    }
    String s = v.asText();
    if (s.matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
      return Timestamp.valueOf(LocalDateTime.ofInstant(Instant.parse(s), ZoneOffset.UTC));
    }
    return s;
  }

  // ---- stats -----------------------------------------------------------------------------------

  /**
   * What the company holds: sales documents per CSTPONBR (duplicates show as counts above 1), RM credit memos
   * (RMDTYPAL 7: unposted RM10301, open RM20101, history RM30101) in all and per CSTPONBR, credit memo numbers
   * GP holds in RM00401 without a document ({@code rmCreditMemoNumbersWithoutDocument}: what taRMTransaction
   * leaves for an unknown customer), the credit memos it refused as already there (error 190 from
   * taRMTransaction, or 7148 from the tax row of one still unposted: {@code rmDuplicatesRefused}), and counters.
   */
  public Map<String, Object> stats() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Integer> perPo = new java.util.TreeMap<>();
    Map<String, Integer> perType = new java.util.TreeMap<>();
    try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
        "SELECT SOPTYPE, TRIM(CSTPONBR) FROM SOP10100 UNION ALL SELECT SOPTYPE, TRIM(CSTPONBR) FROM SOP30200"
            + " WHERE SOPTYPE = 2 AND NOT EXISTS (SELECT 1 FROM SOP10100 w WHERE w.SOPNUMBE = SOP30200.SOPNUMBE"
            + " AND w.SOPTYPE = SOP30200.SOPTYPE)")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          perType.merge("SOPTYPE " + rs.getInt(1), 1, Integer::sum);
          String po = rs.getString(2);
          if (rs.getInt(1) == 2 && po != null && !po.isEmpty()) {
            perPo.merge(po, 1, Integer::sum);
          }
        }
      }
      out.put("salesOrdersByCstponbr", perPo);
      out.put("documentsBySoptype", perType);
      out.put("customers", count(c, "SELECT COUNT(*) FROM RM00101"));
      out.put("cashReceipts", count(c, "SELECT COUNT(*) FROM RM10201"));
      out.put("applications", count(c, "SELECT COUNT(*) FROM RM20201"));
      out.put("journalEntries", count(c, "SELECT COUNT(*) FROM GL10000"));
      Map<String, Integer> memos = creditMemosByCstponbr(c);
      out.put("rmCreditMemos", memos.values().stream().mapToInt(Integer::intValue).sum());
      out.put("rmCreditMemosByCstponbr", memos);
      out.put("rmCreditMemoNumbersWithoutDocument", count(c, "SELECT COUNT(*) FROM RM00401 n WHERE n.RMDTYPAL = 7"
          + " AND NOT EXISTS (SELECT 1 FROM RM10301 w WHERE w.RMDTYPAL = 7 AND w.DOCNUMBR = n.DOCNUMBR)"
          + " AND NOT EXISTS (SELECT 1 FROM RM20101 o WHERE o.RMDTYPAL = 7 AND o.DOCNUMBR = n.DOCNUMBR)"
          + " AND NOT EXISTS (SELECT 1 FROM RM30101 h WHERE h.RMDTYPAL = 7 AND h.DOCNUMBR = n.DOCNUMBR)"));
      out.put("rmDuplicatesRefused", rmNumbersRefused.get());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    out.put("executed", executed.get());
    out.put("rejected", rejected.get());
    synchronized (inbox) {
      out.put("queued", inbox.values().stream().filter(i -> i.status().equals("QUEUED")).count());
    }
    out.put("gpDown", down);
    return out;
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Sales orders (SOPTYPE 2) holding CSTPONBR {@code po}, work and history. */
  public int salesOrders(String po) {
    @SuppressWarnings("unchecked")
    Map<String, Integer> perPo = (Map<String, Integer>) stats().get("salesOrdersByCstponbr");
    return perPo.getOrDefault(po.toUpperCase(java.util.Locale.ROOT), 0);
  }

  /**
   * RM credit memos (RMDTYPAL 7) per CSTPONBR, the refunded storefront order number upper-cased: unposted
   * (RM10301), open (RM20101, CSPORNBR) and in history (RM30101); a refund entered twice shows as two under
   * its order. For audits, like {@link #salesOrders(String)}.
   */
  public Map<String, Integer> creditMemosByCstponbr() {
    try (Connection c = db.connect()) {
      return creditMemosByCstponbr(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** RM credit memos (RMDTYPAL 7) holding CSTPONBR {@code po}: unposted, open and history. */
  public int creditMemos(String po) {
    return creditMemosByCstponbr().getOrDefault(po.trim().toUpperCase(java.util.Locale.ROOT), 0);
  }

  private static Map<String, Integer> creditMemosByCstponbr(Connection c) throws SQLException {
    Map<String, Integer> out = new java.util.TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT TRIM(CSTPONBR) FROM RM10301 WHERE RMDTYPAL = 7 UNION ALL"
        + " SELECT TRIM(CSPORNBR) FROM RM20101 WHERE RMDTYPAL = 7 UNION ALL SELECT TRIM(CSPORNBR) FROM RM30101"
        + " WHERE RMDTYPAL = 7"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.merge(rs.getString(1).toUpperCase(java.util.Locale.ROOT), 1, Integer::sum);
      }
    }
    return out;
  }

  /**
   * Posts the unposted credit memos as GP's receivables posting would [P]: each RM10301 RMDTYPAL 7 document
   * moves to RM20101 as an open credit with CURTRXAM = its amount (nothing applied yet; it lowers the customer's
   * balance in {@code CUSTOMER_STANDING}), CSTPONBR becoming CSPORNBR, stamped now; its RM10601 tax rows leave
   * the work table (GP keeps them in tax history, which the simulator does not). Returns how many were posted.
   */
  public int postCreditMemos() {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      Timestamp now = GpSimDatabase.ts(options.clock.instant());
      int posted;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO RM20101 (CUSTNMBR, RMDTYPAL, DOCNUMBR, DOCDATE,"
          + " DUEDATE, ORTRXAMT, CURTRXAM, CSPORNBR, CURNCYID, DEX_ROW_TS) SELECT CUSTNMBR, RMDTYPAL, DOCNUMBR,"
          + " DOCDATE, DUEDATE, DOCAMNT, DOCAMNT, CSTPONBR, CURNCYID, ? FROM RM10301 WHERE RMDTYPAL = 7")) {
        ps.setTimestamp(1, now);
        posted = ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM RM10601 WHERE RMDTYPAL = 7 AND DOCNUMBR IN"
          + " (SELECT DOCNUMBR FROM RM10301 WHERE RMDTYPAL = 7)")) {
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM RM10301 WHERE RMDTYPAL = 7")) {
        ps.executeUpdate();
      }
      c.commit();
      return posted;
    } catch (SQLException e) {
      throw new IllegalStateException("simulator posting failed: " + e.getMessage(), e);
    }
  }

  // ---- plumbing --------------------------------------------------------------------------------

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setExpandEntityReferences(false);
    f.setXIncludeAware(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(options.secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return hex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  private static SimResponse error(int status, String code, String message) {
    return SimResponse.json(status, Map.of("error", code, "message", message));
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }

}
