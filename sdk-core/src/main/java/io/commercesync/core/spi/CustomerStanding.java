package io.commercesync.core.spi;

import io.commercesync.core.model.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's account standing in the ERP, for log-ins and checkout: on hold? how much credit left?
 *
 * @param customerId the ERP customer
 * @param onHold whether the account is on hold
 * @param creditLimit the credit limit, or null for none
 * @param balance the open receivable balance
 * @param asOf when the ERP answered
 */
public record CustomerStanding(
    String customerId, boolean onHold, Money creditLimit, Money balance, Instant asOf) {

  public CustomerStanding {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(asOf, "asOf");
  }

  /** Credit left: limit − balance, or empty when there is no limit. */
  public Optional<Money> creditAvailable() {
    return Optional.ofNullable(creditLimit).map(limit -> limit.minus(balance));
  }
}
