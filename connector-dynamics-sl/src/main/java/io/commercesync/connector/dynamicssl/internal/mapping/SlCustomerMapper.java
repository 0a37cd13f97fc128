package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.internal.dto.CustomerDto;
import io.commercesync.connector.dynamicssl.internal.dto.SoAddress;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.SystemId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Builder;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Canonical {@link Customer} ↔ SL {@code Customer} + {@code SOAddress} (reference §2.1, §2.2).
 *
 * <p>Customer → SL: {@code Name} is the company, else the person; {@code Attn} the person when there
 * is a company; the main and bill-to blocks come from the default billing address; each other address
 * becomes an SOAddress ship-to ({@code DEFAULT} for the default shipping address, which is also
 * {@code DfltShipToId}); {@code ClassId} ← group, {@code Terms} ← payment terms, {@code CrLmt} ← credit
 * limit, {@code Status} {@code H} when on hold else {@code A}; {@code User1} keeps the storefront id.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE,
    builder = @Builder(disableBuilder = true), imports = {SlConversions.class})
public interface SlCustomerMapper {

  SlCustomerMapper INSTANCE = Mappers.getMapper(SlCustomerMapper.class);

  @Mapping(target = "custId", source = "custId")
  @Mapping(target = "name", expression = "java(slName(customer))")
  @Mapping(target = "attn", expression = "java(attention(customer))")
  @Mapping(target = "addr1", expression = "java(SlConversions.line(bill, 0))")
  @Mapping(target = "addr2", expression = "java(SlConversions.line(bill, 1))")
  @Mapping(target = "city", source = "bill.city")
  @Mapping(target = "state", expression = "java(SlConversions.state(bill))")
  @Mapping(target = "zip", source = "bill.postalCode")
  @Mapping(target = "country", expression = "java(SlConversions.slCountry(bill == null ? null : bill.countryCode()))")
  @Mapping(target = "phone", expression = "java(customer.phone() != null ? customer.phone() : (bill == null ? null : bill.phone()))")
  @Mapping(target = "eMailAddr", source = "customer.email")
  @Mapping(target = "billName", expression = "java(bill == null ? null : SlConversions.name(bill))")
  @Mapping(target = "billAttn", expression = "java(attention(customer))")
  @Mapping(target = "billAddr1", expression = "java(SlConversions.line(bill, 0))")
  @Mapping(target = "billAddr2", expression = "java(SlConversions.line(bill, 1))")
  @Mapping(target = "billCity", source = "bill.city")
  @Mapping(target = "billState", expression = "java(SlConversions.state(bill))")
  @Mapping(target = "billZip", source = "bill.postalCode")
  @Mapping(target = "billCountry", expression = "java(SlConversions.slCountry(bill == null ? null : bill.countryCode()))")
  @Mapping(target = "billPhone", source = "bill.phone")
  @Mapping(target = "classId", source = "customer.group")
  @Mapping(target = "terms", source = "customer.paymentTerms")
  @Mapping(target = "status", expression = "java(customer.onHold() ? \"H\" : \"A\")")
  @Mapping(target = "crLmt", expression = "java(SlConversions.amount(customer.creditLimit()))")
  @Mapping(target = "curyId", expression = "java(customer.creditLimit() != null ? customer.creditLimit().currency().getCurrencyCode() : null)")
  @Mapping(target = "dfltShipToId", source = "dfltShipToId")
  @Mapping(target = "user1", source = "storefrontId")
  @Mapping(target = "fax", ignore = true)
  CustomerDto customer(Customer customer, Address bill, String custId, String dfltShipToId,
      String storefrontId);


  @Mapping(target = "custId", source = "custId")
  @Mapping(target = "shipToId", source = "shipToId")
  @Mapping(target = "descr", source = "descr")
  @Mapping(target = "name", expression = "java(SlConversions.name(address))")
  @Mapping(target = "attn", ignore = true)
  @Mapping(target = "addr1", expression = "java(SlConversions.line(address, 0))")
  @Mapping(target = "addr2", expression = "java(SlConversions.line(address, 1))")
  @Mapping(target = "city", source = "address.city")
  @Mapping(target = "state", expression = "java(SlConversions.state(address))")
  @Mapping(target = "zip", source = "address.postalCode")
  @Mapping(target = "country", expression = "java(SlConversions.slCountry(address.countryCode()))")
  @Mapping(target = "phone", source = "address.phone")
  @Mapping(target = "eMailAddr", source = "address.email")
  @Mapping(target = "status", constant = "A")
  SoAddress soAddress(Address address, String custId, String shipToId, String descr);

  // ---- SL -> canonical ----

  default Customer customer(CustomerDto dto, List<SoAddress> shipTos, SlMappingContext ctx) {
    String name = SlConversions.blankToNull(dto.name());
    String attn = SlConversions.blankToNull(dto.attn());
    Customer.Builder b = Customer.builder()
        .ref(ExternalRef.of(SystemId.DYNAMICS_SL, dto.custId()))
        .email(SlConversions.blankToNull(dto.eMailAddr()))
        .phone(SlConversions.blankToNull(dto.phone()))
        .group(SlConversions.blankToNull(dto.classId()))
        .paymentTerms(SlConversions.blankToNull(dto.terms()))
        .onHold("H".equals(dto.status()) || "R".equals(dto.status()))
        .createdAt(SlConversions.instant(dto.crtdDateTime(), ctx.zone()))
        .updatedAt(SlConversions.instant(dto.lUpdDateTime(), ctx.zone()));
    boolean person = attn == null || attn.equalsIgnoreCase(name);
    String personName = person ? name : attn;
    if (!person) {
      b.company(name);
    }
    if (personName != null) {
      int space = personName.lastIndexOf(' ');
      if (space > 0) {
        b.firstName(personName.substring(0, space).strip()).lastName(personName.substring(space + 1));
      } else {
        b.lastName(personName);
      }
    } else if (person) {
      b.company(dto.custId());
    }
    String curyId = SlConversions.blankToNull(dto.curyId());
    Currency currency = curyId == null ? ctx.baseCurrency() : Money.currency(curyId);
    if (dto.crLmt() != null && dto.crLmt().signum() > 0) {
      b.creditLimit(SlConversions.money(dto.crLmt(), currency));
    }
    List<CustomerAddress> addresses = new ArrayList<>();
    Address main = SlOrderMapper.address(dto.name(), dto.addr1(), dto.addr2(), dto.city(), dto.state(), dto.zip(),
        dto.country(), dto.phone());
    Address billTo = SlOrderMapper.address(dto.billName(), dto.billAddr1(), dto.billAddr2(), dto.billCity(),
        dto.billState(), dto.billZip(), dto.billCountry(), dto.billPhone());
    Address billing = billTo != null && billTo.lines().size() > 0 ? billTo : main;
    if (billing != null) {
      addresses.add(new CustomerAddress(null, billing, true, false));
    }
    String dflt = SlConversions.blankToNull(dto.dfltShipToId());
    if (shipTos != null) {
      for (SoAddress s : shipTos) {
        Address a = SlOrderMapper.address(s.name(), s.addr1(), s.addr2(), s.city(), s.state(), s.zip(), s.country(),
            s.phone());
        if (a != null) {
          addresses.add(new CustomerAddress(s.shipToId(),
              a.toBuilder().email(SlConversions.blankToNull(s.eMailAddr())).build(), false,
              s.shipToId() != null && s.shipToId().equalsIgnoreCase(dflt)));
        }
      }
    }
    return b.addresses(addresses).build();
  }

  /** {@code Name}: the company, else first and last name, else the e-mail. */
  default String slName(Customer c) {
    if (c.company() != null && !c.company().isBlank()) {
      return c.company();
    }
    return c.displayName().isEmpty() ? null : c.displayName();
  }

  /** {@code Attn}: the person, when there is a person. */
  default String attention(Customer c) {
    String person = ((c.firstName() == null ? "" : c.firstName()) + " "
        + (c.lastName() == null ? "" : c.lastName())).strip();
    return person.isEmpty() ? null : person;
  }
}
