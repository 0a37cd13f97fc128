package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.internal.dto.CustomerAddressDto;
import io.commercesync.connector.magento.internal.dto.OrderAddressDto;
import io.commercesync.core.model.Address;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Magento addresses ↔ canonical {@link Address}: {@code firstname}/{@code lastname} → first/last name,
 * {@code street[]} → lines, {@code region} (a name on order addresses, an object on customer addresses),
 * {@code region_code}, {@code postcode} → postal code, {@code country_id} → country code,
 * {@code telephone} → phone.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE)
public interface AddressMapper {

  AddressMapper INSTANCE = Mappers.getMapper(AddressMapper.class);

  @Mapping(target = "firstName", source = "firstname")
  @Mapping(target = "lastName", source = "lastname")
  @Mapping(target = "lines", source = "street")
  @Mapping(target = "postalCode", source = "postcode")
  @Mapping(target = "countryCode", source = "countryId")
  @Mapping(target = "phone", source = "telephone")
  Address fromOrderAddress(OrderAddressDto address);

  @Mapping(target = "firstName", source = "firstname")
  @Mapping(target = "lastName", source = "lastname")
  @Mapping(target = "lines", source = "street")
  @Mapping(target = "region", source = "region.region")
  @Mapping(target = "regionCode", source = "region.regionCode")
  @Mapping(target = "postalCode", source = "postcode")
  @Mapping(target = "countryCode", source = "countryId")
  @Mapping(target = "phone", source = "telephone")
  @Mapping(target = "email", ignore = true)
  Address fromCustomerAddress(CustomerAddressDto address);

  @Mapping(target = "firstname", source = "firstName")
  @Mapping(target = "lastname", source = "lastName")
  @Mapping(target = "street", source = "lines")
  @Mapping(target = "region.region", source = "region")
  @Mapping(target = "region.regionCode", source = "regionCode")
  @Mapping(target = "postcode", source = "postalCode")
  @Mapping(target = "countryId", source = "countryCode")
  @Mapping(target = "telephone", source = "phone")
  CustomerAddressDto toCustomerAddress(Address address);
}
