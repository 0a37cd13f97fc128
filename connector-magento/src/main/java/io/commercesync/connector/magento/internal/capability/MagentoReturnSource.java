package io.commercesync.connector.magento.internal.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.magento.MagentoPager;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.SearchCriteria;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.spi.ReturnSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Credit memos changed since a cursor ({@code GET /V1/creditmemos} by {@code updated_at}, entity-id
 * tie-break, overlap window). A credit memo carries only its order's {@code entity_id}, so the raw
 * record is an envelope {@code {"creditmemo": <as Magento sent it>, "order_increment_id": "000001043"}}
 * holding the order number looked up while reading; the key is the credit memo's {@code increment_id}.
 */
public final class MagentoReturnSource implements ReturnSource {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  private final StorefrontSettings s;

  public MagentoReturnSource(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  @Override
  public String name() {
    return "magento:" + s.store().code() + ":creditmemos";
  }

  @Override
  public RecordStream read(Cursor from) {
    CursorPosition start = CursorPosition.parse(from);
    if (start != null) {
      start = start.minus(s.overlap());
    }
    MagentoPager pager = s.client().sales().creditMemosChangedSince(s.store(),
        start == null ? null : start.updatedAt(), start == null ? "0" : start.id());
    Map<Long, String> numbers = new HashMap<>();
    return new PagerStream(pager, r -> envelope(r, numbers));
  }

  private RawRecord envelope(MagentoRecord memo, Map<Long, String> numbers) {
    JsonNode json = JSON.read(memo.json(), JsonNode.class, "creditmemo");
    long orderId = json.path("order_id").asLong();
    String number = numbers.computeIfAbsent(orderId,
        id -> s.client().orders().record(s.store(), id).key());
    ObjectNode env = JsonNodeFactory.instance.objectNode();
    env.set("creditmemo", json);
    env.put("order_increment_id", number);
    return RawRecord.json(memo.key(), CursorPosition.of(memo).cursor(), "creditmemo", JSON.write(env));
  }

  @Override
  public Return decode(RawRecord record) {
    JsonNode env = JSON.read(record.payload(), JsonNode.class, "creditmemo");
    MagentoRecord memo = new MagentoRecord("creditmemo", record.key(), record.key(), null,
        JSON.write(env.path("creditmemo")));
    return s.client().sales().decodeCreditMemo(memo, env.path("order_increment_id").asText(null));
  }

  /** The credit memo whose {@code increment_id} is {@code key}. */
  @Override
  public Optional<RawRecord> fetch(String key) {
    try (MagentoPager pager = s.client().sales().creditMemos(s.store(), SearchCriteria.builder()
        .where("increment_id", SearchCriteria.Condition.EQ, key).pageSize(1).build())) {
      return pager.hasNext() ? Optional.of(envelope(pager.next(), new HashMap<>())) : Optional.empty();
    }
  }
}
