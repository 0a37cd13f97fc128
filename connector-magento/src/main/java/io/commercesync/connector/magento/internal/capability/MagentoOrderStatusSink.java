package io.commercesync.connector.magento.internal.capability;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.OrderComment;
import io.commercesync.connector.magento.internal.mapping.OrderStatuses;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.OrderStatusSink;
import io.commercesync.core.spi.OrderStatusUpdate;
import java.util.Optional;

/**
 * Order status changes: CANCELED → {@code POST /V1/orders/{id}/cancel} (a {@code false} answer is a
 * permanent error), ON_HOLD → {@code /hold}; every other status → {@code POST /V1/orders/{id}/comments}
 * with the status code always sent (omitting it nulls the status, #34180). {@link #lookup} reads the
 * order: already applied when it has that status and the comment (if any) is in its history.
 */
public final class MagentoOrderStatusSink implements OrderStatusSink {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  private final StorefrontSettings s;

  public MagentoOrderStatusSink(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  private MagentoRecord order(OrderStatusUpdate u) {
    if (u.orderId() != null) {
      return s.client().orders().record(s.store(), Long.parseLong(u.orderId()));
    }
    return s.client().orders().byIncrementId(s.store(), u.orderNumber()).orElseThrow(() ->
        InvalidRecordException.of(SystemId.MAGENTO, "order status", u.orderNumber(), FieldViolation.of(
            "orderNumber", FieldViolation.RULE_UNKNOWN_REFERENCE, u.orderNumber(),
            "no Magento order has this increment_id")));
  }

  static String code(OrderStatusUpdate u) {
    if (u.statusCode() != null) {
      return u.statusCode();
    }
    if (u.status() == OrderStatus.UNKNOWN) {
      throw InvalidRecordException.of(SystemId.MAGENTO, "order status", u.orderNumber(),
          FieldViolation.of("status", FieldViolation.RULE_FORMAT, "UNKNOWN", "needs a statusCode to set"));
    }
    return OrderStatuses.defaultStatusCode(u.status());
  }

  @Override
  public WriteResult write(OrderStatusUpdate update, IdempotencyKey key) {
    MagentoRecord order = order(update);
    long id = Long.parseLong(order.id());
    String code = code(update);
    if (update.status() == OrderStatus.CANCELED || update.status() == OrderStatus.ON_HOLD) {
      boolean done = update.status() == OrderStatus.CANCELED ? s.client().orders().cancel(s.store(), id)
          : s.client().orders().hold(s.store(), id);
      if (!done) {
        String state = JSON.read(order.json(), JsonNode.class, "order").path("state").asText();
        throw RemoteSystemException.builder(SystemId.MAGENTO, "POST /rest/" + s.store() + "/V1/orders/" + id
            + (update.status() == OrderStatus.CANCELED ? "/cancel" : "/hold"))
            .status(200).recordKey(update.orderNumber())
            .remoteMessage("Magento refused (answered false): the order is in state " + state).retryable(false).build();
      }
      if (update.comment() != null) {
        s.client().orders().addComment(s.store(), id, new OrderComment(update.comment(), code,
            update.notifyCustomer(), false));
      }
      return WriteResult.updated(order.id());
    }
    s.client().orders().addComment(s.store(), id, new OrderComment(update.comment(), code, update.notifyCustomer(),
        false));
    return WriteResult.updated(order.id());
  }

  @Override
  public Optional<WriteResult> lookup(OrderStatusUpdate update, IdempotencyKey key) {
    MagentoRecord order = order(update);
    JsonNode json = JSON.read(order.json(), JsonNode.class, "order");
    if (!code(update).equals(json.path("status").asText(null))) {
      return Optional.empty();
    }
    if (update.comment() != null) {
      boolean found = false;
      for (JsonNode h : json.path("status_histories")) {
        found |= update.comment().equals(h.path("comment").asText(null));
      }
      if (!found) {
        return Optional.empty();
      }
    }
    return Optional.of(WriteResult.alreadyApplied(order.id()));
  }
}
