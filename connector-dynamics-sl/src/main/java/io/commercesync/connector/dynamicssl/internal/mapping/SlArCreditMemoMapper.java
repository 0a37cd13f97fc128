package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.SlArCreditMemo;
import io.commercesync.connector.dynamicssl.internal.dto.ArDoc;
import io.commercesync.connector.dynamicssl.internal.dto.ArTran;
import io.commercesync.core.model.Return;
import org.mapstruct.Builder;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * A money-only {@link Return} (a storefront credit memo without returned lines) → an SL AR credit memo:
 * {@code ARDoc} with {@code DocType} {@code CM} + one {@code ARTran} per refunded component (reference §2.9).
 *
 * <p>{@code ARDoc}: {@code RefNbr} deterministic from the credit memo number ({@link SlReferences#refNbr}: the
 * number when it fits char(10), else a digest; the look-up key with {@code CustId} and {@code DocType});
 * {@code DocDate} = {@code createdAt} in the server zone and {@code PerPost} from the fiscal calendar;
 * {@code CuryOrigDocAmt} = the refunded total; {@code CustOrdNbr} = the storefront order number (char(25));
 * {@code OrdNbr} = SL's number of that order when known. {@code ARTran}: {@code TranType} {@code CM},
 * {@code Acct}/{@code Sub} from the configured account ({@code Acct/Sub}, else the default subaccount),
 * {@code CuryTranAmt} &gt; 0 on the side {@code DrCr} the rules of {@link SlDocuments#arCreditMemo} chose.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE,
    builder = @Builder(disableBuilder = true), imports = {SlConversions.class, SlReferences.class})
public interface SlArCreditMemoMapper {

  SlArCreditMemoMapper INSTANCE = Mappers.getMapper(SlArCreditMemoMapper.class);

  /** The {@code DocType} of an AR credit memo. */
  String CM = "CM";

  @Mapping(target = "cpnyId", source = "defaults.cpnyId")
  @Mapping(target = "custId", source = "defaults.custId")
  @Mapping(target = "docType", constant = CM)
  @Mapping(target = "refNbr", source = "defaults.refNbr")
  @Mapping(target = "docDate", expression = "java(SlConversions.localDate(ret.createdAt(), ctx.zone()))")
  @Mapping(target = "curyOrigDocAmt", expression = "java(SlConversions.amount(ret.total()))")
  @Mapping(target = "curyId", expression = "java(ret.currency().getCurrencyCode())")
  @Mapping(target = "perPost",
      expression = "java(ctx.fiscalCalendar().perPost(SlConversions.localDate(ret.createdAt(), ctx.zone())))")
  @Mapping(target = "custOrdNbr", source = "ret.orderNumber")
  @Mapping(target = "ordNbr", source = "defaults.ordNbr")
  @Mapping(target = "docDesc", source = "defaults.docDesc")
  @Mapping(target = "batNbr", ignore = true)
  @Mapping(target = "status", ignore = true)
  ArDoc document(Return ret, ArCreditMemoDefaults defaults, @Context SlMappingContext ctx);

  @Mapping(target = "cpnyId", source = "doc.cpnyId")
  @Mapping(target = "custId", source = "doc.custId")
  @Mapping(target = "tranType", source = "doc.docType")
  @Mapping(target = "refNbr", source = "doc.refNbr")
  @Mapping(target = "lineNbr", source = "line.lineNbr")
  @Mapping(target = "acct", expression = "java(SlReferences.acct(line.account()))")
  @Mapping(target = "sub", expression = "java(SlReferences.sub(line.account(), ctx.defaultSub()))")
  @Mapping(target = "curyTranAmt", expression = "java(SlConversions.amount(line.amount()))")
  @Mapping(target = "drCr", source = "line.drCr")
  @Mapping(target = "tranDesc", source = "line.tranDesc")
  @Mapping(target = "extRefNbr", source = "extRefNbr")
  @Mapping(target = "tranDate", source = "doc.docDate")
  @Mapping(target = "perPost", source = "doc.perPost")
  @Mapping(target = "curyId", source = "doc.curyId")
  @Mapping(target = "batNbr", ignore = true)
  ArTran tran(ArCreditMemoLine line, ArDoc doc, String extRefNbr, @Context SlMappingContext ctx);

  /** A credit memo read back (trimmed): blanks as null, amounts at the currency's scale. */
  @Mapping(target = "refNbr", source = "refNbr")
  @Mapping(target = "custId", source = "custId")
  @Mapping(target = "custOrdNbr", expression = "java(SlConversions.blankToNull(doc.custOrdNbr()))")
  @Mapping(target = "ordNbr", expression = "java(SlConversions.blankToNull(doc.ordNbr()))")
  @Mapping(target = "amount",
      expression = "java(SlConversions.money(doc.curyOrigDocAmt(), SlLedgerMapper.INSTANCE.currency(doc, ctx)))")
  @Mapping(target = "balance", expression = "java(SlConversions.money(doc.curyDocBal() != null ? doc.curyDocBal()"
      + " : doc.docBal(), SlLedgerMapper.INSTANCE.currency(doc, ctx)))")
  @Mapping(target = "docDesc", expression = "java(SlConversions.blankToNull(doc.docDesc()))")
  SlArCreditMemo read(ArDoc doc, @Context SlMappingContext ctx);
}
