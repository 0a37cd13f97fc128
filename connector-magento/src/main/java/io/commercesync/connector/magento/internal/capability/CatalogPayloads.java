package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.ProductUpdate;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogUpdate;
import java.util.Set;

/** The partial product write for an item and the fields named (shared by the catalog sink and the CLI). */
public final class CatalogPayloads {

  private CatalogPayloads() {}

  public static ProductUpdate partial(Item item, Set<CatalogField> fields, Set<String> attributes) {
    return MagentoCatalogSink.partial(new CatalogUpdate(item, fields, attributes, "all", false, ItemStatus.INACTIVE));
  }
}
