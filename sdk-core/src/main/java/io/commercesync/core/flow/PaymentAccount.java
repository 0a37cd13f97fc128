package io.commercesync.core.flow;

import java.util.Objects;

/**
 * Where the ERP books a storefront payment method: the checkbook the receipt goes to, the credit-card
 * id for card payments, and the GL accounts for processor fees.
 *
 * @param checkbookId ERP checkbook (GP {@code CHEKBKID}, ≤ 15; SL cash account)
 * @param cardName ERP credit card id (GP {@code CRCARDID}) for card methods, or null
 * @param feeExpenseAccount GL account debited with the processor fee, or null when fees are not posted
 * @param clearingAccount GL account credited with the fee (the processor clearing account), or null
 */
public record PaymentAccount(String checkbookId, String cardName, String feeExpenseAccount, String clearingAccount) {

  public PaymentAccount {
    Objects.requireNonNull(checkbookId, "checkbookId");
  }

  /** A non-card method into {@code checkbookId}, without fee posting. */
  public static PaymentAccount checkbook(String checkbookId) {
    return new PaymentAccount(checkbookId, null, null, null);
  }

  /** Whether processor fees are posted to the GL for this method. */
  public boolean postsFees() {
    return feeExpenseAccount != null && clearingAccount != null;
  }
}
