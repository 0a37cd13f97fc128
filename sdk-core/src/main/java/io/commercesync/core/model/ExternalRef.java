package io.commercesync.core.model;

import java.util.Objects;

/**
 * The identity of a record in one system: Magento customer {@code 42}, GP customer
 * {@code JSMITH0001}, Clarity order {@code ord_10045}.
 *
 * <p>Canonical records carry a list of these ({@code refs}) so the same customer or order can be
 * followed across systems; the cross-reference store keeps the pairs durable.
 *
 * @param system the system the id belongs to
 * @param id the id exactly as that system writes it (not trimmed or re-cased)
 */
public record ExternalRef(SystemId system, String id) {

  public ExternalRef {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("external id for " + system + " must not be blank");
    }
  }

  /** Returns the reference to record {@code id} in {@code system}. */
  public static ExternalRef of(SystemId system, String id) {
    return new ExternalRef(system, id);
  }

  @Override
  public String toString() {
    return system + ":" + id;
  }
}
