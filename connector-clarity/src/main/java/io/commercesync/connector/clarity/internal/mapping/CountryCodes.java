package io.commercesync.connector.clarity.internal.mapping;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * ISO 3166-1 alpha-3 ↔ alpha-2. CEF stores the country a site configured, which the native sample shows
 * as alpha-3 ({@code USA}); the canonical model and the v1 contract use alpha-2 (reference §4.1 [P]).
 */
final class CountryCodes {

  private static final Map<String, String> ALPHA3_TO_2 = new HashMap<>();

  static {
    for (String alpha2 : Locale.getISOCountries()) {
      try {
        ALPHA3_TO_2.put(new Locale("", alpha2).getISO3Country(), alpha2);
      } catch (MissingResourceException ignored) {
        // a country without an alpha-3 code cannot be converted; it is left as is
      }
    }
  }

  private CountryCodes() {}

  /** {@code USA} → {@code US}; an alpha-2 code is returned upper-cased; blank → null; unknown → as given. */
  static String toAlpha2(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String c = code.trim().toUpperCase(Locale.ROOT);
    if (c.length() == 3) {
      return ALPHA3_TO_2.getOrDefault(c, c);
    }
    return c;
  }

  /** {@code US} → {@code USA}, for writing to CEF; null stays null. */
  static String toAlpha3(String alpha2) {
    if (alpha2 == null || alpha2.isBlank()) {
      return null;
    }
    try {
      return new Locale("", alpha2.trim().toUpperCase(Locale.ROOT)).getISO3Country();
    } catch (MissingResourceException e) {
      return alpha2;
    }
  }
}
