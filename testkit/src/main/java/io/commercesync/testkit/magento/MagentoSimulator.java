package io.commercesync.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.http.SimHandler;
import io.commercesync.testkit.http.SimRequest;
import io.commercesync.testkit.http.SimResponse;
import io.commercesync.testkit.http.SimServer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A stateful, in-process Magento 2.4 REST server, written from Magento's documented wire format (it shares
 * no code with the connector), for tests and demos.
 *
 * <pre>{@code
 * try (MagentoSimulator magento = MagentoSimulator.start(MagentoSimulator.config().seed(42).build())) {
 *   URI base = magento.baseUri();   // http://127.0.0.1:<port>; use with the integration credentials:
 *   MagentoSimulator.Credentials c = magento.credentials();
 * }
 * }</pre>
 *
 * <p>It behaves like Magento where integrations trip: OAuth 1.0a HMAC-SHA256 signatures (nonce and
 * timestamp checked), integration tokens refused as bearer tokens unless enabled (2.4.4+), admin tokens
 * that expire after 4 hours and a 2FA refusal, the 401 body {@code The consumer isn't authorized to
 * access %resources.}; 404/400 bodies with {@code %placeholders}; searchCriteria filter groups, condition
 * types, sort orders and paging, a page past the end answered with the last page again, {@code pageSize}
 * above 300 refused; more than 20 entities per synchronous write refused; product values stored per store
 * view, so a write in the wrong scope really creates a store-view override; MSI source items with
 * reservations and salable quantity; invoices and shipments that change the order's quantities, totals,
 * state and history; async bulk operations that complete only after a number of status polls. Every call
 * goes through the shared {@link FaultSchedule} (except {@code /_sim/…}).
 *
 * <p>By default the store is Magento Open Source. {@link ConfigBuilder#adobeCommerceTenders(boolean)} turns
 * on Adobe Commerce gift cards, store credit and reward points on some seeded orders (deducted from
 * {@code grand_total}, drawn by invoices, given back by credit memos), leaving everything else as it was.
 *
 * <p>Test helpers: {@code GET /_sim/stats} (what the store holds, with shipments, invoices and tracks per
 * order number, to audit a run for duplicates), {@code POST /_sim/reset}, {@code POST /_sim/orders}
 * (add an order JSON such as a shared sample), {@code POST /_sim/orders/{id}/touch},
 * {@code POST /_sim/clock/advance?seconds=N}, {@code GET /_sim/products/{sku}/scopes},
 * {@code POST /_sim/reservations}, {@code POST /_sim/tokens/expire}; and the same as Java methods, with
 * {@link #refund(String, BigDecimal, BigDecimal)} (a line back) and
 * {@link #refundAdjustment(String, BigDecimal, boolean)} (money only) for credit memos.
 */
public final class MagentoSimulator implements AutoCloseable {

  /** The integration's four OAuth credentials (and its access token, for bearer use). */
  public record Credentials(String consumerKey, String consumerSecret, String accessToken,
      String accessTokenSecret) {
    @Override
    public String toString() {
      return "Credentials[consumerKey=" + consumerKey + ", secrets masked]";
    }
  }

  /**
   * How the simulated store behaves.
   *
   * @param seed random seed of the generated data
   * @param customers customers to generate
   * @param orders orders to generate
   * @param credentials the integration's credentials
   * @param bearerEnabled whether the integration token works as a bearer token
   *     ({@code oauth/consumer/enable_integration_as_bearer}); off by default as in 2.4.4+
   * @param adminUsers admin user → password, for {@code POST /V1/integration/admin/token}
   * @param twoFactorAuth whether Magento_TwoFactorAuth refuses the admin token endpoint
   * @param adminTokenLifetime admin token lifetime (4 h)
   * @param maxSyncEntities largest array of a synchronous write (20)
   * @param maxAsyncEntities largest bulk (5,000)
   * @param maxPageSize largest {@code pageSize} (300)
   * @param bulkCompletesAfterPolls status polls before a bulk's operations run
   * @param oauthTimestampWindow how far an OAuth timestamp may be from the auth clock
   * @param start the store's data clock at start (order dates)
   * @param authClock the clock for token expiry and OAuth timestamps
   * @param faults the fault schedule
   * @param adobeCommerceTenders whether seeded orders pay partly with Adobe Commerce gift cards, store
   *     credit and reward points (off by default: the store is then exactly Magento Open Source's), see
   *     {@link ConfigBuilder#adobeCommerceTenders(boolean)}
   */
  public record Config(long seed, int customers, int orders, Credentials credentials, boolean bearerEnabled,
      Map<String, String> adminUsers, boolean twoFactorAuth, Duration adminTokenLifetime, int maxSyncEntities,
      int maxAsyncEntities, int maxPageSize, int bulkCompletesAfterPolls, Duration oauthTimestampWindow,
      Instant start, Clock authClock, FaultSchedule faults, boolean adobeCommerceTenders) {

    public Config {
      Objects.requireNonNull(credentials, "credentials");
      adminUsers = Map.copyOf(adminUsers);
      Objects.requireNonNull(authClock, "authClock");
      Objects.requireNonNull(faults, "faults");
    }

    public ConfigBuilder toBuilder() {
      ConfigBuilder b = new ConfigBuilder();
      b.seed = seed;
      b.customers = customers;
      b.orders = orders;
      b.credentials = credentials;
      b.bearerEnabled = bearerEnabled;
      b.adminUsers = new HashMap<>(adminUsers);
      b.twoFactorAuth = twoFactorAuth;
      b.adminTokenLifetime = adminTokenLifetime;
      b.maxSyncEntities = maxSyncEntities;
      b.maxAsyncEntities = maxAsyncEntities;
      b.maxPageSize = maxPageSize;
      b.bulkCompletesAfterPolls = bulkCompletesAfterPolls;
      b.oauthTimestampWindow = oauthTimestampWindow;
      b.start = start;
      b.authClock = authClock;
      b.faults = faults;
      b.adobeCommerceTenders = adobeCommerceTenders;
      return b;
    }
  }

  /** Builds a {@link Config}; every setting has a default. */
  public static final class ConfigBuilder {
    private long seed = 42;
    private int customers = 25;
    private int orders = 40;
    private Credentials credentials = new Credentials("sim-consumer-key", "sim-consumer-secret",
        "sim-access-token", "sim-access-token-secret");
    private boolean bearerEnabled;
    private Map<String, String> adminUsers = new HashMap<>(Map.of("erp-sync", "Sim-Admin-Pass-1"));
    private boolean twoFactorAuth;
    private Duration adminTokenLifetime = Duration.ofHours(4);
    private int maxSyncEntities = 20;
    private int maxAsyncEntities = 5_000;
    private int maxPageSize = 300;
    private int bulkCompletesAfterPolls = 1;
    private Duration oauthTimestampWindow = Duration.ofMinutes(10);
    private Instant start = Instant.parse("2025-03-16T00:00:00Z");
    private Clock authClock = Clock.systemUTC();
    private FaultSchedule faults = FaultSchedule.none();
    private boolean adobeCommerceTenders;

    private ConfigBuilder() {}

    public ConfigBuilder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public ConfigBuilder customers(int customers) {
      this.customers = customers;
      return this;
    }

    public ConfigBuilder orders(int orders) {
      this.orders = orders;
      return this;
    }

    public ConfigBuilder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    public ConfigBuilder bearerEnabled(boolean bearerEnabled) {
      this.bearerEnabled = bearerEnabled;
      return this;
    }

    public ConfigBuilder adminUser(String username, String password) {
      this.adminUsers.put(username, password);
      return this;
    }

    public ConfigBuilder twoFactorAuth(boolean on) {
      this.twoFactorAuth = on;
      return this;
    }

    public ConfigBuilder adminTokenLifetime(Duration lifetime) {
      this.adminTokenLifetime = lifetime;
      return this;
    }

    public ConfigBuilder maxSyncEntities(int max) {
      this.maxSyncEntities = max;
      return this;
    }

    public ConfigBuilder maxAsyncEntities(int max) {
      this.maxAsyncEntities = max;
      return this;
    }

    public ConfigBuilder maxPageSize(int max) {
      this.maxPageSize = max;
      return this;
    }

    public ConfigBuilder bulkCompletesAfterPolls(int polls) {
      this.bulkCompletesAfterPolls = polls;
      return this;
    }

    public ConfigBuilder oauthTimestampWindow(Duration window) {
      this.oauthTimestampWindow = window;
      return this;
    }

    public ConfigBuilder start(Instant start) {
      this.start = start;
      return this;
    }

    public ConfigBuilder authClock(Clock clock) {
      this.authClock = clock;
      return this;
    }

    public ConfigBuilder faults(FaultSchedule faults) {
      this.faults = faults;
      return this;
    }

    /**
     * Adobe Commerce mode (off by default): seeded orders pay partly with gift card accounts, store credit
     * and reward points, as Adobe Commerce's {@code extension_attributes} show them ({@code gift_cards[]}
     * with {@code id}, {@code code} {@code GC-XXXX-XXXX}, {@code amount}; {@code gift_cards_amount};
     * {@code customer_balance_amount}; {@code reward_points_balance}, {@code reward_currency_amount}; their
     * {@code *_invoiced}/{@code *_refunded}), {@code grand_total} and the payment's amounts reduced by them:
     * the 2nd, 8th, 14th… order with two gift cards (+ 10 % store credit when a customer placed it) and the
     * payment method for the rest, the 4th, 10th, 16th… covered in full by one gift card (method
     * {@code free}), the 6th, 12th, 18th… placed by a customer with reward points. Invoices draw on the
     * tenders first; credit memos give back to store credit first and to gift cards what the payment
     * method cannot take back ({@code extension_attributes.customer_balance_amount},
     * {@code gift_cards_amount}). Everything else (customers, products, lines, states, documents) is the
     * same as without it, seed for seed.
     */
    public ConfigBuilder adobeCommerceTenders(boolean on) {
      this.adobeCommerceTenders = on;
      return this;
    }

    public Config build() {
      return new Config(seed, customers, orders, credentials, bearerEnabled, adminUsers, twoFactorAuth,
          adminTokenLifetime, maxSyncEntities, maxAsyncEntities, maxPageSize, bulkCompletesAfterPolls,
          oauthTimestampWindow, start, authClock, faults, adobeCommerceTenders);
    }
  }

  private static final String SALES = "Magento_Sales::sales";
  private static final String CUSTOMERS = "Magento_Customer::customer";
  private static final String CATALOG = "Magento_Catalog::products";
  private static final String INVENTORY = "Magento_InventoryApi::source";
  private static final String STOCK = "Magento_CatalogInventory::cataloginventory";
  private static final String BULK = "Magento_Logging::system_magento_logging_bulk_operations";

  private final Config config;
  private final SimServer server;
  private final Object lock = new Object();
  private final Map<String, Instant> adminTokens = new HashMap<>();
  private final Set<String> nonces = new HashSet<>();
  private SimStore store;
  private int authFailures;
  private int limitRejections;

  private MagentoSimulator(Config config, SimServer server) {
    this.config = config;
    this.server = server;
    reset();
    routes();
  }

  /** The default configuration's builder. */
  public static ConfigBuilder config() {
    return new ConfigBuilder();
  }

  /** Starts a simulator on a random free port with the default configuration. */
  public static MagentoSimulator start() {
    return start(config().build());
  }

  /** Starts a simulator on a random free port. */
  public static MagentoSimulator start(Config config) {
    return start(config, 0);
  }

  /** Starts a simulator on {@code port} (0 picks a free one). */
  public static MagentoSimulator start(Config config, int port) {
    return new MagentoSimulator(config, SimServer.start("magento", port, config.faults()));
  }

  /** Runs a simulator until the process is stopped: {@code java ... MagentoSimulator [port] [seed]}. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    MagentoSimulator sim = start(config().seed(seed).build(), port);
    System.out.println("Magento simulator on " + sim.baseUri() + " (consumer key "
        + sim.credentials().consumerKey() + ")");
    Thread.currentThread().join();
  }

  public URI baseUri() {
    return server.baseUri();
  }

  public Credentials credentials() {
    return config.credentials();
  }

  public Config configuration() {
    return config;
  }

  /** The HTTP server: its request log and fault schedule. */
  public SimServer server() {
    return server;
  }

  public FaultSchedule faults() {
    return server.faults();
  }

  @Override
  public void close() {
    server.close();
  }

  // ------------------------------------------------------------------ Java-level test helpers

  /** Forgets everything and seeds the store again from the configured seed. */
  public void reset() {
    synchronized (lock) {
      store = new SimStore(config.start());
      SimSeed.seed(store, config.seed(), config.customers(), config.orders(), config.adobeCommerceTenders());
      store.now = config.start();
      adminTokens.clear();
      nonces.clear();
      authFailures = 0;
      limitRejections = 0;
    }
  }

  /** Adds (or replaces) an order given as Magento JSON, e.g. a shared sample; returns its entity_id. */
  public long putOrder(String json) {
    JsonNode node = SimJson.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (!(node instanceof ObjectNode order)) {
      throw new IllegalArgumentException("not an order JSON object");
    }
    synchronized (lock) {
      long id = order.has("entity_id") ? order.get("entity_id").asLong() : store.nextOrderId++;
      order.put("entity_id", id);
      store.nextOrderId = Math.max(store.nextOrderId, id + 1);
      for (JsonNode item : order.path("items")) {
        store.nextItemId = Math.max(store.nextItemId, item.path("item_id").asLong() + 1);
      }
      store.orders.put(id, order);
      return id;
    }
  }

  /** The order JSON with {@code entityId}, or null. */
  public String orderJson(long entityId) {
    synchronized (lock) {
      ObjectNode o = store.orders.get(entityId);
      return o == null ? null : o.toString();
    }
  }

  /** All order entity ids. */
  public List<Long> orderIds() {
    synchronized (lock) {
      return List.copyOf(store.orders.keySet());
    }
  }

  /** Saves order {@code entityId} again: its {@code updated_at} becomes the store's current time. */
  public void touchOrder(long entityId) {
    synchronized (lock) {
      ObjectNode o = store.orders.get(entityId);
      if (o != null) {
        store.touch(o);
      }
    }
  }

  /**
   * Refunds {@code qty} of the first invoiced, not yet refunded line of order {@code incrementId} offline, as
   * the admin's "Credit Memo" does: a credit memo (refunded amounts, {@code adjustment_negative} = {@code fee}),
   * the order's {@code total_refunded} and history. Returns the credit memo's {@code entity_id}.
   *
   * @throws IllegalArgumentException when there is no such order or nothing invoiced is left to refund
   */
  public long refund(String incrementId, BigDecimal qty, BigDecimal fee) {
    return refund(incrementId, order -> SimSales.refund(store, order, qty, fee));
  }

  /** Runs a credit memo {@code action} on order {@code incrementId}; Magento's refusals become exceptions. */
  private long refund(String incrementId, java.util.function.ToLongFunction<ObjectNode> action) {
    synchronized (lock) {
      ObjectNode order = store.orders.values().stream()
          .filter(o -> incrementId.equals(o.path("increment_id").asText())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no order " + incrementId));
      try {
        return action.applyAsLong(order);
      } catch (SimErrors.Failure f) {
        throw new IllegalArgumentException("cannot refund order " + incrementId + ": "
            + new String(f.response.body(), java.nio.charset.StandardCharsets.UTF_8), f);
      }
    }
  }

  /**
   * A money-only credit memo for order {@code incrementId}, offline, as the admin's "Credit Memo" with every
   * quantity at 0 does: no items, {@code adjustment_positive} = {@code amount}; the order's
   * {@code total_refunded} and history. Magento's refund rules apply: the order must be invoiced, the
   * refund positive, and no more than what is left to refund ({@code total_paid − total_refunded}, plus
   * what store credit and gift cards can take back on Adobe Commerce orders). Returns the credit memo's
   * {@code entity_id}.
   *
   * <pre>{@code
   * long memo = magento.refundAdjustment("000001043", new BigDecimal("5.00"));  // a goodwill refund
   * }</pre>
   *
   * @throws IllegalArgumentException when there is no such order or Magento would refuse the refund
   */
  public long refundAdjustment(String incrementId, BigDecimal amount) {
    return refundAdjustment(incrementId, amount, false);
  }

  /**
   * {@link #refundAdjustment(String, BigDecimal)}, also refunding the order's shipping not refunded yet
   * (credit memo {@code shipping_amount}) when {@code refundShipping}.
   *
   * @throws IllegalArgumentException when there is no such order or Magento would refuse the refund
   */
  public long refundAdjustment(String incrementId, BigDecimal amount, boolean refundShipping) {
    return refund(incrementId, order -> SimSales.refundAdjustment(store, order, amount, refundShipping));
  }

  /** Moves the store's data clock (the {@code created_at}/{@code updated_at} it writes) forward. */
  public void advanceClock(Duration by) {
    synchronized (lock) {
      store.now = store.now.plus(by);
    }
  }

  /** The store's data clock. */
  public Instant now() {
    synchronized (lock) {
      return store.now;
    }
  }

  /**
   * A product's stored values per scope: {@code {"global":{...},"overrides":{"1":{...}}}} — what a store
   * view write really changed.
   */
  public String productScopes(String sku) {
    synchronized (lock) {
      SimStore.Product p = store.products.get(sku);
      return p == null ? null : scopes(p).toString();
    }
  }

  /** The product as store {@code storeCode} sees it (JSON), or null. */
  public String productJson(String sku, String storeCode) {
    synchronized (lock) {
      SimStore.Product p = store.products.get(sku);
      return p == null ? null : store.productView(p, SimStore.STORES.getOrDefault(storeCode, 1)).toString();
    }
  }

  /** All product skus. */
  public List<String> skus() {
    synchronized (lock) {
      return List.copyOf(store.products.keySet());
    }
  }

  /** Adds an open reservation (negative = reserved for an order) for {@code sku} in stock 1. */
  public void reserve(String sku, BigDecimal delta) {
    synchronized (lock) {
      store.reserve(sku, delta);
    }
  }

  /** The quantity of {@code sku} at {@code source}, or null when there is no such source item. */
  public BigDecimal sourceQuantity(String sku, String source) {
    synchronized (lock) {
      ObjectNode item = store.sourceItems.get(SimStore.sourceKey(sku, source));
      return item == null ? null : SimJson.dec(item.get("quantity"));
    }
  }

  /** The {@code status} (1 in stock, 0 out of stock) of {@code sku} at {@code source}, or null when there is none. */
  public Integer sourceItemStatus(String sku, String source) {
    synchronized (lock) {
      ObjectNode item = store.sourceItems.get(SimStore.sourceKey(sku, source));
      return item == null ? null : item.path("status").asInt();
    }
  }

  /** Salable quantity of {@code sku}: in-stock source quantities plus open reservations. */
  public BigDecimal salableQuantity(String sku) {
    synchronized (lock) {
      return store.salable(sku);
    }
  }

  /** Expires every admin token now (as the hourly cron would after their lifetime). */
  public void expireAdminTokens() {
    synchronized (lock) {
      adminTokens.replaceAll((k, v) -> Instant.MIN);
    }
  }

  /** The {@code /_sim/stats} document. */
  public String stats() {
    synchronized (lock) {
      return statsNode().toString();
    }
  }

  // ------------------------------------------------------------------ routing

  private void routes() {
    // sales
    api("GET", "orders", SALES, this::searchOrders);
    api("GET", "orders/{id}", SALES, r -> ok(order(r)));
    api("GET", "orders/{id}/statuses", SALES, r -> ok(SimJson.F.textNode(order(r).path("status").asText())));
    api("GET", "orders/{id}/comments", SALES, this::orderComments);
    api("POST", "orders/{id}/comments", SALES, this::addComment);
    api("POST", "orders/{id}/cancel", SALES, r -> ok(SimJson.F.booleanNode(SimSales.cancel(store, order(r)))));
    api("POST", "orders/{id}/hold", SALES, r -> ok(SimJson.F.booleanNode(hold(order(r), true))));
    api("POST", "orders/{id}/unhold", SALES, r -> ok(SimJson.F.booleanNode(hold(order(r), false))));
    api("POST", "order/{id}/invoice", SALES, r -> ok(SimJson.F.numberNode(
        SimSales.invoice(store, order(r), body(r)))));
    api("POST", "order/{id}/ship", SALES, r -> ok(SimJson.F.numberNode(SimSales.ship(store, order(r), body(r)))));
    api("GET", "shipments", SALES, r -> search(r, store.shipments.values(), Map.of(), "entity_id"));
    api("GET", "shipment/{id}", SALES, r -> ok(document(store.shipments, r)));
    api("GET", "invoices", SALES, r -> search(r, store.invoices.values(), Map.of(), "entity_id"));
    api("GET", "invoices/{id}", SALES, r -> ok(document(store.invoices, r)));
    api("GET", "creditmemos", SALES, r -> search(r, store.creditmemos.values(), Map.of(), "entity_id"));
    api("GET", "creditmemo/{id}", SALES, r -> ok(document(store.creditmemos, r)));
    // customers
    api("GET", "customers/search", CUSTOMERS,
        r -> search(r, store.customers.values(), Map.of("entity_id", "id"), "id"));
    api("GET", "customers/{id}", CUSTOMERS, r -> ok(customer(r)));
    api("POST", "customers", CUSTOMERS, this::createCustomer);
    api("PUT", "customers/{id}", CUSTOMERS, this::updateCustomer);
    // prices (before products/{sku}: same prefix)
    api("POST", "products/base-prices", CATALOG, this::saveBasePrices);
    api("POST", "products/base-prices-information", CATALOG, this::basePrices);
    api("POST", "products/tier-prices", CATALOG, r -> saveTierPrices(r, false));
    api("PUT", "products/tier-prices", CATALOG, r -> saveTierPrices(r, true));
    api("POST", "products/tier-prices-information", CATALOG, this::tierPrices);
    // products
    api("GET", "products", CATALOG, this::searchProducts);
    api("POST", "products", CATALOG, this::createProduct);
    api("GET", "products/{sku}", CATALOG, this::getProduct);
    api("PUT", "products/{sku}", CATALOG, this::updateProduct);
    api("PUT", "products/{sku}/stockItems/{itemId}", STOCK, this::updateStockItem);
    api("GET", "stockItems/{sku}", STOCK, this::stockItem);
    // MSI
    api("GET", "inventory/sources", INVENTORY, r -> search(r, store.sources.values(), Map.of(), "source_code"));
    api("POST", "inventory/source-items", INVENTORY, this::saveSourceItems);
    api("GET", "inventory/source-items", INVENTORY,
        r -> search(r, store.sourceItems.values(), Map.of(), "sku"));
    api("POST", "inventory/source-items-delete", INVENTORY, this::deleteSourceItems);
    api("GET", "inventory/get-product-salable-quantity/{sku}/{stockId}", INVENTORY,
        r -> ok(SimJson.num(store.salable(r.param("sku")))));
    // bulk
    api("GET", "bulk/{uuid}/status", BULK, r -> bulkStatus(r, false));
    api("GET", "bulk/{uuid}/detailed-status", BULK, r -> bulkStatus(r, true));
    for (String method : List.of("POST", "PUT", "DELETE")) {
      server.route(method, "/rest/{store}/async/bulk/V1/{route*}", guarded(BULK, this::submitBulk));
    }
    // auth
    SimHandler token = r -> {
      synchronized (lock) {
        return adminToken(r);
      }
    };
    server.route("POST", "/rest/{store}/V1/integration/admin/token", token);
    server.route("POST", "/rest/V1/integration/admin/token", token);
    // test helpers
    server.route("GET", "/_sim/stats", r -> SimResponse.rawJson(200, stats()));
    server.route("POST", "/_sim/reset", r -> {
      reset();
      return SimResponse.rawJson(200, "true");
    });
    server.route("POST", "/_sim/orders", r -> SimResponse.rawJson(200, String.valueOf(putOrder(r.bodyText()))));
    server.route("POST", "/_sim/orders/{id}/touch", r -> {
      touchOrder(Long.parseLong(r.param("id")));
      return SimResponse.rawJson(200, "true");
    });
    server.route("POST", "/_sim/clock/advance", r -> {
      advanceClock(Duration.ofSeconds(Long.parseLong(r.queryParam("seconds").orElse("1"))));
      return SimResponse.rawJson(200, "\"" + SimStore.TS.format(now()) + "\"");
    });
    server.route("GET", "/_sim/products/{sku}/scopes", r -> {
      String scopes = productScopes(r.param("sku"));
      return scopes == null ? SimResponse.rawJson(404, "null") : SimResponse.rawJson(200, scopes);
    });
    server.route("POST", "/_sim/reservations", r -> {
      JsonNode b = SimJson.parse(r.body());
      reserve(b.path("sku").asText(), SimJson.dec(b.get("quantity")));
      return SimResponse.rawJson(200, "true");
    });
    server.route("POST", "/_sim/tokens/expire", r -> {
      expireAdminTokens();
      return SimResponse.rawJson(200, "true");
    });
  }

  /** Registers a route under {@code /rest/<store>/V1/} and {@code /rest/V1/} (the default store view). */
  private void api(String method, String route, String resource, Function<Scoped, SimResponse> handler) {
    server.route(method, "/rest/{store}/V1/" + route, guarded(resource, handler));
    server.route(method, "/rest/V1/" + route, guarded(resource, handler));
  }

  /** A request with its resolved store id. */
  private record Scoped(SimRequest request, String storeCode, int storeId) {
    String param(String name) {
      return request.param(name);
    }
  }

  private SimHandler guarded(String resource, Function<Scoped, SimResponse> handler) {
    return request -> {
      synchronized (lock) {
        if (!authorized(request)) {
          authFailures++;
          return SimErrors.unauthorized(resource);
        }
        String code = request.pathParams().getOrDefault("store", "default");
        Integer storeId = SimStore.STORES.get(code);
        if (storeId == null) {
          return SimErrors.error(404, "The store that was requested wasn't found. Verify the store and try again.",
              null);
        }
        try {
          return handler.apply(new Scoped(request, code, storeId));
        } catch (SimErrors.Failure f) {
          if (f.response.status() == 400 && new String(f.response.body(), java.nio.charset.StandardCharsets.UTF_8).contains("Maximum items of type")) {
            limitRejections++;
          }
          return f.response;
        }
      }
    };
  }

  private boolean authorized(SimRequest request) {
    String header = request.header("authorization").orElse("");
    Credentials c = config.credentials();
    Instant now = config.authClock().instant();
    if (header.regionMatches(true, 0, "OAuth ", 0, 6)) {
      Map<String, String> oauth = SimOAuth.params(header);
      if (!c.consumerKey().equals(oauth.get("oauth_consumer_key")) || !c.accessToken().equals(oauth.get("oauth_token"))
          || !"HMAC-SHA256".equals(oauth.get("oauth_signature_method"))) {
        return false;
      }
      long ts;
      try {
        ts = Long.parseLong(oauth.getOrDefault("oauth_timestamp", ""));
      } catch (NumberFormatException e) {
        return false;
      }
      if (Math.abs(now.getEpochSecond() - ts) > config.oauthTimestampWindow().toSeconds()) {
        return false;
      }
      String nonce = oauth.get("oauth_nonce");
      if (nonce == null || nonces.contains(ts + ":" + nonce)) {
        return false;
      }
      if (!SimOAuth.validSignature(request, server.baseUri().toString(), oauth, c.consumerSecret(),
          c.accessTokenSecret())) {
        return false;
      }
      nonces.add(ts + ":" + nonce);
      return true;
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      Instant expiry = adminTokens.get(token);
      if (expiry != null) {
        return now.isBefore(expiry);
      }
      return config.bearerEnabled() && token.equals(c.accessToken());
    }
    return false;
  }

  private SimResponse adminToken(SimRequest r) {
    JsonNode body = SimJson.parse(r.body());
    String user = body == null ? null : body.path("username").asText(null);
    String password = body == null ? null : body.path("password").asText(null);
    if (user == null || password == null) {
      return SimErrors.required(user == null ? "username" : "password").response;
    }
    if (!password.equals(config.adminUsers().get(user))) {
      authFailures++;
      return SimErrors.error(401, "The account sign-in was incorrect or your account is disabled temporarily. "
          + "Please wait and try again later.", null);
    }
    if (config.twoFactorAuth()) {
      return SimErrors.error(401, "Please use the 2fa provider-specific endpoints to obtain a token.",
          Map.of("active_providers", List.of("google")));
    }
    String token = UUID.randomUUID().toString().replace("-", "");
    adminTokens.put(token, config.authClock().instant().plus(config.adminTokenLifetime()));
    return SimResponse.json(200, token);
  }

  // ------------------------------------------------------------------ helpers

  private static SimResponse ok(JsonNode node) {
    return SimResponse.json(200, node);
  }

  private static JsonNode body(Scoped r) {
    JsonNode body = SimJson.parse(r.request().body());
    if (body == null) {
      throw SimErrors.fail(400, "Decoding error: %1", Map.of("1", "the request body is not valid JSON"));
    }
    return body;
  }

  private ObjectNode order(Scoped r) {
    ObjectNode o = store.orders.get(parseId(r.param("id")));
    if (o == null) {
      throw SimErrors.fail(404, "The entity that was requested doesn't exist. Verify the entity and try again.");
    }
    return o;
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ObjectNode document(Map<Long, ObjectNode> docs, Scoped r) {
    ObjectNode d = docs.get(parseId(r.param("id")));
    if (d == null) {
      throw SimErrors.fail(404, "The entity that was requested doesn't exist. Verify the entity and try again.");
    }
    return d;
  }

  private SimResponse search(Scoped r, java.util.Collection<? extends JsonNode> rows, Map<String, String> aliases,
      String idField) {
    SimSearch.Criteria c = SimSearch.parse(r.request().query());
    if (c.problem() != null) {
      return SimErrors.error(400, c.problem(), Map.of("fieldName", "searchCriteria"));
    }
    if (c.pageSize() != null && c.pageSize() > config.maxPageSize()) {
      // SearchCriteriaValidator: not clamped, refused
      return SimErrors.error(400, "Maximum SearchCriteria pageSize is %max", Map.of("max", config.maxPageSize()));
    }
    List<JsonNode> matched = new ArrayList<>();
    for (JsonNode row : rows) {
      if (SimSearch.matches(row, c.groups(), aliases)) {
        matched.add(row);
      }
    }
    matched.sort(SimSearch.comparator(c.sorts(), aliases, idField));
    int pageSize = c.pageSize() == null || c.pageSize() <= 0 ? Math.max(1, matched.size()) : c.pageSize();
    int page = c.currentPage() == null ? 1 : c.currentPage();
    return ok(SimSearch.envelope(matched, c, pageSize, page));
  }

  private SimResponse searchOrders(Scoped r) {
    return search(r, store.orders.values(), Map.of(), "entity_id");
  }

  private SimResponse orderComments(Scoped r) {
    ObjectNode out = SimJson.object();
    ArrayNode items = out.putArray("items");
    order(r).path("status_histories").forEach(items::add);
    out.put("total_count", items.size());
    return ok(out);
  }

  private SimResponse addComment(Scoped r) {
    ObjectNode order = order(r);
    JsonNode entry = body(r).path("statusHistory");
    if (entry.isMissingNode()) {
      throw SimErrors.required("statusHistory");
    }
    // omitting status nulls the order's status (#34180): reproduced on purpose
    String status = entry.hasNonNull("status") ? entry.get("status").asText() : null;
    if (status == null) {
      order.putNull("status");
    } else {
      order.put("status", status);
    }
    store.addHistory(order, entry.path("comment").asText(null), status, "order",
        entry.path("is_customer_notified").asInt(0) == 1);
    store.touch(order);
    return ok(SimJson.F.booleanNode(true));
  }

  private boolean hold(ObjectNode order, boolean hold) {
    String state = order.path("state").asText();
    if (hold) {
      if (List.of("complete", "closed", "canceled", "holded").contains(state)) {
        return false;
      }
      order.put("hold_before_state", state);
      order.put("hold_before_status", order.path("status").asText());
      order.put("state", "holded");
      order.put("status", "holded");
    } else {
      if (!state.equals("holded")) {
        return false;
      }
      order.put("state", order.path("hold_before_state").asText("new"));
      order.put("status", order.path("hold_before_status").asText("pending"));
    }
    store.touch(order);
    return true;
  }

  // customers

  private ObjectNode customer(Scoped r) {
    long id = parseId(r.param("id"));
    ObjectNode c = store.customers.get(id);
    if (c == null) {
      throw SimErrors.fail(404, "No such entity with %fieldName = %fieldValue",
          Map.of("fieldName", "customerId", "fieldValue", id));
    }
    return c;
  }

  private SimResponse createCustomer(Scoped r) {
    JsonNode c = body(r).path("customer");
    List<String> missing = new ArrayList<>();
    for (String f : List.of("firstname", "lastname", "email")) {
      if (c.path(f).asText("").isBlank()) {
        missing.add(f);
      }
    }
    if (!missing.isEmpty()) {
      throw SimErrors.required(missing.toArray(String[]::new));
    }
    int website = c.path("website_id").asInt(1);
    for (ObjectNode existing : store.customers.values()) {
      if (existing.path("email").asText().equalsIgnoreCase(c.path("email").asText())
          && existing.path("website_id").asInt(1) == website) {
        throw SimErrors.fail(400, "A customer with the same email address already exists in an associated website.");
      }
    }
    long id = store.nextCustomerId++;
    ObjectNode created = ((ObjectNode) c).deepCopy();
    created.put("id", id);
    created.put("website_id", website);
    created.put("group_id", c.path("group_id").asInt(1));
    created.put("store_id", r.storeId() == 0 ? 1 : r.storeId());
    created.put("created_at", store.ts());
    created.put("updated_at", store.ts());
    created.put("created_in", "Default Store View");
    created.put("disable_auto_group_change", 0);
    saveAddresses(created, id);
    store.customers.put(id, created);
    return ok(created);
  }

  private SimResponse updateCustomer(Scoped r) {
    ObjectNode current = customer(r);
    long id = current.path("id").asLong();
    JsonNode c = body(r).path("customer");
    List<String> missing = new ArrayList<>();
    for (String f : List.of("firstname", "lastname", "email")) {
      if (c.path(f).asText("").isBlank()) {
        missing.add(f);
      }
    }
    if (!missing.isEmpty()) {
      throw SimErrors.required(missing.toArray(String[]::new));
    }
    ObjectNode updated = ((ObjectNode) c).deepCopy();
    updated.put("id", id);
    if (!updated.has("addresses")) {
      // no addresses in the body: the current ones are kept
      updated.set("addresses", current.get("addresses"));
    }
    // with an addresses array, the set is replaced: addresses not listed are deleted (CustomerRepository::save)
    for (String keep : List.of("created_at", "created_in", "store_id", "website_id", "group_id")) {
      if (!updated.has(keep) && current.has(keep)) {
        updated.set(keep, current.get(keep));
      }
    }
    updated.put("updated_at", store.ts());
    saveAddresses(updated, id);
    store.customers.put(id, updated);
    return ok(updated);
  }

  private void saveAddresses(ObjectNode customer, long id) {
    customer.remove("default_billing");
    customer.remove("default_shipping");
    for (JsonNode a : customer.path("addresses")) {
      ObjectNode address = (ObjectNode) a;
      if (!address.hasNonNull("id")) {
        address.put("id", store.nextAddressId++);
      }
      address.put("customer_id", id);
      if (address.path("default_billing").asBoolean(false)) {
        customer.put("default_billing", address.path("id").asText());
      } else {
        address.remove("default_billing");
      }
      if (address.path("default_shipping").asBoolean(false)) {
        customer.put("default_shipping", address.path("id").asText());
      } else {
        address.remove("default_shipping");
      }
    }
  }

  // products

  private SimStore.Product product(String sku) {
    SimStore.Product p = store.products.get(sku);
    if (p == null) {
      throw SimErrors.fail(404, "The product that was requested doesn't exist. Verify the product and try again.");
    }
    return p;
  }

  private SimResponse searchProducts(Scoped r) {
    // products named by sku (eq / in) are picked by key, so a large catalogue is not copied per request;
    // the search itself still runs on them
    Set<String> named = namedSkus(SimSearch.parse(r.request().query()));
    java.util.Collection<SimStore.Product> candidates = named == null ? store.products.values()
        : named.stream().map(store.products::get).filter(Objects::nonNull).toList();
    List<JsonNode> views = new ArrayList<>();
    for (SimStore.Product p : candidates) {
      views.add(store.productView(p, r.storeId()));
    }
    return search(r, views, Map.of("entity_id", "id"), "id");
  }

  /** The skus a search is restricted to by a filter group of sku eq / in filters only, or null. */
  private static Set<String> namedSkus(SimSearch.Criteria c) {
    if (c.problem() != null) {
      return null;
    }
    for (List<SimSearch.Filter> group : c.groups()) {
      if (group.stream().allMatch(f -> f.field().equals("sku") && (f.condition().equals("eq") || f.condition().equals("in")))) {
        Set<String> skus = new HashSet<>();
        for (SimSearch.Filter f : group) {
          if (f.condition().equals("eq")) {
            skus.add(f.value());
          } else {
            for (String v : f.value().split(",")) {
              skus.add(v.trim());
            }
          }
        }
        return skus;
      }
    }
    return null;
  }

  private SimResponse getProduct(Scoped r) {
    return ok(store.productView(product(r.param("sku")), r.storeId()));
  }

  private SimResponse updateProduct(Scoped r) {
    SimStore.Product p = product(r.param("sku"));
    JsonNode values = body(r).path("product");
    if (!values.isObject()) {
      throw SimErrors.required("product");
    }
    ObjectNode copy = ((ObjectNode) values).deepCopy();
    copy.remove("sku");
    store.writeProduct(p, copy, r.storeId());
    return ok(store.productView(p, r.storeId()));
  }

  private SimResponse createProduct(Scoped r) {
    JsonNode values = body(r).path("product");
    String sku = values.path("sku").asText("");
    if (sku.isBlank()) {
      throw SimErrors.required("sku");
    }
    SimStore.Product existing = store.products.get(sku);
    if (existing != null) {
      // the repository save is an upsert: an existing sku is updated (#4952)
      store.writeProduct(existing, ((ObjectNode) values).deepCopy(), r.storeId());
      return ok(store.productView(existing, r.storeId()));
    }
    if (values.path("name").asText("").isBlank()) {
      throw SimErrors.fail(400, "The value of attribute \"%1\" must be set", Map.of("1", "name"));
    }
    ObjectNode global = SimJson.object();
    global.put("id", store.nextProductId++);
    global.put("sku", sku);
    global.put("attribute_set_id", values.path("attribute_set_id").asInt(4));
    global.put("type_id", values.path("type_id").asText("simple"));
    global.put("status", values.path("status").asInt(1));
    global.put("visibility", values.path("visibility").asInt(4));
    global.set("price", values.has("price") ? values.get("price") : SimJson.num(BigDecimal.ZERO));
    global.put("created_at", store.ts());
    global.putArray("media_gallery_entries");
    global.putArray("custom_attributes");
    SimStore.Product p = new SimStore.Product(global);
    // a new product's values are saved globally (bulk-endpoints.md: create without store code)
    store.writeProduct(p, ((ObjectNode) values).deepCopy(), 0);
    store.products.put(sku, p);
    return ok(store.productView(p, r.storeId()));
  }

  private SimResponse stockItem(Scoped r) {
    SimStore.Product p = product(r.param("sku"));
    return ok(p.global.path("extension_attributes").path("stock_item"));
  }

  private SimResponse updateStockItem(Scoped r) {
    SimStore.Product p = product(r.param("sku"));
    JsonNode item = body(r).path("stockItem");
    ObjectNode stock = (ObjectNode) p.global.path("extension_attributes").path("stock_item");
    boolean configurable = p.global.path("type_id").asText().equals("configurable");
    // 200 but nothing changes for configurable products or manage_stock = 0 (#2392)
    if (!configurable && stock.path("manage_stock").asBoolean(true)) {
      if (item.has("qty")) {
        stock.set("qty", item.get("qty"));
      }
      if (item.has("is_in_stock")) {
        stock.put("is_in_stock", item.get("is_in_stock").asBoolean());
      }
    }
    return ok(SimJson.F.numberNode(stock.path("item_id").asLong()));
  }

  // MSI

  private SimResponse saveSourceItems(Scoped r) {
    JsonNode items = body(r).path("sourceItems");
    if (!items.isArray()) {
      throw SimErrors.required("sourceItems");
    }
    if (items.size() > config.maxSyncEntities()) {
      throw SimErrors.tooMany("\\Magento\\InventoryApi\\Api\\Data\\SourceItemInterface", config.maxSyncEntities());
    }
    List<String> missing = new ArrayList<>();
    for (JsonNode item : items) {
      for (String f : List.of("sku", "source_code", "quantity", "status")) {
        if (!item.hasNonNull(f)) {
          missing.add(f);
        }
      }
    }
    if (!missing.isEmpty()) {
      throw SimErrors.required(missing.toArray(String[]::new));
    }
    for (JsonNode item : items) {
      String source = item.path("source_code").asText();
      if (!store.sources.containsKey(source)) {
        throw SimErrors.fail(400, "Could not save Source Item");
      }
      if (!store.products.containsKey(item.path("sku").asText())) {
        throw SimErrors.fail(400, "Could not save Source Item");
      }
    }
    for (JsonNode item : items) {
      ObjectNode saved = SimJson.object();
      saved.put("sku", item.path("sku").asText());
      saved.put("source_code", item.path("source_code").asText());
      saved.set("quantity", item.get("quantity"));
      saved.put("status", item.path("status").asInt());
      store.sourceItems.put(SimStore.sourceKey(item.path("sku").asText(), item.path("source_code").asText()), saved);
    }
    return ok(SimJson.array());
  }

  private SimResponse deleteSourceItems(Scoped r) {
    JsonNode items = body(r).path("sourceItems");
    if (items.size() > config.maxSyncEntities()) {
      throw SimErrors.tooMany("\\Magento\\InventoryApi\\Api\\Data\\SourceItemInterface", config.maxSyncEntities());
    }
    for (JsonNode item : items) {
      store.sourceItems.remove(SimStore.sourceKey(item.path("sku").asText(), item.path("source_code").asText()));
    }
    return ok(SimJson.array());
  }

  // prices

  private SimResponse saveBasePrices(Scoped r) {
    JsonNode prices = body(r).path("prices");
    if (prices.size() > config.maxSyncEntities()) {
      throw SimErrors.tooMany("\\Magento\\Catalog\\Api\\Data\\BasePriceInterface", config.maxSyncEntities());
    }
    ArrayNode failures = SimJson.array();
    for (JsonNode price : prices) {
      String sku = price.path("sku").asText("");
      SimStore.Product p = store.products.get(sku);
      if (p == null) {
        failures.add(priceFailure("SKU", sku));
        continue;
      }
      if (!price.hasNonNull("price") || SimJson.dec(price.get("price")).signum() < 0) {
        failures.add(priceFailure("Price", price.path("price").asText("")));
        continue;
      }
      // price scope global (the default): stored at store 0 whatever store_id says
      p.global.set("price", price.get("price"));
      p.global.put("updated_at", store.ts());
    }
    return ok(failures);
  }

  private static ObjectNode priceFailure(String field, String value) {
    ObjectNode f = SimJson.object();
    f.put("message", "Invalid attribute %fieldName = %fieldValue.");
    f.putObject("parameters").put("fieldName", field).put("fieldValue", value);
    return f;
  }

  private SimResponse basePrices(Scoped r) {
    ArrayNode out = SimJson.array();
    for (JsonNode sku : body(r).path("skus")) {
      SimStore.Product p = store.products.get(sku.asText());
      if (p == null) {
        throw SimErrors.fail(404, "Requested products don't exist: %sku", Map.of("sku", sku.asText()));
      }
      out.addObject().set("price", p.global.get("price"));
      ((ObjectNode) out.get(out.size() - 1)).put("store_id", 0).put("sku", sku.asText());
    }
    return ok(out);
  }

  private SimResponse saveTierPrices(Scoped r, boolean replace) {
    JsonNode prices = body(r).path("prices");
    if (prices.size() > config.maxSyncEntities()) {
      throw SimErrors.tooMany("\\Magento\\Catalog\\Api\\Data\\TierPriceInterface", config.maxSyncEntities());
    }
    ArrayNode failures = SimJson.array();
    Set<String> replaced = new HashSet<>();
    for (JsonNode price : prices) {
      String sku = price.path("sku").asText("");
      SimStore.Product p = store.products.get(sku);
      if (p == null) {
        failures.add(priceFailure("SKU", sku));
        continue;
      }
      String group = price.path("customer_group").asText("");
      if (!SimStore.CUSTOMER_GROUPS.contains(group) && !group.equals("ALL GROUPS")) {
        failures.add(priceFailure("Customer Group", group));
        continue;
      }
      String type = price.path("price_type").asText("");
      if (!type.equals("fixed") && !type.equals("discount")) {
        failures.add(priceFailure("Price Type", type));
        continue;
      }
      if (replace && replaced.add(sku)) {
        p.tierPrices.clear();
      }
      p.tierPrices.removeIf(t -> t.path("customer_group").asText().equals(group)
          && t.path("website_id").asInt() == price.path("website_id").asInt()
          && SimJson.dec(t.get("quantity")).compareTo(SimJson.dec(price.get("quantity"))) == 0);
      ObjectNode saved = SimJson.object();
      saved.set("price", price.get("price"));
      saved.put("price_type", type);
      saved.put("website_id", price.path("website_id").asInt());
      saved.put("sku", sku);
      saved.put("customer_group", group);
      saved.set("quantity", price.get("quantity"));
      p.tierPrices.add(saved);
    }
    return ok(failures);
  }

  private SimResponse tierPrices(Scoped r) {
    ArrayNode out = SimJson.array();
    for (JsonNode sku : body(r).path("skus")) {
      SimStore.Product p = store.products.get(sku.asText());
      if (p != null) {
        p.tierPrices.forEach(t -> out.add(t.deepCopy()));
      }
    }
    return ok(out);
  }

  // bulk

  private SimResponse submitBulk(Scoped r) {
    JsonNode bodies = SimJson.parse(r.request().body());
    if (bodies == null || !bodies.isArray()) {
      throw SimErrors.fail(400, "Bulk request body must be an array of request bodies");
    }
    if (bodies.size() > config.maxAsyncEntities()) {
      throw SimErrors.tooMany("array", config.maxAsyncEntities());
    }
    String route = r.param("route");
    String uuid = UUID.randomUUID().toString();
    SimStore.Bulk bulk = new SimStore.Bulk(uuid, r.storeCode(), r.request().method(), route, store.ts());
    ObjectNode answer = SimJson.object();
    answer.put("bulk_uuid", uuid);
    ArrayNode items = answer.putArray("request_items");
    for (int i = 0; i < bodies.size(); i++) {
      ObjectNode op = SimJson.object();
      op.put("id", i);
      op.put("status", 4);
      bulk.operations.add(op);
      bulk.bodies.add(bodies.get(i));
      ObjectNode item = items.addObject();
      item.put("id", i);
      item.put("data_hash", Integer.toHexString(bodies.get(i).hashCode()));
      item.put("status", "accepted");
    }
    answer.put("errors", false);
    store.bulks.put(uuid, bulk);
    return SimResponse.json(202, answer);
  }

  private SimResponse bulkStatus(Scoped r, boolean detailed) {
    SimStore.Bulk bulk = store.bulks.get(r.param("uuid"));
    if (bulk == null) {
      throw SimErrors.fail(404, "Bulk uuid %bulkUuid not exist", Map.of("bulkUuid", r.param("uuid")));
    }
    bulk.polls++;
    if (!bulk.processed && bulk.polls >= config.bulkCompletesAfterPolls()) {
      runBulk(bulk);
    }
    ObjectNode out = SimJson.object();
    ArrayNode ops = out.putArray(detailed ? "operations_list" : "operations_list");
    for (ObjectNode op : bulk.operations) {
      ObjectNode o = op.deepCopy();
      if (detailed) {
        o.put("bulk_uuid", bulk.uuid);
        o.put("topic_name", "async.magento." + bulk.route.replace('/', '.') + "." + bulk.method.toLowerCase());
      }
      ops.add(o);
    }
    out.put("user_type", 1);
    out.put("bulk_id", bulk.uuid);
    out.put("description", "Topic async." + bulk.route);
    out.put("start_time", bulk.startTime);
    out.put("user_id", 1);
    out.put("operation_count", bulk.operations.size());
    return ok(out);
  }

  /** Runs a bulk's operations through the synchronous handlers, recording each outcome. */
  private void runBulk(SimStore.Bulk bulk) {
    bulk.processed = true;
    int storeId = SimStore.STORES.getOrDefault(bulk.store, 1);
    for (int i = 0; i < bulk.operations.size(); i++) {
      ObjectNode op = bulk.operations.get(i);
      JsonNode body = bulk.bodies.get(i);
      try {
        String route = bulk.route;
        Map<String, String> params = new HashMap<>();
        params.put("store", bulk.store);
        Function<Scoped, SimResponse> handler;
        if (route.equals("products/bySku") && bulk.method.equals("PUT")) {
          params.put("sku", body.path("product").path("sku").asText());
          handler = this::updateProduct;
        } else if (route.equals("inventory/source-items") && bulk.method.equals("POST")) {
          handler = this::saveSourceItems;
        } else if (route.equals("products") && bulk.method.equals("POST")) {
          handler = this::createProduct;
        } else {
          throw SimErrors.fail(400, "Specified request cannot be processed.");
        }
        SimRequest request = new SimRequest(bulk.method, "/rest/" + bulk.store + "/V1/" + route, "", params,
            Map.of(), Map.of(), SimJson.bytes(body));
        SimResponse response = handler.apply(new Scoped(request, bulk.store, storeId));
        op.put("status", response.status() < 300 ? 1 : 3);
        if (response.status() >= 300) {
          op.put("result_message", SimJson.parse(response.body()).path("message").asText());
          op.put("error_code", response.status());
        }
      } catch (SimErrors.Failure f) {
        op.put("status", 3);
        JsonNode error = SimJson.parse(f.response.body());
        String message = error == null ? "failed" : error.path("message").asText();
        if (error != null && error.path("parameters").isObject()) {
          for (var e : error.get("parameters").properties()) {
            message = message.replace("%" + e.getKey(), e.getValue().asText());
          }
        }
        op.put("result_message", message);
        op.put("error_code", f.response.status());
      }
    }
  }

  // stats

  private ObjectNode scopes(SimStore.Product p) {
    ObjectNode out = SimJson.object();
    out.set("global", p.global.deepCopy());
    ObjectNode overrides = out.putObject("overrides");
    p.overrides.forEach((id, values) -> overrides.set(String.valueOf(id), values.deepCopy()));
    return out;
  }

  private ObjectNode statsNode() {
    ObjectNode s = SimJson.object();
    s.put("orders", store.orders.size());
    s.put("customers", store.customers.size());
    s.put("products", store.products.size());
    s.put("source_items", store.sourceItems.size());
    s.put("shipments", store.shipments.size());
    s.put("invoices", store.invoices.size());
    s.put("creditmemos", store.creditmemos.size());
    s.put("bulks", store.bulks.size());
    s.put("auth_failures", authFailures);
    s.put("limit_rejections", limitRejections);
    ObjectNode byOrder = s.putObject("documents_by_order");
    for (ObjectNode order : store.orders.values()) {
      long id = order.path("entity_id").asLong();
      long shipments = store.shipments.values().stream().filter(d -> d.path("order_id").asLong() == id).count();
      long invoices = store.invoices.values().stream().filter(d -> d.path("order_id").asLong() == id).count();
      long creditmemos = store.creditmemos.values().stream().filter(d -> d.path("order_id").asLong() == id).count();
      if (shipments + invoices + creditmemos == 0) {
        continue;
      }
      ObjectNode o = byOrder.putObject(order.path("increment_id").asText());
      o.put("shipments", shipments);
      o.put("invoices", invoices);
      o.put("creditmemos", creditmemos);
      ArrayNode tracks = o.putArray("tracks");
      store.shipments.values().stream().filter(d -> d.path("order_id").asLong() == id)
          .forEach(d -> d.path("tracks").forEach(t -> tracks.add(t.path("track_number").asText())));
      o.put("state", order.path("state").asText());
    }
    ObjectNode overrides = s.putObject("store_view_overrides");
    store.products.forEach((sku, p) -> {
      if (!p.overrides.isEmpty()) {
        ArrayNode stores = overrides.putArray(sku);
        p.overrides.keySet().forEach(stores::add);
      }
    });
    return s;
  }
}
