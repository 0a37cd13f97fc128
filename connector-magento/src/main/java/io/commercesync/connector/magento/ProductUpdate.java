package io.commercesync.connector.magento;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A partial product write: only the attributes set here are sent, so what the storefront owns
 * (descriptions, images, SEO, category links, other custom attributes) is never touched. Sent with
 * {@code PUT /rest/<scope>/V1/products/{sku}} in the scope the caller names.
 *
 * <p>{@code media_gallery_entries} is never sent unless {@link Builder#mediaGallery} is called: an empty
 * list would delete every image in every store view (reference §8).
 *
 * <pre>{@code
 * ProductUpdate u = ProductUpdate.builder("CS-MUG-12OZ").price(new BigDecimal("15.50")).weight(new BigDecimal("0.9"))
 *     .customAttribute("erp_item_class", "MUGS").build();
 * client.products().update(StoreScope.ALL, u);
 * }</pre>
 *
 * @param sku the sku
 * @param name {@code name}, or null to leave it
 * @param price {@code price}, or null
 * @param weight {@code weight}, or null
 * @param status {@code status} 1 enabled / 2 disabled, or null
 * @param visibility {@code visibility} 1–4, or null
 * @param typeId {@code type_id}, for creation only, or null
 * @param attributeSetId {@code attribute_set_id}, for creation only, or null
 * @param websiteIds {@code extension_attributes.website_ids}, or null
 * @param customAttributes {@code custom_attributes} to set, by {@code attribute_code}
 * @param mediaGallery {@code media_gallery_entries} to send, or null (the default: never sent)
 */
public record ProductUpdate(
    String sku,
    String name,
    BigDecimal price,
    BigDecimal weight,
    Integer status,
    Integer visibility,
    String typeId,
    Integer attributeSetId,
    List<Long> websiteIds,
    Map<String, String> customAttributes,
    List<MediaEntry> mediaGallery) {

  public ProductUpdate {
    if (sku == null || sku.isBlank()) {
      throw ConfigurationException.of(SystemId.MAGENTO, "product.sku", "is required");
    }
    customAttributes = customAttributes == null ? Map.of() : Map.copyOf(customAttributes);
    websiteIds = websiteIds == null ? null : List.copyOf(websiteIds);
    mediaGallery = mediaGallery == null ? null : List.copyOf(mediaGallery);
  }

  public static Builder builder(String sku) {
    return new Builder(sku);
  }

  /** Whether the update names nothing but the sku. */
  public boolean isEmpty() {
    return name == null && price == null && weight == null && status == null && visibility == null
        && typeId == null && attributeSetId == null && websiteIds == null && customAttributes.isEmpty()
        && mediaGallery == null;
  }

  /**
   * One {@code media_gallery_entries} element.
   *
   * @param id the entry id, null for a new one
   * @param mediaType {@code image}
   * @param label the label
   * @param position the position
   * @param disabled whether it is hidden
   * @param types roles ({@code image}, {@code small_image}, {@code thumbnail})
   * @param file the file path
   */
  public record MediaEntry(Long id, String mediaType, String label, Integer position, boolean disabled,
      List<String> types, String file) {
    public MediaEntry {
      types = types == null ? List.of() : List.copyOf(types);
    }
  }

  /** Builds a {@link ProductUpdate}. Not thread-safe. */
  public static final class Builder {
    private final String sku;
    private String name;
    private BigDecimal price;
    private BigDecimal weight;
    private Integer status;
    private Integer visibility;
    private String typeId;
    private Integer attributeSetId;
    private List<Long> websiteIds;
    private final Map<String, String> customAttributes = new LinkedHashMap<>();
    private List<MediaEntry> mediaGallery;

    private Builder(String sku) {
      this.sku = sku;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder price(BigDecimal price) {
      this.price = price;
      return this;
    }

    public Builder weight(BigDecimal weight) {
      this.weight = weight;
      return this;
    }

    /** 1 enabled, 2 disabled. */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    public Builder visibility(int visibility) {
      this.visibility = visibility;
      return this;
    }

    public Builder typeId(String typeId) {
      this.typeId = typeId;
      return this;
    }

    public Builder attributeSetId(int attributeSetId) {
      this.attributeSetId = attributeSetId;
      return this;
    }

    public Builder websiteIds(List<Long> websiteIds) {
      this.websiteIds = new ArrayList<>(websiteIds);
      return this;
    }

    public Builder customAttribute(String code, String value) {
      this.customAttributes.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sends {@code media_gallery_entries}; an empty list deletes every image. Only when you own them. */
    public Builder mediaGallery(List<MediaEntry> entries) {
      this.mediaGallery = List.copyOf(entries);
      return this;
    }

    public ProductUpdate build() {
      return new ProductUpdate(sku, name, price, weight, status, visibility, typeId, attributeSetId,
          websiteIds, customAttributes, mediaGallery);
    }
  }
}
