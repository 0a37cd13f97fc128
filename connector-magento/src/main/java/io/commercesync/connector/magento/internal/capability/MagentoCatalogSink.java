package io.commercesync.connector.magento.internal.capability;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.ProductUpdate;
import io.commercesync.connector.magento.StoreScope;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * Partial, scoped product writes ({@code PUT /rest/<scope>/V1/products/{sku}}): only the
 * {@link CatalogUpdate#fields()} and {@link CatalogUpdate#attributes()} named are sent, in
 * {@link CatalogUpdate#scope()} ({@code all} or a store code), never {@code media_gallery_entries}. A
 * product that does not exist is created globally (with {@code statusWhenCreated}) when allowed.
 *
 * <p>Field mapping: NAME → {@code name}, PRICE → {@code price}, WEIGHT → {@code weight}, STATUS →
 * {@code status} (ACTIVE 1, otherwise 2), TAX_CLASS → custom attribute {@code tax_class_id},
 * SHORT_DESCRIPTION → {@code short_description}, LONG_DESCRIPTION → {@code description},
 * UNIT_OF_MEASURE → custom attribute {@code unit_of_measure}.
 */
public final class MagentoCatalogSink implements CatalogSink {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  private final StorefrontSettings s;

  public MagentoCatalogSink(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  @Override
  public WriteResult write(CatalogUpdate update, IdempotencyKey key) {
    ProductUpdate partial = partial(update);
    StoreScope scope = scope(update);
    Optional<MagentoRecord> existing = s.client().products().find(StoreScope.ALL, update.item().sku());
    if (existing.isEmpty()) {
      if (!update.createIfMissing()) {
        throw InvalidRecordException.of(SystemId.MAGENTO, "product", update.item().sku(),
            FieldViolation.of("sku", FieldViolation.RULE_UNKNOWN_REFERENCE, update.item().sku(),
                "no such product in Magento, and createIfMissing is off"));
      }
      Item item = update.item();
      ProductUpdate.Builder create = ProductUpdate.builder(item.sku())
          .name(item.name() != null ? item.name() : item.sku())
          .price(item.basePrice() != null ? item.basePrice().amount() : BigDecimal.ZERO)
          .typeId("simple").attributeSetId(s.attributeSetId())
          .status(update.statusWhenCreated() == ItemStatus.ACTIVE ? 1 : 2);
      if (item.weight() != null) {
        create.weight(item.weight());
      }
      partial.customAttributes().forEach(create::customAttribute);
      s.client().products().create(StoreScope.ALL, create.build());
      return WriteResult.created(item.sku());
    }
    if (partial.isEmpty()) {
      return new WriteResult(update.item().sku(), WriteResult.Outcome.UNCHANGED);
    }
    s.client().products().update(scope, partial);
    return WriteResult.updated(update.item().sku());
  }

  /** Already applied when the product, read in the update's scope, holds every value the update names. */
  @Override
  public Optional<WriteResult> lookup(CatalogUpdate update, IdempotencyKey key) {
    Optional<MagentoRecord> current = s.client().products().find(scope(update), update.item().sku());
    if (current.isEmpty()) {
      return Optional.empty();
    }
    JsonNode product = JSON.read(current.get().json(), JsonNode.class, "product");
    ProductUpdate wanted = partial(update);
    boolean same = eqText(wanted.name(), product.path("name"))
        && eqNumber(wanted.price(), product.path("price"))
        && eqNumber(wanted.weight(), product.path("weight"))
        && (wanted.status() == null || wanted.status() == product.path("status").asInt());
    for (Map.Entry<String, String> e : wanted.customAttributes().entrySet()) {
      same &= e.getValue().equals(customAttribute(product, e.getKey()));
    }
    return same ? Optional.of(WriteResult.alreadyApplied(update.item().sku())) : Optional.empty();
  }

  private static String customAttribute(JsonNode product, String code) {
    for (JsonNode a : product.path("custom_attributes")) {
      if (code.equals(a.path("attribute_code").asText())) {
        return a.path("value").asText();
      }
    }
    return null;
  }

  private static boolean eqText(String wanted, JsonNode actual) {
    return wanted == null || wanted.equals(actual.asText(null));
  }

  private static boolean eqNumber(BigDecimal wanted, JsonNode actual) {
    return wanted == null || (actual.isNumber() && wanted.compareTo(actual.decimalValue()) == 0);
  }

  private static StoreScope scope(CatalogUpdate update) {
    return update.scope().equals("all") ? StoreScope.ALL : StoreScope.store(update.scope());
  }

  /** The partial write the update names; a named field without a value is an invalid record. */
  static ProductUpdate partial(CatalogUpdate update) {
    Item item = update.item();
    InvalidRecordException.Builder errors = InvalidRecordException.builder(SystemId.MAGENTO, "product")
        .recordId(item.sku());
    ProductUpdate.Builder b = ProductUpdate.builder(item.sku());
    for (CatalogField field : update.fields()) {
      switch (field) {
        case NAME -> b.name(required(item.name(), "name", errors));
        case PRICE -> b.price(item.basePrice() == null ? required(null, "price", errors) : item.basePrice().amount());
        case WEIGHT -> b.weight(required(item.weight(), "weight", errors));
        case STATUS -> b.status(item.status() == ItemStatus.ACTIVE ? 1 : 2);
        case TAX_CLASS -> custom(b, "tax_class_id", item.taxClass(), errors);
        case SHORT_DESCRIPTION -> custom(b, "short_description", item.shortDescription(), errors);
        case LONG_DESCRIPTION -> custom(b, "description", item.longDescription(), errors);
        case UNIT_OF_MEASURE -> custom(b, "unit_of_measure", item.unitOfMeasure(), errors);
        default -> throw new IllegalStateException("unmapped catalog field " + field);
      }
    }
    for (String code : update.attributes()) {
      custom(b, code, item.attributes().get(code), errors);
    }
    errors.throwIfAny();
    return b.build();
  }

  private static void custom(ProductUpdate.Builder b, String code, String value, InvalidRecordException.Builder errors) {
    String v = required(value, code, errors);
    if (v != null) {
      b.customAttribute(code, v);
    }
  }

  private static <T> T required(T value, String field, InvalidRecordException.Builder errors) {
    if (value == null) {
      errors.violation(FieldViolation.of(field, FieldViolation.RULE_REQUIRED, null,
          "is named in the update's fields but the item has no value"));
    }
    return value;
  }
}
