package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes CEF's date strings. ServiceStack writes ISO-8601 ({@code JsConfig.DateHandler =
 * ISO8601}, reference §2.3 [C]) with seven fraction digits; with {@code APIUseUTC} on it adds {@code Z},
 * otherwise no offset at all. A date without an offset is read as UTC [I].
 */
final class CefDates {

  private CefDates() {}

  /** {@code value} as an instant, or null when absent; a bad value is a violation at {@code field}. */
  static Instant instant(String value, String entity, String recordKey, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        try {
          return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
          throw InvalidRecordException.of(SystemId.CLARITY, entity, recordKey,
              FieldViolation.of(field, FieldViolation.RULE_FORMAT, value, "must be an ISO-8601 date-time"));
        }
      }
    }
  }

  /** The local date (UTC) of {@code value}, or null. */
  static LocalDate date(String value, String entity, String recordKey, String field) {
    Instant at = instant(value, entity, recordKey, field);
    return at == null ? null : LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /** How CEF writes an instant: ISO-8601 UTC with {@code Z}. */
  static String format(Instant value) {
    return value == null ? null : value.toString();
  }

  /** A date as CEF takes it: midnight UTC. */
  static String format(LocalDate value) {
    return value == null ? null : value.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
  }
}
