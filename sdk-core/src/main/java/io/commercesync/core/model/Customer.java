package io.commercesync.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A customer: a person or company that buys, with its ids in every system it is known to.
 *
 * <p>Maps from: Magento {@code /V1/customers} ({@code id}, {@code email}, {@code firstname},
 * {@code lastname}, {@code group_id}, {@code addresses[]}); Clarity accounts and contacts
 * ({@code CustomKey} holds the ERP key); GP {@code RM00101} ({@code CUSTNMBR}, {@code CUSTNAME},
 * {@code CUSTCLAS}, {@code CRLMTAMT}, {@code PYMTRMID}, {@code HOLD}) with e-mail from {@code SY01200};
 * SL {@code Customer} ({@code CustId}, {@code Name}, {@code ClassId}, {@code CrLmt}, {@code Terms},
 * {@code EMailAddr}).
 *
 * <p>At least one of e-mail, last name or company must be present, or the record identifies nobody.
 *
 * @param refs the customer's ids per system
 * @param email e-mail address as given (de-duplication normalises it), optional
 * @param firstName given name, optional
 * @param lastName family name, optional
 * @param company company name, optional
 * @param phone phone number, optional
 * @param addresses the customer's addresses, with default billing/shipping flags
 * @param group customer group or class (Magento group, GP {@code CUSTCLAS}, SL {@code ClassId}), optional
 * @param taxExempt whether sales to the customer are tax exempt
 * @param creditLimit credit limit, optional (none set)
 * @param paymentTerms payment terms id (GP {@code PYMTRMID}, SL {@code Terms}), optional
 * @param onHold whether the account is on hold in the ERP
 * @param createdAt when the customer was created, optional
 * @param updatedAt when the customer last changed in its source system, optional
 */
public record Customer(
    List<ExternalRef> refs,
    String email,
    String firstName,
    String lastName,
    String company,
    String phone,
    List<CustomerAddress> addresses,
    String group,
    boolean taxExempt,
    Money creditLimit,
    String paymentTerms,
    boolean onHold,
    Instant createdAt,
    Instant updatedAt) {

  public Customer {
    Constraints c = Constraints.of("customer");
    refs = c.list(refs, "refs");
    addresses = c.list(addresses, "addresses");
    boolean identifies =
        notBlank(email) || notBlank(lastName) || notBlank(company) || notBlank(firstName);
    c.check(identifies, "email", "required", null, "is required when no name or company is given");
    c.nonNegative(creditLimit, "creditLimit");
    c.throwIfAny();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The customer's id in {@code system}, if known. */
  public Optional<ExternalRef> ref(SystemId system) {
    return refs.stream().filter(r -> r.system().equals(system)).findFirst();
  }

  /** The default billing address, if one is flagged. */
  public Optional<CustomerAddress> defaultBilling() {
    return addresses.stream().filter(CustomerAddress::defaultBilling).findFirst();
  }

  /** The default shipping address, if one is flagged. */
  public Optional<CustomerAddress> defaultShipping() {
    return addresses.stream().filter(CustomerAddress::defaultShipping).findFirst();
  }

  /** First and last name, or the company; never null. */
  public String displayName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    if (name.isEmpty()) {
      name = company != null ? company : (email != null ? email : "");
    }
    return name;
  }

  /** Builds a {@link Customer}. Not thread-safe. */
  public static final class Builder {
    private List<ExternalRef> refs = new ArrayList<>();
    private String email;
    private String firstName;
    private String lastName;
    private String company;
    private String phone;
    private List<CustomerAddress> addresses = new ArrayList<>();
    private String group;
    private boolean taxExempt;
    private Money creditLimit;
    private String paymentTerms;
    private boolean onHold;
    private Instant createdAt;
    private Instant updatedAt;

    private Builder() {}

    private Builder(Customer c) {
      refs = new ArrayList<>(c.refs);
      email = c.email;
      firstName = c.firstName;
      lastName = c.lastName;
      company = c.company;
      phone = c.phone;
      addresses = new ArrayList<>(c.addresses);
      group = c.group;
      taxExempt = c.taxExempt;
      creditLimit = c.creditLimit;
      paymentTerms = c.paymentTerms;
      onHold = c.onHold;
      createdAt = c.createdAt;
      updatedAt = c.updatedAt;
    }

    public Builder refs(List<ExternalRef> refs) {
      this.refs = refs == null ? new ArrayList<>() : new ArrayList<>(refs);
      return this;
    }

    /** Adds {@code ref}, replacing an existing ref of the same system. */
    public Builder ref(ExternalRef ref) {
      this.refs.removeIf(r -> r.system().equals(ref.system()));
      this.refs.add(ref);
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder firstName(String firstName) {
      this.firstName = firstName;
      return this;
    }

    public Builder lastName(String lastName) {
      this.lastName = lastName;
      return this;
    }

    public Builder company(String company) {
      this.company = company;
      return this;
    }

    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    public Builder addresses(List<CustomerAddress> addresses) {
      this.addresses = addresses == null ? new ArrayList<>() : new ArrayList<>(addresses);
      return this;
    }

    public Builder addAddress(CustomerAddress address) {
      this.addresses.add(address);
      return this;
    }

    public Builder group(String group) {
      this.group = group;
      return this;
    }

    public Builder taxExempt(boolean taxExempt) {
      this.taxExempt = taxExempt;
      return this;
    }

    public Builder creditLimit(Money creditLimit) {
      this.creditLimit = creditLimit;
      return this;
    }

    public Builder paymentTerms(String paymentTerms) {
      this.paymentTerms = paymentTerms;
      return this;
    }

    public Builder onHold(boolean onHold) {
      this.onHold = onHold;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Customer build() {
      return new Customer(
          refs, email, firstName, lastName, company, phone, addresses, group, taxExempt, creditLimit,
          paymentTerms, onHold, createdAt, updatedAt);
    }
  }
}
