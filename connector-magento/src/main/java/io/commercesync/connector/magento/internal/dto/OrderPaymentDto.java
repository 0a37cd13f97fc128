package io.commercesync.connector.magento.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * OrderPaymentInterface. {@code additional_information} is a list of values without keys (the key/value
 * pairs come in the order's {@code extension_attributes.payment_additional_info}); {@code cc_last4} and
 * {@code account_status} are emitted as {@code null} when unset.
 */
public record OrderPaymentDto(
    Long entityId,
    Long parentId,
    String method,
    BigDecimal amountOrdered,
    BigDecimal amountAuthorized,
    BigDecimal amountPaid,
    BigDecimal amountRefunded,
    BigDecimal baseAmountOrdered,
    BigDecimal baseAmountPaid,
    BigDecimal shippingAmount,
    BigDecimal shippingCaptured,
    String lastTransId,
    String ccLast4,
    String ccType,
    String ccExpMonth,
    String ccExpYear,
    String poNumber,
    String accountStatus,
    List<String> additionalInformation) {}
