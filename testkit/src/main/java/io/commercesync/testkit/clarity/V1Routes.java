package io.commercesync.testkit.clarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.clarity.ClarityStore.SimCustomer;
import io.commercesync.testkit.clarity.ClarityStore.SimOrder;
import io.commercesync.testkit.clarity.ClarityStore.SimProduct;
import io.commercesync.testkit.clarity.ClarityStore.SimShipment;
import io.commercesync.testkit.http.SimHandler;
import io.commercesync.testkit.http.SimRequest;
import io.commercesync.testkit.http.SimResponse;
import io.commercesync.testkit.http.SimServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /api/v1} contract (reference §4 [P]) over the shared store: OAuth client credentials or
 * {@code X-Api-Key}, {@code page}/{@code pageSize}/{@code updatedSince}, {@code Idempotency-Key}
 * replays, RFC 9457 problems with JSON pointers, 429 with {@code Retry-After} and {@code X-RateLimit-*}.
 */
final class V1Routes {

  static final String BASE = "/api/v1";
  static final int MAX_PAGE_SIZE = 250;

  private final ClarityStore store;
  private final SimAuth auth;
  private final SimClock clock;
  private final int rateLimit;
  private final long windowSeconds;
  private long windowStart = -1;
  private int used;
  private int problems;

  V1Routes(ClarityStore store, SimAuth auth, SimClock clock, int rateLimit, long windowSeconds) {
    this.store = store;
    this.auth = auth;
    this.clock = clock;
    this.rateLimit = rateLimit;
    this.windowSeconds = windowSeconds;
  }

  void register(SimServer server) {
    server.route("POST", BASE + "/oauth/token", this::token);
    server.route("GET", BASE + "/orders", guard(this::listOrders));
    server.route("GET", BASE + "/orders/{orderId}/shipments", guard(this::listShipments));
    server.route("POST", BASE + "/orders/{orderId}/shipments", guard(idempotent(this::createShipment)));
    server.route("GET", BASE + "/orders/{orderId}", guard(this::getOrder));
    server.route("PATCH", BASE + "/orders/{orderId}", guard(idempotent(this::patchOrder)));
    server.route("GET", BASE + "/customers", guard(this::listCustomers));
    server.route("POST", BASE + "/customers", guard(idempotent(this::createCustomer)));
    server.route("GET", BASE + "/customers/{customerId}", guard(this::getCustomer));
    server.route("PUT", BASE + "/customers/{customerId}", guard(idempotent(this::putCustomer)));
    server.route("GET", BASE + "/products/{sku}", guard(this::getProduct));
    server.route("PATCH", BASE + "/products/{sku}", guard(idempotent(this::patchProduct)));
    server.route("POST", BASE + "/products", guard(idempotent(this::createProduct)));
    server.route("GET", BASE + "/inventory/levels", guard(this::listLevels));
    server.route("POST", BASE + "/inventory/levels", guard(idempotent(this::postLevels)));
    server.route("GET", BASE + "/invoices/{number}", guard(this::getInvoice));
    server.route("PUT", BASE + "/invoices/{number}", guard(idempotent(this::putInvoice)));
    // returns: CommerceSync's addition to the proposal [P+]
    server.route("GET", BASE + "/returns", guard(this::listReturns));
    server.route("GET", BASE + "/returns/{returnId}", guard(this::getReturn));
  }

  // ------------------------------------------------------------------ plumbing

  /** Rate limit, then auth, then the handler; every answer carries the rate-limit headers. */
  private SimHandler guard(SimHandler handler) {
    return request -> {
      long now = clock.instant().getEpochSecond();
      long reset;
      boolean limited;
      int remaining;
      synchronized (this) {
        if (windowStart < 0 || now >= windowStart + windowSeconds) {
          windowStart = now;
          used = 0;
        }
        reset = windowStart + windowSeconds;
        limited = rateLimit > 0 && used >= rateLimit;
        if (!limited) {
          used++;
        }
        remaining = rateLimit > 0 ? Math.max(0, rateLimit - used) : 0;
      }
      SimResponse response;
      if (limited) {
        long wait = Math.max(1, reset - now);
        ObjectNode body = problemBody(429, "RATE_LIMITED", "Too Many Requests", "Rate limit of " + rateLimit
            + " requests per " + windowSeconds + " seconds exceeded for this client.", request.path());
        body.put("retryAfterSeconds", wait);
        response = problem(429, body).withHeader("Retry-After", Long.toString(wait));
      } else if (!auth.v1Authorized(request)) {
        response = problem(401, problemBody(401, "UNAUTHORIZED", "Unauthorized",
            "A valid bearer token or X-Api-Key is required.", request.path()));
      } else {
        response = handler.handle(request);
      }
      if (rateLimit > 0) {
        response = response.withHeader("X-RateLimit-Limit", Integer.toString(rateLimit))
            .withHeader("X-RateLimit-Remaining", Integer.toString(remaining))
            .withHeader("X-RateLimit-Reset", Long.toString(reset));
      }
      return response;
    };
  }

  /**
   * {@code Idempotency-Key}: the first answer for a key is kept and replayed for 24 h (reference §4.2
   * [P]); the same key with another request is 409 {@code IDEMPOTENCY_KEY_REUSED}.
   */
  private SimHandler idempotent(SimHandler handler) {
    return request -> {
      String key = request.header("Idempotency-Key").orElse(null);
      if (key == null) {
        return handler.handle(request);
      }
      String hash = hash(request);
      synchronized (store) {
        ClarityStore.Stored stored = store.idempotency.get(key);
        if (stored != null && stored.at().plusSeconds(86_400).isAfter(clock.instant())) {
          if (!stored.hash().equals(hash)) {
            store.idempotencyConflicts++;
            return problem(409, problemBody(409, "IDEMPOTENCY_KEY_REUSED", "Conflict",
                "Idempotency-Key " + key + " was used with a different request.", request.path()));
          }
          store.idempotentReplays++;
          return new SimResponse(stored.status(), Map.of("Content-Type", "application/json; charset=utf-8",
              "Idempotent-Replayed", "true"), stored.body());
        }
        SimResponse response = handler.handle(request);
        if (response.status() < 500) {
          store.idempotency.put(key, new ClarityStore.Stored(hash, response.status(), response.body(), clock.instant()));
        }
        return response;
      }
    };
  }

  private static String hash(SimRequest r) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((r.method() + " " + r.path() + "\n").getBytes(StandardCharsets.UTF_8));
      JsonNode parsed = SimJson.parse(r.body());
      md.update(parsed == null ? r.body() : SimJson.bytes(parsed));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode problemBody(int status, String code, String title, String detail, String instance) {
    ObjectNode p = SimJson.object();
    p.put("type", "https://api.example-store.com/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.put("instance", instance);
    p.put("code", code);
    synchronized (this) {
      p.put("requestId", String.format("req_sim%06d", ++problems));
    }
    return p;
  }

  private static SimResponse problem(int status, ObjectNode body) {
    return new SimResponse(status, Map.of("Content-Type", "application/problem+json"), SimJson.bytes(body));
  }

  private SimResponse invalid(SimRequest r, int status, String detail, List<String[]> errors) {
    ObjectNode body = problemBody(status, "VALIDATION_FAILED", status == 400 ? "Bad Request" : "Unprocessable Entity",
        detail, r.path());
    ArrayNode list = body.putArray("errors");
    for (String[] e : errors) {
      list.addObject().put("pointer", e[0]).put("code", e[1]).put("message", e[2]);
    }
    return problem(status, body);
  }

  private SimResponse notFound(SimRequest r, String what) {
    return problem(404, problemBody(404, "NOT_FOUND", "Not Found", what + " does not exist.", r.path()));
  }

  private static SimResponse json(int status, JsonNode body) {
    return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"), SimJson.bytes(body));
  }

  private static ObjectNode body(SimRequest r) {
    JsonNode n = SimJson.parse(r.body());
    return n != null && n.isObject() ? (ObjectNode) n : null;
  }

  /** Paging and {@code updatedSince}, validated; errors as a problem. */
  private record Query(int page, int pageSize, Instant since) {}

  private Object query(SimRequest r) {
    List<String[]> errors = new ArrayList<>();
    int page = intParam(r, "page", 1, errors);
    int size = intParam(r, "pageSize", 50, errors);
    if (page < 1) {
      errors.add(new String[] {"/page", "OUT_OF_RANGE", "page must be >= 1"});
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new String[] {"/pageSize", "OUT_OF_RANGE", "pageSize must be 1.." + MAX_PAGE_SIZE});
    }
    Instant since = null;
    Optional<String> s = r.queryParam("updatedSince");
    if (s.isPresent()) {
      try {
        since = Instant.parse(s.get());
      } catch (DateTimeParseException e) {
        errors.add(new String[] {"/updatedSince", "INVALID_FORMAT", "updatedSince must be an RFC 3339 UTC timestamp"});
      }
    }
    if (!errors.isEmpty()) {
      return invalid(r, 400, "Invalid query parameters.", errors);
    }
    return new Query(page, size, since);
  }

  private static int intParam(SimRequest r, String name, int dflt, List<String[]> errors) {
    Optional<String> v = r.queryParam(name);
    if (v.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      errors.add(new String[] {"/" + name, "INVALID_TYPE", name + " must be an integer"});
      return dflt;
    }
  }

  private static SimResponse page(SimRequest r, Query q, List<ObjectNode> all) {
    int total = all.size();
    int pages = (total + q.pageSize() - 1) / q.pageSize();
    int from = Math.min(total, (q.page() - 1) * q.pageSize());
    int to = Math.min(total, from + q.pageSize());
    ObjectNode envelope = SimJson.object();
    ArrayNode data = envelope.putArray("data");
    all.subList(from, to).forEach(data::add);
    ObjectNode pagination = envelope.putObject("pagination");
    pagination.put("page", q.page());
    pagination.put("pageSize", q.pageSize());
    pagination.put("totalCount", total);
    pagination.put("totalPages", pages);
    SimResponse response = json(200, envelope);
    if (q.page() < pages) {
      String query = r.rawQuery().replaceAll("(^|&)page=\\d+", "").replaceAll("^&", "");
      response = response.withHeader("Link", "<" + r.path() + "?" + (query.isEmpty() ? "" : query + "&") + "page="
          + (q.page() + 1) + ">; rel=\"next\"");
    }
    return response;
  }

  private static boolean isNumber(JsonNode n) {
    return n != null && n.isNumber();
  }

  // ------------------------------------------------------------------ oauth

  private SimResponse token(SimRequest r) {
    String form = r.bodyText();
    Map<String, List<String>> params = SimRequest.parseQuery(form);
    List<String> grant = params.get("grant_type");
    if (grant == null || !grant.contains("client_credentials")) {
      return json(400, SimJson.object().put("error", "unsupported_grant_type")
          .put("error_description", "grant_type must be client_credentials"));
    }
    Optional<String> token = auth.grant(r);
    if (token.isEmpty()) {
      return json(401, SimJson.object().put("error", "invalid_client")
          .put("error_description", "client authentication failed"));
    }
    ObjectNode body = SimJson.object();
    body.put("access_token", token.get());
    body.put("token_type", "Bearer");
    body.put("expires_in", auth.tokenLifetimeSeconds());
    List<String> scope = params.get("scope");
    body.put("scope", scope == null ? "" : scope.get(0));
    return json(200, body);
  }

  // ------------------------------------------------------------------ orders

  private SimResponse listOrders(SimRequest r) {
    Object q = query(r);
    if (q instanceof SimResponse error) {
      return error;
    }
    Query query = (Query) q;
    Optional<String> number = r.queryParam("orderNumber");
    Optional<String> status = r.queryParam("status");
    List<ObjectNode> out = new ArrayList<>();
    for (SimOrder o : store.orders(query.since(), true)) {
      if (number.isPresent() && !number.get().equals(o.number)) {
        continue;
      }
      if (status.isPresent() && !status.get().equals(ClarityStore.v1Status(o.status))) {
        continue;
      }
      out.add(store.v1Order(o));
    }
    return page(r, query, out);
  }

  // ------------------------------------------------------------------ returns [P+]

  private SimResponse listReturns(SimRequest r) {
    Object q = query(r);
    if (q instanceof SimResponse error) {
      return error;
    }
    Query query = (Query) q;
    Optional<String> number = r.queryParam("returnNumber");
    Optional<String> status = r.queryParam("status");
    List<ObjectNode> out = new ArrayList<>();
    for (ClarityStore.SimReturn x : store.returns(query.since(), true)) {
      if (number.isPresent() && !number.get().equals(x.number)
          || status.isPresent() && !status.get().equals(ClarityStore.v1ReturnStatus(x.status))) {
        continue;
      }
      out.add(store.v1Return(x));
    }
    return page(r, query, out);
  }

  private SimResponse getReturn(SimRequest r) {
    return store.returnByV1Id(r.param("returnId")).map(x -> json(200, store.v1Return(x)))
        .orElseGet(() -> notFound(r, "Return " + r.param("returnId")));
  }

  private SimResponse getOrder(SimRequest r) {
    return store.orderByV1Id(r.param("orderId")).map(o -> json(200, store.v1Order(o)))
        .orElseGet(() -> notFound(r, "Order " + r.param("orderId")));
  }

  private SimResponse patchOrder(SimRequest r) {
    Optional<SimOrder> found = store.orderByV1Id(r.param("orderId"));
    if (found.isEmpty()) {
      return notFound(r, "Order " + r.param("orderId"));
    }
    ObjectNode body = body(r);
    if (body == null) {
      return invalid(r, 400, "The body must be a JSON object.", List.<String[]>of(new String[] {"", "INVALID_JSON", "not an object"}));
    }
    SimOrder o = found.get();
    String status = SimJson.text(body, "status");
    synchronized (store) {
      if (status != null) {
        String nativeStatus = ClarityStore.NATIVE_STATUS.get(status);
        if (nativeStatus == null) {
          return invalid(r, 422, "Unknown status.", List.<String[]>of(new String[] {"/status", "INVALID_STATUS",
              "status must be one of " + ClarityStore.NATIVE_STATUS.keySet()}));
        }
        if (ClarityStore.FINAL.contains(o.status) && !nativeStatus.equals(o.status)) {
          return problem(409, problemBody(409, "INVALID_TRANSITION", "Conflict",
              "Order " + o.number + " is " + ClarityStore.v1Status(o.status) + " and cannot change status.", r.path()));
        }
        store.setStatus(o, nativeStatus);
      }
      if (body.hasNonNull("erpReference")) {
        o.v1.put("erpReference", body.get("erpReference").asText());
        store.touch(o);
      }
      return json(200, store.v1Order(o));
    }
  }

  private SimResponse listShipments(SimRequest r) {
    Optional<SimOrder> o = store.orderByV1Id(r.param("orderId"));
    if (o.isEmpty()) {
      return notFound(r, "Order " + r.param("orderId"));
    }
    ObjectNode envelope = SimJson.object();
    ArrayNode data = envelope.putArray("data");
    synchronized (store) {
      o.get().shipments.forEach(s -> data.add(s.v1.deepCopy()));
    }
    envelope.putObject("pagination").put("page", 1).put("pageSize", data.size()).put("totalCount", data.size())
        .put("totalPages", 1);
    return json(200, envelope);
  }

  private SimResponse createShipment(SimRequest r) {
    Optional<SimOrder> found = store.orderByV1Id(r.param("orderId"));
    if (found.isEmpty()) {
      return notFound(r, "Order " + r.param("orderId"));
    }
    ObjectNode body = body(r);
    if (body == null) {
      return invalid(r, 400, "The body must be a JSON object.", List.<String[]>of(new String[] {"", "INVALID_JSON", "not an object"}));
    }
    List<String[]> errors = new ArrayList<>();
    String external = SimJson.text(body, "externalShipmentId");
    if (external != null && external.length() > 128) {
      errors.add(new String[] {"/externalShipmentId", "TOO_LONG", "at most 128 characters"});
    }
    int i = 0;
    for (JsonNode p : body.path("packages")) {
      String t = SimJson.text(p, "trackingNumber");
      if (t == null || t.isBlank()) {
        errors.add(new String[] {"/packages/" + i + "/trackingNumber", "REQUIRED", "trackingNumber is required"});
      } else if (t.length() > 100) {
        errors.add(new String[] {"/packages/" + i + "/trackingNumber", "TOO_LONG", "at most 100 characters"});
      }
      i++;
    }
    SimOrder o = found.get();
    List<String> skus = new ArrayList<>();
    o.v1.withArray("lineItems").forEach(li -> skus.add(SimJson.text(li, "sku")));
    i = 0;
    for (JsonNode li : body.path("lineItems")) {
      if (!skus.contains(SimJson.text(li, "sku"))) {
        errors.add(new String[] {"/lineItems/" + i + "/sku", "UNKNOWN_LINE", "the order has no line with this sku"});
      }
      if (!isNumber(li.get("quantity"))) {
        errors.add(new String[] {"/lineItems/" + i + "/quantity", "INVALID_TYPE", "quantity must be a number"});
      }
      i++;
    }
    if (!errors.isEmpty()) {
      return invalid(r, 422, "The shipment is invalid.", errors);
    }
    SimShipment s = store.addShipment(o, body, external);
    return json(201, s.v1);
  }

  // ------------------------------------------------------------------ customers

  private SimResponse listCustomers(SimRequest r) {
    Object q = query(r);
    if (q instanceof SimResponse error) {
      return error;
    }
    Query query = (Query) q;
    List<ObjectNode> out = new ArrayList<>();
    for (SimCustomer c : store.customers(query.since())) {
      if (!matches(r, "email", SimJson.text(c.v1, "email"), true) || !matches(r, "externalId", SimJson.text(c.v1, "externalId"), false)
          || !matches(r, "lastName", SimJson.text(c.v1, "lastName"), true)
          || !matches(r, "firstName", SimJson.text(c.v1, "firstName"), true)
          || !matches(r, "company", SimJson.text(c.v1, "company"), true)) {
        continue;
      }
      Optional<String> postal = r.queryParam("postalCode");
      if (postal.isPresent()) {
        boolean any = false;
        for (JsonNode a : c.v1.path("addresses")) {
          any |= postal.get().equalsIgnoreCase(SimJson.text(a, "postalCode"));
        }
        if (!any) {
          continue;
        }
      }
      out.add(store.v1Customer(c));
    }
    return page(r, query, out);
  }

  private static boolean matches(SimRequest r, String param, String value, boolean ignoreCase) {
    Optional<String> want = r.queryParam(param);
    if (want.isEmpty()) {
      return true;
    }
    return value != null && (ignoreCase ? value.equalsIgnoreCase(want.get()) : value.equals(want.get()));
  }

  private SimResponse getCustomer(SimRequest r) {
    return store.customerByV1Id(r.param("customerId")).map(c -> json(200, store.v1Customer(c)))
        .orElseGet(() -> notFound(r, "Customer " + r.param("customerId")));
  }

  private List<String[]> customerErrors(ObjectNode body) {
    List<String[]> errors = new ArrayList<>();
    String email = SimJson.text(body, "email");
    if ((email == null || email.isBlank()) && SimJson.text(body, "lastName") == null && SimJson.text(body, "company") == null) {
      errors.add(new String[] {"/email", "REQUIRED", "email, lastName or company is required"});
    }
    length(errors, body, "externalId", 128);
    length(errors, body, "firstName", 100);
    length(errors, body, "lastName", 100);
    length(errors, body, "email", 1000);
    length(errors, body, "phone", 50);
    return errors;
  }

  private static void length(List<String[]> errors, JsonNode body, String field, int max) {
    String v = SimJson.text(body, field);
    if (v != null && v.length() > max) {
      errors.add(new String[] {"/" + field, "TOO_LONG", field + " must be at most " + max + " characters"});
    }
  }

  private SimResponse createCustomer(SimRequest r) {
    ObjectNode body = body(r);
    if (body == null) {
      return invalid(r, 400, "The body must be a JSON object.", List.<String[]>of(new String[] {"", "INVALID_JSON", "not an object"}));
    }
    List<String[]> errors = customerErrors(body);
    if (!errors.isEmpty()) {
      return invalid(r, 422, "The customer is invalid.", errors);
    }
    synchronized (store) {
      String external = SimJson.text(body, "externalId");
      if (external != null && store.customerByExternalId(external).isPresent()) {
        return problem(409, problemBody(409, "DUPLICATE_EXTERNAL_ID", "Conflict",
            "A customer with externalId " + external + " exists.", r.path()));
      }
      SimCustomer c = store.addCustomer(body, 0, true);
      return json(201, store.v1Customer(c));
    }
  }

  private SimResponse putCustomer(SimRequest r) {
    Optional<SimCustomer> found = store.customerByV1Id(r.param("customerId"));
    if (found.isEmpty()) {
      return notFound(r, "Customer " + r.param("customerId"));
    }
    ObjectNode body = body(r);
    if (body == null) {
      return invalid(r, 400, "The body must be a JSON object.", List.<String[]>of(new String[] {"", "INVALID_JSON", "not an object"}));
    }
    List<String[]> errors = customerErrors(body);
    if (!errors.isEmpty()) {
      return invalid(r, 422, "The customer is invalid.", errors);
    }
    synchronized (store) {
      SimCustomer c = found.get();
      ObjectNode copy = body.deepCopy();
      copy.remove("customerId");
      copy.remove("createdAt");
      copy.remove("updatedAt");
      // addresses the request does not name are kept
      ArrayNode merged = c.v1.withArray("addresses").deepCopy();
      for (JsonNode a : copy.path("addresses")) {
        String id = SimJson.text(a, "addressId");
        boolean replaced = false;
        for (int i = 0; id != null && i < merged.size(); i++) {
          if (id.equals(SimJson.text(merged.get(i), "addressId"))) {
            merged.set(i, a);
            replaced = true;
          }
        }
        if (!replaced) {
          merged.add(a);
        }
      }
      copy.set("addresses", merged);
      c.v1 = copy;
      store.customerChanged(c);
      return json(200, store.v1Customer(c));
    }
  }

  // ------------------------------------------------------------------ products

  private SimResponse getProduct(SimRequest r) {
    return store.productBySku(r.param("sku")).map(p -> json(200, store.v1Product(p)))
        .orElseGet(() -> notFound(r, "Product " + r.param("sku")));
  }

  private List<String[]> productErrors(ObjectNode body) {
    List<String[]> errors = new ArrayList<>();
    for (String amount : List.of("price", "compareAtPrice")) {
      if (body.has(amount) && !body.get(amount).isNull() && !isNumber(body.get(amount))) {
        errors.add(new String[] {"/" + amount, "INVALID_TYPE", amount + " must be a JSON number"});
      } else if (isNumber(body.get(amount)) && body.get(amount).decimalValue().signum() < 0) {
        errors.add(new String[] {"/" + amount, "OUT_OF_RANGE", amount + " must be >= 0"});
      }
    }
    if (body.has("weight") && body.get("weight").has("value") && !isNumber(body.get("weight").get("value"))) {
      errors.add(new String[] {"/weight/value", "INVALID_TYPE", "weight.value must be a JSON number"});
    }
    if (body.has("status") && !List.of("active", "inactive", "discontinued").contains(SimJson.text(body, "status"))) {
      errors.add(new String[] {"/status", "INVALID_STATUS", "status must be active, inactive or discontinued"});
    }
    length(errors, body, "name", 256);
    length(errors, body, "unitOfMeasure", 100);
    return errors;
  }

  private SimResponse patchProduct(SimRequest r) {
    Optional<SimProduct> found = store.productBySku(r.param("sku"));
    if (found.isEmpty()) {
      return notFound(r, "Product " + r.param("sku"));
    }
    ObjectNode body = body(r);
    if (body == null) {
      return invalid(r, 400, "The body must be a JSON object.", List.<String[]>of(new String[] {"", "INVALID_JSON", "not an object"}));
    }
    List<String[]> errors = productErrors(body);
    if (body.has("sku") && !r.param("sku").equals(SimJson.text(body, "sku"))) {
      errors.add(new String[] {"/sku", "READ_ONLY", "sku cannot change"});
    }
    if (!errors.isEmpty()) {
      return invalid(r, 422, "The product update is invalid.", errors);
    }
    synchronized (store) {
      SimProduct p = found.get();
      body.properties().forEach(e -> {
        if (!List.of("productId", "createdAt", "updatedAt", "inventory").contains(e.getKey())) {
          p.v1.set(e.getKey(), e.getValue());
        }
      });
      store.productChanged(p);
      return json(200, store.v1Product(p));
    }
  }

  private SimResponse createProduct(SimRequest r) {
    ObjectNode body = body(r);
    if (body == null) {
      return invalid(r, 400, "The body must be a JSON object.", List.<String[]>of(new String[] {"", "INVALID_JSON", "not an object"}));
    }
    List<String[]> errors = productErrors(body);
    String sku = SimJson.text(body, "sku");
    if (sku == null || sku.isBlank()) {
      errors.add(new String[] {"/sku", "REQUIRED", "sku is required"});
    } else if (sku.length() > 128) {
      errors.add(new String[] {"/sku", "TOO_LONG", "sku must be at most 128 characters"});
    }
    if (SimJson.text(body, "name") == null) {
      errors.add(new String[] {"/name", "REQUIRED", "name is required"});
    }
    if (!errors.isEmpty()) {
      return invalid(r, 422, "The product is invalid.", errors);
    }
    synchronized (store) {
      if (store.productBySku(sku).isPresent()) {
        return problem(409, problemBody(409, "DUPLICATE_SKU", "Conflict", "Product " + sku + " exists.", r.path()));
      }
      SimProduct p = store.addProduct(body, 0);
      store.productChanged(p);
      return json(201, store.v1Product(p));
    }
  }

  // ------------------------------------------------------------------ inventory

  private SimResponse listLevels(SimRequest r) {
    Optional<String> sku = r.queryParam("sku");
    ObjectNode envelope = SimJson.object();
    ArrayNode data = envelope.putArray("data");
    synchronized (store) {
      store.stock.values().stream().filter(row -> sku.isEmpty() || sku.get().equals(row.sku)).forEach(row ->
          data.addObject().put("sku", row.sku).put("locationCode", row.location)
              .put("available", row.quantity.subtract(row.allocated)).put("onHand", row.quantity));
    }
    envelope.putObject("pagination").put("page", 1).put("pageSize", data.size()).put("totalCount", data.size())
        .put("totalPages", 1);
    return json(200, envelope);
  }

  private SimResponse postLevels(SimRequest r) {
    ObjectNode body = body(r);
    if (body == null) {
      return invalid(r, 400, "The body must be a JSON object.", List.<String[]>of(new String[] {"", "INVALID_JSON", "not an object"}));
    }
    List<String[]> errors = new ArrayList<>();
    if (!"absolute".equals(SimJson.text(body, "mode"))) {
      errors.add(new String[] {"/mode", "INVALID_VALUE", "mode must be absolute"});
    }
    JsonNode items = body.get("items");
    if (items == null || !items.isArray() || items.isEmpty()) {
      errors.add(new String[] {"/items", "REQUIRED", "items must be a non-empty array"});
    } else {
      for (int i = 0; i < items.size(); i++) {
        JsonNode it = items.get(i);
        String sku = SimJson.text(it, "sku");
        if (sku == null || store.productBySku(sku).isEmpty()) {
          errors.add(new String[] {"/items/" + i + "/sku", "UNKNOWN_SKU", "no product with this sku"});
        }
        String loc = SimJson.text(it, "locationCode");
        if (loc == null || loc.isBlank() || loc.length() > 128) {
          errors.add(new String[] {"/items/" + i + "/locationCode", "INVALID_VALUE", "locationCode is required (<= 128)"});
        }
        if (!isNumber(it.get("available"))) {
          errors.add(new String[] {"/items/" + i + "/available", "INVALID_TYPE", "available must be a JSON number"});
        } else if (it.get("available").decimalValue().signum() < 0) {
          errors.add(new String[] {"/items/" + i + "/available", "OUT_OF_RANGE", "available must be >= 0"});
        }
        if (it.has("onHand") && !isNumber(it.get("onHand"))) {
          errors.add(new String[] {"/items/" + i + "/onHand", "INVALID_TYPE", "onHand must be a JSON number"});
        }
      }
    }
    if (!errors.isEmpty()) {
      return invalid(r, 422, "The inventory levels are invalid; nothing was applied.", errors);
    }
    ObjectNode out = SimJson.object();
    ArrayNode data = out.putArray("data");
    synchronized (store) {
      for (JsonNode it : items) {
        String sku = SimJson.text(it, "sku");
        String loc = SimJson.text(it, "locationCode");
        store.section(loc);
        BigDecimal available = it.get("available").decimalValue();
        // absolute levels: onHand (when given) is the stock, the difference to available is held back
        BigDecimal onHand = isNumber(it.get("onHand")) ? it.get("onHand").decimalValue() : available;
        ClarityStore.StockRow row = store.setStock(sku, loc, onHand.max(available));
        row.allocated = onHand.max(available).subtract(available);
        data.addObject().put("sku", sku).put("locationCode", loc).put("available", available);
      }
    }
    return json(200, out);
  }

  // ------------------------------------------------------------------ invoices

  private SimResponse getInvoice(SimRequest r) {
    synchronized (store) {
      ClarityStore.SimInvoice i = store.invoices.get(r.param("number"));
      return i == null ? notFound(r, "Invoice " + r.param("number")) : json(200, i.v1);
    }
  }

  private SimResponse putInvoice(SimRequest r) {
    ObjectNode body = body(r);
    if (body == null) {
      return invalid(r, 400, "The body must be a JSON object.", List.<String[]>of(new String[] {"", "INVALID_JSON", "not an object"}));
    }
    List<String[]> errors = new ArrayList<>();
    if (!isNumber(body.get("totalAmount"))) {
      errors.add(new String[] {"/totalAmount", "INVALID_TYPE", "totalAmount must be a JSON number"});
    }
    if (SimJson.text(body, "currency") == null) {
      errors.add(new String[] {"/currency", "REQUIRED", "currency is required"});
    }
    if (body.has("invoiceNumber") && !r.param("number").equals(SimJson.text(body, "invoiceNumber"))) {
      errors.add(new String[] {"/invoiceNumber", "MISMATCH", "invoiceNumber must match the path"});
    }
    if (!errors.isEmpty()) {
      return invalid(r, 422, "The invoice is invalid.", errors);
    }
    synchronized (store) {
      boolean existed = store.invoices.containsKey(r.param("number"));
      ObjectNode copy = body.deepCopy();
      copy.put("invoiceNumber", r.param("number"));
      store.putInvoice(r.param("number"), copy, null);
      return json(existed ? 200 : 201, copy);
    }
  }
}
