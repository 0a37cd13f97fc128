package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code product} of a partial {@code PUT /V1/products/{sku}} or {@code POST /V1/products}: every
 * field is optional and null fields are not written at all, so only what the caller names is sent.
 * {@code media_gallery_entries} stays null unless asked for ({@code []} would delete every image).
 */
public record ProductWriteDto(
    String sku,
    String name,
    Integer attributeSetId,
    BigDecimal price,
    Integer status,
    Integer visibility,
    String typeId,
    BigDecimal weight,
    Extension extensionAttributes,
    List<CustomAttributeDto> customAttributes,
    List<MediaGalleryEntryDto> mediaGalleryEntries) {

  /** {@code extension_attributes} of a product write. */
  public record Extension(List<Long> websiteIds) {}

  /** {@code {"product":{...},"saveOptions":true}}. */
  public record Request(ProductWriteDto product, @JsonProperty("saveOptions") Boolean saveOptions) {}
}
