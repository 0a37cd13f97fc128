package io.commercesync.connector.dynamicsgp.polling;

import io.commercesync.connector.dynamicsgp.GpTransport;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads a GP table's changes by {@code DEX_ROW_TS} (UTC), safely:
 *
 * <ul>
 *   <li>An <b>overlap window</b>: each read starts {@code overlap} before the cursor, because GP's zDT_ triggers
 *       stamp at statement time, not commit time, so a row can become visible with a stamp older than rows
 *       already read (reference §7).
 *   <li><b>De-duplication by key</b>: a row is emitted again only when its stamp moved. Within a read every
 *       (key, stamp) is emitted once; across reads the cursor carries the keys already emitted inside the window.
 *   <li><b>Paging</b> by stamp with {@code :limit} rows; rows sharing a stamp are never split across pages (a full
 *       page holds back the rows at its last stamp; a page of one stamp is re-read with a larger limit), and rows of one key
 *       (an invoice's tracking numbers) stay together.
 * </ul>
 *
 * <p>The cursor is JSON: {@code {"ts":"2024-03-15T16:02:11.417Z","seen":{"INV00031877":"2024-03-15T16:02:11.403Z"}}}.
 * Fetch failures surface from {@link RecordStream#hasNext()} and a second call retries the same page.
 */
public final class GpChangeReader {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.DYNAMICS_GP).build();
  private static final Instant BEGINNING = Instant.parse("1900-01-01T00:00:00Z");
  /** Most keys remembered in a cursor; beyond that the pipeline's own de-duplication takes over. */
  static final int MAX_SEEN = 200;

  /** One key's rows at one stamp. */
  public record Group(String key, Instant stamp, List<GpRow> rows) {}

  /** The cursor's content. */
  record State(Instant ts, Map<String, Instant> seen) {}

  private final GpTransport transport;
  private final GpQuery query;
  private final Duration overlap;
  private final int pageSize;
  private final Function<GpRow, String> key;

  /**
   * @param query a change query with {@code :since} and {@code :limit}
   * @param key the row's key (e.g. ITEMNMBR, or ITEMNMBR|CURNCYID|PRCLEVEL|UOFM|TOQTY)
   */
  public GpChangeReader(GpTransport transport, GpQuery query, Function<GpRow, String> key, Duration overlap, int pageSize) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.query = Objects.requireNonNull(query, "query");
    this.key = Objects.requireNonNull(key, "key");
    this.overlap = Objects.requireNonNull(overlap, "overlap");
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1 (was " + pageSize + ")");
    }
    this.pageSize = pageSize;
  }

  /**
   * The changes after {@code from}; {@code expand} turns one page of groups into records (it may read more,
   * e.g. the IV00102 rows of a page of items), each record's position being the cursor after its group.
   */
  public RecordStream read(Cursor from, Expander expand) {
    State start = decode(from);
    return new Stream(start, expand);
  }

  /** Turns groups into records; {@code position} gives each group's cursor. */
  @FunctionalInterface
  public interface Expander {
    List<RawRecord> expand(List<Group> groups, Function<Group, Cursor> position);
  }

  static State decode(Cursor cursor) {
    if (cursor == null || cursor.isStart()) {
      return new State(null, new TreeMap<>());
    }
    State s = JSON.read(cursor.value().getBytes(java.nio.charset.StandardCharsets.UTF_8), State.class, "GP cursor");
    return new State(s.ts(), s.seen() == null ? new TreeMap<>() : new TreeMap<>(s.seen()));
  }

  static Cursor encode(State state) {
    return Cursor.of(new String(JSON.write(state), java.nio.charset.StandardCharsets.UTF_8));
  }

  final class Stream implements RecordStream {
    private final Deque<RawRecord> buffer = new ArrayDeque<>();
    /** Key → stamp of what this read emitted, for keys that may still be read again (see {@link #prune}). */
    private final Map<String, Instant> emitted;
    /** The same, in emission (= stamp) order, so the cursor's window is read from the newest end. */
    private final Deque<Map.Entry<String, Instant>> emissions = new ArrayDeque<>();
    private Instant high;
    private Instant since;
    private int limit = pageSize;
    private boolean done;
    private final Expander expand;

    Stream(State start, Expander expand) {
      this.expand = expand;
      this.emitted = new LinkedHashMap<>(start.seen());
      start.seen().entrySet().stream().sorted(Map.Entry.comparingByValue())
          .forEach(e -> emissions.addLast(Map.entry(e.getKey(), e.getValue())));
      this.high = start.ts();
      this.since = start.ts() == null ? BEGINNING : start.ts().minus(overlap);
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && !done) {
        fetch();
      }
      return !buffer.isEmpty();
    }

    @Override
    public RawRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.removeFirst();
    }

    /**
     * Reads one page. Nothing of the stream's state (cursor, emitted keys, end flag) changes for good until
     * the page is fully expanded: a transient failure anywhere in it (the page query, or the expander's own
     * queries for addresses and e-mails) leaves the stream as it was, so {@code hasNext()} can be called
     * again and reads the same page — no record is skipped.
     */
    private void fetch() {
      List<GpRow> rows = transport.query(query, Map.of("since", since, "limit", limit));
      List<Group> groups = group(rows);
      boolean full = rows.size() >= limit;
      if (full) {
        // the rows at the page's last stamp may go on past the page: hold them back for the next page
        Instant lastStamp = groups.get(groups.size() - 1).stamp();
        List<Group> complete = groups.stream().filter(g -> g.stamp().isBefore(lastStamp)).toList();
        if (complete.isEmpty()) {
          limit *= 2;   // the whole page is one stamp: read that stamp whole with a larger page
          return;
        }
        groups = new ArrayList<>(complete);
      }
      List<Group> fresh = new ArrayList<>();
      for (Group g : groups) {
        Instant before = emitted.get(g.key());
        if (before == null || !before.equals(g.stamp())) {
          fresh.add(g);
        }
      }
      Instant nextSince = groups.isEmpty() ? since : groups.get(groups.size() - 1).stamp();
      boolean progress = nextSince.isAfter(since) || !fresh.isEmpty();
      // no progress on a full page: it is all rows already emitted at the cursor's stamp; widen the page
      int nextLimit = full && !progress ? limit * 2 : pageSize;
      List<RawRecord> records = fresh.isEmpty() ? List.of() : emit(fresh);
      // the page is read: now the stream moves on
      since = nextSince;
      limit = nextLimit;
      done = !full;
      buffer.addAll(records);
      prune();
    }

    /** Records {@code fresh} as emitted and expands them; undone as a whole if the expander fails. */
    private List<RawRecord> emit(List<Group> fresh) {
      Instant highBefore = high;
      Map<String, Instant> replaced = new HashMap<>();
      Map<Group, Cursor> positions = new LinkedHashMap<>();
      int added = 0;
      try {
        for (Group g : fresh) {
          Instant old = emitted.put(g.key(), g.stamp());
          if (!replaced.containsKey(g.key())) {
            replaced.put(g.key(), old);
          }
          emissions.addLast(Map.entry(g.key(), g.stamp()));
          added++;
          if (high == null || g.stamp().isAfter(high)) {
            high = g.stamp();
          }
          positions.put(g, encode(new State(high, window())));
        }
        return expand.expand(fresh, positions::get);
      } catch (RuntimeException e) {
        for (int i = 0; i < added; i++) {
          emissions.removeLast();
        }
        replaced.forEach((k, old) -> {
          if (old == null) {
            emitted.remove(k);
          } else {
            emitted.put(k, old);
          }
        });
        high = highBefore;
        throw e;
      }
    }

    /**
     * Forgets what can no longer matter: a key emitted at a stamp before both the next query's
     * {@code since} (it cannot be read again in this read) and the overlap window (it is not carried in
     * the cursor). Without it a full read of 100,000 items kept every key and rebuilt each record's
     * cursor from all of them: quadratic time (regression {@code GpChangeReaderScaleTest}).
     */
    private void prune() {
      if (high == null) {
        return;
      }
      Instant windowFloor = high.minus(overlap);
      Instant floor = since.isBefore(windowFloor) ? since : windowFloor;
      while (!emissions.isEmpty() && emissions.peekFirst().getValue().isBefore(floor)) {
        Map.Entry<String, Instant> old = emissions.removeFirst();
        emitted.remove(old.getKey(), old.getValue());
      }
    }

    /** How many keys the read remembers (for tests: bounded by the overlap window and one page). */
    int remembered() {
      return emitted.size();
    }

    /** Keys emitted inside the overlap window before the high-water mark, newest kept (at most {@link #MAX_SEEN}). */
    private Map<String, Instant> window() {
      Instant floor = high.minus(overlap);
      TreeMap<String, Instant> out = new TreeMap<>();
      for (var it = emissions.descendingIterator(); it.hasNext() && out.size() < MAX_SEEN; ) {
        Map.Entry<String, Instant> e = it.next();
        // emissions are in stamp order except late commits read in the overlap: skip, never stop early
        if (!e.getValue().isBefore(floor) && e.getValue().equals(emitted.get(e.getKey()))) {
          out.putIfAbsent(e.getKey(), e.getValue());
        }
      }
      return out;
    }

    private List<Group> group(List<GpRow> rows) {
      List<Group> out = new ArrayList<>();
      Group current = null;
      for (GpRow row : rows) {
        String k = key.apply(row);
        Instant stamp = row.instant("DEX_ROW_TS");
        if (current != null && current.key().equals(k) && current.stamp().equals(stamp)) {
          current.rows().add(row);
        } else {
          current = new Group(k, stamp, new ArrayList<>(List.of(row)));
          out.add(current);
        }
      }
      return out;
    }

    @Override
    public void close() {
      buffer.clear();
      done = true;
    }
  }
}
