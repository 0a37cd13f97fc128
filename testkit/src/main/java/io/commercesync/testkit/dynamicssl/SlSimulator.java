package io.commercesync.testkit.dynamicssl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.http.SimRequest;
import io.commercesync.testkit.http.SimResponse;
import io.commercesync.testkit.http.SimServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful, in-process simulator of a Dynamics SL REST API layer (the shape proposed in
 * {@code shared/reference/dynamics-sl.md} §1.1) over an in-memory SL database.
 *
 * <p>Like SL behind its screens it assigns {@code OrdNbr}, {@code BatNbr} and {@code ShipperID},
 * computes order totals, allocates stock in {@code ItemSite}, and refuses with RFC 9457 problems (the
 * shape of the sample {@code error-400.json}): values longer than their {@code CHAR(n)} column
 * ({@code MAX_LENGTH_EXCEEDED}), characters outside the database code page ({@code CODE_PAGE}),
 * columns the table does not have or spelled with the wrong case ({@code UNKNOWN_COLUMN}), unknown
 * {@code CustID}/{@code ShipViaID}/{@code SiteID}/{@code InvtID}/{@code Acct} ({@code NOT_FOUND}),
 * unbalanced GL batches ({@code UNBALANCED}) and an {@code OrdNbr}/{@code BatNbr} sent on create
 * ({@code ASSIGNED_BY_SL}). It honours {@code Idempotency-Key} (same key and body: the first answer
 * again; another body: 422 {@code IDEMPOTENCY_KEY_REUSED}) but, like SL, does not refuse a second order
 * with the same {@code CustOrdNbr}: {@code GET /_sim/stats} counts orders per {@code CustOrdNbr} so a
 * run can be audited for duplicates.
 *
 * <p>Credit memos are sales orders whose {@code SOTypeID} names an {@code SOType} of {@code Behavior}
 * {@code CM} (seeded: {@code CM}; an unknown {@code SOTypeID} is {@code NOT_FOUND}). They are validated
 * like orders (customer, items, sites; {@code OrigOrdNbr}, when given, must be an order of the company)
 * and found by the same {@code GET /api/SalesOrder?CustID=…&CustOrdNbr=…&SOTypeID=…}, but allocate no
 * stock and move none on entry: SL moves stock for a credit memo only when it is processed, which the
 * simulator does not model (and {@code fulfil} refuses them). {@code GET /_sim/stats} counts them apart
 * ({@code creditMemoOrders}, {@code creditMemosPerCustOrdNbr}, {@code duplicateCreditMemoNbrs}); the
 * order counts leave them out.
 *
 * <p>Money-only refunds are AR credit memos ({@code POST /api/AccountsReceivable/CreditMemo}: an
 * {@code ARDoc} of {@code DocType} {@code CM} with its {@code ARTran} lines), validated like payments (columns,
 * widths, code page; customer; {@code RefNbr} required, {@code CuryOrigDocAmt} &gt; 0; every {@code Acct} in
 * {@code Account}; {@code OrdNbr}, when given, an order of the company; Σ {@code D} − Σ {@code C} of the lines
 * = {@code CuryOrigDocAmt}, else {@code UNBALANCED}; 409 {@code DUPLICATE} for a second {@code CM} with the same
 * {@code CustId} + {@code RefNbr}), saved released and open for their whole amount ({@code CuryDocBal},
 * {@code OpenDoc} 1: a credit until applied) with an AR batch of {@code EditScrnNbr} {@code 08010}, and found by
 * {@code GET /api/AccountsReceivable/CreditMemo?CustId=…&DocType=CM&RefNbr=…}. {@code GET /_sim/stats} counts
 * them ({@code arCreditMemos}, {@code arCreditMemosPerRefNbr}, {@code arCreditMemosPerCustOrdNbr},
 * {@code duplicateArCreditMemos}); {@link #arCreditMemosPerRefNbr()} gives the same map to tests.
 *
 * <p>Tables can be mirrored into a JDBC database ({@link Builder#jdbcUrl(String)}, e.g. an H2
 * in-memory database in MSSQLServer mode) with SL's table names, column names and types, so change
 * polling runs its real SQL against what the simulator did; {@code LUpd_DateTime} is the simulator
 * clock's local time in the configured zone at minute precision, as SL writes it.
 *
 * <pre>{@code
 * try (SlSimulator sl = SlSimulator.builder().faults(FaultSchedule.none()).jdbcUrl("jdbc:h2:mem:sl;MODE=MSSQLServer").start()) {
 *   URI base = sl.baseUri();                      // credentials: X-API-Key sim-key, X-API-Secret sim-secret
 *   sl.fulfil("0060", "WO004512", List.of("1Z999AA10123456784"), null);   // creates a shipper
 * }
 * }</pre>
 *
 * <p>{@code /_sim/} routes (never faulted): {@code GET /_sim/stats}, {@code POST /_sim/reset},
 * {@code POST /_sim/orders/{OrdNbr}/fulfil?CpnyID=…} with {@code {"boxes":["1Z…"],"TrackingNbr":"…"}}.
 */
public final class SlSimulator implements AutoCloseable {

  static final String PROBLEM_BASE = "https://sl-api.example.com/problems/";

  private final SimServer server;
  private final SlStore store;
  private final ObjectMapper json = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();
  private final Charset codePage;
  private final String apiKey;
  private final String apiSecret;
  private final String bearerToken;
  private final long seed;
  private final Map<String, Object[]> idempotency = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();

  private SlSimulator(Builder b) {
    this.codePage = b.codePage;
    this.apiKey = b.apiKey;
    this.apiSecret = b.apiSecret;
    this.bearerToken = b.bearerToken;
    this.seed = b.seed;
    this.store = new SlStore(b.clock, b.zone, b.jdbcUrl);
    SlSeed.seed(store, json, seed);
    this.server = SimServer.start("dynamics-sl", b.port, b.faults);
    routes();
  }

  /** Starts configuring a simulator. */
  public static Builder builder() {
    return new Builder();
  }

  /** A simulator with defaults and {@code faults}. */
  public static SlSimulator start(FaultSchedule faults) {
    return builder().faults(faults).start();
  }

  /** Runs a simulator on {@code args[0]} (default 8089) until the process ends. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
    SlSimulator sim = builder().port(port).start();
    System.out.println("Dynamics SL simulator on " + sim.baseUri() + " (X-API-Key sim-key, X-API-Secret sim-secret)");
    Thread.currentThread().join();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  /** The HTTP server (request log, fault schedule). */
  public SimServer server() {
    return server;
  }

  /** The JDBC URL the tables are mirrored to, or null. */
  public String jdbcUrl() {
    return store.jdbcUrl();
  }

  /** Orders (credit memos left out) held per {@code CustOrdNbr} (trimmed), for duplicate audits. */
  public Map<String, Integer> ordersPerCustOrdNbr() {
    return perCustOrdNbr(false);
  }

  /**
   * Credit memo orders (order type of behaviour {@code CM}) held per {@code CustOrdNbr} (the storefront
   * credit memo number, trimmed), for "exactly once" audits of returns.
   */
  public Map<String, Integer> creditMemosPerCustOrdNbr() {
    return perCustOrdNbr(true);
  }

  /**
   * AR credit memos ({@code ARDoc} of {@code DocType} {@code CM}: money-only refunds) held per {@code RefNbr}
   * (trimmed), across customers and companies, for "exactly once"
   * audits. SL's key ({@code CustId}, {@code DocType}, {@code RefNbr}) refuses a second one for the same
   * customer (409 {@code DUPLICATE}), so a count above 1 means the same refund number was entered for another
   * customer or company; {@code GET /_sim/stats} lists those as {@code duplicateArCreditMemos}.
   */
  public Map<String, Integer> arCreditMemosPerRefNbr() {
    return perColumn(store.select("ARDoc", r -> same(r, "DocType", "CM")), "RefNbr");
  }

  /**
   * AR credit memos held per {@code CustOrdNbr} (the storefront order they refund, trimmed). An
   * order may rightly have several refunds, so this is a trace, not a duplicate count.
   */
  public Map<String, Integer> arCreditMemosPerCustOrdNbr() {
    return perColumn(store.select("ARDoc", r -> same(r, "DocType", "CM")), "CustOrdNbr");
  }

  /** How many of {@code rows} hold each (trimmed, non-blank) value of {@code column}. */
  private static Map<String, Integer> perColumn(List<ObjectNode> rows, String column) {
    Map<String, Integer> out = new TreeMap<>();
    for (ObjectNode row : rows) {
      String v = text(row, column);
      if (!v.isEmpty()) {
        out.merge(v, 1, Integer::sum);
      }
    }
    return out;
  }

  private Map<String, Integer> perCustOrdNbr(boolean creditMemos) {
    return perColumn(store.select("SOHeader", r -> isCreditMemo(r) == creditMemos), "CustOrdNbr");
  }

  /** The row of {@code table} with primary key {@code key}, as JSON text, or null (for tests). */
  public String row(String table, String... key) {
    ObjectNode row = store.get(table, key);
    return row == null ? null : row.toString();
  }

  /**
   * Ships order {@code ordNbr} completely: creates an SOShipHeader (Status {@code C}), one SOShipLine per
   * order line and one SOShipPack per box with its tracking number; closes the order and moves stock.
   *
   * @return the new {@code ShipperID}
   * @throws IllegalArgumentException if the order does not exist or a tracking number is too long
   */
  public String fulfil(String cpnyId, String ordNbr, List<String> boxTrackingNumbers, String headerTrackingNbr) {
    ObjectNode body = json.createObjectNode();
    ArrayNode boxes = body.putArray("boxes");
    boxTrackingNumbers.forEach(boxes::add);
    if (headerTrackingNbr != null) {
      body.put("TrackingNbr", headerTrackingNbr);
    }
    SimResponse r = fulfil(cpnyId, ordNbr, body);
    try {
      JsonNode answer = json.readTree(r.body());
      if (r.status() != 201) {
        throw new IllegalArgumentException("cannot fulfil " + ordNbr + ": " + answer);
      }
      return answer.path("SOShipHeader").path("ShipperID").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every row of {@code table} as JSON text (for tests and audits). */
  public List<String> rows(String table) {
    return store.select(table, r -> true).stream().map(ObjectNode::toString).toList();
  }

  /**
   * Inserts or replaces a row of {@code table} as an SL screen would save it (audit columns stamped, the JDBC
   * mirror updated), e.g. a customer that already exists in SL before a sync. Widths and columns are checked.
   *
   * @throws IllegalArgumentException naming the offending column when the row does not fit the table
   */
  public void put(String table, String rowJson) {
    ObjectNode row;
    try {
      row = (ObjectNode) json.readTree(rowJson);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON row object: " + e.getMessage(), e);
    }
    List<ObjectNode> errors = new ArrayList<>();
    validateRow(table, row, "", errors);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("row does not fit " + table + ": " + errors);
    }
    store.put(table, row, "WEBSIM");
  }

  /**
   * Invoices shipper {@code shipperId} as SL's Sales Journal does: an open {@code ARDoc} of type {@code IN}
   * for the shipped amount, carrying the order's {@code CustOrdNbr} and {@code OrdNbr}, its number written
   * back to {@code SOShipHeader.InvcNbr}. Returns the invoice's {@code RefNbr}.
   *
   * @throws IllegalArgumentException when the shipper does not exist
   */
  public String invoice(String cpnyId, String shipperId) {
    ObjectNode shipper = store.get("SOShipHeader", cpnyId, shipperId);
    if (shipper == null) {
      throw new IllegalArgumentException("no shipper " + shipperId + " in company " + cpnyId);
    }
    ObjectNode order = store.get("SOHeader", cpnyId, text(shipper, "OrdNbr"));
    String refNbr = String.format("IN%06d", counter("invoice:" + cpnyId, 20000));
    BigDecimal amount = num(shipper, "CuryTotInvc");
    String date = store.today().toString();
    ObjectNode d = json.createObjectNode();
    d.put("CpnyID", cpnyId).put("CustId", text(shipper, "CustID")).put("DocType", "IN").put("RefNbr", refNbr)
        .put("BatNbr", String.format("%06d", counter("batch:" + cpnyId, 3000))).put("DocDate", date)
        .put("CuryOrigDocAmt", amount).put("OrigDocAmt", amount).put("CuryDocBal", amount).put("DocBal", amount)
        .put("CuryId", order == null || text(order, "CuryID").isEmpty() ? "USD" : text(order, "CuryID"))
        .put("PerPost", date.substring(0, 4) + date.substring(5, 7)).put("OrdNbr", text(shipper, "OrdNbr"))
        .put("CustOrdNbr", text(shipper, "CustOrdNbr")).put("Status", "A").put("Rlsed", 1).put("OpenDoc", 1);
    store.put("ARDoc", d, "40690");
    shipper.put("InvcNbr", refNbr);
    store.put("SOShipHeader", shipper, "40690");
    return refNbr;
  }

  /**
   * Adds a site (warehouse) to company {@code cpnyId} ({@code Site}), as SL's site maintenance screen
   * would; items get stock there with {@link #addItems} or {@link #setStock}.
   */
  public void addSite(String siteId, String name, String cpnyId) {
    SlSeed.site(store, json, siteId, name, cpnyId);
  }

  /**
   * Adds {@code count} stock items {@code prefix0000001}… ({@code Inventory}, base price and quantities
   * drawn from {@code seed}), each with an {@code ItemSite} row at every site of {@code sites} in
   * {@code cpnyId}: on hand 0–199, allocated up to a quarter of it, {@code QtyAvail} = on hand −
   * allocated. For tests that need a catalogue of realistic size (10,000 items); returns the ids.
   */
  public List<String> addItems(String prefix, int count, String cpnyId, List<String> sites, long seed) {
    java.util.Random random = new java.util.Random(seed);
    List<String> ids = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      String invtId = prefix + String.format("%07d", i);
      BigDecimal price = BigDecimal.valueOf(199 + random.nextInt(20_000), 2);
      SlSeed.item(store, json, invtId, "Generated item " + i, "GEN", price, String.format("0%011d", i), "Grey");
      for (String site : sites) {
        int onHand = random.nextInt(200);
        int alloc = random.nextInt(Math.max(1, onHand / 4 + 1));
        SlSeed.itemSite(store, json, invtId, site, cpnyId, onHand, alloc, alloc, 0, 0,
            price.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN).toPlainString());
      }
      ids.add(invtId);
    }
    return ids;
  }

  /**
   * Sets the stock of {@code invtId} at {@code siteId} as SL's screens would after a receipt, an
   * adjustment or an allocation: {@code QtyOnHand}, {@code QtyAlloc} (and {@code QtyAllocSO}),
   * {@code QtyAvail} = on hand − allocated, {@code LUpd_DateTime} stamped now. Creates the
   * {@code ItemSite} row when the item has none there.
   */
  public void setStock(String cpnyId, String invtId, String siteId, BigDecimal onHand, BigDecimal allocated) {
    ObjectNode row = store.get("ItemSite", invtId, siteId);
    if (row == null) {
      row = json.createObjectNode().put("InvtID", invtId).put("SiteID", siteId).put("CpnyID", cpnyId);
    }
    row.put("QtyOnHand", onHand).put("QtyAlloc", allocated).put("QtyAllocSO", allocated)
        .put("QtyAvail", onHand.subtract(allocated));
    store.put("ItemSite", row, "10030");
  }

  /** Sets {@code Inventory.StkBasePrc} of {@code invtId} as the inventory maintenance screen would. */
  public void setBasePrice(String invtId, BigDecimal price) {
    ObjectNode row = store.get("Inventory", invtId);
    if (row == null) {
      throw new IllegalArgumentException("no SL item " + invtId);
    }
    row.put("StkBasePrc", price);
    store.put("Inventory", row, "10250");
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }

  // ------------------------------------------------------------------------------------------ routes

  private void routes() {
    server.route("GET", "/_sim/stats", req -> SimResponse.json(200, stats()));
    server.route("POST", "/_sim/reset", req -> {
      store.clear();
      idempotency.clear();
      counters.clear();
      SlSeed.seed(store, json, seed);
      return SimResponse.json(200, Map.of("reset", true));
    });
    server.route("POST", "/_sim/orders/{ordNbr}/fulfil", req -> {
      JsonNode body = req.body().length == 0 ? json.createObjectNode() : json.readTree(req.body());
      return fulfil(req.queryParam("CpnyID").orElse("0060"), req.param("ordNbr"), body);
    });

    server.route("POST", "/api/SalesOrder", req -> guarded(req, true, this::createOrder));
    server.route("GET", "/api/SalesOrder", req -> guarded(req, true, this::findOrders));
    server.route("GET", "/api/SalesOrder/{ordNbr}", req -> guarded(req, true, this::getOrder));
    server.route("PUT", "/api/SalesOrder/{ordNbr}", req -> guarded(req, true, this::updateOrder));

    server.route("POST", "/api/Customer", req -> guarded(req, false, this::createCustomer));
    server.route("GET", "/api/Customer", req -> guarded(req, false, this::searchCustomers));
    server.route("GET", "/api/Customer/{custId}", req -> guarded(req, false, this::getCustomer));
    server.route("PUT", "/api/Customer/{custId}", req -> guarded(req, false, this::updateCustomer));

    server.route("POST", "/api/GeneralLedger/Transactions", req -> guarded(req, true, this::createBatch));
    server.route("GET", "/api/GeneralLedger/Transactions", req -> guarded(req, true, this::findBatches));

    server.route("POST", "/api/AccountsReceivable/Payment", req -> guarded(req, true, this::createPayment));
    server.route("GET", "/api/AccountsReceivable/Payment", req -> guarded(req, true, this::findPayments));
    server.route("POST", "/api/AccountsReceivable/CreditMemo", req -> guarded(req, true, this::createArCreditMemo));
    server.route("GET", "/api/AccountsReceivable/CreditMemo", req -> guarded(req, true, this::findArCreditMemos));
    server.route("GET", "/api/AccountsReceivable/Documents", req -> guarded(req, true, this::findArDocs));

    server.route("GET", "/api/Inventory", req -> guarded(req, true, this::getInventory));
    server.route("PUT", "/api/Inventory", req -> guarded(req, true, this::putInventory));
    server.route("GET", "/api/Product/{invtId}", req -> guarded(req, false, this::getProduct));
    server.route("PUT", "/api/Product/{invtId}", req -> guarded(req, false, this::putProduct));

    server.route("GET", "/api/Shipper", req -> guarded(req, true, this::findShippers));
    server.route("GET", "/api/Shipper/{shipperId}", req -> guarded(req, true, this::getShipper));
  }

  @FunctionalInterface
  private interface Handler {
    SimResponse handle(SimRequest req, String cpnyId) throws Exception;
  }

  /** Auth, company and idempotency around a handler. */
  private SimResponse guarded(SimRequest req, boolean companyScoped, Handler handler) throws Exception {
    boolean keyOk = apiKey != null && apiKey.equals(req.header("X-API-Key").orElse(null))
        && apiSecret.equals(req.header("X-API-Secret").orElse(null));
    boolean bearerOk = bearerToken != null
        && ("Bearer " + bearerToken).equals(req.header("Authorization").orElse(null));
    if (!keyOk && !bearerOk) {
      return problem(401, "UNAUTHORIZED", "Authentication failed", "The API key and secret, or the bearer token,"
          + " were missing or wrong.", req.path(), List.of());
    }
    String cpny = req.header("X-SL-CpnyID").orElse(req.queryParam("CpnyID").orElse(null));
    if (companyScoped) {
      if (cpny == null || cpny.isBlank()) {
        return problem(400, "VALIDATION_FAILED", "Request validation failed", "CpnyID is required on every"
            + " company-scoped call (X-SL-CpnyID header or CpnyID parameter).", req.path(), List.of());
      }
      if (!SlSeed.COMPANIES.contains(cpny.strip().toUpperCase(Locale.ROOT))) {
        return problem(404, "NOT_FOUND", "Company not found", "CpnyID '" + cpny + "' does not exist.",
            req.path(), List.of());
      }
    }
    String key = req.header("Idempotency-Key").orElse(null);
    if (key == null || req.method().equals("GET")) {
      return handler.handle(req, cpny == null ? null : cpny.strip());
    }
    String scoped = req.method() + " " + req.path() + " " + key;
    String hash = sha256(req.body());
    synchronized (idempotency) {
      Object[] earlier = idempotency.get(scoped);
      if (earlier != null) {
        if (!earlier[0].equals(hash)) {
          return problem(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
              "Idempotency-Key " + key + " was used with a different request body.", req.path(), List.of());
        }
        return (SimResponse) earlier[1];
      }
      SimResponse response = handler.handle(req, cpny == null ? null : cpny.strip());
      if (response.status() < 500) {
        idempotency.put(scoped, new Object[] {hash, response});
      }
      return response;
    }
  }

  // ------------------------------------------------------------------------------------------ sales orders

  private SimResponse createOrder(SimRequest req, String cpny) throws Exception {
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    List<ObjectNode> errors = new ArrayList<>();
    JsonNode h = body.get("SOHeader");
    JsonNode lines = body.get("SOLine");
    if (h == null || !h.isObject()) {
      errors.add(error("/SOHeader", "SOHeader", null, "REQUIRED", "SOHeader is required."));
    }
    if (lines == null || !lines.isArray() || lines.isEmpty()) {
      errors.add(error("/SOLine", "SOLine", null, "REQUIRED", "At least one SOLine is required."));
    }
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "sales order");
    }
    validateRow("SOHeader", h, "/SOHeader", errors);
    for (int i = 0; i < lines.size(); i++) {
      validateRow("SOLine", lines.get(i), "/SOLine/" + i, errors);
    }
    if (!text(h, "OrdNbr").isEmpty()) {
      errors.add(error("/SOHeader/OrdNbr", "SOHeader", "OrdNbr", "ASSIGNED_BY_SL",
          "OrdNbr is assigned by SL from the order type's numbering; do not send it."));
    }
    checkCompany(h, cpny, "/SOHeader", "SOHeader", errors);
    checkOrderReferences(h, lines, cpny, errors);
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "sales order");
    }
    // SL numbers each order type from its own SOType.LastOrdNbr / OrdNbrPrefix
    String ordNbr = isCreditMemo(h, cpny) ? String.format("CM%06d", counter("credit memo:" + cpny, 100))
        : String.format("WO%06d", counter("order:" + cpny, 4511));
    ObjectNode doc = saveOrder(cpny, ordNbr, (ObjectNode) h, lines, null);
    return SimResponse.json(201, doc);
  }

  private SimResponse updateOrder(SimRequest req, String cpny) throws Exception {
    String ordNbr = req.param("ordNbr");
    ObjectNode existing = store.get("SOHeader", cpny, ordNbr);
    if (existing == null) {
      return notFound(req, "SOHeader", "OrdNbr", ordNbr, cpny);
    }
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    List<ObjectNode> errors = new ArrayList<>();
    JsonNode h = body.path("SOHeader");
    JsonNode lines = body.path("SOLine");
    validateRow("SOHeader", h, "/SOHeader", errors);
    for (int i = 0; i < lines.size(); i++) {
      validateRow("SOLine", lines.get(i), "/SOLine/" + i, errors);
    }
    checkOrderReferences(h, lines, cpny, errors);
    if ("C".equals(text(existing, "Status"))) {
      errors.add(error("/SOHeader/Status", "SOHeader", "Status", "CLOSED", "Order " + ordNbr + " is closed."));
    }
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "sales order");
    }
    for (ObjectNode old : store.select("SOLine", r -> same(r, "CpnyID", cpny) && same(r, "OrdNbr", ordNbr))) {
      if (!isCreditMemo(existing, cpny)) {
        allocate(cpny, text(old, "InvtID"), text(old, "SiteID"), num(old, "QtyOrd").negate());
      }
    }
    return SimResponse.json(200, saveOrder(cpny, ordNbr, (ObjectNode) h, lines, existing));
  }

  private void checkOrderReferences(JsonNode h, JsonNode lines, String cpny, List<ObjectNode> errors) {
    String type = text(h, "SOTypeID");
    if (!type.isEmpty() && type.length() <= 4 && store.get("SOType", cpny, type) == null) {
      errors.add(error("/SOHeader/SOTypeID", "SOHeader", "SOTypeID", "NOT_FOUND",
          "SOTypeID '" + type + "' does not exist for CpnyID '" + cpny + "'."));
    }
    String orig = text(h, "OrigOrdNbr");
    if (!orig.isEmpty() && orig.length() <= 15 && store.get("SOHeader", cpny, orig) == null) {
      errors.add(error("/SOHeader/OrigOrdNbr", "SOHeader", "OrigOrdNbr", "NOT_FOUND",
          "OrigOrdNbr '" + orig + "' does not exist for CpnyID '" + cpny + "'."));
    }
    String custId = text(h, "CustID");
    if (custId.isEmpty()) {
      errors.add(error("/SOHeader/CustID", "SOHeader", "CustID", "REQUIRED", "CustID is required."));
    } else if (store.get("Customer", custId) == null) {
      errors.add(error("/SOHeader/CustID", "SOHeader", "CustID", "NOT_FOUND",
          "CustID '" + custId + "' does not exist."));
    }
    String shipVia = text(h, "ShipViaID");
    if (!shipVia.isEmpty() && store.get("ShipVia", cpny, shipVia) == null) {
      errors.add(error("/SOHeader/ShipViaID", "SOHeader", "ShipViaID", "NOT_FOUND",
          "ShipViaID '" + shipVia + "' does not exist for CpnyID '" + cpny + "'."));
    }
    for (int i = 0; i < lines.size(); i++) {
      JsonNode l = lines.get(i);
      String invt = text(l, "InvtID");
      if (invt.isEmpty()) {
        errors.add(error("/SOLine/" + i + "/InvtID", "SOLine", "InvtID", "REQUIRED", "InvtID is required."));
      } else if (invt.length() <= 30 && store.get("Inventory", invt) == null) {
        errors.add(error("/SOLine/" + i + "/InvtID", "SOLine", "InvtID", "NOT_FOUND",
            "InvtID '" + invt + "' does not exist."));
      }
      String site = text(l, "SiteID");
      if (!site.isEmpty() && site.length() <= 10
          && store.select("Site", r -> same(r, "SiteId", site) && same(r, "CpnyID", cpny)).isEmpty()) {
        errors.add(error("/SOLine/" + i + "/SiteID", "SOLine", "SiteID", "NOT_FOUND",
            "SiteID '" + site + "' does not exist for CpnyID '" + cpny + "'."));
      }
      BigDecimal qty = num(l, "QtyOrd");
      if (qty.signum() <= 0) {
        errors.add(error("/SOLine/" + i + "/QtyOrd", "SOLine", "QtyOrd", "RANGE", "QtyOrd must be > 0."));
      }
    }
  }

  private ObjectNode saveOrder(String cpny, String ordNbr, ObjectNode h, JsonNode lines, ObjectNode existing) {
    ObjectNode header = existing != null ? existing : json.createObjectNode();
    h.fields().forEachRemaining(f -> header.set(f.getKey(), f.getValue()));
    header.put("CpnyID", cpny);
    header.put("OrdNbr", ordNbr);
    header.put("Status", existing != null ? text(existing, "Status") : "O");
    // a credit memo allocates nothing: SL moves its stock when it is processed, not on entry
    boolean creditMemo = isCreditMemo(header, cpny);
    String curyId = text(header, "CuryID").isEmpty() ? "USD" : text(header, "CuryID");
    header.put("CuryID", curyId);
    header.put("CuryRate", BigDecimal.ONE);
    int scale = java.util.Currency.getInstance(curyId).getDefaultFractionDigits();
    LocalDate ordDate = text(header, "OrdDate").isEmpty() ? store.today() : LocalDate.parse(text(header, "OrdDate"));
    header.put("OrdDate", ordDate.toString());
    header.put("PerPost", String.format("%04d%02d", ordDate.getYear(), ordDate.getMonthValue()));
    ArrayNode savedLines = json.createArrayNode();
    BigDecimal merch = BigDecimal.ZERO;
    for (ObjectNode old : store.select("SOLine", r -> same(r, "CpnyID", cpny) && same(r, "OrdNbr", ordNbr))) {
      store.delete("SOLine", cpny, ordNbr, text(old, "LineRef"));
    }
    for (int i = 0; i < lines.size(); i++) {
      ObjectNode line = ((ObjectNode) lines.get(i)).deepCopy();
      line.put("CpnyID", cpny);
      line.put("OrdNbr", ordNbr);
      if (text(line, "LineRef").isEmpty()) {
        line.put("LineRef", String.format("%05d", i + 1));
      }
      line.put("LineNbr", i + 1);
      line.put("Status", "O");
      BigDecimal price = num(line, "CurySlsPrice");
      BigDecimal qty = num(line, "QtyOrd");
      BigDecimal ext = qty.multiply(price).setScale(scale, RoundingMode.HALF_EVEN);
      line.put("SlsPrice", price);
      line.put("CurySlsPrice", price);
      line.put("QtyShip", BigDecimal.ZERO);
      line.put("QtyBO", BigDecimal.ZERO);
      line.put("TotOrd", ext);
      line.put("CuryTotOrd", ext);
      if (!line.has("DiscPct")) {
        line.put("DiscPct", BigDecimal.ZERO);
      }
      merch = merch.add(ext);
      savedLines.add(store.put("SOLine", line, "40100"));
      if (!creditMemo) {
        allocate(cpny, text(line, "InvtID"), text(line, "SiteID"), qty);
      }
    }
    BigDecimal disc = num(header, "CuryWholeOrdDisc");
    BigDecimal frt = num(header, "CuryTotFrt");
    BigDecimal misc = num(header, "CuryTotMisc");
    BigDecimal tax = num(header, "CuryTotTax");
    BigDecimal total = merch.subtract(disc).add(frt).add(misc).add(tax);
    for (String[] pair : new String[][] {{"TotMerch", merch.toPlainString()}, {"TotLineDisc", "0"},
        {"WholeOrdDisc", disc.toPlainString()}, {"TotFrt", frt.toPlainString()}, {"TotMisc", misc.toPlainString()},
        {"TotTax", tax.toPlainString()}, {"TotOrd", total.toPlainString()}}) {
      BigDecimal v = new BigDecimal(pair[1]).setScale(scale, RoundingMode.HALF_EVEN);
      header.put(pair[0], v);
      header.put("Cury" + pair[0], v);
    }
    header.put("LineCntr", lines.size());
    for (String flag : List.of("AdminHold", "CreditHold", "Cancelled")) {
      if (!header.has(flag)) {
        header.put(flag, 0);
      }
    }
    ObjectNode doc = json.createObjectNode();
    doc.set("SOHeader", store.put("SOHeader", header, "40100"));
    doc.set("SOLine", savedLines);
    return doc;
  }

  /** Moves {@code qty} into (or, negative, out of) allocation at a site, as SL's order entry does. */
  private void allocate(String cpny, String invtId, String siteId, BigDecimal qty) {
    ObjectNode site = store.get("ItemSite", invtId, siteId);
    if (site == null) {
      return;
    }
    site.put("QtyAllocSO", num(site, "QtyAllocSO").add(qty));
    site.put("QtyAlloc", num(site, "QtyAlloc").add(qty));
    site.put("QtyCustOrd", num(site, "QtyCustOrd").add(qty));
    site.put("QtyAvail", num(site, "QtyOnHand").subtract(num(site, "QtyAlloc")));
    store.put("ItemSite", site, "40100");
  }

  private SimResponse getOrder(SimRequest req, String cpny) {
    ObjectNode doc = orderDoc(cpny, req.param("ordNbr"));
    return doc == null ? notFound(req, "SOHeader", "OrdNbr", req.param("ordNbr"), cpny) : SimResponse.json(200, doc);
  }

  private SimResponse findOrders(SimRequest req, String cpny) {
    String custId = req.queryParam("CustID").orElse(null);
    String ref = req.queryParam("CustOrdNbr").orElse(null);
    String type = req.queryParam("SOTypeID").orElse(null);
    ArrayNode out = json.createArrayNode();
    for (ObjectNode h : store.select("SOHeader", r -> same(r, "CpnyID", cpny)
        && (custId == null || same(r, "CustID", custId)) && (ref == null || same(r, "CustOrdNbr", ref))
        && (type == null || same(r, "SOTypeID", type)))) {
      out.add(orderDoc(cpny, text(h, "OrdNbr")));
    }
    return SimResponse.json(200, out);
  }

  /** Whether {@code header}'s order type has SL's credit memo behaviour ({@code SOType.Behavior} = {@code CM}). */
  private boolean isCreditMemo(JsonNode header, String cpny) {
    String type = text(header, "SOTypeID");
    ObjectNode soType = type.isEmpty() ? null : store.get("SOType", cpny, type);
    return soType != null && "CM".equalsIgnoreCase(text(soType, "Behavior"));
  }

  private boolean isCreditMemo(ObjectNode header) {
    return isCreditMemo(header, text(header, "CpnyID"));
  }

  private ObjectNode orderDoc(String cpny, String ordNbr) {
    ObjectNode h = store.get("SOHeader", cpny, ordNbr);
    if (h == null) {
      return null;
    }
    ObjectNode doc = json.createObjectNode();
    doc.set("SOHeader", h);
    ArrayNode lines = doc.putArray("SOLine");
    store.select("SOLine", r -> same(r, "CpnyID", cpny) && same(r, "OrdNbr", ordNbr))
        .forEach(lines::add);
    return doc;
  }

  // ------------------------------------------------------------------------------------------ customers

  private SimResponse createCustomer(SimRequest req, String cpny) throws Exception {
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    List<ObjectNode> errors = new ArrayList<>();
    JsonNode c = body.get("Customer");
    if (c == null || !c.isObject()) {
      return validationFailed(req, List.of(error("/Customer", "Customer", null, "REQUIRED", "Customer is required.")),
          "customer");
    }
    validateCustomer(body, errors);
    String custId = text(c, "CustId");
    if (custId.isEmpty()) {
      errors.add(error("/Customer/CustId", "Customer", "CustId", "REQUIRED", "CustId is required."));
    }
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "customer");
    }
    if (store.get("Customer", custId) != null) {
      return problem(409, "DUPLICATE", "Customer exists", "CustId '" + custId + "' already exists.", req.path(),
          List.of(error("/Customer/CustId", "Customer", "CustId", "DUPLICATE", "CustId '" + custId + "' already exists.")));
    }
    return SimResponse.json(201, saveCustomer(custId, body, null));
  }

  private SimResponse updateCustomer(SimRequest req, String cpny) throws Exception {
    String custId = req.param("custId");
    ObjectNode existing = store.get("Customer", custId);
    if (existing == null) {
      return notFound(req, "Customer", "CustId", custId, null);
    }
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    List<ObjectNode> errors = new ArrayList<>();
    validateCustomer(body, errors);
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "customer");
    }
    return SimResponse.json(200, saveCustomer(custId, body, existing));
  }

  private void validateCustomer(JsonNode body, List<ObjectNode> errors) {
    validateRow("Customer", body.get("Customer"), "/Customer", errors);
    JsonNode addresses = body.path("SOAddress");
    for (int i = 0; i < addresses.size(); i++) {
      validateRow("SOAddress", addresses.get(i), "/SOAddress/" + i, errors);
      if (text(addresses.get(i), "ShipToId").isEmpty()) {
        errors.add(error("/SOAddress/" + i + "/ShipToId", "SOAddress", "ShipToId", "REQUIRED", "ShipToId is required."));
      }
    }
  }

  private ObjectNode saveCustomer(String custId, JsonNode body, ObjectNode existing) {
    ObjectNode row = existing != null ? existing : json.createObjectNode();
    body.get("Customer").fields().forEachRemaining(f -> row.set(f.getKey(), f.getValue()));
    row.put("CustId", existing != null ? text(existing, "CustId") : custId);
    if (text(row, "Status").isEmpty()) {
      row.put("Status", "A");
    }
    store.put("Customer", row, "08260");
    JsonNode addresses = body.path("SOAddress");
    for (JsonNode a : addresses) {
      ObjectNode copy = ((ObjectNode) a).deepCopy();
      copy.put("CustId", text(row, "CustId"));
      store.put("SOAddress", copy, "08260");
    }
    return customerDoc(text(row, "CustId"));
  }

  private ObjectNode customerDoc(String custId) {
    ObjectNode c = store.get("Customer", custId);
    if (c == null) {
      return null;
    }
    ObjectNode doc = json.createObjectNode();
    doc.set("Customer", c);
    ArrayNode addresses = doc.putArray("SOAddress");
    store.select("SOAddress", r -> same(r, "CustId", custId)).forEach(addresses::add);
    return doc;
  }

  private SimResponse getCustomer(SimRequest req, String cpny) {
    ObjectNode doc = customerDoc(req.param("custId"));
    return doc == null ? notFound(req, "Customer", "CustId", req.param("custId"), null) : SimResponse.json(200, doc);
  }

  private SimResponse searchCustomers(SimRequest req, String cpny) {
    String email = req.queryParam("EMailAddr").orElse(null);
    String name = req.queryParam("Name").orElse(null);
    String zip = req.queryParam("Zip").orElse(null);
    ArrayNode out = json.createArrayNode();
    for (ObjectNode c : store.select("Customer", r -> (email == null || same(r, "EMailAddr", email))
        && (name == null || same(r, "Name", name))
        && (zip == null || same(r, "Zip", zip) || same(r, "BillZip", zip)))) {
      out.add(customerDoc(text(c, "CustId")));
    }
    return SimResponse.json(200, out);
  }

  // ------------------------------------------------------------------------------------------ GL

  private SimResponse createBatch(SimRequest req, String cpny) throws Exception {
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    List<ObjectNode> errors = new ArrayList<>();
    JsonNode batch = body.get("Batch");
    JsonNode trans = body.get("GLTran");
    if (batch == null || !batch.isObject() || trans == null || !trans.isArray() || trans.size() < 2) {
      return validationFailed(req, List.of(error("/GLTran", "GLTran", null, "REQUIRED",
          "A Batch and at least two GLTran lines are required.")), "GL batch");
    }
    validateRow("Batch", batch, "/Batch", errors);
    checkCompany(batch, cpny, "/Batch", "Batch", errors);
    if (!text(batch, "BatNbr").isEmpty()) {
      errors.add(error("/Batch/BatNbr", "Batch", "BatNbr", "ASSIGNED_BY_SL", "BatNbr is assigned by SL; do not send it."));
    }
    if (!"GL".equals(text(batch, "Module"))) {
      errors.add(error("/Batch/Module", "Batch", "Module", "INVALID", "Module must be GL on this endpoint."));
    }
    if (!text(batch, "PerPost").matches("\\d{4}(0[1-9]|1[0-3])")) {
      errors.add(error("/Batch/PerPost", "Batch", "PerPost", "INVALID", "PerPost must be YYYYPP."));
    }
    BigDecimal dr = BigDecimal.ZERO;
    BigDecimal cr = BigDecimal.ZERO;
    for (int i = 0; i < trans.size(); i++) {
      JsonNode t = trans.get(i);
      validateRow("GLTran", t, "/GLTran/" + i, errors);
      BigDecimal d = num(t, "CuryDrAmt");
      BigDecimal c = num(t, "CuryCrAmt");
      if ((d.signum() == 0) == (c.signum() == 0) || d.signum() < 0 || c.signum() < 0) {
        errors.add(error("/GLTran/" + i, "GLTran", "CuryDrAmt", "ONE_SIDE",
            "Each GLTran line needs exactly one non-zero, non-negative side (CuryDrAmt or CuryCrAmt)."));
      }
      String acct = text(t, "Acct");
      if (!acct.isEmpty() && acct.length() <= 10 && store.get("Account", acct) == null) {
        errors.add(error("/GLTran/" + i + "/Acct", "GLTran", "Acct", "NOT_FOUND", "Acct '" + acct + "' does not exist."));
      }
      dr = dr.add(d);
      cr = cr.add(c);
    }
    BigDecimal ctrl = num(batch, "CuryCtrlTot");
    if (dr.compareTo(cr) != 0 || dr.compareTo(ctrl) != 0) {
      errors.add(error("/GLTran", "Batch", "CuryCtrlTot", "UNBALANCED", "The batch does not balance: debits "
          + dr.toPlainString() + ", credits " + cr.toPlainString() + ", CuryCtrlTot " + ctrl.toPlainString() + "."));
    }
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "GL batch");
    }
    String batNbr = String.format("%06d", counter("batch:GL", 12000));
    ObjectNode b = ((ObjectNode) batch).deepCopy();
    b.put("BatNbr", batNbr);
    b.put("CpnyID", cpny);
    b.put("CuryDrTot", dr);
    b.put("CuryCrTot", cr);
    b.put("CtrlTot", ctrl);
    b.put("DrTot", dr);
    b.put("CrTot", cr);
    b.put("Status", "B");
    b.put("EditScrnNbr", "01010");
    ObjectNode doc = json.createObjectNode();
    doc.set("Batch", store.put("Batch", b, "01010"));
    ArrayNode saved = doc.putArray("GLTran");
    for (JsonNode t : trans) {
      ObjectNode copy = ((ObjectNode) t).deepCopy();
      copy.put("Module", "GL");
      copy.put("BatNbr", batNbr);
      copy.put("CpnyID", cpny);
      copy.put("PerPost", text(batch, "PerPost"));
      copy.put("DrAmt", num(t, "CuryDrAmt"));
      copy.put("CrAmt", num(t, "CuryCrAmt"));
      saved.add(store.put("GLTran", copy, "01010"));
    }
    return SimResponse.json(201, doc);
  }

  private SimResponse findBatches(SimRequest req, String cpny) {
    String ext = req.queryParam("ExtRefNbr").orElse(null);
    ArrayNode out = json.createArrayNode();
    Set<String> seen = new java.util.LinkedHashSet<>();
    for (ObjectNode t : store.select("GLTran", r -> same(r, "CpnyID", cpny) && (ext == null || same(r, "ExtRefNbr", ext)))) {
      if (seen.add(text(t, "BatNbr"))) {
        ObjectNode doc = json.createObjectNode();
        doc.set("Batch", store.get("Batch", "GL", text(t, "BatNbr")));
        ArrayNode lines = doc.putArray("GLTran");
        store.select("GLTran", r -> same(r, "BatNbr", text(t, "BatNbr"))).forEach(lines::add);
        out.add(doc);
      }
    }
    return SimResponse.json(200, out);
  }

  // ------------------------------------------------------------------------------------------ AR

  private SimResponse createPayment(SimRequest req, String cpny) throws Exception {
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    List<ObjectNode> errors = new ArrayList<>();
    JsonNode doc = body.get("ARDoc");
    if (doc == null || !doc.isObject()) {
      return validationFailed(req, List.of(error("/ARDoc", "ARDoc", null, "REQUIRED", "ARDoc is required.")), "AR payment");
    }
    validateRow("ARDoc", doc, "/ARDoc", errors);
    checkCompany(doc, cpny, "/ARDoc", "ARDoc", errors);
    JsonNode adjustments = body.path("ARAdjust");
    for (int i = 0; i < adjustments.size(); i++) {
      validateRow("ARAdjust", adjustments.get(i), "/ARAdjust/" + i, errors);
    }
    String custId = text(doc, "CustId");
    if (store.get("Customer", custId) == null) {
      errors.add(error("/ARDoc/CustId", "ARDoc", "CustId", "NOT_FOUND", "CustId '" + custId + "' does not exist."));
    }
    if (!"PA".equals(text(doc, "DocType"))) {
      errors.add(error("/ARDoc/DocType", "ARDoc", "DocType", "INVALID", "DocType must be PA on this endpoint."));
    }
    String refNbr = text(doc, "RefNbr");
    if (refNbr.isEmpty()) {
      errors.add(error("/ARDoc/RefNbr", "ARDoc", "RefNbr", "REQUIRED", "RefNbr is required."));
    }
    if (num(doc, "CuryOrigDocAmt").signum() <= 0) {
      errors.add(error("/ARDoc/CuryOrigDocAmt", "ARDoc", "CuryOrigDocAmt", "RANGE", "CuryOrigDocAmt must be > 0."));
    }
    for (int i = 0; i < adjustments.size(); i++) {
      String inv = text(adjustments.get(i), "AdjdRefNbr");
      if (store.get("ARDoc", custId, text(adjustments.get(i), "AdjdDocType"), inv) == null) {
        errors.add(error("/ARAdjust/" + i + "/AdjdRefNbr", "ARAdjust", "AdjdRefNbr", "NOT_FOUND",
            "No open document " + inv + " for CustId '" + custId + "'."));
      }
    }
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "AR payment");
    }
    if (store.get("ARDoc", custId, "PA", refNbr) != null) {
      return problem(409, "DUPLICATE", "Payment exists", "Payment " + refNbr + " already exists for CustId '"
          + custId + "'.", req.path(), List.of());
    }
    String batNbr = String.format("%06d", counter("batch:AR", 3000));
    ObjectNode d = ((ObjectNode) doc).deepCopy();
    d.put("CpnyID", cpny);
    d.put("BatNbr", batNbr);
    d.put("OrigDocAmt", num(doc, "CuryOrigDocAmt"));
    BigDecimal applied = BigDecimal.ZERO;
    ArrayNode savedAdj = json.createArrayNode();
    for (JsonNode a : adjustments) {
      ObjectNode adj = ((ObjectNode) a).deepCopy();
      adj.put("CustId", custId);
      adj.put("AdjgDocType", "PA");
      adj.put("AdjgRefNbr", refNbr);
      adj.put("AdjBatNbr", batNbr);
      adj.put("AdjAmt", num(a, "CuryAdjgAmt"));
      savedAdj.add(store.put("ARAdjust", adj, "08030"));
      ObjectNode inv = store.get("ARDoc", custId, text(a, "AdjdDocType"), text(a, "AdjdRefNbr"));
      BigDecimal bal = num(inv, "CuryDocBal").subtract(num(a, "CuryAdjgAmt"));
      inv.put("CuryDocBal", bal);
      inv.put("DocBal", bal);
      inv.put("OpenDoc", bal.signum() > 0 ? 1 : 0);
      store.put("ARDoc", inv, "08030");
      applied = applied.add(num(a, "CuryAdjgAmt"));
    }
    BigDecimal unapplied = num(doc, "CuryOrigDocAmt").subtract(applied);
    d.put("CuryDocBal", unapplied);
    d.put("DocBal", unapplied);
    d.put("OpenDoc", unapplied.signum() > 0 ? 1 : 0);
    d.put("Rlsed", 1);
    d.put("Status", "C");
    ObjectNode out = json.createObjectNode();
    out.set("ARDoc", store.put("ARDoc", d, "08030"));
    out.set("ARAdjust", savedAdj);
    return SimResponse.json(201, out);
  }

  private SimResponse findPayments(SimRequest req, String cpny) {
    String custId = req.queryParam("CustId").orElse(null);
    String refNbr = req.queryParam("RefNbr").orElse(null);
    ArrayNode out = json.createArrayNode();
    for (ObjectNode d : store.select("ARDoc", r -> same(r, "DocType", "PA") && same(r, "CpnyID", cpny)
        && (custId == null || same(r, "CustId", custId)) && (refNbr == null || same(r, "RefNbr", refNbr)))) {
      ObjectNode doc = json.createObjectNode();
      doc.set("ARDoc", d);
      ArrayNode adj = doc.putArray("ARAdjust");
      store.select("ARAdjust", r -> same(r, "AdjgRefNbr", text(d, "RefNbr")) && same(r, "CustId", text(d, "CustId")))
          .forEach(adj::add);
      out.add(doc);
    }
    return SimResponse.json(200, out);
  }

  /**
   * An AR credit memo, as SL's AR invoice and memo entry (screen 08.010 [I]; {@code Batch.EditScrnNbr}
   * {@code 08010} is seen on AR batches in SL's procedures) saves one: an ARDoc of type {@code CM}, released and
   * open for its whole amount until it is applied, its ARTran lines and an AR batch.
   */
  private SimResponse createArCreditMemo(SimRequest req, String cpny) throws Exception {
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    JsonNode doc = body.get("ARDoc");
    JsonNode trans = body.get("ARTran");
    List<ObjectNode> errors = new ArrayList<>();
    if (doc == null || !doc.isObject()) {
      errors.add(error("/ARDoc", "ARDoc", null, "REQUIRED", "ARDoc is required."));
    }
    if (trans == null || !trans.isArray() || trans.isEmpty()) {
      errors.add(error("/ARTran", "ARTran", null, "REQUIRED", "At least one ARTran line is required."));
    }
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "AR credit memo");
    }
    validateRow("ARDoc", doc, "/ARDoc", errors);
    checkCompany(doc, cpny, "/ARDoc", "ARDoc", errors);
    String custId = text(doc, "CustId");
    String refNbr = text(doc, "RefNbr");
    if (custId.isEmpty()) {
      errors.add(error("/ARDoc/CustId", "ARDoc", "CustId", "REQUIRED", "CustId is required."));
    } else if (store.get("Customer", custId) == null) {
      errors.add(error("/ARDoc/CustId", "ARDoc", "CustId", "NOT_FOUND", "CustId '" + custId + "' does not exist."));
    }
    if (!"CM".equals(text(doc, "DocType"))) {
      errors.add(error("/ARDoc/DocType", "ARDoc", "DocType", "INVALID", "DocType must be CM on this endpoint."));
    }
    if (refNbr.isEmpty()) {
      errors.add(error("/ARDoc/RefNbr", "ARDoc", "RefNbr", "REQUIRED", "RefNbr is required."));
    }
    if (!text(doc, "BatNbr").isEmpty()) {
      errors.add(error("/ARDoc/BatNbr", "ARDoc", "BatNbr", "ASSIGNED_BY_SL", "BatNbr is assigned by SL; do not send it."));
    }
    BigDecimal amount = num(doc, "CuryOrigDocAmt");
    if (amount.signum() <= 0) {
      errors.add(error("/ARDoc/CuryOrigDocAmt", "ARDoc", "CuryOrigDocAmt", "RANGE", "CuryOrigDocAmt must be > 0."));
    }
    String perPost = text(doc, "PerPost");
    if (!perPost.isEmpty() && !perPost.matches("\\d{4}(0[1-9]|1[0-3])")) {
      errors.add(error("/ARDoc/PerPost", "ARDoc", "PerPost", "INVALID", "PerPost must be YYYYPP."));
    }
    String ordNbr = text(doc, "OrdNbr");
    if (!ordNbr.isEmpty() && ordNbr.length() <= 15 && store.get("SOHeader", cpny, ordNbr) == null) {
      errors.add(error("/ARDoc/OrdNbr", "ARDoc", "OrdNbr", "NOT_FOUND",
          "OrdNbr '" + ordNbr + "' does not exist for CpnyID '" + cpny + "'."));
    }
    BigDecimal net = BigDecimal.ZERO;
    Set<Integer> lineNbrs = new java.util.HashSet<>();
    for (int i = 0; i < trans.size(); i++) {
      JsonNode t = trans.get(i);
      String at = "/ARTran/" + i;
      validateRow("ARTran", t, at, errors);
      if (!t.isObject()) {
        continue;
      }
      checkCompany(t, cpny, at, "ARTran", errors);
      for (String[] same : new String[][] {{"CustId", custId}, {"RefNbr", refNbr}, {"TranType", text(doc, "DocType")}}) {
        String given = text(t, same[0]);
        if (!given.isEmpty() && !given.equalsIgnoreCase(same[1])) {
          errors.add(error(at + "/" + same[0], "ARTran", same[0], "MISMATCH", same[0] + " '" + given
              + "' differs from the document's '" + same[1] + "'."));
        }
      }
      if (t.has("LineNbr") && !lineNbrs.add(t.path("LineNbr").asInt())) {
        errors.add(error(at + "/LineNbr", "ARTran", "LineNbr", "DUPLICATE", "LineNbr "
            + t.path("LineNbr").asInt() + " is used twice."));
      }
      String acct = text(t, "Acct");
      if (acct.isEmpty()) {
        errors.add(error(at + "/Acct", "ARTran", "Acct", "REQUIRED", "Acct is required."));
      } else if (acct.length() <= 10 && store.get("Account", acct) == null) {
        errors.add(error(at + "/Acct", "ARTran", "Acct", "NOT_FOUND", "Acct '" + acct + "' does not exist."));
      }
      if (text(t, "Sub").isEmpty()) {
        errors.add(error(at + "/Sub", "ARTran", "Sub", "REQUIRED", "Sub is required."));
      }
      BigDecimal a = num(t, "CuryTranAmt");
      if (a.signum() <= 0) {
        errors.add(error(at + "/CuryTranAmt", "ARTran", "CuryTranAmt", "RANGE", "CuryTranAmt must be > 0."));
      }
      String drCr = text(t, "DrCr");
      if (!drCr.equals("D") && !drCr.equals("C")) {
        errors.add(error(at + "/DrCr", "ARTran", "DrCr", "INVALID", "DrCr must be D or C."));
      }
      net = drCr.equals("C") ? net.subtract(a) : net.add(a);
    }
    if (errors.isEmpty() && net.compareTo(amount) != 0) {
      // a credit memo debits its lines' accounts and credits the receivable: D − C is what it credits
      errors.add(error("/ARTran", "ARDoc", "CuryOrigDocAmt", "UNBALANCED", "The lines do not balance the document:"
          + " debits less credits " + net.toPlainString() + ", CuryOrigDocAmt " + amount.toPlainString() + "."));
    }
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "AR credit memo");
    }
    if (store.get("ARDoc", custId, "CM", refNbr) != null) {
      return problem(409, "DUPLICATE", "Credit memo exists", "Credit memo " + refNbr + " already exists for CustId '"
          + custId + "'.", req.path(), List.of(error("/ARDoc/RefNbr", "ARDoc", "RefNbr", "DUPLICATE",
              "RefNbr '" + refNbr + "' is already a CM of CustId '" + custId + "'.")));
    }
    String batNbr = String.format("%06d", counter("batch:AR", 3000));
    String curyId = text(doc, "CuryId").isEmpty() ? "USD" : text(doc, "CuryId");
    String docDate = text(doc, "DocDate").isEmpty() ? store.today().toString() : text(doc, "DocDate");
    String period = perPost.isEmpty() ? docDate.substring(0, 4) + docDate.substring(5, 7) : perPost;
    ObjectNode d = ((ObjectNode) doc).deepCopy();
    d.put("CpnyID", cpny).put("BatNbr", batNbr).put("CuryId", curyId).put("DocDate", docDate).put("PerPost", period)
        .put("OrigDocAmt", amount).put("CuryDocBal", amount).put("DocBal", amount)
        .put("Rlsed", 1).put("OpenDoc", 1).put("Status", "A");
    ObjectNode b = json.createObjectNode();
    b.put("Module", "AR").put("BatNbr", batNbr).put("CpnyID", cpny).put("JrnlType", "AR").put("PerPost", period)
        .put("Descr", text(doc, "DocDesc")).put("CuryId", curyId).put("CuryCtrlTot", amount).put("CtrlTot", amount)
        .put("Status", "U").put("Rlsed", 1).put("EditScrnNbr", "08010");
    store.put("Batch", b, "08010");
    ObjectNode out = json.createObjectNode();
    out.set("ARDoc", store.put("ARDoc", d, "08010"));
    ArrayNode saved = out.putArray("ARTran");
    for (int i = 0; i < trans.size(); i++) {
      ObjectNode t = ((ObjectNode) trans.get(i)).deepCopy();
      t.put("CpnyID", cpny).put("CustId", custId).put("TranType", "CM").put("RefNbr", refNbr).put("BatNbr", batNbr)
          .put("TranAmt", num(t, "CuryTranAmt")).put("CuryId", curyId).put("PerPost", period).put("JrnlType", "AR")
          .put("Rlsed", 1);
      if (!t.has("LineNbr")) {
        t.put("LineNbr", i + 1);
      }
      if (text(t, "TranDate").isEmpty()) {
        t.put("TranDate", docDate);
      }
      saved.add(store.put("ARTran", t, "08010"));
    }
    return SimResponse.json(201, out);
  }

  private SimResponse findArCreditMemos(SimRequest req, String cpny) {
    String custId = req.queryParam("CustId").orElse(null);
    String refNbr = req.queryParam("RefNbr").orElse(null);
    String custOrdNbr = req.queryParam("CustOrdNbr").orElse(null);
    String docType = req.queryParam("DocType").orElse("CM");
    ArrayNode out = json.createArrayNode();
    if (!docType.equalsIgnoreCase("CM")) {
      return SimResponse.json(200, out);
    }
    for (ObjectNode d : store.select("ARDoc", r -> same(r, "DocType", "CM") && same(r, "CpnyID", cpny)
        && (custId == null || same(r, "CustId", custId)) && (refNbr == null || same(r, "RefNbr", refNbr))
        && (custOrdNbr == null || same(r, "CustOrdNbr", custOrdNbr)))) {
      ObjectNode doc = json.createObjectNode();
      doc.set("ARDoc", d);
      ArrayNode lines = doc.putArray("ARTran");
      store.select("ARTran", r -> same(r, "TranType", "CM") && same(r, "CustId", text(d, "CustId"))
          && same(r, "RefNbr", text(d, "RefNbr"))).forEach(lines::add);
      out.add(doc);
    }
    return SimResponse.json(200, out);
  }

  private SimResponse findArDocs(SimRequest req, String cpny) {
    String custId = req.queryParam("CustId").orElse(null);
    boolean open = "1".equals(req.queryParam("OpenDoc").orElse(null));
    ArrayNode out = json.createArrayNode();
    store.select("ARDoc", r -> same(r, "CpnyID", cpny) && (custId == null || same(r, "CustId", custId))
        && (!open || r.path("OpenDoc").asInt() == 1)).forEach(out::add);
    return SimResponse.json(200, out);
  }

  // ------------------------------------------------------------------------------------------ inventory

  private SimResponse getInventory(SimRequest req, String cpny) {
    String invtId = req.queryParam("InvtID").orElse("");
    ObjectNode item = store.get("Inventory", invtId);
    if (item == null) {
      return notFound(req, "Inventory", "InvtID", invtId, null);
    }
    ObjectNode doc = json.createObjectNode();
    doc.set("Inventory", item);
    ArrayNode sites = doc.putArray("ItemSite");
    store.select("ItemSite", r -> same(r, "InvtID", invtId) && same(r, "CpnyID", cpny)).forEach(sites::add);
    return SimResponse.json(200, doc);
  }

  private SimResponse putInventory(SimRequest req, String cpny) throws Exception {
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    List<ObjectNode> errors = new ArrayList<>();
    JsonNode sites = body.path("ItemSite");
    for (int i = 0; i < sites.size(); i++) {
      JsonNode s = sites.get(i);
      validateRow("ItemSite", s, "/ItemSite/" + i, errors);
      if (store.get("ItemSite", text(s, "InvtID"), text(s, "SiteID")) == null) {
        errors.add(error("/ItemSite/" + i + "/SiteID", "ItemSite", "SiteID", "NOT_FOUND", "No ItemSite for InvtID '"
            + text(s, "InvtID") + "' at SiteID '" + text(s, "SiteID") + "'."));
      }
    }
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "inventory");
    }
    for (JsonNode s : sites) {
      ObjectNode row = store.get("ItemSite", text(s, "InvtID"), text(s, "SiteID"));
      row.put("QtyOnHand", num(s, "QtyOnHand"));
      row.put("QtyAvail", num(row, "QtyOnHand").subtract(num(row, "QtyAlloc")));
      store.put("ItemSite", row, "10030");
    }
    return getInventory(new SimRequest("GET", req.path(), "", Map.of(),
        Map.of("InvtID", List.of(text(sites.path(0), "InvtID"))), req.headers(), new byte[0]), cpny);
  }

  private SimResponse getProduct(SimRequest req, String cpny) {
    ObjectNode item = store.get("Inventory", req.param("invtId"));
    if (item == null) {
      return notFound(req, "Inventory", "InvtID", req.param("invtId"), null);
    }
    return SimResponse.json(200, json.createObjectNode().set("Inventory", item));
  }

  private SimResponse putProduct(SimRequest req, String cpny) throws Exception {
    ObjectNode item = store.get("Inventory", req.param("invtId"));
    if (item == null) {
      return notFound(req, "Inventory", "InvtID", req.param("invtId"), null);
    }
    JsonNode body = parse(req);
    if (body == null) {
      return malformed(req);
    }
    List<ObjectNode> errors = new ArrayList<>();
    validateRow("Inventory", body.get("Inventory"), "/Inventory", errors);
    if (!errors.isEmpty()) {
      return validationFailed(req, errors, "product");
    }
    body.get("Inventory").fields().forEachRemaining(f -> {
      if (!f.getValue().isNull() && !f.getKey().equals("InvtID")) {
        item.set(f.getKey(), f.getValue());
      }
    });
    return SimResponse.json(200, json.createObjectNode().set("Inventory", store.put("Inventory", item, "10250")));
  }

  // ------------------------------------------------------------------------------------------ shippers

  private SimResponse fulfil(String cpny, String ordNbr, JsonNode body) {
    ObjectNode order = store.get("SOHeader", cpny, ordNbr);
    if (order == null) {
      return problem(404, "NOT_FOUND", "Not found", "OrdNbr '" + ordNbr + "' does not exist for CpnyID '" + cpny + "'.",
          "/_sim/orders/" + ordNbr + "/fulfil", List.of());
    }
    if (isCreditMemo(order, cpny)) {
      return problem(409, "CREDIT_MEMO", "Not a sales order", "OrdNbr '" + ordNbr + "' is a credit memo; the"
          + " simulator ships sales orders only.", "/_sim/orders/" + ordNbr + "/fulfil", List.of());
    }
    List<ObjectNode> errors = new ArrayList<>();
    JsonNode boxes = body.path("boxes");
    for (int i = 0; i < boxes.size(); i++) {
      checkWidth("SOShipPack", "TrackingNbr", boxes.get(i).asText(), "/boxes/" + i, errors);
    }
    checkWidth("SOShipHeader", "TrackingNbr", text(body, "TrackingNbr"), "/TrackingNbr", errors);
    if (!errors.isEmpty()) {
      return problem(400, "VALIDATION_FAILED", "Request validation failed", errors.size()
          + " fields of the shipper are invalid.", "/_sim/orders/" + ordNbr + "/fulfil", errors);
    }
    String shipperId = String.format("S%06d", counter("shipper:" + cpny, 1200));
    List<ObjectNode> lines = store.select("SOLine", r -> same(r, "CpnyID", cpny) && same(r, "OrdNbr", ordNbr));
    String site = lines.isEmpty() ? "" : text(lines.get(0), "SiteID");
    ObjectNode h = json.createObjectNode();
    h.put("CpnyID", cpny);
    h.put("ShipperID", shipperId);
    h.put("OrdNbr", ordNbr);
    h.put("CustID", text(order, "CustID"));
    h.put("CustOrdNbr", text(order, "CustOrdNbr"));
    h.put("SOTypeID", text(order, "SOTypeID"));
    h.put("Status", "C");
    h.put("ShipDateAct", store.today().toString());
    h.put("ShipDatePlan", store.today().toString());
    h.put("ShipViaID", text(order, "ShipViaID"));
    h.put("SiteID", site);
    h.put("ShiptoID", text(order, "ShiptoID"));
    h.put("CuryTotInvc", num(order, "CuryTotOrd"));
    h.put("PerPost", text(order, "PerPost"));
    h.put("Cancelled", 0);
    h.put("ShippingConfirmed", 1);
    h.put("TrackingNbr", text(body, "TrackingNbr"));
    ObjectNode doc = json.createObjectNode();
    ArrayNode shipLines = json.createArrayNode();
    for (int i = 0; i < lines.size(); i++) {
      ObjectNode l = lines.get(i);
      ObjectNode sl = json.createObjectNode();
      sl.put("CpnyID", cpny);
      sl.put("ShipperID", shipperId);
      sl.put("LineRef", String.format("%05d", i + 1));
      sl.put("InvtID", text(l, "InvtID"));
      sl.put("Descr", text(l, "Descr"));
      sl.put("QtyShip", num(l, "QtyOrd"));
      sl.put("OrdNbr", ordNbr);
      sl.put("OrdLineRef", text(l, "LineRef"));
      sl.put("SiteID", text(l, "SiteID"));
      sl.put("UnitDesc", text(l, "UnitDesc"));
      shipLines.add(store.put("SOShipLine", sl, "40680"));
      l.put("QtyShip", num(l, "QtyOrd"));
      l.put("Status", "C");
      store.put("SOLine", l, "40680");
      ObjectNode itemSite = store.get("ItemSite", text(l, "InvtID"), text(l, "SiteID"));
      if (itemSite != null) {
        BigDecimal q = num(l, "QtyOrd");
        itemSite.put("QtyOnHand", num(itemSite, "QtyOnHand").subtract(q));
        itemSite.put("QtyAlloc", num(itemSite, "QtyAlloc").subtract(q));
        itemSite.put("QtyAllocSO", num(itemSite, "QtyAllocSO").subtract(q));
        itemSite.put("QtyCustOrd", num(itemSite, "QtyCustOrd").subtract(q));
        itemSite.put("QtyAvail", num(itemSite, "QtyOnHand").subtract(num(itemSite, "QtyAlloc")));
        store.put("ItemSite", itemSite, "40680");
      }
    }
    ArrayNode packs = json.createArrayNode();
    for (int i = 0; i < boxes.size(); i++) {
      ObjectNode p = json.createObjectNode();
      p.put("CpnyID", cpny);
      p.put("ShipperID", shipperId);
      p.put("BoxRef", String.format("%05d", i + 1));
      p.put("TrackingNbr", boxes.get(i).asText());
      p.put("CartonID", "CTN" + (i + 1));
      packs.add(store.put("SOShipPack", p, "40680"));
    }
    doc.set("SOShipHeader", store.put("SOShipHeader", h, "40680"));
    doc.set("SOShipLine", shipLines);
    doc.set("SOShipPack", packs);
    order.put("Status", "C");
    store.put("SOHeader", order, "40680");
    return SimResponse.json(201, doc);
  }

  private ObjectNode shipperDoc(String cpny, String shipperId) {
    ObjectNode h = store.get("SOShipHeader", cpny, shipperId);
    if (h == null) {
      return null;
    }
    ObjectNode doc = json.createObjectNode();
    doc.set("SOShipHeader", h);
    ArrayNode lines = doc.putArray("SOShipLine");
    store.select("SOShipLine", r -> same(r, "CpnyID", cpny) && same(r, "ShipperID", shipperId)).forEach(lines::add);
    ArrayNode packs = doc.putArray("SOShipPack");
    store.select("SOShipPack", r -> same(r, "CpnyID", cpny) && same(r, "ShipperID", shipperId)).forEach(packs::add);
    return doc;
  }

  private SimResponse getShipper(SimRequest req, String cpny) {
    ObjectNode doc = shipperDoc(cpny, req.param("shipperId"));
    return doc == null ? notFound(req, "SOShipHeader", "ShipperID", req.param("shipperId"), cpny)
        : SimResponse.json(200, doc);
  }

  private SimResponse findShippers(SimRequest req, String cpny) {
    String ref = req.queryParam("CustOrdNbr").orElse(null);
    String ordNbr = req.queryParam("OrdNbr").orElse(null);
    ArrayNode out = json.createArrayNode();
    for (ObjectNode h : store.select("SOShipHeader", r -> same(r, "CpnyID", cpny)
        && (ref == null || same(r, "CustOrdNbr", ref)) && (ordNbr == null || same(r, "OrdNbr", ordNbr)))) {
      out.add(shipperDoc(cpny, text(h, "ShipperID")));
    }
    return SimResponse.json(200, out);
  }

  // ------------------------------------------------------------------------------------------ validation

  /** Checks one row against its table: known columns (exact case), widths, code page, types. */
  private void validateRow(String table, JsonNode row, String pointer, List<ObjectNode> errors) {
    if (row == null || !row.isObject()) {
      errors.add(error(pointer, table, null, "REQUIRED", table + " must be an object."));
      return;
    }
    SlCatalog.Table t = SlCatalog.table(table);
    row.fields().forEachRemaining(f -> {
      String name = f.getKey();
      JsonNode v = f.getValue();
      String at = pointer + "/" + name;
      SlCatalog.Column c = t.column(name);
      if (c == null) {
        SlCatalog.Column other = t.columnIgnoringCase(name);
        errors.add(error(at, table, name, "UNKNOWN_COLUMN", other != null
            ? table + " has no column " + name + "; it is spelled " + other.name() + " in this table."
            : table + " has no column " + name + "."));
        return;
      }
      if (v.isNull()) {
        return;
      }
      switch (c.kind()) {
        case 'c' -> {
          if (!v.isTextual()) {
            errors.add(error(at, table, name, "TYPE", name + " must be a string (" + table + "." + name + " is char("
                + c.width() + "))."));
          } else {
            checkWidth(table, name, v.asText(), at, errors);
          }
        }
        case 'f', 's', 'i' -> {
          if (!v.isNumber()) {
            errors.add(error(at, table, name, "TYPE", name + " must be a number."));
          }
        }
        case 'd' -> {
          try {
            LocalDate.parse(v.asText());
          } catch (DateTimeParseException e) {
            errors.add(error(at, table, name, "TYPE", name + " must be a date yyyy-MM-dd."));
          }
        }
        default -> {
          try {
            LocalDateTime.parse(v.asText());
          } catch (DateTimeParseException e) {
            errors.add(error(at, table, name, "TYPE", name + " must be a local date-time yyyy-MM-ddTHH:mm:ss."));
          }
        }
      }
    });
  }

  private void checkWidth(String table, String column, String value, String pointer, List<ObjectNode> errors) {
    if (value == null || value.isEmpty()) {
      return;
    }
    SlCatalog.Column c = SlCatalog.table(table).column(column);
    CharsetEncoder encoder = codePage.newEncoder();
    if (!encoder.canEncode(value)) {
      String bad = value.codePoints().mapToObj(Character::toString).filter(ch -> !encoder.canEncode(ch))
          .findFirst().orElse("?");
      errors.add(error(pointer, table, column, "CODE_PAGE", column + " contains '" + bad + "', which code page "
          + codePage.name() + " cannot store; " + table + "." + column + " is a non-Unicode char column."));
      return;
    }
    int length = value.getBytes(codePage).length;
    if (length > c.width()) {
      ObjectNode e = error(pointer, table, column, "MAX_LENGTH_EXCEEDED", column + " is " + length
          + " characters; " + table + "." + column + " is char(" + c.width() + ").");
      e.put("maxLength", c.width());
      e.put("actualLength", length);
      errors.add(e);
    }
  }

  private void checkCompany(JsonNode row, String cpny, String pointer, String table, List<ObjectNode> errors) {
    String given = text(row, "CpnyID");
    if (!given.isEmpty() && !given.equalsIgnoreCase(cpny)) {
      errors.add(error(pointer + "/CpnyID", table, "CpnyID", "MISMATCH", "CpnyID '" + given
          + "' differs from the request's company '" + cpny + "'."));
    }
  }

  // ------------------------------------------------------------------------------------------ helpers

  private JsonNode parse(SimRequest req) {
    try {
      JsonNode node = json.readTree(req.body());
      return node == null || !node.isObject() ? null : node;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private SimResponse malformed(SimRequest req) {
    return problem(400, "MALFORMED", "Malformed request", "The body is not a JSON object.", req.path(), List.of());
  }

  private SimResponse validationFailed(SimRequest req, List<ObjectNode> errors, String what) {
    return problem(400, "VALIDATION_FAILED", "Request validation failed", errors.size()
        + (errors.size() == 1 ? " field" : " fields") + " in the " + what
        + " are invalid; nothing was written to Dynamics SL.", req.path(), errors);
  }

  private SimResponse notFound(SimRequest req, String table, String column, String value, String cpny) {
    return problem(404, "NOT_FOUND", "Not found", column + " '" + value + "' does not exist"
        + (cpny != null ? " for CpnyID '" + cpny + "'." : "."), req.path(), List.of());
  }

  private ObjectNode error(String pointer, String table, String column, String code, String message) {
    ObjectNode e = json.createObjectNode();
    e.put("pointer", pointer);
    e.put("table", table);
    if (column != null) {
      e.put("column", column);
    }
    e.put("code", code);
    e.put("message", message);
    return e;
  }

  private SimResponse problem(int status, String code, String title, String detail, String instance,
      List<ObjectNode> errors) {
    ObjectNode p = json.createObjectNode();
    p.put("type", PROBLEM_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("instance", instance);
    p.put("code", code);
    p.put("requestId", "req_" + HexFormat.of().formatHex(sha256Bytes((instance + System.nanoTime()).getBytes(
        StandardCharsets.UTF_8)), 0, 6));
    if (!errors.isEmpty()) {
      ArrayNode arr = p.putArray("errors");
      errors.forEach(arr::add);
    }
    try {
      return new SimResponse(status, Map.of("Content-Type", "application/problem+json"), json.writeValueAsBytes(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> stats() {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    Map<String, Integer> perRef = ordersPerCustOrdNbr();
    Map<String, Integer> perMemo = creditMemosPerCustOrdNbr();
    out.put("salesOrders", store.select("SOHeader", r -> !isCreditMemo(r)).size());
    out.put("ordersPerCustOrdNbr", perRef);
    out.put("duplicateCustOrdNbrs", perRef.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList());
    out.put("creditMemoOrders", store.select("SOHeader", this::isCreditMemo).size());
    out.put("creditMemosPerCustOrdNbr", perMemo);
    out.put("duplicateCreditMemoNbrs", perMemo.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList());
    out.put("customers", store.count("Customer"));
    out.put("glBatches", store.select("Batch", r -> same(r, "Module", "GL")).size());
    out.put("payments", store.select("ARDoc", r -> same(r, "DocType", "PA")).size());
    Map<String, Integer> perRefNbr = arCreditMemosPerRefNbr();
    out.put("arCreditMemos", store.select("ARDoc", r -> same(r, "DocType", "CM")).size());
    out.put("arCreditMemosPerRefNbr", perRefNbr);
    out.put("arCreditMemosPerCustOrdNbr", arCreditMemosPerCustOrdNbr());
    out.put("duplicateArCreditMemos", perRefNbr.entrySet().stream().filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey).toList());
    out.put("shippers", store.count("SOShipHeader"));
    out.put("requests", server.log().counts());
    return out;
  }

  private int counter(String name, int start) {
    return counters.computeIfAbsent(name, k -> new AtomicInteger(start)).incrementAndGet();
  }

  static String text(JsonNode row, String column) {
    if (row == null) {
      return "";
    }
    JsonNode v = row.get(column);
    return v == null || v.isNull() ? "" : v.asText().strip();
  }

  static BigDecimal num(JsonNode row, String column) {
    JsonNode v = row == null ? null : row.get(column);
    return v == null || !v.isNumber() ? BigDecimal.ZERO : v.decimalValue();
  }

  static boolean same(JsonNode row, String column, String value) {
    return text(row, column).equalsIgnoreCase(value == null ? "" : value.strip());
  }

  private static String sha256(byte[] body) {
    return HexFormat.of().formatHex(sha256Bytes(body));
  }

  private static byte[] sha256Bytes(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Configures an {@link SlSimulator}. */
  public static final class Builder {
    private FaultSchedule faults = FaultSchedule.none();
    private long seed = 8L;
    private ZoneId zone = ZoneId.of("America/Chicago");
    private Clock clock = Clock.systemUTC();
    private String jdbcUrl;
    private String apiKey = "sim-key";
    private String apiSecret = "sim-secret";
    private String bearerToken;
    private Charset codePage = Charset.forName("windows-1252");
    private int port;

    private Builder() {}

    /** Faults to inject (shared schedule); default none. */
    public Builder faults(FaultSchedule faults) {
      this.faults = faults;
      return this;
    }

    /** Seed of the generated data; default 8. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The simulated SL server's zone; default America/Chicago. */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** The clock that stamps {@code LUpd_DateTime}; tests pass one they can move. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Mirror the tables into this JDBC database (e.g. {@code jdbc:h2:mem:sl;MODE=MSSQLServer;DB_CLOSE_DELAY=-1}). */
    public Builder jdbcUrl(String jdbcUrl) {
      this.jdbcUrl = jdbcUrl;
      return this;
    }

    /** Accepted API key and secret; default {@code sim-key} / {@code sim-secret}. */
    public Builder apiKey(String key, String secret) {
      this.apiKey = key;
      this.apiSecret = secret;
      return this;
    }

    /** Also accept {@code Authorization: Bearer token}. */
    public Builder bearerToken(String token) {
      this.bearerToken = token;
      return this;
    }

    /** The database code page; default windows-1252. */
    public Builder codePage(Charset codePage) {
      this.codePage = codePage;
      return this;
    }

    /** Port, 0 (default) for a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public SlSimulator start() {
      return new SlSimulator(this);
    }
  }
}
