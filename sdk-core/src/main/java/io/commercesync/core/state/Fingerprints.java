package io.commercesync.core.state;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The hash of the last payload sent per record, so an unchanged record costs no API call (delta sync).
 */
public interface Fingerprints {

  /** The fingerprint last stored for {@code key} in {@code scope} (e.g. {@code magento:catalog:all}). */
  Optional<String> get(String scope, String key);

  /** Stores {@code fingerprint} for {@code key} in {@code scope}. */
  void put(String scope, String key, String fingerprint);

  /**
   * {@link #put}, completing once durable; a store with group commit batches concurrent calls. The
   * default runs {@link #put}.
   */
  default CompletableFuture<Void> putAsync(String scope, String key, String fingerprint) {
    try {
      put(scope, key, fingerprint);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
