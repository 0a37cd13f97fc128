package io.commercesync.connector.magento.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.core.codec.JsonCodec;

/**
 * Where an entity keeps its id, business key and change time, in its JSON ({@code jsonId}) and as a
 * searchCriteria field ({@code filterId}): orders {@code entity_id}/{@code increment_id}, customers
 * {@code id} (filtered as {@code entity_id}) / e-mail, products {@code sku}.
 */
public record RecordShape(String entity, String jsonId, String filterId, String key, String updated) {

  public static final RecordShape ORDER =
      new RecordShape("order", "entity_id", "entity_id", "increment_id", "updated_at");
  public static final RecordShape CUSTOMER =
      new RecordShape("customer", "id", "entity_id", "email", "updated_at");
  public static final RecordShape PRODUCT = new RecordShape("product", "sku", "sku", "sku", "updated_at");
  public static final RecordShape INVOICE =
      new RecordShape("invoice", "entity_id", "entity_id", "increment_id", "updated_at");
  public static final RecordShape SHIPMENT =
      new RecordShape("shipment", "entity_id", "entity_id", "increment_id", "updated_at");
  public static final RecordShape CREDIT_MEMO =
      new RecordShape("creditmemo", "entity_id", "entity_id", "increment_id", "updated_at");
  public static final RecordShape SOURCE_ITEM =
      new RecordShape("source item", "sku", "sku", "sku", "updated_at");

  /** The item's id, or null when it has none. */
  public String idOf(JsonNode item) {
    if (this == SOURCE_ITEM) {
      return item.path("sku").asText("") + "@" + item.path("source_code").asText("");
    }
    JsonNode id = item.get(jsonId);
    return id == null || id.isNull() ? null : id.asText();
  }

  /** The item as a {@link MagentoRecord}. */
  public MagentoRecord toRecord(JsonNode item, JsonCodec codec) {
    String id = idOf(item);
    if (id == null) {
      id = "?";
    }
    JsonNode k = item.get(key);
    String keyValue = k == null || k.isNull() || k.asText().isEmpty() ? id : k.asText();
    JsonNode u = item.get(updated);
    return new MagentoRecord(entity, id, keyValue, u == null || u.isNull() ? null : u.asText(),
        codec.write(item));
  }
}
