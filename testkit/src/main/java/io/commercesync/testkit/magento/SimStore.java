package io.commercesync.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the simulated store holds: orders, customers, products with store-view overrides, MSI
 * sources, source items and reservations, tier prices, sales documents, bulks. Guarded by the simulator's
 * lock; every method assumes it is held.
 */
final class SimStore {

  static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Store codes → store ids: {@code all} is the admin (global) scope 0. */
  static final Map<String, Integer> STORES = Map.of("all", 0, "default", 1, "fr_ca", 2);

  /** Attributes stored globally whatever the scope of the write (price scope global, the default). */
  static final List<String> GLOBAL_ATTRIBUTES = List.of("sku", "price", "weight", "type_id", "attribute_set_id",
      "id", "created_at", "updated_at", "extension_attributes", "product_links", "options",
      "media_gallery_entries", "tier_prices");

  static final List<String> CUSTOMER_GROUPS = List.of("NOT LOGGED IN", "General", "Wholesale", "Retailer");

  /** A product: global values (store 0) and per-store-view overrides. */
  static final class Product {
    ObjectNode global;
    final Map<Integer, ObjectNode> overrides = new TreeMap<>();
    final List<ObjectNode> tierPrices = new ArrayList<>();

    Product(ObjectNode global) {
      this.global = global;
    }
  }

  /** One async bulk and its operations. */
  static final class Bulk {
    final String uuid;
    final String store;
    final String method;
    final String route;
    final List<ObjectNode> operations = new ArrayList<>();
    final List<JsonNode> bodies = new ArrayList<>();
    final String startTime;
    int polls;
    boolean processed;

    Bulk(String uuid, String store, String method, String route, String startTime) {
      this.uuid = uuid;
      this.store = store;
      this.method = method;
      this.route = route;
      this.startTime = startTime;
    }
  }

  final TreeMap<Long, ObjectNode> orders = new TreeMap<>();
  final TreeMap<Long, ObjectNode> customers = new TreeMap<>();
  final Map<String, Product> products = new LinkedHashMap<>();
  final Map<String, ObjectNode> sources = new LinkedHashMap<>();
  final Map<String, ObjectNode> sourceItems = new LinkedHashMap<>();
  final Map<String, BigDecimal> reservations = new HashMap<>();
  final TreeMap<Long, ObjectNode> shipments = new TreeMap<>();
  final TreeMap<Long, ObjectNode> invoices = new TreeMap<>();
  final TreeMap<Long, ObjectNode> creditmemos = new TreeMap<>();
  final Map<String, Bulk> bulks = new LinkedHashMap<>();
  /** Bundle sku → its selections (dynamic price: the children carry the amounts). */
  final Map<String, List<ObjectNode>> bundles = new LinkedHashMap<>();

  long nextOrderId = 1000;
  long nextItemId = 2000;
  long nextAddressId = 1000;
  long nextCustomerId = 300;
  long nextProductId = 300;
  long nextDocumentId = 5000;
  long nextHistoryId = 7000;
  long nextIncrement = 1000;
  long nextGiftCardId = 301;
  /** Order entity_id → reward currency amount invoiced (Adobe Commerce keeps it where REST does not show it). */
  final Map<Long, BigDecimal> rewardInvoiced = new HashMap<>();
  Instant now;

  SimStore(Instant now) {
    this.now = now;
  }

  String ts() {
    return TS.format(now);
  }

  static String sourceKey(String sku, String source) {
    return sku + "\u0000" + source;
  }

  // ------------------------------------------------------------------ products

  /** The product as seen from store {@code storeId}: global values with that store view's overrides. */
  ObjectNode productView(Product p, int storeId) {
    ObjectNode view = p.global.deepCopy();
    ObjectNode over = storeId == 0 ? null : p.overrides.get(storeId);
    if (over != null) {
      for (Map.Entry<String, JsonNode> e : over.properties()) {
        if (e.getKey().equals("custom_attributes")) {
          mergeCustomAttributes(view, (ArrayNode) e.getValue());
        } else {
          view.set(e.getKey(), e.getValue().deepCopy());
        }
      }
    }
    ArrayNode tiers = view.putArray("tier_prices");
    for (ObjectNode t : p.tierPrices) {
      ObjectNode out = tiers.addObject();
      out.put("customer_group_id", CUSTOMER_GROUPS.indexOf(t.path("customer_group").asText()));
      out.set("qty", t.get("quantity"));
      out.set("value", t.get("price"));
      out.putObject("extension_attributes").put("website_id", t.path("website_id").asInt());
    }
    return view;
  }

  static void mergeCustomAttributes(ObjectNode target, ArrayNode incoming) {
    ArrayNode current = target.has("custom_attributes") && target.get("custom_attributes").isArray()
        ? (ArrayNode) target.get("custom_attributes") : target.putArray("custom_attributes");
    for (JsonNode attr : incoming) {
      String code = attr.path("attribute_code").asText();
      boolean replaced = false;
      for (JsonNode existing : current) {
        if (existing.path("attribute_code").asText().equals(code)) {
          ((ObjectNode) existing).set("value", attr.get("value"));
          replaced = true;
        }
      }
      if (!replaced) {
        current.add(attr.deepCopy());
      }
    }
  }

  /**
   * Writes {@code values} to product {@code p} in store {@code storeId}: global attributes always to the
   * global values, the others to the store view's overrides when {@code storeId > 0} (a store-view write
   * really creates an override, #9186).
   */
  void writeProduct(Product p, ObjectNode values, int storeId) {
    ObjectNode target;
    if (storeId == 0) {
      target = p.global;
    } else {
      target = p.overrides.computeIfAbsent(storeId, k -> SimJson.object());
    }
    for (Map.Entry<String, JsonNode> e : values.properties()) {
      String key = e.getKey();
      if (key.equals("id") || key.equals("created_at") || key.equals("updated_at")) {
        continue;
      }
      if (key.equals("media_gallery_entries")) {
        if (e.getValue().isArray()) {
          // [] deletes every image in every store view (product-image-store-scope.md)
          p.global.set(key, e.getValue().deepCopy());
        }
        continue;
      }
      if (key.equals("extension_attributes")) {
        ObjectNode ext = p.global.has(key) ? (ObjectNode) p.global.get(key) : p.global.putObject(key);
        e.getValue().properties().forEach(x -> {
          if (!x.getKey().equals("stock_item")) {
            ext.set(x.getKey(), x.getValue().deepCopy());
          }
        });
        continue;
      }
      if (key.equals("tier_prices") || key.equals("product_links") || key.equals("options")) {
        continue;
      }
      boolean global = GLOBAL_ATTRIBUTES.contains(key);
      ObjectNode dest = global ? p.global : target;
      if (key.equals("custom_attributes") && e.getValue().isArray()) {
        mergeCustomAttributes(dest, (ArrayNode) e.getValue());
      } else {
        dest.set(key, e.getValue().deepCopy());
      }
    }
    p.global.put("updated_at", ts());
  }

  // ------------------------------------------------------------------ stock

  BigDecimal reserved(String sku) {
    return reservations.getOrDefault(sku, BigDecimal.ZERO);
  }

  void reserve(String sku, BigDecimal delta) {
    reservations.merge(sku, delta, BigDecimal::add);
  }

  /** Salable quantity in stock 1: in-stock source quantities plus (negative) open reservations. */
  BigDecimal salable(String sku) {
    BigDecimal sum = BigDecimal.ZERO;
    for (ObjectNode item : sourceItems.values()) {
      if (item.path("sku").asText().equals(sku) && item.path("status").asInt() == 1) {
        ObjectNode source = sources.get(item.path("source_code").asText());
        if (source == null || source.path("enabled").asBoolean(true)) {
          sum = sum.add(SimJson.dec(item.get("quantity")));
        }
      }
    }
    return sum.add(reserved(sku));
  }

  // ------------------------------------------------------------------ orders

  ObjectNode order(long id) {
    return orders.get(id);
  }

  void addHistory(ObjectNode order, String comment, String status, String entityName, boolean notified) {
    ArrayNode histories = order.has("status_histories") ? (ArrayNode) order.get("status_histories")
        : order.putArray("status_histories");
    ObjectNode h = SimJson.object();
    if (comment != null) {
      h.put("comment", comment);
    }
    h.put("created_at", ts());
    h.put("entity_id", nextHistoryId++);
    h.put("entity_name", entityName);
    h.put("is_customer_notified", notified ? 1 : 0);
    h.put("is_visible_on_front", 0);
    h.put("parent_id", order.path("entity_id").asLong());
    if (status != null) {
      h.put("status", status);
    }
    histories.insert(0, h);
  }

  /** Whether every line without a parent is fully invoiced and fully shipped. */
  static boolean complete(ObjectNode order) {
    for (JsonNode item : order.path("items")) {
      if (item.has("parent_item_id")) {
        continue;
      }
      BigDecimal open = SimJson.dec(item.get("qty_ordered")).subtract(SimJson.dec(item.get("qty_canceled")));
      if (SimJson.dec(item.get("qty_invoiced")).compareTo(open) < 0
          || (item.path("is_virtual").asInt() == 0 && SimJson.dec(item.get("qty_shipped")).compareTo(open) < 0)) {
        return false;
      }
    }
    return true;
  }

  void touch(ObjectNode order) {
    order.put("updated_at", ts());
  }

  /** Mirrors the order's items into {@code extension_attributes.shipping_assignments[0].items}. */
  static void syncAssignments(ObjectNode order) {
    JsonNode assignments = order.path("extension_attributes").path("shipping_assignments");
    if (assignments.isArray() && !assignments.isEmpty()) {
      ((ObjectNode) assignments.get(0)).set("items", order.get("items").deepCopy());
    }
  }

  static BigDecimal money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}
