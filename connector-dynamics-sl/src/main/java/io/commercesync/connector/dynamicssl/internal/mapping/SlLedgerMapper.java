package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.internal.dto.ArAdjust;
import io.commercesync.connector.dynamicssl.internal.dto.ArDoc;
import io.commercesync.connector.dynamicssl.internal.dto.Batch;
import io.commercesync.connector.dynamicssl.internal.dto.GlTran;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.JournalLine;
import io.commercesync.core.spi.CashReceipt;
import org.mapstruct.Builder;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * {@link JournalEntry} → SL {@code Batch} + {@code GLTran} (reference §2.8) and {@link CashReceipt}
 * → {@code ARDoc} of type {@code PA} + {@code ARAdjust} (§2.9).
 *
 * <p>Journal: {@code Module} {@code GL}, {@code JrnlType}/{@code LedgerID} from configuration,
 * {@code BalanceType} {@code A}, {@code PerPost} from the entry date and the fiscal calendar,
 * {@code CuryCtrlTot} = total debits; per line {@code Acct} and {@code Sub} (an account written
 * {@code 1010/01-000-00}; without {@code /} the configured default subaccount), {@code CuryDrAmt}/
 * {@code CuryCrAmt}, {@code TranDesc} (the line's, else the entry's description), {@code ExtRefNbr} =
 * the entry reference (char(15): the look-up key) and {@code RefNbr} = the reference when it fits
 * char(10), else a deterministic 10-character digest of it.
 *
 * <p>Payment: {@code DocType} {@code PA}, {@code RefNbr} = the payment id when it fits char(10), else
 * a digest; {@code CuryOrigDocAmt} the amount; {@code BankAcct}/{@code BankSub} from the checkbook
 * ({@code Acct/Sub}); {@code CustOrdNbr} the storefront order; one {@code ARAdjust} to the invoice when
 * the receipt names one.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE,
    builder = @Builder(disableBuilder = true), imports = {SlConversions.class, SlReferences.class})
public interface SlLedgerMapper {

  SlLedgerMapper INSTANCE = Mappers.getMapper(SlLedgerMapper.class);

  @Mapping(target = "cpnyId", source = "cpnyId")
  @Mapping(target = "module", constant = "GL")
  @Mapping(target = "jrnlType", expression = "java(ctx.jrnlType())")
  @Mapping(target = "ledgerID", expression = "java(ctx.ledgerId())")
  @Mapping(target = "balanceType", constant = "A")
  @Mapping(target = "perPost", expression = "java(ctx.fiscalCalendar().perPost(entry.date()))")
  @Mapping(target = "descr", source = "entry.description")
  @Mapping(target = "curyId", expression = "java(entry.currency().getCurrencyCode())")
  @Mapping(target = "curyCtrlTot", expression = "java(SlConversions.amount(entry.total()))")
  @Mapping(target = "batNbr", ignore = true)
  @Mapping(target = "status", ignore = true)
  Batch batch(JournalEntry entry, String cpnyId, @Context SlMappingContext ctx);

  @Mapping(target = "lineNbr", source = "lineNbr")
  @Mapping(target = "acct", expression = "java(SlReferences.acct(line.account()))")
  @Mapping(target = "sub", expression = "java(SlReferences.sub(line.account(), ctx.defaultSub()))")
  @Mapping(target = "curyDrAmt", expression = "java(SlConversions.amount(line.debit()))")
  @Mapping(target = "curyCrAmt", expression = "java(SlConversions.amount(line.credit()))")
  @Mapping(target = "tranDate", source = "entry.date")
  @Mapping(target = "tranDesc", expression = "java(line.description() != null ? line.description() : entry.description())")
  @Mapping(target = "refNbr", expression = "java(SlReferences.refNbr(entry.reference()))")
  @Mapping(target = "extRefNbr", source = "entry.reference")
  @Mapping(target = "projectID", ignore = true)
  @Mapping(target = "taskID", ignore = true)
  GlTran tran(JournalLine line, int lineNbr, JournalEntry entry, @Context SlMappingContext ctx);

  @Mapping(target = "cpnyId", source = "cpnyId")
  @Mapping(target = "custId", source = "receipt.customerId")
  @Mapping(target = "docType", constant = "PA")
  @Mapping(target = "refNbr", expression = "java(SlReferences.refNbr(paymentKey(receipt)))")
  @Mapping(target = "docDate", source = "receipt.date")
  @Mapping(target = "curyOrigDocAmt", expression = "java(SlConversions.amount(receipt.payment().amount()))")
  @Mapping(target = "curyId", expression = "java(receipt.payment().amount().currency().getCurrencyCode())")
  @Mapping(target = "perPost", expression = "java(ctx.fiscalCalendar().perPost(receipt.date()))")
  @Mapping(target = "bankAcct", expression = "java(SlReferences.acct(receipt.checkbookId()))")
  @Mapping(target = "bankSub", expression = "java(SlReferences.sub(receipt.checkbookId(), ctx.defaultSub()))")
  @Mapping(target = "custOrdNbr", source = "receipt.payment.orderNumber")
  @Mapping(target = "docDesc", expression = "java(docDesc(receipt))")
  @Mapping(target = "batNbr", ignore = true)
  @Mapping(target = "status", ignore = true)
  ArDoc payment(CashReceipt receipt, String cpnyId, @Context SlMappingContext ctx);

  @Mapping(target = "adjdDocType", constant = "IN")
  @Mapping(target = "adjdRefNbr", source = "receipt.applyToInvoice")
  @Mapping(target = "curyAdjgAmt", expression = "java(SlConversions.amount(receipt.payment().amount()))")
  ArAdjust application(CashReceipt receipt);

  @Mapping(target = "refs", expression = "java(java.util.List.of(io.commercesync.core.model.ExternalRef.of(io.commercesync.core.model.SystemId.DYNAMICS_SL, doc.refNbr())))")
  @Mapping(target = "number", source = "refNbr")
  @Mapping(target = "orderNumber", expression = "java(SlConversions.blankToNull(doc.custOrdNbr()))")
  @Mapping(target = "customerRef", expression = "java(io.commercesync.core.model.ExternalRef.of(io.commercesync.core.model.SystemId.DYNAMICS_SL, doc.custId()))")
  @Mapping(target = "invoiceDate", expression = "java(SlConversions.date(doc.docDate()))")
  @Mapping(target = "currency", expression = "java(currency(doc, ctx))")
  @Mapping(target = "total", expression = "java(SlConversions.money(doc.curyOrigDocAmt(), currency(doc, ctx)))")
  @Mapping(target = "balanceDue", expression = "java(SlConversions.money(doc.curyDocBal(), currency(doc, ctx)))")
  @Mapping(target = "lines", ignore = true)
  @Mapping(target = "subtotal", ignore = true)
  @Mapping(target = "discount", ignore = true)
  @Mapping(target = "shipping", ignore = true)
  @Mapping(target = "tax", ignore = true)
  @Mapping(target = "dueDate", ignore = true)
  io.commercesync.core.model.Invoice invoice(ArDoc doc, @Context SlMappingContext ctx);

  default java.util.Currency currency(ArDoc doc, SlMappingContext ctx) {
    String id = SlConversions.blankToNull(doc.curyId());
    return id == null ? ctx.baseCurrency() : java.util.Currency.getInstance(id);
  }

  /** The payment's own id, else its gateway transaction id, else the order number. */
  default String paymentKey(CashReceipt receipt) {
    if (receipt.payment().id() != null) {
      return receipt.payment().id();
    }
    if (receipt.payment().transactionId() != null) {
      return receipt.payment().transactionId();
    }
    return receipt.payment().orderNumber() + "/" + receipt.payment().amount();
  }

  /** {@code DocDesc} (char(30)): the method and, for cards, the type and last four digits. */
  default String docDesc(CashReceipt receipt) {
    StringBuilder d = new StringBuilder(receipt.payment().method());
    if (receipt.payment().cardLast4() != null) {
      d.append(' ').append(receipt.payment().cardType() == null ? "card" : receipt.payment().cardType())
          .append(" x").append(receipt.payment().cardLast4());
    }
    String s = d.toString();
    return s.length() <= 30 ? s : s.substring(0, 30).strip();
  }
}
