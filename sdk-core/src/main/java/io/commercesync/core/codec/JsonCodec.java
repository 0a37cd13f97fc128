package io.commercesync.core.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.codec.internal.JacksonErrors;
import io.commercesync.core.codec.internal.JacksonMappers;
import io.commercesync.core.codec.internal.UnknownProperties;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes one system's JSON safely. Decimals are always {@link java.math.BigDecimal}, dates
 * ISO-8601, unknown properties tolerated (and reported by {@link #readWithUnknown}), and hostile input
 * is refused within {@link JsonLimits}.
 *
 * <p>A payload that does not decode never surfaces as a Jackson exception: it is an {@link
 * InvalidRecordException} naming the system, the entity and the path of the bad field
 * ({@code items[2].qty_ordered: must be a number (was "two")}).
 *
 * <pre>{@code
 * JsonCodec magentoJson = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();
 * MagentoOrder order = magentoJson.read(body, MagentoOrder.class, "order");
 * byte[] request = magentoJson.write(shipRequest);
 * }</pre>
 *
 * <p>Immutable and thread-safe; build one per system and share it.
 */
public final class JsonCodec {

  private final SystemId system;
  private final JsonNaming naming;
  private final JsonLimits limits;
  private final boolean failOnUnknown;
  private final ObjectMapper mapper;

  private JsonCodec(Builder b) {
    this.system = b.system;
    this.naming = b.naming;
    this.limits = b.limits;
    this.failOnUnknown = b.failOnUnknown;
    this.mapper = JacksonMappers.create(naming, limits, failOnUnknown);
  }

  /** Starts a codec for {@code system}'s payloads. */
  public static Builder builder(SystemId system) {
    return new Builder(system);
  }

  /** The system whose payloads this codec reads; it is named in every error. */
  public SystemId system() {
    return system;
  }

  /** The limits applied while parsing. */
  public JsonLimits limits() {
    return limits;
  }

  /** A builder holding this codec's settings. */
  public Builder toBuilder() {
    return new Builder(system).naming(naming).limits(limits).failOnUnknown(failOnUnknown);
  }

  /**
   * Decodes {@code json} into a {@code type}.
   *
   * @param entity what the payload is, for error messages ({@code order}, {@code customer search page})
   * @throws InvalidRecordException if it does not parse, breaks a limit or does not fit {@code type}
   */
  public <T> T read(byte[] json, Class<T> type, String entity) {
    Objects.requireNonNull(json, "json");
    try {
      return mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw JacksonErrors.toInvalidRecord(e, system, entity);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes {@code json} from a string; see {@link #read(byte[], Class, String)}. */
  public <T> T read(String json, Class<T> type, String entity) {
    return read(json.getBytes(StandardCharsets.UTF_8), type, entity);
  }

  /**
   * Decodes a JSON document from {@code in} (not closed). A stream that fails to deliver its bytes
   * (a connection reset mid-body) is an {@link UncheckedIOException}, not an invalid record.
   */
  public <T> T read(InputStream in, Class<T> type, String entity) {
    Objects.requireNonNull(in, "in");
    try {
      return mapper.readValue(in, type);
    } catch (JacksonException e) {
      throw JacksonErrors.toInvalidRecord(e, system, entity);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a JSON array of {@code elementType}. */
  public <T> List<T> readList(byte[] json, Class<T> elementType, String entity) {
    JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, elementType);
    try {
      List<T> list = mapper.readerFor(listType).readValue(json);
      return list == null ? List.of() : list;
    } catch (JacksonException e) {
      throw JacksonErrors.toInvalidRecord(e, system, entity);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes {@code json} and reports the properties no field took, as paths such as
   * {@code items[0].gift_message}.
   */
  public <T> Decoded<T> readWithUnknown(byte[] json, Class<T> type, String entity) {
    Objects.requireNonNull(json, "json");
    try {
      JsonNode tree = mapper.readTree(json);
      if (tree == null) {
        tree = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
      }
      T value = mapper.treeToValue(tree, type);
      List<String> unknown = new UnknownProperties(mapper).find(tree, mapper.constructType(type));
      return new Decoded<>(value, unknown);
    } catch (JacksonException e) {
      throw JacksonErrors.toInvalidRecord(e, system, entity);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Encodes {@code value} as compact UTF-8 JSON. */
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw new IllegalStateException(
          system + ": cannot encode " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Encodes {@code value} as indented JSON, for people to read. */
  public String writePretty(Object value) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JacksonException e) {
      throw new IllegalStateException(
          system + ": cannot encode " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Encodes {@code value} as a compact JSON string. */
  public String writeString(Object value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }

  /** The configured mapper, for CommerceSync's own modules (e.g. the canonical binder). */
  ObjectMapper mapper() {
    return mapper;
  }

  /** Builds a {@link JsonCodec}. Not thread-safe. */
  public static final class Builder {
    private final SystemId system;
    private JsonNaming naming = JsonNaming.AS_DECLARED;
    private JsonLimits limits = JsonLimits.DEFAULT;
    private boolean failOnUnknown;

    private Builder(SystemId system) {
      this.system = Objects.requireNonNull(system, "system");
    }

    /** How Java names map to JSON names; default {@link JsonNaming#AS_DECLARED}. */
    public Builder naming(JsonNaming naming) {
      this.naming = Objects.requireNonNull(naming, "naming");
      return this;
    }

    /** Parsing limits; default {@link JsonLimits#DEFAULT}. */
    public Builder limits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Whether an unknown property is an error; default false (tolerated). */
    public Builder failOnUnknown(boolean failOnUnknown) {
      this.failOnUnknown = failOnUnknown;
      return this;
    }

    public JsonCodec build() {
      if (system == null) {
        throw ConfigurationException.of("json.system", "is required");
      }
      return new JsonCodec(this);
    }
  }
}
