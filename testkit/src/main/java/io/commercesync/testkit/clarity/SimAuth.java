package io.commercesync.testkit.clarity;

import io.commercesync.testkit.http.SimRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Credentials the simulator accepts: native users (credentials sessions in {@code X-ss-id}, HTTP Basic),
 * v1 OAuth clients (bearer tokens with a lifetime on the sim clock) and API keys.
 */
final class SimAuth {

  private final SimClock clock;
  private final Map<String, String> users;
  private final Map<String, String> clients;
  private final java.util.Set<String> apiKeys;
  private final Duration sessionLifetime;
  private final Duration tokenLifetime;
  private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger tokenGrants = new AtomicInteger();

  SimAuth(SimClock clock, Map<String, String> users, Map<String, String> clients, java.util.Set<String> apiKeys,
      Duration sessionLifetime, Duration tokenLifetime) {
    this.clock = clock;
    this.users = Map.copyOf(users);
    this.clients = Map.copyOf(clients);
    this.apiKeys = java.util.Set.copyOf(apiKeys);
    this.sessionLifetime = sessionLifetime;
    this.tokenLifetime = tokenLifetime;
  }

  /** A new session for a known user, or empty. */
  Optional<String> login(String user, String password) {
    if (user == null || password == null || !password.equals(users.get(user))) {
      return Optional.empty();
    }
    String id = "sess-" + issued.incrementAndGet();
    sessions.put(id, clock.instant().plus(sessionLifetime));
    logins.incrementAndGet();
    return Optional.of(id);
  }

  /** A new bearer token for a client authenticated by HTTP Basic, or empty. */
  Optional<String> grant(SimRequest request) {
    String[] basic = basic(request);
    if (basic == null || !basic[1].equals(clients.get(basic[0]))) {
      return Optional.empty();
    }
    String token = "tok_" + Integer.toHexString(0x5a5a0000 + issued.incrementAndGet());
    tokens.put(token, clock.instant().plus(tokenLifetime));
    tokenGrants.incrementAndGet();
    return Optional.of(token);
  }

  long tokenLifetimeSeconds() {
    return tokenLifetime.toSeconds();
  }

  boolean nativeAuthorized(SimRequest request) {
    String session = request.header("X-ss-id").orElse(null);
    if (session != null) {
      Instant until = sessions.get(session);
      return until != null && clock.instant().isBefore(until);
    }
    String[] basic = basic(request);
    return basic != null && basic[1].equals(users.get(basic[0]));
  }

  boolean v1Authorized(SimRequest request) {
    String auth = request.header("Authorization").orElse("");
    if (auth.startsWith("Bearer ")) {
      Instant until = tokens.get(auth.substring(7).trim());
      return until != null && clock.instant().isBefore(until);
    }
    return request.header("X-Api-Key").map(apiKeys::contains).orElse(false);
  }

  /** Ends every session and token now (a server restart, a key rotation). */
  void revokeAll() {
    sessions.clear();
    tokens.clear();
  }

  private static String[] basic(SimRequest request) {
    String auth = request.header("Authorization").orElse("");
    if (!auth.startsWith("Basic ")) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
