package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.MagentoClient;
import io.commercesync.connector.magento.StoreScope;
import java.time.Clock;
import java.time.Duration;

/**
 * What every capability of one storefront shares (built by {@code MagentoStorefront}).
 *
 * @param client the client
 * @param store the store view orders, customers and sales documents are read and written in
 * @param stockScope the scope of MSI source items (global)
 * @param priceScope the scope of price-storage calls
 * @param overlap how far before the checkpoint a poll re-reads ({@code updated_at} has 1-second granularity
 *     and orders saved in the same second may commit late)
 * @param websiteId the website new customers are created in
 * @param defaultSource the MSI source a shipment without a location ships from, or null
 * @param attributeSetId the attribute set of products created by the catalog sink
 * @param priceStoreId the {@code store_id} of base prices (0 = global)
 * @param tierWebsiteId the {@code website_id} of tier prices (0 = all)
 * @param captureInvoices whether invoices capture online ({@code capture: true})
 * @param notifyCustomers whether shipments and status changes e-mail the customer
 * @param legacyStock whether stock goes to the legacy stock item instead of MSI source items
 * @param stockId the MSI stock whose salable quantity tells the storefront's open reservations (1, Default Stock)
 * @param catalogBulkFrom catalog batches of at least this many products go through the async bulk API;
 *     0 turns bulk off (one synchronous call per product)
 * @param bulkTimeout how long a catalog bulk is polled before its open operations count as pending
 * @param clock the clock
 */
public record StorefrontSettings(MagentoClient client, StoreScope store, StoreScope stockScope,
    StoreScope priceScope, Duration overlap, int websiteId, String defaultSource, int attributeSetId,
    int priceStoreId, int tierWebsiteId, boolean captureInvoices, boolean notifyCustomers, boolean legacyStock,
    int stockId, int catalogBulkFrom, Duration bulkTimeout, Clock clock) {}
