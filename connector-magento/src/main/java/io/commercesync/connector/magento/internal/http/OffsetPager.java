package io.commercesync.connector.magento.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.MagentoPager;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.SearchCriteria;
import io.commercesync.connector.magento.internal.dto.SearchResultDto;
import io.commercesync.core.codec.JsonCodec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages through a search by {@code currentPage}. Ends when {@code current_page × page_size ≥ total_count}
 * (re-read on every page), when a page is short or empty, when Magento echoes a lower
 * {@code current_page} than asked (it clamps to the last page and returns it again, #3787/#8099), or when
 * a whole page holds nothing new. Records already yielded (by id) are not yielded again, which also
 * absorbs the shift of an offset window when records change while paging. State only advances after a
 * page arrived, so a failed {@link #hasNext()} can be called again.
 */
public final class OffsetPager implements MagentoPager {

  private static final Logger LOG = LoggerFactory.getLogger(OffsetPager.class);

  private final Function<SearchCriteria, SearchResultDto> fetch;
  private final SearchCriteria criteria;
  private final RecordShape shape;
  private final JsonCodec codec;
  private final int pageSize;
  private final Deque<MagentoRecord> buffer = new ArrayDeque<>();
  private final Set<String> seen = new HashSet<>();
  private int nextPage;
  private boolean done;
  private int pages;
  private Long total;

  public OffsetPager(Function<SearchCriteria, SearchResultDto> fetch, SearchCriteria criteria,
      RecordShape shape, JsonCodec codec, int defaultPageSize) {
    this.fetch = fetch;
    this.shape = shape;
    this.codec = codec;
    this.pageSize = criteria.pageSize() != null ? criteria.pageSize() : defaultPageSize;
    this.criteria = criteria.withPageSize(pageSize);
    this.nextPage = criteria.currentPage() != null ? criteria.currentPage() : 1;
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && !done) {
      fetchNextPage();
    }
    return !buffer.isEmpty();
  }

  private void fetchNextPage() {
    int page = nextPage;
    SearchResultDto result = fetch.apply(criteria.withPage(page));
    pages++;
    total = result.totalCount();
    int size = result.items() == null ? 0 : result.items().size();
    Integer echoed = result.searchCriteria() == null ? null : result.searchCriteria().currentPage();
    int fresh = 0;
    if (echoed != null && echoed < page) {
      // Magento clamped a page past the end to the last page: everything here was seen already
      LOG.debug("system=magento entity={} page={} echoed={} action=stop reason=clamped", shape.entity(),
          page, echoed);
      done = true;
      return;
    }
    if (size > 0) {
      for (JsonNode item : result.items()) {
        String id = shape.idOf(item);
        if (id == null || seen.add(id)) {
          buffer.add(shape.toRecord(item, codec));
          fresh++;
        }
      }
    }
    nextPage = page + 1;
    long count = total == null ? Long.MAX_VALUE : total;
    if (size == 0 || size < pageSize || (long) page * pageSize >= count || fresh == 0) {
      done = true;
    }
    LOG.debug("system=magento entity={} page={} items={} new={} total={} done={}", shape.entity(), page,
        size, fresh, total, done);
  }

  @Override
  public MagentoRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.poll();
  }

  @Override
  public int pagesFetched() {
    return pages;
  }

  @Override
  public OptionalLong totalCount() {
    return total == null ? OptionalLong.empty() : OptionalLong.of(total);
  }

  @Override
  public void close() {
    buffer.clear();
    done = true;
  }
}
