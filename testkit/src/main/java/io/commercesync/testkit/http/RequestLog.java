package io.commercesync.testkit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a simulator was asked, so tests assert on calls ("the delta run made at most 1% of the full
 * run's writes") instead of log lines. Counts are per route ({@code POST /rest/{store}/V1/inventory/source-items}).
 */
public final class RequestLog {

  /** One served call. */
  public record Entry(String method, String route, String path, int status, String fault) {}

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final List<Entry> recent = new ArrayList<>();
  private final int keep;

  RequestLog(int keep) {
    this.keep = keep;
  }

  void record(Entry entry) {
    counts.computeIfAbsent(entry.method() + " " + entry.route(), k -> new AtomicLong()).incrementAndGet();
    synchronized (recent) {
      recent.add(entry);
      if (recent.size() > keep) {
        recent.remove(0);
      }
    }
  }

  /** Calls to {@code method route} so far. */
  public long count(String method, String route) {
    AtomicLong c = counts.get(method + " " + route);
    return c == null ? 0 : c.get();
  }

  /** All calls of {@code method} so far (e.g. every write). */
  public long count(String method) {
    return counts.entrySet().stream().filter(e -> e.getKey().startsWith(method + " "))
        .mapToLong(e -> e.getValue().get()).sum();
  }

  /** Total calls so far. */
  public long total() {
    return counts.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Calls per route, e.g. {@code {"GET /V1/orders": 12}}. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new java.util.TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** The most recent calls, oldest first. */
  public List<Entry> recent() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  /** Forgets everything counted so far. */
  public void reset() {
    counts.clear();
    synchronized (recent) {
      recent.clear();
    }
  }
}
