package io.commercesync.connector.clarity.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.clarity.internal.dto.v1.V1WebhookEnvelope;
import io.commercesync.connector.clarity.internal.mapping.ClarityCodecs;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.state.ReceivedEvents;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Clarity webhooks, framework-neutral: give it the request headers and the raw body bytes,
 * get a {@link WebhookResult} (with the HTTP status to answer) and, for a new verified delivery, a typed
 * {@link ClarityEvent}.
 *
 * <p>In order: the signature and timestamp are verified on the raw bytes ({@link WebhookVerifier});
 * the envelope {@code { id, type, createdAt, apiVersion, data }} is read; the event id is recorded in
 * {@link ReceivedEvents} (persistent when the state store is), so the same delivery twice — or three
 * days later, re-signed — is accepted once. The event carries only references; read the record
 * through the API ({@link WebhookTrigger}).
 *
 * <pre>{@code
 * ClarityWebhookReceiver receiver = ClarityWebhookReceiver.builder()
 *     .verifier(WebhookVerifier.builder().secret(Secret.fromEnv("CLARITY_WEBHOOK_SECRET")).build())
 *     .receivedEvents(store.receivedEvents())
 *     .build();
 *
 * // any framework: a servlet, Spring, Javalin, the JDK HttpServer (JdkWebhookHandler)
 * WebhookResult result = receiver.receive(headers, rawBody);
 * response.setStatus(result.httpStatus());
 * if (result instanceof WebhookResult.Accepted accepted) {
 *   executor.execute(() -> trigger.onEvent(accepted.event()));   // answer fast, work later
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClarityWebhookReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(ClarityWebhookReceiver.class);

  /** The largest body accepted by default: 1 MiB (an order envelope is a few KB). */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private final WebhookVerifier verifier;
  private final ReceivedEvents received;
  private final String channel;
  private final int maxBodyBytes;

  private ClarityWebhookReceiver(Builder b) {
    this.verifier = b.verifier;
    this.received = b.received;
    this.channel = b.channel;
    this.maxBodyBytes = b.maxBodyBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  public WebhookVerifier verifier() {
    return verifier;
  }

  /** The largest body accepted, in bytes. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Handles one delivery.
   *
   * @param headers the request headers (names case-insensitive)
   * @param rawBody the body bytes exactly as received, before any parsing
   */
  public WebhookResult receive(Map<String, List<String>> headers, byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (rawBody.length > maxBodyBytes) {
      return reject(RejectReason.BODY_TOO_LARGE, rawBody.length + " bytes exceed " + maxBodyBytes);
    }
    Verification verification = verifier.verify(headers, rawBody);
    if (!verification.valid()) {
      return reject(verification.reason(), verification.detail());
    }
    Map<String, List<String>> h = WebhookVerifier.caseInsensitive(headers);
    WebhookHeaders names = verifier.headers();
    String headerId = WebhookVerifier.first(h, names.id());
    V1WebhookEnvelope envelope;
    try {
      envelope = ClarityCodecs.V1.read(rawBody, V1WebhookEnvelope.class, "webhook");
    } catch (InvalidRecordException e) {
      return reject(RejectReason.MALFORMED_BODY, e.violations().get(0).toString());
    }
    String id = envelope.id() != null ? envelope.id() : headerId;
    if (id == null || id.isBlank()) {
      return reject(RejectReason.MALFORMED_BODY, "no event id in " + names.id() + " or the body");
    }
    if (headerId != null && envelope.id() != null && !headerId.equals(envelope.id())) {
      return reject(RejectReason.MALFORMED_BODY, names.id() + " and the body id disagree");
    }
    String topic = envelope.type() != null ? envelope.type() : WebhookVerifier.first(h, names.event());
    String headerTopic = WebhookVerifier.first(h, names.event());
    if (topic == null) {
      return reject(RejectReason.MALFORMED_BODY, "no event type");
    }
    if (headerTopic != null && envelope.type() != null && !headerTopic.equals(envelope.type())) {
      return reject(RejectReason.MALFORMED_BODY, names.event() + " and the body type disagree");
    }
    var type = ClarityEventType.ofTopic(topic);
    if (type.isEmpty()) {
      LOG.debug("system=clarity webhook=ignored id={} topic={}", id, topic);
      return new WebhookResult.Ignored(id, topic);
    }
    JsonNode resource = envelope.data() == null ? null : envelope.data().get(type.get().resource());
    String key = resourceKey(type.get(), resource);
    if (key == null) {
      return reject(RejectReason.MALFORMED_BODY, "data." + type.get().resource() + " names no "
          + type.get().resource());
    }
    Instant createdAt;
    try {
      createdAt = envelope.createdAt() == null ? null : Instant.parse(envelope.createdAt());
    } catch (DateTimeParseException e) {
      return reject(RejectReason.MALFORMED_BODY, "createdAt must be an RFC 3339 UTC timestamp");
    }
    ClarityEvent event = new ClarityEvent(id, type.get(), key, resourceId(type.get(), resource), createdAt,
        verification.signedAt(), attempt(WebhookVerifier.first(h, names.deliveryAttempt())), envelope.apiVersion());
    if (received != null && !received.firstArrival(channel, id, verifier.clock().instant())) {
      LOG.debug("system=clarity webhook=duplicate id={} topic={}", id, topic);
      return new WebhookResult.Duplicate(id);
    }
    LOG.debug("system=clarity webhook=accepted id={} topic={} key={}", id, topic, key);
    return new WebhookResult.Accepted(event);
  }

  private static WebhookResult reject(RejectReason reason, String detail) {
    LOG.debug("system=clarity webhook=rejected reason={}", reason.description());
    return new WebhookResult.Rejected(reason, detail);
  }

  /** The key to fetch by: order number, sku or customer id (v1 names first, then native ones). */
  private static String resourceKey(ClarityEventType type, JsonNode r) {
    if (r == null || !r.isObject()) {
      return null;
    }
    return switch (type.resource()) {
      case "order" -> text(r, "orderNumber", "CustomKey", "orderId", "ID");
      case "product" -> text(r, "sku", "CustomKey", "productId", "ID");
      default -> text(r, "customerId", "ID", "externalId", "CustomKey");
    };
  }

  private static String resourceId(ClarityEventType type, JsonNode r) {
    return switch (type.resource()) {
      case "order" -> text(r, "orderId", "ID");
      case "product" -> text(r, "productId", "ID");
      default -> text(r, "customerId", "ID");
    };
  }

  private static String text(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null && (v.isTextual() || v.isNumber()) && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }

  private static int attempt(String value) {
    if (value == null) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** Builds a {@link ClarityWebhookReceiver}. Not thread-safe. */
  public static final class Builder {
    private WebhookVerifier verifier;
    private ReceivedEvents received;
    private String channel = "clarity-webhooks";
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

    private Builder() {}

    /** The signature and timestamp check; required. */
    public Builder verifier(WebhookVerifier verifier) {
      this.verifier = verifier;
      return this;
    }

    /**
     * Where received event ids are recorded for de-duplication ({@code StateStore.receivedEvents()});
     * required unless {@link #withoutDeduplication()} is called.
     */
    public Builder receivedEvents(ReceivedEvents received) {
      this.received = received;
      return this;
    }

    /** Explicitly turns de-duplication off (tests, or a listener that is idempotent by itself). */
    public Builder withoutDeduplication() {
      this.received = null;
      this.channel = null;
      return this;
    }

    /** The de-duplication channel in the store; default {@code clarity-webhooks}. */
    public Builder channel(String channel) {
      this.channel = channel;
      return this;
    }

    /** The largest body accepted; default 1 MiB. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    public ClarityWebhookReceiver build() {
      if (verifier == null) {
        throw ConfigurationException.of(SystemId.CLARITY, "webhook.verifier", "is required");
      }
      if (received == null && channel != null) {
        throw ConfigurationException.of(SystemId.CLARITY, "webhook.receivedEvents",
            "is required for de-duplication (or call withoutDeduplication())");
      }
      if (maxBodyBytes < 1) {
        throw ConfigurationException.of(SystemId.CLARITY, "webhook.maxBodyBytes", "must be >= 1 (was " + maxBodyBytes + ")");
      }
      return new ClarityWebhookReceiver(this);
    }
  }
}
