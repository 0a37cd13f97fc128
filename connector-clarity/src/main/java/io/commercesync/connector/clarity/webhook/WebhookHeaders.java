package io.commercesync.connector.clarity.webhook;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;

/**
 * The header names a deployment uses. {@link #CLARITY} is the proposal's set (reference §4.5 [P]);
 * {@link #STANDARD_WEBHOOKS} the Standard Webhooks set (no topic header: the topic is read from the body).
 *
 * <pre>{@code
 * WebhookVerifier.builder().headers(new WebhookHeaders("X-Shop-Event-Id", "X-Shop-Topic",
 *     "X-Shop-Timestamp", "X-Shop-Signature", null))...
 * }</pre>
 *
 * @param id the delivery id header, the same on every retry ({@code X-Clarity-Webhook-Id})
 * @param event the topic header ({@code X-Clarity-Event}), or null when the topic is only in the body
 * @param timestamp the signing time header, Unix seconds ({@code X-Clarity-Timestamp})
 * @param signature the signature header ({@code X-Clarity-Signature})
 * @param deliveryAttempt the attempt counter header ({@code X-Clarity-Delivery-Attempt}), or null
 */
public record WebhookHeaders(String id, String event, String timestamp, String signature, String deliveryAttempt) {

  /** {@code X-Clarity-Webhook-Id}, {@code X-Clarity-Event}, {@code X-Clarity-Timestamp}, {@code X-Clarity-Signature}, {@code X-Clarity-Delivery-Attempt}. */
  public static final WebhookHeaders CLARITY = new WebhookHeaders("X-Clarity-Webhook-Id", "X-Clarity-Event",
      "X-Clarity-Timestamp", "X-Clarity-Signature", "X-Clarity-Delivery-Attempt");

  /** {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}. */
  public static final WebhookHeaders STANDARD_WEBHOOKS =
      new WebhookHeaders("webhook-id", null, "webhook-timestamp", "webhook-signature", null);

  public WebhookHeaders {
    if (id == null || id.isBlank() || timestamp == null || timestamp.isBlank()
        || signature == null || signature.isBlank()) {
      throw ConfigurationException.of(SystemId.CLARITY, "webhook.headers",
          "id, timestamp and signature header names are required");
    }
  }
}
