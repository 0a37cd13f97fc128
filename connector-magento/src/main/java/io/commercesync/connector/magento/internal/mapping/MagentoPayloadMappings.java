package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.ShipRequest;
import io.commercesync.connector.magento.SourceItem;
import io.commercesync.connector.magento.internal.capability.CatalogPayloads;
import io.commercesync.connector.magento.internal.dto.CustomerDto;
import io.commercesync.connector.magento.internal.dto.OrderDto;
import io.commercesync.connector.magento.internal.dto.ProductDto;
import io.commercesync.connector.magento.internal.dto.ProductWriteDto;
import io.commercesync.connector.magento.internal.dto.SourceItemsRequestDto;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.mapping.PayloadMapping;
import io.commercesync.core.mapping.PayloadMappingProvider;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CatalogField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Magento mappings behind {@code commercesync map}:
 *
 * <ul>
 *   <li>{@code --from magento --entity order|customer|product}: a Magento REST body → canonical JSON
 *       (product prices in {@code --option currency=EUR}, default USD);
 *   <li>{@code --from canonical --to magento --entity product}: a canonical item → the partial
 *       {@code PUT /V1/products/{sku}} body (fields {@code --option fields=price,weight,...}; by default the
 *       ERP-owned ones the item carries: price, weight, status, name; never descriptions or images);
 *   <li>{@code --entity inventory}: a canonical inventory level → the {@code POST /V1/inventory/source-items}
 *       body (the sellable quantity, floored at 0; {@code --option source=wh_austin} overrides the
 *       location);
 *   <li>{@code --entity shipment}: a canonical shipment → the {@code POST /V1/order/{id}/ship} body (every
 *       line needs its {@code orderLineId}, the Magento {@code order_item_id}).
 * </ul>
 */
public final class MagentoPayloadMappings implements PayloadMappingProvider {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  @Override
  public List<PayloadMapping> mappings() {
    return List.of(
        new PayloadMapping("magento", "canonical", "order",
            "a Magento order (GET /V1/orders/{id}) as a canonical Order",
            (in, o) -> CanonicalJson.writePretty(new OrderMapper().toOrder(JSON.read(in, OrderDto.class, "order")))),
        new PayloadMapping("magento", "canonical", "customer",
            "a Magento customer (GET /V1/customers/{id}) as a canonical Customer",
            (in, o) -> CanonicalJson.writePretty(customer(in))),
        new PayloadMapping("magento", "canonical", "product",
            "a Magento product (GET /V1/products/{sku}) as a canonical Item; --option currency=USD",
            (in, o) -> CanonicalJson.writePretty(ProductMapper.INSTANCE.toItem(
                JSON.read(in, ProductDto.class, "product"), Money.currency(o.getOrDefault("currency", "USD"))))),
        new PayloadMapping("canonical", "magento", "product",
            "a canonical Item as the partial PUT /V1/products/{sku} body; --option fields=price,weight",
            MagentoPayloadMappings::product),
        new PayloadMapping("canonical", "magento", "inventory",
            "a canonical InventoryLevel as the POST /V1/inventory/source-items body; --option source=code",
            MagentoPayloadMappings::inventory),
        new PayloadMapping("canonical", "magento", "shipment",
            "a canonical Shipment as the POST /V1/order/{id}/ship body; --option source=code",
            MagentoPayloadMappings::shipment));
  }

  private static io.commercesync.core.model.Customer customer(byte[] in) {
    CustomerDto dto = JSON.read(in, CustomerDto.class, "customer");
    try {
      return CustomerMapper.INSTANCE.toCustomer(dto);
    } catch (InvalidRecordException e) {
      throw e.relabel(SystemId.MAGENTO, "customer", dto.email(), null);
    }
  }

  private static String product(byte[] in, Map<String, String> options) {
    Item item = CanonicalJson.read(in, Item.class);
    Set<CatalogField> fields = new LinkedHashSet<>();
    if (options.containsKey("fields")) {
      for (String f : options.get("fields").split(",")) {
        try {
          fields.add(CatalogField.valueOf(f.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw InvalidRecordException.of(SystemId.MAGENTO, "product", item.sku(), FieldViolation.of("fields",
              FieldViolation.RULE_FORMAT, f, "must be one of " + Arrays.toString(CatalogField.values())));
        }
      }
    } else {
      // the ERP-owned fields the item carries; descriptions and images stay the storefront's
      if (item.basePrice() != null) {
        fields.add(CatalogField.PRICE);
      }
      if (item.weight() != null) {
        fields.add(CatalogField.WEIGHT);
      }
      if (item.name() != null) {
        fields.add(CatalogField.NAME);
      }
      fields.add(CatalogField.STATUS);
    }
    Set<String> attributes = options.containsKey("attributes")
        ? new LinkedHashSet<>(Arrays.asList(options.get("attributes").split(","))) : Set.of();
    ProductWriteDto body = WireMapper.INSTANCE.toDto(CatalogPayloads.partial(item, fields, attributes));
    return JSON.writePretty(new ProductWriteDto.Request(body, null));
  }

  private static String inventory(byte[] in, Map<String, String> options) {
    InventoryLevel level = CanonicalJson.read(in, InventoryLevel.class);
    String source = options.getOrDefault("source", level.location());
    SourceItem item = StockMapper.INSTANCE.toSourceItem(level, source);
    return JSON.writePretty(new SourceItemsRequestDto(List.of(WireMapper.INSTANCE.toDto(item))));
  }

  private static String shipment(byte[] in, Map<String, String> options) {
    Shipment shipment = CanonicalJson.read(in, Shipment.class);
    InvalidRecordException.Builder errors = InvalidRecordException.builder(SystemId.MAGENTO, "shipment")
        .recordId(shipment.orderNumber());
    List<ShipRequest.Line> lines = new ArrayList<>();
    for (int i = 0; i < shipment.lines().size(); i++) {
      ShipmentLine line = shipment.lines().get(i);
      if (line.orderLineId() == null || !line.orderLineId().matches("\\d{1,18}")) {
        errors.violation(FieldViolation.of("lines[" + i + "].orderLineId", FieldViolation.RULE_REQUIRED,
            line.orderLineId(), "must be the Magento order_item_id (a number) to ship the line"));
      } else {
        lines.add(new ShipRequest.Line(Long.parseLong(line.orderLineId()), line.quantity()));
      }
    }
    errors.throwIfAny();
    String carrier = shipment.carrier() == null ? null : shipment.carrier().toLowerCase(Locale.ROOT);
    String code = carrier != null && List.of("ups", "usps", "fedex", "dhl").contains(carrier) ? carrier : "custom";
    List<ShipRequest.Track> tracks = shipment.trackingNumbers().stream().map(t -> new ShipRequest.Track(t,
        shipment.service() != null ? shipment.service() : shipment.carrier() != null ? shipment.carrier() : "Carrier",
        code)).toList();
    String source = options.getOrDefault("source", shipment.location());
    ShipRequest request = new ShipRequest(lines, tracks, source, null, false,
        Boolean.parseBoolean(options.getOrDefault("notify", "true")));
    return JSON.writePretty(WireMapper.INSTANCE.toDto(request));
  }
}
