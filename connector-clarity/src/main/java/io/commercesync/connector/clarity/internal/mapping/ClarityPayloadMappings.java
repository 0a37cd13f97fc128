package io.commercesync.connector.clarity.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.clarity.ClarityDialect;
import io.commercesync.connector.clarity.ClarityStatusMapping;
import io.commercesync.connector.clarity.internal.dto.cef.CefAccount;
import io.commercesync.connector.clarity.internal.dto.cef.CefInventoryRow;
import io.commercesync.connector.clarity.internal.dto.cef.CefProduct;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesOrder;
import io.commercesync.connector.clarity.internal.dto.v1.V1Customer;
import io.commercesync.connector.clarity.internal.dto.v1.V1InventoryLevels;
import io.commercesync.connector.clarity.internal.dto.v1.V1Order;
import io.commercesync.connector.clarity.internal.dto.v1.V1Product;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.mapping.PayloadMapping;
import io.commercesync.core.mapping.PayloadMappingProvider;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.CatalogUpdate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Clarity's conversions for {@code commercesync map}: {@code --from clarity} for {@code order},
 * {@code customer} and {@code product}; {@code --to clarity} for {@code product} (the partial PATCH of
 * ERP-owned fields), {@code inventory} and {@code shipment}.
 *
 * <p>Options: {@code dialect} ({@code native} or {@code v1}; reading detects it when absent — PascalCase
 * {@code ID}/{@code CustomKey} means native — and writing defaults to {@code v1}), {@code currency}
 * (the store currency for native records, default {@code USD}), {@code erpSystem} (e.g.
 * {@code dynamics-sl}: {@code CustomKey}/{@code externalId} become refs of that system),
 * {@code fields} (catalog fields for {@code --to clarity --entity product}, comma-separated; default
 * {@code NAME,UNIT_OF_MEASURE,WEIGHT,STATUS,TAX_CLASS,PRICE}), {@code weightUnit} (default {@code lb}).
 * A webhook envelope ({@code { id, type, data { order } }}) is unwrapped.
 */
public final class ClarityPayloadMappings implements PayloadMappingProvider {

  private static final Set<CatalogField> ERP_OWNED = EnumSet.of(CatalogField.NAME, CatalogField.UNIT_OF_MEASURE,
      CatalogField.WEIGHT, CatalogField.STATUS, CatalogField.TAX_CLASS, CatalogField.PRICE);

  @Override
  public List<PayloadMapping> mappings() {
    return List.of(
        new PayloadMapping("clarity", "canonical", "order",
            "Clarity sales order (native SalesOrderModel or v1 order, or a webhook envelope) to a canonical Order",
            this::orderToCanonical),
        new PayloadMapping("clarity", "canonical", "customer",
            "Clarity account with contacts (native) or v1 customer to a canonical Customer",
            this::customerToCanonical),
        new PayloadMapping("clarity", "canonical", "product",
            "Clarity product (native ProductModel or v1 product) to a canonical Item",
            this::productToCanonical),
        new PayloadMapping("canonical", "clarity", "product",
            "canonical Item to the partial Clarity product update (ERP-owned fields only)",
            this::productToClarity),
        new PayloadMapping("canonical", "clarity", "inventory",
            "canonical InventoryLevel to Clarity stock per location (v1 inventory/levels or native PILS rows)",
            this::inventoryToClarity),
        new PayloadMapping("canonical", "clarity", "shipment",
            "canonical Shipment to a Clarity shipment with tracking (v1 request or native ShipmentModel)",
            this::shipmentToClarity));
  }

  private String orderToCanonical(byte[] input, Map<String, String> options) {
    MappingSettings settings = settings(options);
    JsonNode tree = unwrap(tree(input, "order"), "order");
    if (dialect(options, tree) == ClarityDialect.NATIVE) {
      CefSalesOrder order = ClarityCodecs.CEF.read(bytes(tree), CefSalesOrder.class, "order");
      return CanonicalJson.writePretty(new CefOrderAssembler(settings).order(order));
    }
    V1Order order = ClarityCodecs.V1.read(bytes(tree), V1Order.class, "order");
    return CanonicalJson.writePretty(new V1OrderAssembler(settings).order(order));
  }

  private String customerToCanonical(byte[] input, Map<String, String> options) {
    MappingSettings settings = settings(options);
    JsonNode tree = unwrap(tree(input, "customer"), "customer");
    if (dialect(options, tree) == ClarityDialect.NATIVE) {
      CefAccount account = ClarityCodecs.CEF.read(bytes(tree), CefAccount.class, "customer");
      return CanonicalJson.writePretty(new CefCustomerAssembler(settings).customer(account));
    }
    V1Customer customer = ClarityCodecs.V1.read(bytes(tree), V1Customer.class, "customer");
    return CanonicalJson.writePretty(relabel("customer", customer.customerId(),
        () -> V1Mapper.INSTANCE.customer(customer, settings.erpSystem())));
  }

  private String productToCanonical(byte[] input, Map<String, String> options) {
    MappingSettings settings = settings(options);
    JsonNode tree = unwrap(tree(input, "product"), "product");
    if (dialect(options, tree) == ClarityDialect.NATIVE) {
      CefProduct product = ClarityCodecs.CEF.read(bytes(tree), CefProduct.class, "product");
      return CanonicalJson.writePretty(relabel("product", product.customKey,
          () -> CefMapper.INSTANCE.item(product, settings.defaultCurrency())));
    }
    V1Product product = ClarityCodecs.V1.read(bytes(tree), V1Product.class, "product");
    return CanonicalJson.writePretty(relabel("product", product.sku(), () -> V1Mapper.INSTANCE.item(product)));
  }

  private String productToClarity(byte[] input, Map<String, String> options) {
    Item item = CanonicalJson.read(input, Item.class);
    CatalogUpdate update = new CatalogUpdate(item, fields(options), item.attributes().keySet(), "all", false, null);
    if (writeDialect(options) == ClarityDialect.NATIVE) {
      CefProduct product = new CefProduct();
      product.customKey = item.sku();
      ProductPatches.applyCef(product, update, false);
      return ClarityCodecs.CEF.writePretty(product);
    }
    return ClarityCodecs.V1.writePretty(ProductPatches.v1(update, options.getOrDefault("weightUnit", "lb"), false));
  }

  private String inventoryToClarity(byte[] input, Map<String, String> options) {
    InventoryLevel level = CanonicalJson.read(input, InventoryLevel.class);
    if (writeDialect(options) == ClarityDialect.NATIVE) {
      return ClarityCodecs.CEF.writePretty(List.of(new CefInventoryRow(null, null, true, null, level.sku(), null,
          level.location(), level.available(), null, null, null)));
    }
    return ClarityCodecs.V1.writePretty(new V1InventoryLevels("absolute", options.getOrDefault("source", "commercesync"),
        level.asOf(), List.of(V1WriteMapper.INSTANCE.level(level))));
  }

  private String shipmentToClarity(byte[] input, Map<String, String> options) {
    Shipment shipment = CanonicalJson.read(input, Shipment.class);
    String external = shipment.refs().stream().filter(r -> !SystemId.CLARITY.equals(r.system()))
        .map(r -> r.id()).findFirst().orElse(null);
    ClarityLimits limits = ClarityLimits.check("shipment", external);
    for (int i = 0; i < shipment.trackingNumbers().size(); i++) {
      limits.max("trackingNumbers[" + i + "]", shipment.trackingNumbers().get(i), ClarityLimits.TRACKING_NUMBER);
    }
    limits.max("externalShipmentId", external, ClarityLimits.CUSTOM_KEY).throwIfAny();
    if (writeDialect(options) == ClarityDialect.NATIVE) {
      return ClarityCodecs.CEF.writePretty(CefWriteMapper.INSTANCE.shipment(shipment, external, List.of()));
    }
    return ClarityCodecs.V1.writePretty(V1WriteMapper.INSTANCE.shipment(shipment, external, true));
  }

  static MappingSettings settings(Map<String, String> options) {
    ClarityDialect dialect = options.containsKey("dialect") ? ClarityDialect.parse(options.get("dialect")) : null;
    String erp = options.get("erpSystem");
    return new MappingSettings(
        Money.currency(options.getOrDefault("currency", "USD")),
        dialect == null ? mergedDefaults() : ClarityStatusMapping.defaults(dialect),
        null,
        erp == null ? null : SystemId.of(erp));
  }

  /** Native and v1 keys together, for reading a payload whose dialect was detected. */
  private static ClarityStatusMapping mergedDefaults() {
    ClarityStatusMapping.Builder b = ClarityStatusMapping.nativeDefaults().toBuilder();
    ClarityStatusMapping.v1Defaults().inboundEntries().forEach(b::inbound);
    return b.build();
  }

  private static Set<CatalogField> fields(Map<String, String> options) {
    String value = options.get("fields");
    if (value == null || value.isBlank()) {
      return ERP_OWNED;
    }
    Set<CatalogField> out = EnumSet.noneOf(CatalogField.class);
    for (String name : value.split(",")) {
      try {
        out.add(CatalogField.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ConfigurationException.of(SystemId.CLARITY, "fields",
            "unknown catalog field " + name.trim() + "; one of " + EnumSet.allOf(CatalogField.class));
      }
    }
    return out;
  }

  private static ClarityDialect dialect(Map<String, String> options, JsonNode tree) {
    if (options.containsKey("dialect")) {
      return ClarityDialect.parse(options.get("dialect"));
    }
    return tree.has("ID") || tree.has("CustomKey") || tree.has("SalesItems") ? ClarityDialect.NATIVE : ClarityDialect.V1;
  }

  private static ClarityDialect writeDialect(Map<String, String> options) {
    return options.containsKey("dialect") ? ClarityDialect.parse(options.get("dialect")) : ClarityDialect.V1;
  }

  private static JsonNode tree(byte[] input, String entity) {
    JsonNode tree = ClarityCodecs.V1.read(input, JsonNode.class, entity);
    if (tree == null || !tree.isObject()) {
      throw InvalidRecordException.of(SystemId.CLARITY, entity, null,
          FieldViolation.of("(document)", FieldViolation.RULE_TYPE, null, "must be a JSON object"));
    }
    return tree;
  }

  /** {@code { id, type, data { <entity> } }} → the resource; anything else unchanged. */
  private static JsonNode unwrap(JsonNode tree, String entity) {
    JsonNode data = tree.get("data");
    if (data != null && data.isObject() && tree.has("type") && data.has(entity)) {
      return data.get(entity);
    }
    return tree;
  }

  private static byte[] bytes(JsonNode tree) {
    return ClarityCodecs.V1.write(tree);
  }

  private static <T> T relabel(String entity, String key, java.util.function.Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (InvalidRecordException e) {
      if (SystemId.CANONICAL.equals(e.recordSystem())) {
        throw e.relabel(SystemId.CLARITY, entity, key, null);
      }
      throw e;
    }
  }

  /** For tests: the names of every mapping. */
  static List<String> labels() {
    List<String> out = new ArrayList<>();
    new ClarityPayloadMappings().mappings().forEach(m -> out.add(m.label()));
    return out;
  }
}
