package io.commercesync.connector.clarity;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.connector.clarity.internal.capability.ClarityCatalogSink;
import io.commercesync.connector.clarity.internal.capability.ClarityCustomerStore;
import io.commercesync.connector.clarity.internal.capability.ClarityInventorySink;
import io.commercesync.connector.clarity.internal.capability.ClarityInvoiceSink;
import io.commercesync.connector.clarity.internal.capability.ClarityOrderSource;
import io.commercesync.connector.clarity.internal.capability.ClarityOrderStatusSink;
import io.commercesync.connector.clarity.internal.capability.ClarityPriceSink;
import io.commercesync.connector.clarity.internal.capability.ClarityReturnSource;
import io.commercesync.connector.clarity.internal.capability.ClarityShipmentSink;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.InvoiceSink;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.OrderStatusSink;
import io.commercesync.core.spi.PriceSink;
import io.commercesync.core.spi.ReturnSource;
import io.commercesync.core.spi.ShipmentSink;
import io.commercesync.core.spi.Storefront;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Clarity as a {@link Storefront}: the capabilities flows ask for, over one {@link ClarityClient} of
 * either dialect.
 *
 * <table>
 *   <caption>Capabilities</caption>
 *   <tr><th>capability</th><th>native (CEF)</th><th>v1</th></tr>
 *   <tr><td>{@link OrderSource}</td><td>{@code GET /Ordering/SalesOrders?ModifiedSince} + {@code /SalesOrder/Key/{n}}</td><td>{@code GET /orders?updatedSince} + {@code ?orderNumber=}</td></tr>
 *   <tr><td>{@link CustomerStore}</td><td>{@code /Accounts/Account/…} (+ contacts, addresses)</td><td>{@code /customers}</td></tr>
 *   <tr><td>{@link CatalogSink}</td><td>{@code PUT /Products/Product/Update} (read, change ERP fields, write)</td><td>{@code PATCH /products/{sku}}</td></tr>
 *   <tr><td>{@link InventorySink}</td><td>{@code /Inventory/ProductInventoryLocationSections/CreateMany|UpdateMany}</td><td>{@code POST /inventory/levels}</td></tr>
 *   <tr><td>{@link PriceSink}</td><td>{@code ProductModel.PriceBase}</td><td>{@code PATCH /products/{sku}} {@code price}</td></tr>
 *   <tr><td>{@link ShipmentSink}</td><td>{@code POST /Shipping/Shipment/Upsert}</td><td>{@code POST /orders/{id}/shipments}</td></tr>
 *   <tr><td>{@link InvoiceSink}</td><td>{@code POST /Invoicing/SalesInvoice/Upsert}</td><td>{@code PUT /invoices/{number}}</td></tr>
 *   <tr><td>{@link OrderStatusSink}</td><td>{@code PATCH /Ordering/SalesOrder/<Route>/{ID}}</td><td>{@code PATCH /orders/{id}}</td></tr>
 *   <tr><td>{@link ReturnSource}</td><td>{@code GET /Returning/SalesReturns?ModifiedSince} + {@code /SalesReturn/Key/{n}} (+ the order by {@code /SalesOrder/ID/{ID}})</td><td>{@code GET /returns?updatedSince} + {@code ?returnNumber=} (our proposal [P+])</td></tr>
 * </table>
 *
 * <p>The {@link ReturnSource} hands on only returns whose status is configured as refunded
 * ({@link ClarityReturnStatuses}); any other is skipped and reported to the unmapped-status listener.
 *
 * <p>Every sink takes an idempotency key (sent as {@code Idempotency-Key} by v1) and answers
 * {@code lookup} from Clarity's own data: by {@code CustomKey}/{@code externalId}, tracking number, the
 * order's current status, the values already stored.
 *
 * <pre>{@code
 * ClarityStorefront shop = ClarityStorefront.of(client);
 * OrderSource orders = shop.require(OrderSource.class);
 * try (RecordStream records = orders.read(checkpoint)) { ... }
 * }</pre>
 */
public final class ClarityStorefront implements Storefront {

  private final ClarityClient client;
  private final Map<Class<?>, Object> capabilities = new LinkedHashMap<>();

  private ClarityStorefront(ClarityClient client) {
    this.client = client;
    ClarityApi api = client.api();
    ClarityClient.Builder s = client.settings();
    Duration overlap = s.settingsPollOverlap();
    capabilities.put(OrderSource.class, new ClarityOrderSource(api, client.sourcePrefix() + ":orders", overlap,
        s.settingsClock()));
    capabilities.put(CustomerStore.class, new ClarityCustomerStore(api, client.sourcePrefix() + ":customers",
        overlap, s.settingsClock()));
    capabilities.put(CatalogSink.class, new ClarityCatalogSink(api));
    capabilities.put(InventorySink.class, new ClarityInventorySink(api));
    capabilities.put(PriceSink.class, new ClarityPriceSink(api));
    capabilities.put(ShipmentSink.class, new ClarityShipmentSink(api));
    capabilities.put(InvoiceSink.class, new ClarityInvoiceSink(api));
    capabilities.put(OrderStatusSink.class, new ClarityOrderStatusSink(api));
    capabilities.put(ReturnSource.class, new ClarityReturnSource(api, client.sourcePrefix() + ":returns", overlap,
        s.settingsClock(), client.returnStatuses(), client.unmappedListener()));
  }

  /** The storefront over {@code client}. */
  public static ClarityStorefront of(ClarityClient client) {
    return new ClarityStorefront(Objects.requireNonNull(client, "client"));
  }

  public ClarityClient client() {
    return client;
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    Object c = capabilities.get(type);
    return c == null ? Optional.empty() : Optional.of(type.cast(c));
  }

  /** The capability types offered. */
  public Set<Class<?>> capabilities() {
    return Set.copyOf(capabilities.keySet());
  }

  @Override
  public String toString() {
    return "ClarityStorefront[" + client + "]";
  }
}
