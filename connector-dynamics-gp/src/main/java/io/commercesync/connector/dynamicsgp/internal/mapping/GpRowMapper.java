package io.commercesync.connector.dynamicsgp.internal.mapping;

import io.commercesync.connector.dynamicsgp.internal.dto.GpRows;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * GP rows → canonical records (MapStruct): IV00102 → InventoryLevel, IV00108 → Price, IV00101 → Item, RM20101 →
 * Invoice, SOP30200 + SOP10107 → Shipment, RM00102 → Address. The currency comes from the caller (CURNCYID
 * mapped to ISO through the settings).
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.IGNORE, unmappedSourcePolicy = ReportingPolicy.IGNORE,
    imports = {SystemId.class, ExternalRef.class, List.class, ItemStatus.class})
public interface GpRowMapper {

  GpRowMapper INSTANCE = Mappers.getMapper(GpRowMapper.class);

  @Mapping(target = "sku", source = "itemnmbr")
  @Mapping(target = "location", source = "locncode")
  @Mapping(target = "onHand", source = "qtyonhnd")
  @Mapping(target = "allocated", source = "atyalloc")
  @Mapping(target = "available", expression = "java(r.qtyonhnd().subtract(r.atyalloc()))")
  @Mapping(target = "asOf", source = "dexRowTs")
  InventoryLevel inventory(GpRows.InventoryRow r);

  @Mapping(target = "sku", source = "itemnmbr")
  @Mapping(target = "priceList", source = "prclevel")
  @Mapping(target = "unitOfMeasure", source = "uofm")
  @Mapping(target = "minQuantity", expression = "java(GpText.minQuantity(r.fromqty()))")
  @Mapping(target = "amount", expression = "java(money(r.uomprice(), currency))")
  Price price(GpRows.PriceRow r, @Context Currency currency);

  @Mapping(target = "refs", expression = "java(List.of(ExternalRef.of(SystemId.DYNAMICS_GP, r.itemnmbr())))")
  @Mapping(target = "sku", source = "itemnmbr")
  @Mapping(target = "name", source = "itemdesc")
  @Mapping(target = "shortDescription", source = "itmshnam")
  @Mapping(target = "unitOfMeasure", source = "selnguom")
  @Mapping(target = "weight", expression = "java(r.itemshwt() == null ? null : r.itemshwt().movePointLeft(2))")
  @Mapping(target = "status", expression = "java(GpText.status(r.inactive(), r.itemtype()))")
  @Mapping(target = "taxClass", source = "itmtshid")
  @Mapping(target = "updatedAt", source = "dexRowTs")
  Item item(GpRows.ItemRow r);

  @Mapping(target = "refs", expression = "java(List.of(ExternalRef.of(SystemId.DYNAMICS_GP, r.docnumbr())))")
  @Mapping(target = "number", source = "docnumbr")
  @Mapping(target = "orderNumber", source = "cspornbr")
  @Mapping(target = "customerRef", expression = "java(ExternalRef.of(SystemId.DYNAMICS_GP, r.custnmbr()))")
  @Mapping(target = "invoiceDate", expression = "java(date(r.docdate()))")
  @Mapping(target = "dueDate", expression = "java(date(r.duedate()))")
  @Mapping(target = "currency", expression = "java(currency)")
  @Mapping(target = "total", expression = "java(money(r.ortrxamt(), currency))")
  @Mapping(target = "balanceDue", expression = "java(money(r.curtrxam(), currency))")
  Invoice invoice(GpRows.InvoiceRow r, @Context Currency currency);

  @Mapping(target = "refs", expression = "java(List.of(ExternalRef.of(SystemId.DYNAMICS_GP, r.sopnumbe())))")
  @Mapping(target = "orderNumber", source = "cstponbr")
  @Mapping(target = "service", source = "shipmthd")
  @Mapping(target = "trackingNumbers", source = "trackingNumbers")
  @Mapping(target = "shippedAt", expression = "java(r.actlship() != null ? r.actlship() : r.docdate())")
  Shipment shipment(GpRows.ShipmentRow r);

  @Mapping(target = "lines", expression = "java(lines(r))")
  @Mapping(target = "city", source = "city")
  @Mapping(target = "regionCode", source = "state")
  @Mapping(target = "postalCode", source = "zip")
  @Mapping(target = "countryCode", expression = "java(r.ccode() != null && r.ccode().matches(\"[A-Za-z]{2}\") ? r.ccode() : null)")
  @Mapping(target = "phone", source = "phone1")
  @Mapping(target = "firstName", expression = "java(GpText.firstName(r.cntcprsn()))")
  @Mapping(target = "lastName", expression = "java(GpText.lastName(r.cntcprsn()))")
  Address address(GpRows.AddressRow r);

  default List<String> lines(GpRows.AddressRow r) {
    return java.util.stream.Stream.of(r.address1(), r.address2(), r.address3())
        .filter(s -> s != null && !s.isBlank()).toList();
  }

  default Money money(BigDecimal amount, Currency currency) {
    return amount == null ? null : Money.of(amount, currency);
  }

  default LocalDate date(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

}
