package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order's {@code extension_attributes}: shipping assignments, taxes, payment key/value pairs and, on
 * Adobe Commerce, the tenders that are not the payment method: store credit ({@code customer_balance_*},
 * module Magento_CustomerBalance), gift card accounts ({@code gift_cards[]}, {@code gift_cards_*},
 * Magento_GiftCardAccount) and reward points ({@code reward_*}, Magento_Reward).
 *
 * <p>Source of the Adobe Commerce fields [C]: the Adobe Commerce 2.2.10 OpenAPI in
 * {@code paragonsean/openapi-directory} {@code APIs/magento.com/2.2.10/java-client/docs/SalesDataOrderExtensionInterface.md}
 * and {@code GiftCardAccountDataGiftCardInterface.md} ({@code id}, {@code code}, {@code amount},
 * {@code base_amount}), and an integration platform's sample order payload with the same snake_case names
 * (found by string search for {@code customer_balance_invoiced}). Magento Open Source sends none of them:
 * every one is null then. Amounts are in the order currency; the {@code base_*} ones (store base currency)
 * are read but not used.
 */
public record OrderExtensionDto(
    List<ShippingAssignment> shippingAssignments,
    List<KeyValue> paymentAdditionalInfo,
    List<AppliedTax> appliedTaxes,
    List<ItemAppliedTax> itemAppliedTaxes,
    Boolean convertingFromQuote,
    BigDecimal customerBalanceAmount,
    BigDecimal baseCustomerBalanceAmount,
    BigDecimal customerBalanceInvoiced,
    BigDecimal customerBalanceRefunded,
    BigDecimal customerBalanceTotalRefunded,
    List<GiftCard> giftCards,
    BigDecimal giftCardsAmount,
    BigDecimal baseGiftCardsAmount,
    BigDecimal giftCardsInvoiced,
    BigDecimal giftCardsRefunded,
    Integer rewardPointsBalance,
    BigDecimal rewardCurrencyAmount,
    BigDecimal baseRewardCurrencyAmount) {

  /** {@code shipping_assignments[]}: the shipping address and method, and a copy of the items. */
  public record ShippingAssignment(Shipping shipping, List<OrderItemDto> items) {}

  /** {@code shipping}: {@code method} is {@code carrier_method} such as {@code flatrate_flatrate}. */
  public record Shipping(OrderAddressDto address, String method, JsonNode total) {}

  /** {@code {"key":"method_title","value":"Check / Money order"}}. */
  public record KeyValue(String key, String value) {}

  /** {@code applied_taxes[]}: one tax rate applied to the order. */
  public record AppliedTax(
      String code, String title, BigDecimal percent, BigDecimal amount, BigDecimal baseAmount) {}

  /** {@code item_applied_taxes[]}: {@code type} is {@code product}, {@code shipping}… */
  public record ItemAppliedTax(
      String type, Long itemId, Long associatedItemId, List<AppliedTax> appliedTaxes) {}

  /**
   * {@code gift_cards[]}: one gift card account applied to the order, {@code amount} of it in the order
   * currency. The {@code code} is a bearer credential (whoever knows it can spend the card's balance): it
   * is never copied into a canonical record, a log line or a message, and {@link #toString()} masks it.
   */
  public record GiftCard(Long id, String code, BigDecimal amount, BigDecimal baseAmount) {
    @Override
    public String toString() {
      return "GiftCard[id=" + id + ", code=" + (code == null ? "null" : "****") + ", amount=" + amount
          + ", baseAmount=" + baseAmount + "]";
    }
  }
}
