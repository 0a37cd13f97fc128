package io.commercesync.testkit.clarity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand: the simulator's "now" for token expiry, sessions, rate-limit windows,
 * webhook timestamps and {@code updatedAt}. Share one with the client under test so both agree (or
 * skew one on purpose). Thread-safe.
 *
 * <pre>{@code
 * SimClock clock = SimClock.at(Instant.parse("2024-05-14T15:43:00Z"));
 * clock.advance(Duration.ofMinutes(59));
 * }</pre>
 */
public final class SimClock extends Clock {

  private final AtomicReference<Instant> now;

  private SimClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock standing at {@code start}. */
  public static SimClock at(Instant start) {
    return new SimClock(start);
  }

  /** Moves the clock forward by {@code by}. */
  public SimClock advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
    return this;
  }

  /** Sets the clock to {@code to}. */
  public SimClock set(Instant to) {
    now.set(to);
    return this;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
