package io.commercesync.connector.dynamicssl.internal.jdbc;

import io.commercesync.core.pipeline.Cursor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Where a poll by {@code LUpd_DateTime} starts. SL stamps rows with the server's <em>local</em> time at
 * minute precision ({@code SMALLDATETIME}), so:
 *
 * <ul>
 *   <li>the cursor is kept in local time (what SL wrote), with the last key as a tie-break;
 *   <li>a poll re-reads an overlap before the cursor (rows stamped in the cursor's minute but committed
 *       after the last read, clock skew between writers);
 *   <li>when the zone's clocks went back between the cursor and now, local times repeat: a row written
 *       after the cursor can carry an earlier local time, by up to the size of the shift. The window is
 *       widened by every backward shift between the cursor and now, so such a row is not skipped.
 * </ul>
 */
public final class SlPollWindow {

  private SlPollWindow() {}

  /** A decoded cursor: the local change time and the key of the last record read. */
  public record Position(LocalDateTime changedAt, String key) {

    /** {@code 2024-11-03T01:50|0060/S001201}. */
    public Cursor toCursor() {
      return Cursor.of(changedAt.truncatedTo(ChronoUnit.MINUTES) + "|" + key);
    }

    /** The position of {@code cursor}, or null for the start. */
    public static Position of(Cursor cursor) {
      if (cursor == null || cursor.isStart()) {
        return null;
      }
      String v = cursor.value();
      int bar = v.indexOf('|');
      String time = bar < 0 ? v : v.substring(0, bar);
      try {
        return new Position(LocalDateTime.parse(time), bar < 0 ? "" : v.substring(bar + 1));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not an SL polling cursor: " + v, e);
      }
    }
  }

  /**
   * The local time a poll after {@code cursor} starts reading at: the cursor's time minus
   * {@code overlap}, minus every backward daylight-saving shift of {@code zone} between the cursor's
   * earliest instant and {@code now}.
   */
  public static LocalDateTime lowerBound(LocalDateTime cursor, Duration overlap, ZoneId zone, Instant now) {
    LocalDateTime lower = cursor.minus(overlap);
    ZoneRules rules = zone.getRules();
    Instant from = ZonedDateTime.ofLocal(cursor, zone, null).withEarlierOffsetAtOverlap().toInstant().minus(overlap);
    ZoneOffsetTransition t = rules.nextTransition(from.minusNanos(1));
    while (t != null && !t.getInstant().isAfter(now)) {
      if (t.isOverlap()) {
        lower = lower.minusSeconds(offsetSeconds(t.getOffsetBefore()) - offsetSeconds(t.getOffsetAfter()));
      }
      t = rules.nextTransition(t.getInstant());
    }
    return lower;
  }

  private static long offsetSeconds(ZoneOffset offset) {
    return offset.getTotalSeconds();
  }
}
