package io.commercesync.connector.magento.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.MagentoPager;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.SearchCriteria;
import io.commercesync.connector.magento.SearchCriteria.Condition;
import io.commercesync.connector.magento.SearchCriteria.Direction;
import io.commercesync.connector.magento.internal.dto.SearchResultDto;
import io.commercesync.core.codec.JsonCodec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads everything changed after a position {@code (updated_at, id)}, oldest first, by keyset instead of
 * offset: every request asks for page 1 of what lies after the last record yielded, so records that change
 * while paging can neither shift a later record out of view (offset paging skips one each time a record
 * moves to the end) nor make the last-page-again quirk loop.
 *
 * <p>Two alternating queries, both sorted by {@code updated_at}, then id, ascending (reference §13):
 * <ol>
 *   <li>the rest of the current second: {@code updated_at eq T} AND {@code id gt I} (Magento timestamps
 *       have 1-second granularity, so many records can share one);
 *   <li>what comes after it: {@code updated_at gt T}.
 * </ol>
 * A record yielded again with the same {@code updated_at} is dropped; one that changed meanwhile (a new
 * {@code updated_at}) is yielded again, since it is a new change. Extra filters (a store, a status) are
 * AND-ed to both. A failed {@link #hasNext()} can be called again: state only advances after a page.
 */
public final class KeysetPager implements MagentoPager {

  private static final Logger LOG = LoggerFactory.getLogger(KeysetPager.class);

  private final Function<SearchCriteria, SearchResultDto> fetch;
  private final RecordShape shape;
  private final JsonCodec codec;
  private final int pageSize;
  private final List<List<SearchCriteria.Filter>> extraGroups;
  private final Deque<MagentoRecord> buffer = new ArrayDeque<>();
  private final Map<String, String> yielded = new HashMap<>();
  private String at;
  private String afterId;
  private boolean secondDone;
  private boolean done;
  private int pages;
  private Long total;

  /**
   * @param updatedAt start after this {@code updated_at} ({@code YYYY-MM-DD HH:MM:SS}), or null for all
   * @param afterId with {@code updatedAt}: only ids above this one at exactly that second ("0" for all)
   */
  public KeysetPager(Function<SearchCriteria, SearchResultDto> fetch, RecordShape shape, JsonCodec codec,
      int pageSize, String updatedAt, String afterId, List<List<SearchCriteria.Filter>> extraGroups) {
    this.fetch = fetch;
    this.shape = shape;
    this.codec = codec;
    this.pageSize = pageSize;
    this.extraGroups = List.copyOf(extraGroups);
    this.at = updatedAt;
    this.afterId = afterId == null ? "0" : afterId;
    this.secondDone = updatedAt == null;
  }

  @Override
  public boolean hasNext() {
    while (buffer.isEmpty() && !done) {
      step();
    }
    return !buffer.isEmpty();
  }

  private void step() {
    SearchCriteria.Builder c = SearchCriteria.builder();
    extraGroups.forEach(c::whereAny);
    boolean sameSecond = !secondDone;
    if (sameSecond) {
      c.where(shape.updated(), Condition.EQ, at).where(shape.filterId(), Condition.GT, afterId)
          .sortBy(shape.filterId(), Direction.ASC);
    } else {
      if (at != null) {
        c.where(shape.updated(), Condition.GT, at);
      }
      c.sortBy(shape.updated(), Direction.ASC).sortBy(shape.filterId(), Direction.ASC);
    }
    SearchResultDto page = fetch.apply(c.pageSize(pageSize).currentPage(1).build());
    pages++;
    total = page.totalCount();
    List<JsonNode> items = page.items() == null ? List.of() : page.items();
    String lastAt = at;
    String lastId = afterId;
    int fresh = 0;
    for (JsonNode item : items) {
      MagentoRecord record = shape.toRecord(item, codec);
      lastAt = record.updatedAt() != null ? record.updatedAt() : lastAt;
      lastId = record.id();
      if (!Objects.equals(yielded.put(record.id(), String.valueOf(record.updatedAt())),
          String.valueOf(record.updatedAt()))) {
        buffer.add(record);
        fresh++;
      }
    }
    // a full page that brings nothing new means the store ignored the window: stop rather than loop
    boolean full = items.size() >= pageSize && (total == null || total > pageSize) && fresh > 0;
    if (sameSecond) {
      afterId = lastId;
      if (!full) {
        secondDone = true;
      }
    } else if (items.isEmpty()) {
      done = true;
    } else {
      at = lastAt;
      afterId = lastId;
      // when the page was full, the rest of the last second may be on the next page
      secondDone = !full;
      done = !full;
    }
    LOG.debug("system=magento entity={} keyset sameSecond={} items={} total={} at={} after={} done={}",
        shape.entity(), sameSecond, items.size(), total, at, afterId, done);
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
