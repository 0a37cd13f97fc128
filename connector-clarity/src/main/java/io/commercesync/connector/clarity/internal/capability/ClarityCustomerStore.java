package io.commercesync.connector.clarity.internal.capability;

import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.connector.clarity.internal.source.PollingSource;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Clarity customers (native accounts with contacts, v1 customers). A write without a Clarity ref first
 * looks the ERP key up in {@code CustomKey}/{@code externalId}, so the same ERP customer is never
 * created twice.
 */
public final class ClarityCustomerStore implements CustomerStore {

  private final ClarityApi api;
  private final PollingSource<Customer> changes;

  public ClarityCustomerStore(ClarityApi api, String name, Duration overlap, Clock clock) {
    this.api = api;
    this.changes = new PollingSource<>(name, "customer", api::customers, api::customer, api::decodeCustomer,
        overlap, clock);
  }

  @Override
  public SystemId system() {
    return SystemId.CLARITY;
  }

  @Override
  public WriteResult write(Customer record, IdempotencyKey key) {
    return api.writeCustomer(record, key);
  }

  @Override
  public Optional<WriteResult> lookup(Customer record, IdempotencyKey key) {
    return api.lookupCustomer(record);
  }

  @Override
  public Optional<Customer> findById(String id) {
    return api.customer(id).map(e -> api.decodeCustomer(e.payload()));
  }

  @Override
  public List<Customer> search(CustomerQuery query) {
    return api.searchCustomers(query);
  }

  @Override
  public Source<Customer> changes() {
    return changes;
  }
}
