package io.commercesync.connector.clarity.internal.http;

import io.commercesync.core.error.FieldViolation;
import java.util.Locale;

/** Remote validation codes (CEF {@code ErrorCode}, v1 problem {@code code}) → CommerceSync rule names. */
final class Violations {

  private Violations() {}

  static String rule(String remoteCode) {
    if (remoteCode == null) {
      return FieldViolation.RULE_FORMAT;
    }
    String c = remoteCode.toLowerCase(Locale.ROOT).replace("_", "");
    if (c.contains("length") || c.contains("toolong") || c.contains("maxlength")) {
      return FieldViolation.RULE_MAX_LENGTH;
    }
    if (c.contains("notempty") || c.contains("notnull") || c.contains("required") || c.contains("missing")) {
      return FieldViolation.RULE_REQUIRED;
    }
    if (c.contains("type")) {
      return FieldViolation.RULE_TYPE;
    }
    if (c.contains("unknown") || c.contains("notfound")) {
      return FieldViolation.RULE_UNKNOWN_REFERENCE;
    }
    if (c.contains("range") || c.contains("greater") || c.contains("less") || c.contains("negative")) {
      return FieldViolation.RULE_RANGE;
    }
    return FieldViolation.RULE_FORMAT;
  }

  /** The remote message, with its code when the rule name loses it. */
  static String message(String message, String code) {
    String m = message == null || message.isBlank() ? "was refused" : message;
    return code == null ? m : m + " [" + code + "]";
  }
}
