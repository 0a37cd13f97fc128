package io.commercesync.core.codec.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import java.util.List;

/** Turns Jackson's exceptions into {@link InvalidRecordException}s with a field path. */
public final class JacksonErrors {

  private JacksonErrors() {}

  /** The document-level path used when a violation concerns the payload as a whole. */
  public static final String DOCUMENT = "(document)";

  public static InvalidRecordException toInvalidRecord(
      JacksonException e, SystemId system, String entity) {
    return InvalidRecordException.builder(system, entity).violation(violation(e)).cause(null).build();
  }

  public static FieldViolation violation(JacksonException e) {
    // databind wraps the streaming layer's errors; the root cause says what really happened
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof StreamConstraintsException || c instanceof com.fasterxml.jackson.core.JsonParseException
          || c instanceof java.io.CharConversionException) {
        return c instanceof JacksonException je ? violation(je) : syntax(c.getMessage());
      }
    }
    if (e instanceof StreamConstraintsException) {
      return FieldViolation.of(
          DOCUMENT, FieldViolation.RULE_LIMIT, null, "payload exceeds a safety limit: " + e.getOriginalMessage());
    }
    if (e instanceof ValueInstantiationException vie
        && vie.getCause() instanceof InvalidRecordException invalid) {
      // the first violation carries the context; callers wanting all use the canonical binder
      String at = path(vie.getPath());
      return invalid.violations().get(0).under(at);
    }
    if (e instanceof UnrecognizedPropertyException upe) {
      return FieldViolation.of(
          path(upe.getPath()), FieldViolation.RULE_FORMAT, null, "is not a known property");
    }
    if (e instanceof InvalidFormatException ife) {
      return FieldViolation.of(
          path(ife.getPath()),
          FieldViolation.RULE_TYPE,
          ife.getValue(),
          "must be " + describe(ife.getTargetType()));
    }
    if (e instanceof MismatchedInputException mie) {
      String at = path(mie.getPath());
      if (at.isEmpty()) {
        return FieldViolation.of(DOCUMENT, FieldViolation.RULE_SYNTAX, null, clean(e));
      }
      return FieldViolation.of(at, FieldViolation.RULE_TYPE, null,
          "must be " + describe(mie.getTargetType()));
    }
    if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      return FieldViolation.of(path(jme.getPath()), FieldViolation.RULE_TYPE, null, clean(e));
    }
    return FieldViolation.of(DOCUMENT, FieldViolation.RULE_SYNTAX, null, "malformed JSON: " + clean(e));
  }

  private static FieldViolation syntax(String message) {
    return FieldViolation.of(DOCUMENT, FieldViolation.RULE_SYNTAX, null,
        "malformed JSON: " + (message == null ? "unreadable bytes" : message));
  }

  /** {@code items[2].qty_ordered} from Jackson's reference chain. */
  public static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  static String describe(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    if (type == java.util.Currency.class) {
      return "an ISO 4217 currency code";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an ISO-8601 " + type.getSimpleName();
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object (" + type.getSimpleName() + ")";
  }

  private static String clean(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      message = e.getClass().getSimpleName();
    }
    // keep the first line: Jackson appends hints and, unless disabled, source excerpts
    int newline = message.indexOf('\n');
    if (newline > 0) {
      message = message.substring(0, newline);
    }
    if (message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    if (e instanceof JsonProcessingException jpe) {
      JsonLocation at = jpe.getLocation();
      if (at != null && at.getLineNr() > 0) {
        message = message + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      }
    }
    return message;
  }
}
