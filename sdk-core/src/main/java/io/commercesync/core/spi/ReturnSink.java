package io.commercesync.core.spi;

import io.commercesync.core.pipeline.Sink;

/** An ERP's returns (GP SOP type 4, SL credit memo), looked up by the storefront return number. */
public interface ReturnSink extends Sink<ReturnRequest> {}
