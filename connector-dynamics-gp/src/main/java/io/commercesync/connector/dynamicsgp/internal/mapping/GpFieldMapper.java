package io.commercesync.connector.dynamicsgp.internal.mapping;

import io.commercesync.connector.dynamicsgp.econnect.TaCreateCustomerAddress;
import io.commercesync.connector.dynamicsgp.econnect.TaGlTransactionLineInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaSopHdrIvcInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaSopLineIvcInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaUpdateCreateCustomerRcd;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.JournalLine;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.spi.SalesLine;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * The field-to-field part of canonical → eConnect: addresses, lines, journal lines. Totals, tax rows and
 * keys are computed by {@link GpDocumentMapper}.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.IGNORE, unmappedSourcePolicy = ReportingPolicy.IGNORE)
public interface GpFieldMapper {

  GpFieldMapper INSTANCE = Mappers.getMapper(GpFieldMapper.class);

  /** What every line of one sales document shares. */
  record SopLineContext(int soptype, String sopnumbe, String custnmbr, java.time.LocalDate docdate, String docid,
      String curncyid, String site, String uofm) {}

  @Mapping(target = "shipToName", expression = "java(GpText.clip(a.fullName(), 64))")
  @Mapping(target = "cntcprsn", expression = "java(GpText.clip(a.fullName(), 60))")
  @Mapping(target = "address1", expression = "java(a.line(0))")
  @Mapping(target = "address2", expression = "java(a.line(1))")
  @Mapping(target = "address3", expression = "java(a.line(2))")
  @Mapping(target = "city", source = "city")
  @Mapping(target = "state", expression = "java(GpText.state(a))")
  @Mapping(target = "zipcode", source = "postalCode")
  @Mapping(target = "country", expression = "java(GpText.countryName(a.countryCode()))")
  @Mapping(target = "phnumbr1", expression = "java(GpText.phone(a.phone()))")
  void shipTo(Address a, @MappingTarget TaSopHdrIvcInsert.Builder header);

  @Mapping(target = "soptype", source = "ctx.soptype")
  @Mapping(target = "sopnumbe", source = "ctx.sopnumbe")
  @Mapping(target = "custnmbr", source = "ctx.custnmbr")
  @Mapping(target = "docdate", source = "ctx.docdate")
  @Mapping(target = "docid", source = "ctx.docid")
  @Mapping(target = "curncyid", source = "ctx.curncyid")
  @Mapping(target = "itemnmbr", expression = "java(GpText.upper(assignment.itemNumber()))")
  @Mapping(target = "locncode", expression = "java(GpText.upper(assignment.site() != null ? assignment.site() : ctx.site()))")
  @Mapping(target = "uofm", expression = "java(assignment.unitOfMeasure() != null ? assignment.unitOfMeasure() : ctx.uofm())")
  @Mapping(target = "itemdesc", expression = "java(GpText.description(line.name(), 100))")
  @Mapping(target = "quantity", source = "line.quantity")
  @Mapping(target = "unitprce", source = "line.unitPrice.amount")
  @Mapping(target = "lnitmseq", source = "sequence")
  @Mapping(target = "xtndprce", ignore = true)
  @Mapping(target = "taxamnt", ignore = true)
  TaSopLineIvcInsert orderLine(OrderLine line, SalesLine assignment, SopLineContext ctx, int sequence);

  @Mapping(target = "soptype", source = "ctx.soptype")
  @Mapping(target = "sopnumbe", source = "ctx.sopnumbe")
  @Mapping(target = "custnmbr", source = "ctx.custnmbr")
  @Mapping(target = "docdate", source = "ctx.docdate")
  @Mapping(target = "docid", source = "ctx.docid")
  @Mapping(target = "curncyid", source = "ctx.curncyid")
  @Mapping(target = "itemnmbr", expression = "java(GpText.upper(assignment.itemNumber()))")
  @Mapping(target = "locncode", expression = "java(GpText.upper(assignment.site() != null ? assignment.site() : ctx.site()))")
  @Mapping(target = "uofm", expression = "java(assignment.unitOfMeasure() != null ? assignment.unitOfMeasure() : ctx.uofm())")
  @Mapping(target = "quantity", source = "line.quantity")
  @Mapping(target = "unitprce", source = "line.unitPrice.amount")
  @Mapping(target = "xtndprce", source = "line.total.amount")
  @Mapping(target = "lnitmseq", source = "sequence")
  TaSopLineIvcInsert returnLine(ReturnLine line, SalesLine assignment, SopLineContext ctx, int sequence);

  @Mapping(target = "cntcprsn", expression = "java(GpText.clip(a.fullName(), 60))")
  @Mapping(target = "address1", expression = "java(a.line(0))")
  @Mapping(target = "address2", expression = "java(a.line(1))")
  @Mapping(target = "address3", expression = "java(a.line(2))")
  @Mapping(target = "city", source = "city")
  @Mapping(target = "state", expression = "java(GpText.state(a))")
  @Mapping(target = "zipcode", source = "postalCode")
  @Mapping(target = "cCode", source = "countryCode")
  @Mapping(target = "country", expression = "java(GpText.countryName(a.countryCode()))")
  @Mapping(target = "phnumbr1", expression = "java(GpText.phone(a.phone()))")
  void customerAddress(Address a, @MappingTarget TaUpdateCreateCustomerRcd.Builder customer);

  @Mapping(target = "cntcprsn", expression = "java(GpText.clip(a.fullName(), 60))")
  @Mapping(target = "shipToName", expression = "java(GpText.clip(a.fullName(), 64))")
  @Mapping(target = "address1", expression = "java(a.line(0))")
  @Mapping(target = "address2", expression = "java(a.line(1))")
  @Mapping(target = "address3", expression = "java(a.line(2))")
  @Mapping(target = "city", source = "city")
  @Mapping(target = "state", expression = "java(GpText.state(a))")
  @Mapping(target = "zipcode", source = "postalCode")
  @Mapping(target = "cCode", source = "countryCode")
  @Mapping(target = "country", expression = "java(GpText.countryName(a.countryCode()))")
  @Mapping(target = "phnumbr1", expression = "java(GpText.phone(a.phone()))")
  void extraAddress(Address a, @MappingTarget TaCreateCustomerAddress.Builder address);

  @Mapping(target = "actnumst", source = "line.account")
  @Mapping(target = "debitamt", source = "line.debit.amount")
  @Mapping(target = "crdtamnt", source = "line.credit.amount")
  @Mapping(target = "dscriptn", expression = "java(GpText.clip(line.description(), 30))")
  @Mapping(target = "bachnumb", source = "bachnumb")
  @Mapping(target = "jrnentry", source = "jrnentry")
  @Mapping(target = "sqncline", expression = "java(java.math.BigDecimal.valueOf(sequence))")
  TaGlTransactionLineInsert journalLine(JournalLine line, String bachnumb, int jrnentry, int sequence);
}
