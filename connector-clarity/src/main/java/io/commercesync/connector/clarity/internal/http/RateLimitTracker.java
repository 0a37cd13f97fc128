package io.commercesync.connector.clarity.internal.http;

import io.commercesync.connector.clarity.RateLimitStatus;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.model.SystemId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Remembers the last {@code X-RateLimit-*} headers (reference §4.6 [P]) and refuses a call without I/O
 * while the window is exhausted, with the wait until {@code X-RateLimit-Reset}.
 */
public final class RateLimitTracker {

  private final Clock clock;
  private final boolean enforce;
  private final AtomicReference<RateLimitStatus> last = new AtomicReference<>();

  public RateLimitTracker(Clock clock, boolean enforce) {
    this.clock = clock;
    this.enforce = enforce;
  }

  public Optional<RateLimitStatus> status() {
    return Optional.ofNullable(last.get());
  }

  /** Throws a {@code RateLimitedException} if the last answer said the window is used up. */
  public void beforeCall(String operation, String recordKey) {
    RateLimitStatus s = last.get();
    if (!enforce || s == null || s.remaining() > 0) {
      return;
    }
    Instant now = clock.instant();
    if (s.reset().isAfter(now)) {
      throw RemoteSystemException.builder(SystemId.CLARITY, operation).recordKey(recordKey)
          .remoteMessage("X-RateLimit-Remaining is 0 until " + s.reset() + "; not sent")
          .retryAfter(Duration.between(now, s.reset()))
          .buildRateLimited();
    }
  }

  public void record(HttpResult result) {
    Optional<Long> limit = number(result, "X-RateLimit-Limit");
    Optional<Long> remaining = number(result, "X-RateLimit-Remaining");
    Optional<Long> reset = number(result, "X-RateLimit-Reset");
    if (limit.isPresent() && remaining.isPresent() && reset.isPresent()) {
      last.set(new RateLimitStatus(limit.get(), remaining.get(), Instant.ofEpochSecond(reset.get())));
    }
  }

  private static Optional<Long> number(HttpResult result, String header) {
    try {
      return result.header(header).map(String::trim).map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
