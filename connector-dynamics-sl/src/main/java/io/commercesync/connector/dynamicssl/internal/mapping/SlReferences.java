package io.commercesync.connector.dynamicssl.internal.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** Account strings and deterministic SL reference numbers. */
public final class SlReferences {

  private SlReferences() {}

  /** {@code 1010/01-000-00} → {@code 1010}. */
  public static String acct(String account) {
    if (account == null) {
      return null;
    }
    int slash = account.indexOf('/');
    return (slash < 0 ? account : account.substring(0, slash)).strip();
  }

  /** {@code 1010/01-000-00} → {@code 01-000-00}; {@code defaultSub} when there is no {@code /}. */
  public static String sub(String account, String defaultSub) {
    if (account == null) {
      return defaultSub;
    }
    int slash = account.indexOf('/');
    return slash < 0 ? defaultSub : account.substring(slash + 1).strip();
  }

  /**
   * A char(10) reference number: the key itself when it has at most 10 characters, else {@code W}
   * and 9 base-36 digits of its SHA-256 (deterministic, so a retry sends the same number).
   */
  public static String refNbr(String key) {
    if (key == null) {
      return null;
    }
    if (key.length() <= 10) {
      return key;
    }
    return "W" + digest(key, 9);
  }

  /** {@code length} upper-case base-36 digits of SHA-256({@code text}). */
  public static String digest(String text, int length) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      String b36 = new java.math.BigInteger(1, hash).toString(36).toUpperCase(Locale.ROOT);
      StringBuilder padded = new StringBuilder(b36);
      while (padded.length() < length) {
        padded.insert(0, '0');
      }
      return padded.substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
