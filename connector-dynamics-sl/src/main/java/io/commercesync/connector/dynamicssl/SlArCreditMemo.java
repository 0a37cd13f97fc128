package io.commercesync.connector.dynamicssl;

import io.commercesync.core.model.Money;
import java.util.Objects;

/**
 * An AR credit memo as SL holds it ({@code ARDoc} with {@code DocType} {@code CM}, reference §2.9), as
 * {@link SlClient#findArCreditMemo} reads it back: strings right-trimmed, blanks as null, amounts at the
 * currency's scale.
 *
 * <pre>{@code
 * String refNbr = sl.arCreditMemoRefNbr(request);
 * sl.findArCreditMemo("0060", "C20311", refNbr)
 *     .ifPresent(cm -> System.out.println(cm.custOrdNbr() + " credited " + cm.amount() + ", open " + cm.balance()));
 * }</pre>
 *
 * @param refNbr the document number ({@code RefNbr}, char(10))
 * @param custId the customer ({@code CustId}, char(15))
 * @param custOrdNbr the storefront order the refund belongs to ({@code CustOrdNbr}, char(25)), or null
 * @param ordNbr SL's order number of that order ({@code OrdNbr}, char(15)), or null
 * @param amount the amount credited ({@code CuryOrigDocAmt})
 * @param balance what is still open, not yet applied to an invoice or paid out ({@code CuryDocBal})
 * @param docDesc the description ({@code DocDesc}, char(30)), or null
 */
public record SlArCreditMemo(String refNbr, String custId, String custOrdNbr, String ordNbr, Money amount,
    Money balance, String docDesc) {

  public SlArCreditMemo {
    Objects.requireNonNull(refNbr, "refNbr");
    Objects.requireNonNull(custId, "custId");
    Objects.requireNonNull(amount, "amount");
  }
}
