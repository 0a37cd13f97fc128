package io.commercesync.core.spi;

/**
 * What to search customers by. Every field is optional; a store searches by the fields it can and
 * returns candidates, and the caller (the de-duplication of CustomersBothWays) decides what matches.
 *
 * @param email e-mail address, compared case-insensitively
 * @param firstName given name
 * @param lastName family name
 * @param company company name
 * @param postalCode postal code of any of the customer's addresses
 */
public record CustomerQuery(
    String email, String firstName, String lastName, String company, String postalCode) {

  public static CustomerQuery byEmail(String email) {
    return new CustomerQuery(email, null, null, null, null);
  }

  public static CustomerQuery byNameAndPostalCode(String firstName, String lastName, String postalCode) {
    return new CustomerQuery(null, firstName, lastName, null, postalCode);
  }
}
