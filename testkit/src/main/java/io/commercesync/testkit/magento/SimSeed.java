package io.commercesync.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Realistic store data from a fixed seed: MSI sources, simple, configurable and bundle products with
 * store-view content, customers with addresses, and orders (simple, configurable, bundle, guest,
 * discounted, free shipping) in several states, with reservations for what is not shipped yet. The same
 * seed always gives the same store. All people, addresses and e-mails are fictional (555-01xx numbers,
 * example.com/.net domains).
 */
final class SimSeed {

  private static final String[] FIRST = {"Marisol", "Devin", "Aurelio", "Priya", "Tomasz", "Keiko", "Lena",
      "Oluwaseun", "Mateo", "Ingrid", "Rafael", "Yusuf", "Chloé", "Bjørn", "Anaïs", "Siddharth", "Wren", "Noor"};
  private static final String[] LAST = {"Okafor", "Achterberg", "Bettencourt", "Raman", "Kowalczyk", "Tanaka",
      "Lindqvist", "Adeyemi", "Fernández", "Haugen", "Moreau", "Demir", "Nakamura", "O'Connell", "Schäfer"};
  private static final String[][] CITIES = {
      {"Austin", "TX", "Texas", "57", "78704"}, {"Worcester", "MA", "Massachusetts", "32", "01609"},
      {"Reno", "NV", "Nevada", "39", "89502"}, {"Portland", "OR", "Oregon", "49", "97205"},
      {"Madison", "WI", "Wisconsin", "64", "53703"}, {"Savannah", "GA", "Georgia", "19", "31401"},
      {"Boise", "ID", "Idaho", "22", "83702"}, {"Tucson", "AZ", "Arizona", "4", "85701"}};
  private static final String[] STREETS = {"Larkspur Lane", "Cobble Hill Road", "Commerce Park Dr",
      "Juniper Street", "Harbor View Ave", "Mill Pond Road", "Canal Street", "Orchard Way"};
  private static final String[][] GOODS = {{"MUG", "Enamel Mug"}, {"TOTE", "Canvas Market Tote"},
      {"SOCK", "Merino Trail Socks"}, {"CAP", "Waxed Field Cap"}, {"BOTTLE", "Steel Water Bottle"},
      {"LAMP", "Camp Lantern"}, {"KNIFE", "Folding Pocket Knife"}, {"BLANKET", "Wool Stadium Blanket"},
      {"JOURNAL", "Field Journal"}, {"BELT", "Harness Leather Belt"}};
  private static final String[] COLORS = {"Blue", "Gray", "Olive", "Rust"};

  private final Random random;
  /** Adobe Commerce tenders' own random (codes, amounts), so the rest of the store is the same with or without. */
  private final Random tenders;
  private final SimStore store;
  private final List<ObjectNode> simples = new ArrayList<>();
  private final List<ObjectNode[]> configurables = new ArrayList<>();
  private ObjectNode[] bundle;

  private SimSeed(long seed, SimStore store, boolean adobeCommerceTenders) {
    this.random = new Random(seed);
    this.tenders = adobeCommerceTenders ? new Random(seed * 31 + 17) : null;
    this.store = store;
  }

  static void seed(SimStore store, long seed, int customers, int orders, boolean adobeCommerceTenders) {
    SimSeed s = new SimSeed(seed, store, adobeCommerceTenders);
    s.sources();
    s.products();
    s.customers(customers);
    s.orders(orders);
  }

  private void sources() {
    source("default", "Default Source", "US", "78701");
    source("wh_austin", "Austin DC", "US", "78744");
    source("wh_reno", "Reno DC", "US", "89502");
  }

  private void source(String code, String name, String country, String postcode) {
    ObjectNode s = SimJson.object();
    s.put("source_code", code);
    s.put("name", name);
    s.put("enabled", true);
    s.put("country_id", country);
    s.put("postcode", postcode);
    store.sources.put(code, s);
  }

  private void products() {
    for (String[] g : GOODS) {
      for (int v = 0; v < 2; v++) {
        String sku = "CS-" + g[0] + "-" + (v == 0 ? "STD" : "XL");
        simples.add(product(sku, g[1] + (v == 0 ? "" : " XL"), price(8, 60), "simple", 4, true));
      }
    }
    for (String base : List.of("TEE", "HOOD", "SHIRT")) {
      String name = switch (base) {
        case "TEE" -> "Harbor Crew Tee";
        case "HOOD" -> "Ridge Pullover Hoodie";
        default -> "Chambray Work Shirt";
      };
      BigDecimal price = price(20, 80);
      ObjectNode parent = product("CS-" + base, name, price, "configurable", 4, false);
      List<ObjectNode> variants = new ArrayList<>();
      for (String color : COLORS) {
        String sku = "CS-" + base + "-M-" + color.substring(0, 3).toUpperCase(Locale.ROOT);
        ObjectNode child = product(sku, name + "-M-" + color, price, "simple", 1, true);
        variants.add(child);
      }
      ObjectNode[] group = new ObjectNode[variants.size() + 1];
      group[0] = parent;
      for (int i = 0; i < variants.size(); i++) {
        group[i + 1] = variants.get(i);
      }
      configurables.add(group);
    }
    ObjectNode kit = product("CS-CAMPKIT", "Camp Starter Kit", BigDecimal.ZERO, "bundle", 4, false);
    bundle = new ObjectNode[] {kit, simples.get(0), simples.get(8), simples.get(10)};
    store.bundles.put(kit.path("sku").asText(), List.of(simples.get(0), simples.get(8), simples.get(10)));
  }

  private BigDecimal price(int min, int max) {
    int cents = (min * 100 + random.nextInt((max - min) * 100)) / 50 * 50;
    return BigDecimal.valueOf(cents, 2);
  }

  private ObjectNode product(String sku, String name, BigDecimal price, String type, int visibility,
      boolean stock) {
    long id = store.nextProductId++;
    ObjectNode p = SimJson.object();
    p.put("id", id);
    p.put("sku", sku);
    p.put("name", name);
    p.put("attribute_set_id", 4);
    p.set("price", SimJson.num(price));
    p.put("status", 1);
    p.put("visibility", visibility);
    p.put("type_id", type);
    p.put("created_at", "2024-09-30 15:04:11");
    p.put("updated_at", "2025-03-01 10:18:52");
    p.set("weight", SimJson.num(BigDecimal.valueOf(1 + random.nextInt(30), 1)));
    ObjectNode ext = p.putObject("extension_attributes");
    ext.putArray("website_ids").add(1);
    ArrayNode links = ext.putArray("category_links");
    links.addObject().put("position", 0).put("category_id", String.valueOf(10 + random.nextInt(20)));
    BigDecimal qty = BigDecimal.valueOf(20 + random.nextInt(200));
    ObjectNode si = ext.putObject("stock_item");
    si.put("item_id", id);
    si.put("product_id", id);
    si.put("stock_id", 1);
    si.set("qty", SimJson.num(stock ? qty : BigDecimal.ZERO));
    si.put("is_in_stock", true);
    si.put("is_qty_decimal", false);
    si.put("manage_stock", true);
    si.put("min_qty", 0);
    si.put("min_sale_qty", 1);
    si.put("max_sale_qty", 10000);
    si.put("backorders", 0);
    p.putArray("product_links");
    p.putArray("options");
    ArrayNode media = p.putArray("media_gallery_entries");
    ObjectNode image = media.addObject();
    image.put("id", store.nextDocumentId++);
    image.put("media_type", "image");
    image.put("label", name + ", front");
    image.put("position", 1);
    image.put("disabled", false);
    image.putArray("types").add("image").add("small_image").add("thumbnail");
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    image.put("file", "/" + slug.charAt(0) + "/" + slug.charAt(1) + "/" + slug + ".jpg");
    p.putArray("tier_prices");
    ArrayNode custom = p.putArray("custom_attributes");
    custom.addObject().put("attribute_code", "description")
        .put("value", "<p>" + name + ": merchandising copy written by the web team.</p>");
    custom.addObject().put("attribute_code", "short_description").put("value", "<p>" + name + ".</p>");
    custom.addObject().put("attribute_code", "url_key").put("value", slug);
    custom.addObject().put("attribute_code", "tax_class_id").put("value", "2");
    custom.addObject().put("attribute_code", "meta_title").put("value", name + " | CommerceSync Demo Store");
    SimStore.Product product = new SimStore.Product(p);
    // a French store view with its own name and description: content an ERP sync must not touch
    ObjectNode fr = SimJson.object();
    fr.put("name", name + " (FR)");
    fr.putArray("custom_attributes").addObject().put("attribute_code", "description")
        .put("value", "<p>" + name + " : texte de la boutique.</p>");
    product.overrides.put(2, fr);
    store.products.put(sku, product);
    if (stock) {
      sourceItem(sku, "default", qty);
      if (random.nextBoolean()) {
        sourceItem(sku, "wh_austin", BigDecimal.valueOf(random.nextInt(80)));
      }
      if (random.nextInt(3) == 0) {
        sourceItem(sku, "wh_reno", BigDecimal.valueOf(random.nextInt(40)));
      }
    }
    return p;
  }

  private void sourceItem(String sku, String source, BigDecimal qty) {
    ObjectNode item = SimJson.object();
    item.put("sku", sku);
    item.put("source_code", source);
    item.set("quantity", SimJson.num(qty));
    item.put("status", qty.signum() > 0 ? 1 : 0);
    store.sourceItems.put(SimStore.sourceKey(sku, source), item);
  }

  private void customers(int count) {
    for (int i = 0; i < count; i++) {
      long id = store.nextCustomerId++;
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      ObjectNode c = SimJson.object();
      c.put("id", id);
      c.put("group_id", random.nextInt(4) == 0 ? 2 : 1);
      Instant created = Instant.parse("2024-11-01T08:00:00Z").plus(Duration.ofHours(7L * i + random.nextInt(5)));
      c.put("created_at", SimStore.TS.format(created));
      c.put("updated_at", SimStore.TS.format(created.plus(Duration.ofDays(random.nextInt(90)))));
      c.put("created_in", "Default Store View");
      String email = ascii(first + "." + last).toLowerCase(Locale.ROOT) + id + "@example." + (i % 2 == 0 ? "com" : "net");
      c.put("email", email);
      c.put("firstname", first);
      c.put("lastname", last);
      c.put("store_id", 1);
      c.put("website_id", 1);
      ArrayNode addresses = c.putArray("addresses");
      int n = 1 + random.nextInt(2);
      for (int a = 0; a < n; a++) {
        ObjectNode address = address(first, last, id);
        long addressId = store.nextAddressId++;
        address.put("id", addressId);
        if (a == 0) {
          address.put("default_billing", true);
          c.put("default_billing", String.valueOf(addressId));
        }
        if (a == n - 1) {
          address.put("default_shipping", true);
          c.put("default_shipping", String.valueOf(addressId));
        }
        addresses.add(address);
      }
      c.put("disable_auto_group_change", 0);
      c.putObject("extension_attributes").put("is_subscribed", random.nextBoolean());
      store.customers.put(id, c);
    }
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z.]", "");
  }

  private ObjectNode address(String first, String last, long customerId) {
    String[] city = CITIES[random.nextInt(CITIES.length)];
    ObjectNode a = SimJson.object();
    a.put("customer_id", customerId);
    ObjectNode region = a.putObject("region");
    region.put("region_code", city[1]);
    region.put("region", city[2]);
    region.put("region_id", Integer.parseInt(city[3]));
    a.put("region_id", Integer.parseInt(city[3]));
    a.put("country_id", "US");
    a.putArray("street").add((100 + random.nextInt(9800)) + " " + STREETS[random.nextInt(STREETS.length)]);
    a.put("telephone", "512-555-01" + (10 + random.nextInt(90)));
    a.put("postcode", city[4]);
    a.put("city", city[0]);
    a.put("firstname", first);
    a.put("lastname", last);
    return a;
  }

  private void orders(int count) {
    Instant at = Instant.parse("2025-03-01T09:00:00Z");
    List<Long> customerIds = new ArrayList<>(store.customers.keySet());
    for (int i = 0; i < count; i++) {
      // every fifth order shares its second with the one before (tie-break on entity_id matters)
      if (i % 5 != 4) {
        at = at.plus(Duration.ofMinutes(17 + random.nextInt(300))).plusSeconds(random.nextInt(60));
      }
      store.now = at;
      ObjectNode customer = random.nextInt(5) == 0 || customerIds.isEmpty() ? null
          : store.customers.get(customerIds.get(random.nextInt(customerIds.size())));
      int kind = random.nextInt(10);
      List<Line> lines = new ArrayList<>();
      if (kind < 6) {
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
          ObjectNode p = simples.get(random.nextInt(simples.size()));
          if (lines.stream().noneMatch(l -> l.product == p)) {
            lines.add(new Line(p, null, 1 + random.nextInt(3)));
          }
        }
      } else if (kind < 9) {
        ObjectNode[] group = configurables.get(random.nextInt(configurables.size()));
        lines.add(new Line(group[0], group[1 + random.nextInt(group.length - 1)], 1 + random.nextInt(2)));
        lines.add(new Line(simples.get(random.nextInt(simples.size())), null, 1));
      } else {
        lines.add(new Line(bundle[0], null, 1));
      }
      boolean discounted = random.nextInt(4) == 0;
      boolean freeShipping = random.nextInt(6) == 0;
      ObjectNode order = SimOrders.build(store, customer, lines, discounted, freeShipping, random);
      if (tenders != null) {
        payWithTenders(order, i, customer != null);
      }
      int state = random.nextInt(10);
      if (state >= 6) {
        SimSales.invoice(store, order, SimJson.object().put("capture", false));
      }
      if (state >= 9) {
        store.now = store.now.plusSeconds(3600);
        SimSales.ship(store, order, SimJson.object().put("notify", false));
        if (random.nextBoolean()) {
          store.now = store.now.plus(Duration.ofDays(2));
          BigDecimal fee = random.nextBoolean() ? BigDecimal.ZERO : new BigDecimal("2.50");
          try {
            SimSales.refund(store, order, BigDecimal.ONE, fee);
          } catch (SimErrors.Failure onlyABundle) {
            // a bundle alone: its own row is not refundable, its components are shipped inside it
          }
        }
      }
      store.now = at;
    }
  }

  /**
   * Adobe Commerce tenders on seeded order {@code index} (0-based): index 1, 7, 13… pays with two gift
   * cards and, when a customer placed it, store credit (10 %), the payment method for the rest; index 3,
   * 9, 15… is covered in full by one gift card (payment method {@code free}); index 5, 11, 17… placed by a
   * customer pays part with reward points (100 points per 1.00). The others are left as they are.
   */
  private void payWithTenders(ObjectNode order, int index, boolean customer) {
    BigDecimal total = SimJson.dec(order.get("grand_total"));
    switch (index % 6) {
      case 1 -> {
        BigDecimal first = BigDecimal.valueOf(new int[] {10, 15, 20, 25}[tenders.nextInt(4)]);
        BigDecimal second = BigDecimal.valueOf(new int[] {5, 10}[tenders.nextInt(2)]);
        // gift cards never take the whole order here, so the card still pays something
        BigDecimal cap = total.multiply(new BigDecimal("0.6")).setScale(0, RoundingMode.DOWN);
        first = first.min(cap);
        second = second.min(cap.subtract(first));
        BigDecimal credit = customer ? pct(total, BigDecimal.TEN) : BigDecimal.ZERO;
        SimTenders.apply(store, order, List.of(first, second), credit, BigDecimal.ZERO, tenders);
      }
      case 3 -> SimTenders.apply(store, order, List.of(total), BigDecimal.ZERO, BigDecimal.ZERO, tenders);
      case 5 -> {
        if (customer) {
          BigDecimal points = BigDecimal.valueOf(new int[] {200, 500, 1000}[tenders.nextInt(3)]);
          BigDecimal value = points.movePointLeft(2).min(pct(total, BigDecimal.valueOf(50)));
          SimTenders.apply(store, order, List.of(), BigDecimal.ZERO, value, tenders);
        }
      }
      default -> { }
    }
  }

  /** One ordered line: a simple or bundle product, or a configurable parent with its chosen child. */
  record Line(ObjectNode product, ObjectNode child, int qty) {}

  static BigDecimal rate(String region) {
    return switch (region) {
      case "TX" -> new BigDecimal("8.25");
      case "MA" -> new BigDecimal("6.25");
      case "NV" -> new BigDecimal("6.85");
      case "WI" -> new BigDecimal("5");
      case "GA" -> new BigDecimal("4");
      case "ID" -> new BigDecimal("6");
      case "AZ" -> new BigDecimal("5.6");
      default -> BigDecimal.ZERO;
    };
  }

  static BigDecimal pct(BigDecimal amount, BigDecimal percent) {
    return amount.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  static JsonNode n(BigDecimal v) {
    return SimJson.num(v);
  }
}
