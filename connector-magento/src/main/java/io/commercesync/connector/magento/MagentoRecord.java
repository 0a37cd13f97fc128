package io.commercesync.connector.magento;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Magento entity exactly as Magento sent it (its JSON bytes), with the keys a caller needs without
 * parsing it: what a search streams and what a source hands to the pipeline as a raw record.
 *
 * <pre>{@code
 * try (MagentoPager orders = client.orders().search(StoreScope.store("default"), criteria)) {
 *   orders.forEachRemaining(r -> System.out.println(r.key() + " " + r.updatedAt()));
 * }
 * }</pre>
 *
 * @param entity what it is: {@code order}, {@code customer}, {@code product}, {@code creditmemo}…
 * @param id Magento's id ({@code entity_id}, customer {@code id}, product {@code sku}); never null
 * @param key the business key ({@code increment_id} for sales documents, e-mail for customers, sku for
 *     products); the id when there is none
 * @param updatedAt {@code updated_at} as Magento wrote it ({@code 2025-03-15 09:41:39}, UTC), or null
 * @param json the entity's JSON
 */
public record MagentoRecord(String entity, String id, String key, String updatedAt, byte[] json) {

  public MagentoRecord {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(json, "json");
    json = json.clone();
  }

  /** A copy of the JSON bytes. */
  @Override
  public byte[] json() {
    return json.clone();
  }

  /** The JSON as text. */
  public String jsonText() {
    return new String(json, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MagentoRecord that && entity.equals(that.entity) && id.equals(that.id)
        && key.equals(that.key) && Objects.equals(updatedAt, that.updatedAt)
        && Arrays.equals(json, that.json);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entity, id, key, updatedAt, Arrays.hashCode(json));
  }

  @Override
  public String toString() {
    return "MagentoRecord[" + entity + " " + key + " (id " + id + "), updated_at " + updatedAt + ", "
        + json.length + " bytes]";
  }
}
