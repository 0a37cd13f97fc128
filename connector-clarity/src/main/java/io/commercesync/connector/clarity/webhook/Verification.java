package io.commercesync.connector.clarity.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of checking one delivery's signature and timestamp.
 *
 * <pre>{@code
 * Verification v = verifier.verify(headers, rawBody);
 * if (!v.valid()) { response.setStatus(401); }
 * }</pre>
 *
 * @param reason why it was refused, or null when valid
 * @param detail a sentence for the operator (never a secret or a signature value)
 * @param signedAt the delivery's timestamp, when it could be read
 */
public record Verification(RejectReason reason, String detail, Instant signedAt) {

  /** A valid delivery signed at {@code signedAt}. */
  public static Verification valid(Instant signedAt) {
    return new Verification(null, "valid", signedAt);
  }

  /** A refused delivery. */
  public static Verification rejected(RejectReason reason, String detail, Instant signedAt) {
    return new Verification(reason, detail, signedAt);
  }

  public boolean valid() {
    return reason == null;
  }

  /** The reason, when refused. */
  public Optional<RejectReason> rejectReason() {
    return Optional.ofNullable(reason);
  }

  /** {@code valid}, or the reason in words ({@code bad signature}). */
  @Override
  public String toString() {
    return valid() ? "valid" : reason.description() + (detail == null ? "" : ": " + detail);
  }
}
