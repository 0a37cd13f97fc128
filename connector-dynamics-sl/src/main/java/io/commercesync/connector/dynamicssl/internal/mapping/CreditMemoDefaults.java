package io.commercesync.connector.dynamicssl.internal.mapping;

import java.math.BigDecimal;

/**
 * The SOHeader values of a credit memo order that come from the resolved request, the configuration
 * and the amount attribution rather than from the canonical return; component names match
 * {@code SoHeader}'s so MapStruct maps them by name.
 *
 * @param cpnyId company ({@code CpnyID})
 * @param custID the SL customer ({@code CustID})
 * @param sOTypeID the credit-memo order type ({@code SOTypeID})
 * @param curyID the return's currency ({@code CuryID})
 * @param origOrdNbr SL's {@code OrdNbr} of the refunded order, or null when it is not in SL
 * @param user2 the storefront's id of the credit memo, or null
 * @param user3 the storefront order number the credit memo refunds
 * @param curyWholeOrdDisc line discounts not refunded plus a fee kept (negative adjustment)
 * @param curyTotMisc a further refund (positive adjustment)
 */
public record CreditMemoDefaults(
    String cpnyId,
    String custID,
    String sOTypeID,
    String curyID,
    String origOrdNbr,
    String user2,
    String user3,
    BigDecimal curyWholeOrdDisc,
    BigDecimal curyTotMisc) {}
