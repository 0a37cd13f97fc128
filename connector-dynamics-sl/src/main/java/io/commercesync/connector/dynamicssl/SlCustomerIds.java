package io.commercesync.connector.dynamicssl;

import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Deterministic SL customer ids ({@code Customer.CustId}, char(15), reference §2.1) for customers
 * created from a storefront.
 *
 * <p>A candidate is up to 8 letters or digits of the company or last name (accents dropped, upper
 * case), then 6 base-36 digits of a SHA-256 over the customer's identity (normalised e-mail, else the
 * storefront ref, else name and postal code) and the attempt number. The same customer always gets
 * the same candidate, so a retried create cannot make a second customer; when SL already holds an id
 * for somebody else, the caller asks for {@code attempt + 1}.
 *
 * <pre>{@code
 * String custId = SlCustomerIds.candidate(customer, 0);   // "LOPEZ" + "3K9QZ1" → "LOPEZ3K9QZ1"
 * }</pre>
 */
public final class SlCustomerIds {

  /** Width of {@code Customer.CustId}. */
  public static final int MAX_LENGTH = 15;

  private SlCustomerIds() {}

  /** Candidate number {@code attempt} (0 first) for {@code customer}; at most 15 ASCII characters. */
  public static String candidate(Customer customer, int attempt) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0 (was " + attempt + ")");
    }
    String source = customer.company() != null && !customer.company().isBlank() ? customer.company()
        : customer.lastName() != null ? customer.lastName() : customer.displayName();
    String letters = Normalizer.normalize(source == null ? "" : source, Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    if (letters.isEmpty()) {
      letters = "WEB";
    }
    String prefix = letters.length() > 8 ? letters.substring(0, 8) : letters;
    return prefix + digest(identity(customer) + "#" + attempt);
  }

  private static String identity(Customer c) {
    if (c.email() != null && !c.email().isBlank()) {
      return "email:" + c.email().strip().toLowerCase(Locale.ROOT);
    }
    for (ExternalRef ref : c.refs()) {
      return "ref:" + ref;
    }
    String zip = c.addresses().stream().map(CustomerAddress::address).map(a -> a.postalCode())
        .filter(z -> z != null).findFirst().orElse("");
    return "name:" + c.displayName().toLowerCase(Locale.ROOT) + "|" + zip;
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      String b36 = new BigInteger(1, hash).toString(36).toUpperCase(Locale.ROOT);
      return b36.substring(0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
