package io.commercesync.core.spi;

import io.commercesync.core.model.Invoice;
import io.commercesync.core.pipeline.Sink;

/** A storefront's invoices, with the balance due (Magento {@code POST /V1/order/{id}/invoice}, Clarity invoices). */
public interface InvoiceSink extends Sink<Invoice> {}
