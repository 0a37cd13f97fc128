package io.commercesync.testkit.clarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The one in-memory store behind both dialects. Records are kept in the v1 shape (the richer one) with
 * the native-only facts beside them (numeric IDs, the CEF status key, native-only product properties);
 * each dialect renders its own view. All methods are synchronized on the store.
 */
public final class ClarityStore {

  /** CEF status key → v1 code (reference §4.8 [P]). Site statuses not listed become snake_case. */
  static final Map<String, String> V1_STATUS = Map.ofEntries(
      Map.entry("Pending", "pending"), Map.entry("Confirmed", "confirmed"), Map.entry("On Hold", "on_hold"),
      Map.entry("Processing", "processing"), Map.entry("Backordered", "backordered"), Map.entry("Shipped", "shipped"),
      Map.entry("Shipped from Vendor", "shipped"), Map.entry("Ready for Pickup", "ready_for_pickup"),
      Map.entry("Partially Shipped", "partially_shipped"), Map.entry("Completed", "completed"),
      Map.entry("Void", "cancelled"), Map.entry("Partial Payment Received", "pending"),
      Map.entry("Full Payment Received", "processing"));
  /** v1 code → CEF status key. */
  static final Map<String, String> NATIVE_STATUS = Map.ofEntries(
      Map.entry("pending", "Pending"), Map.entry("confirmed", "Confirmed"), Map.entry("on_hold", "On Hold"),
      Map.entry("processing", "Processing"), Map.entry("backordered", "Backordered"),
      Map.entry("partially_shipped", "Partially Shipped"), Map.entry("shipped", "Shipped"),
      Map.entry("ready_for_pickup", "Ready for Pickup"), Map.entry("completed", "Completed"),
      Map.entry("cancelled", "Void"));
  /** Final states: no workflow route leaves them. */
  static final List<String> FINAL = List.of("Completed", "Void");

  /** A sales order. */
  static final class SimOrder {
    int id;
    String number;
    String status;
    Instant created;
    Instant updated;
    ObjectNode v1;
    final List<SimShipment> shipments = new ArrayList<>();
  }

  /** A customer (a native account with contacts). */
  static final class SimCustomer {
    int id;
    ObjectNode v1;
    Instant created;
    Instant updated;

    String v1Id() {
      return "cus_" + (20000 + id);
    }
  }

  /** A product, with the native-only properties a native client must write back unchanged. */
  static final class SimProduct {
    int id;
    String sku;
    ObjectNode v1;
    ObjectNode nativeOnly = SimJson.object();
    Instant updated;
  }

  /** Stock of one product in one inventory-location section. */
  static final class StockRow {
    int id;
    String sku;
    String location;
    BigDecimal quantity;
    BigDecimal allocated = BigDecimal.ZERO;
    Instant updated;
  }

  /** A shipment of an order. */
  static final class SimShipment {
    int id;
    int orderId;
    String customKey;
    ObjectNode v1;
  }

  /** An invoice. */
  static final class SimInvoice {
    int id;
    String number;
    ObjectNode v1;
    ObjectNode nativeModel;
    Instant updated;
  }

  /**
   * A return (refund) of an order: a CEF {@code SalesReturnModel} natively, the v1 return resource of
   * CommerceSync's proposal [P+]. {@code status} is the CEF status key (seeded: Pending, Confirmed, Shipped,
   * Payment Sent, Rejected, Completed, Void).
   */
  static final class SimReturn {
    int id;
    String number;
    int orderId;
    String status;
    String reason;
    String currency;
    Instant created;
    Instant updated;
    BigDecimal shipping = BigDecimal.ZERO;
    /** Restocking fee kept (CEF {@code RestockingFeeAmount} on the first item; v1 {@code adjustmentAmount} = −fee). */
    BigDecimal fee = BigDecimal.ZERO;
    final List<SimReturnLine> lines = new ArrayList<>();

    BigDecimal subtotal() {
      return lines.stream().map(SimReturnLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal tax() {
      return lines.stream().map(SimReturnLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal total() {
      return subtotal().add(tax()).add(shipping).subtract(fee);
    }
  }

  /** One returned line: {@code orderLineId} is the order's {@code lineItems[].lineId}. */
  record SimReturnLine(String lineId, String orderLineId, String sku, String name, BigDecimal quantity,
      BigDecimal unitPrice, BigDecimal tax) {
    BigDecimal total() {
      return unitPrice.multiply(quantity);
    }
  }

  /** CEF return status key → v1 return status [P+]. */
  static final Map<String, String> V1_RETURN_STATUS = Map.ofEntries(
      Map.entry("Pending", "requested"), Map.entry("Confirmed", "approved"), Map.entry("Shipped", "received"),
      Map.entry("Payment Sent", "refunded"), Map.entry("Completed", "refunded"), Map.entry("Rejected", "rejected"),
      Map.entry("Void", "cancelled"));

  /** What an idempotent write answered first. */
  record Stored(String hash, int status, byte[] body, Instant at) {}

  final SimClock clock;
  final Map<Integer, SimOrder> orders = new TreeMap<>();
  final Map<Integer, SimCustomer> customers = new TreeMap<>();
  final Map<Integer, SimProduct> products = new TreeMap<>();
  final Map<String, Integer> sections = new LinkedHashMap<>();
  final Map<Integer, StockRow> stock = new TreeMap<>();
  /** Indexes of {@link #products} by sku and of {@link #stock} by sku (then location), for large catalogues. */
  private final Map<String, SimProduct> productsBySku = new java.util.HashMap<>();
  private final Map<String, Map<String, StockRow>> stockBySku = new java.util.HashMap<>();
  final Map<Integer, SimShipment> shipments = new TreeMap<>();
  final Map<String, SimInvoice> invoices = new TreeMap<>();
  final Map<Integer, SimReturn> returns = new TreeMap<>();
  final Map<String, Stored> idempotency = new LinkedHashMap<>();
  int idempotentReplays;
  int idempotencyConflicts;
  private int nextOrder = 20000;
  private int nextCustomer = 1000;
  private int nextProduct = 6000;
  private int nextRow = 1;
  private int nextShipment = 1;
  private int nextInvoice = 1;
  private int nextReturn = 5000;
  private BiConsumer<String, ObjectNode> events = (type, resource) -> { };

  ClarityStore(SimClock clock) {
    this.clock = clock;
  }

  synchronized void onEvent(BiConsumer<String, ObjectNode> listener) {
    this.events = Objects.requireNonNull(listener);
  }

  synchronized void clear() {
    orders.clear();
    customers.clear();
    products.clear();
    productsBySku.clear();
    stockBySku.clear();
    sections.clear();
    stock.clear();
    shipments.clear();
    invoices.clear();
    returns.clear();
    idempotency.clear();
    idempotentReplays = 0;
    idempotencyConflicts = 0;
  }

  Instant now() {
    return clock.instant();
  }

  // ------------------------------------------------------------------ orders

  /** Adds an order given in the v1 shape; {@code orderId} {@code ord_<n>} fixes its native ID. */
  synchronized SimOrder addOrder(ObjectNode v1, boolean notify) {
    SimOrder o = new SimOrder();
    String orderId = SimJson.text(v1, "orderId");
    o.id = orderId != null && orderId.matches("ord_\\d+") ? Integer.parseInt(orderId.substring(4)) : ++nextOrder;
    nextOrder = Math.max(nextOrder, o.id);
    o.number = SimJson.text(v1, "orderNumber") != null ? SimJson.text(v1, "orderNumber") : "CS-" + o.id;
    String status = SimJson.text(v1, "status");
    o.status = status == null ? "Pending" : NATIVE_STATUS.getOrDefault(status, status);
    Instant placed = v1.hasNonNull("orderDate") ? Instant.parse(v1.get("orderDate").asText()) : now();
    o.created = placed;
    o.updated = v1.hasNonNull("updatedAt") ? Instant.parse(v1.get("updatedAt").asText()) : now();
    ObjectNode copy = v1.deepCopy();
    copy.put("orderId", "ord_" + o.id);
    copy.put("orderNumber", o.number);
    copy.remove("status");
    copy.remove("updatedAt");
    o.v1 = copy;
    orders.put(o.id, o);
    if (notify) {
      events.accept("order.created", v1Order(o));
    }
    return o;
  }

  synchronized Optional<SimOrder> orderByNumber(String number) {
    return orders.values().stream().filter(o -> o.number.equals(number)).findFirst();
  }

  synchronized Optional<SimOrder> orderByV1Id(String orderId) {
    if (orderId == null || !orderId.matches("ord_\\d+")) {
      return Optional.empty();
    }
    return Optional.ofNullable(orders.get(Integer.parseInt(orderId.substring(4))));
  }

  synchronized Optional<SimOrder> order(int id) {
    return Optional.ofNullable(orders.get(id));
  }

  /** Changes an order's status (native key) and tells the webhook outbox. */
  synchronized void setStatus(SimOrder o, String nativeStatus) {
    o.status = nativeStatus;
    touch(o);
  }

  /** Marks an order changed now. */
  synchronized void touch(SimOrder o) {
    o.updated = now();
    events.accept("order.updated", v1Order(o));
  }

  /** Orders changed at or after {@code since}, by change time then ID (or by ID only). */
  synchronized List<SimOrder> orders(Instant since, boolean byChangeTime) {
    return changedSince(orders.values(), since, byChangeTime, o -> o.updated, o -> o.id);
  }

  /** Records changed at or after {@code since}, by change time then ID (or by ID only). */
  private static <T> List<T> changedSince(java.util.Collection<T> records, Instant since, boolean byChangeTime,
      java.util.function.Function<T, Instant> updated, java.util.function.ToIntFunction<T> id) {
    Comparator<T> order = byChangeTime
        ? Comparator.comparing(updated).thenComparingInt(id)
        : Comparator.comparingInt(id);
    return records.stream().filter(r -> since == null || !updated.apply(r).isBefore(since)).sorted(order).toList();
  }

  static String v1Status(String nativeStatus) {
    return v1Vocabulary(V1_STATUS, nativeStatus);
  }

  /** A native status in v1's vocabulary: mapped when known, else lower case with underscores. */
  private static String v1Vocabulary(Map<String, String> known, String nativeStatus) {
    String mapped = known.get(nativeStatus);
    return mapped != null ? mapped : nativeStatus.toLowerCase(Locale.ROOT).replace(' ', '_');
  }

  synchronized ObjectNode v1Order(SimOrder o) {
    ObjectNode out = SimJson.object();
    out.put("orderId", "ord_" + o.id);
    out.put("orderNumber", o.number);
    o.v1.properties().forEach(e -> {
      if (!e.getKey().equals("orderId") && !e.getKey().equals("orderNumber")) {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
      if (e.getKey().equals("orderDate")) {
        out.put("updatedAt", SimJson.rfc3339(o.updated));
        out.put("status", v1Status(o.status));
      }
    });
    if (!out.has("updatedAt")) {
      out.put("updatedAt", SimJson.rfc3339(o.updated));
      out.put("status", v1Status(o.status));
    }
    return out;
  }

  synchronized ObjectNode nativeOrder(SimOrder o) {
    ObjectNode v1 = o.v1;
    ObjectNode n = SimJson.object();
    n.put("ID", o.id);
    n.put("CustomKey", o.number);
    n.put("Active", true);
    n.put("CreatedDate", SimJson.cef(o.created));
    n.put("UpdatedDate", SimJson.cef(o.updated));
    n.put("StatusID", statusId(o.status));
    n.put("StatusKey", o.status);
    n.put("StatusName", o.status);
    n.put("TypeKey", "Web");
    Optional<SimCustomer> customer = customerByV1Id(SimJson.text(v1, "customerId"));
    customer.ifPresent(c -> {
      n.put("AccountID", c.id);
      n.put("AccountKey", SimJson.text(c.v1, "externalId"));
      n.put("UserID", 20000 + c.id);
    });
    n.put("UserKey", SimJson.text(v1, "email"));
    n.put("PurchaseOrderNumber", "");
    String tracking = o.shipments.stream().flatMap(s -> trackingNumbers(s.v1).stream()).findFirst().orElse(null);
    n.put("TrackingNumber", tracking);
    JsonNode pay = v1.get("paymentInfo");
    n.put("PaymentTransactionID", SimJson.text(pay, "transactionId"));
    if (v1.has("payments")) {
      // CEF's SalesOrderPayments[]: the order (master) associated with each PaymentModel (Slave)
      ArrayNode orderPayments = n.putArray("SalesOrderPayments");
      int p = 0;
      for (JsonNode v1Payment : v1.withArray("payments")) {
        int paymentId = o.id * 10 + ++p;
        ObjectNode slave = orderPayments.addObject().put("ID", paymentId).put("MasterID", o.id)
            .put("SlaveID", paymentId).putObject("Slave");
        slave.put("ID", paymentId).put("Amount", SimJson.decimal(v1Payment, "amount"));
        slave.put("PaymentMethodKey", SimJson.text(v1Payment, "method"));
        slave.put("TransactionNumber", SimJson.text(v1Payment, "transactionId"));
        slave.put("Last4CardDigits", SimJson.text(v1Payment, "last4"));
        slave.put("Received", "captured".equals(SimJson.text(v1Payment, "status")));
        slave.put("InvoiceNumber", SimJson.text(v1Payment, "invoiceNumber"));
      }
    }
    n.put("ShippingSameAsBilling", Objects.equals(v1.get("billingAddress"), v1.get("shippingAddress")));
    BigDecimal quantity = BigDecimal.ZERO;
    ArrayNode items = SimJson.array();
    int i = 0;
    for (JsonNode li : v1.withArray("lineItems")) {
      BigDecimal qty = SimJson.nz(SimJson.decimal(li, "quantity"));
      BigDecimal price = SimJson.nz(SimJson.decimal(li, "unitPrice"));
      quantity = quantity.add(qty);
      ObjectNode item = items.addObject();
      item.put("ID", o.id * 100 + ++i);
      item.put("CustomKey", SimJson.text(li, "lineId"));
      item.put("MasterID", o.id);
      item.put("Name", SimJson.text(li, "name"));
      item.put("Sku", SimJson.text(li, "sku"));
      item.put("Quantity", qty);
      item.put("UnitCorePrice", price);
      item.put("UnitSoldPrice", price);
      item.put("UnitOfMeasure", "EA");
      item.put("ExtendedPrice", price.multiply(qty));
      item.put("ExtendedTaxAmount", SimJson.decimal(li, "taxAmount"));
      item.put("SellingCurrencyKey", SimJson.text(v1, "currency"));
      BigDecimal discount = SimJson.decimal(li, "discountAmount");
      if (discount != null && discount.signum() != 0) {
        item.putArray("Discounts").addObject().put("DiscountTotal", discount);
      }
    }
    n.put("ItemQuantity", quantity);
    BigDecimal total = SimJson.nz(SimJson.decimal(v1, "totalAmount"));
    BigDecimal paid = BigDecimal.ZERO;
    for (JsonNode payment : v1.has("payments") ? v1.withArray("payments") : List.of(pay == null ? SimJson.object() : pay)) {
      if ("captured".equals(SimJson.text(payment, "status"))) {
        paid = paid.add(SimJson.nz(SimJson.decimal(payment, "amount")));
      }
    }
    n.put("BalanceDue", total.subtract(paid).max(BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_EVEN));
    ObjectNode totals = n.putObject("Totals");
    totals.put("SubTotal", SimJson.decimal(v1, "subtotalAmount"));
    totals.put("Shipping", SimJson.decimal(v1, "shippingAmount"));
    totals.put("Handling", new BigDecimal("0.00"));
    totals.put("Fees", new BigDecimal("0.00"));
    totals.put("Discounts", SimJson.decimal(v1, "discountAmount"));
    totals.put("Tax", SimJson.decimal(v1, "taxAmount"));
    totals.put("Total", SimJson.decimal(v1, "totalAmount"));
    n.set("BillingContact", contact(v1.get("billingAddress"), SimJson.text(v1, "email")));
    n.set("ShippingContact", contact(v1.get("shippingAddress"), SimJson.text(v1, "email")));
    n.set("SalesItems", items);
    return n;
  }

  static int statusId(String status) {
    List<String> known = List.of("Pending", "Confirmed", "On Hold", "Processing", "Backordered", "Shipped",
        "Shipped from Vendor", "Ready for Pickup", "Split", "Partial Payment Received", "Full Payment Received",
        "Completed", "Void");
    int i = known.indexOf(status);
    return i >= 0 ? i + 1 : 100 + Math.abs(status.hashCode() % 100);
  }

  /** A v1 address as a CEF {@code ContactModel} (country as alpha-3, like the native sample). */
  static ObjectNode contact(JsonNode a, String email) {
    if (a == null || a.isNull()) {
      return null;
    }
    ObjectNode c = SimJson.object();
    c.put("FirstName", SimJson.text(a, "firstName"));
    c.put("LastName", SimJson.text(a, "lastName"));
    c.put("Email1", email);
    c.put("Phone1", SimJson.text(a, "phone"));
    ObjectNode addr = c.putObject("Address");
    addr.put("Company", SimJson.text(a, "company") == null ? "" : SimJson.text(a, "company"));
    addr.put("Street1", SimJson.text(a, "line1"));
    addr.put("Street2", SimJson.text(a, "line2"));
    addr.put("City", SimJson.text(a, "city"));
    addr.put("RegionCode", SimJson.text(a, "region"));
    addr.put("PostalCode", SimJson.text(a, "postalCode"));
    addr.put("CountryCode", alpha3(SimJson.text(a, "country")));
    return c;
  }

  /** A CEF {@code ContactModel} as a v1 address. */
  static ObjectNode v1Address(JsonNode contact) {
    ObjectNode a = SimJson.object();
    JsonNode addr = contact.path("Address");
    a.put("firstName", SimJson.text(contact, "FirstName"));
    a.put("lastName", SimJson.text(contact, "LastName"));
    a.put("company", SimJson.text(addr, "Company") == null ? "" : SimJson.text(addr, "Company"));
    a.put("line1", SimJson.text(addr, "Street1"));
    a.put("line2", SimJson.text(addr, "Street2") == null ? "" : SimJson.text(addr, "Street2"));
    a.put("city", SimJson.text(addr, "City"));
    a.put("region", SimJson.text(addr, "RegionCode"));
    a.put("postalCode", SimJson.text(addr, "PostalCode"));
    a.put("country", alpha2(SimJson.text(addr, "CountryCode")));
    a.put("phone", SimJson.text(contact, "Phone1"));
    return a;
  }

  static String alpha3(String alpha2) {
    if (alpha2 == null || alpha2.length() != 2) {
      return alpha2;
    }
    try {
      return new Locale("", alpha2).getISO3Country();
    } catch (java.util.MissingResourceException e) {
      return alpha2;
    }
  }

  static String alpha2(String code) {
    if (code == null || code.length() != 3) {
      return code;
    }
    for (String c : Locale.getISOCountries()) {
      if (new Locale("", c).getISO3Country().equalsIgnoreCase(code)) {
        return c;
      }
    }
    return code;
  }

  static List<String> trackingNumbers(JsonNode shipment) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : shipment.path("packages")) {
      if (p.hasNonNull("trackingNumber")) {
        out.add(p.get("trackingNumber").asText());
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ customers

  synchronized SimCustomer addCustomer(ObjectNode v1, int id, boolean notify) {
    SimCustomer c = new SimCustomer();
    c.id = id > 0 ? id : ++nextCustomer;
    nextCustomer = Math.max(nextCustomer, c.id);
    c.created = v1.hasNonNull("createdAt") ? Instant.parse(v1.get("createdAt").asText()) : now();
    c.updated = v1.hasNonNull("updatedAt") ? Instant.parse(v1.get("updatedAt").asText()) : now();
    ObjectNode copy = v1.deepCopy();
    copy.remove("customerId");
    copy.remove("createdAt");
    copy.remove("updatedAt");
    c.v1 = copy;
    customers.put(c.id, c);
    if (notify) {
      events.accept("customer.created", v1Customer(c));
    }
    return c;
  }

  synchronized void customerChanged(SimCustomer c) {
    c.updated = now();
    events.accept("customer.updated", v1Customer(c));
  }

  synchronized Optional<SimCustomer> customerByV1Id(String id) {
    if (id == null || !id.matches("cus_\\d+")) {
      return Optional.empty();
    }
    return Optional.ofNullable(customers.get(Integer.parseInt(id.substring(4)) - 20000));
  }

  synchronized Optional<SimCustomer> customerByExternalId(String externalId) {
    return customers.values().stream().filter(c -> externalId.equals(SimJson.text(c.v1, "externalId"))).findFirst();
  }

  synchronized List<SimCustomer> customers(Instant since) {
    return customers.values().stream().filter(c -> since == null || !c.updated.isBefore(since))
        .sorted(Comparator.comparing((SimCustomer c) -> c.updated).thenComparingInt(c -> c.id)).toList();
  }

  synchronized ObjectNode v1Customer(SimCustomer c) {
    ObjectNode out = SimJson.object();
    out.put("customerId", c.v1Id());
    out.setAll(c.v1.deepCopy());
    out.put("createdAt", SimJson.rfc3339(c.created));
    out.put("updatedAt", SimJson.rfc3339(c.updated));
    return out;
  }

  /** The account view: the company (or name) with one contact per address; the billing default is primary. */
  synchronized ObjectNode nativeAccount(SimCustomer c) {
    ObjectNode a = SimJson.object();
    a.put("ID", c.id);
    a.put("CustomKey", SimJson.text(c.v1, "externalId"));
    a.put("Active", !"blocked".equals(SimJson.text(c.v1, "status")));
    String company = SimJson.text(c.v1, "company");
    a.put("Name", company != null && !company.isBlank() ? company
        : SimJson.text(c.v1, "firstName") + " " + SimJson.text(c.v1, "lastName"));
    a.put("CreatedDate", SimJson.cef(c.created));
    a.put("UpdatedDate", SimJson.cef(c.updated));
    a.put("TypeKey", SimJson.text(c.v1, "customerGroup"));
    a.put("IsOnHold", "on_hold".equals(SimJson.text(c.v1, "status")));
    a.put("IsTaxable", !c.v1.path("taxExempt").asBoolean(false));
    ArrayNode contacts = a.putArray("AccountContacts");
    int i = 0;
    for (JsonNode addr : c.v1.path("addresses")) {
      ObjectNode ac = contacts.addObject();
      ac.put("ID", c.id * 10 + ++i);
      ac.put("CustomKey", SimJson.text(addr, "addressId"));
      ac.put("MasterID", c.id);
      ac.put("IsPrimary", "billing".equals(SimJson.text(addr, "type")) && addr.path("isDefault").asBoolean());
      ac.put("IsBilling", "billing".equals(SimJson.text(addr, "type")));
      ObjectNode contact = contact(addr, SimJson.text(c.v1, "email"));
      ac.set("Slave", contact);
    }
    return a;
  }

  // ------------------------------------------------------------------ products and stock

  synchronized SimProduct addProduct(ObjectNode v1, int id) {
    SimProduct p = new SimProduct();
    p.id = id > 0 ? id : ++nextProduct;
    nextProduct = Math.max(nextProduct, p.id);
    p.sku = SimJson.text(v1, "sku");
    p.updated = v1.hasNonNull("updatedAt") ? Instant.parse(v1.get("updatedAt").asText()) : now();
    ObjectNode copy = v1.deepCopy();
    copy.remove("productId");
    copy.remove("updatedAt");
    p.v1 = copy;
    p.nativeOnly.put("SeoUrl", SimJson.text(v1.path("seo"), "urlKey"));
    p.nativeOnly.put("SeoPageTitle", SimJson.text(v1.path("seo"), "metaTitle"));
    products.put(p.id, p);
    productsBySku.putIfAbsent(p.sku, p);
    return p;
  }

  synchronized Optional<SimProduct> productBySku(String sku) {
    return Optional.ofNullable(productsBySku.get(sku));
  }

  synchronized void productChanged(SimProduct p) {
    p.updated = now();
    events.accept("product.updated", v1Product(p));
  }

  synchronized ObjectNode v1Product(SimProduct p) {
    ObjectNode out = SimJson.object();
    out.put("productId", "prd_" + p.id);
    out.setAll(p.v1.deepCopy());
    ObjectNode inventory = out.has("inventory") && out.get("inventory").isObject() ? (ObjectNode) out.get("inventory")
        : out.putObject("inventory");
    java.util.Collection<StockRow> rows = stockBySku.getOrDefault(p.sku, Map.of()).values();
    BigDecimal available = rows.stream()
        .map(r -> r.quantity.subtract(r.allocated)).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (!rows.isEmpty()) {
      inventory.put("available", available);
    }
    out.put("updatedAt", SimJson.rfc3339(p.updated));
    return out;
  }

  synchronized ObjectNode nativeProduct(SimProduct p) {
    ObjectNode n = SimJson.object();
    n.put("ID", p.id);
    n.put("CustomKey", p.sku);
    String status = SimJson.text(p.v1, "status");
    n.put("Active", !"inactive".equals(status));
    n.put("Name", SimJson.text(p.v1, "name"));
    n.put("Description", SimJson.text(p.v1, "description"));
    n.put("ShortDescription", SimJson.text(p.v1, "shortDescription"));
    n.put("IsVisible", p.v1.path("visible").asBoolean(true));
    n.put("IsDiscontinued", "discontinued".equals(status));
    n.put("IsTaxable", p.v1.path("taxable").asBoolean(true));
    n.put("TaxCode", SimJson.text(p.v1, "taxCode"));
    n.put("UnitOfMeasure", SimJson.text(p.v1, "unitOfMeasure"));
    n.put("PriceBase", SimJson.decimal(p.v1, "price"));
    n.put("PriceMsrp", SimJson.decimal(p.v1, "compareAtPrice"));
    n.put("Weight", SimJson.decimal(p.v1.path("weight"), "value"));
    n.put("UpdatedDate", SimJson.cef(p.updated));
    n.setAll(p.nativeOnly.deepCopy());
    return n;
  }

  synchronized Optional<StockRow> row(String sku, String location) {
    return Optional.ofNullable(stockBySku.getOrDefault(sku, Map.of()).get(location));
  }

  synchronized StockRow setStock(String sku, String location, BigDecimal quantity) {
    StockRow r = row(sku, location).orElseGet(() -> {
      StockRow n = new StockRow();
      n.id = nextRow++;
      n.sku = sku;
      n.location = location;
      stock.put(n.id, n);
      stockBySku.computeIfAbsent(sku, k -> new java.util.LinkedHashMap<>()).put(location, n);
      return n;
    });
    r.quantity = quantity;
    r.updated = now();
    return r;
  }

  synchronized int section(String code) {
    return sections.computeIfAbsent(code, c -> sections.size() + 1);
  }

  synchronized ObjectNode nativeRow(StockRow r) {
    ObjectNode n = SimJson.object();
    n.put("ID", r.id);
    n.put("Active", true);
    n.put("MasterID", productBySku(r.sku).map(p -> p.id).orElse(0));
    n.put("MasterKey", r.sku);
    n.put("SlaveID", sections.getOrDefault(r.location, 0));
    n.put("SlaveKey", r.location);
    n.put("Quantity", r.quantity);
    n.put("QuantityAllocated", r.allocated);
    n.put("QuantityPreSold", BigDecimal.ZERO);
    n.put("UpdatedDate", SimJson.cef(r.updated));
    return n;
  }

  // ------------------------------------------------------------------ shipments and invoices

  synchronized SimShipment addShipment(SimOrder o, ObjectNode v1, String customKey) {
    SimShipment s = new SimShipment();
    s.id = nextShipment++;
    s.orderId = o.id;
    s.customKey = customKey;
    ObjectNode copy = v1.deepCopy();
    copy.put("shipmentId", "shp_" + s.id);
    copy.put("orderId", "ord_" + o.id);
    s.v1 = copy;
    shipments.put(s.id, s);
    o.shipments.add(s);
    touch(o);
    return s;
  }

  synchronized Optional<SimShipment> shipmentByKey(String customKey) {
    return shipments.values().stream().filter(s -> customKey.equals(s.customKey)).findFirst();
  }

  synchronized ObjectNode nativeShipment(SimShipment s) {
    ObjectNode n = SimJson.object();
    n.put("ID", s.id);
    n.put("CustomKey", s.customKey);
    n.put("Active", true);
    List<String> tracking = trackingNumbers(s.v1);
    n.put("TrackingNumber", tracking.isEmpty() ? null : tracking.get(0));
    n.put("CarrierName", SimJson.text(s.v1, "carrier"));
    n.put("ShipMethod", SimJson.text(s.v1, "service"));
    String shipped = SimJson.text(s.v1, "shippedAt");
    n.put("ShipDate", shipped == null ? null : SimJson.cef(Instant.parse(shipped)));
    for (int i = 1; i < Math.min(4, tracking.size()); i++) {
      n.put("Reference" + i, tracking.get(i));
    }
    n.putArray("SalesOrderIDs").add(s.orderId);
    return n;
  }

  synchronized SimInvoice putInvoice(String number, ObjectNode v1, ObjectNode nativeModel) {
    SimInvoice i = invoices.computeIfAbsent(number, n -> {
      SimInvoice x = new SimInvoice();
      x.id = nextInvoice++;
      x.number = n;
      return x;
    });
    i.v1 = v1;
    i.nativeModel = nativeModel;
    i.updated = now();
    return i;
  }

  // ------------------------------------------------------------------ returns

  /**
   * Adds a return of order {@code o}: {@code quantities} per order line ({@code lineItems[].lineId} →
   * quantity), priced from the order line (unit price, tax pro rata); numbered {@code <order>-R<n>}.
   *
   * @throws IllegalArgumentException when a line is not the order's or more would be returned than was ordered
   */
  synchronized SimReturn addReturn(SimOrder o, String status, Map<String, BigDecimal> quantities, BigDecimal fee,
      String reason) {
    SimReturn r = new SimReturn();
    r.id = ++nextReturn;
    r.orderId = o.id;
    r.status = status;
    r.reason = reason;
    r.currency = SimJson.text(o.v1, "currency");
    r.fee = fee == null ? BigDecimal.ZERO : fee;
    r.created = now();
    r.updated = r.created;
    int n = 0;
    for (Map.Entry<String, BigDecimal> q : quantities.entrySet()) {
      JsonNode line = null;
      for (JsonNode li : o.v1.withArray("lineItems")) {
        if (q.getKey().equals(SimJson.text(li, "lineId"))) {
          line = li;
        }
      }
      if (line == null) {
        throw new IllegalArgumentException("order " + o.number + " has no line " + q.getKey());
      }
      BigDecimal ordered = SimJson.nz(SimJson.decimal(line, "quantity"));
      BigDecimal returned = returnedQuantity(o, q.getKey());
      if (q.getValue().signum() <= 0 || returned.add(q.getValue()).compareTo(ordered) > 0) {
        throw new IllegalArgumentException("order " + o.number + " line " + q.getKey() + ": cannot return "
            + q.getValue() + " (ordered " + ordered + ", returned " + returned + ")");
      }
      BigDecimal tax = SimJson.nz(SimJson.decimal(line, "taxAmount")).multiply(q.getValue())
          .divide(ordered, 2, java.math.RoundingMode.HALF_EVEN);
      r.lines.add(new SimReturnLine("rli_" + r.id + "_" + ++n, q.getKey(), SimJson.text(line, "sku"),
          SimJson.text(line, "name"), q.getValue(), SimJson.nz(SimJson.decimal(line, "unitPrice")), tax));
    }
    long existing = returns.values().stream().filter(x -> x.orderId == o.id).count();
    r.number = o.number + "-R" + (existing + 1);
    returns.put(r.id, r);
    return r;
  }

  synchronized BigDecimal returnedQuantity(SimOrder o, String lineId) {
    return returns.values().stream().filter(x -> x.orderId == o.id && !"Void".equals(x.status)
            && !"Rejected".equals(x.status))
        .flatMap(x -> x.lines.stream()).filter(l -> lineId.equals(l.orderLineId()))
        .map(SimReturnLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  synchronized Optional<SimReturn> returnByNumber(String number) {
    return returns.values().stream().filter(r -> r.number.equals(number)).findFirst();
  }

  synchronized Optional<SimReturn> returnByV1Id(String returnId) {
    if (returnId == null || !returnId.matches("ret_\\d+")) {
      return Optional.empty();
    }
    return Optional.ofNullable(returns.get(Integer.parseInt(returnId.substring(4))));
  }

  /** Changes a return's status (CEF key); its change time moves, so incremental reads see it again. */
  synchronized void setReturnStatus(SimReturn r, String status) {
    r.status = status;
    r.updated = now();
  }

  /** Returns changed at or after {@code since}, by change time then ID (or by ID only). */
  synchronized List<SimReturn> returns(Instant since, boolean byChangeTime) {
    return changedSince(returns.values(), since, byChangeTime, r -> r.updated, r -> r.id);
  }

  static String v1ReturnStatus(String nativeStatus) {
    return v1Vocabulary(V1_RETURN_STATUS, nativeStatus);
  }

  /** The v1 return resource [P+]. */
  synchronized ObjectNode v1Return(SimReturn r) {
    SimOrder o = orders.get(r.orderId);
    ObjectNode out = SimJson.object();
    out.put("returnId", "ret_" + r.id);
    out.put("returnNumber", r.number);
    out.put("orderId", "ord_" + r.orderId);
    out.put("orderNumber", o == null ? null : o.number);
    out.put("status", v1ReturnStatus(r.status));
    out.put("reason", r.reason);
    out.put("currency", r.currency);
    out.put("createdAt", SimJson.rfc3339(r.created));
    out.put("updatedAt", SimJson.rfc3339(r.updated));
    ArrayNode items = out.putArray("lineItems");
    for (SimReturnLine l : r.lines) {
      items.addObject().put("lineId", l.lineId()).put("orderLineId", l.orderLineId()).put("sku", l.sku())
          .put("quantity", l.quantity()).put("unitPrice", l.unitPrice()).put("totalAmount", l.total())
          .put("restock", true);
    }
    out.put("shippingAmount", r.shipping);
    out.put("adjustmentAmount", r.fee.negate());
    out.put("taxAmount", r.tax());
    out.put("totalAmount", r.total());
    return out;
  }

  /** The native {@code SalesReturnModel} (S1 {@code Returning/ISalesReturnModel.extended.cs}). */
  synchronized ObjectNode nativeReturn(SimReturn r) {
    SimOrder o = orders.get(r.orderId);
    ObjectNode n = SimJson.object();
    n.put("ID", r.id);
    n.put("CustomKey", r.number);
    n.put("Active", true);
    n.put("CreatedDate", SimJson.cef(r.created));
    n.put("UpdatedDate", SimJson.cef(r.updated));
    n.put("StatusID", returnStatusId(r.status));
    n.put("StatusKey", r.status);
    n.put("StatusName", r.status);
    n.put("TypeKey", "Web");
    if (o != null) {
      customerByV1Id(SimJson.text(o.v1, "customerId")).ifPresent(c -> n.put("AccountID", c.id));
    }
    n.putArray("SalesOrderIDs").add(r.orderId);
    n.putArray("AssociatedSalesOrders").addObject().put("ID", r.id).put("MasterID", r.id).put("SlaveID", r.orderId);
    n.put("RefundAmount", r.total());
    n.put("RefundTransactionID", "Payment Sent".equals(r.status) || "Completed".equals(r.status)
        ? "rf_" + r.id : null);
    ObjectNode totals = n.putObject("Totals");
    totals.put("SubTotal", r.subtotal());
    totals.put("Shipping", r.shipping);
    totals.put("Handling", BigDecimal.ZERO);
    totals.put("Fees", BigDecimal.ZERO);
    totals.put("Discounts", BigDecimal.ZERO);
    totals.put("Tax", r.tax());
    totals.put("Total", r.total());
    ArrayNode items = n.putArray("SalesItems");
    int i = 0;
    for (SimReturnLine l : r.lines) {
      ObjectNode item = items.addObject();
      item.put("ID", r.id * 100 + ++i);
      item.put("CustomKey", l.lineId());
      item.put("MasterID", r.id);
      item.put("Name", l.name());
      item.put("Sku", l.sku());
      item.put("Quantity", l.quantity());
      item.put("UnitCorePrice", l.unitPrice());
      item.put("UnitSoldPrice", l.unitPrice());
      item.put("UnitOfMeasure", "EA");
      item.put("ExtendedPrice", l.total());
      item.put("ExtendedTaxAmount", l.tax());
      item.put("RestockingFeeAmount", i == 1 ? r.fee : BigDecimal.ZERO);
      item.put("SellingCurrencyKey", r.currency);
    }
    return n;
  }

  static int returnStatusId(String status) {
    List<String> known = List.of("Pending", "Confirmed", "Shipped", "Payment Sent", "Rejected", "Completed", "Void");
    int i = known.indexOf(status);
    return i >= 0 ? i + 1 : 100 + Math.abs(status.hashCode() % 100);
  }

  // ------------------------------------------------------------------ stats

  synchronized ObjectNode stats() {
    ObjectNode s = SimJson.object();
    s.put("orders", orders.size());
    ObjectNode byStatus = s.putObject("ordersByStatus");
    orders.values().forEach(o -> byStatus.put(o.status, byStatus.path(o.status).asInt(0) + 1));
    ObjectNode perOrder = s.putObject("shipmentsPerOrder");
    orders.values().stream().filter(o -> !o.shipments.isEmpty()).forEach(o -> perOrder.put(o.number, o.shipments.size()));
    ObjectNode statusPerOrder = s.putObject("statusPerOrder");
    orders.values().forEach(o -> statusPerOrder.put(o.number, o.status));
    s.put("customers", customers.size());
    ObjectNode perExternal = s.putObject("customersPerExternalId");
    customers.values().stream().map(c -> SimJson.text(c.v1, "externalId")).filter(Objects::nonNull)
        .forEach(x -> perExternal.put(x, perExternal.path(x).asInt(0) + 1));
    s.put("products", products.size());
    s.put("stockRows", stock.size());
    s.put("shipments", shipments.size());
    s.put("invoices", invoices.size());
    s.put("returns", returns.size());
    ObjectNode invoicesPerOrder = s.putObject("invoicesPerOrder");
    invoices.values().stream().map(i -> SimJson.text(i.v1, "orderNumber")).filter(Objects::nonNull)
        .forEach(n -> invoicesPerOrder.put(n, invoicesPerOrder.path(n).asInt(0) + 1));
    ObjectNode idem = s.putObject("idempotency");
    idem.put("stored", idempotency.size());
    idem.put("replays", idempotentReplays);
    idem.put("conflicts", idempotencyConflicts);
    return s;
  }
}
