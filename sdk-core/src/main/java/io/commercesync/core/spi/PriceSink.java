package io.commercesync.core.spi;

import io.commercesync.core.model.Price;
import io.commercesync.core.pipeline.BatchSink;

/**
 * A storefront's prices, written in batches: a {@link Price} without price list or group is the base
 * price; one with {@link Price#customerGroup()} (the storefront's group code, mapped from the ERP price
 * level) or a minimum quantity above one is a group or tier price.
 */
public interface PriceSink extends BatchSink<Price> {}
