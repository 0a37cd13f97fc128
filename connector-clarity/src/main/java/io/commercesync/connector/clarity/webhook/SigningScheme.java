package io.commercesync.connector.clarity.webhook;

/**
 * How a delivery is signed: {@code WebhookVerifier.builder().scheme(SigningScheme.STANDARD_WEBHOOKS)}.
 *
 * <ul>
 *   <li>{@link #CLARITY_V1}: {@code v1=<lowercase hex HMAC-SHA256(key, timestamp + "." + rawBody)>},
 *       comma-separated values during rotation; the key is the UTF-8 bytes of the whole secret,
 *       {@code whsec_} prefix included (reference §4.5 [P]; samples/clarity/README.md). Stripe's
 *       {@code t.payload} scheme.
 *   <li>{@link #STANDARD_WEBHOOKS}: {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." +
 *       rawBody)>}, space-separated; a {@code whsec_} secret is base64-decoded to the key (Standard
 *       Webhooks spec, reference S6), the alternative §4.5 allows.
 * </ul>
 */
public enum SigningScheme {
  /** The proposal's {@code X-Clarity-Signature: v1=<hex>} scheme. */
  CLARITY_V1,
  /** {@code webhook-signature: v1,<base64>} over {@code id.timestamp.body}. */
  STANDARD_WEBHOOKS
}
