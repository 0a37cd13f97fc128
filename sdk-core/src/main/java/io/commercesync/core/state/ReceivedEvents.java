package io.commercesync.core.state;

import java.time.Instant;

/**
 * The ids of events (webhook deliveries) already received, so the same delivery twice — or three days
 * later — is processed once.
 */
public interface ReceivedEvents {

  /**
   * Records that event {@code eventId} arrived on {@code channel} and returns true if this is its first
   * arrival, false if it was seen before. Atomic: of two concurrent calls for one id, exactly one gets
   * true.
   */
  boolean firstArrival(String channel, String eventId, Instant receivedAt);

  /** Forgets events received before {@code before}; returns how many. */
  int purge(Instant before);
}
