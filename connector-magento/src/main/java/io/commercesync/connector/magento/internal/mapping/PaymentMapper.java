package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.internal.dto.OrderExtensionDto;
import io.commercesync.connector.magento.internal.dto.OrderPaymentDto;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Payment;
import java.math.BigDecimal;
import java.util.Currency;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Magento {@code payment} → canonical {@link Payment}: {@code entity_id} → id, {@code method},
 * {@code last_trans_id} → transaction id, {@code cc_type} → card type, {@code cc_last4} → last four (only
 * when it is four digits), amount = {@code amount_paid} when something was paid, else
 * {@code amount_authorized}, else {@code amount_ordered}.
 *
 * <p>Adobe Commerce tenders ({@code extension_attributes}, order currency) → one canonical
 * {@link Payment} each, with Magento's module/total code as the method: a gift card account
 * ({@code gift_cards[]}: {@code amount}, {@code id} → transaction id; never its {@code code}) →
 * {@value #GIFT_CARD}; {@code gift_cards_amount} when the cards are not listed → {@value #GIFT_CARD};
 * {@code customer_balance_amount} → {@value #STORE_CREDIT}; {@code reward_currency_amount} →
 * {@value #REWARD}. Ids, capture and the customer are set by {@link OrderMapper}, which holds the rules.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE)
public interface PaymentMapper {

  PaymentMapper INSTANCE = Mappers.getMapper(PaymentMapper.class);

  /** Method code of a gift card account tender: Magento_GiftCardAccount's total code. */
  String GIFT_CARD = "giftcardaccount";

  /** Method code of a store credit tender: Magento_CustomerBalance's total code. */
  String STORE_CREDIT = "customerbalance";

  /** Method code of a reward points tender: Magento_Reward's total code. */
  String REWARD = "reward";

  @Mapping(target = "id", source = "entityId")
  @Mapping(target = "method", source = "method")
  @Mapping(target = "amount", source = "payment", qualifiedByName = "paymentAmount")
  @Mapping(target = "transactionId", source = "lastTransId")
  @Mapping(target = "cardType", source = "ccType")
  @Mapping(target = "cardLast4", source = "ccLast4", qualifiedByName = "last4")
  @Mapping(target = "capturedAt", ignore = true)
  @Mapping(target = "orderNumber", ignore = true)
  @Mapping(target = "invoiceNumber", ignore = true)
  @Mapping(target = "customerRef", ignore = true)
  @Mapping(target = "fee", ignore = true)
  Payment toPayment(OrderPaymentDto payment, @Context Currency currency);

  /** One {@code gift_cards[]} entry: {@code amount} and the account {@code id}; the code stays behind. */
  @BeanMapping(ignoreByDefault = true)
  @Mapping(target = "method", constant = GIFT_CARD)
  @Mapping(target = "amount", source = "amount", qualifiedByName = "tenderAmount")
  @Mapping(target = "transactionId", source = "id")
  Payment fromGiftCard(OrderExtensionDto.GiftCard card, @Context Currency currency);

  /** {@code gift_cards_amount} as one gift card payment, for an order that does not list its cards. */
  @BeanMapping(ignoreByDefault = true)
  @Mapping(target = "method", constant = GIFT_CARD)
  @Mapping(target = "amount", source = "giftCardsAmount", qualifiedByName = "tenderAmount")
  Payment fromGiftCardsTotal(OrderExtensionDto extension, @Context Currency currency);

  /** {@code customer_balance_amount}: the store credit spent on the order. */
  @BeanMapping(ignoreByDefault = true)
  @Mapping(target = "method", constant = STORE_CREDIT)
  @Mapping(target = "amount", source = "customerBalanceAmount", qualifiedByName = "tenderAmount")
  Payment fromStoreCredit(OrderExtensionDto extension, @Context Currency currency);

  /** {@code reward_currency_amount}: what the reward points spent on the order were worth. */
  @BeanMapping(ignoreByDefault = true)
  @Mapping(target = "method", constant = REWARD)
  @Mapping(target = "amount", source = "rewardCurrencyAmount", qualifiedByName = "tenderAmount")
  Payment fromRewardPoints(OrderExtensionDto extension, @Context Currency currency);

  /** A tender's amount in the order currency, cleaned of float noise; zero when absent. */
  @Named("tenderAmount")
  default Money tenderAmount(BigDecimal amount, @Context Currency currency) {
    return MagentoValues.money(amount, currency);
  }

  /** Paid, else authorised, else ordered. */
  @Named("paymentAmount")
  default Money paymentAmount(OrderPaymentDto payment, @Context Currency currency) {
    BigDecimal amount = positive(payment.amountPaid()) ? payment.amountPaid()
        : positive(payment.amountAuthorized()) ? payment.amountAuthorized()
        : payment.amountOrdered();
    return MagentoValues.money(amount, currency);
  }

  /** Exactly four digits, else dropped: the canonical payment refuses anything else. */
  @Named("last4")
  default String last4(String value) {
    return value != null && value.matches("\\d{4}") ? value : null;
  }

  private static boolean positive(BigDecimal value) {
    return value != null && value.signum() > 0;
  }
}
