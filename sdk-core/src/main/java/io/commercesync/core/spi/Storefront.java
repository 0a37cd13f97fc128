package io.commercesync.core.spi;

/**
 * A storefront connector (Magento, Clarity). Typical capabilities: {@link OrderSource},
 * {@link OrderStatusSink}, {@link CustomerStore}, {@link CatalogSink}, {@link InventorySink},
 * {@link PriceSink}, {@link ShipmentSink}, {@link InvoiceSink}, {@link ReturnSource}.
 */
public interface Storefront extends Connector {}
