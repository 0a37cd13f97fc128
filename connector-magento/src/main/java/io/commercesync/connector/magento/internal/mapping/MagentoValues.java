package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * Conversions of Magento's scalar formats, shared by the mappers: money parsed as {@link BigDecimal} and
 * cleaned of float noise ({@code 29.949999999999999} → {@code 29.95}: Magento stores decimal(20,4) and
 * prints PHP floats, reference §6), timestamps {@code YYYY-MM-DD HH:MM:SS} in UTC without zone.
 */
public final class MagentoValues {

  /** Magento's timestamp format: {@code 2025-03-15 09:41:37}, UTC. */
  public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Decimal places Magento keeps for amounts (decimal(20,4)). */
  static final int STORED_SCALE = 4;

  private MagentoValues() {}

  /** {@code value} cleaned of binary float noise: rounded half-up to 4 places, trailing zeros dropped. */
  public static BigDecimal clean(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal r = value.setScale(STORED_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  /** {@code value} in {@code currency}, zero when absent. */
  public static Money money(BigDecimal value, Currency currency) {
    return Money.of(value == null ? BigDecimal.ZERO : clean(value), currency);
  }

  /** {@code value} in {@code currency}, or null when absent. */
  public static Money moneyOrNull(BigDecimal value, Currency currency) {
    return value == null ? null : Money.of(clean(value), currency);
  }

  /** Parses {@code 2025-03-15 09:41:37} (UTC); null stays null. */
  public static Instant instant(String value, String entity, String recordId, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.trim(), TIMESTAMP).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(value.trim());
      } catch (DateTimeParseException e2) {
        throw InvalidRecordException.of(SystemId.MAGENTO, entity, recordId,
            FieldViolation.of(field, FieldViolation.RULE_FORMAT, value,
                "must be a timestamp like 2025-03-15 09:41:37 (UTC)"));
      }
    }
  }

  /** {@code 2025-03-15 09:41:37} for {@code instant}. */
  public static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant.atOffset(ZoneOffset.UTC));
  }

  /** Whether a 0/1 flag is set. */
  public static boolean flag(Integer value) {
    return value != null && value != 0;
  }

  /** A string id for a numeric one, or null. */
  public static String id(Long value) {
    return value == null ? null : String.valueOf(value);
  }
}
