package io.commercesync.core.flow.internal;

import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.state.CrossReferences;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the ERP customer an order belongs to — cross-reference first, then the normalised e-mail, then
 * name and postal code — or creates it, and remembers the pair. Resolutions of the same customer are
 * serialised (striped locks on the normalised e-mail), so two orders of one new customer never create
 * two ERP customers; a create retried after a failed attempt first asks the store's {@code lookup} whether
 * the attempt went through (its answer may have been lost), so a retry never makes a second customer.
 */
public final class CustomerResolver {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerResolver.class);
  private static final String ENTITY = "customer";

  private final SystemId storefront;
  private final SystemId erp;
  private final CustomerStore erpCustomers;
  private final CrossReferences xrefs;
  private final Resilience resilience;
  private final ReentrantLock[] stripes = new ReentrantLock[64];

  public CustomerResolver(SystemId storefront, SystemId erp, CustomerStore erpCustomers, CrossReferences xrefs,
      Resilience resilience) {
    this.storefront = storefront;
    this.erp = erp;
    this.erpCustomers = erpCustomers;
    this.xrefs = xrefs;
    this.resilience = resilience;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** The ERP customer id for {@code order}'s customer, found or created. */
  public String erpCustomerId(Order order) {
    Customer wanted = customerOf(order);
    ExternalRef storefrontRef = order.customerRef();
    String email = CustomerMatching.email(wanted.email());
    String customerKey = storefrontRef != null ? storefrontRef.id()
        : "guest:" + (email != null ? email : CustomerMatching.name(wanted.displayName()));
    // one lock per person as the matching sees them: a guest order and an account order with the
    // same e-mail must not both create the customer
    String lockKey = email != null ? email : customerKey;
    ReentrantLock lock = stripes[Math.floorMod(lockKey.hashCode(), stripes.length)];
    lock.lock();
    try {
      return resolve(wanted, storefrontRef, customerKey);
    } finally {
      lock.unlock();
    }
  }

  /** The ERP customer matching {@code wanted}, if any: cross-reference, e-mail, then name + postal code. */
  public Optional<Customer> findErpMatch(Customer wanted, ExternalRef storefrontRef) {
    if (storefrontRef != null) {
      Optional<ExternalRef> linked = xrefs.find(ENTITY, storefrontRef, erp);
      if (linked.isPresent()) {
        Optional<Customer> existing = resilience.call(erp, () -> erpCustomers.findById(linked.get().id()));
        if (existing.isPresent()) {
          return existing;
        }
      }
    }
    return findByData(wanted);
  }

  private Optional<Customer> findByData(Customer wanted) {
    String email = CustomerMatching.email(wanted.email());
    if (email != null) {
      List<Customer> byEmail = resilience.call(erp, () -> erpCustomers.search(CustomerQuery.byEmail(email)));
      Optional<Customer> match = byEmail.stream().filter(c -> CustomerMatching.sameEmail(c, wanted)).findFirst();
      if (match.isPresent()) {
        return match;
      }
    }
    if (wanted.lastName() == null) {
      return Optional.empty();
    }
    for (String postal : CustomerMatching.postalCodesOf(wanted)) {
      List<Customer> byName = resilience.call(erp, () -> erpCustomers.search(
          CustomerQuery.byNameAndPostalCode(wanted.firstName(), wanted.lastName(), postal)));
      Optional<Customer> match = byName.stream()
          .filter(c -> CustomerMatching.sameNameAndPostalCode(c, wanted, postal)).findFirst();
      if (match.isPresent()) {
        return match;
      }
    }
    return Optional.empty();
  }

  private String resolve(Customer wanted, ExternalRef storefrontRef, String customerKey) {
    Optional<Customer> match = findErpMatch(wanted, storefrontRef);
    String erpId;
    if (match.isPresent()) {
      erpId = match.get().ref(erp).map(ExternalRef::id).orElseThrow(() -> new IllegalStateException(
          erp + " returned a customer without its id"));
    } else {
      IdempotencyKey key = IdempotencyKey.of(storefront, ENTITY, customerKey, "create-" + erp);
      Customer toCreate = wanted.toBuilder().refs(storefrontRef == null ? List.of() : List.of(storefrontRef)).build();
      // as the pipeline does before retrying a create: a lost answer may hide a customer the ERP made, and
      // writing again would pick another id (GP's CUSTNMBR skips the one now taken) under the same key
      AtomicBoolean attempted = new AtomicBoolean();
      WriteResult created = resilience.call(erp, () -> {
        if (attempted.getAndSet(true)) {
          Optional<WriteResult> found = erpCustomers.lookup(toCreate, key);
          if (found.isPresent()) {
            return found.get();
          }
        }
        return erpCustomers.write(toCreate, key);
      });
      erpId = created.remoteId();
      LOG.debug("flow=orders customer={} created in {} as {}", customerKey, erp, erpId);
    }
    if (storefrontRef != null) {
      xrefs.link(ENTITY, storefrontRef, ExternalRef.of(erp, erpId));
    }
    return erpId;
  }

  /** The customer as the order records it, with its billing and shipping addresses. */
  static Customer customerOf(Order order) {
    Customer.Builder customer = order.customer().toBuilder();
    if (order.customer().addresses().isEmpty()) {
      Address billing = order.billingAddress();
      Address shipping = order.shippingAddress();
      if (billing != null) {
        customer.addAddress(new CustomerAddress(null, billing, true, shipping == null || shipping.equals(billing)));
      }
      if (shipping != null && !shipping.equals(billing)) {
        customer.addAddress(new CustomerAddress(null, shipping, billing == null, true));
      }
    }
    if (order.customer().phone() == null && order.billingAddress() != null) {
      customer.phone(order.billingAddress().phone());
    }
    if (order.customer().email() == null && order.billingAddress() != null) {
      customer.email(order.billingAddress().email());
    }
    return customer.build();
  }
}
