package io.commercesync.connector.dynamicssl;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;

/**
 * The GL accounts an SL AR credit memo ({@code ARDoc} {@code DocType} {@code CM}) books a money-only refund
 * to: one {@code ARTran} line per refunded component, each on the account of its kind. Each account is written
 * like a checkbook, {@code Acct/Sub} ({@code 4900/01-000-00}), or {@code Acct} alone to use the client's
 * {@linkplain SlClient.Builder#defaultSubaccount default subaccount}. {@code ARTran.Acct} is char(10),
 * {@code ARTran.Sub} char(24) (reference §2.9, S1 + S2 [C2]); both are checked when the client is built.
 *
 * <pre>{@code
 * SlClient sl = SlClient.builder()
 *     ...
 *     .creditMemoAccounts(SlCreditMemoAccounts.of("4900/01-000-00")      // refunds and fees kept
 *         .withFreight("4050/01-000-00")                                  // shipping refunded
 *         .withTax("2300/01-000-00"))                                     // tax refunded
 *     .build();
 * }</pre>
 *
 * <p>Immutable. Without this configuration the connector still refuses refunds without returned lines
 * (dead-lettered, never dropped), naming the option.
 *
 * @param refunds the account of a further refund (a positive storefront adjustment, e.g. goodwill) and of a
 *     fee kept (a negative adjustment, on the other side); required
 * @param freight the account of shipping refunded; {@code refunds} when not given
 * @param tax the account of tax refunded; {@code refunds} when not given
 */
public record SlCreditMemoAccounts(String refunds, String freight, String tax) {

  /**
   * Checks that {@code refunds} is given; {@code freight} and {@code tax} default to it.
   *
   * @throws ConfigurationException naming {@code creditMemoAccounts.refunds} when it is missing or blank
   */
  public SlCreditMemoAccounts {
    if (refunds == null || refunds.isBlank()) {
      throw ConfigurationException.of(SystemId.DYNAMICS_SL, "creditMemoAccounts.refunds",
          "is required: the account (Acct or Acct/Sub) a money-only refund is debited to");
    }
    refunds = refunds.strip();
    freight = freight == null || freight.isBlank() ? refunds : freight.strip();
    tax = tax == null || tax.isBlank() ? refunds : tax.strip();
  }

  /** Every component on {@code refunds}. */
  public static SlCreditMemoAccounts of(String refunds) {
    return new SlCreditMemoAccounts(refunds, null, null);
  }

  /** Refunds, shipping and tax on their own accounts (null: the {@code refunds} account). */
  public static SlCreditMemoAccounts of(String refunds, String freight, String tax) {
    return new SlCreditMemoAccounts(refunds, freight, tax);
  }

  /** These accounts with shipping refunded on {@code freight} (null: the {@code refunds} account). */
  public SlCreditMemoAccounts withFreight(String freight) {
    return new SlCreditMemoAccounts(refunds, freight, tax);
  }

  /** These accounts with tax refunded on {@code tax} (null: the {@code refunds} account). */
  public SlCreditMemoAccounts withTax(String tax) {
    return new SlCreditMemoAccounts(refunds, freight, tax);
  }
}
