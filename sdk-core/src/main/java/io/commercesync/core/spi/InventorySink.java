package io.commercesync.core.spi;

import io.commercesync.core.pipeline.BatchSink;

/** A storefront's stock per location, written in batches (Magento {@code POST /V1/inventory/source-items}, Clarity inventory per location). */
public interface InventorySink extends BatchSink<StockUpdate> {}
