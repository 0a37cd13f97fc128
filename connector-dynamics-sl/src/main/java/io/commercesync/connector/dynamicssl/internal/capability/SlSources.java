package io.commercesync.connector.dynamicssl.internal.capability;

import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.spi.InventorySource;
import io.commercesync.core.spi.InvoiceSource;
import io.commercesync.core.spi.ItemSource;
import io.commercesync.core.spi.PriceSource;
import io.commercesync.core.spi.ShipmentSource;
import java.util.Optional;
import java.util.function.Function;

/** The capability types over SL's polled sources. */
public final class SlSources {

  private SlSources() {}

  /** A source that delegates to another, with an optional fetch by key. */
  abstract static class Delegating<T> implements Source<T> {
    private final Source<T> delegate;
    private final Function<String, Optional<RawRecord>> fetch;

    Delegating(Source<T> delegate, Function<String, Optional<RawRecord>> fetch) {
      this.delegate = delegate;
      this.fetch = fetch;
    }

    @Override
    public SystemId system() {
      return delegate.system();
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public RecordStream read(Cursor from) {
      return delegate.read(from);
    }

    @Override
    public T decode(RawRecord record) {
      return delegate.decode(record);
    }

    @Override
    public Optional<RawRecord> fetch(String key) {
      return fetch != null ? fetch.apply(key) : delegate.fetch(key);
    }
  }

  /** SL shippers as a {@link ShipmentSource}. */
  public static final class Shipments extends Delegating<Shipment> implements ShipmentSource {
    public Shipments(Source<Shipment> delegate, Function<String, Optional<RawRecord>> fetch) {
      super(delegate, fetch);
    }
  }

  /** SL ItemSite rows as an {@link InventorySource}. */
  public static final class Inventory extends Delegating<InventoryLevel> implements InventorySource {
    public Inventory(Source<InventoryLevel> delegate) {
      super(delegate, null);
    }
  }

  /** SL Inventory rows as an {@link ItemSource}. */
  public static final class Items extends Delegating<Item> implements ItemSource {
    public Items(Source<Item> delegate) {
      super(delegate, null);
    }
  }

  /** SL base prices as a {@link PriceSource}. */
  public static final class Prices extends Delegating<Price> implements PriceSource {
    public Prices(Source<Price> delegate) {
      super(delegate, null);
    }
  }

  /** SL ARDoc invoices as an {@link InvoiceSource}. */
  public static final class Invoices extends Delegating<Invoice> implements InvoiceSource {
    public Invoices(Source<Invoice> delegate) {
      super(delegate, null);
    }
  }

  /** SL customers as a plain source. */
  public static final class Customers extends Delegating<Customer> {
    public Customers(Source<Customer> delegate) {
      super(delegate, null);
    }
  }
}
