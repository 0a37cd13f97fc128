package io.commercesync.core.spi;

import io.commercesync.core.model.Shipment;
import io.commercesync.core.pipeline.Sink;

/**
 * A storefront's shipments (Magento {@code POST /V1/order/{id}/ship}, Clarity shipments).
 * {@link #lookup} answers whether the order already has a shipment with these tracking numbers.
 */
public interface ShipmentSink extends Sink<Shipment> {}
