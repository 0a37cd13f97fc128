package io.commercesync.core.state;

import io.commercesync.core.state.internal.InMemoryStateStore;
import java.time.Clock;

/** The reference implementation against its own contract. */
class InMemoryStateStoreTest extends StateStoreContract {

  @Override
  void newLocation() {}

  @Override
  StateStore openAt(Clock clock) {
    return new InMemoryStateStore(clock);
  }
}
