package io.commercesync.core.error;

import io.commercesync.core.model.SystemId;
import java.util.Optional;

/**
 * The target already holds this record: GP answered "duplicate document number", a storefront order
 * is already in the idempotency ledger, a shipment with this tracking number exists.
 *
 * <p>It is a signal rather than a failure: the pipeline counts the record as "duplicate prevented"
 * and marks it done with the existing remote id, instead of writing it twice or dead-lettering it.
 */
public final class DuplicateDetectedException extends CommerceSyncException {

  private static final long serialVersionUID = 1L;

  private final String entity;
  private final String key;
  private final String existingId;

  public DuplicateDetectedException(SystemId system, String entity, String key, String existingId) {
    super(
        system,
        system + " " + entity + " " + key + ": already exists"
            + (existingId != null ? " as " + existingId : ""),
        null);
    this.entity = entity;
    this.key = key;
    this.existingId = existingId;
  }

  /** The kind of record, e.g. {@code sales order}. */
  public String entity() {
    return entity;
  }

  /** The key that collided: the idempotency key, CSTPONBR or tracking number. */
  public String key() {
    return key;
  }

  /** The id of the record already in the target, when the target told us. */
  public Optional<String> existingId() {
    return Optional.ofNullable(existingId);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
