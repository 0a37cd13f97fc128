package io.commercesync.core.model;

/**
 * One of a customer's addresses and the roles it plays.
 *
 * <p>Maps from: Magento customer {@code addresses[]} ({@code id}, {@code default_billing},
 * {@code default_shipping}); GP {@code RM00102} rows keyed by {@code ADRSCODE} with the customer's
 * {@code PRBTADCD}/{@code PRSTADCD}; SL {@code SOAddress} keyed by {@code ShipToId}; Clarity account
 * addresses.
 *
 * @param key the address's id or code in its system (Magento address id, GP {@code ADRSCODE}, SL
 *     {@code ShipToId}); optional for a new address
 * @param address the address
 * @param defaultBilling whether it is the default billing address
 * @param defaultShipping whether it is the default shipping address
 */
public record CustomerAddress(
    String key, Address address, boolean defaultBilling, boolean defaultShipping) {

  public CustomerAddress {
    Constraints.of("customer address").require(address, "address").throwIfAny();
  }

  /** An address without a key or default role. */
  public static CustomerAddress of(Address address) {
    return new CustomerAddress(null, address, false, false);
  }
}
