package io.commercesync.core.spi;

import io.commercesync.core.model.Return;
import io.commercesync.core.pipeline.Source;

/** A storefront's refunds and credit memos since a cursor (Magento {@code /V1/creditmemos}). */
public interface ReturnSource extends Source<Return> {}
