package io.commercesync.connector.magento;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Magento {@code searchCriteria}: filter groups (filters inside a group are OR-ed, groups are AND-ed),
 * sort orders, page size and current page, rendered in Magento's exact query-string syntax
 * (reference §4):
 *
 * <pre>{@code
 * SearchCriteria c = SearchCriteria.builder()
 *     .where("updated_at", Condition.GTEQ, "2025-03-01 00:00:00")          // group 0
 *     .whereAny(Filter.of("status", Condition.EQ, "pending"),              // group 1: pending OR processing
 *               Filter.of("status", Condition.EQ, "processing"))
 *     .sortBy("updated_at", Direction.ASC).sortBy("entity_id", Direction.ASC)
 *     .pageSize(100).currentPage(1)
 *     .build();
 * c.toQueryString();
 * // searchCriteria[filter_groups][0][filters][0][field]=updated_at
 * // &searchCriteria[filter_groups][0][filters][0][value]=2025-03-01%2000%3A00%3A00
 * // &searchCriteria[filter_groups][0][filters][0][condition_type]=gteq ...
 * }</pre>
 *
 * <p>Values are percent-encoded (RFC 3986, a space as {@code %20}, {@code %} as {@code %25}); {@code in}
 * and {@code nin} take a comma-separated value ({@link Filter#in}). The page size is limited to
 * {@value #MAX_PAGE_SIZE}: Magento answers 400 {@code Maximum SearchCriteria pageSize is %max} above it
 * when input limits are on (reference §5, SearchCriteriaValidator). Immutable.
 *
 * @param filterGroups the filter groups, AND-ed
 * @param sortOrders the sort orders, applied in order
 * @param pageSize the page size, or null for Magento's default
 * @param currentPage the 1-based page, or null for the first
 */
public record SearchCriteria(
    List<List<Filter>> filterGroups, List<SortOrder> sortOrders, Integer pageSize, Integer currentPage) {

  /** Magento's default {@code webapi/validation/maximum_page_size} (reference §12). */
  public static final int MAX_PAGE_SIZE = 300;

  public SearchCriteria {
    filterGroups = filterGroups.stream().map(List::copyOf).toList();
    sortOrders = List.copyOf(sortOrders);
    if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw ConfigurationException.of(SystemId.MAGENTO, "searchCriteria.pageSize",
          "must be 1.." + MAX_PAGE_SIZE + " (was " + pageSize + ")");
    }
    if (currentPage != null && currentPage < 1) {
      throw ConfigurationException.of(SystemId.MAGENTO, "searchCriteria.currentPage",
          "must be >= 1 (was " + currentPage + ")");
    }
    for (List<Filter> group : filterGroups) {
      if (group.isEmpty()) {
        throw ConfigurationException.of(SystemId.MAGENTO, "searchCriteria.filterGroups",
            "a filter group must hold at least one filter");
      }
    }
  }

  /** No filter, no sort, Magento's default paging. */
  public static SearchCriteria all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    filterGroups.forEach(g -> b.groups.add(new ArrayList<>(g)));
    b.sorts.addAll(sortOrders);
    b.pageSize = pageSize;
    b.currentPage = currentPage;
    return b;
  }

  /** The same criteria asking for page {@code page}. */
  public SearchCriteria withPage(int page) {
    return new SearchCriteria(filterGroups, sortOrders, pageSize, page);
  }

  /** The same criteria with page size {@code size}. */
  public SearchCriteria withPageSize(int size) {
    return new SearchCriteria(filterGroups, sortOrders, size, currentPage);
  }

  /**
   * The query string, without the leading {@code ?}. Names keep their brackets as Magento documents
   * them; values are percent-encoded. Criteria without any filter, sort or paging render as
   * {@code searchCriteria=}, since Magento requires the parameter to be present.
   */
  public String toQueryString() {
    StringBuilder q = new StringBuilder();
    for (int g = 0; g < filterGroups.size(); g++) {
      List<Filter> group = filterGroups.get(g);
      for (int f = 0; f < group.size(); f++) {
        Filter filter = group.get(f);
        String prefix = "searchCriteria[filter_groups][" + g + "][filters][" + f + "]";
        append(q, prefix + "[field]", filter.field());
        append(q, prefix + "[value]", filter.value());
        append(q, prefix + "[condition_type]", filter.condition().code());
      }
    }
    for (int s = 0; s < sortOrders.size(); s++) {
      SortOrder order = sortOrders.get(s);
      append(q, "searchCriteria[sortOrders][" + s + "][field]", order.field());
      append(q, "searchCriteria[sortOrders][" + s + "][direction]", order.direction().name());
    }
    if (pageSize != null) {
      append(q, "searchCriteria[pageSize]", String.valueOf(pageSize));
    }
    if (currentPage != null) {
      append(q, "searchCriteria[currentPage]", String.valueOf(currentPage));
    }
    if (q.length() == 0) {
      // GET /V1/orders without any searchCriteria parameter is a 400 ("searchCriteria" is required)
      q.append("searchCriteria=");
    }
    return q.toString();
  }

  private static void append(StringBuilder q, String name, String value) {
    if (q.length() > 0) {
      q.append('&');
    }
    q.append(name).append('=').append(encode(value));
  }

  /** RFC 3986 percent-encoding: unreserved characters stay, everything else is {@code %XX} of UTF-8. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Magento's {@code condition_type} values (reference §4). */
  public enum Condition {
    EQ, FINSET, FROM, GT, GTEQ, IN, LIKE, LT, LTEQ, MOREQ, NEQ, NFINSET, NIN, NLIKE, NOTNULL, NULL, TO;

    /** The wire value: {@code gteq}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Sort direction; Magento defaults to DESC when none is sent, so the client always sends one. */
  public enum Direction { ASC, DESC }

  /**
   * One filter: {@code field} compared with {@code value} by {@code condition}.
   *
   * @param field a top-level attribute or column, e.g. {@code updated_at}, {@code increment_id}
   * @param condition the condition type
   * @param value the value as Magento compares it (dates as {@code YYYY-MM-DD HH:MM:SS} UTC)
   */
  public record Filter(String field, Condition condition, String value) {

    public Filter {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(value, "value");
      if (field.isBlank()) {
        throw ConfigurationException.of(SystemId.MAGENTO, "searchCriteria.field", "must not be blank");
      }
    }

    public static Filter of(String field, Condition condition, String value) {
      return new Filter(field, condition, value);
    }

    /** {@code field in (values...)}: the values joined by commas. */
    public static Filter in(String field, List<String> values) {
      return new Filter(field, Condition.IN, String.join(",", values));
    }
  }

  /**
   * One sort order.
   *
   * @param field the attribute sorted by
   * @param direction ascending or descending
   */
  public record SortOrder(String field, Direction direction) {

    public SortOrder {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(direction, "direction");
    }
  }

  /** Builds {@link SearchCriteria}. Not thread-safe. */
  public static final class Builder {
    private final List<List<Filter>> groups = new ArrayList<>();
    private final List<SortOrder> sorts = new ArrayList<>();
    private Integer pageSize;
    private Integer currentPage;

    private Builder() {}

    /** Adds a filter group holding one filter (AND-ed with the other groups). */
    public Builder where(String field, Condition condition, String value) {
      groups.add(List.of(Filter.of(field, condition, value)));
      return this;
    }

    /** Adds a filter group whose filters are OR-ed. */
    public Builder whereAny(Filter... filters) {
      groups.add(List.of(filters));
      return this;
    }

    /** Adds a filter group whose filters are OR-ed. */
    public Builder whereAny(List<Filter> filters) {
      groups.add(List.copyOf(filters));
      return this;
    }

    public Builder sortBy(String field, Direction direction) {
      sorts.add(new SortOrder(field, direction));
      return this;
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    public Builder currentPage(int currentPage) {
      this.currentPage = currentPage;
      return this;
    }

    public SearchCriteria build() {
      return new SearchCriteria(groups, sorts, pageSize, currentPage);
    }
  }
}
