package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.internal.dto.CustomerAddressDto;
import io.commercesync.connector.magento.internal.dto.CustomerDto;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.SystemId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Magento customer ↔ canonical {@link Customer}: {@code id} ↔ the {@code magento} ref, {@code email},
 * {@code firstname}/{@code lastname}, {@code group_id} ↔ group (the numeric id as text),
 * {@code addresses[]} ↔ addresses keyed by their {@code id}, a default flag set when the address's own
 * boolean is true or the customer-level {@code default_billing}/{@code default_shipping} string names it;
 * {@code created_at}/{@code updated_at}. Company and phone come from the default billing address.
 */
@Mapper(componentModel = "default", uses = AddressMapper.class,
    unmappedTargetPolicy = ReportingPolicy.IGNORE)
public interface CustomerMapper {

  CustomerMapper INSTANCE = Mappers.getMapper(CustomerMapper.class);

  @Mapping(target = "refs", source = "id", qualifiedByName = "magentoRefs")
  @Mapping(target = "email", source = "email")
  @Mapping(target = "firstName", source = "firstname")
  @Mapping(target = "lastName", source = "lastname")
  @Mapping(target = "group", source = "groupId")
  @Mapping(target = "addresses", source = "customer", qualifiedByName = "addresses")
  @Mapping(target = "company", source = "customer", qualifiedByName = "company")
  @Mapping(target = "phone", source = "customer", qualifiedByName = "phone")
  @Mapping(target = "createdAt", source = "createdAt", qualifiedByName = "instant")
  @Mapping(target = "updatedAt", source = "updatedAt", qualifiedByName = "instant")
  @Mapping(target = "taxExempt", ignore = true)
  @Mapping(target = "creditLimit", ignore = true)
  @Mapping(target = "paymentTerms", ignore = true)
  @Mapping(target = "onHold", ignore = true)
  Customer toCustomer(CustomerDto customer);

  /**
   * The canonical customer as a Magento customer body: {@code id} from the magento ref, {@code email},
   * names, {@code group_id} when the group is numeric, {@code website_id}, addresses with their ids and
   * default flags.
   */
  default CustomerDto toDto(Customer customer, Integer websiteId) {
    Long id = customer.ref(SystemId.MAGENTO).map(r -> parseLong(r.id())).orElse(null);
    List<CustomerAddressDto> addresses = new ArrayList<>();
    for (CustomerAddress a : customer.addresses()) {
      CustomerAddressDto d = AddressMapper.INSTANCE.toCustomerAddress(a.address());
      addresses.add(new CustomerAddressDto(parseLong(a.key()), id, d.region(), null, d.countryId(),
          d.street(), d.company(), d.telephone(), null, d.postcode(), d.city(), d.firstname(), null,
          d.lastname(), null, null, null, a.defaultBilling() ? Boolean.TRUE : null,
          a.defaultShipping() ? Boolean.TRUE : null));
    }
    Integer group = null;
    if (customer.group() != null && customer.group().matches("\\d{1,9}")) {
      group = Integer.valueOf(customer.group());
    }
    return new CustomerDto(id, group, null, null, null, null, null, null, customer.email(),
        customer.firstName(), null, customer.lastName(), null, null, null, null, null, websiteId,
        addresses, null, null, null);
  }

  @Named("magentoRefs")
  default List<ExternalRef> magentoRefs(Long id) {
    return id == null ? List.of() : List.of(ExternalRef.of(SystemId.MAGENTO, String.valueOf(id)));
  }

  @Named("instant")
  default Instant instant(String value) {
    return MagentoValues.instant(value, "customer", null, "created_at/updated_at");
  }

  @Named("addresses")
  default List<CustomerAddress> addresses(CustomerDto customer) {
    if (customer.addresses() == null) {
      return List.of();
    }
    List<CustomerAddress> out = new ArrayList<>();
    for (CustomerAddressDto a : customer.addresses()) {
      if (a == null) {
        continue;
      }
      String key = MagentoValues.id(a.id());
      boolean billing = Boolean.TRUE.equals(a.defaultBilling())
          || (key != null && key.equals(customer.defaultBilling()));
      boolean shipping = Boolean.TRUE.equals(a.defaultShipping())
          || (key != null && key.equals(customer.defaultShipping()));
      out.add(new CustomerAddress(key, AddressMapper.INSTANCE.fromCustomerAddress(a), billing, shipping));
    }
    return out;
  }

  @Named("company")
  default String company(CustomerDto customer) {
    CustomerAddressDto billing = defaultBilling(customer);
    return billing == null ? null : billing.company();
  }

  @Named("phone")
  default String phone(CustomerDto customer) {
    CustomerAddressDto billing = defaultBilling(customer);
    return billing == null ? null : billing.telephone();
  }

  private static CustomerAddressDto defaultBilling(CustomerDto customer) {
    if (customer.addresses() == null) {
      return null;
    }
    return customer.addresses().stream().filter(Objects::nonNull)
        .filter(a -> Boolean.TRUE.equals(a.defaultBilling())
            || (a.id() != null && String.valueOf(a.id()).equals(customer.defaultBilling())))
        .findFirst().orElse(null);
  }

  private static Long parseLong(String value) {
    return value != null && value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
  }
}
