package io.commercesync.core.spi;

import io.commercesync.core.model.Item;
import io.commercesync.core.pipeline.Source;

/** An ERP's items since a cursor (GP IV00101 by DEX_ROW_TS, SL Inventory by LUpd_DateTime). */
public interface ItemSource extends Source<Item> {}
