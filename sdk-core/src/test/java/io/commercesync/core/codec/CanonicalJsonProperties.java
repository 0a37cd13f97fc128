package io.commercesync.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.model.CanonicalArbitraries;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;

/** Every canonical model survives a trip through its JSON form unchanged. */
class CanonicalJsonProperties {

  @Provide Arbitrary<Order> orders() { return CanonicalArbitraries.orders(); }
  @Provide Arbitrary<Customer> customers() { return CanonicalArbitraries.customers(); }
  @Provide Arbitrary<Item> items() { return CanonicalArbitraries.items(); }
  @Provide Arbitrary<InventoryLevel> levels() { return CanonicalArbitraries.inventoryLevels(); }
  @Provide Arbitrary<Price> prices() { return CanonicalArbitraries.prices(); }
  @Provide Arbitrary<Payment> payments() { return CanonicalArbitraries.payments(); }
  @Provide Arbitrary<Shipment> shipments() { return CanonicalArbitraries.shipments(); }
  @Provide Arbitrary<Invoice> invoices() { return CanonicalArbitraries.invoices(); }
  @Provide Arbitrary<JournalEntry> journals() { return CanonicalArbitraries.journalEntries(); }

  @Property(tries = 300)
  void order_roundTrips(@ForAll("orders") Order order) {
    Order back = CanonicalJson.read(CanonicalJson.write(order), Order.class);
    assertThat(back).isEqualTo(order);
    // amounts keep their scale, not only their value
    assertThat(back.grandTotal().amount()).isEqualTo(order.grandTotal().amount());
    // and the pretty form reads back the same
    assertThat(CanonicalJson.read(CanonicalJson.writePretty(order).getBytes(java.nio.charset.StandardCharsets.UTF_8), Order.class))
        .isEqualTo(order);
  }

  @Property void customer_roundTrips(@ForAll("customers") Customer v) { roundTrip(v, Customer.class); }
  @Property void item_roundTrips(@ForAll("items") Item v) { roundTrip(v, Item.class); }
  @Property void inventoryLevel_roundTrips(@ForAll("levels") InventoryLevel v) { roundTrip(v, InventoryLevel.class); }
  @Property void price_roundTrips(@ForAll("prices") Price v) { roundTrip(v, Price.class); }
  @Property void payment_roundTrips(@ForAll("payments") Payment v) { roundTrip(v, Payment.class); }
  @Property void shipment_roundTrips(@ForAll("shipments") Shipment v) { roundTrip(v, Shipment.class); }
  @Property void invoice_roundTrips(@ForAll("invoices") Invoice v) { roundTrip(v, Invoice.class); }
  @Property void journalEntry_roundTrips(@ForAll("journals") JournalEntry v) { roundTrip(v, JournalEntry.class); }

  private static <T extends Record> void roundTrip(T value, Class<T> type) {
    byte[] json = CanonicalJson.write(value);
    assertThat(CanonicalJson.read(json, type)).isEqualTo(value);
    // and Jackson's own binding path (used by connectors) agrees with the collecting binder
    assertThat(JsonCodec.builder(io.commercesync.core.model.SystemId.CANONICAL).build().read(json, type, "x"))
        .isEqualTo(value);
  }
}
