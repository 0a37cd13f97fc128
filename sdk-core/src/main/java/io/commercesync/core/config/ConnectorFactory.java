package io.commercesync.core.config;

import io.commercesync.core.spi.Connector;

/**
 * Builds a connector from configuration, so applications (and {@code commercesync sync --config}) can
 * wire systems without code. Each connector module contributes one through
 * {@code META-INF/services/io.commercesync.core.config.ConnectorFactory}.
 */
public interface ConnectorFactory {

  /** The {@code type} this factory builds: {@code magento}, {@code clarity}, {@code dynamics-gp}… */
  String type();

  /**
   * Builds the connector described by {@code settings}.
   *
   * @throws io.commercesync.core.error.ConfigurationException naming the bad setting
   */
  Connector create(Settings settings);

  /** Finds the factory for {@code type} on the class path. */
  static ConnectorFactory forType(String type) {
    for (ConnectorFactory factory : java.util.ServiceLoader.load(ConnectorFactory.class)) {
      if (factory.type().equalsIgnoreCase(type)) {
        return factory;
      }
    }
    java.util.List<String> known = new java.util.ArrayList<>();
    java.util.ServiceLoader.load(ConnectorFactory.class).forEach(f -> known.add(f.type()));
    throw io.commercesync.core.error.ConfigurationException.of("type",
        "no connector of type " + type + " is on the class path (known: " + known + ")");
  }
}
