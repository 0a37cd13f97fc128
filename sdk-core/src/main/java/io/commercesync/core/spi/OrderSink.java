package io.commercesync.core.spi;

import io.commercesync.core.pipeline.Sink;

/**
 * An ERP's sales orders (GP SOP type 2 through eConnect, SL {@code SOHeader}/{@code SOLine}). The
 * storefront order number travels in the ERP's customer-PO field (GP {@code CSTPONBR}, SL
 * {@code CustOrdNbr}) and {@link #lookup} searches it, so an order is never entered twice.
 */
public interface OrderSink extends Sink<SalesOrderRequest> {}
