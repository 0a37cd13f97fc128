package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.cef.CefAccount;
import io.commercesync.connector.clarity.internal.dto.cef.CefAccountContact;
import io.commercesync.connector.clarity.internal.dto.cef.CefContact;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.SystemId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a canonical {@link Customer} from a native account with its contacts and their addresses.
 *
 * <table>
 *   <caption>Customer fields</caption>
 *   <tr><th>CEF</th><th>canonical</th></tr>
 *   <tr><td>{@code Account.ID}</td><td>{@code refs[clarity]}</td></tr>
 *   <tr><td>{@code Account.CustomKey}</td><td>{@code refs[erpSystem]} (when configured)</td></tr>
 *   <tr><td>{@code Account.Name}</td><td>{@code company}</td></tr>
 *   <tr><td>primary contact ({@code IsPrimary} [I], else the first) {@code Email1/FirstName/LastName/Phone1}</td><td>{@code email/firstName/lastName/phone}</td></tr>
 *   <tr><td>each {@code AccountContacts[].Slave.Address}</td><td>{@code addresses[]}</td></tr>
 *   <tr><td>{@code TypeKey}, {@code IsTaxable} (negated), {@code IsOnHold}, {@code Credit}</td><td>{@code group, taxExempt, onHold, creditLimit}</td></tr>
 * </table>
 */
public final class CefCustomerAssembler {

  private static final String ENTITY = "customer";

  private final MappingSettings settings;
  private final CefMapper mapper = CefMapper.INSTANCE;

  public CefCustomerAssembler(MappingSettings settings) {
    this.settings = settings;
  }

  /** The account's key: {@code CustomKey}, else its {@code ID}. */
  public static String key(CefAccount a) {
    return CefKeys.key(a.customKey(), a.id());
  }

  public Customer customer(CefAccount a) {
    String key = key(a);
    try {
      List<CefAccountContact> contacts = a.accountContacts() == null ? List.of() : a.accountContacts();
      CefContact primary = contacts.stream().filter(c -> Boolean.TRUE.equals(c.isPrimary()) && c.slave() != null)
          .map(CefAccountContact::slave).findFirst()
          .orElse(contacts.stream().map(CefAccountContact::slave).filter(c -> c != null).findFirst().orElse(null));
      List<CustomerAddress> addresses = new ArrayList<>();
      for (int i = 0; i < contacts.size(); i++) {
        CefAccountContact ac = contacts.get(i);
        if (ac.slave() == null || ac.slave().address() == null) {
          continue;
        }
        try {
          addresses.add(mapper.customerAddress(ac));
        } catch (InvalidRecordException e) {
          throw e.relabel(SystemId.CLARITY, ENTITY, key, "AccountContacts[" + i + "]");
        }
      }
      Customer.Builder c = Customer.builder()
          .company(MoneyMapping.blankToNull(a.name()))
          .addresses(addresses)
          .group(a.typeKey())
          .taxExempt(Boolean.FALSE.equals(a.isTaxable()))
          .onHold(Boolean.TRUE.equals(a.isOnHold()))
          .createdAt(CefDates.instant(a.createdDate(), ENTITY, key, "CreatedDate"))
          .updatedAt(CefDates.instant(a.updatedDate(), ENTITY, key, "UpdatedDate"));
      if (primary != null) {
        c.email(MoneyMapping.blankToNull(primary.email1()))
            .firstName(MoneyMapping.blankToNull(primary.firstName()))
            .lastName(MoneyMapping.blankToNull(primary.lastName()))
            .phone(MoneyMapping.blankToNull(primary.phone1()));
      }
      if (a.credit() != null) {
        c.creditLimit(Money.of(a.credit(), a.creditCurrencyKey() == null ? settings.defaultCurrency()
            : Money.currency(a.creditCurrencyKey())));
      }
      if (a.id() != null) {
        c.ref(ExternalRef.of(SystemId.CLARITY, String.valueOf(a.id())));
      }
      if (settings.erpSystem() != null && a.customKey() != null && !a.customKey().isBlank()) {
        c.ref(ExternalRef.of(settings.erpSystem(), a.customKey()));
      }
      return c.build();
    } catch (InvalidRecordException e) {
      if (SystemId.CANONICAL.equals(e.recordSystem())) {
        throw e.relabel(SystemId.CLARITY, ENTITY, key, null);
      }
      throw e;
    }
  }
}
