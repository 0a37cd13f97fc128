package io.commercesync.connector.dynamicsgp;

import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import java.util.List;

/**
 * GP entered the cash receipt but refused to apply it to the invoice the payment names ({@code RMApplyType} /
 * {@code taRMApply} failed and was rolled back alone). The receipt stays in GP, unapplied (on account).
 *
 * <p>GP's reasons (numbers from the taRMApply body in the reference's TLE dump, §0): 568 the invoice is not an
 * open RM document (unknown, voided or not posted yet), 570 the amount is above the invoice's original amount,
 * 574 above its remaining balance (already paid), 664 above the receipt's unapplied amount, 165 the invoice
 * belongs to another customer, 4694 another currency. Like every eConnect data error it is not retryable; a
 * record lock (2079/2022) or deadlock (1205) is.
 *
 * <p>What the operator sees and does: the record is dead-lettered with this message, which names
 * {@code dynamics-gp}, {@code RMApplyType}, the receipt and the invoice ({@code [PMT100045871 -> INV00031877]})
 * and GP's error. Fix the cause in GP (post the invoice, correct the invoice number on the storefront payment,
 * or apply the receipt by hand), then replay the dead letter: {@code lookup} finds the receipt by its
 * DOCNUMBR, so only the application is tried again; it is never entered twice.
 *
 * <pre>{@code
 * catch (GpApplicationRejectedException e) {
 *   log.warn("receipt {} entered, not applied to {}: {}", e.receiptNumber(), e.invoiceNumber(), e.errors());
 * }
 * }</pre>
 */
public final class GpApplicationRejectedException extends RemoteSystemException {

  private static final long serialVersionUID = 1L;

  private final String receiptNumber;
  private final String invoiceNumber;
  private final transient List<EConnectError> errors;

  private GpApplicationRejectedException(Builder builder, String receiptNumber, String invoiceNumber,
      List<EConnectError> errors) {
    super(builder);
    this.receiptNumber = receiptNumber;
    this.invoiceNumber = invoiceNumber;
    this.errors = List.copyOf(errors);
  }

  /** The rejection of {@code result} (a FAILED {@code RMApplyType}) applying {@code receiptNumber} to {@code invoiceNumber}. */
  public static GpApplicationRejectedException of(TransactionResult result, String receiptNumber, String invoiceNumber) {
    List<EConnectError> errors = result.errors();
    String first = errors.isEmpty() ? null : errors.get(0).number() + " " + errors.get(0).procedure();
    StringBuilder message = new StringBuilder("invoice ").append(invoiceNumber).append(" not applied (receipt ")
        .append(receiptNumber).append(" stays entered, on account)");
    for (EConnectError e : errors) {
      message.append("; ").append(e.number()).append(' ').append(e.procedure()).append(": ").append(e.description());
      if (!e.relatedFields().isEmpty()) {
        message.append(' ').append(e.relatedFields());
      }
    }
    Builder b = RemoteSystemException.builder(SystemId.DYNAMICS_GP, "submit " + result.type())
        .recordKey(receiptNumber + " -> " + invoiceNumber)
        .remoteCode(first)
        .remoteMessage(message.toString())
        .retryable(result.retryable());
    return new GpApplicationRejectedException(b, receiptNumber, invoiceNumber, errors);
  }

  /** The receipt's DOCNUMBR (APFRDCNM); the receipt is entered in GP. */
  public String receiptNumber() {
    return receiptNumber;
  }

  /** The invoice it was to be applied to (APTODCNM). */
  public String invoiceNumber() {
    return invoiceNumber;
  }

  /** The errors GP reported. */
  public List<EConnectError> errors() {
    return errors;
  }
}
