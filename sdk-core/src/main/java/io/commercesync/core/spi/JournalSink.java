package io.commercesync.core.spi;

import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.pipeline.Sink;

/** An ERP's general ledger (GP {@code GLTransactionType}, SL {@code Batch} + {@code GLTran}), looked up by reference. */
public interface JournalSink extends Sink<JournalEntry> {}
