package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * ProductInterface ({@code GET /V1/products/{sku}}): {@code status} 1 enabled / 2 disabled,
 * {@code visibility} 1–4, legacy stock in {@code extension_attributes.stock_item}.
 */
public record ProductDto(
    Long id,
    String sku,
    String name,
    Integer attributeSetId,
    BigDecimal price,
    Integer status,
    Integer visibility,
    String typeId,
    String createdAt,
    String updatedAt,
    BigDecimal weight,
    Extension extensionAttributes,
    List<JsonNode> productLinks,
    List<JsonNode> options,
    List<MediaGalleryEntryDto> mediaGalleryEntries,
    List<TierPrice> tierPrices,
    List<CustomAttributeDto> customAttributes) {

  /** {@code extension_attributes} of a product. */
  public record Extension(
      List<Long> websiteIds, List<CategoryLink> categoryLinks, StockItemDto stockItem) {}

  /** {@code {"position":0,"category_id":"14"}}. */
  public record CategoryLink(Integer position, String categoryId) {}

  /** {@code tier_prices[]} of the product entity. */
  public record TierPrice(Integer customerGroupId, BigDecimal qty, BigDecimal value) {}
}
