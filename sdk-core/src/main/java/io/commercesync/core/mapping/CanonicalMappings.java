package io.commercesync.core.mapping;

import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import java.util.List;

/**
 * The canonical → canonical mappings: read a canonical record, check every invariant, print it
 * normalised (amounts at their currency's scale, country codes upper-cased, defaults filled in).
 */
public final class CanonicalMappings implements PayloadMappingProvider {

  @Override
  public List<PayloadMapping> mappings() {
    return List.of(
        normalise("order", Order.class),
        normalise("customer", Customer.class),
        normalise("item", Item.class),
        normalise("product", Item.class),
        normalise("inventory", InventoryLevel.class),
        normalise("price", Price.class),
        normalise("payment", Payment.class),
        normalise("shipment", Shipment.class),
        normalise("invoice", Invoice.class),
        normalise("journal", JournalEntry.class));
  }

  private static <T extends Record> PayloadMapping normalise(String entity, Class<T> type) {
    return new PayloadMapping(
        "canonical",
        "canonical",
        entity,
        "checks a canonical " + type.getSimpleName() + " and prints it normalised",
        (input, options) -> CanonicalJson.writePretty(CanonicalJson.read(input, type)));
  }
}
