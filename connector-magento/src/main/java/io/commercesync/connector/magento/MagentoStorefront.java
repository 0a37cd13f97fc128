package io.commercesync.connector.magento;

import io.commercesync.connector.magento.internal.capability.MagentoCatalogSink;
import io.commercesync.connector.magento.internal.capability.MagentoCustomerStore;
import io.commercesync.connector.magento.internal.capability.MagentoInventorySink;
import io.commercesync.connector.magento.internal.capability.MagentoInvoiceSink;
import io.commercesync.connector.magento.internal.capability.MagentoOrderSource;
import io.commercesync.connector.magento.internal.capability.MagentoOrderStatusSink;
import io.commercesync.connector.magento.internal.capability.MagentoPriceSink;
import io.commercesync.connector.magento.internal.capability.MagentoReturnSource;
import io.commercesync.connector.magento.internal.capability.MagentoShipmentSink;
import io.commercesync.connector.magento.internal.capability.StorefrontSettings;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.RawRecord;
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
import io.commercesync.core.state.ReceivedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Magento as a {@link Storefront}: the capabilities flows ask for, on one {@link MagentoClient}.
 *
 * <pre>{@code
 * MagentoStorefront magento = MagentoStorefront.builder(client).store("default").overlap(Duration.ofMinutes(5)).build();
 * OrderSource orders = magento.require(OrderSource.class);
 * try (RecordStream changed = orders.read(checkpoint)) { ... }
 * }</pre>
 *
 * <table>
 *   <caption>Capabilities</caption>
 *   <tr><th>capability</th><th>Magento</th></tr>
 *   <tr><td>{@link OrderSource}</td><td>{@code GET /V1/orders} by {@code updated_at} + {@code entity_id}
 *       (keyset, overlap window); {@link #orderWebhook()} for Adobe Commerce webhooks</td></tr>
 *   <tr><td>{@link CustomerStore}</td><td>{@code /V1/customers}, addresses merged, never deleted</td></tr>
 *   <tr><td>{@link CatalogSink}</td><td>partial {@code PUT /rest/<scope>/V1/products/{sku}}; batches through
 *       the async bulk API ({@code PUT /rest/<scope>/async/bulk/V1/products/bySku}, status polled)</td></tr>
 *   <tr><td>{@link InventorySink}</td><td>{@code POST /V1/inventory/source-items} per MSI source, 20 per call
 *       (or the legacy stock item); open reservations from the salable quantity of the stock</td></tr>
 *   <tr><td>{@link PriceSink}</td><td>{@code /V1/products/base-prices}, {@code /V1/products/tier-prices}, 20 rows
 *       per call</td></tr>
 *   <tr><td>{@link ShipmentSink}</td><td>{@code POST /V1/order/{id}/ship}; lookup by tracking number</td></tr>
 *   <tr><td>{@link InvoiceSink}</td><td>{@code POST /V1/order/{id}/invoice}; lookup by ERP document number</td></tr>
 *   <tr><td>{@link OrderStatusSink}</td><td>{@code /V1/orders/{id}/comments}, {@code /cancel}, {@code /hold}</td></tr>
 *   <tr><td>{@link ReturnSource}</td><td>{@code GET /V1/creditmemos} by {@code updated_at}</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public final class MagentoStorefront implements Storefront {

  private final StorefrontSettings settings;
  private final Map<Class<?>, Object> capabilities;
  private final String webhookPublicKey;
  private final ReceivedEvents receivedEvents;

  private MagentoStorefront(Builder b) {
    this.settings = new StorefrontSettings(b.client, b.store, StoreScope.ALL, b.priceScope, b.overlap, b.websiteId,
        b.defaultSource, b.attributeSetId, b.priceStoreId, b.tierWebsiteId, b.captureInvoices, b.notifyCustomers,
        b.legacyStock, b.stockId, b.catalogBulkFrom, b.bulkTimeout, b.clock);
    this.webhookPublicKey = b.webhookPublicKey;
    this.receivedEvents = b.receivedEvents;
    this.capabilities = Map.of(
        OrderSource.class, new MagentoOrderSource(settings),
        CustomerStore.class, new MagentoCustomerStore(settings),
        CatalogSink.class, new MagentoCatalogSink(settings),
        InventorySink.class, new MagentoInventorySink(settings),
        PriceSink.class, new MagentoPriceSink(settings),
        ShipmentSink.class, new MagentoShipmentSink(settings),
        InvoiceSink.class, new MagentoInvoiceSink(settings),
        OrderStatusSink.class, new MagentoOrderStatusSink(settings),
        ReturnSource.class, new MagentoReturnSource(settings));
  }

  /** A storefront on {@code client} for store view {@code default}, with every other setting defaulted. */
  public static MagentoStorefront of(MagentoClient client) {
    return builder(client).build();
  }

  public static Builder builder(MagentoClient client) {
    return new Builder(client);
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    Object c = capabilities.get(type);
    return c == null ? Optional.empty() : Optional.of(type.cast(c));
  }

  /** The client underneath. */
  public MagentoClient client() {
    return settings.client();
  }

  /** The store view orders, customers and sales documents are read and written in. */
  public StoreScope store() {
    return settings.store();
  }

  /**
   * The Adobe Commerce webhook entry point for orders.
   *
   * @throws ConfigurationException when no webhook public key or received-events store was configured
   */
  public MagentoOrderWebhook orderWebhook() {
    if (webhookPublicKey == null || receivedEvents == null) {
      throw ConfigurationException.of(SystemId.MAGENTO, "webhook",
          "needs webhook(publicKeyPem, receivedEvents) on the storefront builder");
    }
    OrderSource source = require(OrderSource.class);
    return new MagentoOrderWebhook(webhookPublicKey, receivedEvents, source::fetch,
        id -> {
          MagentoRecord r = settings.client().orders().record(settings.store(), id);
          return Optional.of(RawRecord.json(r.key(), io.commercesync.core.pipeline.Cursor.of(r.updatedAt() + "|"
              + r.id()), "order", r.json()));
        },
        settings.clock());
  }

  @Override
  public String toString() {
    return "MagentoStorefront[" + settings.client().baseUrl() + ", store=" + settings.store() + "]";
  }

  /** Builds a {@link MagentoStorefront}; every setting but the client has a default. Not thread-safe. */
  public static final class Builder {
    private final MagentoClient client;
    private StoreScope store = StoreScope.store("default");
    private StoreScope priceScope = StoreScope.ALL;
    private Duration overlap = Duration.ofMinutes(5);
    private int websiteId = 1;
    private String defaultSource = "default";
    private int attributeSetId = 4;
    private int priceStoreId = 0;
    private int tierWebsiteId = 0;
    private boolean captureInvoices;
    private boolean notifyCustomers = true;
    private boolean legacyStock;
    private int stockId = 1;
    private int catalogBulkFrom = 20;
    private Duration bulkTimeout = Duration.ofMinutes(10);
    private String webhookPublicKey;
    private ReceivedEvents receivedEvents;
    private Clock clock = Clock.systemUTC();

    private Builder(MagentoClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /** The store view for orders, customers and sales documents; default {@code default}. */
    public Builder store(String storeCode) {
      this.store = StoreScope.store(storeCode);
      return this;
    }

    /** The scope of price-storage calls; default {@code all}. */
    public Builder priceScope(StoreScope scope) {
      this.priceScope = Objects.requireNonNull(scope, "priceScope");
      return this;
    }

    /** How far before the checkpoint order and credit-memo polls start again; default 5 minutes. */
    public Builder overlap(Duration overlap) {
      this.overlap = overlap;
      return this;
    }

    /** The website new customers are created in; default 1. */
    public Builder websiteId(int websiteId) {
      this.websiteId = websiteId;
      return this;
    }

    /** The MSI source of shipments without a location; default {@code default}; null for none (no MSI). */
    public Builder defaultSource(String sourceCode) {
      this.defaultSource = sourceCode;
      return this;
    }

    /** The attribute set of products the catalog sink creates; default 4 (Default). */
    public Builder attributeSetId(int attributeSetId) {
      this.attributeSetId = attributeSetId;
      return this;
    }

    /** {@code store_id} of base prices (0 global) and {@code website_id} of tier prices (0 all). */
    public Builder priceTargets(int storeId, int websiteId) {
      this.priceStoreId = storeId;
      this.tierWebsiteId = websiteId;
      return this;
    }

    /** Whether invoices capture online through the gateway; default false (offline: money received in the ERP). */
    public Builder captureInvoices(boolean capture) {
      this.captureInvoices = capture;
      return this;
    }

    /** Whether shipments and status changes e-mail the customer; default true. */
    public Builder notifyCustomers(boolean notify) {
      this.notifyCustomers = notify;
      return this;
    }

    /** Writes stock to the legacy single-source stock item instead of MSI source items; default false. */
    public Builder legacyStock(boolean legacy) {
      this.legacyStock = legacy;
      return this;
    }

    /** The MSI stock the storefront sells from (its reservations are read there); default 1 (Default Stock). */
    public Builder stockId(int stockId) {
      this.stockId = stockId;
      return this;
    }

    /**
     * Catalog batches of at least {@code products} go through the async bulk API
     * ({@code PUT /rest/<scope>/async/bulk/V1/products/bySku}, {@code POST .../async/bulk/V1/products}),
     * polled until done; smaller ones, one synchronous call per product. 0 turns bulk off (for a store
     * without the {@code async.operations.all} consumer). Default 20.
     */
    public Builder catalogBulkFrom(int products) {
      this.catalogBulkFrom = products;
      return this;
    }

    /** How long a catalog bulk is polled; operations still open then stay pending. Default 10 minutes. */
    public Builder bulkTimeout(Duration timeout) {
      this.bulkTimeout = timeout;
      return this;
    }

    /**
     * Enables {@link #orderWebhook()}: the PEM public key from Stores › Configuration › Adobe Services ›
     * Webhooks, and where deliveries are remembered (e.g. {@code stateStore.receivedEvents()}).
     */
    public Builder webhook(String publicKeyPem, ReceivedEvents receivedEvents) {
      this.webhookPublicKey = Objects.requireNonNull(publicKeyPem, "publicKeyPem");
      this.receivedEvents = Objects.requireNonNull(receivedEvents, "receivedEvents");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public MagentoStorefront build() {
      if (overlap == null || overlap.isNegative()) {
        throw ConfigurationException.of(SystemId.MAGENTO, "overlap", "must be zero or positive (was " + overlap + ")");
      }
      if (stockId < 1) {
        throw ConfigurationException.of(SystemId.MAGENTO, "stockId", "must be >= 1 (was " + stockId + ")");
      }
      if (catalogBulkFrom < 0) {
        throw ConfigurationException.of(SystemId.MAGENTO, "catalogBulkFrom",
            "must be 0 (bulk off) or a number of products (was " + catalogBulkFrom + ")");
      }
      if (bulkTimeout == null || bulkTimeout.isNegative() || bulkTimeout.isZero()) {
        throw ConfigurationException.of(SystemId.MAGENTO, "bulkTimeout", "must be a positive duration (was "
            + bulkTimeout + ")");
      }
      if (store.isAll()) {
        throw ConfigurationException.of(SystemId.MAGENTO, "store",
            "must be a store view code: orders and customers belong to a store view, not to 'all'");
      }
      if (webhookPublicKey != null) {
        io.commercesync.connector.magento.internal.http.WebhookSignature.fromPem(webhookPublicKey);
      }
      return new MagentoStorefront(this);
    }
  }
}
