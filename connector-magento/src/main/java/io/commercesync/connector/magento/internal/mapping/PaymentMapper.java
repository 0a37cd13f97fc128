package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.internal.dto.OrderPaymentDto;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Payment;
import java.math.BigDecimal;
import java.util.Currency;
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
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE)
public interface PaymentMapper {

  PaymentMapper INSTANCE = Mappers.getMapper(PaymentMapper.class);

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
