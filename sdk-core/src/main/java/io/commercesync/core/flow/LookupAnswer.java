package io.commercesync.core.flow;

import java.time.Instant;
import java.util.Objects;

/**
 * An answer from {@link LiveLookup}, and how fresh it is.
 *
 * @param value the answer
 * @param freshness live from the ERP, from the cache within its TTL, or stale (the ERP was slow or down)
 * @param asOf when the ERP produced it
 */
public record LookupAnswer<T>(T value, Freshness freshness, Instant asOf) {

  /** How fresh an answer is. */
  public enum Freshness {
    /** Asked of the ERP just now. */
    LIVE,
    /** From the cache, younger than the TTL. */
    CACHED,
    /** The last known value, older than the TTL: the ERP did not answer in time or is down. */
    STALE
  }

  public LookupAnswer {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(freshness, "freshness");
    Objects.requireNonNull(asOf, "asOf");
  }

  public boolean stale() {
    return freshness == Freshness.STALE;
  }
}
