package io.commercesync.testkit.clarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.http.SimRequest;
import io.commercesync.testkit.http.SimResponse;
import io.commercesync.testkit.http.SimServer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stateful Clarity eCommerce simulator speaking both of Clarity's APIs over one in-memory store:
 * the native CEF/ServiceStack API under {@code /DesktopModules/ClarityEcommerce/API} and the
 * {@code /api/v1} contract, with signed webhooks sent to a configured URL. Written from the wire format
 * (reference clarity.md, samples/clarity/), sharing no code with the connector.
 *
 * <pre>{@code
 * try (ClaritySimulator sim = ClaritySimulator.start(ClaritySimulator.options()
 *     .faults(FaultSchedule.seeded(42).rate(0.1).build())
 *     .webhooks(URI.create("http://127.0.0.1:8085/hooks/clarity"), "whsec_…")
 *     .rateLimit(240, Duration.ofSeconds(60)))) {
 *   URI base = sim.baseUri();            // + /api/v1 or /DesktopModules/ClarityEcommerce/API
 *   sim.webhooks().deliverAll();
 * }
 * }</pre>
 *
 * <p>Default credentials: native user {@code integration} / {@code integration-password} (session or
 * Basic), OAuth client {@code commercesync} / {@code commercesync-secret}, API key
 * {@code clarity-api-key}. Helper routes (never faulted): {@code GET /_sim/stats},
 * {@code POST /_sim/reset}, {@code POST /_sim/orders} (a v1 order; emits {@code order.created}),
 * {@code POST /_sim/orders/{number}/touch} ({@code order.updated}),
 * {@code POST /_sim/orders/{number}/refund?qty=1&fee=0&status=Completed} (a return of the first line, as
 * {@link #refund(String, BigDecimal, BigDecimal)}), {@code POST /_sim/webhooks/deliver},
 * {@code POST /_sim/clock/advance?seconds=N}.
 *
 * <p>Returns: native {@code GET /Returning/SalesReturns} (paged, {@code ModifiedSince}, {@code Sorts}),
 * {@code /Returning/SalesReturnsForConnect}, {@code /Returning/SalesReturn/ID/{ID}|Key/{Key}} [C routes];
 * v1 {@code GET /returns?updatedSince=&page=&pageSize=&returnNumber=&status=} and {@code /returns/{returnId}}
 * (CommerceSync's proposal [P+]). Create them with {@link #refund(String, BigDecimal, BigDecimal)} or
 * {@link #refund(String, String, BigDecimal, RefundLine...)}.
 */
public final class ClaritySimulator implements AutoCloseable {

  /** Native API base path (reference §1 [C]). */
  public static final String NATIVE_BASE = NativeRoutes.BASE;
  /** v1 API base path (reference §4.1 [P]). */
  public static final String V1_BASE = V1Routes.BASE;

  private final Options options;
  private final SimServer server;
  private final ClarityStore store;
  private final SimAuth auth;
  private final NativeRoutes nativeRoutes;
  private final WebhookOutbox outbox;

  private ClaritySimulator(Options o) {
    this.options = o;
    this.store = new ClarityStore(o.clock);
    this.auth = new SimAuth(o.clock, o.users, o.clients, o.apiKeys, o.sessionLifetime, o.tokenLifetime);
    this.outbox = new WebhookOutbox(o.clock);
    if (o.webhookUrl != null) {
      outbox.target(o.webhookUrl, o.webhookSecret);
    }
    store.onEvent((type, resource) -> outbox.enqueue(type, type.substring(0, type.indexOf('.')), resource));
    SeedData.seed(store, o.seed, o.generatedOrders);
    this.server = SimServer.start("clarity", o.port, o.faults);
    this.nativeRoutes = new NativeRoutes(store, auth, o.basicAuth);
    registerSimRoutes();
    nativeRoutes.register(server);
    new V1Routes(store, auth, o.clock, o.rateLimit, o.rateWindow.toSeconds()).register(server);
  }

  /** Options with the defaults above. */
  public static Options options() {
    return new Options();
  }

  /** Starts a simulator with default options on a random port. */
  public static ClaritySimulator start() {
    return start(options());
  }

  public static ClaritySimulator start(Options options) {
    return new ClaritySimulator(options);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return server.baseUri();
  }

  /** The native API's base URL. */
  public URI nativeBase() {
    return URI.create(baseUri() + NATIVE_BASE);
  }

  /** The v1 API's base URL. */
  public URI v1Base() {
    return URI.create(baseUri() + V1_BASE);
  }

  public SimClock clock() {
    return options.clock;
  }

  public SimServer server() {
    return server;
  }

  public WebhookOutbox webhooks() {
    return outbox;
  }

  /** The next native workflow or bulk-inventory action answers {@code ActionSucceeded=false} with {@code message}. */
  public void failNextAction(String message) {
    nativeRoutes.failNextAction(message);
  }

  /** Ends every session and token (as a restart or key rotation would). */
  public void revokeCredentials() {
    auth.revokeAll();
  }

  /** Native logins so far. */
  public int logins() {
    return auth.logins.get();
  }

  /** OAuth tokens issued so far. */
  public int tokensIssued() {
    return auth.tokenGrants.get();
  }

  /** Adds an order given as v1 JSON (emits {@code order.created}); returns its number. */
  public String addOrder(String v1Json) {
    JsonNode node = SimJson.parse(v1Json.getBytes(StandardCharsets.UTF_8));
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON order");
    }
    return store.addOrder((ObjectNode) node, true).number;
  }

  /** Every order number, oldest order first. */
  public java.util.List<String> orderNumbers() {
    synchronized (store) {
      return store.orders.values().stream().sorted(java.util.Comparator.comparingInt(o -> o.id))
          .map(o -> o.number).toList();
    }
  }

  /** Order {@code number} as the v1 API shows it (JSON), if it exists. */
  public Optional<String> orderJson(String number) {
    return store.orderByNumber(number).map(o -> new String(SimJson.bytes(store.v1Order(o)), StandardCharsets.UTF_8));
  }

  /** Marks order {@code number} changed now (emits {@code order.updated}). */
  public void touchOrder(String number) {
    store.orderByNumber(number).ifPresent(store::touch);
  }

  /** Sets order {@code number}'s CEF status key (emits {@code order.updated}). */
  public void setOrderStatus(String number, String statusKey) {
    store.orderByNumber(number).ifPresent(o -> store.setStatus(o, statusKey));
  }

  /** Order {@code number}'s CEF status key. */
  public Optional<String> orderStatus(String number) {
    return store.orderByNumber(number).map(o -> o.status);
  }

  /** How many shipments order {@code number} has. */
  public int shipmentCount(String number) {
    synchronized (store) {
      return store.orderByNumber(number).map(o -> o.shipments.size()).orElse(0);
    }
  }

  /** The tracking numbers of each shipment of order {@code number}, in shipment order. */
  public java.util.List<java.util.List<String>> trackingNumbers(String number) {
    synchronized (store) {
      return store.orderByNumber(number)
          .map(o -> o.shipments.stream().map(sh -> ClarityStore.trackingNumbers(sh.v1)).toList())
          .orElse(java.util.List.of());
    }
  }

  /** A line to return: {@code quantity} of the order line {@code lineId} ({@code lineItems[].lineId} of the v1 order). */
  public record RefundLine(String lineId, BigDecimal quantity) {
    public RefundLine {
      Objects.requireNonNull(lineId, "lineId");
      Objects.requireNonNull(quantity, "quantity");
    }
  }

  /**
   * Refunds {@code qty} of the first line of order {@code orderNumber} that still has that much left to
   * return, as the shop's staff would: a return in status {@code Completed} (refunded) keeping {@code fee} as
   * a restocking fee. Mirrors the Magento simulator's {@code refund(incrementId, qty, fee)}. Returns the
   * return's number ({@code <order>-R<n>}).
   *
   * @throws IllegalArgumentException when there is no such order or no line has {@code qty} left to return
   */
  public String refund(String orderNumber, BigDecimal qty, BigDecimal fee) {
    synchronized (store) {
      ClarityStore.SimOrder o = store.orderByNumber(orderNumber)
          .orElseThrow(() -> new IllegalArgumentException("no order " + orderNumber));
      for (JsonNode li : o.v1.withArray("lineItems")) {
        String lineId = SimJson.text(li, "lineId");
        BigDecimal left = SimJson.nz(SimJson.decimal(li, "quantity")).subtract(store.returnedQuantity(o, lineId));
        if (lineId != null && left.compareTo(qty) >= 0) {
          return refund(orderNumber, "Completed", fee, new RefundLine(lineId, qty));
        }
      }
      throw new IllegalArgumentException("cannot refund " + qty + " of a line of order " + orderNumber
          + ": nothing left to return");
    }
  }

  /**
   * Creates a return of order {@code orderNumber} in CEF status {@code status} ({@code Pending},
   * {@code Confirmed}, {@code Shipped}, {@code Payment Sent}, {@code Rejected}, {@code Completed},
   * {@code Void}, or a site's own), keeping {@code fee} as a restocking fee. Returns its number.
   *
   * @throws IllegalArgumentException when there is no such order, a line is not the order's or more would
   *     be returned than was ordered
   */
  public String refund(String orderNumber, String status, BigDecimal fee, RefundLine... lines) {
    ClarityStore.SimOrder o = store.orderByNumber(orderNumber)
        .orElseThrow(() -> new IllegalArgumentException("no order " + orderNumber));
    Map<String, BigDecimal> quantities = new LinkedHashMap<>();
    for (RefundLine l : lines) {
      quantities.merge(l.lineId(), l.quantity(), BigDecimal::add);
    }
    if (quantities.isEmpty()) {
      throw new IllegalArgumentException("a return needs at least one line");
    }
    return store.addReturn(o, Objects.requireNonNull(status, "status"), quantities, fee, null).number;
  }

  /** Sets return {@code number}'s CEF status key; its change time moves, so incremental reads see it again. */
  public void setReturnStatus(String number, String statusKey) {
    ClarityStore.SimReturn r = store.returnByNumber(number)
        .orElseThrow(() -> new IllegalArgumentException("no return " + number));
    store.setReturnStatus(r, statusKey);
  }

  /** Every return number, oldest first. */
  public java.util.List<String> returnNumbers() {
    synchronized (store) {
      return store.returns.values().stream().map(r -> r.number).toList();
    }
  }

  /** Return {@code number} as the v1 API shows it (JSON), if it exists. */
  public Optional<String> returnJson(String number) {
    return store.returnByNumber(number).map(r -> new String(SimJson.bytes(store.v1Return(r)), StandardCharsets.UTF_8));
  }

  /** How many customers carry ERP key {@code externalId}. */
  public int customerCount(String externalId) {
    synchronized (store) {
      return (int) store.customers.values().stream()
          .filter(c -> externalId.equals(SimJson.text(c.v1, "externalId"))).count();
    }
  }

  /**
   * Adds a product given as v1 JSON ({@code sku} and {@code name} required; description, images, SEO and
   * attributes kept as given), e.g. to seed a large catalogue or storefront-enriched content; returns its
   * {@code productId}.
   */
  public String addProduct(String v1Json) {
    JsonNode node = SimJson.parse(v1Json.getBytes(StandardCharsets.UTF_8));
    if (node == null || !node.isObject() || SimJson.text(node, "sku") == null) {
      throw new IllegalArgumentException("not a JSON product with a sku");
    }
    synchronized (store) {
      if (store.productBySku(SimJson.text(node, "sku")).isPresent()) {
        throw new IllegalArgumentException("product " + SimJson.text(node, "sku") + " exists");
      }
      return "prd_" + store.addProduct((ObjectNode) node, 0).id;
    }
  }

  /** The product as {@code GET /api/v1/products/{sku}} shows it (JSON text), or empty. */
  public Optional<String> productJson(String sku) {
    synchronized (store) {
      return store.productBySku(sku).map(store::v1Product)
          .map(p -> new String(SimJson.bytes(p), StandardCharsets.UTF_8));
    }
  }

  /** A product property as the v1 API shows it ({@code description}, {@code price}…), as text. */
  public Optional<String> productField(String sku, String field) {
    return store.productBySku(sku).map(store::v1Product).map(p -> SimJson.text(p, field));
  }

  /** A native-only product property ({@code SeoUrl}…) as text. */
  public Optional<String> nativeProductField(String sku, String field) {
    return store.productBySku(sku).map(p -> SimJson.text(p.nativeOnly, field));
  }

  /** The quantity on hand of {@code sku} at {@code location}. */
  public Optional<BigDecimal> stock(String sku, String location) {
    return store.row(sku, location).map(r -> r.quantity);
  }

  /** How many invoices exist with number {@code number} (0 or 1: invoices are keyed by it). */
  public boolean hasInvoice(String number) {
    synchronized (store) {
      return store.invoices.containsKey(number);
    }
  }

  /** The {@code /_sim/stats} document. */
  public String statsJson() {
    return new String(SimJson.bytes(stats()), StandardCharsets.UTF_8);
  }

  private ObjectNode stats() {
    ObjectNode s = store.stats();
    ObjectNode hooks = s.putObject("webhooks");
    hooks.put("queued", outbox.all().size());
    hooks.put("pending", outbox.pending().size());
    hooks.put("sent", outbox.sent().size());
    ObjectNode auths = s.putObject("auth");
    auths.put("logins", auth.logins.get());
    auths.put("tokens", auth.tokenGrants.get());
    ObjectNode requests = s.putObject("requests");
    server.log().counts().forEach(requests::put);
    return s;
  }

  private void registerSimRoutes() {
    server.route("GET", "/_sim/stats", r -> SimResponse.json(200, stats()));
    server.route("POST", "/_sim/reset", r -> {
      store.clear();
      SeedData.seed(store, options.seed, options.generatedOrders);
      server.log().reset();
      return SimResponse.json(200, stats());
    });
    server.route("POST", "/_sim/orders", r -> {
      JsonNode n = SimJson.parse(r.body());
      if (n == null || !n.isObject()) {
        return SimResponse.rawJson(400, "{\"message\":\"a v1 order object is required\"}");
      }
      ClarityStore.SimOrder o = store.addOrder((ObjectNode) n, true);
      return SimResponse.json(201, store.v1Order(o));
    });
    server.route("POST", "/_sim/orders/{number}/touch", r -> store.orderByNumber(r.param("number"))
        .map(o -> {
          store.touch(o);
          return SimResponse.json(200, store.v1Order(o));
        }).orElseGet(() -> SimResponse.rawJson(404, "{\"message\":\"no such order\"}")));
    server.route("POST", "/_sim/orders/{number}/refund", r -> {
      try {
        BigDecimal qty = r.queryParam("qty").map(BigDecimal::new).orElse(BigDecimal.ONE);
        BigDecimal fee = r.queryParam("fee").map(BigDecimal::new).orElse(BigDecimal.ZERO);
        String number = r.queryParam("status").isPresent()
            ? refundFirstLine(r.param("number"), r.queryParam("status").get(), qty, fee)
            : refund(r.param("number"), qty, fee);
        return SimResponse.json(201, store.v1Return(store.returnByNumber(number).orElseThrow()));
      } catch (IllegalArgumentException e) {
        return SimResponse.json(422, SimJson.object().put("message", e.getMessage()));
      }
    });
    server.route("POST", "/_sim/webhooks/deliver", r -> SimResponse.json(200, outbox.deliverAll()));
    server.route("POST", "/_sim/clock/advance", (SimRequest r) -> {
      long seconds = r.queryParam("seconds").map(Long::parseLong).orElse(0L);
      options.clock.advance(Duration.ofSeconds(seconds));
      return SimResponse.rawJson(200, "{\"now\":\"" + options.clock.instant() + "\"}");
    });
  }

  private String refundFirstLine(String orderNumber, String status, BigDecimal qty, BigDecimal fee) {
    ClarityStore.SimOrder o = store.orderByNumber(orderNumber)
        .orElseThrow(() -> new IllegalArgumentException("no order " + orderNumber));
    String lineId = SimJson.text(o.v1.withArray("lineItems").path(0), "lineId");
    if (lineId == null) {
      throw new IllegalArgumentException("order " + orderNumber + " has no lines");
    }
    return refund(orderNumber, status, fee, new RefundLine(lineId, qty));
  }

  @Override
  public void close() {
    server.close();
  }

  /**
   * Runs the simulator standalone: {@code java … ClaritySimulator [port]} (default 8089), on the real
   * clock, until killed.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
    SimClock clock = SimClock.at(Instant.now());
    ClaritySimulator sim = start(options().port(port).clock(clock));
    System.out.println("Clarity simulator: native " + sim.nativeBase() + "  v1 " + sim.v1Base()
        + "  stats " + sim.baseUri() + "/_sim/stats");
    while (true) {
      Thread.sleep(1000);
      clock.set(Instant.now());
    }
  }

  /** Simulator options. Not thread-safe. */
  public static final class Options {
    private int port;
    private FaultSchedule faults = FaultSchedule.none();
    private long seed = 42;
    private int generatedOrders = 20;
    private SimClock clock = SimClock.at(Instant.parse("2024-05-14T15:43:00Z"));
    private final Map<String, String> users = new LinkedHashMap<>(Map.of("integration", "integration-password"));
    private final Map<String, String> clients = new LinkedHashMap<>(Map.of("commercesync", "commercesync-secret"));
    private final Set<String> apiKeys = new LinkedHashSet<>(Set.of("clarity-api-key"));
    private boolean basicAuth = true;
    private Duration sessionLifetime = Duration.ofMinutes(20);
    private Duration tokenLifetime = Duration.ofHours(1);
    private int rateLimit;
    private Duration rateWindow = Duration.ofSeconds(60);
    private URI webhookUrl;
    private String webhookSecret;

    private Options() {}

    /** The port; 0 (default) picks a free one. */
    public Options port(int port) {
      this.port = port;
      return this;
    }

    /** The shared fault schedule; default none. */
    public Options faults(FaultSchedule faults) {
      this.faults = Objects.requireNonNull(faults);
      return this;
    }

    /** The seed of the generated data; default 42. */
    public Options seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many orders to generate besides the sample; default 20. */
    public Options generatedOrders(int count) {
      this.generatedOrders = count;
      return this;
    }

    /** The simulator's clock; default fixed at 2024-05-14T15:43:00Z (50 s after the sample webhook). */
    public Options clock(SimClock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** Adds a native user. */
    public Options user(String name, String password) {
      users.put(name, password);
      return this;
    }

    /** Adds an OAuth client. */
    public Options oauthClient(String clientId, String secret) {
      clients.put(clientId, secret);
      return this;
    }

    /** Adds an API key. */
    public Options apiKey(String key) {
      apiKeys.add(key);
      return this;
    }

    /** Whether HTTP Basic is an enabled native provider; default true. */
    public Options basicAuth(boolean enabled) {
      this.basicAuth = enabled;
      return this;
    }

    public Options sessionLifetime(Duration lifetime) {
      this.sessionLifetime = lifetime;
      return this;
    }

    /** The OAuth token lifetime ({@code expires_in}); default 1 h. */
    public Options tokenLifetime(Duration lifetime) {
      this.tokenLifetime = lifetime;
      return this;
    }

    /** v1 requests allowed per window, with 429 + {@code Retry-After} beyond; 0 (default) for none. */
    public Options rateLimit(int requests, Duration window) {
      this.rateLimit = requests;
      this.rateWindow = window;
      return this;
    }

    /** Where webhooks go and the secret that signs them. */
    public Options webhooks(URI url, String secret) {
      this.webhookUrl = url;
      this.webhookSecret = secret;
      return this;
    }
  }
}
