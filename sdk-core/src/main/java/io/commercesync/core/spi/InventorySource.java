package io.commercesync.core.spi;

import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.pipeline.Source;

/** An ERP's quantities per item and warehouse (GP IV00102 RCRDTYPE 2, SL ItemSite), as the ERP computes them. */
public interface InventorySource extends Source<InventoryLevel> {}
