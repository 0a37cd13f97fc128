package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * A shipment ({@code /V1/shipment/{id}}), invoice ({@code /V1/invoices/{id}}) or credit memo
 * ({@code /V1/creditmemo/{id}}): the fields the three share, plus tracks (shipments) and the refund
 * amounts (credit memos).
 */
public record SalesDocumentDto(
    Long entityId,
    Long orderId,
    String incrementId,
    String createdAt,
    String updatedAt,
    Integer storeId,
    String orderCurrencyCode,
    BigDecimal grandTotal,
    BigDecimal subtotal,
    BigDecimal taxAmount,
    BigDecimal shippingAmount,
    BigDecimal discountAmount,
    BigDecimal adjustmentPositive,
    BigDecimal adjustmentNegative,
    BigDecimal adjustment,
    Integer state,
    String customerNote,
    List<Item> items,
    List<Track> tracks,
    List<Comment> comments) {

  /** One document line. */
  public record Item(
      Long entityId,
      Long orderItemId,
      Long parentId,
      String sku,
      String name,
      BigDecimal qty,
      BigDecimal price,
      BigDecimal rowTotal,
      BigDecimal taxAmount,
      BigDecimal discountAmount) {}

  /** A shipment track. */
  public record Track(Long entityId, String trackNumber, String title, String carrierCode) {}

  /** A document comment. */
  public record Comment(Long entityId, String comment, Integer isVisibleOnFront, String createdAt) {}
}
