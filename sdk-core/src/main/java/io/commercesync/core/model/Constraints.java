package io.commercesync.core.model;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the invariants of one canonical record and reports every broken one at once, as an
 * {@link InvalidRecordException} of system {@code canonical}. Used by the records' compact
 * constructors; connectors re-label the exception with their own system and record id.
 */
final class Constraints {

  /** Largest number of integer digits in an amount or a quantity (beyond any ERP's numeric(19,5)). */
  static final int MAX_INTEGER_DIGITS = 15;
  /** Largest number of decimal places kept in an amount or a quantity. */
  static final int MAX_SCALE = 10;

  private final InvalidRecordException.Builder errors;

  private Constraints(String entity) {
    this.errors = InvalidRecordException.builder(SystemId.CANONICAL, entity);
  }

  static Constraints of(String entity) {
    return new Constraints(entity);
  }

  Constraints require(Object value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.violation(FieldViolation.required(field));
    }
    return this;
  }

  Constraints check(boolean ok, String field, String rule, Object rejected, String message) {
    if (!ok) {
      errors.violation(FieldViolation.of(field, rule, rejected, message));
    }
    return this;
  }

  /** A decimal of sane size: at most 15 integer digits and 10 decimal places (a huge exponent is refused). */
  Constraints decimal(BigDecimal value, String field) {
    if (value != null && !saneDecimal(value)) {
      errors.violation(
          FieldViolation.of(
              field,
              FieldViolation.RULE_RANGE,
              value,
              "must have at most " + MAX_INTEGER_DIGITS + " integer digits and " + MAX_SCALE
                  + " decimal places"));
    }
    return this;
  }

  Constraints positive(BigDecimal value, String field) {
    decimal(value, field);
    if (value != null && value.signum() <= 0) {
      errors.violation(FieldViolation.of(field, FieldViolation.RULE_RANGE, value, "must be > 0"));
    }
    return this;
  }

  Constraints nonNegative(Money value, String field) {
    if (value != null && value.amount().signum() < 0) {
      errors.violation(
          FieldViolation.of(field, FieldViolation.RULE_RANGE, value.amount(), "must be >= 0"));
    }
    return this;
  }

  Constraints currency(Money value, Currency expected, String field) {
    if (value != null && expected != null && !value.currency().equals(expected)) {
      errors.violation(
          FieldViolation.of(
              field,
              FieldViolation.RULE_CONSISTENCY,
              value.currency().getCurrencyCode(),
              "must be in " + expected.getCurrencyCode()));
    }
    return this;
  }

  Constraints maxLength(String value, String field, int max) {
    if (value != null && value.length() > max) {
      errors.violation(FieldViolation.tooLong(field, value, max));
    }
    return this;
  }

  void throwIfAny() {
    errors.throwIfAny();
  }

  static boolean saneDecimal(BigDecimal value) {
    int scale = value.scale();
    // precision() - scale() is the count of integer digits; both are cheap even for 1e999999999
    long integerDigits = (long) value.precision() - scale;
    if (integerDigits > MAX_INTEGER_DIGITS) {
      return false;
    }
    if (scale <= MAX_SCALE) {
      return true;
    }
    // trailing zeros beyond the limit are harmless (1.50000000000000 is 1.5)
    return scale - MAX_SCALE <= 64 && value.stripTrailingZeros().scale() <= MAX_SCALE;
  }

  /** An unmodifiable copy of {@code list}; null becomes empty; null elements are a violation. */
  <T> List<T> list(List<T> list, String field) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      T element = list.get(i);
      if (element == null) {
        errors.violation(FieldViolation.required(field + "[" + i + "]"));
      } else {
        copy.add(element);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** An unmodifiable, order-keeping copy of {@code map}; null becomes empty; null keys/values are violations. */
  <V> Map<String, V> map(Map<String, V> map, String field) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (key == null) {
            errors.violation(FieldViolation.required(field + " key"));
          } else if (value == null) {
            errors.violation(FieldViolation.required(field + "." + key));
          } else {
            copy.put(key, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
