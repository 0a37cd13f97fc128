/**
 * Receiving Clarity webhooks, framework-neutral: headers and the raw body bytes in, a typed
 * {@link io.commercesync.connector.clarity.webhook.ClarityEvent} out.
 *
 * <p>Clarity's native platform has no outbound webhooks (reference clarity.md §2.6 [C, absence]); the
 * deliveries described here are the brief's [B] as specified by the proposal §4.5 [P]: topics
 * {@code order.created}, {@code order.updated}, {@code product.updated}, {@code customer.created},
 * {@code customer.updated}; {@code X-Clarity-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>}, several values during key rotation; a 300 s replay window; de-duplication by
 * {@code X-Clarity-Webhook-Id}. Header names and the signing scheme are configurable (Standard Webhooks
 * is built in), since deployments add webhooks as a module.
 *
 * <p>A webhook only says "look": {@link io.commercesync.connector.clarity.webhook.WebhookTrigger}
 * reads the record again through the API ({@code Source.fetch}), so a forged or stale body can never
 * inject data. Without webhooks, the {@code ModifiedSince}/{@code updatedSince} poller does the same job.
 */
package io.commercesync.connector.clarity.webhook;
