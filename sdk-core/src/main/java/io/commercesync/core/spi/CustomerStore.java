package io.commercesync.core.spi;

import io.commercesync.core.model.Customer;
import io.commercesync.core.pipeline.Sink;
import io.commercesync.core.pipeline.Source;
import java.util.List;
import java.util.Optional;

/**
 * A system's customers, on either side: find, search, create or update, and read changes.
 *
 * <p>{@link #write} updates the customer when it carries a ref for this system, and creates it when it
 * carries none. On creation the store assigns the id itself, within its system's limits (GP
 * {@code CUSTNMBR} and SL {@code CustId}: at most 15 upper-case characters, derived deterministically
 * from the name, with a numbered suffix on a collision), and returns it as the result's remote id.
 * Addresses not in the record are left as they are, never deleted.
 */
public interface CustomerStore extends Sink<Customer> {

  /** The customer with id {@code id} in this system. */
  Optional<Customer> findById(String id);

  /** Candidates matching {@code query}; possibly empty, never null. */
  List<Customer> search(CustomerQuery query);

  /** Customers created or changed since a cursor, for the ERP → storefront direction and back. */
  Source<Customer> changes();
}
