package io.commercesync.core.error;

/**
 * The call produced no usable answer: connection refused or reset, read timeout, a body that was
 * truncated or garbled. Retryable, but for a write the remote side may already have applied it, so
 * writes are only retried under an idempotency key (and reconciled through the sink's lookup).
 */
public final class TransportException extends RemoteSystemException {

  private static final long serialVersionUID = 1L;

  private final boolean timedOut;

  TransportException(Builder builder, boolean timedOut) {
    super(builder);
    this.timedOut = timedOut;
  }

  /** Whether the failure was a timeout (as opposed to a reset, a refusal or a garbled body). */
  public boolean timedOut() {
    return timedOut;
  }
}
