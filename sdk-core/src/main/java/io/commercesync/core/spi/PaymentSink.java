package io.commercesync.core.spi;

import io.commercesync.core.pipeline.Sink;

/** An ERP's cash receipts (GP {@code RMCashReceiptsType}, SL AR payment), looked up by the receipt's document number. */
public interface PaymentSink extends Sink<CashReceipt> {}
