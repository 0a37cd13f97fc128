package io.commercesync.connector.magento;

import io.commercesync.connector.magento.internal.dto.SearchResultDto;
import io.commercesync.connector.magento.internal.http.KeysetPager;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.http.OffsetPager;
import io.commercesync.connector.magento.internal.http.RecordShape;
import io.commercesync.core.codec.JsonCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** What every resource of one client shares. Package-private. */
final class Core {

  final MagentoHttp http;
  final MagentoLimits limits;
  final Clock clock;
  final Currency baseCurrency;
  final Duration bulkPollInterval;

  Core(MagentoHttp http, MagentoLimits limits, Clock clock, Currency baseCurrency, Duration bulkPollInterval) {
    this.http = http;
    this.limits = limits;
    this.clock = clock;
    this.baseCurrency = baseCurrency;
    this.bulkPollInterval = bulkPollInterval;
  }

  JsonCodec codec() {
    return http.codec();
  }

  /** One search page of {@code route}. */
  SearchResultDto page(StoreScope scope, String route, SearchCriteria criteria, String entity) {
    if (criteria.pageSize() != null && criteria.pageSize() > limits.maxPageSize()) {
      criteria = criteria.withPageSize(limits.maxPageSize());
    }
    return http.call("GET", MagentoHttp.path(scope, route), criteria.toQueryString(), null, null,
        SearchResultDto.class, entity + " search page");
  }

  /** A streaming offset search of {@code route}. */
  MagentoPager search(StoreScope scope, String route, SearchCriteria criteria, RecordShape shape) {
    SearchCriteria capped = criteria.pageSize() != null && criteria.pageSize() > limits.maxPageSize()
        ? criteria.withPageSize(limits.maxPageSize()) : criteria;
    return new OffsetPager(c -> page(scope, route, c, shape.entity()), capped, shape, codec(),
        limits.pageSize());
  }

  /** A keyset read of {@code route} after {@code (updatedAt, afterId)}. */
  MagentoPager changedSince(StoreScope scope, String route, RecordShape shape, String updatedAt,
      String afterId, List<List<SearchCriteria.Filter>> extra) {
    return new KeysetPager(c -> page(scope, route, c, shape.entity()), shape, codec(), limits.pageSize(),
        updatedAt, afterId, extra);
  }

  /** {@code items} in chunks of at most {@code size}. */
  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
    }
    return out;
  }
}
