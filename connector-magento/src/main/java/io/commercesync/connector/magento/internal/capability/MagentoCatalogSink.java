package io.commercesync.connector.magento.internal.capability;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.BulkStatus;
import io.commercesync.connector.magento.BulkSubmission;
import io.commercesync.connector.magento.MagentoPager;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.ProductUpdate;
import io.commercesync.connector.magento.SearchCriteria;
import io.commercesync.connector.magento.StoreScope;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogSink;
import io.commercesync.core.spi.CatalogUpdate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Partial, scoped product writes ({@code PUT /rest/<scope>/V1/products/{sku}}): only the
 * {@link CatalogUpdate#fields()} and {@link CatalogUpdate#attributes()} named are sent, in
 * {@link CatalogUpdate#scope()} ({@code all} or a store code), never {@code media_gallery_entries}. A
 * product that does not exist is created globally (with {@code statusWhenCreated}) when allowed.
 *
 * <p>Batches of at least {@code catalogBulkFrom} products go through the async bulk API (reference §3):
 * one {@code GET /rest/all/V1/products?searchCriteria} per 300 skus tells which exist, then one
 * {@code PUT /rest/<scope>/async/bulk/V1/products/bySku} (updates) and one
 * {@code POST /rest/all/async/bulk/V1/products} (creations) of up to 5,000 operations each, polled on
 * {@code GET /V1/bulk/{uuid}/status} until no operation is open. Each product's outcome is its
 * operation's: complete → written; failed-not-retriable or rejected → that product fails with Magento's
 * message; failed-retriable or still open after {@code bulkTimeout} → pending (retried next run, the
 * write being absolute). Smaller batches use one synchronous call per product.
 *
 * <p>Field mapping: NAME → {@code name}, PRICE → {@code price}, WEIGHT → {@code weight}, STATUS →
 * {@code status} (ACTIVE 1, otherwise 2), TAX_CLASS → custom attribute {@code tax_class_id},
 * SHORT_DESCRIPTION → {@code short_description}, LONG_DESCRIPTION → {@code description},
 * UNIT_OF_MEASURE → custom attribute {@code unit_of_measure}.
 */
public final class MagentoCatalogSink implements CatalogSink, BatchSink<CatalogUpdate> {

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
    Optional<MagentoRecord> existing = s.client().products().find(StoreScope.ALL, update.item().sku());
    if (existing.isEmpty()) {
      if (!update.createIfMissing()) {
        throw missing(update);
      }
      s.client().products().create(StoreScope.ALL, creation(update, partial));
      return WriteResult.created(update.item().sku());
    }
    if (partial.isEmpty()) {
      return new WriteResult(update.item().sku(), WriteResult.Outcome.UNCHANGED);
    }
    s.client().products().update(scope(update), partial);
    return WriteResult.updated(update.item().sku());
  }

  /** The largest batch: one async bulk when bulk is on, else one product at a time. */
  @Override
  public int maxBatchSize() {
    return s.catalogBulkFrom() > 0 ? s.client().limits().maxAsyncEntities() : 1;
  }

  @Override
  public List<BatchOutcome> writeBatch(List<Keyed<CatalogUpdate>> records) {
    if (s.catalogBulkFrom() == 0 || records.size() < s.catalogBulkFrom()) {
      List<BatchOutcome> out = new ArrayList<>(records.size());
      for (Keyed<CatalogUpdate> r : records) {
        try {
          out.add(BatchOutcome.written(r.key(), write(r.record(), r.key())));
        } catch (CommerceSyncException e) {
          if (e.retryable()) {
            throw e;   // the whole batch is retried; writes are absolute, so repeating them is harmless
          }
          out.add(BatchOutcome.failed(r.key(), e));
        }
      }
      return out;
    }
    return bulk(records);
  }

  /** What the bulk path does with one record. */
  private enum Plan { UPDATE, CREATE, UNCHANGED, FAILED }

  private List<BatchOutcome> bulk(List<Keyed<CatalogUpdate>> records) {
    int n = records.size();
    Plan[] plans = new Plan[n];
    ProductUpdate[] bodies = new ProductUpdate[n];
    RuntimeException[] failures = new RuntimeException[n];
    for (int i = 0; i < n; i++) {
      try {
        bodies[i] = partial(records.get(i).record());
      } catch (InvalidRecordException e) {
        plans[i] = Plan.FAILED;
        failures[i] = e;
      }
    }
    Set<String> existing = existing(records.stream().map(r -> r.record().item().sku()).toList());
    // updates per scope, creations (always global), in record order
    Map<StoreScope, List<Integer>> updates = new LinkedHashMap<>();
    List<Integer> creations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (plans[i] == Plan.FAILED) {
        continue;
      }
      CatalogUpdate u = records.get(i).record();
      if (existing.contains(u.item().sku())) {
        if (bodies[i].isEmpty()) {
          plans[i] = Plan.UNCHANGED;
        } else {
          plans[i] = Plan.UPDATE;
          updates.computeIfAbsent(scope(u), k -> new ArrayList<>()).add(i);
        }
      } else if (u.createIfMissing()) {
        plans[i] = Plan.CREATE;
        bodies[i] = creation(u, bodies[i]);
        creations.add(i);
      } else {
        plans[i] = Plan.FAILED;
        failures[i] = missing(u);
      }
    }
    Map<Integer, BulkStatus.Operation> operations = new HashMap<>();
    Map<Integer, String> operationNames = new HashMap<>();
    for (Map.Entry<StoreScope, List<Integer>> e : updates.entrySet()) {
      List<BulkSubmission> sent = s.client().bulk().updateProducts(e.getKey(),
          e.getValue().stream().map(i -> bodies[i]).toList());
      collect(sent, e.getValue(), operations);
      e.getValue().forEach(i -> operationNames.put(i, "PUT " + e.getKey().bulkPrefix() + "/V1/products/bySku"));
    }
    if (!creations.isEmpty()) {
      List<BulkSubmission> sent = s.client().bulk().createProducts(StoreScope.ALL,
          creations.stream().map(i -> bodies[i]).toList());
      collect(sent, creations, operations);
      creations.forEach(i -> operationNames.put(i, "POST " + StoreScope.ALL.bulkPrefix() + "/V1/products"));
    }
    List<BatchOutcome> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Keyed<CatalogUpdate> r = records.get(i);
      String sku = r.record().item().sku();
      switch (plans[i]) {
        case FAILED -> out.add(BatchOutcome.failed(r.key(), failures[i]));
        case UNCHANGED -> out.add(BatchOutcome.written(r.key(), WriteResult.unchanged(sku)));
        default -> {
          BulkStatus.Operation op = operations.get(i);
          BulkStatus.OperationStatus status = op == null ? BulkStatus.OperationStatus.OPEN : op.status();
          if (status == BulkStatus.OperationStatus.COMPLETE) {
            out.add(BatchOutcome.written(r.key(), plans[i] == Plan.CREATE ? WriteResult.created(sku)
                : WriteResult.updated(sku)));
          } else {
            boolean retryable = status == BulkStatus.OperationStatus.OPEN
                || status == BulkStatus.OperationStatus.RETRIABLY_FAILED;
            String message = op == null || op.message() == null
                ? (status == BulkStatus.OperationStatus.OPEN ? "still queued after " + s.bulkTimeout()
                    + " (is the async.operations.all consumer running?)" : "operation " + status)
                : op.message();
            out.add(BatchOutcome.failed(r.key(), RemoteSystemException.builder(SystemId.MAGENTO, operationNames.get(i))
                .recordKey(sku).remoteCode(op == null || op.errorCode() == null ? status.name()
                    : String.valueOf(op.errorCode()))
                .remoteMessage(message).retryable(retryable).build()));
          }
        }
      }
    }
    return out;
  }

  /** Waits for each submission and files its operations under the records they were built from. */
  private void collect(List<BulkSubmission> sent, List<Integer> indexes, Map<Integer, BulkStatus.Operation> into) {
    int offset = 0;
    for (BulkSubmission submission : sent) {
      BulkStatus status = s.client().bulk().await(submission, s.bulkTimeout());
      for (BulkStatus.Operation op : status.operations()) {
        if (op.id() >= 0 && op.id() < submission.operations()) {
          into.put(indexes.get(offset + (int) op.id()), op);
        }
      }
      offset += submission.operations();
    }
  }

  /**
   * The skus among {@code skus} that Magento has: {@code GET /rest/all/V1/products} by {@code sku in (…)},
   * 300 per request; a sku containing a comma ({@code in} would split it) is looked up alone.
   */
  private Set<String> existing(List<String> skus) {
    Set<String> found = new HashSet<>();
    List<String> plain = new ArrayList<>();
    for (String sku : skus) {
      if (sku.indexOf(',') >= 0) {
        s.client().products().find(StoreScope.ALL, sku).ifPresent(r -> found.add(sku));
      } else {
        plain.add(sku);
      }
    }
    int page = s.client().limits().maxPageSize();
    for (int from = 0; from < plain.size(); from += page) {
      List<String> chunk = plain.subList(from, Math.min(plain.size(), from + page));
      try (MagentoPager pager = s.client().products().search(StoreScope.ALL, SearchCriteria.builder()
          .where("sku", SearchCriteria.Condition.IN, String.join(",", chunk)).pageSize(page).build())) {
        while (pager.hasNext()) {
          found.add(pager.next().key());
        }
      }
    }
    return found;
  }

  private static InvalidRecordException missing(CatalogUpdate update) {
    return InvalidRecordException.of(SystemId.MAGENTO, "product", update.item().sku(),
        FieldViolation.of("sku", FieldViolation.RULE_UNKNOWN_REFERENCE, update.item().sku(),
            "no such product in Magento, and createIfMissing is off"));
  }

  /** A new product: name (the sku when the ERP has none), price (0 when none), simple, the configured set. */
  private ProductUpdate creation(CatalogUpdate update, ProductUpdate partial) {
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
    return create.build();
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
