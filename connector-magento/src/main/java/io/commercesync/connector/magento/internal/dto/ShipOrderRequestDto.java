package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /V1/order/{orderId}/ship} (ShipOrderInterface::execute): items by
 * {@code order_item_id} (omit = ship everything), {@code notify}, {@code appendComment} (camelCase on the
 * wire), {@code comment}, {@code tracks}, and MSI {@code arguments.extension_attributes.source_code}.
 */
public record ShipOrderRequestDto(
    List<ItemQtyDto> items,
    @JsonProperty("notify") Boolean notifyCustomer,
    @JsonProperty("appendComment") Boolean appendComment,
    CommentDto comment,
    List<TrackDto> tracks,
    ArgumentsDto arguments) {

  /** {@code {"track_number","title","carrier_code"}}. */
  public record TrackDto(String trackNumber, String title, String carrierCode) {}

  /** {@code arguments}: {@code {"extension_attributes":{"source_code":"wh_austin"}}}. */
  public record ArgumentsDto(SourceCode extensionAttributes) {}

  /** {@code arguments.extension_attributes}. */
  public record SourceCode(String sourceCode) {}
}
