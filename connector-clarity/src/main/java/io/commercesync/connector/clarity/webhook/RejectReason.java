package io.commercesync.connector.clarity.webhook;

/**
 * Why a delivery was refused. Nothing of a refused delivery is processed.
 *
 * <pre>{@code
 * Verification v = verifier.verify(headers, body);
 * v.rejectReason().ifPresent(r -> System.out.println(r.description()));   // "bad signature"
 * }</pre>
 */
public enum RejectReason {
  /** A required header (id, timestamp, signature) is absent. */
  MISSING_HEADER("missing header"),
  /** A header is present but unreadable: a timestamp that is not Unix seconds, no {@code v1} signature. */
  MALFORMED_HEADER("malformed header"),
  /** The signing time is further from now than the tolerance: a replay or a badly skewed clock. */
  TIMESTAMP_OUTSIDE_TOLERANCE("timestamp outside tolerance"),
  /** No signature matches any configured secret: a forged, altered or wrongly keyed delivery. */
  BAD_SIGNATURE("bad signature"),
  /** The signed body is not a webhook envelope (not JSON, no id or type, ids disagree). */
  MALFORMED_BODY("malformed body"),
  /** The body is larger than the receiver accepts. */
  BODY_TOO_LARGE("body too large");

  private final String description;

  RejectReason(String description) {
    this.description = description;
  }

  /** The reason in words, e.g. {@code bad signature}: what {@code commercesync webhook verify} prints. */
  public String description() {
    return description;
  }
}
