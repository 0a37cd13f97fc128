package io.commercesync.core.state;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * Short-lived claims on work, so that several instances of an application sharing one store never
 * process the same record at once, and a dead instance's claims expire on their own.
 *
 * <p>On PostgreSQL claims are taken with {@code SELECT … FOR UPDATE SKIP LOCKED}: of two instances
 * racing for the same resources, each gets a disjoint share and neither waits.
 */
public interface Leases {

  /**
   * Claims, for {@code owner} and {@code ttl}, those of {@code resources} in {@code scope} that are free,
   * expired, or already held by {@code owner} (renewing them), and returns exactly those now held.
   */
  Set<String> claim(String scope, Collection<String> resources, String owner, Duration ttl);

  /** Releases {@code owner}'s claims on {@code resources}; claims held by others are left alone. */
  void release(String scope, Collection<String> resources, String owner);
}
