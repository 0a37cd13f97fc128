package io.commercesync.connector.clarity.internal.source;

import io.commercesync.connector.clarity.internal.api.RawEntry;
import io.commercesync.connector.clarity.internal.api.RawPage;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads records changed since a cursor, by {@code ModifiedSince} (native) or {@code updatedSince} (v1).
 *
 * <p>The cursor is {@code <updatedAt>|<id>} of the last record. A read asks for everything changed at
 * or after {@code cursor − overlap} (timestamps are coarse and servers clocks drift; the pipeline
 * de-duplicates by key) and pages by <em>keyset</em>: after each page the filter moves to the page's
 * newest timestamp and paging restarts at page 1, so a record updated while the read runs moves to the
 * end instead of shifting an unread one out of reach (RELIABILITY scenario 8). Records already emitted
 * with the same timestamp are skipped. Pages whose records share one timestamp are walked by page number.
 *
 * <p>This needs the server to sort by the change timestamp (the request asks for it). If a page comes
 * back out of order, the read falls back to plain page numbers on a fixed filter and emits the start
 * cursor as every record's position, so a checkpoint can never pass a record not yet read; the last
 * record of such a read carries the newest timestamp seen, capped at the read's start.
 *
 * <p>{@link RecordStream#hasNext()} may throw the typed error of a failed page; calling it again fetches
 * the same page.
 */
public final class PollingSource<T> implements Source<T> {

  private static final Logger LOG = LoggerFactory.getLogger(PollingSource.class);
  /** A read stops after this many page fetches, whatever the server answers (never an endless loop). */
  static final int MAX_FETCHES = 100_000;

  private final String name;
  private final String entity;
  private final BiFunction<Instant, Integer, RawPage> pages;
  private final Function<String, Optional<RawEntry>> fetcher;
  private final Function<byte[], T> decoder;
  private final Duration overlap;
  private final Clock clock;

  public PollingSource(String name, String entity, BiFunction<Instant, Integer, RawPage> pages,
      Function<String, Optional<RawEntry>> fetcher, Function<byte[], T> decoder, Duration overlap, Clock clock) {
    this.name = name;
    this.entity = entity;
    this.pages = pages;
    this.fetcher = fetcher;
    this.decoder = decoder;
    this.overlap = overlap;
    this.clock = clock;
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public RecordStream read(Cursor from) {
    Position start = Position.parse(from);
    Instant since = start == null ? null : start.at().minus(overlap);
    return new KeysetStream(from, since, clock.instant());
  }

  @Override
  public T decode(RawRecord record) {
    return decoder.apply(record.payload());
  }

  @Override
  public Optional<RawRecord> fetch(String key) {
    return fetcher.apply(key).map(e -> RawRecord.json(e.key(),
        e.updatedAt() == null ? Cursor.START : new Position(e.updatedAt(), e.tie()).cursor(), entity, e.payload()));
  }

  /** A decoded cursor: the change time and id of a record. */
  record Position(Instant at, String tie) implements Comparable<Position> {

    static Position parse(Cursor cursor) {
      if (cursor == null || cursor.isStart()) {
        return null;
      }
      String v = cursor.value();
      int bar = v.lastIndexOf('|');
      try {
        return new Position(Instant.parse(bar < 0 ? v : v.substring(0, bar)), bar < 0 ? "" : v.substring(bar + 1));
      } catch (DateTimeParseException e) {
        throw ConfigurationException.of(SystemId.CLARITY, "cursor",
            "is not a Clarity cursor <instant>|<id> (was " + v + ")");
      }
    }

    Cursor cursor() {
      return Cursor.of(at + "|" + (tie == null ? "" : tie));
    }

    @Override
    public int compareTo(Position o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : tieOrder(tie, o.tie);
    }

    /** Numeric ids compare as numbers (CEF {@code ID}), others as text. */
    static int tieOrder(String a, String b) {
      String x = a == null ? "" : a;
      String y = b == null ? "" : b;
      if (!x.isEmpty() && !y.isEmpty() && x.chars().allMatch(Character::isDigit) && y.chars().allMatch(Character::isDigit)) {
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
      }
      return x.compareTo(y);
    }
  }

  private final class KeysetStream implements RecordStream {
    private final Cursor startCursor;
    private final Instant readStart;
    private final Deque<RawRecord> buffer = new ArrayDeque<>();
    private final Map<String, Instant> seen = new HashMap<>();
    private Instant since;
    private int page = 1;
    private boolean done;
    private boolean safeMode;
    private Instant newest;
    private int fetches;

    KeysetStream(Cursor startCursor, Instant since, Instant readStart) {
      this.startCursor = startCursor;
      this.since = since;
      this.readStart = readStart;
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && !done) {
        fetchPage();
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

    @Override
    public void close() {
      buffer.clear();
      done = true;
    }

    private void fetchPage() {
      if (++fetches > MAX_FETCHES) {
        LOG.warn("system=clarity source={} stopped after {} page fetches", name, MAX_FETCHES);
        done = true;
        return;
      }
      RawPage result = pages.apply(since, page);   // throws on failure; state unchanged, so a retry refetches
      List<RawEntry> entries = result.entries();
      if (entries.isEmpty()) {
        done = true;
        return;
      }
      if (!safeMode && !sorted(entries)) {
        safeMode = true;
        LOG.warn("system=clarity source={} the server does not sort by change time; reading by page number, "
            + "checkpoint held at {}", name, startCursor);
      }
      List<RawEntry> ordered = safeMode ? entries
          : entries.stream().sorted(Comparator.comparing((RawEntry e) -> position(e))).toList();
      Instant pageNewest = null;
      for (RawEntry e : ordered) {
        if (e.updatedAt() != null) {
          pageNewest = pageNewest == null || e.updatedAt().isAfter(pageNewest) ? e.updatedAt() : pageNewest;
          newest = newest == null || e.updatedAt().isAfter(newest) ? e.updatedAt() : newest;
        }
        if (seen.containsKey(e.key()) && Objects.equals(seen.get(e.key()), e.updatedAt())) {
          continue;
        }
        seen.put(e.key(), e.updatedAt());
        Cursor position = safeMode || e.updatedAt() == null ? startCursor : position(e).cursor();
        buffer.addLast(RawRecord.json(e.key(), position, entity, e.payload()));
      }
      if (page >= result.totalPages()) {
        done = true;
      } else if (!safeMode && pageNewest != null && (since == null || pageNewest.isAfter(since))) {
        since = pageNewest;
        page = 1;
      } else {
        page++;
      }
      if (done && safeMode && !buffer.isEmpty() && newest != null) {
        RawRecord last = buffer.removeLast();
        Instant capped = newest.isBefore(readStart) ? newest : readStart;
        buffer.addLast(new RawRecord(last.key(), new Position(capped, "").cursor(), last.entity(), last.payload(),
            last.contentType()));
      }
    }

    private Position position(RawEntry e) {
      return new Position(e.updatedAt() == null ? Instant.EPOCH : e.updatedAt(), e.tie());
    }

    private boolean sorted(List<RawEntry> entries) {
      for (int i = 1; i < entries.size(); i++) {
        RawEntry a = entries.get(i - 1);
        RawEntry b = entries.get(i);
        if (a.updatedAt() != null && b.updatedAt() != null && b.updatedAt().isBefore(a.updatedAt())) {
          return false;
        }
      }
      return true;
    }
  }
}
