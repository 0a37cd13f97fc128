package io.commercesync.core.error;

import java.util.Objects;

/**
 * One reason a record is invalid: which field, which rule, what value was rejected and why.
 *
 * <p>{@link #toString()} reads as an operator would want it:
 * {@code lines[2].qty_ordered: must be >= 0 (was -1)}. Rejected values are shortened to
 * {@value #MAX_VALUE_CHARS} characters and have control characters escaped, so a 20 MB string or a
 * line break cannot flood or forge a log; sensitive values are replaced by {@value #REDACTED}.
 *
 * @param path the field path, JSON-like: {@code lines[2].sku}, {@code CUSTNMBR}, {@code /items/0/qty}
 * @param rule a short machine-readable rule name, see the {@code RULE_*} constants
 * @param rejectedValue the rejected value as displayed (already shortened or redacted), or null when
 *     the value was absent
 * @param message a human sentence fragment such as {@code must be >= 0}
 */
public record FieldViolation(String path, String rule, String rejectedValue, String message) {

  /** The value is required but missing or blank. */
  public static final String RULE_REQUIRED = "required";
  /** The value is longer than the target allows. */
  public static final String RULE_MAX_LENGTH = "max-length";
  /** The value is out of the allowed numeric range. */
  public static final String RULE_RANGE = "range";
  /** The value does not match the allowed format or character set. */
  public static final String RULE_FORMAT = "format";
  /** The value has the wrong JSON/XML type. */
  public static final String RULE_TYPE = "type";
  /** The payload itself does not parse (truncated, malformed, not UTF-8). */
  public static final String RULE_SYNTAX = "syntax";
  /** The payload exceeds a safety limit (size, nesting, string length). */
  public static final String RULE_LIMIT = "limit";
  /** Several values disagree (totals, currencies, balances). */
  public static final String RULE_CONSISTENCY = "consistency";
  /** The value refers to something the target does not know (sku, customer, site). */
  public static final String RULE_UNKNOWN_REFERENCE = "unknown-reference";

  /** Longest rejected value kept in a violation. */
  public static final int MAX_VALUE_CHARS = 80;
  /** What a sensitive rejected value is replaced by. */
  public static final String REDACTED = "<redacted>";

  public FieldViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** A violation showing the rejected value (shortened and escaped). */
  public static FieldViolation of(String path, String rule, Object rejected, String message) {
    return new FieldViolation(path, rule, display(rejected), message);
  }

  /** A violation for a missing value. */
  public static FieldViolation required(String path) {
    return new FieldViolation(path, RULE_REQUIRED, null, "is required");
  }

  /** A violation whose rejected value must never be shown (card data, personal data, secrets). */
  public static FieldViolation sensitive(String path, String rule, String message) {
    return new FieldViolation(path, rule, REDACTED, message);
  }

  /** A violation for a string longer than {@code max} characters. */
  public static FieldViolation tooLong(String path, String value, int max) {
    return new FieldViolation(
        path,
        RULE_MAX_LENGTH,
        display(value),
        "must be at most " + max + " characters (was " + value.length() + ")");
  }

  /** The same violation under {@code prefix}: {@code quantity} becomes {@code lines[2].quantity}. */
  public FieldViolation under(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return this;
    }
    String joined;
    if (path.isEmpty()) {
      joined = prefix;
    } else if (path.startsWith("[") || path.startsWith("/")) {
      joined = prefix + path;
    } else {
      joined = prefix + "." + path;
    }
    return new FieldViolation(joined, rule, rejectedValue, message);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (!path.isEmpty()) {
      text.append(path).append(": ");
    }
    text.append(message);
    if (rejectedValue != null && !message.contains("(was ")) {
      text.append(" (was ").append(rejectedValue).append(')');
    }
    return text.toString();
  }

  static String display(Object value) {
    if (value == null) {
      return null;
    }
    // BigDecimal.toString() keeps exponent notation: toPlainString() of 1e999999999 would exhaust memory
    String text = String.valueOf(value);
    return shorten(text);
  }

  private static String shorten(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_VALUE_CHARS) + 24);
    int shown = 0;
    for (int i = 0; i < text.length() && shown < MAX_VALUE_CHARS; i++, shown++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > MAX_VALUE_CHARS) {
      out.append("…(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
