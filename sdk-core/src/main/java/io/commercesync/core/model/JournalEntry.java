package io.commercesync.core.model;

import io.commercesync.core.error.FieldViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A balanced general-ledger entry: payment fees, settlements, adjustments.
 *
 * <p>Maps to GP {@code GLTransactionType} ({@code taGLTransactionLineInsert} lines then
 * {@code taGLTransactionHeaderInsert}: {@code TRXDATE}, {@code REFRENCE}, {@code ACTNUMST},
 * {@code DEBITAMT}, {@code CRDTAMNT}) and SL {@code Batch} + {@code GLTran} ({@code CuryDrAmt},
 * {@code CuryCrAmt}, {@code CuryCtrlTot}, {@code PerPost} from the date).
 *
 * <p>Invariants checked on construction: at least two lines, all in the entry's currency, and total
 * debits equal total credits.
 *
 * @param reference the entry's reference (GP {@code REFRENCE} ≤ 30), e.g. a settlement id
 * @param date the transaction date
 * @param description description, optional
 * @param currency the currency of every line
 * @param lines the lines, at least two
 */
public record JournalEntry(
    String reference, LocalDate date, String description, Currency currency, List<JournalLine> lines) {

  public JournalEntry {
    Constraints c = Constraints.of("journal entry");
    c.require(reference, "reference");
    c.require(date, "date");
    c.require(currency, "currency");
    lines = c.list(lines, "lines");
    c.check(lines.size() >= 2, "lines", FieldViolation.RULE_REQUIRED, lines.size(),
        "must hold at least two lines");
    if (currency != null) {
      boolean sameCurrency = true;
      for (int i = 0; i < lines.size(); i++) {
        Money debit = lines.get(i).debit();
        c.currency(debit, currency, "lines[" + i + "].debit");
        sameCurrency &= debit.currency().equals(currency);
      }
      if (sameCurrency && lines.size() >= 2) {
        Money debits = Money.sum(currency, lines.stream().map(JournalLine::debit).toList());
        Money credits = Money.sum(currency, lines.stream().map(JournalLine::credit).toList());
        c.check(debits.equals(credits), "lines", FieldViolation.RULE_CONSISTENCY, null,
            "debits " + debits + " must equal credits " + credits);
      }
    }
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The sum of the debits (equal to the sum of the credits). */
  public Money total() {
    return Money.sum(currency, lines.stream().map(JournalLine::debit).toList());
  }

  /** Builds a {@link JournalEntry}. Not thread-safe. */
  public static final class Builder {
    private String reference;
    private LocalDate date;
    private String description;
    private Currency currency;
    private List<JournalLine> lines = new ArrayList<>();

    private Builder() {}

    private Builder(JournalEntry e) {
      reference = e.reference;
      date = e.date;
      description = e.description;
      currency = e.currency;
      lines = new ArrayList<>(e.lines);
    }

    public Builder reference(String reference) {
      this.reference = reference;
      return this;
    }

    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    public Builder lines(List<JournalLine> lines) {
      this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
      return this;
    }

    public Builder addLine(JournalLine line) {
      this.lines.add(line);
      return this;
    }

    public JournalEntry build() {
      return new JournalEntry(reference, date, description, currency, lines);
    }
  }
}
