package io.commercesync.core.spi;

/**
 * An ERP connector (Dynamics GP, Dynamics SL). Typical capabilities: {@link OrderSink},
 * {@link CustomerStore}, {@link PaymentSink}, {@link JournalSink}, {@link ReturnSink},
 * {@link ShipmentSource}, {@link InvoiceSource}, {@link ItemSource}, {@link InventorySource},
 * {@link PriceSource}, {@link RealtimeLookup}.
 */
public interface Erp extends Connector {}
