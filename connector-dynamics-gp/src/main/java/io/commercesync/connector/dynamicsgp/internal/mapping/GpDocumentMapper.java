package io.commercesync.connector.dynamicsgp.internal.mapping;

import io.commercesync.connector.dynamicsgp.GpSettings;
import io.commercesync.connector.dynamicsgp.GpTaxModel;
import io.commercesync.connector.dynamicsgp.econnect.EConnectProcessInfo;
import io.commercesync.connector.dynamicsgp.econnect.EConnectValidator;
import io.commercesync.connector.dynamicsgp.econnect.GlTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.RmApplyType;
import io.commercesync.connector.dynamicsgp.econnect.RmCashReceiptsType;
import io.commercesync.connector.dynamicsgp.econnect.RmCustomerMasterType;
import io.commercesync.connector.dynamicsgp.econnect.RmTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.SopTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.TaCreateCustomerAddress;
import io.commercesync.connector.dynamicsgp.econnect.TaCreateInternetAddresses;
import io.commercesync.connector.dynamicsgp.econnect.TaGlTransactionHeaderInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaRmApply;
import io.commercesync.connector.dynamicsgp.econnect.TaRmCashReceiptInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaRmTransaction;
import io.commercesync.connector.dynamicsgp.econnect.TaRmTransactionTaxInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaSopHdrIvcInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaSopLineIvcInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaSopLineIvcTaxInsert;
import io.commercesync.connector.dynamicsgp.econnect.TaSopUserDefined;
import io.commercesync.connector.dynamicsgp.econnect.TaUpdateCreateCustomerRcd;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.JournalLine;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Canonical records → eConnect transactions for one company's {@link GpSettings}. Field-to-field mapping is
 * {@link GpFieldMapper} (MapStruct); this class computes keys, totals, tax rows and sequences, and validates
 * the result ({@link EConnectValidator}) so a document it returns is one GP accepts on its own rules.
 */
public final class GpDocumentMapper {

  /** LNITMSEQ / SQNCLINE step (reference §2: incremented by 16384 per line). */
  public static final int LINE_STEP = 16384;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
  private static final GpFieldMapper FIELDS = GpFieldMapper.INSTANCE;

  private final GpSettings settings;

  public GpDocumentMapper(GpSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public GpSettings settings() {
    return settings;
  }

  // ---- keys ------------------------------------------------------------------------------------

  /** SOPNUMBE for a storefront order number: prefix + its letters and digits ({@code WEB-100045871} → {@code WEB100045871}). */
  public String sopNumber(String orderNumber) {
    return prefixed(settings.sopNumberPrefix(), GpText.alnum(orderNumber));
  }

  /** {@code prefix + key}, unless the key already starts with the prefix ({@code WEB-100045871} stays WEB…). */
  static String prefixed(String prefix, String key) {
    return key.startsWith(prefix) ? key : prefix + key;
  }

  /** SOPNUMBE for a storefront return number. */
  public String returnNumber(String returnNumber) {
    return prefixed(settings.returnNumberPrefix(), GpText.alnum(returnNumber));
  }

  /** BACHNUMB for RM credit memos of {@code date}: {@code WEBCM240314} (batch source RM_Sales). */
  public String creditMemoBatch(LocalDate date) {
    return settings.creditMemoBatchPrefix() + SHORT_DAY.format(date);
  }

  /** BACHNUMB for sales documents of {@code date}: {@code WEB20240314}. */
  public String orderBatch(LocalDate date) {
    return settings.orderBatchPrefix() + DAY.format(date);
  }

  /**
   * DOCNUMBR of a cash receipt (usable 17, reference §3 taRMCashReceiptInsert): prefix + the payment's id (or
   * order number) letters and digits; when that is too long, prefix + 12 hex digits of its SHA-256, so it
   * stays deterministic and never exceeds 17.
   */
  public String receiptNumber(Payment payment) {
    String source = payment.id() != null ? payment.id() : payment.orderNumber();
    String alnum = GpText.alnum(source == null ? payment.transactionId() : source);
    return fitted(settings.receiptPrefix(), alnum, String.valueOf(source), 17);
  }

  /**
   * DOCNUMBR of the RM credit memo (RMDTYPAL 7) for a storefront refund without lines: {@link
   * GpSettings#creditMemoPrefix()} + the letters and digits of its credit memo number (the prefix not doubled),
   * or, when that exceeds 17 (taRMTransaction refuses more, error 12003), prefix + hex digits of the number's
   * SHA-256 up to 17. Deterministic, so GP's duplicate check (error 190) and the look-up find it again.
   */
  public String creditMemoNumber(String returnNumber) {
    String prefix = settings.creditMemoPrefix();
    String alnum = GpText.alnum(returnNumber);
    return fitted(prefix, alnum.startsWith(prefix) ? alnum.substring(prefix.length()) : alnum, returnNumber, 17);
  }

  /**
   * {@code prefix + key} when it fits in {@code limit} characters, else {@code prefix} + the first hex digits of
   * SHA-256({@code hashed}) up to {@code limit}: deterministic document numbers that never exceed GP's limit.
   */
  static String fitted(String prefix, String key, String hashed, int limit) {
    if (!key.isEmpty() && prefix.length() + key.length() <= limit) {
      return prefix + key;
    }
    return prefix + shortHash(hashed, limit - prefix.length());
  }

  static String shortHash(String text, int length) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(digest).substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private LocalDate date(java.time.Instant instant) {
    return instant.atZone(settings.zone()).toLocalDate();
  }

  private static EConnectProcessInfo info(String messageId) {
    return messageId == null ? null : EConnectProcessInfo.builder().messageId(messageId).build();
  }

  private BigDecimal money(Money m) {
    int places = settings.validation().currencyDecimals(settings.currencyId(m.currency().getCurrencyCode()));
    BigDecimal amount = m.amount().setScale(Math.max(places, 0), RoundingMode.HALF_EVEN);
    return amount.signum() == 0 ? BigDecimal.ZERO : amount;
  }

  // ---- sales order (SOPTYPE 2) -----------------------------------------------------------------

  /**
   * The SOPTYPE 2 document for {@code request}: lines for every canonical line the request assigns, freight,
   * fees as MISCAMNT, the order discount as TRDISAMT and the tax per {@link GpSettings#taxModel()}.
   *
   * @throws InvalidRecordException when a line has no assignment, the totals cannot match the storefront's
   *     grand total, or a GP rule is broken
   */
  public SopTransactionType salesOrder(SalesOrderRequest request, String messageId) {
    Order order = request.order();
    InvalidRecordException.Builder problems =
        InvalidRecordException.builder(SystemId.DYNAMICS_GP, "order").recordId(order.number());
    LocalDate day = date(order.placedAt());
    String curncyid = settings.currencyId(order.currency().getCurrencyCode());
    String sopnumbe = sopNumber(order.number());
    GpFieldMapper.SopLineContext ctx = new GpFieldMapper.SopLineContext(2, sopnumbe,
        GpText.upper(request.customerId()), day, settings.orderDocId(), curncyid, settings.defaultSite(),
        settings.defaultUnitOfMeasure());
    SopTransactionType.Builder doc = SopTransactionType.builder().processInfo(info(messageId));
    BigDecimal subtotal = BigDecimal.ZERO;
    int sequence = 0;
    String firstSite = null;
    for (int i = 0; i < order.lines().size(); i++) {
      OrderLine line = order.lines().get(i);
      SalesLine assignment = request.line(line.lineNumber()).orElse(null);
      if (assignment == null) {
        // a bundle whose components are assigned: the components carry its amount (their row totals
        // make up the parent's), so the parent row itself is not a GP line
        boolean carriedByComponents = !order.childLines(line.lineNumber()).isEmpty()
            && order.childLines(line.lineNumber()).stream().allMatch(c -> request.line(c.lineNumber()).isPresent());
        if (line.parentLineNumber() == null && line.rowTotal().isPositive() && !carriedByComponents) {
          problems.violation(FieldViolation.of("lines[" + i + "]", FieldViolation.RULE_UNKNOWN_REFERENCE, line.sku(),
              "has no GP item assignment (SalesLine) but carries an amount"));
        }
        continue;
      }
      sequence += LINE_STEP;
      BigDecimal extended = money(line.rowTotal());
      subtotal = subtotal.add(extended);
      TaSopLineIvcInsert mapped = FIELDS.orderLine(line, assignment, ctx, sequence);
      doc.addLine(mapped.toBuilder().xtndprce(extended).unitprce(line.unitPrice().amount()).build());
      if (firstSite == null) {
        firstSite = mapped.locncode();
      }
    }
    BigDecimal freight = money(order.shipping());
    BigDecimal misc = money(order.fees());
    BigDecimal discount = money(order.discount());
    BigDecimal tax = money(order.tax());
    boolean gpTax = settings.taxModel() == GpTaxModel.GP_CALCULATED;
    BigDecimal taxSent = gpTax ? BigDecimal.ZERO : tax;
    BigDecimal docamnt = subtotal.add(freight).add(misc).add(taxSent).subtract(discount);
    if (!gpTax && docamnt.compareTo(order.grandTotal().amount()) != 0) {
      problems.violation(FieldViolation.of("grandTotal", FieldViolation.RULE_CONSISTENCY,
          order.grandTotal().amount().toPlainString(), "the GP document total DOCAMNT " + docamnt.toPlainString()
              + " (SUBTOTAL + FREIGHT + MISCAMNT + TAXAMNT - TRDISAMT) must equal the storefront grand total"));
    }
    if (order.number().length() > 20) {
      problems.violation(FieldViolation.of("number", FieldViolation.RULE_MAX_LENGTH, order.number(),
          "must be at most 20 characters to fit CSTPONBR, GP's usable length (was " + order.number().length() + ")"));
    }
    problems.throwIfAny();
    TaSopHdrIvcInsert.Builder header = TaSopHdrIvcInsert.builder()
        .soptype(2).docid(settings.orderDocId()).sopnumbe(sopnumbe)
        .taxschid(settings.taxScheduleId().orElse(null))
        .shipmthd(GpText.upper(request.shippingMethod()))
        .locncode(firstSite != null ? firstSite : settings.defaultSite())
        .docdate(day).ordrdate(day)
        .freight(freight).miscamnt(misc).trdisamt(discount)
        .custnmbr(GpText.upper(request.customerId()))
        .custname(GpText.clip(order.customer().displayName(), 64))
        .cstponbr(order.number().toUpperCase(Locale.ROOT))
        .subtotal(subtotal).docamnt(docamnt).pymtrcvd(BigDecimal.ZERO)
        .bachnumb(orderBatch(day))
        .prbtadcd(settings.addressCode()).prstadcd(settings.addressCode())
        .pymtrmid(settings.paymentTermsId().orElse(null))
        .refrence(GpText.clip("Web order " + order.number(), 30))
        .curncyid(curncyid).createdist(1).defpricing(0);
    Address shipTo = order.shippingAddress() != null ? order.shippingAddress() : order.billingAddress();
    if (shipTo != null) {
      FIELDS.shipTo(shipTo, header);
    }
    if (gpTax) {
      header.createtaxes(1).usingheaderleveltaxes(0);
    } else {
      header.taxamnt(tax).frttxamt(BigDecimal.ZERO).msctxamt(BigDecimal.ZERO).createtaxes(0)
          .usingheaderleveltaxes(tax.signum() == 0 ? 0 : 1);
      if (tax.signum() != 0) {
        doc.addTax(TaSopLineIvcTaxInsert.builder().soptype(2).sopnumbe(sopnumbe)
            .custnmbr(GpText.upper(request.customerId())).lnitmseq(0).salesamt(subtotal)
            .taxdtlid(settings.taxDetailId()).staxamnt(tax).tdttxsls(subtotal).build());
      }
    }
    doc.header(header.build());
    if (!request.userDefinedFields().isEmpty()) {
      doc.userDefined(userDefined(2, sopnumbe, request.userDefinedFields(), order.number()));
    }
    return validated(doc.build(), "order", order.number());
  }

  private SopTransactionType validated(SopTransactionType sop, String entity, String id) {
    List<FieldViolation> violations = EConnectValidator.check(sop, settings.validation());
    if (!violations.isEmpty()) {
      throw InvalidRecordException.builder(SystemId.DYNAMICS_GP, sop.typeName()).recordId(sop.documentKey())
          .violations(violations).build();
    }
    return sop;
  }

  private static TaSopUserDefined userDefined(int soptype, String sopnumbe, Map<String, String> fields, String id) {
    TaSopUserDefined.Builder b = TaSopUserDefined.builder().soptype(soptype).sopnumbe(sopnumbe);
    InvalidRecordException.Builder problems = InvalidRecordException.builder(SystemId.DYNAMICS_GP, "order").recordId(id);
    fields.forEach((name, value) -> {
      switch (name.toUpperCase(Locale.ROOT)) {
        case "USRTAB01" -> b.usrtab01(value);
        case "USRTAB09" -> b.usrtab09(value);
        case "USRTAB03" -> b.usrtab03(value);
        case "USERDEF1" -> b.userdef1(value);
        case "USERDEF2" -> b.userdef2(value);
        case "USRDEF03" -> b.usrdef03(value);
        case "USRDEF04" -> b.usrdef04(value);
        case "USRDEF05" -> b.usrdef05(value);
        default -> problems.violation(FieldViolation.of("userDefinedFields." + name, FieldViolation.RULE_UNKNOWN_REFERENCE,
            name, "is not a taSopUserDefined field (USRTAB01, USRTAB09, USRTAB03, USERDEF1, USERDEF2, USRDEF03..05)"));
      }
    });
    problems.throwIfAny();
    return b.build();
  }

  // ---- return (SOPTYPE 4) ----------------------------------------------------------------------

  /** The SOPTYPE 4 (Return) document for {@code request}: refunded lines, shipping, adjustment and tax. */
  public SopTransactionType salesReturn(ReturnRequest request, String messageId) {
    Return ret = request.ret();
    InvalidRecordException.Builder problems =
        InvalidRecordException.builder(SystemId.DYNAMICS_GP, "return").recordId(ret.number());
    LocalDate day = date(ret.createdAt());
    String curncyid = settings.currencyId(ret.currency().getCurrencyCode());
    String sopnumbe = returnNumber(ret.number());
    String custnmbr = GpText.upper(request.customerId());
    GpFieldMapper.SopLineContext ctx = new GpFieldMapper.SopLineContext(4, sopnumbe, custnmbr, day,
        settings.returnDocId(), curncyid, settings.defaultSite(), settings.defaultUnitOfMeasure());
    SopTransactionType.Builder doc = SopTransactionType.builder().processInfo(info(messageId));
    BigDecimal subtotal = BigDecimal.ZERO;
    int sequence = 0;
    for (int i = 0; i < ret.lines().size(); i++) {
      ReturnLine line = ret.lines().get(i);
      SalesLine assignment = request.lines().stream().filter(l -> l.lineNumber() == line.lineNumber()).findFirst()
          .orElse(null);
      if (assignment == null) {
        problems.violation(FieldViolation.of("lines[" + i + "]", FieldViolation.RULE_UNKNOWN_REFERENCE, line.sku(),
            "has no GP item assignment (SalesLine)"));
        continue;
      }
      sequence += LINE_STEP;
      BigDecimal extended = money(line.total());
      subtotal = subtotal.add(extended);
      doc.addLine(FIELDS.returnLine(line, assignment, ctx, sequence).toBuilder().xtndprce(extended).build());
    }
    BigDecimal freight = money(ret.shipping());
    BigDecimal adjustment = money(ret.adjustment());
    BigDecimal misc = adjustment.signum() > 0 ? adjustment : BigDecimal.ZERO;
    BigDecimal discount = adjustment.signum() < 0 ? adjustment.negate() : BigDecimal.ZERO;
    BigDecimal tax = money(ret.tax());
    BigDecimal docamnt = subtotal.add(freight).add(misc).add(tax).subtract(discount);
    if (docamnt.compareTo(ret.total().amount()) != 0) {
      problems.violation(FieldViolation.of("total", FieldViolation.RULE_CONSISTENCY, ret.total().amount().toPlainString(),
          "the GP document total DOCAMNT " + docamnt.toPlainString() + " must equal the refunded total"));
    }
    problems.throwIfAny();
    TaSopHdrIvcInsert.Builder header = TaSopHdrIvcInsert.builder()
        .soptype(4).docid(settings.returnDocId()).sopnumbe(sopnumbe).locncode(settings.defaultSite())
        .docdate(day).freight(freight).miscamnt(misc).trdisamt(discount).custnmbr(custnmbr)
        .cstponbr(GpText.upper(ret.orderNumber())).subtotal(subtotal).docamnt(docamnt)
        .bachnumb(orderBatch(day)).prbtadcd(settings.addressCode()).prstadcd(settings.addressCode())
        .refrence(GpText.clip("Web return " + ret.number(), 30)).comment1(GpText.clip(ret.reason(), 50))
        .curncyid(curncyid).createdist(1).createtaxes(0).taxamnt(tax).frttxamt(BigDecimal.ZERO)
        .msctxamt(BigDecimal.ZERO).usingheaderleveltaxes(tax.signum() == 0 ? 0 : 1);
    if (tax.signum() != 0) {
      doc.addTax(TaSopLineIvcTaxInsert.builder().soptype(4).sopnumbe(sopnumbe).custnmbr(custnmbr).lnitmseq(0)
          .salesamt(subtotal).taxdtlid(settings.taxDetailId()).staxamnt(tax).tdttxsls(subtotal).build());
    }
    return validated(doc.header(header.build()).build(), "return", ret.number());
  }

  // ---- return without lines: RM credit memo (RMDTYPAL 7) ---------------------------------------

  /**
   * The receivables credit memo ({@code RMTransactionType}: {@code taRMTransaction} with RMDTYPAL 7) for a
   * storefront refund without lines, money only: refunded shipping, a goodwill adjustment, tax. A SOP return
   * needs at least one line; a credit memo carries amounts only. The refund's parts become the procedure's
   * amounts: shipping → FRTAMNT, a positive adjustment → SLSAMNT, a negative one (a fee kept) → TRDISAMT (the
   * procedure subtracts it and books it to the trade discount account), tax → TAXAMNT with one
   * {@code taRMTransactionTaxInsert} row ({@link GpSettings#taxDetailId()}), MISCAMNT 0; so DOCAMNT = SLSAMNT −
   * TRDISAMT + FRTAMNT + MISCAMNT + TAXAMNT is the refunded total (GP error 621). CSTPONBR is the refunded
   * order's number, DOCNUMBR {@link #creditMemoNumber}, BACHNUMB {@link #creditMemoBatch}, CREATEDIST 1.
   * Amounts are sent exactly as the storefront gave them: one with more decimals than the currency is refused,
   * never rounded.
   *
   * @throws InvalidRecordException (dynamics-gp, {@code return}, the storefront number) when the total is not
   *     above zero, an amount has more decimals than the currency, shipping or tax is negative, or shipping +
   *     adjustment + tax is not the total; (dynamics-gp, {@code RMTransactionType}) when a GP rule is broken
   * @throws IllegalArgumentException when the return has lines: that is a SOP return ({@link #salesReturn})
   */
  public RmTransactionType creditMemo(ReturnRequest request, String messageId) {
    Return ret = request.ret();
    if (!ret.lines().isEmpty()) {
      throw new IllegalArgumentException("return " + ret.number() + " has lines: it is a SOP return (salesReturn)");
    }
    InvalidRecordException.Builder problems =
        InvalidRecordException.builder(SystemId.DYNAMICS_GP, "return").recordId(ret.number());
    String curncyid = settings.currencyId(ret.currency().getCurrencyCode());
    int places = settings.validation().currencyDecimals(curncyid);
    BigDecimal freight = exact(problems, "shipping", ret.shipping(), places, curncyid);
    BigDecimal adjustment = exact(problems, "adjustment", ret.adjustment(), places, curncyid);
    BigDecimal tax = exact(problems, "tax", ret.tax(), places, curncyid);
    BigDecimal total = exact(problems, "total", ret.total(), places, curncyid);
    notNegative(problems, "shipping", freight);
    notNegative(problems, "tax", tax);
    if (total.signum() <= 0) {
      problems.violation(FieldViolation.of("total", FieldViolation.RULE_RANGE, total.toPlainString(),
          "must be > 0: a refund without lines becomes a GP credit memo (taRMTransaction, RMDTYPAL 7), which must"
              + " credit something (GP refuses a negative DOCAMNT, error 188)"));
    }
    BigDecimal sales = adjustment.signum() > 0 ? adjustment : BigDecimal.ZERO;
    BigDecimal kept = adjustment.signum() < 0 ? adjustment.negate() : BigDecimal.ZERO;
    BigDecimal docamnt = sales.subtract(kept).add(freight).add(tax);
    if (docamnt.compareTo(total) != 0) {
      problems.violation(FieldViolation.of("total", FieldViolation.RULE_CONSISTENCY, total.toPlainString(),
          "must equal shipping + adjustment + tax = " + docamnt.toPlainString() + " for a refund without lines"
              + " (the credit memo's DOCAMNT = SLSAMNT - TRDISAMT + FRTAMNT + MISCAMNT + TAXAMNT, GP error 621)"));
    }
    problems.throwIfAny();
    LocalDate day = date(ret.createdAt());
    String docnumbr = creditMemoNumber(ret.number());
    String custnmbr = GpText.upper(request.customerId());
    String bachnumb = creditMemoBatch(day);
    RmTransactionType.Builder doc = RmTransactionType.builder().processInfo(info(messageId));
    if (tax.signum() != 0) {
      // TAXDTSLS: the amounts the tax is on, before a kept fee [U: GP's meaning of "tax detail total sales"]
      doc.addTax(TaRmTransactionTaxInsert.builder().custnmbr(custnmbr).docnumbr(docnumbr)
          .rmdtypal(RmTransactionType.RMDTYPAL_CREDIT_MEMO).bachnumb(bachnumb).taxdtlid(settings.taxDetailId())
          .taxamnt(tax).staxamnt(tax).frttxamt(BigDecimal.ZERO).msctxamt(BigDecimal.ZERO)
          .taxdtsls(sales.add(freight)).build());
    }
    String description = GpText.description("Web refund " + ret.number()
        + (ret.reason() == null || ret.reason().isBlank() ? "" : ": " + ret.reason().strip()), 30);
    doc.transaction(TaRmTransaction.builder()
        .rmdtypal(RmTransactionType.RMDTYPAL_CREDIT_MEMO).docnumbr(docnumbr).docdate(day).bachnumb(bachnumb)
        .custnmbr(custnmbr).docamnt(docamnt).slsamnt(sales)
        .docdescr(description != null ? description : GpText.description("Web refund " + ret.number(), 30))
        .cstponbr(GpText.upper(ret.orderNumber())).trdisamt(kept).frtamnt(freight).miscamnt(BigDecimal.ZERO)
        .taxamnt(tax).curncyid(curncyid).createdist(1).build());
    RmTransactionType built = doc.build();
    EConnectValidator.validate(built, settings.validation());
    return built;
  }

  /**
   * {@code m}'s amount at the currency's scale, when it has no more decimals than {@code places}; else a
   * violation naming {@code field} (GP would refuse it, error 7020; it is never rounded) and the amount as given.
   */
  private static BigDecimal exact(InvalidRecordException.Builder problems, String field, Money m, int places,
      String curncyid) {
    BigDecimal amount = m.amount();
    if (amount.stripTrailingZeros().scale() > places) {
      problems.violation(FieldViolation.of(field, FieldViolation.RULE_RANGE, amount.toPlainString(),
          "must have at most " + places + " decimal places, the decimals of GP currency " + curncyid
              + " (GP refuses more, error 7020; amounts are never rounded)"));
      return amount;
    }
    BigDecimal exact = amount.setScale(Math.max(places, 0), RoundingMode.UNNECESSARY);
    return exact.signum() == 0 ? BigDecimal.ZERO : exact;
  }

  private static void notNegative(InvalidRecordException.Builder problems, String field, BigDecimal amount) {
    if (amount.signum() < 0) {
      problems.violation(FieldViolation.of(field, FieldViolation.RULE_RANGE, amount.toPlainString(),
          "must be >= 0 in a refund"));
    }
  }

  // ---- customer --------------------------------------------------------------------------------

  /**
   * The RM customer document: the default billing address (or the first) as the primary address
   * ({@link GpSettings#addressCode()}), other addresses as {@code SHIPTO01}…, and the e-mail in SY01200.
   */
  public RmCustomerMasterType customer(Customer customer, String custnmbr, String messageId) {
    String id = GpText.upper(custnmbr);
    TaUpdateCreateCustomerRcd.Builder rcd = TaUpdateCreateCustomerRcd.builder()
        .custnmbr(id).hold(customer.onHold() ? 1 : 0).inactive(0)
        .custname(GpText.clip(customer.displayName(), 64))
        .shrtname(GpText.clip(shortName(customer), 15))
        .stmtname(GpText.clip(customer.displayName(), 64))
        .custclas(settings.customerClass().orElse(null))
        .taxschid(settings.taxScheduleId().orElse(null))
        .comment1(GpText.clip(customer.refs().stream().filter(r -> !r.system().equals(SystemId.DYNAMICS_GP))
            .findFirst().map(r -> "Storefront id " + r.id()).orElse(null), 30))
        .adrscode(settings.addressCode())
        .pymtrmid(GpText.upper(customer.paymentTerms() != null ? customer.paymentTerms()
            : settings.paymentTermsId().orElse(null)))
        .curncyid(null).useCustomerClass(0).createAddress(1).updateIfExists(1)
        .prbtadcd(settings.addressCode()).prstadcd(settings.addressCode()).staddrcd(settings.addressCode());
    if (customer.creditLimit() != null) {
      rcd.crlmttyp(2).crlmtamt(money(customer.creditLimit()));
    } else {
      rcd.crlmttyp(0);
    }
    List<CustomerAddress> addresses = new ArrayList<>(customer.addresses());
    CustomerAddress primary = customer.defaultBilling().orElse(addresses.isEmpty() ? null : addresses.get(0));
    if (primary != null) {
      FIELDS.customerAddress(primary.address(), rcd);
      if (rcd.build().cntcprsn() == null) {
        rcd.cntcprsn(GpText.clip(customer.displayName(), 60));
      }
    } else {
      rcd.cntcprsn(GpText.clip(customer.displayName(), 60)).phnumbr1(GpText.phone(customer.phone()));
    }
    RmCustomerMasterType.Builder doc = RmCustomerMasterType.builder().processInfo(info(messageId)).customer(rcd.build());
    int n = 0;
    for (CustomerAddress a : addresses) {
      if (a == primary) {
        continue;
      }
      n++;
      String code = a.key() != null && a.key().matches("[A-Za-z0-9 -]{1,15}") && !a.key().matches("\\d+")
          ? a.key().toUpperCase(Locale.ROOT) : String.format(Locale.ROOT, "SHIPTO%02d", n);
      TaCreateCustomerAddress.Builder extra = TaCreateCustomerAddress.builder().custnmbr(id).adrscode(code)
          .taxschid(settings.taxScheduleId().orElse(null)).updateIfExists(1);
      FIELDS.extraAddress(a.address(), extra);
      doc.addAddress(extra.build());
    }
    if (customer.email() != null && !customer.email().isBlank()) {
      doc.addInternetAddresses(TaCreateInternetAddresses.builder().masterType("CUS").masterId(id)
          .adrscode(settings.addressCode()).inet1(customer.email().trim()).emailToAddress(customer.email().trim())
          .build());
    }
    RmCustomerMasterType built = doc.build();
    List<FieldViolation> violations = EConnectValidator.check(built, settings.validation());
    if (!violations.isEmpty()) {
      throw InvalidRecordException.builder(SystemId.DYNAMICS_GP, built.typeName()).recordId(id)
          .violations(violations).build();
    }
    return built;
  }

  private static String shortName(Customer c) {
    String name = ((c.lastName() == null ? "" : c.lastName()) + " " + (c.firstName() == null ? "" : c.firstName())).trim();
    return (name.isEmpty() ? c.displayName() : name).toUpperCase(Locale.ROOT);
  }

  // ---- cash receipt ----------------------------------------------------------------------------

  /**
   * The cash receipt for {@code receipt}: CSHRCTYP 2 with CRCARDID when a card name is configured, else 0
   * (check) with the gateway reference in CHEKNMBR. Card numbers never reach GP: the canonical payment has
   * none, and the validator refuses anything that looks like one.
   */
  public RmCashReceiptsType cashReceipt(CashReceipt receipt, String messageId) {
    Payment p = receipt.payment();
    String curncyid = settings.currencyId(p.amount().currency().getCurrencyCode());
    boolean card = receipt.cardName() != null && !receipt.cardName().isBlank();
    String reference = GpText.clip(p.transactionId(), 20);
    TaRmCashReceiptInsert r = TaRmCashReceiptInsert.builder()
        .custnmbr(GpText.upper(receipt.customerId())).docnumbr(receiptNumber(p))
        .docdate(receipt.date()).ortrxamt(money(p.amount())).glpostdt(receipt.date())
        .bachnumb(settings.cashBatchPrefix() + SHORT_DAY.format(receipt.date()))
        .cshrctyp(card ? 2 : 0).chekbkid(GpText.upper(receipt.checkbookId()))
        .cheknmbr(reference).crcardid(card ? GpText.upper(receipt.cardName()) : null)
        .trxdscrn(GpText.clip(p.orderNumber() != null ? "Web order " + p.orderNumber() : "Web payment", 30))
        .curncyid(curncyid).createdist(1).build();
    RmCashReceiptsType doc = RmCashReceiptsType.of(info(messageId), r);
    EConnectValidator.validate(doc, settings.validation());
    return doc;
  }

  /**
   * The application of {@code cash} (this receipt's {@link #cashReceipt}) to the invoice the payment names
   * ({@link CashReceipt#applyToInvoice()}, upper-cased): {@code taRMApply} from RMDTYPAL 9 (payment) to
   * RMDTYPAL 1 (invoice) of the whole receipt amount, dated the receipt date, with DISTKNAM and WROFAMNT 0 so
   * GP takes no terms discount and writes nothing off (a null DISTKNAM would let it compute one).
   *
   * @throws InvalidRecordException (RMApplyType, key {@code DOCNUMBR -> invoice}) when the invoice number is
   *     blank, longer than 21 or not printable upper-case ASCII, or the amount breaks a rule
   * @throws IllegalArgumentException when the receipt applies to no invoice
   */
  public RmApplyType application(CashReceipt receipt, RmCashReceiptsType cash, String messageId) {
    if (receipt.applyToInvoice() == null) {
      throw new IllegalArgumentException("the receipt applies to no invoice (on account)");
    }
    TaRmCashReceiptInsert r = cash.receipt();
    TaRmApply apply = TaRmApply.builder()
        .aptodcnm(GpText.upper(receipt.applyToInvoice())).apfrdcnm(r.docnumbr()).apptoamt(r.ortrxamt())
        .apfrdcty(RmApplyType.RMDTYPAL_PAYMENT).aptodcty(RmApplyType.RMDTYPAL_INVOICE)
        .distknam(BigDecimal.ZERO).wrofamnt(BigDecimal.ZERO).applydate(r.docdate()).glpostdt(r.glpostdt()).build();
    RmApplyType doc = RmApplyType.forReceipt(info(messageId), r, apply);
    EConnectValidator.validate(doc, settings.validation());
    return doc;
  }

  // ---- journal entry ---------------------------------------------------------------------------

  /** The GL transaction for {@code entry} under journal entry number {@code jrnentry} (taGetNextJournalEntry). */
  public GlTransactionType journal(JournalEntry entry, int jrnentry, String messageId) {
    String bachnumb = settings.journalBatchPrefix() + SHORT_DAY.format(entry.date());
    GlTransactionType.Builder doc = GlTransactionType.builder().processInfo(info(messageId));
    int sequence = 0;
    for (JournalLine line : entry.lines()) {
      sequence += LINE_STEP;
      var mapped = FIELDS.journalLine(line, bachnumb, jrnentry, sequence);
      doc.addLine(mapped.toBuilder().debitamt(money(line.debit())).crdtamnt(money(line.credit()))
          .ordocnum(GpText.clip(entry.reference(), 20)).build());
    }
    doc.header(TaGlTransactionHeaderInsert.builder().bachnumb(bachnumb).jrnentry(jrnentry)
        .refrence(entry.reference()).trxdate(entry.date()).trxtype(0).series(2).ledgerId(1).build());
    GlTransactionType gl = doc.build();
    EConnectValidator.validate(gl, settings.validation());
    return gl;
  }
}
