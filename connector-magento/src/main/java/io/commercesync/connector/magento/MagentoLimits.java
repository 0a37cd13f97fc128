package io.commercesync.connector.magento;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;

/**
 * The store's Web API input limits, which the client chunks and pages by (reference §12: Stores ›
 * Configuration › Services › Web API Input Limits, and {@code env.php}
 * {@code webapi/sync|async/default_input_array_size_limit}). Stores may change them, so they are settings.
 *
 * <pre>{@code
 * MagentoLimits limits = MagentoLimits.DEFAULT.withMaxSyncEntities(50);
 * }</pre>
 *
 * @param maxSyncEntities most entities in one synchronous write (source items, prices): default 20
 * @param maxAsyncEntities most entities in one async bulk call: default 5,000
 * @param maxPageSize largest {@code pageSize} Magento accepts: default 300
 * @param pageSize the page size the client reads with: default 100
 */
public record MagentoLimits(int maxSyncEntities, int maxAsyncEntities, int maxPageSize, int pageSize) {

  /** Magento 2.4 defaults: 20 sync, 5,000 async, pages of at most 300; reads 100 per page. */
  public static final MagentoLimits DEFAULT = new MagentoLimits(20, 5_000, 300, 100);

  public MagentoLimits {
    positive("limits.maxSyncEntities", maxSyncEntities);
    positive("limits.maxAsyncEntities", maxAsyncEntities);
    positive("limits.maxPageSize", maxPageSize);
    positive("limits.pageSize", pageSize);
    if (pageSize > maxPageSize) {
      throw ConfigurationException.of(SystemId.MAGENTO, "limits.pageSize",
          "must be <= maxPageSize " + maxPageSize + " (was " + pageSize + ")");
    }
    if (maxPageSize > SearchCriteria.MAX_PAGE_SIZE) {
      throw ConfigurationException.of(SystemId.MAGENTO, "limits.maxPageSize",
          "must be <= " + SearchCriteria.MAX_PAGE_SIZE + " (was " + maxPageSize + ")");
    }
  }

  private static void positive(String setting, int value) {
    if (value < 1) {
      throw ConfigurationException.of(SystemId.MAGENTO, setting, "must be >= 1 (was " + value + ")");
    }
  }

  public MagentoLimits withMaxSyncEntities(int value) {
    return new MagentoLimits(value, maxAsyncEntities, maxPageSize, pageSize);
  }

  public MagentoLimits withMaxAsyncEntities(int value) {
    return new MagentoLimits(maxSyncEntities, value, maxPageSize, pageSize);
  }

  public MagentoLimits withPageSize(int value) {
    return new MagentoLimits(maxSyncEntities, maxAsyncEntities, maxPageSize, value);
  }

  public MagentoLimits withMaxPageSize(int value) {
    return new MagentoLimits(maxSyncEntities, maxAsyncEntities, value, Math.min(pageSize, value));
  }
}
