package io.commercesync.core.resilience;

/** The state of a system's circuit breaker. */
public enum BreakerState {
  /** Calls flow. */
  CLOSED,
  /** Calls are refused without I/O. */
  OPEN,
  /** One probe call is allowed to test whether the system is back. */
  HALF_OPEN
}
