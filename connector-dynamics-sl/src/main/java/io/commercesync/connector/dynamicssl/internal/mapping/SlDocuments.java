package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.SlCreditMemoAccounts;
import io.commercesync.connector.dynamicssl.internal.dto.ArAdjust;
import io.commercesync.connector.dynamicssl.internal.dto.ArDoc;
import io.commercesync.connector.dynamicssl.internal.dto.ArTran;
import io.commercesync.connector.dynamicssl.internal.dto.CreditMemoDocument;
import io.commercesync.connector.dynamicssl.internal.dto.CustomerDocument;
import io.commercesync.connector.dynamicssl.internal.dto.CustomerDto;
import io.commercesync.connector.dynamicssl.internal.dto.GlTran;
import io.commercesync.connector.dynamicssl.internal.dto.GlTransactionDocument;
import io.commercesync.connector.dynamicssl.internal.dto.PaymentDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SalesOrderDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SoAddress;
import io.commercesync.connector.dynamicssl.internal.dto.SoHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoLine;
import io.commercesync.connector.dynamicssl.internal.text.SlText;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.JournalLine;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the request documents the client sends, from canonical records: the MapStruct mappers do the
 * field-to-field work; this class does the parts with rules (line assignment, totals, balances,
 * defaults) and finally the SL text rules ({@link SlText#prepare}: widths, code page). Every problem is
 * an {@link InvalidRecordException} of system {@code dynamics-sl} naming the field, before any call.
 */
public final class SlDocuments {

  /** The {@code userDefinedFields} keys a {@link SalesOrderRequest} may carry for SL. */
  public static final Set<String> ORDER_FIELDS =
      Set.of("User1", "User2", "User3", "User4", "ShiptoID", "TermsID", "SlsperID", "SOTypeID", "TaxID00");

  private final SlMappingContext ctx;
  private final SlText text;

  public SlDocuments(SlMappingContext ctx, SlText text) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.text = Objects.requireNonNull(text, "text");
  }

  public SlMappingContext context() {
    return ctx;
  }

  public SlText text() {
    return text;
  }

  /** The company a request goes to. */
  public String company(String requested) {
    return requested != null && !requested.isBlank() ? requested : ctx.cpnyId();
  }

  // ---- sales order ----

  /** {@code POST /api/SalesOrder} body for {@code request} (no OrdNbr: SL assigns it). */
  public SalesOrderDocument salesOrder(SalesOrderRequest request) {
    Order order = request.order();
    InvalidRecordException.Builder errors =
        InvalidRecordException.builder(SystemId.DYNAMICS_SL, "sales order").recordId(order.number());
    request.userDefinedFields().keySet().stream().filter(k -> !ORDER_FIELDS.contains(k)).sorted()
        .forEach(k -> errors.violation(FieldViolation.of("userDefinedFields." + k, FieldViolation.RULE_FORMAT, k,
            "is not an SOHeader field the connector sets; use one of " + new java.util.TreeSet<>(ORDER_FIELDS))));
    rounded(order.discount(), "discount", errors);
    rounded(order.shipping(), "shipping", errors);
    rounded(order.tax(), "tax", errors);
    rounded(order.fees(), "fees", errors);
    rounded(order.subtotal(), "subtotal", errors);
    if (request.lines().isEmpty()) {
      errors.violation(FieldViolation.of("lines", FieldViolation.RULE_REQUIRED, null,
          "the request assigns no line to an SL item (SOLine)"));
    }
    List<SalesLine> assigned = new ArrayList<>(request.lines());
    assigned.sort(Comparator.comparingInt(SalesLine::lineNumber));
    List<SoLine> lines = new ArrayList<>();
    for (int i = 0; i < assigned.size(); i++) {
      SalesLine a = assigned.get(i);
      Optional<OrderLine> found = order.lines().stream().filter(l -> l.lineNumber() == a.lineNumber()).findFirst();
      if (found.isEmpty()) {
        errors.violation(FieldViolation.of("lines[" + i + "].lineNumber", FieldViolation.RULE_CONSISTENCY,
            a.lineNumber(), "names no line of the order"));
        continue;
      }
      OrderLine l = found.get();
      rounded(l.unitPrice(), "lines[" + (l.lineNumber() - 1) + "].unitPrice", errors);
      String site = a.site() != null ? a.site() : (l.location() != null ? l.location() : ctx.defaultSiteId());
      String unit = a.unitOfMeasure() != null ? a.unitOfMeasure() : l.unitOfMeasure();
      lines.add(l.unitPrice().isRounded()
          ? SlOrderMapper.INSTANCE.line(l.toBuilder().name(text.descriptive(l.name())).build(),
              String.format("%05d", i + 1), a.itemNumber(), site, unit)
          : null);
    }
    errors.throwIfAny();
    int scale = order.currency().getDefaultFractionDigits();
    BigDecimal merchandise = SlOrderMapper.merchandise(lines, scale);
    if (merchandise.compareTo(order.subtotal().amount()) != 0) {
      errors.violation(FieldViolation.of("subtotal", FieldViolation.RULE_CONSISTENCY, order.subtotal(),
          "SL computes the merchandise total as Σ QtyOrd × CurySlsPrice = " + merchandise.toPlainString()
              + " " + order.currency().getCurrencyCode() + ", which differs from the order subtotal"));
      errors.throwIfAny();
    }
    Map<String, String> udf = request.userDefinedFields();
    String storefrontOrderId = order.refs().stream().filter(r -> !r.system().equals(SystemId.DYNAMICS_SL))
        .map(ExternalRef::id).findFirst().orElse(null);
    HeaderDefaults defaults = new HeaderDefaults(
        company(request.company()),
        request.customerId(),
        udf.getOrDefault("SOTypeID", ctx.soTypeId()),
        request.shippingMethod(),
        udf.get("ShiptoID"),
        udf.get("TermsID"),
        udf.get("SlsperID"),
        order.currency().getCurrencyCode(),
        udf.get("TaxID00"),
        udf.getOrDefault("User1", order.customerRef() == null ? null : order.customerRef().id()),
        udf.getOrDefault("User2", storefrontOrderId),
        udf.get("User3"),
        udf.get("User4"));
    SoHeader header = SlOrderMapper.INSTANCE.header(order, defaults, ctx);
    return text.prepare(new SalesOrderDocument(header, lines), "sales order", order.number());
  }

  /** The {@code SOTypeID} the request's order is entered with (its {@code userDefinedFields} or the default). */
  public String orderType(SalesOrderRequest request) {
    return request.userDefinedFields().getOrDefault("SOTypeID", ctx.soTypeId());
  }

  // ---- credit memo (return) ----

  /**
   * {@code POST /api/SalesOrder} body for a storefront credit memo: an order of the credit-memo order type
   * ({@code SOTypeID} = {@link SlMappingContext#creditMemoTypeId()}), one {@code SOLine} per returned line.
   *
   * <p>Amounts, all positive at the currency's scale (more decimals are refused, never rounded): each line
   * at {@code QtyOrd} × {@code CurySlsPrice} (the refunded unit price); what the lines refund less than that
   * (their share of the order discount) plus a fee kept (negative adjustment) → {@code CuryWholeOrdDisc};
   * a further refund (positive adjustment) → {@code CuryTotMisc}; shipping → {@code CuryTotFrt}; tax →
   * {@code CuryTotTax}. Σ lines − {@code CuryWholeOrdDisc} + {@code CuryTotFrt} + {@code CuryTotMisc} +
   * {@code CuryTotTax} must equal the refunded total, as SL computes {@code CuryTotOrd}.
   *
   * @param origOrdNbr SL's {@code OrdNbr} of the refunded order, or null when unknown
   * @throws InvalidRecordException (system {@code dynamics-sl}, entity {@code credit memo}) naming every field
   */
  public SalesOrderDocument creditMemo(ReturnRequest request, String origOrdNbr) {
    Return ret = request.ret();
    InvalidRecordException.Builder errors =
        InvalidRecordException.builder(SystemId.DYNAMICS_SL, "credit memo").recordId(ret.number());
    rounded(ret.shipping(), "shipping", errors);
    rounded(ret.adjustment(), "adjustment", errors);
    rounded(ret.tax(), "tax", errors);
    rounded(ret.total(), "total", errors);
    if (ret.lines().isEmpty()) {
      // a refund of money only: an SL credit memo order needs an SOLine; SL's document for a money-only
      // credit is an AR credit memo (ARDoc DocType CM), entered by arCreditMemo(...)
      errors.violation(FieldViolation.of("lines", FieldViolation.RULE_REQUIRED, null,
          "a refund without returned lines cannot be entered as an SL credit memo order (SOLine is required);"
              + " it is entered as an AR credit memo (ARDoc CM + ARTran) instead"));
    }
    int scale = ret.currency().getDefaultFractionDigits();
    BigDecimal lineDiscount = BigDecimal.ZERO;
    List<SoLine> lines = new ArrayList<>();
    for (int i = 0; i < ret.lines().size(); i++) {
      ReturnLine l = ret.lines().get(i);
      Optional<SalesLine> a = request.lines().stream().filter(s -> s.lineNumber() == l.lineNumber()).findFirst();
      if (a.isEmpty()) {
        errors.violation(FieldViolation.of("lines[" + i + "]", FieldViolation.RULE_UNKNOWN_REFERENCE, l.sku(),
            "has no SL item assignment (SalesLine " + l.lineNumber() + ")"));
        continue;
      }
      rounded(l.unitPrice(), "lines[" + i + "].unitPrice", errors);
      rounded(l.total(), "lines[" + i + "].total", errors);
      if (!l.unitPrice().isRounded() || !l.total().isRounded()) {
        continue;
      }
      BigDecimal extended = l.quantity().multiply(l.unitPrice().amount()).setScale(scale, RoundingMode.HALF_EVEN);
      BigDecimal short_ = extended.subtract(l.total().amount());
      if (short_.signum() < 0) {
        errors.violation(FieldViolation.of("lines[" + i + "].total", FieldViolation.RULE_CONSISTENCY, l.total(),
            "SL credits a line as QtyOrd × CurySlsPrice = " + extended.toPlainString() + " "
                + ret.currency().getCurrencyCode() + " (SOLine has no amount column); a larger line refund"
                + " cannot be entered"));
        continue;
      }
      lineDiscount = lineDiscount.add(short_);
      String site = a.get().site() != null ? a.get().site() : ctx.defaultSiteId();
      lines.add(SlReturnMapper.INSTANCE.line(l, String.format("%05d", lines.size() + 1), a.get().itemNumber(), site,
          a.get().unitOfMeasure()));
    }
    errors.throwIfAny();
    BigDecimal adjustment = SlConversions.amount(ret.adjustment());
    BigDecimal misc = adjustment.signum() > 0 ? adjustment : BigDecimal.ZERO.setScale(scale);
    BigDecimal discount = lineDiscount.add(adjustment.signum() < 0 ? adjustment.negate() : BigDecimal.ZERO)
        .setScale(scale, RoundingMode.UNNECESSARY);
    BigDecimal total = SlOrderMapper.merchandise(lines, scale).subtract(discount)
        .add(SlConversions.amount(ret.shipping())).add(misc).add(SlConversions.amount(ret.tax()));
    if (total.compareTo(ret.total().amount()) != 0) {
      errors.violation(FieldViolation.of("total", FieldViolation.RULE_CONSISTENCY, ret.total(),
          "SL computes the credit memo total CuryTotOrd = Σ QtyOrd × CurySlsPrice − CuryWholeOrdDisc + CuryTotFrt"
              + " + CuryTotMisc + CuryTotTax = " + total.toPlainString() + " " + ret.currency().getCurrencyCode()
              + ", which differs from the refunded total"));
    } else if (total.signum() <= 0) {
      errors.violation(FieldViolation.of("total", FieldViolation.RULE_RANGE, ret.total(),
          "an SL credit memo must credit more than 0"));
    }
    errors.throwIfAny();
    String storefrontId = ret.refs().stream().filter(r -> !r.system().equals(SystemId.DYNAMICS_SL))
        .map(ExternalRef::id).findFirst().orElse(null);
    CreditMemoDefaults defaults = new CreditMemoDefaults(company(request.company()), request.customerId(),
        ctx.creditMemoTypeId(), ret.currency().getCurrencyCode(), origOrdNbr, storefrontId, ret.orderNumber(),
        discount, misc);
    SoHeader header = SlReturnMapper.INSTANCE.header(ret, defaults, ctx);
    return text.prepare(new SalesOrderDocument(header, lines), "credit memo", ret.number());
  }

  // ---- AR credit memo (money-only return) ----

  /** The option that holds the accounts of AR credit memos, as the builder and the sync configuration name it. */
  public static final String CREDIT_MEMO_ACCOUNTS = "creditMemoAccounts";

  /** Width of {@code ARDoc.DocDesc}, char(30) (reference §2.9, [C2]). */
  private static final int DESCRIPTION = 30;

  /**
   * {@code POST /api/AccountsReceivable/CreditMemo} body for a storefront credit memo without returned lines
   * (a refund of money only: shipping, tax, a goodwill adjustment): an {@code ARDoc} of type {@code CM} and one
   * {@code ARTran} per non-zero component, in this order: adjustment, shipping, tax.
   *
   * <p>Sides [I]: an AR credit memo credits the customer's receivable ({@code ARDoc}) and debits the offset
   * accounts ({@code ARTran}), so a refunded component is a {@code DrCr} {@code D} line (a further refund on
   * the {@code refunds} account, shipping on {@code freight}, tax on {@code tax}) and a fee kept (a negative
   * adjustment) is a {@code C} line on {@code refunds}. This convention is inferred, not confirmed: SL's own
   * procedures read a payment's ({@code PA}) offset (cash) lines as {@code DrCr = 'D'} (S1
   * {@code ARTran_Bat_Drcr_Type}), and a credit memo is booked like a payment against the receivable. Every
   * {@code CuryTranAmt} is &gt; 0 at the currency's scale (more decimals are refused, never rounded), and
   * Σ {@code D} − Σ {@code C} must equal {@code CuryOrigDocAmt} = the refunded total, which must be &gt; 0.
   *
   * @param ordNbr SL's {@code OrdNbr} of the refunded order, or null when it is not in SL
   * @throws InvalidRecordException (system {@code dynamics-sl}, entity {@code credit memo}) naming every field:
   *     {@code lines} when the accounts are not configured ({@value #CREDIT_MEMO_ACCOUNTS}) or the return has
   *     lines, {@code total} when the components do not add up, SL columns over their width
   */
  public CreditMemoDocument arCreditMemo(ReturnRequest request, String ordNbr) {
    Return ret = request.ret();
    InvalidRecordException.Builder errors =
        InvalidRecordException.builder(SystemId.DYNAMICS_SL, "credit memo").recordId(ret.number());
    if (!ret.lines().isEmpty()) {
      errors.violation(FieldViolation.of("lines", FieldViolation.RULE_CONSISTENCY, ret.lines().size(),
          "an SL AR credit memo carries money only; a return with lines is entered as a credit memo order"));
    }
    SlCreditMemoAccounts accounts = ctx.creditMemoAccounts();
    if (accounts == null) {
      errors.violation(FieldViolation.of("lines", FieldViolation.RULE_REQUIRED, null,
          "a refund without returned lines is entered in SL as an AR credit memo (ARDoc CM + ARTran), which needs"
              + " the GL accounts it debits: configure " + CREDIT_MEMO_ACCOUNTS + " (SlClient.Builder."
              + CREDIT_MEMO_ACCOUNTS + "(...), or " + CREDIT_MEMO_ACCOUNTS + ": {refunds: Acct/Sub} in the sync"
              + " configuration)"));
    }
    rounded(ret.shipping(), "shipping", errors);
    rounded(ret.adjustment(), "adjustment", errors);
    rounded(ret.tax(), "tax", errors);
    rounded(ret.total(), "total", errors);
    if (ret.shipping().isNegative()) {
      errors.violation(FieldViolation.of("shipping", FieldViolation.RULE_RANGE, ret.shipping(),
          "shipping refunded must be >= 0"));
    }
    if (ret.tax().isNegative()) {
      errors.violation(FieldViolation.of("tax", FieldViolation.RULE_RANGE, ret.tax(), "tax refunded must be >= 0"));
    }
    errors.throwIfAny();
    List<ArCreditMemoLine> components = new ArrayList<>();
    Money adjustment = ret.adjustment();
    if (adjustment.isPositive()) {
      components.add(component(components, accounts.refunds(), adjustment, "D", "Adjustment refund"));
    }
    if (ret.shipping().isPositive()) {
      components.add(component(components, accounts.freight(), ret.shipping(), "D", "Shipping refund"));
    }
    if (ret.tax().isPositive()) {
      components.add(component(components, accounts.tax(), ret.tax(), "D", "Tax refund"));
    }
    if (adjustment.isNegative()) {
      // a fee kept: the customer gets less back, so the offset is credited
      components.add(component(components, accounts.refunds(), adjustment.negate(), "C", "Adjustment fee kept"));
    }
    Money net = Money.zero(ret.currency());
    for (ArCreditMemoLine l : components) {
      net = "D".equals(l.drCr()) ? net.plus(l.amount()) : net.minus(l.amount());
    }
    if (net.compareTo(ret.total()) != 0) {
      errors.violation(FieldViolation.of("total", FieldViolation.RULE_CONSISTENCY, ret.total(),
          "an SL AR credit memo credits CuryOrigDocAmt = Σ ARTran D − Σ ARTran C = adjustment + shipping + tax = "
              + net.amount().toPlainString() + " " + ret.currency().getCurrencyCode()
              + ", which differs from the refunded total"));
    } else if (!ret.total().isPositive()) {
      errors.violation(FieldViolation.of("total", FieldViolation.RULE_RANGE, ret.total(),
          "an SL AR credit memo must credit more than 0"));
    }
    errors.throwIfAny();
    String company = company(request.company());
    ArCreditMemoDefaults defaults = new ArCreditMemoDefaults(company, request.customerId(),
        arCreditMemoRefNbr(ret), ordNbr, text.clipped("Refund " + ret.number(), DESCRIPTION));
    ArDoc doc = SlArCreditMemoMapper.INSTANCE.document(ret, defaults, ctx);
    // the whole number as an external reference when it fits ARTran.ExtRefNbr (char(15)); RefNbr holds it or
    // its digest either way, so a longer number is left out here rather than cut
    String extRefNbr = text.fits("ARTran", "ExtRefNbr", ret.number()) ? ret.number() : null;
    List<ArTran> trans = new ArrayList<>();
    for (ArCreditMemoLine l : components) {
      ArTran t = SlArCreditMemoMapper.INSTANCE.tran(l, doc, extRefNbr, ctx);
      if (t.sub() == null || t.sub().isBlank()) {
        errors.violation(FieldViolation.of("/ARTran/" + trans.size() + "/Sub", FieldViolation.RULE_REQUIRED,
            l.account(), "ARTran.Sub is required: write the " + CREDIT_MEMO_ACCOUNTS + " account as Acct/Sub or"
                + " configure a default subaccount"));
      }
      trans.add(t);
    }
    errors.throwIfAny();
    return text.prepare(new CreditMemoDocument(doc, trans), "credit memo", ret.number());
  }

  /** The {@code RefNbr} an AR credit memo for {@code ret} is entered under (deterministic: the look-up key). */
  public static String arCreditMemoRefNbr(Return ret) {
    return SlReferences.refNbr(ret.number());
  }

  private static ArCreditMemoLine component(List<ArCreditMemoLine> before, String account, Money amount,
      String drCr, String tranDesc) {
    return new ArCreditMemoLine(before.size() + 1, account, amount, drCr, tranDesc);
  }

  // ---- customer ----

  /** {@code POST/PUT /api/Customer} body for {@code customer} under {@code custId}. */
  public CustomerDocument customer(Customer customer, String custId) {
    List<CustomerAddress> all = customer.addresses();
    Address bill = customer.defaultBilling().map(CustomerAddress::address)
        .orElse(all.isEmpty() ? null : all.get(0).address());
    List<SoAddress> shipTos = new ArrayList<>();
    String dflt = null;
    int n = 0;
    for (CustomerAddress a : all) {
      if (a.defaultBilling() && !a.defaultShipping() && all.size() > 1) {
        continue;
      }
      n++;
      String shipToId;
      if (a.defaultShipping()) {
        shipToId = "DEFAULT";
        dflt = shipToId;
      } else if (a.key() != null && a.key().length() <= 10) {
        shipToId = a.key();
      } else {
        shipToId = "SHIP" + n;
      }
      String descr = a.defaultShipping() ? "Default ship-to" : "Ship-to " + shipToId;
      shipTos.add(SlCustomerMapper.INSTANCE.soAddress(a.address(), custId, shipToId, descr));
    }
    String storefrontId = customer.refs().stream().filter(r -> !r.system().equals(SystemId.DYNAMICS_SL))
        .map(ExternalRef::id).findFirst().orElse(null);
    CustomerDto dto = SlCustomerMapper.INSTANCE.customer(customer, bill, custId, dflt, storefrontId);
    InvalidRecordException.Builder errors =
        InvalidRecordException.builder(SystemId.DYNAMICS_SL, "customer").recordId(custId);
    rounded(customer.creditLimit(), "creditLimit", errors);
    errors.throwIfAny();
    return text.prepare(new CustomerDocument(dto, shipTos), "customer", custId);
  }

  // ---- general ledger ----

  /** {@code POST /api/GeneralLedger/Transactions} body: a balanced GL batch (no BatNbr: SL assigns it). */
  public GlTransactionDocument journal(JournalEntry entry, String company) {
    InvalidRecordException.Builder errors =
        InvalidRecordException.builder(SystemId.DYNAMICS_SL, "GL batch").recordId(entry.reference());
    List<GlTran> trans = new ArrayList<>();
    BigDecimal dr = BigDecimal.ZERO;
    BigDecimal cr = BigDecimal.ZERO;
    for (int i = 0; i < entry.lines().size(); i++) {
      JournalLine line = entry.lines().get(i);
      rounded(line.debit(), "lines[" + i + "].debit", errors);
      rounded(line.credit(), "lines[" + i + "].credit", errors);
      if (line.debit().isRounded() && line.credit().isRounded()) {
        GlTran t = SlLedgerMapper.INSTANCE.tran(line, i + 1, entry, ctx);
        if (t.sub() == null) {
          errors.violation(FieldViolation.of("lines[" + i + "].account", FieldViolation.RULE_REQUIRED,
              line.account(), "GLTran.Sub is required: write the account as Acct/Sub or configure a default subaccount"));
        }
        trans.add(t);
        dr = dr.add(t.curyDrAmt());
        cr = cr.add(t.curyCrAmt());
      }
    }
    errors.throwIfAny();
    if (dr.compareTo(cr) != 0) {
      errors.violation(FieldViolation.of("GLTran", FieldViolation.RULE_CONSISTENCY, null,
          "batch does not balance: Σ CuryDrAmt " + dr + " ≠ Σ CuryCrAmt " + cr));
      errors.throwIfAny();
    }
    var batch = SlLedgerMapper.INSTANCE.batch(entry, company(company), ctx);
    return text.prepare(new GlTransactionDocument(batch, trans), "GL batch", entry.reference());
  }

  // ---- AR payment ----

  /** {@code POST /api/AccountsReceivable/Payment} body: an ARDoc {@code PA} and its application. */
  public PaymentDocument payment(CashReceipt receipt) {
    InvalidRecordException.Builder errors =
        InvalidRecordException.builder(SystemId.DYNAMICS_SL, "AR payment").recordId(receipt.payment().id());
    rounded(receipt.payment().amount(), "payment.amount", errors);
    if (!receipt.payment().amount().isPositive()) {
      errors.violation(FieldViolation.of("payment.amount", FieldViolation.RULE_RANGE, receipt.payment().amount(),
          "an SL payment (ARDoc PA) must be > 0"));
    }
    errors.throwIfAny();
    var doc = SlLedgerMapper.INSTANCE.payment(receipt, company(receipt.company()), ctx);
    List<ArAdjust> applications = receipt.applyToInvoice() == null ? List.of()
        : List.of(SlLedgerMapper.INSTANCE.application(receipt));
    return text.prepare(new PaymentDocument(doc, applications), "AR payment", doc.refNbr());
  }

  private static void rounded(Money money, String path, InvalidRecordException.Builder errors) {
    if (money != null && !money.isRounded()) {
      errors.violation(FieldViolation.of(path, FieldViolation.RULE_FORMAT, money,
          "SL amounts are kept at " + money.minorUnits() + " decimals for "
              + money.currency().getCurrencyCode() + "; refusing to round (it would change the amount)"));
    }
  }
}
