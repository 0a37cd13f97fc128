package io.commercesync.core.flow.internal;

import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * How two customer records are recognised as the same person: a normalised e-mail first, then a
 * normalised name plus postal code. Normalising: e-mails trimmed and lower-cased; names stripped of
 * accents, punctuation and spaces and lower-cased ({@code "Zoë  O'Neil"} → {@code "zoeoneil"}); postal
 * codes without spaces or dashes, upper-cased ({@code "62704-1234"} → {@code "627041234"}).
 */
public final class CustomerMatching {

  private CustomerMatching() {}

  public static String email(String email) {
    return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  public static String name(String name) {
    if (name == null) {
      return "";
    }
    String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  public static String postalCode(String postalCode) {
    return postalCode == null ? "" : postalCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** The postal code of the customer's default billing address, else of its first address. */
  public static Optional<String> postalCodeOf(Customer customer) {
    return customer.defaultBilling().or(() -> customer.addresses().stream().findFirst())
        .map(CustomerAddress::address).map(Address::postalCode).filter(p -> !p.isBlank());
  }

  /**
   * The distinct postal codes of the customer's addresses, default billing first: a person the other
   * system knows at any of their addresses is the same person.
   */
  public static java.util.List<String> postalCodesOf(Customer customer) {
    java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
    postalCodeOf(customer).ifPresent(p -> out.put(postalCode(p), p));
    for (CustomerAddress a : customer.addresses()) {
      String p = a.address().postalCode();
      if (p != null && !p.isBlank()) {
        out.putIfAbsent(postalCode(p), p);
      }
    }
    return java.util.List.copyOf(out.values());
  }

  /** Whether {@code candidate} has the same normalised e-mail as {@code wanted}. */
  public static boolean sameEmail(Customer candidate, Customer wanted) {
    String a = email(candidate.email());
    return a != null && a.equals(email(wanted.email()));
  }

  /** Whether {@code candidate} has the same normalised first and last name and any address with {@code postalCode}. */
  public static boolean sameNameAndPostalCode(Customer candidate, Customer wanted, String postalCode) {
    if (name(wanted.lastName()).isEmpty() || postalCode == null) {
      return false;
    }
    boolean sameName = name(candidate.lastName()).equals(name(wanted.lastName()))
        && name(candidate.firstName()).equals(name(wanted.firstName()));
    String want = postalCode(postalCode);
    return sameName && candidate.addresses().stream()
        .anyMatch(a -> postalCode(a.address().postalCode()).equals(want));
  }
}
