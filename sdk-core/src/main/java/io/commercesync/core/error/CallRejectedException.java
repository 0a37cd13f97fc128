package io.commercesync.core.error;

import io.commercesync.core.model.SystemId;

/**
 * CommerceSync itself refused to make a call, to protect the other system: its circuit breaker is open,
 * the local rate limit or the concurrent-call limit could not grant a permit in time. Nothing was
 * sent. The pipeline keeps the record pending (never dead-letters it) and, for an open circuit, ends
 * the run paused.
 */
public final class CallRejectedException extends CommerceSyncException {

  private static final long serialVersionUID = 1L;

  /** Why the call was not made. */
  public enum Reason {
    /** The system's circuit breaker is open after repeated failures. */
    CIRCUIT_OPEN,
    /** No rate-limit permit within the allowed wait. */
    RATE_LIMITED_LOCALLY,
    /** Too many concurrent calls to the system for longer than the allowed wait. */
    BULKHEAD_FULL
  }

  private final Reason reason;

  public CallRejectedException(SystemId system, Reason reason, Throwable cause) {
    super(system, system + ": call not made: " + describe(reason), cause);
    this.reason = reason;
  }

  private static String describe(Reason reason) {
    return switch (reason) {
      case CIRCUIT_OPEN -> "circuit breaker is open after repeated failures (records stay pending)";
      case RATE_LIMITED_LOCALLY -> "local rate limit permit not granted in time";
      case BULKHEAD_FULL -> "too many concurrent calls for too long";
    };
  }

  public Reason reason() {
    return reason;
  }

  /** Always true: the call can be made later. */
  @Override
  public boolean retryable() {
    return true;
  }
}
