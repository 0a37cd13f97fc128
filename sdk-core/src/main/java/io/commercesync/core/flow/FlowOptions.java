package io.commercesync.core.flow;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.pipeline.PipelineListener;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.state.StateStore;
import java.time.Clock;
import java.util.Objects;

/**
 * What every flow needs besides its two systems: mappings, a state store, the resilience layer, how many
 * records at once, who listens, and the clock.
 *
 * <pre>{@code
 * FlowOptions options = FlowOptions.builder().mappings(mappings).store(store).resilience(resilience).build();
 * SyncFlow orders = Flows.ordersToErp(magento, gp, options);
 * }</pre>
 *
 * @param mappings the business mappings
 * @param store the state store (shared by all flows of an application)
 * @param resilience the resilience layer (shared: breakers and rate limits are per system)
 * @param concurrency records processed at once per flow
 * @param listener pipeline events
 * @param clock the clock
 */
public record FlowOptions(
    FlowMappings mappings, StateStore store, Resilience resilience, int concurrency, PipelineListener listener,
    Clock clock) {

  public FlowOptions {
    Objects.requireNonNull(mappings, "mappings");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(resilience, "resilience");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(clock, "clock");
    if (concurrency < 1) {
      throw ConfigurationException.of("flow.concurrency", "must be >= 1 (was " + concurrency + ")");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FlowOptions}; defaults: no mappings, in-memory store, default resilience, concurrency 8. */
  public static final class Builder {
    private FlowMappings mappings = FlowMappings.defaults();
    private StateStore store;
    private Resilience resilience;
    private int concurrency = 8;
    private PipelineListener listener = PipelineListener.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder mappings(FlowMappings mappings) {
      this.mappings = mappings;
      return this;
    }

    public Builder store(StateStore store) {
      this.store = store;
      return this;
    }

    public Builder resilience(Resilience resilience) {
      this.resilience = resilience;
      return this;
    }

    public Builder concurrency(int concurrency) {
      this.concurrency = concurrency;
      return this;
    }

    public Builder listener(PipelineListener listener) {
      this.listener = listener;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public FlowOptions build() {
      return new FlowOptions(mappings, store != null ? store : StateStore.inMemory(),
          resilience != null ? resilience : Resilience.defaults(), concurrency, listener, clock);
    }
  }
}
