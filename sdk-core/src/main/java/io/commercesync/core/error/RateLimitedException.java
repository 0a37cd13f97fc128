package io.commercesync.core.error;

/**
 * The remote system throttled us (HTTP 429). Always retryable; {@link #retryAfter()} holds the wait it
 * asked for, when it gave one.
 */
public final class RateLimitedException extends RemoteSystemException {

  private static final long serialVersionUID = 1L;

  RateLimitedException(Builder builder) {
    super(builder);
  }
}
