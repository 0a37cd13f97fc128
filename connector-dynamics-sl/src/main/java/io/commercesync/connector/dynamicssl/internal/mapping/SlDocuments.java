package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.internal.dto.ArAdjust;
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
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import java.math.BigDecimal;
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
