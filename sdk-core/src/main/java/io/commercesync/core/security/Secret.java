package io.commercesync.core.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.commercesync.core.error.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;

/**
 * A credential: a password, an API key, an OAuth token secret, an HMAC key.
 *
 * <p>Its value is only reachable through {@link #reveal()}, which the code that signs or sends a
 * request calls at the last moment. Everywhere else it is masked: {@code toString()} prints
 * {@value #MASK}, it serialises to JSON as {@value #MASK}, it cannot be read back from JSON, and
 * {@link #equals(Object)} compares in constant time.
 *
 * <pre>{@code
 * Secret key = Secret.fromEnv("MAGENTO_CONSUMER_SECRET");   // fails fast, naming the variable
 * Secret inline = Secret.of(System.getProperty("agent.key"));
 * }</pre>
 */
public final class Secret {

  /** What a secret shows instead of its value. */
  public static final String MASK = "******";

  private final String value;

  @JsonCreator(mode = JsonCreator.Mode.DISABLED)
  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps {@code value}.
   *
   * @throws ConfigurationException if it is null or blank (the message does not show it)
   */
  @JsonCreator(mode = JsonCreator.Mode.DISABLED)
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw ConfigurationException.of("secret", "must not be null or blank");
    }
    return new Secret(value);
  }

  /**
   * Reads the secret from environment variable {@code name}.
   *
   * @throws ConfigurationException naming the variable (never its value) if it is unset or blank
   */
  @JsonCreator(mode = JsonCreator.Mode.DISABLED)
  public static Secret fromEnv(String name) {
    return fromEnv(name, System.getenv());
  }

  /** Reads the secret {@code name} from {@code environment}; for tests and custom sources. */
  public static Secret fromEnv(String name, Map<String, String> environment) {
    Objects.requireNonNull(name, "name");
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw ConfigurationException.of(
          "env:" + name, "environment variable is not set or is blank; set it to the credential");
    }
    return new Secret(value);
  }

  /** The value itself. Call it only where the credential is used, and never log the result. */
  public String reveal() {
    return value;
  }

  /** The value as UTF-8 bytes, e.g. for an HMAC key. */
  public byte[] revealBytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** Always {@value #MASK}. */
  @JsonValue
  @Override
  public String toString() {
    return MASK;
  }

  /** Constant-time comparison of the two values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(revealBytes(), that.revealBytes());
  }

  /** Constant, so a hash table cannot leak anything about the value. */
  @Override
  public int hashCode() {
    return 0x5ec4e7;
  }
}
