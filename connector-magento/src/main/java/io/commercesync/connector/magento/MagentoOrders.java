package io.commercesync.connector.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.internal.dto.OrderDto;
import io.commercesync.connector.magento.internal.dto.StatusHistoryRequestDto;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.http.RecordShape;
import io.commercesync.connector.magento.internal.mapping.OrderMapper;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.SystemId;
import java.util.List;
import java.util.Optional;

/**
 * Sales orders: {@code GET /V1/orders/{id}}, {@code GET /V1/orders?searchCriteria}, status and comments
 * ({@code GET /V1/orders/{id}/statuses}, {@code POST /V1/orders/{id}/comments}), cancel, hold, unhold.
 * Every call names its store scope.
 *
 * <pre>{@code
 * StoreScope store = StoreScope.store("default");
 * Order order = client.orders().get(store, 1043);
 * try (MagentoPager changed = client.orders().changedSince(store, "2025-03-15 00:00:00", "0")) {
 *   changed.forEachRemaining(r -> sync(client.orders().decode(r)));
 * }
 * }</pre>
 */
public final class MagentoOrders {

  private final Core core;
  private final OrderMapper mapper = new OrderMapper();

  MagentoOrders(Core core) {
    this.core = core;
  }

  /** The order with {@code entity_id} {@code entityId}, as a canonical {@link Order}. */
  public Order get(StoreScope scope, long entityId) {
    return decode(record(scope, entityId));
  }

  /** The order with {@code entity_id} {@code entityId}, as Magento sent it. */
  public MagentoRecord record(StoreScope scope, long entityId) {
    JsonNode node = core.http.call("GET", MagentoHttp.path(scope, "orders", String.valueOf(entityId)), null, null,
        "order " + entityId, JsonNode.class, "order");
    return RecordShape.ORDER.toRecord(node, core.codec());
  }

  /** The order whose {@code increment_id} is {@code incrementId}, if any. */
  public Optional<MagentoRecord> byIncrementId(StoreScope scope, String incrementId) {
    try (MagentoPager pager = search(scope, SearchCriteria.builder()
        .where("increment_id", SearchCriteria.Condition.EQ, incrementId).pageSize(1).build())) {
      return pager.hasNext() ? Optional.of(pager.next()) : Optional.empty();
    }
  }

  /** A streaming search over {@code GET /V1/orders}. */
  public MagentoPager search(StoreScope scope, SearchCriteria criteria) {
    return core.search(scope, "orders", criteria, RecordShape.ORDER);
  }

  /**
   * Orders changed after {@code (updatedAt, afterEntityId)}, oldest first, by {@code updated_at} with an
   * {@code entity_id} tie-break (keyset paging: nothing skipped or doubled while orders change).
   *
   * @param updatedAt {@code YYYY-MM-DD HH:MM:SS} (UTC), or null for every order
   * @param afterEntityId only orders above this id at exactly {@code updatedAt}; {@code "0"} for all
   * @param extraFilters filter groups AND-ed to the window (e.g. a {@code store_id})
   */
  public MagentoPager changedSince(StoreScope scope, String updatedAt, String afterEntityId,
      List<List<SearchCriteria.Filter>> extraFilters) {
    return core.changedSince(scope, "orders", RecordShape.ORDER, updatedAt, afterEntityId, extraFilters);
  }

  /** {@link #changedSince(StoreScope, String, String, List)} without extra filters. */
  public MagentoPager changedSince(StoreScope scope, String updatedAt, String afterEntityId) {
    return changedSince(scope, updatedAt, afterEntityId, List.of());
  }

  /**
   * Decodes a record into a canonical {@link Order}.
   *
   * @throws io.commercesync.core.error.InvalidRecordException naming magento, the order's
   *     {@code increment_id} and the field
   */
  public Order decode(MagentoRecord record) {
    return mapper.toOrder(core.codec().read(record.json(), OrderDto.class, "order"));
  }

  /** {@code GET /V1/orders/{id}/statuses}: the order's current status code. */
  public String status(StoreScope scope, long entityId) {
    String key = "order " + entityId;
    JsonNode status = core.http.call("GET",
        MagentoHttp.path(scope, "orders", String.valueOf(entityId), "statuses"), null, null, key,
        JsonNode.class, "order status");
    return status.asText();
  }

  /** {@code POST /V1/orders/{id}/comments}: adds a status-history entry (and sets the status it names). */
  public void addComment(StoreScope scope, long entityId, OrderComment comment) {
    String key = "order " + entityId;
    StatusHistoryRequestDto body = new StatusHistoryRequestDto(new StatusHistoryRequestDto.Entry(
        comment.comment(), comment.notifyCustomer() ? 1 : 0, comment.visibleOnFront() ? 1 : 0, entityId,
        comment.status()));
    String path = MagentoHttp.path(scope, "orders", String.valueOf(entityId), "comments");
    requireTrue(core.http.call("POST", path, null, body, key, JsonNode.class, "comment result"), path, key,
        "the comment was not added");
  }

  /** {@code POST /V1/orders/{id}/cancel}; false (HTTP 200) when Magento cannot cancel it. */
  public boolean cancel(StoreScope scope, long entityId) {
    return action(scope, entityId, "cancel");
  }

  /** {@code POST /V1/orders/{id}/hold}. */
  public boolean hold(StoreScope scope, long entityId) {
    return action(scope, entityId, "hold");
  }

  /** {@code POST /V1/orders/{id}/unhold}. */
  public boolean unhold(StoreScope scope, long entityId) {
    return action(scope, entityId, "unhold");
  }

  private boolean action(StoreScope scope, long entityId, String action) {
    JsonNode result = core.http.call("POST",
        MagentoHttp.path(scope, "orders", String.valueOf(entityId), action), null, null, "order " + entityId,
        JsonNode.class, action + " result");
    return result.asBoolean(false);
  }

  static void requireTrue(JsonNode result, String path, String key, String what) {
    if (!result.asBoolean(false)) {
      throw RemoteSystemException.builder(SystemId.MAGENTO, "POST " + path).status(200).recordKey(key)
          .remoteMessage(what + " (Magento answered " + result + ")").retryable(false).build();
    }
  }
}
