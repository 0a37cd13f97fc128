package io.commercesync.connector.dynamicssl.internal.mapping;

/**
 * The ARDoc values of an AR credit memo that come from the resolved request and the rules of
 * {@link SlDocuments#arCreditMemo} rather than from the canonical return.
 *
 * @param cpnyId company ({@code CpnyID})
 * @param custId the SL customer ({@code CustId})
 * @param refNbr the deterministic document number ({@code RefNbr}, from the storefront credit memo number)
 * @param ordNbr SL's {@code OrdNbr} of the refunded order, or null when it is not in SL
 * @param docDesc the description ({@code DocDesc}), already clipped to its width, or null
 */
public record ArCreditMemoDefaults(String cpnyId, String custId, String refNbr, String ordNbr, String docDesc) {}
