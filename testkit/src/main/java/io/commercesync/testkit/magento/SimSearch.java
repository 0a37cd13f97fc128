package io.commercesync.testkit.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Magento's searchCriteria as the REST layer parses it: {@code searchCriteria[filter_groups][G][filters][F]
 * [field|value|condition_type]} (camelCase {@code filterGroups}/{@code conditionType} also accepted),
 * {@code sortOrders}, {@code pageSize}, {@code currentPage}. Filters in a group are OR-ed, groups AND-ed;
 * a page past the end returns the last page again (Framework/Data/Collection::getCurPage).
 */
final class SimSearch {

  private static final Pattern FILTER = Pattern.compile(
      "searchCriteria\\[(?:filter_groups|filterGroups)]\\[(\\d+)]\\[filters]\\[(\\d+)]\\[(field|value|condition_type|conditionType)]");
  private static final Pattern SORT = Pattern.compile(
      "searchCriteria\\[(?:sortOrders|sort_orders)]\\[(\\d+)]\\[(field|direction)]");

  record Filter(String field, String value, String condition) {}

  record Sort(String field, boolean ascending) {}

  record Criteria(List<List<Filter>> groups, List<Sort> sorts, Integer pageSize, Integer currentPage,
      String problem) {}

  private SimSearch() {}

  static Criteria parse(Map<String, List<String>> query) {
    Map<Integer, Map<Integer, Map<String, String>>> groups = new TreeMap<>();
    Map<Integer, Map<String, String>> sorts = new TreeMap<>();
    Integer pageSize = null;
    Integer currentPage = null;
    boolean present = false;
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      String name = e.getKey();
      String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
      if (name.startsWith("searchCriteria")) {
        present = true;
      }
      Matcher f = FILTER.matcher(name);
      Matcher s = SORT.matcher(name);
      if (f.matches()) {
        String key = f.group(3).equals("conditionType") ? "condition_type" : f.group(3);
        groups.computeIfAbsent(Integer.parseInt(f.group(1)), k -> new TreeMap<>())
            .computeIfAbsent(Integer.parseInt(f.group(2)), k -> new TreeMap<>()).put(key, value);
      } else if (s.matches()) {
        sorts.computeIfAbsent(Integer.parseInt(s.group(1)), k -> new TreeMap<>()).put(s.group(2), value);
      } else if (name.equals("searchCriteria[pageSize]") || name.equals("searchCriteria[page_size]")) {
        pageSize = intOrNull(value);
      } else if (name.equals("searchCriteria[currentPage]") || name.equals("searchCriteria[current_page]")) {
        currentPage = intOrNull(value);
      }
    }
    if (!present) {
      return new Criteria(List.of(), List.of(), null, null, "\"%fieldName\" is required. Enter and try again.");
    }
    List<List<Filter>> outGroups = new ArrayList<>();
    for (Map<Integer, Map<String, String>> g : groups.values()) {
      List<Filter> filters = new ArrayList<>();
      for (Map<String, String> f : g.values()) {
        if (f.get("field") == null) {
          continue;
        }
        filters.add(new Filter(f.get("field"), f.getOrDefault("value", ""),
            f.getOrDefault("condition_type", "eq").toLowerCase(Locale.ROOT)));
      }
      if (!filters.isEmpty()) {
        outGroups.add(filters);
      }
    }
    List<Sort> outSorts = new ArrayList<>();
    for (Map<String, String> s : sorts.values()) {
      if (s.get("field") != null) {
        // the direction defaults to DESC when omitted (performing-searches.md)
        outSorts.add(new Sort(s.get("field"), "ASC".equalsIgnoreCase(s.getOrDefault("direction", "DESC"))));
      }
    }
    return new Criteria(outGroups, outSorts, pageSize, currentPage, null);
  }

  private static Integer intOrNull(String value) {
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether {@code row} passes every group (a group passes when any of its filters does). */
  static boolean matches(JsonNode row, List<List<Filter>> groups, Map<String, String> aliases) {
    for (List<Filter> group : groups) {
      boolean any = false;
      for (Filter f : group) {
        if (test(value(row, f.field(), aliases), f)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  static JsonNode value(JsonNode row, String field, Map<String, String> aliases) {
    String name = aliases.getOrDefault(field, field);
    JsonNode v = row.get(name);
    return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
  }

  private static boolean test(JsonNode v, Filter f) {
    boolean missing = v.isMissingNode() || v.isNull();
    String value = f.value();
    return switch (f.condition()) {
      case "null" -> missing;
      case "notnull" -> !missing;
      case "eq" -> !missing && compare(v, value) == 0;
      case "neq" -> missing || compare(v, value) != 0;
      case "gt" -> !missing && compare(v, value) > 0;
      case "gteq", "from", "moreq" -> !missing && compare(v, value) >= 0;
      case "lt" -> !missing && compare(v, value) < 0;
      case "lteq", "to" -> !missing && compare(v, value) <= 0;
      case "in" -> !missing && List.of(value.split(",")).stream().anyMatch(x -> compare(v, x.trim()) == 0);
      case "nin" -> missing || List.of(value.split(",")).stream().noneMatch(x -> compare(v, x.trim()) == 0);
      case "like" -> !missing && like(v.asText(), value);
      case "nlike" -> missing || !like(v.asText(), value);
      case "finset" -> !missing && List.of(v.asText().split(",")).contains(value);
      case "nfinset" -> missing || !List.of(v.asText().split(",")).contains(value);
      default -> false;
    };
  }

  private static boolean like(String text, String pattern) {
    StringBuilder regex = new StringBuilder("(?is)");
    for (char c : pattern.toCharArray()) {
      if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return text.matches(regex.toString());
  }

  /** Numbers compare as numbers, everything else as text (MySQL-like for our purposes). */
  static int compare(JsonNode v, String value) {
    String a = v.asText();
    BigDecimal na = number(a);
    BigDecimal nb = number(value);
    if (na != null && nb != null) {
      return na.compareTo(nb);
    }
    return a.compareToIgnoreCase(value);
  }

  private static BigDecimal number(String s) {
    if (s == null || s.isEmpty() || !s.matches("-?\\d+(\\.\\d+)?")) {
      return null;
    }
    return new BigDecimal(s);
  }

  static Comparator<JsonNode> comparator(List<Sort> sorts, Map<String, String> aliases, String idField) {
    Comparator<JsonNode> c = (a, b) -> 0;
    for (Sort s : sorts) {
      Comparator<JsonNode> one = (a, b) -> {
        JsonNode va = value(a, s.field(), aliases);
        JsonNode vb = value(b, s.field(), aliases);
        if (va.isMissingNode() || va.isNull()) {
          return vb.isMissingNode() || vb.isNull() ? 0 : -1;
        }
        if (vb.isMissingNode() || vb.isNull()) {
          return 1;
        }
        return compare(va, vb.asText());
      };
      c = c.thenComparing(s.ascending() ? one : one.reversed());
    }
    // the table's primary key keeps the order stable
    return c.thenComparing((a, b) -> compare(value(a, idField, aliases), value(b, idField, aliases).asText()));
  }

  /** The search-result envelope for {@code rows} (already filtered and sorted). */
  static ObjectNode envelope(List<? extends JsonNode> rows, Criteria criteria, int pageSize, int page) {
    ObjectNode out = SimJson.object();
    ArrayNode items = out.putArray("items");
    int total = rows.size();
    int lastPage = Math.max(1, (total + pageSize - 1) / pageSize);
    // Collection::getCurPage clamps a page past the end to the last page: the last page comes back again
    int effective = Math.min(Math.max(page, 1), lastPage);
    int from = (effective - 1) * pageSize;
    for (int i = from; i < Math.min(total, from + pageSize); i++) {
      items.add(rows.get(i).deepCopy());
    }
    ObjectNode echo = out.putObject("search_criteria");
    ArrayNode groups = echo.putArray("filter_groups");
    for (List<Filter> g : criteria.groups()) {
      ArrayNode filters = groups.addObject().putArray("filters");
      for (Filter f : g) {
        filters.addObject().put("field", f.field()).put("value", f.value()).put("condition_type", f.condition());
      }
    }
    if (!criteria.sorts().isEmpty()) {
      ArrayNode sorts = echo.putArray("sort_orders");
      for (Sort s : criteria.sorts()) {
        sorts.addObject().put("field", s.field()).put("direction", s.ascending() ? "ASC" : "DESC");
      }
    }
    if (criteria.pageSize() != null) {
      echo.put("page_size", criteria.pageSize());
    }
    if (criteria.currentPage() != null) {
      // the echo repeats what was asked, not the clamped page
      echo.put("current_page", criteria.currentPage());
    }
    out.put("total_count", total);
    return out;
  }
}
