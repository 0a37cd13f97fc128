package io.commercesync.connector.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.internal.http.WebhookSignature;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.state.ReceivedEvents;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point for Adobe Commerce webhooks about orders (e.g. {@code observer.sales_order_save_after},
 * {@code plugin.magento.sales.api.order_management.place}). Hand it the {@code
 * x-adobe-commerce-webhook-signature} header and the raw body; it verifies the signature (RSA-SHA256
 * over the base64 of the body, with the configured public key), de-duplicates deliveries (the same body
 * twice, or days later, is processed once), reads the order through the API (the webhook only says
 * "look") and tells you what to answer.
 *
 * <pre>{@code
 * MagentoOrderWebhook hook = storefront.orderWebhook();
 * MagentoOrderWebhook.Reply reply = hook.receive(request.header("x-adobe-commerce-webhook-signature"), body);
 * reply.order().ifPresent(pipeline::submit);
 * return response(reply.status(), reply.body());   // {"op":"success"} or {"op":"exception",...}
 * }</pre>
 *
 * <p>A bad or missing signature gets 401 and nothing is processed. Thread-safe.
 */
public final class MagentoOrderWebhook {

  private static final Logger LOG = LoggerFactory.getLogger(MagentoOrderWebhook.class);
  private static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  /** The channel under which deliveries are remembered in {@link ReceivedEvents}. */
  public static final String CHANNEL = "magento:webhook:orders";

  private final WebhookSignature signature;
  private final ReceivedEvents events;
  private final Function<String, Optional<RawRecord>> byNumber;
  private final Function<Long, Optional<RawRecord>> byId;
  private final Clock clock;

  MagentoOrderWebhook(String publicKeyPem, ReceivedEvents events, Function<String, Optional<RawRecord>> byNumber,
      Function<Long, Optional<RawRecord>> byId, Clock clock) {
    this.signature = WebhookSignature.fromPem(publicKeyPem);
    this.events = Objects.requireNonNull(events, "events");
    this.byNumber = byNumber;
    this.byId = byId;
    this.clock = clock;
  }

  /**
   * What to answer Adobe Commerce and what to process.
   *
   * @param status the HTTP status to answer (200, or 401 for a bad signature, 400 for a body that is not JSON)
   * @param body the JSON to answer ({@code {"op":"success"}} or {@code {"op":"exception","message":...}})
   * @param order the order to process (read through the API), when the delivery named one and is new
   * @param duplicate whether this delivery was received before (nothing to process)
   */
  public record Reply(int status, String body, Optional<RawRecord> order, boolean duplicate) {}

  /** Verifies only: whether {@code signatureHeader} signs {@code body}. */
  public boolean verify(String signatureHeader, byte[] body) {
    return signature.verify(signatureHeader, body);
  }

  /** Handles one delivery. Failures of the API read are thrown (answer 5xx so Commerce may retry). */
  public Reply receive(String signatureHeader, byte[] body) {
    Objects.requireNonNull(body, "body");
    if (!signature.verify(signatureHeader, body)) {
      LOG.debug("system=magento webhook=orders outcome=rejected reason=signature bytes={}", body.length);
      return new Reply(401, "{\"op\":\"exception\",\"message\":\"The signature is invalid.\"}", Optional.empty(),
          false);
    }
    JsonNode payload;
    try {
      payload = JSON.read(body, JsonNode.class, "webhook");
    } catch (InvalidRecordException e) {
      return new Reply(400, "{\"op\":\"exception\",\"message\":\"The body is not JSON.\"}", Optional.empty(), false);
    }
    JsonNode order = payload.path("data").path("order");
    if (order.isMissingNode()) {
      order = payload.path("order");
    }
    if (order.isMissingNode()) {
      order = payload.path("data").path("value");
    }
    if (order.isMissingNode()) {
      order = payload;
    }
    String number = order.path("increment_id").asText(null);
    long entityId = order.path("entity_id").asLong(0);
    if (number == null && entityId == 0) {
      // a "before" webhook about an order not saved yet: nothing to read, let Commerce go on
      return new Reply(200, "{\"op\":\"success\"}", Optional.empty(), false);
    }
    String eventId = sha256(body);
    Optional<RawRecord> record = entityId > 0 ? byId.apply(entityId) : byNumber.apply(number);
    boolean first = events.firstArrival(CHANNEL, eventId, clock.instant());
    LOG.debug("system=magento webhook=orders order={} first={}", number != null ? number : entityId, first);
    return new Reply(200, "{\"op\":\"success\"}", first ? record : Optional.empty(), !first);
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "MagentoOrderWebhook[" + CHANNEL + "]";
  }
}
