package io.commercesync.core.flow.internal;

import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.Sink;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.pipeline.internal.PayloadHash;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.Storefront;
import io.commercesync.core.state.CrossReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CustomersBothWays: storefront customers to the ERP and ERP customers to the storefront, each matched
 * first by cross-reference, then by normalised e-mail, then by name and postal code, so no customer is
 * created twice. On a conflict each side keeps the fields it owns (by default the ERP owns payment
 * terms, credit limit, class/group, hold and tax exemption; the storefront owns e-mail, names, phone
 * and addresses). Addresses are only ever added, never deleted. Each direction sends only the fields
 * its source owns and skips a customer whose owned fields did not change, so the two directions
 * converge instead of echoing each other's writes.
 */
public final class CustomerFlows {

  static final String ENTITY = "customer";
  static final Set<String> ALL_FIELDS =
      Set.of("email", "firstName", "lastName", "company", "phone", "addresses", "group", "taxExempt", "creditLimit",
          "paymentTerms", "onHold");

  private CustomerFlows() {}

  /** Storefront → ERP. */
  public static SyncFlow toErp(Storefront storefront, Erp erp, FlowOptions o) {
    CustomerStore from = storefront.require(CustomerStore.class);
    CustomerStore to = erp.require(CustomerStore.class);
    Set<String> owned = difference(ALL_FIELDS, o.mappings().erpCustomerFields());
    return direction("customers-to-erp:" + storefront.system() + ">" + erp.system(), storefront.system(),
        erp.system(), from, to, owned, true, o);
  }

  /** ERP → storefront; ERP customers without an e-mail cannot have a storefront account and are skipped. */
  public static SyncFlow toStorefront(Erp erp, Storefront storefront, FlowOptions o) {
    CustomerStore from = erp.require(CustomerStore.class);
    CustomerStore to = storefront.require(CustomerStore.class);
    return direction("customers-to-storefront:" + erp.system() + ">" + storefront.system(), erp.system(),
        storefront.system(), from, to, o.mappings().erpCustomerFields(), false, o);
  }

  private static SyncFlow direction(String name, SystemId source, SystemId target, CustomerStore from,
      CustomerStore to, Set<String> owned, boolean toErp, FlowOptions o) {
    CrossReferences xrefs = o.store().crossReferences();
    return new PipelineFlow(Pipeline.<Customer, Customer>named(name)
        .source(FlowSource.of(from.changes(), name))
        .map(incoming -> {
          if (!toErp && CustomerMatching.email(incoming.email()) == null) {
            return null;
          }
          ExternalRef sourceRef = incoming.ref(source).orElse(null);
          Optional<Customer> existing = find(incoming, sourceRef, target, to, xrefs, o);
          java.util.function.UnaryOperator<String> groups = toErp ? g -> g : g -> o.mappings().customerGroups().get(g);
          return existing.map(current -> merge(current, incoming, owned, groups))
              .orElseGet(() -> forCreation(incoming, owned, source, groups));
        })
        .sink(new LinkingSink(to, source, xrefs))
        .fingerprint(c -> ownedFields(c, owned))
        .payloadIdentity(c -> ownedFields(c, owned))
        .keys((raw, c) -> IdempotencyKey.of(source, ENTITY, raw.key(),
            "to-" + target + ":" + PayloadHash.of(ownedFields(c, owned)).substring(0, 16)))
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }

  static Optional<Customer> find(Customer incoming, ExternalRef sourceRef, SystemId target, CustomerStore to,
      CrossReferences xrefs, FlowOptions o) {
    if (sourceRef != null) {
      Optional<ExternalRef> linked = xrefs.find(ENTITY, sourceRef, target);
      if (linked.isPresent()) {
        Optional<Customer> c = o.resilience().call(target, () -> to.findById(linked.get().id()));
        if (c.isPresent()) {
          return c;
        }
      }
    }
    String email = CustomerMatching.email(incoming.email());
    if (email != null) {
      Optional<Customer> byEmail = o.resilience().call(target, () -> to.search(CustomerQuery.byEmail(email)))
          .stream().filter(c -> CustomerMatching.sameEmail(c, incoming)).findFirst();
      if (byEmail.isPresent()) {
        return byEmail;
      }
    }
    if (incoming.lastName() == null) {
      return Optional.empty();
    }
    for (String postal : CustomerMatching.postalCodesOf(incoming)) {
      Optional<Customer> match = o.resilience().call(target, () -> to.search(
              CustomerQuery.byNameAndPostalCode(incoming.firstName(), incoming.lastName(), postal)))
          .stream().filter(c -> CustomerMatching.sameNameAndPostalCode(c, incoming, postal)).findFirst();
      if (match.isPresent()) {
        return match;
      }
    }
    return Optional.empty();
  }

  /** {@code current} with the fields {@code owned} by the source taken from {@code incoming}. */
  static Customer merge(Customer current, Customer incoming, Set<String> owned,
      java.util.function.UnaryOperator<String> groups) {
    Customer.Builder b = current.toBuilder();
    for (ExternalRef ref : incoming.refs()) {
      if (current.ref(ref.system()).isEmpty()) {
        b.ref(ref);
      }
    }
    if (owned.contains("email") && incoming.email() != null) b.email(incoming.email());
    if (owned.contains("firstName") && incoming.firstName() != null) b.firstName(incoming.firstName());
    if (owned.contains("lastName") && incoming.lastName() != null) b.lastName(incoming.lastName());
    if (owned.contains("company") && incoming.company() != null) b.company(incoming.company());
    if (owned.contains("phone") && incoming.phone() != null) b.phone(incoming.phone());
    if (owned.contains("group") && incoming.group() != null && groups.apply(incoming.group()) != null) {
      b.group(groups.apply(incoming.group()));
    }
    if (owned.contains("taxExempt")) b.taxExempt(incoming.taxExempt());
    if (owned.contains("creditLimit")) b.creditLimit(incoming.creditLimit());
    if (owned.contains("paymentTerms")) b.paymentTerms(incoming.paymentTerms());
    if (owned.contains("onHold")) b.onHold(incoming.onHold());
    if (owned.contains("addresses")) {
      List<CustomerAddress> addresses = new ArrayList<>(current.addresses());
      for (CustomerAddress a : incoming.addresses()) {
        boolean known = addresses.stream().anyMatch(x -> sameAddress(x, a));
        if (!known) {
          addresses.add(new CustomerAddress(null, a.address(), false, false));
        }
      }
      b.addresses(addresses);
    }
    return b.build();
  }

  /** A new customer for the target: the source's owned fields only, none of the target's own ids. */
  static Customer forCreation(Customer incoming, Set<String> owned, SystemId source,
      java.util.function.UnaryOperator<String> groups) {
    Customer.Builder b = incoming.toBuilder().refs(incoming.ref(source).map(List::of).orElse(List.of()));
    b.group(owned.contains("group") && incoming.group() != null ? groups.apply(incoming.group()) : null);
    if (!owned.contains("creditLimit")) b.creditLimit(null);
    if (!owned.contains("paymentTerms")) b.paymentTerms(null);
    if (!owned.contains("onHold")) b.onHold(false);
    if (!owned.contains("taxExempt")) b.taxExempt(false);
    return b.build();
  }

  static boolean sameAddress(CustomerAddress a, CustomerAddress b) {
    return CustomerMatching.postalCode(a.address().postalCode()).equals(CustomerMatching.postalCode(b.address().postalCode()))
        && CustomerMatching.name(String.join(" ", a.address().lines())).equals(CustomerMatching.name(String.join(" ", b.address().lines())));
  }

  /** The owned fields as one string: what the fingerprint and the payload identity are made of. */
  static String ownedFields(Customer c, Set<String> owned) {
    StringBuilder out = new StringBuilder();
    for (String field : new java.util.TreeSet<>(owned)) {
      out.append(field).append('=').append(switch (field) {
        case "email" -> CustomerMatching.email(c.email());
        case "firstName" -> c.firstName();
        case "lastName" -> c.lastName();
        case "company" -> c.company();
        case "phone" -> c.phone();
        case "addresses" -> c.addresses().stream().map(a -> CustomerMatching.postalCode(a.address().postalCode()) + "/"
            + CustomerMatching.name(String.join(" ", a.address().lines()))).sorted().toList();
        case "group" -> c.group();
        case "taxExempt" -> c.taxExempt();
        case "creditLimit" -> c.creditLimit();
        case "paymentTerms" -> c.paymentTerms();
        case "onHold" -> c.onHold();
        default -> "";
      }).append(';');
    }
    return out.toString();
  }

  private static Set<String> difference(Set<String> all, Set<String> minus) {
    Set<String> out = new java.util.HashSet<>(all);
    out.removeAll(minus);
    return Set.copyOf(out);
  }

  /** Writes a customer and links it to its source record in the cross-reference store. */
  static final class LinkingSink implements Sink<Customer> {
    private final CustomerStore target;
    private final SystemId source;
    private final CrossReferences xrefs;

    LinkingSink(CustomerStore target, SystemId source, CrossReferences xrefs) {
      this.target = target;
      this.source = source;
      this.xrefs = xrefs;
    }

    @Override
    public SystemId system() {
      return target.system();
    }

    @Override
    public WriteResult write(Customer record, IdempotencyKey key) {
      WriteResult result = target.write(record, key);
      link(record, result.remoteId());
      return result;
    }

    @Override
    public Optional<WriteResult> lookup(Customer record, IdempotencyKey key) {
      Optional<WriteResult> found = target.lookup(record, key);
      found.ifPresent(r -> link(record, r.remoteId()));
      return found;
    }

    private void link(Customer record, String targetId) {
      record.ref(source).ifPresent(ref -> xrefs.link(ENTITY, ref, ExternalRef.of(target.system(), targetId)));
    }
  }
}
