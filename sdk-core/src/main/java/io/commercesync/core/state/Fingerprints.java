package io.commercesync.core.state;

import java.util.Optional;

/**
 * The hash of the last payload sent per record, so an unchanged record costs no API call (delta sync).
 */
public interface Fingerprints {

  /** The fingerprint last stored for {@code key} in {@code scope} (e.g. {@code magento:catalog:all}). */
  Optional<String> get(String scope, String key);

  /** Stores {@code fingerprint} for {@code key} in {@code scope}. */
  void put(String scope, String key, String fingerprint);
}
