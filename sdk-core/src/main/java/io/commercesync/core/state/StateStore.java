package io.commercesync.core.state;

import io.commercesync.core.state.internal.InMemoryStateStore;

/**
 * Everything a pipeline must remember across runs and crashes: checkpoints, the idempotency ledger,
 * dead letters, cross-references, fingerprints and received events.
 *
 * <pre>{@code
 * StateStore store = StateStore.inMemory();               // tests
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface StateStore extends AutoCloseable {

  Checkpoints checkpoints();

  IdempotencyLedger ledger();

  DeadLetters deadLetters();

  CrossReferences crossReferences();

  Fingerprints fingerprints();

  ReceivedEvents receivedEvents();

  /** Claims on work shared by several instances. */
  Leases leases();

  /** Releases connections and files. */
  @Override
  void close();

  /** A store that forgets everything when the JVM ends: for tests and dry runs. */
  static StateStore inMemory() {
    return new InMemoryStateStore();
  }
}
