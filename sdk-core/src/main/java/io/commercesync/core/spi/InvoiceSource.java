package io.commercesync.core.spi;

import io.commercesync.core.model.Invoice;
import io.commercesync.core.pipeline.Source;

/** An ERP's posted invoices with their balance due (GP RM20101 / SOP30200, SL ARDoc). */
public interface InvoiceSource extends Source<Invoice> {}
