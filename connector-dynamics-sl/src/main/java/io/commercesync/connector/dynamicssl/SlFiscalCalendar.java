package io.commercesync.connector.dynamicssl;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How a date becomes SL's posting period {@code PerPost} (char(6), {@code YYYYPP}: fiscal year and
 * period number). SL's period count ({@code GLSetup.NbrPer}) and fiscal year are configured per
 * installation, so period {@code 04} is not necessarily April (reference §5 pitfall 5): configure the
 * calendar your GL setup uses.
 *
 * <pre>{@code
 * SlFiscalCalendar.calendarYear();                       // 2024-05-14 → 202405
 * SlFiscalCalendar.monthly(Month.JULY);                  // FY named by the year it ends in: 2024-05-14 → 202411
 * SlFiscalCalendar.periods(Map.of(LocalDate.of(2024, 1, 1), "202401",
 *                                 LocalDate.of(2024, 1, 29), "202402"));   // 13-period / 4-4-5 calendars
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SlFiscalCalendar {

  private static final Pattern PER_POST = Pattern.compile("\\d{4}(0[1-9]|1[0-3])");

  private final Month firstMonth;
  private final NavigableMap<LocalDate, String> starts;

  private SlFiscalCalendar(Month firstMonth, NavigableMap<LocalDate, String> starts) {
    this.firstMonth = firstMonth;
    this.starts = starts;
  }

  /** Twelve monthly periods, fiscal year = calendar year. */
  public static SlFiscalCalendar calendarYear() {
    return new SlFiscalCalendar(Month.JANUARY, null);
  }

  /**
   * Twelve monthly periods in a fiscal year starting in {@code firstMonth}; the fiscal year is named
   * after the calendar year in which it ends (FY2025 runs July 2024 – June 2025).
   */
  public static SlFiscalCalendar monthly(Month firstMonth) {
    return new SlFiscalCalendar(Objects.requireNonNull(firstMonth, "firstMonth"), null);
  }

  /**
   * Explicit periods: each entry is the first day of a period and its {@code PerPost}. A date belongs
   * to the period that starts on or before it; dates before the first period are refused.
   *
   * @throws ConfigurationException if empty or a value is not {@code YYYYPP} with PP 01..13
   */
  public static SlFiscalCalendar periods(Map<LocalDate, String> periodStarts) {
    if (periodStarts == null || periodStarts.isEmpty()) {
      throw ConfigurationException.of(SystemId.DYNAMICS_SL, "fiscalCalendar.periods", "must not be empty");
    }
    NavigableMap<LocalDate, String> copy = new TreeMap<>();
    periodStarts.forEach((start, perPost) -> {
      if (perPost == null || !PER_POST.matcher(perPost).matches()) {
        throw ConfigurationException.of(SystemId.DYNAMICS_SL, "fiscalCalendar.periods",
            "PerPost must be YYYYPP with PP 01..13 (was " + perPost + " for " + start + ")");
      }
      copy.put(Objects.requireNonNull(start, "period start"), perPost);
    });
    return new SlFiscalCalendar(null, copy);
  }

  /**
   * The {@code PerPost} for {@code date}.
   *
   * @throws IllegalArgumentException if an explicit calendar has no period for the date
   */
  public String perPost(LocalDate date) {
    Objects.requireNonNull(date, "date");
    if (starts != null) {
      Map.Entry<LocalDate, String> entry = starts.floorEntry(date);
      if (entry == null) {
        throw new IllegalArgumentException("no SL fiscal period configured for " + date
            + " (first period starts " + starts.firstKey() + ")");
      }
      return entry.getValue();
    }
    int offset = date.getMonthValue() - firstMonth.getValue();
    int period = Math.floorMod(offset, 12) + 1;
    int year = date.getYear();
    if (firstMonth != Month.JANUARY && date.getMonthValue() >= firstMonth.getValue()) {
      year++;
    }
    return String.format("%04d%02d", year, period);
  }

  @Override
  public String toString() {
    return starts != null ? "SlFiscalCalendar[" + starts.size() + " explicit periods]"
        : "SlFiscalCalendar[monthly from " + firstMonth + "]";
  }
}
