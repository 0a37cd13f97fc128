package io.commercesync.core.spi;

import io.commercesync.core.model.Payment;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A storefront payment resolved for one ERP: who paid, into which checkbook, and which invoice it pays.
 *
 * @param payment the canonical payment (never a card number: type and last four only)
 * @param customerId the ERP customer id
 * @param checkbookId the ERP checkbook (GP {@code CHEKBKID}; SL cash account) from the payment-method mapping
 * @param cardName the ERP credit-card id (GP {@code CRCARDID}) for card payments, or null
 * @param applyToInvoice the ERP invoice the payment is applied to, or null (on account)
 * @param date the receipt date
 * @param company the ERP company, or null for the default
 */
public record CashReceipt(
    Payment payment,
    String customerId,
    String checkbookId,
    String cardName,
    String applyToInvoice,
    LocalDate date,
    String company) {

  public CashReceipt {
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(checkbookId, "checkbookId");
    Objects.requireNonNull(date, "date");
  }
}
