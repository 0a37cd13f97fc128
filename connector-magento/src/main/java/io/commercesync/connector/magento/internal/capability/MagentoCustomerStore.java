package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.MagentoPager;
import io.commercesync.connector.magento.MagentoRecord;
import io.commercesync.connector.magento.SearchCriteria;
import io.commercesync.connector.magento.SearchCriteria.Condition;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Magento customers as a {@link CustomerStore}: a customer without a {@code magento} ref is created in
 * the configured website (a taken e-mail is a {@link DuplicateDetectedException} carrying the existing
 * id), one with a ref is updated with its addresses merged (none deleted). {@link #lookup} finds the
 * customer by ref or e-mail and says whether the owned fields already hold these values.
 */
public final class MagentoCustomerStore implements CustomerStore {

  private final StorefrontSettings s;

  public MagentoCustomerStore(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  @Override
  public WriteResult write(Customer customer, IdempotencyKey key) {
    Optional<ExternalRef> ref = customer.ref(SystemId.MAGENTO);
    if (ref.isPresent()) {
      long id = Long.parseLong(ref.get().id());
      s.client().customers().update(s.store(), id, customer);
      return WriteResult.updated(ref.get().id());
    }
    try {
      return WriteResult.created(String.valueOf(s.client().customers().create(s.store(), customer, s.websiteId())));
    } catch (RemoteSystemException e) {
      if (e.status().orElse(0) == 400 && e.remoteMessage().orElse("").contains("already exists")) {
        String existing = byEmail(customer.email()).map(MagentoRecord::id).orElse(null);
        throw new DuplicateDetectedException(SystemId.MAGENTO, "customer", customer.email(), existing);
      }
      throw e;
    }
  }

  @Override
  public Optional<WriteResult> lookup(Customer customer, IdempotencyKey key) {
    Optional<MagentoRecord> found = customer.ref(SystemId.MAGENTO)
        .map(r -> s.client().customers().record(s.store(), Long.parseLong(r.id())))
        .or(() -> byEmail(customer.email()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Customer current = s.client().customers().decode(found.get());
    boolean same = eq(current.email(), customer.email()) && eq(current.firstName(), customer.firstName())
        && eq(current.lastName(), customer.lastName())
        && customer.addresses().stream().allMatch(a -> contains(current.addresses(), a));
    return same ? Optional.of(WriteResult.alreadyApplied(found.get().id())) : Optional.empty();
  }

  private static boolean contains(List<CustomerAddress> addresses, CustomerAddress wanted) {
    return addresses.stream().anyMatch(a -> Objects.equals(a.address(), wanted.address()));
  }

  private static boolean eq(String a, String b) {
    return b == null || (a != null && a.trim().equalsIgnoreCase(b.trim()));
  }

  private Optional<MagentoRecord> byEmail(String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    try (MagentoPager pager = s.client().customers().search(s.store(), SearchCriteria.builder()
        .where("email", Condition.EQ, email.trim())
        .where("website_id", Condition.EQ, String.valueOf(s.websiteId())).pageSize(1).build())) {
      return pager.hasNext() ? Optional.of(pager.next()) : Optional.empty();
    }
  }

  @Override
  public Optional<Customer> findById(String id) {
    try {
      return Optional.of(s.client().customers().get(s.store(), Long.parseLong(id)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    } catch (RemoteSystemException e) {
      if (e.status().orElse(0) == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Searches by e-mail (exact, case-insensitive as MySQL compares), else by first and last name; a postal
   * code or company then narrows the candidates on their addresses.
   */
  @Override
  public List<Customer> search(CustomerQuery query) {
    SearchCriteria.Builder c = SearchCriteria.builder();
    boolean any = false;
    if (query.email() != null && !query.email().isBlank()) {
      c.where("email", Condition.EQ, query.email().trim());
      any = true;
    } else {
      if (query.lastName() != null && !query.lastName().isBlank()) {
        c.where("lastname", Condition.EQ, query.lastName().trim());
        any = true;
      }
      if (query.firstName() != null && !query.firstName().isBlank()) {
        c.where("firstname", Condition.EQ, query.firstName().trim());
        any = true;
      }
    }
    if (!any) {
      return List.of();
    }
    List<Customer> out = new ArrayList<>();
    try (MagentoPager pager = s.client().customers().search(s.store(), c.build())) {
      while (pager.hasNext()) {
        Customer candidate = s.client().customers().decode(pager.next());
        if (matchesAddress(candidate, query)) {
          out.add(candidate);
        }
      }
    }
    return out;
  }

  private static boolean matchesAddress(Customer c, CustomerQuery q) {
    if (q.postalCode() != null && !q.postalCode().isBlank()) {
      String wanted = q.postalCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
      if (c.addresses().stream().noneMatch(a -> a.address().postalCode() != null
          && a.address().postalCode().replaceAll("\\s", "").toUpperCase(Locale.ROOT).equals(wanted))) {
        return false;
      }
    }
    if (q.company() != null && !q.company().isBlank()) {
      return c.addresses().stream().anyMatch(a -> q.company().equalsIgnoreCase(a.address().company()))
          || q.company().equalsIgnoreCase(c.company());
    }
    return true;
  }

  @Override
  public Source<Customer> changes() {
    return new Source<>() {
      @Override
      public SystemId system() {
        return SystemId.MAGENTO;
      }

      @Override
      public String name() {
        return "magento:" + s.store().code() + ":customers";
      }

      @Override
      public RecordStream read(Cursor from) {
        CursorPosition start = CursorPosition.parse(from);
        if (start != null) {
          start = start.minus(s.overlap());
        }
        MagentoPager pager = s.client().customers().changedSince(s.store(),
            start == null ? null : start.updatedAt(), start == null ? "0" : start.id());
        return new PagerStream(pager, r -> RawRecord.json(r.id(), CursorPosition.of(r).cursor(), "customer", r.json()));
      }

      @Override
      public Customer decode(RawRecord record) {
        return s.client().customers().decode(new MagentoRecord("customer", record.key(), record.key(), null,
            record.payload()));
      }

      @Override
      public Optional<RawRecord> fetch(String key) {
        try {
          MagentoRecord r = s.client().customers().record(s.store(), Long.parseLong(key));
          return Optional.of(RawRecord.json(r.id(), CursorPosition.of(r).cursor(), "customer", r.json()));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    };
  }
}
