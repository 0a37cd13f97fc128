package io.commercesync.connector.magento.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.internal.dto.CustomAttributeDto;
import io.commercesync.connector.magento.internal.dto.ProductDto;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Magento product → canonical {@link Item}: {@code sku}, {@code name}, {@code weight}, {@code status}
 * (1 → ACTIVE, 2 → INACTIVE), {@code price} (in the store's base currency), {@code id} → the magento ref,
 * custom attribute {@code tax_class_id} → tax class, {@code short_description}/{@code description} →
 * descriptions, every other custom attribute → attributes (multi-value ones joined by commas).
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE)
public interface ProductMapper {

  ProductMapper INSTANCE = Mappers.getMapper(ProductMapper.class);

  @Mapping(target = "refs", source = "id", qualifiedByName = "productRefs")
  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "name", source = "name")
  @Mapping(target = "weight", source = "weight")
  @Mapping(target = "status", source = "status", qualifiedByName = "itemStatus")
  @Mapping(target = "basePrice", source = "price", qualifiedByName = "price")
  @Mapping(target = "taxClass", source = "product", qualifiedByName = "taxClass")
  @Mapping(target = "shortDescription", source = "product", qualifiedByName = "shortDescription")
  @Mapping(target = "longDescription", source = "product", qualifiedByName = "description")
  @Mapping(target = "attributes", source = "product", qualifiedByName = "attributes")
  @Mapping(target = "updatedAt", source = "updatedAt", qualifiedByName = "productInstant")
  @Mapping(target = "unitOfMeasure", ignore = true)
  Item toItem(ProductDto product, @Context Currency currency);

  @Named("productRefs")
  default List<ExternalRef> productRefs(Long id) {
    return id == null ? List.of() : List.of(ExternalRef.of(SystemId.MAGENTO, String.valueOf(id)));
  }

  @Named("itemStatus")
  default ItemStatus itemStatus(Integer status) {
    return status == null ? null : status == 1 ? ItemStatus.ACTIVE : ItemStatus.INACTIVE;
  }

  @Named("price")
  default Money price(BigDecimal price, @Context Currency currency) {
    return MagentoValues.moneyOrNull(price, currency);
  }

  @Named("productInstant")
  default java.time.Instant productInstant(String value) {
    return MagentoValues.instant(value, "product", null, "updated_at");
  }

  @Named("taxClass")
  default String taxClass(ProductDto product) {
    return attribute(product, "tax_class_id");
  }

  @Named("shortDescription")
  default String shortDescription(ProductDto product) {
    return attribute(product, "short_description");
  }

  @Named("description")
  default String description(ProductDto product) {
    return attribute(product, "description");
  }

  @Named("attributes")
  default Map<String, String> attributes(ProductDto product) {
    Map<String, String> out = new LinkedHashMap<>();
    if (product.customAttributes() == null) {
      return out;
    }
    for (CustomAttributeDto a : product.customAttributes()) {
      if (a == null || a.attributeCode() == null || a.value() == null || a.value().isNull()) {
        continue;
      }
      String code = a.attributeCode();
      if (code.equals("tax_class_id") || code.equals("description") || code.equals("short_description")) {
        continue;
      }
      out.put(code, text(a.value()));
    }
    return out;
  }

  private static String attribute(ProductDto product, String code) {
    if (product.customAttributes() == null) {
      return null;
    }
    for (CustomAttributeDto a : product.customAttributes()) {
      if (a != null && code.equals(a.attributeCode()) && a.value() != null && !a.value().isNull()) {
        return text(a.value());
      }
    }
    return null;
  }

  private static String text(JsonNode value) {
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(v.asText()));
      return String.join(",", parts);
    }
    return value.asText();
  }
}
