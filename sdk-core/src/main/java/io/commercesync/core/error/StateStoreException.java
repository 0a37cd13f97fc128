package io.commercesync.core.error;

import java.util.Objects;
import java.util.Optional;

/**
 * The state store (SQLite or PostgreSQL) could not do what was asked: the database is locked by another
 * process, the connection was lost, the disk is full, the schema is newer than this SDK. A raw
 * {@link java.sql.SQLException} never leaves a store; it arrives as this, naming the backend and the
 * operation ({@code ledger.begin}, {@code deadLetters.add}…).
 *
 * <p>{@link #retryable()} is true for failures that may pass on their own: SQLite {@code SQLITE_BUSY} /
 * {@code SQLITE_LOCKED}, PostgreSQL serialization failures and deadlocks ({@code 40001}, {@code 40P01}),
 * lock timeouts, lost or refused connections (SQLState class {@code 08}), a server shutting down or out
 * of connections. Everything else (a corrupt file, a missing permission, a schema from a newer SDK) is
 * not.
 *
 * <pre>{@code
 * try {
 *   store.checkpoints().put("magento:orders", cursor);
 * } catch (StateStoreException e) {
 *   if (e.retryable()) { ... try again later ... }
 * }
 * }</pre>
 *
 * <p>Messages never contain a password or a JDBC URL.
 */
public final class StateStoreException extends CommerceSyncException {

  private static final long serialVersionUID = 1L;

  private final String backend;
  private final String operation;
  private final String sqlState;
  private final boolean retryable;

  /**
   * @param backend {@code sqlite} or {@code postgresql}
   * @param operation what the store was doing, e.g. {@code ledger.begin}
   * @param message what went wrong, without secrets
   * @param sqlState the SQLState of the underlying failure, or null
   * @param retryable whether trying again later may succeed
   * @param cause the underlying failure, or null
   */
  public StateStoreException(String backend, String operation, String message, String sqlState,
      boolean retryable, Throwable cause) {
    super(null, "state store (" + Objects.requireNonNull(backend, "backend") + ") "
        + Objects.requireNonNull(operation, "operation") + ": " + message
        + (sqlState != null ? " [SQLState " + sqlState + "]" : "") + (retryable ? " (retryable)" : ""), cause);
    this.backend = backend;
    this.operation = operation;
    this.sqlState = sqlState;
    this.retryable = retryable;
  }

  /** {@code sqlite} or {@code postgresql}. */
  public String backend() {
    return backend;
  }

  /** What the store was doing, e.g. {@code ledger.begin} or {@code leases.claim}. */
  public String operation() {
    return operation;
  }

  /** The SQLState of the underlying failure, when the database gave one. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  @Override
  public boolean retryable() {
    return retryable;
  }
}
