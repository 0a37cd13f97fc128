package io.commercesync.testkit.clarity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic data from a fixed seed: the shared sample order {@code CS-100045}, customer {@code C20311}
 * and product {@code WID-100-BLK} exactly as in {@code samples/clarity/}, warehouses AUSTIN/DALLAS/HOUSTON
 * with the sample's stock, and generated orders, customers and products — names in several scripts,
 * consistent totals, one order in a site-specific status no default mapping knows.
 */
final class SeedData {

  private static final String[][] PEOPLE = {
    {"José", "Álvarez"}, {"Zoë", "Müller"}, {"Łukasz", "Żółkiewski"}, {"Søren", "Kierkegaard"},
    {"Chloé", "Dubois"}, {"伟", "王"}, {"花子", "佐藤"}, {"Ахмед", "Иванов"}, {"Priya", "Raghunathan"},
    {"Siobhán", "O'Connor"}, {"Nguyễn", "Thị Lan"}, {"Björn", "Ægirsson"}};
  private static final String[][] CITIES = {
    {"Austin", "TX", "78701"}, {"Dallas", "TX", "75201"}, {"Houston", "TX", "77002"}, {"Denver", "CO", "80202"},
    {"Chicago", "IL", "60601"}, {"Seattle", "WA", "98101"}};
  private static final String[] STATUSES = {"Pending", "Pending", "Confirmed", "On Hold", "Processing", "Shipped",
      "Completed"};

  private SeedData() {}

  static void seed(ClarityStore store, long seed, int generatedOrders) {
    Random random = new Random(seed);
    for (String section : List.of("AUSTIN", "DALLAS", "HOUSTON")) {
      store.section(section);
    }
    store.addCustomer(SimJson.resource("customer.json"), 311, false);
    store.addProduct(SimJson.resource("product.json"), 5521);
    ObjectNode gadget = SimJson.object();
    gadget.put("sku", "GAD-220").put("name", "Gadget 220").put("status", "active").put("visible", true)
        .put("price", new BigDecimal("54.99")).put("currency", "USD").put("taxable", true).put("taxCode", "TAXABLE")
        .put("unitOfMeasure", "EA").put("description", "<p>The Gadget 220.</p>")
        .put("updatedAt", "2024-05-01T10:00:00Z");
    store.addProduct(gadget, 5522);
    for (int i = 1; i <= 10; i++) {
      ObjectNode p = SimJson.object();
      p.put("sku", "SKU-" + (1000 + i)).put("name", "Part " + (1000 + i) + " " + PEOPLE[i % PEOPLE.length][1])
          .put("status", "active").put("visible", true)
          .put("price", BigDecimal.valueOf(199 + random.nextInt(9800), 2)).put("currency", "USD")
          .put("taxable", true).put("taxCode", "TAXABLE").put("unitOfMeasure", "EA")
          .put("description", "<p>Storefront copy for part " + (1000 + i) + ".</p>")
          .put("updatedAt", "2024-05-01T10:00:00Z");
      store.addProduct(p, 5600 + i);
    }
    ClarityStore.StockRow r1 = store.setStock("WID-100-BLK", "AUSTIN", new BigDecimal("140"));
    r1.allocated = new BigDecimal("12");
    ClarityStore.StockRow r2 = store.setStock("WID-100-BLK", "DALLAS", new BigDecimal("35"));
    r2.allocated = new BigDecimal("4");
    ClarityStore.StockRow r3 = store.setStock("GAD-220", "AUSTIN", new BigDecimal("2"));
    r3.allocated = new BigDecimal("2");
    List<ClarityStore.SimCustomer> customers = new ArrayList<>();
    for (int i = 0; i < PEOPLE.length; i++) {
      String[] person = PEOPLE[i];
      String[] city = CITIES[i % CITIES.length];
      ObjectNode c = SimJson.object();
      c.put("externalId", "C2" + String.format("%04d", 500 + i));
      c.put("email", "customer" + (i + 1) + "@example.com");
      c.put("firstName", person[0]).put("lastName", person[1]).put("company", "").put("phone", "+1-555-01" + (10 + i));
      c.put("status", "active").put("customerGroup", i % 3 == 0 ? "wholesale" : "retail").put("taxExempt", i % 3 == 0);
      c.put("createdAt", "2024-04-" + String.format("%02d", 1 + i) + "T09:00:00Z");
      c.put("updatedAt", "2024-04-" + String.format("%02d", 1 + i) + "T09:30:00Z");
      ArrayNode addresses = c.putArray("addresses");
      addresses.add(address("adr_" + (9000 + i), "billing", person, city, i));
      customers.add(store.addCustomer(c, 400 + i, false));
    }
    store.addOrder(SimJson.resource("order.json"), false);
    Instant base = Instant.parse("2024-05-10T08:00:00Z");
    for (int n = 0; n < generatedOrders; n++) {
      ClarityStore.SimCustomer customer = customers.get(random.nextInt(customers.size()));
      ObjectNode o = order(random, 10046 + n, customer, base.plus(Duration.ofMinutes(37L * n + random.nextInt(30))));
      String status = n == 3 ? "Awaiting Credit Check" : STATUSES[random.nextInt(STATUSES.length)];
      ClarityStore.SimOrder added = store.addOrder(o, false);
      added.status = status;
    }
  }

  private static ObjectNode address(String id, String type, String[] person, String[] city, int i) {
    ObjectNode a = SimJson.object();
    a.put("addressId", id).put("type", type).put("isDefault", true);
    a.put("firstName", person[0]).put("lastName", person[1]).put("company", "");
    a.put("line1", (100 + i * 7) + " Main St").put("line2", "");
    a.put("city", city[0]).put("region", city[1]).put("postalCode", city[2]).put("country", "US");
    a.put("phone", "+1-555-01" + (10 + i));
    return a;
  }

  private static ObjectNode order(Random random, int id, ClarityStore.SimCustomer customer, Instant placed) {
    ObjectNode o = SimJson.object();
    o.put("orderId", "ord_" + id);
    o.put("orderNumber", "CS-" + (100000 + id - 10000));
    o.put("customerId", customer.v1Id());
    o.put("email", SimJson.text(customer.v1, "email"));
    o.put("orderDate", SimJson.rfc3339(placed));
    o.put("updatedAt", SimJson.rfc3339(placed.plusSeconds(2 + random.nextInt(600))));
    o.put("currency", "USD");
    int lines = 1 + random.nextInt(4);
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    ArrayNode items = SimJson.array();
    for (int l = 0; l < lines; l++) {
      int p = 1 + random.nextInt(10);
      BigDecimal price = BigDecimal.valueOf(199 + random.nextInt(9800), 2);
      int qty = 1 + random.nextInt(5);
      BigDecimal row = price.multiply(BigDecimal.valueOf(qty));
      BigDecimal lineTax = row.multiply(new BigDecimal("0.0825")).setScale(2, RoundingMode.HALF_EVEN);
      BigDecimal lineDiscount = random.nextInt(4) == 0 ? new BigDecimal("5.00").min(row) : new BigDecimal("0.00");
      items.addObject().put("lineId", "li_" + (l + 1)).put("sku", "SKU-" + (1000 + p))
          .put("name", "Part " + (1000 + p) + " " + PEOPLE[p % PEOPLE.length][1]).put("quantity", qty)
          .put("unitPrice", price).put("taxAmount", lineTax).put("discountAmount", lineDiscount);
      subtotal = subtotal.add(row);
      tax = tax.add(lineTax);
      discount = discount.add(lineDiscount);
    }
    BigDecimal shipping = new BigDecimal("8.95");
    BigDecimal total = subtotal.subtract(discount).add(shipping).add(tax);
    o.put("subtotalAmount", subtotal).put("discountAmount", discount).put("shippingAmount", shipping)
        .put("taxAmount", tax).put("totalAmount", total);
    o.putObject("shippingMethod").put("carrier", "UPS").put("service", "Ground").put("amount", shipping);
    ObjectNode address = (ObjectNode) customer.v1.withArray("addresses").get(0).deepCopy();
    address.remove("addressId");
    address.remove("type");
    address.remove("isDefault");
    o.set("shippingAddress", address);
    o.set("billingAddress", address.deepCopy());
    o.set("lineItems", items);
    // every sixth order above 50.00 is a split payment: a 25.00 gift card, the rest by card
    BigDecimal giftCard = id % 6 == 0 && total.compareTo(new BigDecimal("50.00")) > 0 ? new BigDecimal("25.00") : null;
    BigDecimal card = giftCard == null ? total : total.subtract(giftCard);
    String captured = SimJson.rfc3339(placed.plusSeconds(1));
    ObjectNode cardPayment = o.putObject("paymentInfo").put("method", "credit_card").put("status", "captured")
        .put("transactionId", "txn_" + Integer.toHexString(id * 7919)).put("amount", card).put("currency", "USD")
        .put("cardBrand", "visa").put("last4", "4242").put("capturedAt", captured);
    if (giftCard != null) {
      ArrayNode payments = o.putArray("payments");
      payments.addObject().put("paymentId", "pay_" + id + "_1").put("method", "gift_card").put("status", "captured")
          .put("transactionId", "gc_" + Integer.toHexString(id * 104729)).put("amount", giftCard)
          .put("currency", "USD").put("capturedAt", captured);
      payments.add(cardPayment.deepCopy().put("paymentId", "pay_" + id + "_2"));
    }
    return o;
  }
}
