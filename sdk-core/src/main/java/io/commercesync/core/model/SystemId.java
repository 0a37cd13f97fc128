package io.commercesync.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a system that CommerceSync talks to, such as {@code magento} or {@code dynamics-gp}.
 *
 * <p>It appears in every {@link ExternalRef}, every error and every log line, so an operator always
 * knows which system a record or a failure belongs to. The four systems CommerceSync ships connectors
 * for have constants; a custom connector creates its own with {@link #of(String)}.
 *
 * <pre>{@code
 * ExternalRef ref = ExternalRef.of(SystemId.MAGENTO, "1043");
 * }</pre>
 *
 * @param value lower-case letters, digits and dashes, 1 to 40 characters
 */
public record SystemId(@JsonValue String value) {

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** The canonical model itself: used for violations found before any connector is involved. */
  public static final SystemId CANONICAL = new SystemId("canonical");
  /** Magento 2 / Adobe Commerce. */
  public static final SystemId MAGENTO = new SystemId("magento");
  /** Clarity eCommerce. */
  public static final SystemId CLARITY = new SystemId("clarity");
  /** Microsoft Dynamics GP. */
  public static final SystemId DYNAMICS_GP = new SystemId("dynamics-gp");
  /** Microsoft Dynamics SL. */
  public static final SystemId DYNAMICS_SL = new SystemId("dynamics-sl");

  public SystemId {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "system id must be lower-case letters, digits and dashes, starting with a letter, at most"
              + " 40 characters (was '" + value + "')");
    }
  }

  /** Returns the system id for {@code value}, e.g. {@code SystemId.of("shopify")}. */
  @JsonCreator
  public static SystemId of(String value) {
    return new SystemId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
