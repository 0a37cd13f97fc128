package io.commercesync.core.spi;

import io.commercesync.core.model.Price;
import io.commercesync.core.pipeline.Source;

/** An ERP's price levels and lists (GP IV00108, SL price tables). */
public interface PriceSource extends Source<Price> {}
