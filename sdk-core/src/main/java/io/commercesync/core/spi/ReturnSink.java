package io.commercesync.core.spi;

import io.commercesync.core.pipeline.Sink;

/**
 * An ERP's returns, looked up by the storefront return number: with lines a GP SOP return (type 4) or an SL
 * credit memo order; a refund of money only (no lines) a GP RM credit memo (RMDTYPAL 7) or an SL AR credit
 * memo.
 */
public interface ReturnSink extends Sink<ReturnRequest> {}
