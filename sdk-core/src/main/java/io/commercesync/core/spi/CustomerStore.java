package io.commercesync.core.spi;

import io.commercesync.core.model.Customer;
import io.commercesync.core.pipeline.Sink;
import io.commercesync.core.pipeline.Source;
import java.util.List;
import java.util.Optional;

/**
 * A system's customers, on either side: find, search, create or update, and read changes.
 *
 * <p>{@link #write} creates the customer when it carries no ref for this system and updates it when
 * it does. For ERPs the caller chooses the new id (GP {@code CUSTNMBR}, SL {@code CustId}, within the
 * ERP's limits) by adding a ref for this system before the write; an id already taken is a
 * {@link io.commercesync.core.error.DuplicateDetectedException} and the caller tries the next
 * candidate. Addresses not in the record are left as they are, never deleted.
 */
public interface CustomerStore extends Sink<Customer> {

  /** The customer with id {@code id} in this system. */
  Optional<Customer> findById(String id);

  /** Candidates matching {@code query}; possibly empty, never null. */
  List<Customer> search(CustomerQuery query);

  /** Customers created or changed since a cursor, for the ERP → storefront direction and back. */
  Source<Customer> changes();
}
