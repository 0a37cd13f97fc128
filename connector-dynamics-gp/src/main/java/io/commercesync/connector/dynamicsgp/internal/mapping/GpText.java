package io.commercesync.connector.dynamicsgp.internal.mapping;

import io.commercesync.core.model.Address;
import java.util.Locale;

/** Small text conversions the GP mappers share. */
public final class GpText {

  private GpText() {}

  /** Upper case and trimmed, or null. */
  public static String upper(String s) {
    return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
  }

  /** Descriptive text cut to {@code max} characters (never used for keys), or null when blank. */
  public static String clip(String s, int max) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    return t.length() <= max ? t : t.substring(0, max);
  }

  /**
   * A line description for {@code ITEMDESC}: {@link #clip clipped}, or null when it holds a character GP's
   * code page 1252 {@code char} columns cannot store (a storefront name in another script). Null makes GP
   * take the item master's own description, so such a name never blocks an order; key fields are never
   * treated this way.
   */
  public static String description(String s, int max) {
    String t = clip(s, max);
    return t == null || java.nio.charset.Charset.forName("windows-1252").newEncoder().canEncode(t) ? t : null;
  }

  /** Upper-case letters and digits of {@code s}: {@code WEB-100045871} → {@code WEB100045871}. */
  public static String alnum(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The digits of a phone number (GP stores PHNUMBR1 as digits), or null. */
  public static String phone(String s) {
    if (s == null) {
      return null;
    }
    String digits = s.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? null : digits;
  }

  /** The English country name GP keeps in COUNTRY ({@code US} → {@code United States}), or null. */
  public static String countryName(String iso2) {
    if (iso2 == null || iso2.isBlank()) {
      return null;
    }
    String name = new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
    return name.isBlank() ? iso2 : name;
  }

  /** STATE: the region code when there is one ({@code IL}), else the region name. */
  public static String state(Address a) {
    return a.regionCode() != null && !a.regionCode().isBlank() ? a.regionCode() : a.region();
  }

  /** CNTCPRSN holds one name: all but the last word, or null. */
  public static String firstName(String contact) {
    if (contact == null || !contact.trim().contains(" ")) {
      return null;
    }
    String t = contact.trim();
    return t.substring(0, t.lastIndexOf(' ')).trim();
  }

  /** CNTCPRSN's last word, or null. */
  public static String lastName(String contact) {
    if (contact == null || contact.isBlank()) {
      return null;
    }
    String t = contact.trim();
    return t.contains(" ") ? t.substring(t.lastIndexOf(' ') + 1) : t;
  }

  /** IV00108 FROMQTY as a minimum quantity: at least 1. */
  public static java.math.BigDecimal minQuantity(java.math.BigDecimal fromqty) {
    return fromqty == null || fromqty.signum() <= 0 ? java.math.BigDecimal.ONE : fromqty;
  }

  /** IV00101 INACTIVE and ITEMTYPE (2 = discontinued) as an item status. */
  public static io.commercesync.core.model.ItemStatus status(Integer inactive, Integer itemtype) {
    if (inactive != null && inactive == 1) {
      return io.commercesync.core.model.ItemStatus.INACTIVE;
    }
    return itemtype != null && itemtype == 2 ? io.commercesync.core.model.ItemStatus.DISCONTINUED
        : io.commercesync.core.model.ItemStatus.ACTIVE;
  }
}
