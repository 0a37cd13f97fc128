package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.core.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Context;

/**
 * Conversions the MapStruct mappers share: an amount becomes {@link Money} in the record's currency
 * (passed as {@link Context}), and street fields become address lines.
 */
final class MoneyMapping {

  private MoneyMapping() {}

  static Money money(BigDecimal amount, @Context Currency currency) {
    return amount == null ? null : Money.of(amount, currency);
  }

  static BigDecimal amount(Money money) {
    return money == null ? null : money.amount();
  }

  /** The non-blank values, in order. */
  static List<String> lines(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        out.add(p);
      }
    }
    return out;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
