package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.SourceItem;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.spi.StockUpdate;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Canonical stock → MSI source items: {@link StockUpdate} {@code sku}, {@code location} →
 * {@code source_code}, {@code quantity}, {@code inStock} → {@code status}; an {@link InventoryLevel}
 * publishes its sellable quantity ({@code available} floored at 0), in stock when above 0.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface StockMapper {

  StockMapper INSTANCE = Mappers.getMapper(StockMapper.class);

  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "sourceCode", source = "location")
  @Mapping(target = "quantity", source = "quantity")
  @Mapping(target = "inStock", source = "inStock")
  SourceItem toSourceItem(StockUpdate update);

  @Mapping(target = "sku", source = "level.sku")
  @Mapping(target = "sourceCode", source = "sourceCode")
  @Mapping(target = "quantity", expression = "java(level.sellable())")
  @Mapping(target = "inStock", expression = "java(level.sellable().signum() > 0)")
  SourceItem toSourceItem(InventoryLevel level, String sourceCode);
}
