package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.InvoiceSink;
import java.util.Optional;

/** Invoices keyed by the ERP invoice number ({@code CustomKey} / {@code invoiceNumber}): a repeat replaces, never duplicates. */
public final class ClarityInvoiceSink implements InvoiceSink {

  private final ClarityApi api;

  public ClarityInvoiceSink(ClarityApi api) {
    this.api = api;
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public WriteResult write(Invoice record, IdempotencyKey key) {
    return api.writeInvoice(record, key);
  }

  @Override
  public Optional<WriteResult> lookup(Invoice record, IdempotencyKey key) {
    return api.lookupInvoice(record);
  }
}
