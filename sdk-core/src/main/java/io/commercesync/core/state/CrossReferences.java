package io.commercesync.core.state;

import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.SystemId;
import java.util.Optional;

/**
 * Which record in one system is which in another: Magento customer 42 is GP customer
 * {@code JSMITH0001}. Links are symmetric and per entity.
 */
public interface CrossReferences {

  /** Links {@code a} and {@code b} as the same {@code entity}, replacing earlier links of either to that system. */
  void link(String entity, ExternalRef a, ExternalRef b);

  /** The record in {@code target} linked to {@code from}, if any. */
  Optional<ExternalRef> find(String entity, ExternalRef from, SystemId target);
}
