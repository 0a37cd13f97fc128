package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.core.model.Address;
import io.commercesync.core.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The value conversions at the SL boundary, used by the MapStruct mappers.
 *
 * <ul>
 *   <li>Money: SL keeps amounts in {@code FLOAT(53)} columns (reference §2, §5 pitfall 6). An amount
 *       read back (a JSON number printed from a double, or a JDBC {@code double}) is rounded half-even
 *       to the currency's minor units: for any amount of at most 13 integer digits that SL stored from
 *       a value with that many decimals, this gives back exactly that value, never another cent. An
 *       amount sent is the canonical amount at the currency's scale; more decimals are refused before
 *       sending, never rounded.
 *   <li>Blanks: SL stores "empty" as a space and {@code 1900-01-01}; both read as null (pitfall 2).
 *   <li>Countries: SL country ids are 3 letters ({@code USA}); the canonical model holds ISO 3166-1
 *       alpha-2. Conversion uses the ISO alpha-3 code (site-defined ids that are not ISO are kept
 *       when they already have 2 letters, refused otherwise).
 *   <li>Times: SL timestamps are server-local {@code SMALLDATETIME}; an ambiguous local time (the
 *       repeated hour when clocks go back) is read with the earlier offset.
 * </ul>
 */
public final class SlConversions {

  /** SL's "no date" (column default {@code '01/01/1900'}). */
  public static final LocalDate SL_EMPTY_DATE = LocalDate.of(1900, 1, 1);

  private static final Map<String, String> ALPHA3_TO_2 = new HashMap<>();

  static {
    for (String alpha2 : Locale.getISOCountries()) {
      ALPHA3_TO_2.put(new Locale("", alpha2).getISO3Country(), alpha2);
    }
  }

  private SlConversions() {}

  /** An SL float amount as money at the currency's scale; null stays null. */
  public static Money money(BigDecimal slAmount, Currency currency) {
    if (slAmount == null) {
      return null;
    }
    return Money.of(slAmount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), currency);
  }

  /** A JDBC {@code FLOAT(53)} amount as money (via the double's shortest decimal form). */
  public static Money money(double slAmount, Currency currency) {
    return money(BigDecimal.valueOf(slAmount), currency);
  }

  /** Money for SL: the amount at the currency's scale (the caller has refused more decimals). */
  public static BigDecimal amount(Money money) {
    if (money == null) {
      return null;
    }
    return money.amount().setScale(money.minorUnits(), RoundingMode.UNNECESSARY);
  }

  /** A quantity read from SL's float: the double's shortest decimal form, trailing zeros stripped. */
  public static BigDecimal quantity(BigDecimal slQuantity) {
    if (slQuantity == null) {
      return null;
    }
    BigDecimal q = slQuantity.setScale(Math.min(slQuantity.scale(), 9), RoundingMode.HALF_EVEN).stripTrailingZeros();
    return q.scale() < 0 ? q.setScale(0) : q;
  }

  /** A JDBC float quantity. */
  public static BigDecimal quantity(double slQuantity) {
    return quantity(BigDecimal.valueOf(slQuantity));
  }

  /** Null for SL's blank; the trimmed value otherwise. */
  public static String blankToNull(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** Null for SL's empty date. */
  public static LocalDate date(LocalDate value) {
    return value == null || !value.isAfter(SL_EMPTY_DATE) ? null : value;
  }

  /** A server-local SL timestamp as an instant in {@code zone}; earlier offset when ambiguous. */
  public static Instant instant(LocalDateTime local, ZoneId zone) {
    if (local == null || !local.toLocalDate().isAfter(SL_EMPTY_DATE)) {
      return null;
    }
    return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
  }

  /** The start of an SL date in {@code zone}. */
  public static Instant startOfDay(LocalDate date, ZoneId zone) {
    LocalDate d = date(date);
    return d == null ? null : d.atStartOfDay(zone).toInstant();
  }

  /** The SL server's local date of an instant. */
  public static LocalDate localDate(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toLocalDate();
  }

  /** {@code US} → {@code USA}; null stays null. */
  public static String slCountry(String alpha2) {
    if (alpha2 == null) {
      return null;
    }
    try {
      return new Locale("", alpha2).getISO3Country();
    } catch (java.util.MissingResourceException e) {
      return alpha2;
    }
  }

  /** {@code USA} → {@code US}; blank → null; an unknown 3-letter id stays as it is for the caller to refuse. */
  public static String isoCountry(String slCountry) {
    String c = blankToNull(slCountry);
    if (c == null) {
      return null;
    }
    String upper = c.toUpperCase(Locale.ROOT);
    String alpha2 = ALPHA3_TO_2.get(upper);
    if (alpha2 != null) {
      return alpha2;
    }
    return upper.length() == 2 ? upper : null;
  }

  /** Street line {@code index} of {@code address}, or null. */
  public static String line(Address address, int index) {
    return address == null ? null : address.line(index);
  }

  /** SL's name of an address block ({@code ShipName}, {@code Name}): the company, else the person. */
  public static String name(Address address) {
    if (address == null) {
      return null;
    }
    if (address.company() != null && !address.company().isBlank()) {
      return address.company();
    }
    String n = address.fullName();
    return n.isEmpty() ? null : n;
  }

  /** SL's attention line ({@code ShipAttn}, {@code Attn}): the person at the address, or null. */
  public static String attention(Address address) {
    if (address == null) {
      return null;
    }
    String person = ((address.firstName() == null ? "" : address.firstName()) + " "
        + (address.lastName() == null ? "" : address.lastName())).strip();
    return person.isEmpty() ? null : person;
  }

  /** The state SL stores (char(3)): the region code, else the region. */
  public static String state(Address address) {
    if (address == null) {
      return null;
    }
    return address.regionCode() != null ? address.regionCode() : address.region();
  }

  /** 1 for true, 0 for false: SL's smallint flags. */
  public static Integer flag(boolean value) {
    return value ? 1 : 0;
  }

  /** Whether an SL smallint flag is set. */
  public static boolean flag(Integer value) {
    return value != null && value != 0;
  }
}
