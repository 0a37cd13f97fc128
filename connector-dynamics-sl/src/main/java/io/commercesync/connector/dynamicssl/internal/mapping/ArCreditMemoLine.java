package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.core.model.Money;

/**
 * One refunded component of a money-only refund, before it becomes an {@code ARTran} line.
 *
 * @param lineNbr the line number ({@code LineNbr}, 1…)
 * @param account the account written {@code Acct/Sub} or {@code Acct}
 * @param amount the amount, &gt; 0
 * @param drCr {@code D} or {@code C} ({@code DrCr}; the convention is inferred, see {@link SlDocuments#arCreditMemo})
 * @param tranDesc the description ({@code TranDesc}), already clipped to its width
 */
public record ArCreditMemoLine(int lineNbr, String account, Money amount, String drCr, String tranDesc) {}
