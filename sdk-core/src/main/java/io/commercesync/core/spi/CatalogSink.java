package io.commercesync.core.spi;

import io.commercesync.core.pipeline.Sink;

/** A storefront's products, written partially (Magento {@code PUT /rest/<scope>/V1/products/{sku}}, Clarity product update). */
public interface CatalogSink extends Sink<CatalogUpdate> {}
