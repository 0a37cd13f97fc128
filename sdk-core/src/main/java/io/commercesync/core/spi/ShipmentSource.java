package io.commercesync.core.spi;

import io.commercesync.core.model.Shipment;
import io.commercesync.core.pipeline.Source;

/** An ERP's shipments since a cursor (GP SOP30200 + SOP10107 tracking numbers, SL shippers), keyed by shipment id, carrying the storefront order number. */
public interface ShipmentSource extends Source<Shipment> {}
