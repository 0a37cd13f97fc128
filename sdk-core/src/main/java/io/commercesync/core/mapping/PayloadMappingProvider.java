package io.commercesync.core.mapping;

import java.util.List;

/**
 * Service-provider interface through which a connector contributes its {@link PayloadMapping}s.
 * Implementations are listed in {@code META-INF/services/io.commercesync.core.mapping.PayloadMappingProvider}
 * and found with {@link java.util.ServiceLoader}; they need a public no-argument constructor.
 */
public interface PayloadMappingProvider {

  /** The mappings this connector offers. */
  List<PayloadMapping> mappings();
}
