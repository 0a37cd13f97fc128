package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * A shipment ({@code /V1/shipment/{id}}), invoice ({@code /V1/invoices/{id}}) or credit memo
 * ({@code /V1/creditmemo/{id}}): the fields the three share, plus tracks (shipments), the refund
 * amounts (credit memos) and {@code extension_attributes} (the MSI source of a shipment; on Adobe
 * Commerce, what a credit memo returns to store credit and to gift cards).
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
    List<Comment> comments,
    Extension extensionAttributes) {

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

  /**
   * {@code extension_attributes}: {@code source_code} (MSI shipments) and, on Adobe Commerce credit memos,
   * {@code customer_balance_amount} (refunded to store credit) and {@code gift_cards_amount} (refunded to
   * the gift card accounts), order currency, with their {@code base_*} twins. Source of the credit memo
   * fields [C]: the Adobe Commerce 2.2.10 OpenAPI in {@code paragonsean/openapi-directory}
   * {@code APIs/magento.com/2.2.10/java-client/docs/SalesDataCreditmemoExtensionInterface.md}. Absent on
   * Magento Open Source.
   */
  public record Extension(
      String sourceCode,
      BigDecimal customerBalanceAmount,
      BigDecimal baseCustomerBalanceAmount,
      BigDecimal giftCardsAmount,
      BigDecimal baseGiftCardsAmount) {}

  /** A document comment. */
  public record Comment(Long entityId, String comment, Integer isVisibleOnFront, String createdAt) {}
}
