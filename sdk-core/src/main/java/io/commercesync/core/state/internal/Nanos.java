package io.commercesync.core.state.internal;

import java.time.Instant;

/** Instants as nanoseconds since the epoch, the way the SQL stores keep them (exact, sortable). */
final class Nanos {

  private static final long PER_SECOND = 1_000_000_000L;

  private Nanos() {}

  /**
   * {@code t} in nanoseconds since the epoch.
   *
   * @throws IllegalArgumentException if {@code t} is outside 1677-09-21..2262-04-11
   */
  static long of(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), PER_SECOND), t.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("instant " + t + " is outside the range a state store keeps"
          + " (1677-09-21 to 2262-04-11)", e);
    }
  }

  /** {@code t} in nanoseconds, clamped into the range: for comparisons such as "failed before". */
  static long clamped(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), PER_SECOND), t.getNano());
    } catch (ArithmeticException e) {
      return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Instant toInstant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, PER_SECOND), Math.floorMod(nanos, PER_SECOND));
  }
}
