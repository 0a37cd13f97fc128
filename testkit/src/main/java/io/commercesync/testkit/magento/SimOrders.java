package io.commercesync.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * Builds orders the way Magento emits them (OrderInterface; shape of the shared samples): parent rows
 * before children, a configurable parent carrying the child's sku and the amounts with a zero-priced
 * child row, a dynamic bundle whose children carry the amounts, totals that reconcile
 * ({@code subtotal − discount + shipping + tax = grand_total}), a reservation per unshipped stock line.
 */
final class SimOrders {

  private SimOrders() {}

  static ObjectNode build(SimStore store, ObjectNode customer, List<SimSeed.Line> lines, boolean discounted,
      boolean freeShipping, Random random) {
    long id = store.nextOrderId++;
    ObjectNode address = customer == null ? guestAddress(random) : defaultAddress(customer);
    String region = address.path("region_code").asText();
    BigDecimal rate = SimSeed.rate(region);
    BigDecimal discountPct = discounted ? BigDecimal.TEN : BigDecimal.ZERO;
    ObjectNode o = SimJson.object();
    ArrayNode items = SimJson.array();
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal qtyOrdered = BigDecimal.ZERO;
    for (SimSeed.Line line : lines) {
      String type = line.product().path("type_id").asText();
      BigDecimal qty = BigDecimal.valueOf(line.qty());
      qtyOrdered = qtyOrdered.add(qty);
      if (type.equals("configurable")) {
        BigDecimal price = SimJson.dec(line.product().get("price"));
        BigDecimal row = price.multiply(qty);
        BigDecimal d = SimSeed.pct(row, discountPct);
        BigDecimal t = SimSeed.pct(row.subtract(d), rate);
        ObjectNode parent = item(store, id, line.product(), qty, price, d, t, rate, discountPct, "configurable");
        parent.put("sku", line.child().path("sku").asText());
        parent.putObject("product_option").putObject("extension_attributes").putArray("configurable_item_options")
            .addObject().put("option_id", "93").put("option_value", 50 + random.nextInt(10));
        ObjectNode child = item(store, id, line.child(), qty, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, "simple");
        child.put("parent_item_id", parent.path("item_id").asLong());
        child.set("parent_item", parent.deepCopy());
        items.add(parent);
        items.add(child);
        subtotal = subtotal.add(row);
        discount = discount.add(d);
        tax = tax.add(t);
        store.reserve(line.child().path("sku").asText(), qty.negate());
      } else if (type.equals("bundle")) {
        List<ObjectNode> selections = store.bundles.get(line.product().path("sku").asText());
        BigDecimal bundlePrice = BigDecimal.ZERO;
        for (ObjectNode s : selections) {
          bundlePrice = bundlePrice.add(SimJson.dec(s.get("price")));
        }
        ObjectNode parent = item(store, id, line.product(), qty, bundlePrice, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, "bundle");
        StringBuilder sku = new StringBuilder(line.product().path("sku").asText());
        items.add(parent);
        subtotal = subtotal.add(bundlePrice.multiply(qty));
        for (ObjectNode s : selections) {
          sku.append('-').append(s.path("sku").asText());
          BigDecimal price = SimJson.dec(s.get("price"));
          BigDecimal row = price.multiply(qty);
          BigDecimal d = SimSeed.pct(row, discountPct);
          BigDecimal t = SimSeed.pct(row.subtract(d), rate);
          ObjectNode child = item(store, id, s, qty, price, d, t, rate, discountPct, "simple");
          child.put("parent_item_id", parent.path("item_id").asLong());
          child.set("parent_item", parent.deepCopy());
          items.add(child);
          discount = discount.add(d);
          tax = tax.add(t);
          store.reserve(s.path("sku").asText(), qty.negate());
        }
        parent.put("sku", sku.toString());
        for (JsonNode it : items) {
          if (it.path("parent_item_id").asLong() == parent.path("item_id").asLong()) {
            ((ObjectNode) it).set("parent_item", parent.deepCopy());
          }
        }
      } else {
        BigDecimal price = SimJson.dec(line.product().get("price"));
        BigDecimal row = price.multiply(qty);
        BigDecimal d = SimSeed.pct(row, discountPct);
        BigDecimal t = SimSeed.pct(row.subtract(d), rate);
        items.add(item(store, id, line.product(), qty, price, d, t, rate, discountPct, "simple"));
        subtotal = subtotal.add(row);
        discount = discount.add(d);
        tax = tax.add(t);
        store.reserve(line.product().path("sku").asText(), qty.negate());
      }
    }
    BigDecimal shipping = freeShipping ? BigDecimal.ZERO : new BigDecimal("7.95");
    BigDecimal grand = subtotal.subtract(discount).add(shipping).add(tax);
    String ts = store.ts();
    o.put("applied_rule_ids", discounted ? "3" : null);
    o.put("base_currency_code", "USD");
    o.set("base_discount_amount", SimJson.num(discount.negate()));
    o.set("base_grand_total", SimJson.num(grand));
    o.set("base_shipping_amount", SimJson.num(shipping));
    o.set("base_subtotal", SimJson.num(subtotal));
    o.set("base_tax_amount", SimJson.num(tax));
    o.set("base_total_due", SimJson.num(grand));
    o.put("base_to_order_rate", 1);
    o.put("billing_address_id", store.nextAddressId);
    if (discounted) {
      o.put("coupon_code", "SPRING10");
      o.put("discount_description", "SPRING10");
    } else {
      o.remove("applied_rule_ids");
    }
    o.put("created_at", ts);
    o.put("customer_email", customer == null ? address.path("email").asText()
        : customer.path("email").asText());
    if (customer != null) {
      o.put("customer_firstname", customer.path("firstname").asText());
      o.put("customer_lastname", customer.path("lastname").asText());
      o.put("customer_group_id", customer.path("group_id").asInt());
      o.put("customer_id", customer.path("id").asLong());
      o.put("customer_is_guest", 0);
    } else {
      o.put("customer_firstname", address.path("firstname").asText());
      o.put("customer_lastname", address.path("lastname").asText());
      o.put("customer_group_id", 0);
      o.put("customer_is_guest", 1);
    }
    o.set("discount_amount", SimJson.num(discount.negate()));
    o.put("email_sent", 1);
    o.put("entity_id", id);
    o.put("global_currency_code", "USD");
    o.set("grand_total", SimJson.num(grand));
    o.put("increment_id", String.format("%09d", id));
    o.put("is_virtual", 0);
    o.put("order_currency_code", "USD");
    o.put("protect_code", Long.toHexString(random.nextLong() & 0xffffffL));
    o.put("quote_id", 5000 + id);
    o.put("remote_ip", "198.51.100." + (1 + random.nextInt(250)));
    o.set("shipping_amount", SimJson.num(shipping));
    o.put("shipping_description", freeShipping ? "Free Shipping - Free" : "Flat Rate - Fixed");
    o.set("shipping_incl_tax", SimJson.num(shipping));
    o.put("shipping_tax_amount", 0);
    o.put("state", "new");
    o.put("status", "pending");
    o.put("store_currency_code", "USD");
    o.put("store_id", 1);
    o.put("store_name", "Main Website\nMain Website Store\nDefault Store View");
    o.set("subtotal", SimJson.num(subtotal));
    o.set("tax_amount", SimJson.num(tax));
    o.set("total_due", SimJson.num(grand));
    o.put("total_invoiced", 0);
    o.put("total_paid", 0);
    o.put("total_item_count", lines.size());
    o.set("total_qty_ordered", SimJson.num(qtyOrdered));
    o.put("updated_at", ts);
    o.set("items", items);
    ObjectNode billing = orderAddress(store, address, id, "billing", customer);
    o.set("billing_address", billing);
    ObjectNode payment = o.putObject("payment");
    payment.putNull("account_status");
    payment.putArray("additional_information").add("Check / Money order");
    payment.set("amount_ordered", SimJson.num(grand));
    payment.set("base_amount_ordered", SimJson.num(grand));
    payment.set("base_shipping_amount", SimJson.num(shipping));
    payment.putNull("cc_last4");
    payment.put("entity_id", id - 1);
    payment.put("method", "checkmo");
    payment.put("parent_id", id);
    payment.set("shipping_amount", SimJson.num(shipping));
    o.putArray("status_histories");
    ObjectNode ext = o.putObject("extension_attributes");
    ObjectNode assignment = ext.putArray("shipping_assignments").addObject();
    ObjectNode ship = assignment.putObject("shipping");
    ship.set("address", orderAddress(store, address, id, "shipping", customer));
    ship.put("method", freeShipping ? "freeshipping_freeshipping" : "flatrate_flatrate");
    ObjectNode total = ship.putObject("total");
    total.set("shipping_amount", SimJson.num(shipping));
    total.set("base_shipping_amount", SimJson.num(shipping));
    assignment.set("items", items.deepCopy());
    ext.putArray("payment_additional_info").addObject().put("key", "method_title").put("value", "Check / Money order");
    if (tax.signum() > 0) {
      ObjectNode applied = ext.putArray("applied_taxes").addObject();
      applied.put("code", "US-" + region + "-Rate 1");
      applied.put("title", "US-" + region + "-Rate 1");
      applied.set("percent", SimJson.num(rate));
      applied.set("amount", SimJson.num(tax));
      applied.set("base_amount", SimJson.num(tax));
    }
    ext.put("converting_from_quote", true);
    store.orders.put(id, o);
    return o;
  }

  private static ObjectNode item(SimStore store, long orderId, ObjectNode product, BigDecimal qty, BigDecimal price,
      BigDecimal discount, BigDecimal tax, BigDecimal rate, BigDecimal discountPct, String type) {
    ObjectNode it = SimJson.object();
    BigDecimal row = price.multiply(qty);
    it.put("amount_refunded", 0);
    it.set("base_discount_amount", SimJson.num(discount));
    it.set("base_original_price", SimJson.num(price));
    it.set("base_price", SimJson.num(price));
    it.set("base_row_total", SimJson.num(row));
    it.set("base_tax_amount", SimJson.num(tax));
    it.put("created_at", store.ts());
    it.set("discount_amount", SimJson.num(discount));
    it.set("discount_percent", SimJson.num(discountPct));
    it.put("free_shipping", 0);
    it.put("is_qty_decimal", 0);
    it.put("is_virtual", 0);
    it.put("item_id", store.nextItemId++);
    it.put("name", product.path("name").asText());
    it.put("no_discount", 0);
    it.put("order_id", orderId);
    it.set("original_price", SimJson.num(price));
    it.set("price", SimJson.num(price));
    it.set("price_incl_tax", SimJson.num(price.add(SimSeed.pct(price, rate))));
    it.put("product_id", product.path("id").asLong());
    it.put("product_type", type);
    it.put("qty_canceled", 0);
    it.put("qty_invoiced", 0);
    it.set("qty_ordered", SimJson.num(qty));
    it.put("qty_refunded", 0);
    it.put("qty_shipped", 0);
    it.put("row_invoiced", 0);
    it.set("row_total", SimJson.num(row));
    it.set("row_total_incl_tax", SimJson.num(row.add(tax)));
    it.put("sku", product.path("sku").asText());
    it.put("store_id", 1);
    it.set("tax_amount", SimJson.num(tax));
    it.put("tax_invoiced", 0);
    it.set("tax_percent", SimJson.num(tax.signum() > 0 ? rate : BigDecimal.ZERO));
    it.put("updated_at", store.ts());
    it.set("weight", product.get("weight"));
    return it;
  }

  private static ObjectNode defaultAddress(ObjectNode customer) {
    JsonNode addresses = customer.path("addresses");
    ObjectNode chosen = addresses.isEmpty() ? null : (ObjectNode) addresses.get(0);
    for (JsonNode a : addresses) {
      if (a.path("default_shipping").asBoolean(false)) {
        chosen = (ObjectNode) a;
      }
    }
    ObjectNode out = SimJson.object();
    if (chosen != null) {
      out.put("firstname", chosen.path("firstname").asText());
      out.put("lastname", chosen.path("lastname").asText());
      out.set("street", chosen.get("street"));
      out.put("city", chosen.path("city").asText());
      out.put("region", chosen.path("region").path("region").asText());
      out.put("region_code", chosen.path("region").path("region_code").asText());
      out.put("region_id", chosen.path("region_id").asInt());
      out.put("postcode", chosen.path("postcode").asText());
      out.put("country_id", "US");
      out.put("telephone", chosen.path("telephone").asText());
      out.put("customer_address_id", chosen.path("id").asLong());
    }
    out.put("email", customer.path("email").asText());
    return out;
  }

  private static ObjectNode guestAddress(Random random) {
    ObjectNode out = SimJson.object();
    out.put("firstname", "Wren");
    out.put("lastname", "Guest" + (100 + random.nextInt(900)));
    out.putArray("street").add((10 + random.nextInt(900)) + " Orchard Way");
    out.put("city", "Boise");
    out.put("region", "Idaho");
    out.put("region_code", "ID");
    out.put("region_id", 22);
    out.put("postcode", "83702");
    out.put("country_id", "US");
    out.put("telephone", "208-555-01" + (10 + random.nextInt(90)));
    out.put("email", "guest" + random.nextInt(100000) + "@example.org");
    return out;
  }

  private static ObjectNode orderAddress(SimStore store, ObjectNode a, long orderId, String type, ObjectNode customer) {
    ObjectNode out = SimJson.object();
    out.put("address_type", type);
    out.put("city", a.path("city").asText());
    out.put("country_id", a.path("country_id").asText());
    if (a.has("customer_address_id")) {
      out.put("customer_address_id", a.path("customer_address_id").asLong());
    }
    if (customer != null) {
      out.put("customer_id", customer.path("id").asLong());
    }
    out.put("email", a.path("email").asText());
    out.put("entity_id", store.nextAddressId++);
    out.put("firstname", a.path("firstname").asText());
    out.put("lastname", a.path("lastname").asText());
    out.put("parent_id", orderId);
    out.put("postcode", a.path("postcode").asText());
    out.put("region", a.path("region").asText());
    out.put("region_code", a.path("region_code").asText());
    out.put("region_id", a.path("region_id").asInt());
    out.set("street", a.get("street").deepCopy());
    out.put("telephone", a.path("telephone").asText());
    return out;
  }
}
