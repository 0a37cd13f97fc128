package io.commercesync.core.model;

/**
 * One line of a {@link JournalEntry}: an account debited or credited. Exactly one of {@code debit} and
 * {@code credit} is non-zero, and neither is negative (GP {@code DEBITAMT}/{@code CRDTAMNT}, SL
 * {@code CuryDrAmt}/{@code CuryCrAmt}).
 *
 * @param account the GL account as the ERP writes it (GP {@code ACTNUMST} {@code 000-1100-00}, SL
 *     {@code Acct} with {@code Sub} by configuration)
 * @param debit amount debited (zero when crediting)
 * @param credit amount credited (zero when debiting)
 * @param description line description, optional
 */
public record JournalLine(String account, Money debit, Money credit, String description) {

  public JournalLine {
    Constraints c = Constraints.of("journal line");
    c.require(account, "account");
    c.require(debit, "debit");
    c.require(credit, "credit");
    if (debit != null && credit != null) {
      c.currency(credit, debit.currency(), "credit");
      c.nonNegative(debit, "debit");
      c.nonNegative(credit, "credit");
      c.check(debit.isZero() != credit.isZero(), "debit", "consistency", null,
          "exactly one of debit and credit must be non-zero");
    }
    c.throwIfAny();
  }

  /** A debit of {@code amount} to {@code account}. */
  public static JournalLine debit(String account, Money amount, String description) {
    return new JournalLine(account, amount, Money.zero(amount.currency()), description);
  }

  /** A credit of {@code amount} to {@code account}. */
  public static JournalLine credit(String account, Money amount, String description) {
    return new JournalLine(account, Money.zero(amount.currency()), amount, description);
  }
}
