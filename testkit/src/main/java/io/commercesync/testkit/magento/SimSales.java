package io.commercesync.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What invoicing, shipping, commenting and cancelling do to an order (ShipOrder, InvoiceOrder,
 * OrderService): quantities, totals, state and status, history entries, MSI deductions, documents.
 */
final class SimSales {

  private SimSales() {}

  /** {@code POST /V1/order/{id}/invoice}: returns the invoice's entity_id. */
  static long invoice(SimStore store, ObjectNode order, JsonNode body) {
    Map<Long, BigDecimal> wanted = requested(body, order, "qty_invoiced");
    if (wanted.isEmpty()) {
      throw SimErrors.fail(400, "Invoice Document Validation Error(s):\n"
          + "The order does not allow an invoice to be created.");
    }
    String state = order.path("state").asText();
    if (state.equals("canceled") || state.equals("closed") || state.equals("holded")) {
      throw SimErrors.fail(400, "Invoice Document Validation Error(s):\n"
          + "The order does not allow an invoice to be created.");
    }
    long id = store.nextDocumentId++;
    ObjectNode invoice = document(store, order, id, wanted, "invoice");
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode item : order.path("items")) {
      BigDecimal qty = wanted.get(item.path("item_id").asLong());
      if (qty == null) {
        continue;
      }
      ObjectNode it = (ObjectNode) item;
      it.set("qty_invoiced", SimJson.num(SimJson.dec(it.get("qty_invoiced")).add(qty)));
      BigDecimal ordered = SimJson.dec(it.get("qty_ordered"));
      BigDecimal share = ordered.signum() == 0 ? BigDecimal.ZERO
          : SimJson.dec(it.get("row_total")).subtract(SimJson.dec(it.get("discount_amount")))
              .add(SimJson.dec(it.get("tax_amount"))).multiply(qty).divide(ordered, 4, java.math.RoundingMode.HALF_UP);
      it.set("row_invoiced", SimJson.num(SimStore.money(SimJson.dec(it.get("row_invoiced"))
          .add(SimJson.dec(it.get("row_total")).multiply(qty).divide(ordered.signum() == 0 ? BigDecimal.ONE : ordered,
              4, java.math.RoundingMode.HALF_UP)))));
      total = total.add(share);
    }
    boolean first = SimJson.dec(order.get("total_invoiced")).signum() == 0;
    if (first) {
      total = total.add(SimJson.dec(order.get("shipping_amount")));
    }
    total = SimStore.money(total);
    if (fullyInvoiced(order)) {
      // the last invoice takes what is left, tenders (Adobe Commerce) included
      total = SimJson.dec(order.get("grand_total")).subtract(SimJson.dec(order.get("total_invoiced")))
          .add(SimTenders.uninvoiced(store, order));
    }
    // gift cards, store credit and reward points pay their part of the invoice first
    total = total.subtract(SimTenders.invoice(store, order, total));
    invoice.set("grand_total", SimJson.num(total));
    BigDecimal invoiced = SimJson.dec(order.get("total_invoiced")).add(total);
    order.set("total_invoiced", SimJson.num(invoiced));
    order.set("base_total_invoiced", SimJson.num(invoiced));
    // an offline invoice marks the money as received; a captured one too
    order.set("total_paid", SimJson.num(invoiced));
    order.set("base_total_paid", SimJson.num(invoiced));
    BigDecimal due = SimJson.dec(order.get("grand_total")).subtract(invoiced).max(BigDecimal.ZERO);
    order.set("total_due", SimJson.num(due));
    order.set("base_total_due", SimJson.num(due));
    ObjectNode payment = (ObjectNode) order.get("payment");
    if (payment != null) {
      payment.set("amount_paid", SimJson.num(invoiced));
      payment.set("base_amount_paid", SimJson.num(invoiced));
    }
    store.invoices.put(id, invoice);
    comment(store, invoice, body);
    advanceState(store, order);
    store.addHistory(order, body.path("comment").path("comment").asText(null),
        order.path("status").asText(), "invoice", body.path("notify").asBoolean(false));
    SimStore.syncAssignments(order);
    store.touch(order);
    return id;
  }

  /** {@code POST /V1/order/{id}/ship}: returns the shipment's entity_id. */
  static long ship(SimStore store, ObjectNode order, JsonNode body) {
    String state = order.path("state").asText();
    if (state.equals("canceled") || state.equals("closed") || state.equals("holded")
        || state.equals("complete")) {
      throw SimErrors.fail(400, "Shipment Document Validation Error(s):\n"
          + "The order does not allow a shipment to be created.");
    }
    Map<Long, BigDecimal> wanted = requested(body, order, "qty_shipped");
    if (wanted.isEmpty()) {
      throw SimErrors.fail(400, "Shipment Document Validation Error(s):\n"
          + "You can't create a shipment without products.");
    }
    String sourceCode = body.path("arguments").path("extension_attributes").path("source_code").asText(null);
    if (sourceCode != null && !store.sources.containsKey(sourceCode)) {
      throw SimErrors.fail(400, "Shipment Document Validation Error(s):\n"
          + "Source item not found by source code: " + sourceCode + ".");
    }
    long id = store.nextDocumentId++;
    ObjectNode shipment = document(store, order, id, wanted, "shipment");
    ArrayNode tracks = shipment.putArray("tracks");
    for (JsonNode t : body.path("tracks")) {
      ObjectNode track = tracks.addObject();
      track.put("entity_id", store.nextDocumentId++);
      track.put("order_id", order.path("entity_id").asLong());
      track.put("parent_id", id);
      track.put("track_number", t.path("track_number").asText());
      track.put("title", t.path("title").asText());
      track.put("carrier_code", t.path("carrier_code").asText());
      track.put("created_at", store.ts());
    }
    if (sourceCode != null) {
      shipment.putObject("extension_attributes").put("source_code", sourceCode);
    }
    for (JsonNode item : order.path("items")) {
      ObjectNode it = (ObjectNode) item;
      long itemId = it.path("item_id").asLong();
      BigDecimal qty = wanted.get(itemId);
      if (qty == null && it.has("parent_item_id")) {
        // shipping a configurable or bundle parent ships its children with it
        BigDecimal parentQty = wanted.get(it.path("parent_item_id").asLong());
        if (parentQty != null) {
          BigDecimal ratio = SimJson.dec(it.get("qty_ordered"));
          JsonNode parent = find(order, it.path("parent_item_id").asLong());
          BigDecimal parentOrdered = SimJson.dec(parent == null ? null : parent.get("qty_ordered"));
          qty = parentOrdered.signum() == 0 ? parentQty
              : ratio.multiply(parentQty).divide(parentOrdered, 4, java.math.RoundingMode.HALF_UP);
        }
      }
      if (qty == null) {
        continue;
      }
      it.set("qty_shipped", SimJson.num(SimJson.dec(it.get("qty_shipped")).add(qty)));
      boolean stockLine = !"configurable".equals(it.path("product_type").asText())
          && !"bundle".equals(it.path("product_type").asText());
      if (stockLine) {
        String sku = it.path("sku").asText();
        // MSI: the source is deducted and the order's reservation compensated
        store.reserve(sku, qty);
        String source = sourceCode != null ? sourceCode : "default";
        ObjectNode si = store.sourceItems.get(SimStore.sourceKey(sku, source));
        if (si != null) {
          si.set("quantity", SimJson.num(SimJson.dec(si.get("quantity")).subtract(qty)));
        }
      }
    }
    store.shipments.put(id, shipment);
    comment(store, shipment, body);
    advanceState(store, order);
    String comment = body.path("comment").path("comment").asText(null);
    store.addHistory(order, comment, order.path("status").asText(), "shipment", body.path("notify").asBoolean(false));
    SimStore.syncAssignments(order);
    store.touch(order);
    return id;
  }

  private static JsonNode find(ObjectNode order, long itemId) {
    for (JsonNode item : order.path("items")) {
      if (item.path("item_id").asLong() == itemId) {
        return item;
      }
    }
    return null;
  }

  /** new → processing after an invoice or a shipment; complete once invoiced and shipped in full. */
  static void advanceState(SimStore store, ObjectNode order) {
    if (SimStore.complete(order)) {
      order.put("state", "complete");
      order.put("status", "complete");
    } else if (order.path("state").asText().equals("new")) {
      order.put("state", "processing");
      order.put("status", "processing");
    }
  }

  static boolean fullyInvoiced(ObjectNode order) {
    for (JsonNode item : order.path("items")) {
      if (item.has("parent_item_id")) {
        continue;
      }
      if (SimJson.dec(item.get("qty_invoiced")).compareTo(SimJson.dec(item.get("qty_ordered"))) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The order items and quantities a ship/invoice body asks for: its {@code items[]} (validated against
   * what is left), or every top-level line with something left when it names none.
   */
  private static Map<Long, BigDecimal> requested(JsonNode body, ObjectNode order, String doneField) {
    Map<Long, BigDecimal> out = new LinkedHashMap<>();
    Map<Long, JsonNode> items = new LinkedHashMap<>();
    for (JsonNode item : order.path("items")) {
      items.put(item.path("item_id").asLong(), item);
    }
    JsonNode asked = body.path("items");
    if (asked.isArray() && !asked.isEmpty()) {
      for (JsonNode a : asked) {
        long id = a.path("order_item_id").asLong();
        JsonNode item = items.get(id);
        BigDecimal qty = SimJson.dec(a.get("qty"));
        if (item == null || qty.signum() <= 0) {
          String kind = doneField.equals("qty_shipped") ? "Shipment" : "Invoice";
          throw SimErrors.fail(400, kind + " Document Validation Error(s):\n"
              + (item == null ? "The order item with id \"" + id + "\" doesn't exist." : "Quantity must be > 0."));
        }
        BigDecimal left = left(item, doneField);
        if (qty.compareTo(left) > 0) {
          String kind = doneField.equals("qty_shipped") ? "Shipment" : "Invoice";
          throw SimErrors.fail(400, kind + " Document Validation Error(s):\n"
              + "The quantity to " + (kind.equals("Shipment") ? "ship" : "invoice") + " must not be greater"
              + " than the uninvoiced/unshipped quantity for product \"" + item.path("sku").asText() + "\".");
        }
        out.merge(id, qty, BigDecimal::add);
      }
      return out;
    }
    for (JsonNode item : items.values()) {
      if (item.has("parent_item_id")) {
        continue;
      }
      BigDecimal left = left(item, doneField);
      if (left.signum() > 0) {
        out.put(item.path("item_id").asLong(), left);
      }
    }
    return out;
  }

  private static BigDecimal left(JsonNode item, String doneField) {
    return SimJson.dec(item.get("qty_ordered")).subtract(SimJson.dec(item.get("qty_canceled")))
        .subtract(SimJson.dec(item.get(doneField)));
  }

  private static ObjectNode document(SimStore store, ObjectNode order, long id, Map<Long, BigDecimal> wanted,
      String kind) {
    ObjectNode doc = SimJson.object();
    doc.put("entity_id", id);
    doc.put("order_id", order.path("entity_id").asLong());
    doc.put("increment_id", String.format("%09d", store.nextIncrement++));
    doc.put("store_id", order.path("store_id").asInt(1));
    doc.put("created_at", store.ts());
    doc.put("updated_at", store.ts());
    doc.put("order_currency_code", order.path("order_currency_code").asText("USD"));
    ArrayNode items = doc.putArray("items");
    List<Long> ids = new ArrayList<>(wanted.keySet());
    for (JsonNode item : order.path("items")) {
      long itemId = item.path("item_id").asLong();
      if (!ids.contains(itemId)) {
        continue;
      }
      ObjectNode line = items.addObject();
      line.put("entity_id", store.nextDocumentId++);
      line.put("parent_id", id);
      line.put("order_item_id", itemId);
      line.put("sku", item.path("sku").asText());
      line.put("name", item.path("name").asText());
      line.set("qty", SimJson.num(wanted.get(itemId)));
      line.set("price", item.has("price") ? item.get("price") : SimJson.num(BigDecimal.ZERO));
      line.put("product_id", item.path("product_id").asLong());
    }
    doc.putArray("comments");
    if (kind.equals("shipment")) {
      doc.put("total_qty", wanted.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }
    return doc;
  }

  /** Adds a comment to a sales document. */
  static void comment(SimStore store, ObjectNode doc, JsonNode body) {
    String text = body.path("comment").path("comment").asText(null);
    if (text == null || !body.path("appendComment").asBoolean(false)) {
      return;
    }
    ObjectNode c = ((ArrayNode) doc.get("comments")).addObject();
    c.put("entity_id", store.nextHistoryId++);
    c.put("parent_id", doc.path("entity_id").asLong());
    c.put("comment", text);
    c.put("is_visible_on_front", body.path("comment").path("is_visible_on_front").asInt(0));
    c.put("created_at", store.ts());
  }

  /** {@code POST /V1/orders/{id}/cancel}: false (200) when the order cannot be canceled. */
  static boolean cancel(SimStore store, ObjectNode order) {
    String state = order.path("state").asText();
    if (List.of("complete", "closed", "canceled", "holded", "payment_review").contains(state)
        || fullyInvoiced(order)) {
      return false;
    }
    for (JsonNode item : order.path("items")) {
      ObjectNode it = (ObjectNode) item;
      BigDecimal left = SimJson.dec(it.get("qty_ordered")).subtract(SimJson.dec(it.get("qty_shipped")))
          .subtract(SimJson.dec(it.get("qty_canceled")));
      if (left.signum() > 0) {
        it.set("qty_canceled", SimJson.num(SimJson.dec(it.get("qty_canceled")).add(left)));
        if (!"configurable".equals(it.path("product_type").asText())
            && !"bundle".equals(it.path("product_type").asText())) {
          store.reserve(it.path("sku").asText(), left);
        }
      }
    }
    order.put("state", "canceled");
    order.put("status", "canceled");
    store.addHistory(order, null, "canceled", "order", false);
    store.touch(order);
    return true;
  }

  /**
   * An offline credit memo for {@code qty} of the order's first refundable line, a bundle's own row excluded
   * (what the admin's refund does).
   */
  static long refund(SimStore store, ObjectNode order, BigDecimal qty, BigDecimal adjustmentFee) {
    JsonNode line = null;
    for (JsonNode item : order.path("items")) {
      // a dynamic bundle's own row is a container: Magento refunds its component rows, never the row itself
      if (!item.has("parent_item_id") && !"bundle".equals(item.path("product_type").asText())
          && SimJson.dec(item.get("price")).signum() > 0
          && SimJson.dec(item.get("qty_invoiced")).subtract(SimJson.dec(item.get("qty_refunded"))).compareTo(qty) >= 0) {
        line = item;
        break;
      }
    }
    if (line == null) {
      throw SimErrors.fail(400, "The most money available to refund is %1.", Map.of("1", "0"));
    }
    long id = store.nextDocumentId++;
    ObjectNode memo = document(store, order, id, Map.of(line.path("item_id").asLong(), qty), "creditmemo");
    BigDecimal price = SimJson.dec(line.get("price"));
    BigDecimal row = price.multiply(qty);
    BigDecimal ordered = SimJson.dec(line.get("qty_ordered"));
    BigDecimal tax = SimStore.money(SimJson.dec(line.get("tax_amount")).multiply(qty)
        .divide(ordered, 4, java.math.RoundingMode.HALF_UP));
    BigDecimal discount = SimStore.money(SimJson.dec(line.get("discount_amount")).multiply(qty)
        .divide(ordered, 4, java.math.RoundingMode.HALF_UP));
    ObjectNode memoLine = (ObjectNode) memo.get("items").get(0);
    memoLine.set("row_total", SimJson.num(row));
    memoLine.set("tax_amount", SimJson.num(tax));
    memoLine.set("discount_amount", SimJson.num(discount));
    BigDecimal gross = row.subtract(discount).add(tax).subtract(adjustmentFee);
    // Adobe Commerce: store credit and gift cards get their part back, the rest goes to the payment method
    SimTenders.Refund tenders = SimTenders.refund(order, gross);
    BigDecimal grand = gross.subtract(tenders.total());
    memo.set("subtotal", SimJson.num(row));
    memo.set("tax_amount", SimJson.num(tax));
    memo.set("discount_amount", SimJson.num(discount.negate()));
    memo.put("shipping_amount", 0);
    memo.put("adjustment_positive", 0);
    memo.set("adjustment_negative", SimJson.num(adjustmentFee));
    memo.set("adjustment", SimJson.num(adjustmentFee.negate()));
    memo.set("grand_total", SimJson.num(grand));
    memo.put("state", 2);
    memo.put("customer_note", "Returned: did not fit");
    SimTenders.describe(memo, tenders);
    ((ObjectNode) line).set("qty_refunded", SimJson.num(SimJson.dec(line.get("qty_refunded")).add(qty)));
    return book(store, order, id, memo, grand);
  }

  /** Records credit memo {@code id}: the order's {@code total_refunded}, its history, its {@code updated_at}. */
  private static long book(SimStore store, ObjectNode order, long id, ObjectNode memo, BigDecimal grand) {
    BigDecimal refunded = SimJson.dec(order.get("total_refunded")).add(grand);
    order.set("total_refunded", SimJson.num(refunded));
    store.creditmemos.put(id, memo);
    store.addHistory(order, "We refunded " + grand + " offline.", order.path("status").asText(), "creditmemo", false);
    store.touch(order);
    return id;
  }

  /**
   * An offline credit memo that refunds money only (what the admin's credit memo does with every quantity
   * at 0): no items, {@code adjustment_positive} = {@code amount}, and the shipping not refunded yet when
   * {@code refundShipping}. Validated as Magento validates a refund: something must be invoiced, the
   * refund must be positive, and {@code total_refunded + grand_total} must not exceed {@code total_paid}
   * (CreditmemoService::validateForRefund, "The most money available to refund is %1."); store credit and
   * gift cards take their part first (Adobe Commerce), see {@link SimTenders}.
   */
  static long refundAdjustment(SimStore store, ObjectNode order, BigDecimal amount, boolean refundShipping) {
    String state = order.path("state").asText();
    boolean invoiced = SimJson.dec(order.get("total_invoiced")).signum() > 0
        || SimJson.dec(order.path("extension_attributes").get("gift_cards_invoiced")).signum() > 0
        || SimJson.dec(order.path("extension_attributes").get("customer_balance_invoiced")).signum() > 0;
    if (!invoiced || state.equals("canceled") || state.equals("closed") || state.equals("holded")) {
      throw SimErrors.fail(400, "Creditmemo Document Validation Error(s):\n"
          + "The order does not allow a creditmemo to be created.");
    }
    if (amount == null || amount.signum() < 0) {
      throw SimErrors.fail(400, "Creditmemo Document Validation Error(s):\n"
          + "The adjustment refund must not be negative.");
    }
    BigDecimal shipping = BigDecimal.ZERO;
    if (refundShipping) {
      shipping = SimJson.dec(order.get("shipping_amount")).subtract(SimJson.dec(order.get("shipping_refunded")))
          .max(BigDecimal.ZERO);
    }
    BigDecimal gross = SimStore.money(amount.add(shipping));
    if (gross.signum() <= 0) {
      throw SimErrors.fail(400, "The credit memo's total must be positive.");
    }
    // validate before the tenders' refunded amounts change: a refused credit memo changes nothing
    ObjectNode probe = order.deepCopy();
    SimTenders.Refund tenders = SimTenders.refund(probe, gross);
    BigDecimal grand = gross.subtract(tenders.total());
    BigDecimal available = SimJson.dec(order.get("total_paid")).subtract(SimJson.dec(order.get("total_refunded")));
    if (grand.compareTo(available) > 0) {
      BigDecimal most = available.max(BigDecimal.ZERO).add(tenders.total());
      throw SimErrors.fail(400, "The most money available to refund is %1.",
          Map.of("1", SimStore.money(most).toPlainString()));
    }
    tenders = SimTenders.refund(order, gross);
    long id = store.nextDocumentId++;
    ObjectNode memo = document(store, order, id, Map.of(), "creditmemo");
    memo.put("subtotal", 0);
    memo.put("tax_amount", 0);
    memo.put("discount_amount", 0);
    memo.set("shipping_amount", SimJson.num(shipping));
    memo.set("adjustment_positive", SimJson.num(amount));
    memo.put("adjustment_negative", 0);
    memo.set("adjustment", SimJson.num(amount));
    memo.set("grand_total", SimJson.num(grand));
    memo.put("state", 2);
    memo.put("customer_note", "Refund without return");
    SimTenders.describe(memo, tenders);
    if (shipping.signum() > 0) {
      BigDecimal shippingRefunded = SimJson.dec(order.get("shipping_refunded")).add(shipping);
      order.set("shipping_refunded", SimJson.num(shippingRefunded));
      order.set("base_shipping_refunded", SimJson.num(shippingRefunded));
    }
    return book(store, order, id, memo, grand);
  }
}
