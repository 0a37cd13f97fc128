package io.commercesync.testkit.fault;

import java.time.Duration;

/**
 * One injected failure, as a real system or the network between produces it.
 *
 * @param kind what goes wrong
 * @param delay extra latency before answering (for {@link Kind#LATENCY} and {@link Kind#SLOW_BODY}, the
 *     pause between body chunks)
 * @param retryAfter the {@code Retry-After} header value sent with a 429 or 503, or null for none
 */
public record Fault(Kind kind, Duration delay, String retryAfter) {

  /** What goes wrong. */
  public enum Kind {
    /** Nothing: the call is served normally. */
    NONE,
    /** The call is served normally, after {@link Fault#delay()}. */
    LATENCY,
    /** HTTP 429 with {@code Retry-After} in seconds or as an HTTP date (when {@link Fault#retryAfter()} is set) or without it. */
    RATE_LIMITED,
    /** HTTP 503 Service Unavailable. */
    UNAVAILABLE,
    /** The connection closes before any response. The request was <em>not</em> applied. */
    RESET_BEFORE,
    /** The request is applied, then the connection closes before the response: the lost-response case. */
    RESET_AFTER_COMMIT,
    /** HTTP 200 with a body that is not valid JSON/XML. The request was not applied. */
    MALFORMED_BODY,
    /** HTTP 200 whose body stops halfway (Content-Length promises more). The request was applied. */
    TRUNCATED_BODY,
    /** HTTP 200 whose body dribbles out, one chunk per {@link Fault#delay()}. The request was applied. */
    SLOW_BODY
  }

  public static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO, null);

  public Fault {
    delay = delay == null ? Duration.ZERO : delay;
  }

  public static Fault of(Kind kind) {
    return new Fault(kind, Duration.ZERO, null);
  }

  public static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, delay, null);
  }

  public static Fault rateLimited(String retryAfter) {
    return new Fault(Kind.RATE_LIMITED, Duration.ZERO, retryAfter);
  }

  public static Fault slowBody(Duration perChunk) {
    return new Fault(Kind.SLOW_BODY, perChunk, null);
  }

  /** Whether the simulator applies the request's effect despite the fault. */
  public boolean applies() {
    return switch (kind) {
      case NONE, LATENCY, RESET_AFTER_COMMIT, TRUNCATED_BODY, SLOW_BODY -> true;
      default -> false;
    };
  }
}
