package io.commercesync.core.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.core.codec.internal.JacksonErrors;
import io.commercesync.core.codec.internal.RecordBinder;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;

/**
 * The JSON form of the canonical model ({@link io.commercesync.core.model}): what the CLI prints, what
 * the dead-letter store keeps beside the raw payload, what tests compare.
 *
 * <p>Reading reports <em>every</em> violation in the document at once, with its path
 * ({@code lines[1].quantity: must be > 0 (was -2)}; {@code currency: must be an ISO 4217 currency
 * code (was "USDX")}), as one {@link InvalidRecordException} of system {@code canonical}.
 *
 * <pre>{@code
 * Order order = CanonicalJson.read(Files.readAllBytes(path), Order.class);
 * String json = CanonicalJson.writePretty(order);
 * }</pre>
 */
public final class CanonicalJson {

  private static final JsonCodec CODEC = JsonCodec.builder(SystemId.CANONICAL).build();
  private static final RecordBinder BINDER = new RecordBinder(CODEC.mapper());

  private CanonicalJson() {}

  /**
   * Decodes a canonical {@code type} (e.g. {@code Order.class}) from {@code json}.
   *
   * @throws InvalidRecordException with every violation found, if the document is not a valid record
   */
  public static <T extends Record> T read(byte[] json, Class<T> type) {
    return readWithUnknown(json, type).value();
  }

  /** Like {@link #read}, also reporting the properties no field took. */
  public static <T extends Record> Decoded<T> readWithUnknown(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    String entity = entityName(type);
    JsonNode tree;
    try {
      tree = CODEC.mapper().readTree(json);
    } catch (JacksonException e) {
      throw JacksonErrors.toInvalidRecord(e, SystemId.CANONICAL, entity);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RecordBinder.Result<T> result = BINDER.bind(tree, type);
    if (!result.violations().isEmpty()) {
      String id = tree != null && tree.hasNonNull("number") ? tree.get("number").asText() : null;
      if (id == null && tree != null && tree.hasNonNull("sku")) {
        id = tree.get("sku").asText();
      }
      throw InvalidRecordException.builder(SystemId.CANONICAL, entity)
          .recordId(id)
          .violations(result.violations())
          .build();
    }
    return new Decoded<>(result.value(), result.unknown());
  }

  /** Encodes a canonical record as compact UTF-8 JSON. */
  public static byte[] write(Object value) {
    return CODEC.write(value);
  }

  /** Encodes a canonical record as indented JSON. */
  public static String writePretty(Object value) {
    return CODEC.writePretty(value);
  }

  /** {@code OrderLine} → {@code order line}. */
  static String entityName(Class<?> type) {
    String simple = type.getSimpleName();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < simple.length(); i++) {
      char c = simple.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append(' ');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
