package io.commercesync.testkit.clarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.testkit.clarity.ClarityStore.SimCustomer;
import io.commercesync.testkit.clarity.ClarityStore.SimOrder;
import io.commercesync.testkit.clarity.ClarityStore.SimProduct;
import io.commercesync.testkit.clarity.ClarityStore.SimReturn;
import io.commercesync.testkit.clarity.ClarityStore.SimShipment;
import io.commercesync.testkit.clarity.ClarityStore.StockRow;
import io.commercesync.testkit.http.SimHandler;
import io.commercesync.testkit.http.SimRequest;
import io.commercesync.testkit.http.SimResponse;
import io.commercesync.testkit.http.SimServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The native CEF/ServiceStack API (reference §2 [C]) over the shared store: PascalCase models under
 * {@code /DesktopModules/ClarityEcommerce/API}, {@code Paging { StartIndex, Size }} (JSV in the query
 * string, or dotted), {@code ModifiedSince}, {@code Sorts}, {@code ResponseStatus} errors,
 * {@code CEFActionResponse} — including {@code ActionSucceeded=false} with HTTP 200 for a workflow
 * transition CEF refuses.
 */
final class NativeRoutes {

  static final String BASE = "/DesktopModules/ClarityEcommerce/API";

  /** Workflow route → status after it (reference §2.1 [C]). */
  static final Map<String, String> ROUTES = Map.ofEntries(
      Map.entry("Confirm", "Confirmed"), Map.entry("Pending", "Pending"), Map.entry("Hold", "On Hold"),
      Map.entry("Backorder", "Backordered"), Map.entry("Ship", "Shipped"), Map.entry("DropShip", "Shipped from Vendor"),
      Map.entry("ReadyForPickup", "Ready for Pickup"), Map.entry("Complete", "Completed"), Map.entry("Void", "Void"),
      Map.entry("CreatePickTicket", "Processing"));

  private final ClarityStore store;
  private final SimAuth auth;
  private final boolean basicEnabled;
  private final Deque<String> failingActions = new ArrayDeque<>();

  NativeRoutes(ClarityStore store, SimAuth auth, boolean basicEnabled) {
    this.store = store;
    this.auth = auth;
    this.basicEnabled = basicEnabled;
  }

  /** The next workflow or bulk action answers {@code ActionSucceeded=false} with {@code message}. */
  synchronized void failNextAction(String message) {
    failingActions.addLast(message);
  }

  private synchronized Optional<String> failing() {
    return Optional.ofNullable(failingActions.pollFirst());
  }

  void register(SimServer server) {
    server.route("POST", BASE + "/auth/{provider}", this::login);
    server.route("GET", BASE + "/Ordering/SalesOrders", guard(this::searchOrders));
    server.route("POST", BASE + "/Ordering/SalesOrdersForConnect", guard(this::ordersForConnect));
    server.route("GET", BASE + "/Ordering/SalesOrdersForConnect", guard(this::ordersForConnect));
    server.route("GET", BASE + "/Ordering/SalesOrder/ID/{id}", guard(r -> orderBy(r, true)));
    server.route("GET", BASE + "/Ordering/SalesOrder/Key/{key*}", guard(r -> orderBy(r, false)));
    server.route("GET", BASE + "/Ordering/SalesOrderItems", guard(this::salesItems));
    server.route("PATCH", BASE + "/Ordering/SalesOrder/{route}/{id}", guard(this::workflow));
    server.route("GET", BASE + "/Accounts/Accounts", guard(this::searchAccounts));
    server.route("GET", BASE + "/Accounts/Account/ID/{id}", guard(r -> accountBy(r, true)));
    server.route("GET", BASE + "/Accounts/Account/Key/{key*}", guard(r -> accountBy(r, false)));
    server.route("POST", BASE + "/Accounts/Account/Create", guard(r -> writeAccount(r, "Create")));
    server.route("POST", BASE + "/Accounts/Account/Upsert", guard(r -> writeAccount(r, "Upsert")));
    server.route("PUT", BASE + "/Accounts/Account/Update", guard(r -> writeAccount(r, "Update")));
    server.route("GET", BASE + "/Products/Product/ID/{id}", guard(r -> productBy(r, true)));
    server.route("GET", BASE + "/Products/Product/Key/{key*}", guard(r -> productBy(r, false)));
    server.route("POST", BASE + "/Products/Product/Create", guard(r -> writeProduct(r, true)));
    server.route("PUT", BASE + "/Products/Product/Update", guard(r -> writeProduct(r, false)));
    server.route("GET", BASE + "/Inventory/InventoryLocationSection/Key/{key*}", guard(this::section));
    server.route("GET", BASE + "/Products/ProductInventoryLocationSections", guard(this::searchRows));
    server.route("POST", BASE + "/Inventory/ProductInventoryLocationSections/CreateMany", guard(r -> bulk(r, true)));
    server.route("POST", BASE + "/Inventory/ProductInventoryLocationSections/UpdateMany", guard(r -> bulk(r, false)));
    server.route("POST", BASE + "/Shipping/Shipment/Upsert", guard(this::upsertShipment));
    server.route("GET", BASE + "/Shipping/Shipment/Key/{key*}", guard(this::shipmentByKey));
    server.route("POST", BASE + "/Invoicing/SalesInvoice/Upsert", guard(this::upsertInvoice));
    server.route("GET", BASE + "/Invoicing/SalesInvoice/Key/{key*}", guard(this::invoiceByKey));
    // S1 06.Services/06.Clarity.Ecommerce.Service/_T4/Services.Returning.SalesReturn.cs
    server.route("GET", BASE + "/Returning/SalesReturns", guard(this::searchReturns));
    server.route("POST", BASE + "/Returning/SalesReturnsForConnect", guard(this::returnsForConnect));
    server.route("GET", BASE + "/Returning/SalesReturnsForConnect", guard(this::returnsForConnect));
    server.route("GET", BASE + "/Returning/SalesReturn/ID/{id}", guard(r -> returnBy(r, true)));
    server.route("GET", BASE + "/Returning/SalesReturn/Key/{key*}", guard(r -> returnBy(r, false)));
  }

  // ------------------------------------------------------------------ plumbing

  private SimHandler guard(SimHandler handler) {
    return request -> {
      boolean basic = request.header("Authorization").map(a -> a.startsWith("Basic ")).orElse(false);
      if ((basic && !basicEnabled) || !auth.nativeAuthorized(request)) {
        // CEF's uncaught-exception handler writes this for an HttpError 401 (S1 Global.asax.cs)
        ObjectNode body = SimJson.object();
        body.put("StatusCode", 401);
        body.put("StatusDescription", "Unauthorized");
        body.put("Message", "Not Authenticated");
        return json(401, body);
      }
      return handler.handle(request);
    };
  }

  private static SimResponse json(int status, JsonNode body) {
    return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"), SimJson.bytes(body));
  }

  private static SimResponse notFound(String what) {
    return responseStatus(404, "NotFound", what + " was not found", List.of());
  }

  private static SimResponse responseStatus(int status, String code, String message, List<String[]> fields) {
    ObjectNode body = SimJson.object();
    ObjectNode rs = body.putObject("ResponseStatus");
    rs.put("ErrorCode", code);
    rs.put("Message", message);
    ArrayNode errors = rs.putArray("Errors");
    for (String[] f : fields) {
      errors.addObject().put("ErrorCode", f[1]).put("FieldName", f[0]).put("Message", f[2]);
    }
    return json(status, body);
  }

  private static SimResponse validation(List<String[]> fields) {
    return responseStatus(400, "ValidationException", "Validation failed: " + fields.size() + " error(s)", fields);
  }

  private static SimResponse action(boolean ok, JsonNode result, String... messages) {
    ObjectNode body = SimJson.object();
    body.put("ActionSucceeded", ok);
    ArrayNode m = body.putArray("Messages");
    for (String s : messages) {
      m.add(s);
    }
    if (result != null) {
      body.set("Result", result);
    }
    return json(200, body);
  }

  private static void maxLength(List<String[]> errors, JsonNode body, String field, int max) {
    String v = SimJson.text(body, field);
    if (v != null && v.length() > max) {
      errors.add(new String[] {field, "MaximumLength",
          "'" + field + "' must be " + max + " characters or fewer. You entered " + v.length() + " characters."});
    }
  }

  private static ObjectNode body(SimRequest r) {
    JsonNode n = SimJson.parse(r.body());
    return n != null && n.isObject() ? (ObjectNode) n : null;
  }

  /** {@code Paging={StartIndex:2,Size:50}} (JSV) or {@code Paging.StartIndex=2&Paging.Size=50}. */
  private static int[] paging(SimRequest r) {
    int start = 1;
    int size = Integer.MAX_VALUE;
    Optional<String> jsv = r.queryParam("Paging");
    if (jsv.isPresent()) {
      Matcher s = Pattern.compile("StartIndex\\s*:\\s*(\\d+)").matcher(jsv.get());
      Matcher z = Pattern.compile("Size\\s*:\\s*(\\d+)").matcher(jsv.get());
      if (s.find()) {
        start = Integer.parseInt(s.group(1));
      }
      if (z.find()) {
        size = Integer.parseInt(z.group(1));
      }
    }
    start = r.queryParam("Paging.StartIndex").map(Integer::parseInt).orElse(start);
    size = r.queryParam("Paging.Size").map(Integer::parseInt).orElse(size);
    return new int[] {Math.max(1, start), Math.max(1, size)};
  }

  private static Instant modifiedSince(SimRequest r) {
    Optional<String> v = r.queryParam("ModifiedSince");
    if (v.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.get()).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(v.get()).toInstant(ZoneOffset.UTC);
    }
  }

  private static SimResponse paged(SimRequest r, List<ObjectNode> all) {
    int[] p = paging(r);
    int total = all.size();
    int size = Math.min(p[1], Math.max(1, total));
    int pages = total == 0 ? 0 : (total + size - 1) / size;
    long fromLong = (long) (p[0] - 1) * size;
    int from = (int) Math.min(total, fromLong);
    int to = Math.min(total, from + size);
    ObjectNode body = SimJson.object();
    ArrayNode results = body.putArray("Results");
    all.subList(from, to).forEach(results::add);
    body.put("CurrentPage", p[0]);
    body.put("TotalPages", pages);
    body.put("TotalCount", total);
    body.put("CurrentCount", to - from);
    body.putArray("Sorts");
    body.putArray("Groupings");
    return json(200, body);
  }

  private static boolean sortsByChangeTime(SimRequest r) {
    return r.queryParam("Sorts").map(s -> s.contains("UpdatedDate")).orElse(false);
  }

  // ------------------------------------------------------------------ returns

  private SimResponse searchReturns(SimRequest r) {
    List<ObjectNode> out = new ArrayList<>();
    Optional<String> key = r.queryParam("CustomKey");
    Optional<Integer> order = r.queryParam("SalesOrderID").flatMap(NativeRoutes::parseInt);
    for (SimReturn x : store.returns(modifiedSince(r), sortsByChangeTime(r))) {
      if (key.isPresent() && !key.get().equals(x.number) || order.isPresent() && order.get() != x.orderId) {
        continue;
      }
      out.add(store.nativeReturn(x));
    }
    return paged(r, out);
  }

  private SimResponse returnsForConnect(SimRequest r) {
    ArrayNode out = SimJson.array();
    // SearchForConnectAsync orders by CreatedDate descending and does not page (S1 SalesReturnCRUDWorkflow.extended.cs)
    List<SimReturn> all = new ArrayList<>(store.returns(modifiedSince(r), false));
    all.sort((a, b) -> b.created.compareTo(a.created));
    all.forEach(x -> out.add(store.nativeReturn(x)));
    return json(200, out);
  }

  private SimResponse returnBy(SimRequest r, boolean byId) {
    Optional<SimReturn> x = byId
        ? parseInt(r.param("id")).flatMap(id -> Optional.ofNullable(store.returns.get(id)))
        : store.returnByNumber(r.param("key"));
    return x.map(v -> json(200, store.nativeReturn(v))).orElseGet(() -> notFound("SalesReturn"));
  }

  // ------------------------------------------------------------------ auth

  private SimResponse login(SimRequest r) {
    ObjectNode body = body(r);
    Optional<String> session = body == null ? Optional.empty()
        : auth.login(SimJson.text(body, "UserName"), SimJson.text(body, "Password"));
    if (session.isEmpty()) {
      return responseStatus(401, "Unauthorized", "Invalid UserName or Password", List.of());
    }
    ObjectNode out = SimJson.object();
    out.put("UserId", "1");
    out.put("SessionId", session.get());
    out.put("UserName", SimJson.text(body, "UserName"));
    return json(200, out).withHeader("Set-Cookie", "ss-id=" + session.get() + "; path=/; HttpOnly");
  }

  // ------------------------------------------------------------------ orders

  private SimResponse searchOrders(SimRequest r) {
    List<ObjectNode> out = new ArrayList<>();
    Optional<String> key = r.queryParam("CustomKey");
    for (SimOrder o : store.orders(modifiedSince(r), sortsByChangeTime(r))) {
      if (key.isEmpty() || key.get().equals(o.number)) {
        out.add(store.nativeOrder(o));
      }
    }
    return paged(r, out);
  }

  private SimResponse ordersForConnect(SimRequest r) {
    ArrayNode out = SimJson.array();
    // SearchForConnectAsync orders by CreatedDate descending and does not page (S1 SalesOrderWorkflow)
    List<SimOrder> all = new ArrayList<>(store.orders(modifiedSince(r), false));
    all.sort((a, b) -> b.created.compareTo(a.created));
    all.forEach(o -> out.add(store.nativeOrder(o)));
    return json(200, out);
  }

  private SimResponse orderBy(SimRequest r, boolean byId) {
    Optional<SimOrder> o = byId ? parseInt(r.param("id")).flatMap(store::order) : store.orderByNumber(r.param("key"));
    return o.map(x -> json(200, store.nativeOrder(x))).orElseGet(() -> notFound("SalesOrder"));
  }

  private SimResponse salesItems(SimRequest r) {
    Optional<SimOrder> o = r.queryParam("MasterID").flatMap(NativeRoutes::parseInt).flatMap(store::order);
    List<ObjectNode> items = new ArrayList<>();
    o.ifPresent(x -> store.nativeOrder(x).withArray("SalesItems").forEach(i -> items.add((ObjectNode) i)));
    return paged(r, items);
  }

  private SimResponse workflow(SimRequest r) {
    String route = r.param("route");
    String target = ROUTES.get(route);
    if (target == null) {
      return responseStatus(404, "NotFound", "Route " + route + " does not exist", List.of());
    }
    Optional<SimOrder> found = parseInt(r.param("id")).flatMap(store::order);
    if (found.isEmpty()) {
      return notFound("SalesOrder");
    }
    Optional<String> failure = failing();
    if (failure.isPresent()) {
      return action(false, null, failure.get());
    }
    synchronized (store) {
      SimOrder o = found.get();
      if (ClarityStore.FINAL.contains(o.status)) {
        return action(false, null, "Sales Order " + o.id + " is " + o.status + " and can no longer change status.");
      }
      store.setStatus(o, target);
    }
    return action(true, null);
  }

  // ------------------------------------------------------------------ accounts

  private SimResponse searchAccounts(SimRequest r) {
    Optional<String> email = r.queryParam("Email");
    Optional<String> name = r.queryParam("Name");
    Optional<String> key = r.queryParam("CustomKey");
    List<ObjectNode> out = new ArrayList<>();
    Instant since = modifiedSince(r);
    for (SimCustomer c : store.customers(since)) {
      ObjectNode account = store.nativeAccount(c);
      if (email.isPresent() && !email.get().equalsIgnoreCase(SimJson.text(c.v1, "email"))) {
        continue;
      }
      if (name.isPresent() && !name.get().equalsIgnoreCase(SimJson.text(account, "Name"))) {
        continue;
      }
      if (key.isPresent() && !key.get().equals(SimJson.text(account, "CustomKey"))) {
        continue;
      }
      out.add(account);
    }
    if (!sortsByChangeTime(r)) {
      out.sort((a, b) -> Integer.compare(a.get("ID").asInt(), b.get("ID").asInt()));
    }
    return paged(r, out);
  }

  private SimResponse accountBy(SimRequest r, boolean byId) {
    Optional<SimCustomer> c = byId ? parseInt(r.param("id")).map(store.customers::get)
        : store.customerByExternalId(r.param("key"));
    return c.map(x -> json(200, store.nativeAccount(x))).orElseGet(() -> notFound("Account"));
  }

  private SimResponse writeAccount(SimRequest r, String mode) {
    ObjectNode body = body(r);
    if (body == null) {
      return validation(List.<String[]>of(new String[] {"(body)", "SerializationException", "Could not read the Account"}));
    }
    List<String[]> errors = new ArrayList<>();
    maxLength(errors, body, "CustomKey", 128);
    maxLength(errors, body, "Name", 256);
    if (SimJson.text(body, "Name") == null || SimJson.text(body, "Name").isBlank()) {
      errors.add(new String[] {"Name", "NotEmpty", "'Name' must not be empty."});
    }
    int i = 0;
    for (JsonNode ac : body.path("AccountContacts")) {
      JsonNode contact = ac.path("Slave");
      maxLength(errors, contact, "FirstName", 100);
      maxLength(errors, contact, "LastName", 100);
      maxLength(errors, contact, "Email1", 1000);
      maxLength(errors, contact, "Phone1", 50);
      maxLength(errors, contact.path("Address"), "Street1", 255);
      maxLength(errors, contact.path("Address"), "City", 100);
      maxLength(errors, contact.path("Address"), "PostalCode", 50);
      i++;
    }
    if (!errors.isEmpty()) {
      return validation(errors);
    }
    synchronized (store) {
      String key = SimJson.text(body, "CustomKey");
      Optional<SimCustomer> existing = "Update".equals(mode)
          ? Optional.ofNullable(body.get("ID")).flatMap(id -> Optional.ofNullable(store.customers.get(id.asInt())))
          : "Upsert".equals(mode) && key != null ? store.customerByExternalId(key) : Optional.empty();
      if ("Update".equals(mode) && existing.isEmpty()) {
        return action(false, null, "Account " + body.path("ID").asText() + " does not exist");
      }
      if ("Create".equals(mode) && key != null && store.customerByExternalId(key).isPresent()) {
        return action(false, null, "An Account with CustomKey " + key + " already exists");
      }
      ObjectNode v1 = v1Customer(body);
      if (existing.isPresent()) {
        SimCustomer c = existing.get();
        c.v1 = v1;
        store.customerChanged(c);
        return action(true, SimJson.NODES.numberNode(c.id));
      }
      SimCustomer c = store.addCustomer(v1, 0, true);
      return action(true, SimJson.NODES.numberNode(c.id));
    }
  }

  /** An {@code AccountModel} with contacts as the store's v1 customer. */
  private static ObjectNode v1Customer(ObjectNode account) {
    ObjectNode v1 = SimJson.object();
    v1.put("externalId", SimJson.text(account, "CustomKey"));
    JsonNode primary = null;
    ArrayNode addresses = SimJson.array();
    int i = 0;
    for (JsonNode ac : account.path("AccountContacts")) {
      JsonNode contact = ac.path("Slave");
      if (primary == null || ac.path("IsPrimary").asBoolean(false)) {
        primary = contact;
      }
      if (contact.has("Address") && !contact.get("Address").isNull()) {
        ObjectNode a = ClarityStore.v1Address(contact);
        ObjectNode withId = SimJson.object();
        withId.put("addressId", SimJson.text(ac, "CustomKey") != null ? SimJson.text(ac, "CustomKey") : "adr_n" + (++i));
        withId.put("type", ac.path("IsBilling").asBoolean(false) ? "billing" : "shipping");
        withId.put("isDefault", ac.path("IsBilling").asBoolean(false) || ac.path("IsPrimary").asBoolean(false));
        withId.setAll(a);
        addresses.add(withId);
      }
    }
    v1.put("email", SimJson.text(primary, "Email1"));
    v1.put("firstName", SimJson.text(primary, "FirstName"));
    v1.put("lastName", SimJson.text(primary, "LastName"));
    v1.put("company", SimJson.text(account, "Name"));
    v1.put("phone", SimJson.text(primary, "Phone1"));
    v1.put("status", account.path("IsOnHold").asBoolean(false) ? "on_hold" : "active");
    v1.put("customerGroup", SimJson.text(account, "TypeKey"));
    v1.put("taxExempt", !account.path("IsTaxable").asBoolean(true));
    v1.set("addresses", addresses);
    return v1;
  }

  // ------------------------------------------------------------------ products

  private SimResponse productBy(SimRequest r, boolean byId) {
    Optional<SimProduct> p = byId ? parseInt(r.param("id")).map(store.products::get)
        : store.productBySku(r.param("key"));
    return p.map(x -> json(200, store.nativeProduct(x))).orElseGet(() -> notFound("Product"));
  }

  /**
   * Create, or Update by {@code ID}. Update replaces: a property the body leaves out is cleared [I],
   * which is why a client must read the product, change its own fields and send the whole model.
   */
  private SimResponse writeProduct(SimRequest r, boolean create) {
    ObjectNode body = body(r);
    if (body == null) {
      return validation(List.<String[]>of(new String[] {"(body)", "SerializationException", "Could not read the Product"}));
    }
    List<String[]> errors = new ArrayList<>();
    maxLength(errors, body, "CustomKey", 128);
    maxLength(errors, body, "Name", 256);
    maxLength(errors, body, "UnitOfMeasure", 100);
    if (SimJson.text(body, "Name") == null) {
      errors.add(new String[] {"Name", "NotEmpty", "'Name' must not be empty."});
    }
    for (String amount : List.of("PriceBase", "PriceMsrp", "Weight")) {
      if (body.has(amount) && !body.get(amount).isNull() && !body.get(amount).isNumber()) {
        errors.add(new String[] {amount, "InvalidType", "'" + amount + "' must be a number."});
      }
    }
    if (!errors.isEmpty()) {
      return validation(errors);
    }
    synchronized (store) {
      SimProduct p;
      if (create) {
        String sku = SimJson.text(body, "CustomKey");
        if (sku == null || store.productBySku(sku).isPresent()) {
          return action(false, null, "A Product with CustomKey " + sku + " already exists or the key is empty");
        }
        ObjectNode v1 = SimJson.object();
        v1.put("sku", sku);
        p = store.addProduct(v1, 0);
        p.nativeOnly.removeAll();
      } else {
        Optional<SimProduct> found = Optional.ofNullable(body.get("ID")).map(JsonNode::asInt).map(store.products::get);
        if (found.isEmpty()) {
          return action(false, null, "Product " + body.path("ID").asText() + " does not exist");
        }
        p = found.get();
      }
      applyNative(p, body);
      store.productChanged(p);
      return action(true, SimJson.NODES.numberNode(p.id));
    }
  }

  private static void applyNative(SimProduct p, ObjectNode n) {
    ObjectNode v1 = p.v1;
    setText(v1, "name", n, "Name");
    setText(v1, "description", n, "Description");
    setText(v1, "shortDescription", n, "ShortDescription");
    setText(v1, "taxCode", n, "TaxCode");
    setText(v1, "unitOfMeasure", n, "UnitOfMeasure");
    v1.set("price", n.get("PriceBase") == null ? SimJson.NODES.nullNode() : n.get("PriceBase"));
    v1.set("compareAtPrice", n.get("PriceMsrp") == null ? SimJson.NODES.nullNode() : n.get("PriceMsrp"));
    if (n.hasNonNull("Weight")) {
      ObjectNode w = v1.has("weight") && v1.get("weight").isObject() ? (ObjectNode) v1.get("weight") : v1.putObject("weight");
      w.set("value", n.get("Weight"));
      if (!w.has("unit")) {
        w.put("unit", "lb");
      }
    } else {
      v1.remove("weight");
    }
    boolean active = n.path("Active").asBoolean(true);
    boolean discontinued = n.path("IsDiscontinued").asBoolean(false);
    v1.put("status", discontinued ? "discontinued" : active ? "active" : "inactive");
    v1.put("visible", n.path("IsVisible").asBoolean(true));
    v1.put("taxable", n.path("IsTaxable").asBoolean(true));
    ObjectNode others = SimJson.object();
    List<String> known = List.of("ID", "CustomKey", "Active", "Name", "Description", "ShortDescription", "IsVisible",
        "IsDiscontinued", "IsTaxable", "TaxCode", "UnitOfMeasure", "PriceBase", "PriceMsrp", "Weight", "UpdatedDate",
        "CreatedDate");
    n.properties().forEach(e -> {
      if (!known.contains(e.getKey())) {
        others.set(e.getKey(), e.getValue());
      }
    });
    p.nativeOnly = others;
  }

  private static void setText(ObjectNode v1, String field, JsonNode n, String property) {
    JsonNode v = n.get(property);
    if (v == null || v.isNull()) {
      v1.remove(field);
    } else {
      v1.put(field, v.asText());
    }
  }

  // ------------------------------------------------------------------ inventory

  private SimResponse section(SimRequest r) {
    synchronized (store) {
      Integer id = store.sections.get(r.param("key"));
      if (id == null) {
        return notFound("InventoryLocationSection");
      }
      ObjectNode n = SimJson.object();
      n.put("ID", id);
      n.put("CustomKey", r.param("key"));
      n.put("Name", r.param("key").substring(0, 1) + r.param("key").substring(1).toLowerCase(Locale.ROOT) + " warehouse");
      return json(200, n);
    }
  }

  private SimResponse searchRows(SimRequest r) {
    Optional<Integer> master = r.queryParam("MasterID").flatMap(NativeRoutes::parseInt);
    List<ObjectNode> out = new ArrayList<>();
    synchronized (store) {
      for (StockRow row : store.stock.values()) {
        int productId = store.productBySku(row.sku).map(p -> p.id).orElse(0);
        if (master.isEmpty() || master.get() == productId) {
          out.add(store.nativeRow(row));
        }
      }
    }
    return paged(r, out);
  }

  /** {@code CreateMany}/{@code UpdateMany}: a JSON array; any bad row fails the whole call with ActionSucceeded=false (S1). */
  private SimResponse bulk(SimRequest r, boolean create) {
    JsonNode rows = SimJson.parse(r.body());
    if (rows == null || !rows.isArray()) {
      return validation(List.<String[]>of(new String[] {"(body)", "SerializationException",
          "Expected a list of ProductInventoryLocationSectionModel"}));
    }
    Optional<String> failure = failing();
    if (failure.isPresent()) {
      return action(false, null, failure.get());
    }
    synchronized (store) {
      List<Runnable> apply = new ArrayList<>();
      for (JsonNode row : rows) {
        BigDecimal quantity = row.hasNonNull("Quantity") && row.get("Quantity").isNumber()
            ? row.get("Quantity").decimalValue() : null;
        if (quantity == null || quantity.signum() < 0) {
          return action(false, null, "Quantity must be a number >= 0");
        }
        if (create) {
          Optional<SimProduct> p = Optional.ofNullable(row.get("MasterID")).map(JsonNode::asInt).map(store.products::get);
          String location = store.sections.entrySet().stream()
              .filter(e -> e.getValue() == row.path("SlaveID").asInt(-1)).map(Map.Entry::getKey).findFirst().orElse(null);
          if (p.isEmpty() || location == null) {
            return action(false, null, "Invalid MasterID or SlaveID");
          }
          if (store.row(p.get().sku, location).isPresent()) {
            return action(false, null, "A row for this product and section already exists");
          }
          apply.add(() -> store.setStock(p.get().sku, location, quantity));
        } else {
          StockRow existing = store.stock.get(row.path("ID").asInt(-1));
          if (existing == null) {
            return action(false, null, "ProductInventoryLocationSection " + row.path("ID").asText() + " does not exist");
          }
          apply.add(() -> store.setStock(existing.sku, existing.location, quantity));
        }
      }
      apply.forEach(Runnable::run);
    }
    return action(true, SimJson.NODES.booleanNode(true));
  }

  // ------------------------------------------------------------------ shipments and invoices

  private SimResponse upsertShipment(SimRequest r) {
    ObjectNode body = body(r);
    if (body == null) {
      return validation(List.<String[]>of(new String[] {"(body)", "SerializationException", "Could not read the Shipment"}));
    }
    List<String[]> errors = new ArrayList<>();
    maxLength(errors, body, "CustomKey", 128);
    maxLength(errors, body, "TrackingNumber", 100);
    for (int i = 1; i <= 3; i++) {
      maxLength(errors, body, "Reference" + i, 100);
    }
    if (!errors.isEmpty()) {
      return validation(errors);
    }
    synchronized (store) {
      String key = SimJson.text(body, "CustomKey");
      Optional<SimShipment> existing = key == null ? Optional.empty() : store.shipmentByKey(key);
      ObjectNode v1 = SimJson.object();
      v1.put("externalShipmentId", key);
      v1.put("carrier", SimJson.text(body, "CarrierName"));
      v1.put("service", SimJson.text(body, "ShipMethod"));
      String shipDate = SimJson.text(body, "ShipDate");
      v1.put("shippedAt", shipDate == null ? null : SimJson.rfc3339(OffsetDateTime.parse(shipDate).toInstant()));
      ArrayNode packages = v1.putArray("packages");
      for (String f : List.of("TrackingNumber", "Reference1", "Reference2", "Reference3")) {
        if (SimJson.text(body, f) != null) {
          packages.addObject().put("trackingNumber", SimJson.text(body, f));
        }
      }
      if (existing.isPresent()) {
        existing.get().v1.setAll(v1);
        return action(true, SimJson.NODES.numberNode(existing.get().id));
      }
      Optional<SimOrder> order = Optional.ofNullable(body.get("SalesOrderIDs")).filter(JsonNode::isArray)
          .filter(a -> !a.isEmpty()).map(a -> a.get(0).asInt()).flatMap(store::order);
      if (order.isEmpty()) {
        return action(false, null, "SalesOrderIDs must name an existing sales order");
      }
      SimShipment s = store.addShipment(order.get(), v1, key);
      return action(true, SimJson.NODES.numberNode(s.id));
    }
  }

  private SimResponse shipmentByKey(SimRequest r) {
    return store.shipmentByKey(r.param("key")).map(s -> json(200, store.nativeShipment(s)))
        .orElseGet(() -> notFound("Shipment"));
  }

  private SimResponse upsertInvoice(SimRequest r) {
    ObjectNode body = body(r);
    if (body == null) {
      return validation(List.<String[]>of(new String[] {"(body)", "SerializationException", "Could not read the SalesInvoice"}));
    }
    List<String[]> errors = new ArrayList<>();
    maxLength(errors, body, "CustomKey", 128);
    if (SimJson.text(body, "CustomKey") == null) {
      errors.add(new String[] {"CustomKey", "NotEmpty", "'Custom Key' must not be empty."});
    }
    if (!errors.isEmpty()) {
      return validation(errors);
    }
    synchronized (store) {
      String key = SimJson.text(body, "CustomKey");
      ObjectNode v1 = SimJson.object();
      v1.put("invoiceNumber", key);
      JsonNode ids = body.path("SalesOrderIDs");
      if (ids.isArray() && !ids.isEmpty()) {
        store.order(ids.get(0).asInt()).ifPresent(o -> v1.put("orderNumber", o.number));
      }
      v1.set("totalAmount", body.path("Totals").path("Total"));
      v1.set("balanceDue", body.path("BalanceDue"));
      v1.put("currency", SimJson.text(body, "CurrencyKey"));
      ClarityStore.SimInvoice inv = store.putInvoice(key, v1, body.deepCopy());
      inv.nativeModel.put("ID", inv.id);
      return action(true, SimJson.NODES.numberNode(inv.id));
    }
  }

  private SimResponse invoiceByKey(SimRequest r) {
    synchronized (store) {
      ClarityStore.SimInvoice i = store.invoices.get(r.param("key"));
      if (i == null || i.nativeModel == null) {
        return notFound("SalesInvoice");
      }
      return json(200, i.nativeModel);
    }
  }

  private static Optional<Integer> parseInt(String s) {
    try {
      return Optional.of(Integer.parseInt(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
