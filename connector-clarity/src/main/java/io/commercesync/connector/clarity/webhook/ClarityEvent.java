package io.commercesync.connector.clarity.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified, first-seen webhook delivery: which resource changed, never the resource's data. Read
 * the record through the API (see {@link WebhookTrigger}) to act on it.
 *
 * <pre>{@code
 * if (result instanceof WebhookResult.Accepted a && a.event().type() == ClarityEventType.ORDER_CREATED) {
 *   orderSource.fetch(a.event().resourceKey());     // read the order itself through the API
 * }
 * }</pre>
 *
 * @param id the event id ({@code X-Clarity-Webhook-Id}, {@code evt_…}), the same on every retry
 * @param type the topic
 * @param resourceKey the key to fetch by: the order number ({@code orderNumber}, native
 *     {@code CustomKey}), the product sku, the customer id
 * @param resourceId the resource's Clarity id ({@code orderId}, native {@code ID}), if given
 * @param createdAt when the event happened ({@code createdAt}), if given
 * @param signedAt when the delivery was signed ({@code X-Clarity-Timestamp})
 * @param deliveryAttempt the sender's attempt counter, 1 when absent
 * @param apiVersion the representation version ({@code v1}), if given
 */
public record ClarityEvent(
    String id,
    ClarityEventType type,
    String resourceKey,
    String resourceId,
    Instant createdAt,
    Instant signedAt,
    int deliveryAttempt,
    String apiVersion) {

  public ClarityEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(resourceKey, "resourceKey");
  }
}
