package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.BasePrice;
import io.commercesync.connector.magento.InvoiceRequest;
import io.commercesync.connector.magento.ProductUpdate;
import io.commercesync.connector.magento.ShipRequest;
import io.commercesync.connector.magento.SourceItem;
import io.commercesync.connector.magento.StockItem;
import io.commercesync.connector.magento.TierPrice;
import io.commercesync.connector.magento.internal.dto.BasePriceDto;
import io.commercesync.connector.magento.internal.dto.CommentDto;
import io.commercesync.connector.magento.internal.dto.CustomAttributeDto;
import io.commercesync.connector.magento.internal.dto.InvoiceOrderRequestDto;
import io.commercesync.connector.magento.internal.dto.ItemQtyDto;
import io.commercesync.connector.magento.internal.dto.MediaGalleryEntryDto;
import io.commercesync.connector.magento.internal.dto.ProductWriteDto;
import io.commercesync.connector.magento.internal.dto.ShipOrderRequestDto;
import io.commercesync.connector.magento.internal.dto.SourceItemDto;
import io.commercesync.connector.magento.internal.dto.StockItemDto;
import io.commercesync.connector.magento.internal.dto.TierPriceDto;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * The client's public request records ↔ Magento wire DTOs: {@link SourceItem} ↔ {@code sourceItems[]}
 * ({@code source_code}, {@code status} 1/0), {@link BasePrice} → {@code {price,store_id,sku}},
 * {@link TierPrice} → {@code {price,price_type,website_id,sku,customer_group,quantity}},
 * {@link ShipRequest} / {@link InvoiceRequest} → the ship / invoice bodies, {@link ProductUpdate} → the
 * partial {@code product} (absent fields stay null and are not written).
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE)
public interface WireMapper {

  WireMapper INSTANCE = Mappers.getMapper(WireMapper.class);

  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "sourceCode", source = "sourceCode")
  @Mapping(target = "quantity", source = "quantity")
  @Mapping(target = "status", source = "inStock", qualifiedByName = "flag")
  SourceItemDto toDto(SourceItem item);

  @Mapping(target = "sku", source = "sku")
  @Mapping(target = "sourceCode", source = "sourceCode")
  @Mapping(target = "quantity", source = "quantity")
  @Mapping(target = "inStock", source = "status", qualifiedByName = "isSet")
  SourceItem fromDto(SourceItemDto item);

  @Mapping(target = "price", source = "price")
  @Mapping(target = "storeId", source = "storeId")
  @Mapping(target = "sku", source = "sku")
  BasePriceDto toDto(BasePrice price);

  @Mapping(target = "priceType", source = "discount", qualifiedByName = "priceType")
  TierPriceDto toDto(TierPrice price);

  @Mapping(target = "discount", source = "priceType", qualifiedByName = "isDiscount")
  TierPrice fromDto(TierPriceDto price);

  default StockItem fromDto(StockItemDto item) {
    return new StockItem(item.itemId() == null ? 0 : item.itemId(),
        item.productId() == null ? 0 : item.productId(), item.stockId() == null ? 1 : item.stockId(),
        item.qty(), Boolean.TRUE.equals(item.isInStock()), !Boolean.FALSE.equals(item.manageStock()));
  }

  default ShipOrderRequestDto toDto(ShipRequest ship) {
    List<ShipOrderRequestDto.TrackDto> tracks = new ArrayList<>();
    for (ShipRequest.Track t : ship.tracks()) {
      tracks.add(new ShipOrderRequestDto.TrackDto(t.trackNumber(),
          t.title() != null ? t.title() : t.carrierCode(), t.carrierCode()));
    }
    return new ShipOrderRequestDto(
        ship.lines().isEmpty() ? null : lines(ship.lines()),
        ship.notifyCustomer(),
        ship.comment() != null,
        ship.comment() == null ? null : new CommentDto(ship.comment(), ship.commentVisibleOnFront() ? 1 : 0),
        tracks.isEmpty() ? null : tracks,
        ship.sourceCode() == null ? null : new ShipOrderRequestDto.ArgumentsDto(
            new ShipOrderRequestDto.SourceCode(ship.sourceCode())));
  }

  default InvoiceOrderRequestDto toDto(InvoiceRequest invoice) {
    return new InvoiceOrderRequestDto(
        invoice.capture(),
        invoice.lines().isEmpty() ? null : lines(invoice.lines()),
        invoice.notifyCustomer(),
        invoice.comment() != null,
        invoice.comment() == null ? null : new CommentDto(invoice.comment(), 0));
  }

  default List<ItemQtyDto> lines(List<ShipRequest.Line> lines) {
    List<ItemQtyDto> out = new ArrayList<>();
    for (ShipRequest.Line l : lines) {
      out.add(new ItemQtyDto(l.orderItemId(), l.qty()));
    }
    return out;
  }

  /** The partial product: only what the update names; {@code media_gallery_entries} only when asked. */
  default ProductWriteDto toDto(ProductUpdate update) {
    List<CustomAttributeDto> custom = null;
    if (!update.customAttributes().isEmpty()) {
      custom = new ArrayList<>();
      for (Map.Entry<String, String> e : update.customAttributes().entrySet()) {
        custom.add(new CustomAttributeDto(e.getKey(), JsonNodeFactory.instance.textNode(e.getValue())));
      }
    }
    List<MediaGalleryEntryDto> media = null;
    if (update.mediaGallery() != null) {
      media = new ArrayList<>();
      for (ProductUpdate.MediaEntry m : update.mediaGallery()) {
        media.add(new MediaGalleryEntryDto(m.id(), m.mediaType(), m.label(), m.position(), m.disabled(),
            m.types(), m.file()));
      }
    }
    return new ProductWriteDto(update.sku(), update.name(), update.attributeSetId(), update.price(),
        update.status(), update.visibility(), update.typeId(), update.weight(),
        update.websiteIds() == null ? null : new ProductWriteDto.Extension(update.websiteIds()),
        custom, media);
  }

  @Named("flag")
  default Integer flag(boolean value) {
    return value ? 1 : 0;
  }

  @Named("isSet")
  default boolean isSet(Integer value) {
    return value != null && value != 0;
  }

  @Named("priceType")
  default String priceType(boolean discount) {
    return discount ? "discount" : "fixed";
  }

  @Named("isDiscount")
  default boolean isDiscount(String priceType) {
    return "discount".equals(priceType);
  }
}
