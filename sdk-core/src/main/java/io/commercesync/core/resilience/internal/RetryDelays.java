package io.commercesync.core.resilience.internal;

import io.commercesync.core.error.RateLimitedException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.resilience.RetrySettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The delay before retry number {@code attempt}: the system's {@code Retry-After} when it gave one
 * (capped at {@link RetrySettings#maxRetryAfter()}, never shortened by jitter), else exponential backoff
 * from {@link RetrySettings#baseDelay()} (or {@link RetrySettings#throttledBaseDelay()} after a 429)
 * capped at {@link RetrySettings#maxDelay()}, minus up to {@link RetrySettings#jitter()} of it at random.
 */
public final class RetryDelays {

  private final RetrySettings settings;
  private final DoubleSupplier random;

  public RetryDelays(RetrySettings settings, DoubleSupplier random) {
    this.settings = settings;
    this.random = random;
  }

  /** The delay after the {@code attempt}-th failed attempt (1-based) that failed with {@code cause}. */
  public Duration delay(int attempt, Throwable cause) {
    Optional<Duration> retryAfter = cause instanceof RemoteSystemException remote ? remote.retryAfter() : Optional.empty();
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get();
      return asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
    }
    Duration base = cause instanceof RateLimitedException ? settings.throttledBaseDelay() : settings.baseDelay();
    int exponent = Math.max(0, Math.min(attempt - 1, 30));
    long nanos = base.toNanos();
    long max = Math.max(settings.maxDelay().toNanos(), nanos);
    long delay = nanos;
    for (int i = 0; i < exponent && delay < max; i++) {
      delay = delay > max / 2 ? max : delay * 2;
    }
    delay = Math.min(delay, max);
    long jitter = (long) (delay * settings.jitter() * random.getAsDouble());
    return Duration.ofNanos(delay - jitter);
  }
}
