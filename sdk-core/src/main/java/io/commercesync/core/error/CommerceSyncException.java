package io.commercesync.core.error;

import io.commercesync.core.model.SystemId;
import java.util.Optional;

/**
 * The root of every exception CommerceSync throws. It is unchecked, and it splits by cause:
 *
 * <ul>
 *   <li>{@link InvalidRecordException}: the data is wrong (a field too long, a required value missing,
 *       a payload that does not parse). Never retried; the pipeline dead-letters the record.
 *   <li>{@link RemoteSystemException} and its subtypes: the other system failed or refused. Retried
 *       when {@link #retryable()} says so.
 *   <li>{@link ConfigurationException}: the SDK was set up wrongly. Fails fast at build time.
 *   <li>{@link DuplicateDetectedException}: the target already holds the record; a signal, not a
 *       failure, used to prevent duplicates.
 *   <li>{@link IdempotencyConflictException}: an idempotency key was reused with a different payload.
 *   <li>{@link StateStoreException}: the state store (SQLite, PostgreSQL) failed; retryable when the
 *       database was busy or the connection was lost.
 * </ul>
 *
 * <p>Messages name the system, the operation or record and the field, and never contain a secret.
 */
public abstract class CommerceSyncException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient SystemId system;

  protected CommerceSyncException(SystemId system, String message, Throwable cause) {
    super(message, cause);
    this.system = system;
  }

  /** The system the failure belongs to, if one is known. */
  public Optional<SystemId> system() {
    return Optional.ofNullable(system);
  }

  /** Whether trying the same operation again later may succeed. */
  public abstract boolean retryable();
}
