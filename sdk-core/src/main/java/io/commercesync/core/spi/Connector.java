package io.commercesync.core.spi;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.util.Optional;

/**
 * A system CommerceSync can talk to, and the capabilities it offers. Flows ask for the capabilities
 * they need when they are built, so a pair that lacks one fails at start-up, not at 3 a.m.
 *
 * <pre>{@code
 * OrderSource orders = storefront.require(OrderSource.class);
 * Optional<RealtimeLookup> live = erp.capability(RealtimeLookup.class);
 * }</pre>
 */
public interface Connector {

  /** The system this connector talks to. */
  SystemId system();

  /** The capability of type {@code type}, if this connector offers it. */
  <C> Optional<C> capability(Class<C> type);

  /**
   * The capability of type {@code type}.
   *
   * @throws ConfigurationException naming the system and the capability when it is not offered
   */
  default <C> C require(Class<C> type) {
    return capability(type)
        .orElseThrow(() -> ConfigurationException.of(system(), "capability",
            "does not offer " + type.getSimpleName()));
  }
}
