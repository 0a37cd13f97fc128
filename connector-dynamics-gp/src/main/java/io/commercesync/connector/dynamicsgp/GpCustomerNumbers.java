package io.commercesync.connector.dynamicsgp;

import io.commercesync.core.model.Customer;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Mints GP customer numbers (CUSTNMBR, usable length 15, reference §8) for new storefront customers, in
 * the style of GP's own sample data ({@code AARONFIT0001}) and the samples ({@code WEBJSMITH0001}): prefix,
 * first initial and last name (or the company, or the e-mail's local part), letters and digits only, upper
 * case, then a four-digit sequence. Deterministic: the same customer and the same existing numbers always
 * give the same result; a collision moves to the next sequence number.
 *
 * <pre>{@code
 * String custnmbr = GpCustomerNumbers.next("WEB", customer, id -> gp.customerExists(id));  // WEBJSMITH0001
 * }</pre>
 */
public final class GpCustomerNumbers {

  /** CUSTNMBR usable length (reference §3 taUpdateCreateCustomerRcd: char(15)). */
  public static final int MAX_LENGTH = 15;
  private static final int SEQUENCE_DIGITS = 4;

  private GpCustomerNumbers() {}

  /** The base (without sequence) for {@code customer}: {@code WEBJSMITH}. */
  public static String base(String prefix, Customer customer) {
    Objects.requireNonNull(customer, "customer");
    String p = letters(prefix == null ? "" : prefix);
    String name;
    if (notBlank(customer.lastName())) {
      name = initial(customer.firstName()) + letters(customer.lastName());
    } else if (notBlank(customer.company())) {
      name = letters(customer.company());
    } else if (notBlank(customer.firstName())) {
      name = letters(customer.firstName());
    } else if (notBlank(customer.email())) {
      String email = customer.email();
      int at = email.indexOf('@');
      name = letters(at > 0 ? email.substring(0, at) : email);
    } else {
      name = "";
    }
    if (name.isEmpty()) {
      name = "CUST";
    }
    String base = p + name;
    int room = MAX_LENGTH - SEQUENCE_DIGITS;
    return base.length() > room ? base.substring(0, room) : base;
  }

  /** Candidate {@code n} (1-based): base + {@code %04d}; past 9999 the base gives up one letter per digit. */
  public static String candidate(String base, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1 (was " + n + ")");
    }
    String seq = String.format(Locale.ROOT, "%0" + SEQUENCE_DIGITS + "d", n);
    String head = base.length() + seq.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - seq.length()) : base;
    return head + seq;
  }

  /** The first candidate that {@code taken} rejects not, trying at most {@code 100000} numbers. */
  public static String next(String prefix, Customer customer, Predicate<String> taken) {
    String base = base(prefix, customer);
    for (int n = 1; n <= 100_000; n++) {
      String candidate = candidate(base, n);
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no free customer number for base " + base);
  }

  private static String initial(String firstName) {
    String l = letters(firstName == null ? "" : firstName);
    return l.isEmpty() ? "" : l.substring(0, 1);
  }

  /** Upper-case A-Z and 0-9 only, accents removed ({@code Zoë} → {@code ZOE}). */
  static String letters(String text) {
    String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    StringBuilder out = new StringBuilder();
    for (char c : plain.toUpperCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank() && !letters(s).isEmpty();
  }
}
