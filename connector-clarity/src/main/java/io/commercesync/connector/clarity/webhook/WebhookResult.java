package io.commercesync.connector.clarity.webhook;

/**
 * What the receiver made of one delivery, and the HTTP status to answer with: 200 for a new, a
 * duplicate or an ignored delivery (so the sender stops retrying), 401 for a bad signature or a
 * timestamp outside the window, 400 for a malformed one, 413 for a body too large.
 *
 * <pre>{@code
 * WebhookResult result = receiver.receive(headers, rawBody);
 * response.setStatus(result.httpStatus());
 * }</pre>
 */
public sealed interface WebhookResult
    permits WebhookResult.Accepted, WebhookResult.Duplicate, WebhookResult.Ignored, WebhookResult.Rejected {

  /** The status to answer the sender with. */
  int httpStatus();

  /** A verified delivery seen for the first time. */
  record Accepted(ClarityEvent event) implements WebhookResult {
    @Override
    public int httpStatus() {
      return 200;
    }
  }

  /** A verified delivery whose id was already received: acknowledged, not processed again. */
  record Duplicate(String eventId) implements WebhookResult {
    @Override
    public int httpStatus() {
      return 200;
    }
  }

  /** A verified delivery of a topic this receiver does not handle: acknowledged and dropped. */
  record Ignored(String eventId, String topic) implements WebhookResult {
    @Override
    public int httpStatus() {
      return 200;
    }
  }

  /** A refused delivery: nothing of it is processed. */
  record Rejected(RejectReason reason, String detail) implements WebhookResult {
    @Override
    public int httpStatus() {
      return switch (reason) {
        case BAD_SIGNATURE, TIMESTAMP_OUTSIDE_TOLERANCE -> 401;
        case BODY_TOO_LARGE -> 413;
        default -> 400;
      };
    }

    @Override
    public String toString() {
      return "Rejected[" + reason.description() + ": " + detail + "]";
    }
  }
}
