package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.internal.dto.SoHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoLine;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import org.mapstruct.Builder;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Canonical {@link Return} → an SL credit memo order: {@code SOHeader} of the credit-memo order type
 * ({@code SOTypeID}, default {@code CM}) + one {@code SOLine} per returned line (reference §2.3, §2.4).
 *
 * <p>The storefront credit memo number goes to {@code CustOrdNbr} (char(25), the de-duplication key with
 * {@code CustID} and {@code SOTypeID}); {@code OrdNbr} is never sent (SL assigns it from the order type's
 * numbering). Freight refunded → {@code CuryTotFrt}, tax refunded → {@code CuryTotTax}; the amounts of
 * {@link CreditMemoDefaults} ({@code CuryWholeOrdDisc}, {@code CuryTotMisc}) are attributed by
 * {@link SlDocuments#creditMemo}. Lines carry the returned quantity ({@code QtyOrd}, &gt; 0) at the refunded
 * unit price ({@code CurySlsPrice}); amounts are positive, the order type's behaviour makes them a credit.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE,
    builder = @Builder(disableBuilder = true), imports = {SlConversions.class})
public interface SlReturnMapper {

  SlReturnMapper INSTANCE = Mappers.getMapper(SlReturnMapper.class);

  @Mapping(target = "status", ignore = true)
  @Mapping(target = "custOrdNbr", source = "ret.number")
  @Mapping(target = "ordDate", expression = "java(SlConversions.localDate(ret.createdAt(), ctx.zone()))")
  @Mapping(target = "curyTotFrt", expression = "java(SlConversions.amount(ret.shipping()))")
  @Mapping(target = "curyTotTax", expression = "java(SlConversions.amount(ret.tax()))")
  SoHeader header(Return ret, CreditMemoDefaults defaults, @Context SlMappingContext ctx);

  @Mapping(target = "cpnyId", ignore = true)
  @Mapping(target = "status", ignore = true)
  @Mapping(target = "descr", ignore = true)
  @Mapping(target = "lineRef", source = "lineRef")
  @Mapping(target = "invtID", source = "invtId")
  @Mapping(target = "siteID", source = "siteId")
  @Mapping(target = "unitDesc", source = "unitDesc")
  @Mapping(target = "qtyOrd", source = "line.quantity")
  @Mapping(target = "curySlsPrice", expression = "java(SlConversions.amount(line.unitPrice()))")
  @Mapping(target = "discPct", constant = "0")
  SoLine line(ReturnLine line, String lineRef, String invtId, String siteId, String unitDesc);

  /** {@code header} naming the refunded order's {@code OrdNbr} ({@code OrigOrdNbr}). */
  @Mapping(target = "origOrdNbr", source = "origOrdNbr")
  SoHeader withOrigOrdNbr(SoHeader header, String origOrdNbr);
}
