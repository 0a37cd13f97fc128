package io.commercesync.connector.magento;

import java.util.Iterator;
import java.util.OptionalLong;

/**
 * A streaming search: records arrive page by page, so memory stays flat however many match. When fetching
 * a page fails, {@link #hasNext()} throws the typed error, and calling it again retries the same page
 * (nothing is skipped or repeated). Close it when done.
 *
 * <p>How a search ends (reference §5): Magento answers a page past the end with the last page again, so
 * the pager stops when {@code current_page × page_size ≥ total_count}, when a page is short or empty, or
 * when Magento echoes a lower {@code current_page} than asked; and it never yields the same record twice.
 *
 * <pre>{@code
 * try (MagentoPager pager = client.customers().search(StoreScope.store("default"), criteria)) {
 *   while (pager.hasNext()) {
 *     MagentoRecord customer = pager.next();
 *   }
 * }
 * }</pre>
 */
public interface MagentoPager extends Iterator<MagentoRecord>, AutoCloseable {

  /** How many pages were fetched so far. */
  int pagesFetched();

  /** Magento's {@code total_count} from the last page, once one was fetched. */
  OptionalLong totalCount();

  /** Releases what the pager holds; never throws. */
  @Override
  void close();
}
