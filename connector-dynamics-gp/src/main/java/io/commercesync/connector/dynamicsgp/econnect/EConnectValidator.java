package io.commercesync.connector.dynamicsgp.econnect;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an eConnect transaction against the rules GP enforces, before it is sent, because GP itself is a
 * poor judge: SQL Server silently truncates an over-long {@code char(n)} parameter (reference §1), and its
 * own errors come back one procedure at a time. Every violation names the node and GP field
 * ({@code taSopHdrIvcInsert.CUSTNAME}) and GP's limit, and, where GP has one, its error number.
 *
 * <p>Rules: usable eConnect lengths (not SQL column widths); keys upper case in their allowed characters;
 * text representable in GP's code page 1252 {@code char} columns; numeric(19,5) with at most the currency's
 * decimals for amounts and the item's for quantities; no negative amounts; SOP totals (SUBTOTAL = Σ XTNDPRCE,
 * error 67; DOCAMNT = SUBTOTAL + FREIGHT + MISCAMNT + TAXAMNT + FRTTXAMT + MSCTXAMT − TRDISAMT, error 235;
 * TRDISAMT ≤ SUBTOTAL, 4602); one tax model per document (CREATETAXES 1 without amounts, 866/859, or explicit
 * tax rows that add up, 799/62/868); lines agreeing with the header (SOPTYPE, SOPNUMBE, CUSTNMBR, CURNCYID:
 * 67/9370); GL lines balanced (944), one side each (5471), unique SQNCLINE (7738); cash-receipt type rules
 * (14/16/22/23), DOCNUMBR ≤ 17 (12004) and no card number anywhere; applications (taRMApply) with their
 * document types (184/1660), an amount above zero and, for a receipt's application, at most the receipt's
 * amount from the receipt's DOCNUMBR (664); receivables documents (taRMTransaction) with their types (627), totals
 * (621), tax rows (712) and currency decimals (7020).
 *
 * <pre>{@code
 * EConnectValidator.validate(doc, ValidationContext.DEFAULT);   // throws InvalidRecordException
 * List<FieldViolation> problems = EConnectValidator.check(tx, ValidationContext.DEFAULT);
 * }</pre>
 */
public final class EConnectValidator {

  private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9./-]*");
  private static final Pattern CARD_LIKE = Pattern.compile(".*(?<!\\d)(\\d[ -]?){13,19}(?!\\d).*");
  /** GP's errors for too many decimals on SOP documents (line prices, quantities). */
  private static final String SOP_DECIMAL_ERRORS = "errors 4646/11454";
  /** taRMTransaction: an amount not rounded to the currency's decimals (TLE body, reference §0). */
  private static final String RM_DECIMAL_ERRORS = "error 7020";
  /** The RMDTYPAL values taRMTransaction and taRMTransactionTaxInsert accept (errors 627 / 294). */
  private static final Set<Integer> RM_DOCUMENT_TYPES = Set.of(1, 3, 4, 5, 6, 7, 8);
  /** numeric(19,5): 14 integer digits. */
  private static final int MAX_INTEGER_DIGITS = 14;

  private EConnectValidator() {}

  /**
   * Checks every transaction of {@code doc}.
   *
   * @throws InvalidRecordException for the first transaction with violations, naming dynamics-gp, the
   *     transaction type and its GP key
   */
  public static void validate(EConnect doc, ValidationContext context) {
    Objects.requireNonNull(doc, "doc");
    if (doc.transactions().isEmpty()) {
      throw InvalidRecordException.of(SystemId.DYNAMICS_GP, "eConnect", null,
          FieldViolation.of("eConnect", FieldViolation.RULE_REQUIRED, null, "must hold at least one transaction type"));
    }
    for (EConnectTransaction tx : doc.transactions()) {
      validate(tx, context);
    }
  }

  /** Checks one transaction; throws {@link InvalidRecordException} listing every violation. */
  public static void validate(EConnectTransaction tx, ValidationContext context) {
    List<FieldViolation> violations = check(tx, context);
    if (!violations.isEmpty()) {
      throw InvalidRecordException.builder(SystemId.DYNAMICS_GP, tx.typeName())
          .recordId(tx.documentKey())
          .violations(violations)
          .build();
    }
  }

  /** Every violation in {@code tx}; empty when it is fine. */
  public static List<FieldViolation> check(EConnectTransaction tx, ValidationContext context) {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(context, "context");
    Checker c = new Checker(context);
    if (tx instanceof SopTransactionType sop) {
      c.sop(sop);
    } else if (tx instanceof RmCustomerMasterType rm) {
      c.customer(rm);
    } else if (tx instanceof IvItemMasterType iv) {
      c.item(iv);
    } else if (tx instanceof RmCashReceiptsType cash) {
      c.cashReceipt(cash);
    } else if (tx instanceof RmApplyType apply) {
      c.application(apply);
    } else if (tx instanceof RmTransactionType rm) {
      c.receivables(rm);
    } else if (tx instanceof GlTransactionType gl) {
      c.journal(gl);
    }
    return List.copyOf(c.violations);
  }

  /** Whether {@code c} can be stored in a GP {@code char} column (Windows code page 1252). */
  static boolean codePage1252(char c) {
    if (c >= 0x20 && c < 0x7F) {
      return true;
    }
    if (c >= 0xA0 && c <= 0xFF) {
      return true;
    }
    return "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".indexOf(c) >= 0;
  }

  /** The node's fields by element name, plus their specs, from the generated {@code visit}. */
  private record Field(String element, EConnectField.Kind kind, int max, boolean required, Object value) {}

  private static final class Checker {
    private final ValidationContext context;
    private final List<FieldViolation> violations = new ArrayList<>();

    Checker(ValidationContext context) {
      this.context = context;
    }

    // ---- generic field rules -------------------------------------------------------------------

    private Map<String, Field> fields(String path, java.util.function.Consumer<EConnectField.Visitor> node,
        String currency, String item) {
      return fields(path, node, currency, item, SOP_DECIMAL_ERRORS);
    }

    /** The generic rules for every field of {@code node}; {@code decimalErrors} names GP's errors for decimals. */
    private Map<String, Field> fields(String path, java.util.function.Consumer<EConnectField.Visitor> node,
        String currency, String item, String decimalErrors) {
      Map<String, Field> out = new LinkedHashMap<>();
      node.accept((element, kind, max, required, value) -> out.put(element, new Field(element, kind, max, required, value)));
      for (Field f : out.values()) {
        field(path, f, currency, item, decimalErrors);
      }
      return out;
    }

    private void field(String path, Field f, String currency, String item, String decimalErrors) {
      String at = path + "." + f.element();
      Object value = f.value();
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (f.required()) {
          violations.add(FieldViolation.required(at));
        }
        return;
      }
      if (value instanceof String s) {
        text(at, f, s);
      } else if (value instanceof BigDecimal d) {
        int places = switch (f.kind()) {
          case AMT -> context.currencyDecimals(currency);
          case QTY -> context.quantityDecimals(item);
          default -> 5;
        };
        number(at, d, places, f.kind(), decimalErrors);
      }
    }

    private void text(String at, Field f, String s) {
      if (f.max() > 0 && s.length() > f.max()) {
        violations.add(new FieldViolation(at, FieldViolation.RULE_MAX_LENGTH, FieldViolation.of(at, "x", s, "x").rejectedValue(),
            "must be at most " + f.max() + " characters, GP's usable length (was " + s.length() + ")"));
      }
      switch (f.kind()) {
        case ID -> {
          if (!ID.matcher(s).matches()) {
            violations.add(FieldViolation.of(at, FieldViolation.RULE_FORMAT, s,
                "must be upper case A-Z, 0-9, '.', '/' or '-' (eConnect upper-cases keys)"));
          }
        }
        case CODE -> {
          if (!s.equals(s.toUpperCase(Locale.ROOT))) {
            violations.add(FieldViolation.of(at, FieldViolation.RULE_FORMAT, s,
                "must be upper case (eConnect upper-cases GP ids)"));
          } else if (!s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F)) {
            violations.add(FieldViolation.of(at, FieldViolation.RULE_FORMAT, s, "must be printable ASCII"));
          } else if (s.startsWith(" ") || s.endsWith(" ")) {
            violations.add(FieldViolation.of(at, FieldViolation.RULE_FORMAT, s,
                "must not start or end with a space (GP char columns are space-padded)"));
          }
        }
        default -> {
          for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean lineBreak = ch == '\r' || ch == '\n' || ch == '\t';
            if (!codePage1252(ch) && !lineBreak) {
              violations.add(FieldViolation.of(at, FieldViolation.RULE_FORMAT, s,
                  "contains a character GP's char columns (code page 1252) cannot store at position " + i));
              break;
            }
          }
        }
      }
    }

    private void number(String at, BigDecimal d, int places, EConnectField.Kind kind, String decimalErrors) {
      BigDecimal stripped = d.stripTrailingZeros();
      int integerDigits = stripped.precision() - stripped.scale();
      if (integerDigits > MAX_INTEGER_DIGITS) {
        violations.add(FieldViolation.of(at, FieldViolation.RULE_RANGE, d,
            "must have at most " + MAX_INTEGER_DIGITS + " integer digits (numeric(19,5))"));
      }
      if (stripped.scale() > places) {
        String what = kind == EConnectField.Kind.QTY ? "the item's quantity decimals"
            : kind == EConnectField.Kind.AMT ? "the currency's decimals" : "numeric(19,5)";
        violations.add(FieldViolation.of(at, FieldViolation.RULE_RANGE, d.toPlainString(),
            "must have at most " + places + " decimal places, " + what + " (GP " + decimalErrors + ")"));
      }
      if (d.signum() < 0 && (kind == EConnectField.Kind.AMT || kind == EConnectField.Kind.QTY)) {
        violations.add(FieldViolation.of(at, FieldViolation.RULE_RANGE, d.toPlainString(),
            "must be >= 0 (GP rejects negative amounts, errors 5600/7473)"));
      }
    }

    private void rule(boolean ok, String path, String rule, Object value, String message) {
      if (!ok) {
        violations.add(FieldViolation.of(path, rule, value, message));
      }
    }

    private void processInfo(EConnectProcessInfo info) {
      if (info != null) {
        fields("eConnectProcessInfo", info::visit, null, null);
      }
    }

    // ---- SOPTransactionType --------------------------------------------------------------------

    void sop(SopTransactionType sop) {
      processInfo(sop.processInfo());
      TaSopHdrIvcInsert h = sop.header();
      String currency = h == null ? null : h.curncyid();
      if (h == null) {
        violations.add(FieldViolation.required("taSopHdrIvcInsert"));
      } else {
        fields("taSopHdrIvcInsert", h::visit, currency, null);
      }
      rule(!sop.lines().isEmpty(), "taSopLineIvcInsert_Items", FieldViolation.RULE_REQUIRED, null,
          "must hold at least one taSopLineIvcInsert line");
      Set<Integer> sequences = new HashSet<>();
      BigDecimal sumExtended = BigDecimal.ZERO;
      BigDecimal sumLineTax = BigDecimal.ZERO;
      for (int i = 0; i < sop.lines().size(); i++) {
        TaSopLineIvcInsert line = sop.lines().get(i);
        String at = "taSopLineIvcInsert[" + i + "]";
        fields(at, line::visit, line.curncyid() != null ? line.curncyid() : currency, line.itemnmbr());
        sumExtended = sumExtended.add(zero(line.xtndprce()));
        sumLineTax = sumLineTax.add(zero(line.taxamnt()));
        if (line.lnitmseq() != null && line.lnitmseq() != 0) {
          rule(sequences.add(line.lnitmseq()), at + ".LNITMSEQ", FieldViolation.RULE_CONSISTENCY, line.lnitmseq(),
              "must be unique in the document");
        }
        rule(line.xtndprce() != null || (h != null && one(h.defpricing())), at + ".XTNDPRCE",
            FieldViolation.RULE_REQUIRED, null, "is required unless the header sets DEFPRICING 1");
        if (h != null) {
          sameAsHeader(at, "SOPTYPE", line.soptype(), h.soptype(), "67");
          sameAsHeader(at, "SOPNUMBE", line.sopnumbe(), h.sopnumbe(), "67");
          sameAsHeader(at, "CUSTNMBR", line.custnmbr(), h.custnmbr(), "598");
          if (line.curncyid() != null && h.curncyid() != null) {
            sameAsHeader(at, "CURNCYID", line.curncyid(), h.curncyid(), "9370");
          }
        }
      }
      for (int i = 0; i < sop.trackingNumbers().size(); i++) {
        TaSopTrackingNum t = sop.trackingNumbers().get(i);
        String at = "taSopTrackingNum[" + i + "]";
        fields(at, t::visit, currency, null);
        rule(t.type() == null || t.type() == 0 || t.type() == 1, at + ".Type", FieldViolation.RULE_RANGE, t.type(),
            "must be 0 or 1 (GP error 5008)");
        if (h != null) {
          sameAsHeader(at, "SOPNUMBE", t.sopnumbe(), h.sopnumbe(), "5005");
          sameAsHeader(at, "SOPTYPE", t.soptype(), h.soptype(), "5007");
        }
      }
      if (sop.userDefined() != null) {
        fields("taSopUserDefined", sop.userDefined()::visit, currency, null);
      }
      BigDecimal sumTaxRows = BigDecimal.ZERO;
      boolean headerRows = false;
      boolean lineRows = false;
      for (int i = 0; i < sop.taxes().size(); i++) {
        TaSopLineIvcTaxInsert t = sop.taxes().get(i);
        String at = "taSopLineIvcTaxInsert[" + i + "]";
        fields(at, t::visit, currency, null);
        sumTaxRows = sumTaxRows.add(zero(t.staxamnt()));
        int seq = t.lnitmseq() == null ? 0 : t.lnitmseq();
        if (seq == 0) {
          headerRows = true;
        } else {
          lineRows = true;
          rule(sequences.contains(seq), at + ".LNITMSEQ", FieldViolation.RULE_CONSISTENCY, seq,
              "must be the LNITMSEQ of a line in the document (or 0 for header-level tax)");
        }
        if (h != null) {
          sameAsHeader(at, "SOPNUMBE", t.sopnumbe(), h.sopnumbe(), "62");
          sameAsHeader(at, "SOPTYPE", t.soptype(), h.soptype(), "62");
        }
      }
      if (h == null) {
        return;
      }
      rule(h.soptype() == null || (h.soptype() >= 1 && h.soptype() <= 6), "taSopHdrIvcInsert.SOPTYPE",
          FieldViolation.RULE_RANGE, h.soptype(), "must be 1..6 (GP error 898)");
      BigDecimal subtotal = zero(h.subtotal());
      if (!one(h.defpricing())) {
        rule(subtotal.compareTo(sumExtended) == 0, "taSopHdrIvcInsert.SUBTOTAL", FieldViolation.RULE_CONSISTENCY,
            subtotal.toPlainString(), "must equal the sum of the lines' XTNDPRCE " + sumExtended.toPlainString()
                + " (GP error 67)");
      }
      BigDecimal tax = zero(h.taxamnt()).add(zero(h.frttxamt())).add(zero(h.msctxamt()));
      BigDecimal expected = subtotal.add(zero(h.freight())).add(zero(h.miscamnt())).add(tax).subtract(zero(h.trdisamt()));
      rule(zero(h.docamnt()).compareTo(expected) == 0, "taSopHdrIvcInsert.DOCAMNT", FieldViolation.RULE_CONSISTENCY,
          zero(h.docamnt()).toPlainString(), "must equal SUBTOTAL + FREIGHT + MISCAMNT + TAXAMNT + FRTTXAMT + MSCTXAMT"
              + " - TRDISAMT = " + expected.toPlainString() + " (GP error 235)");
      rule(zero(h.trdisamt()).compareTo(subtotal) <= 0 || one(h.defpricing()), "taSopHdrIvcInsert.TRDISAMT",
          FieldViolation.RULE_RANGE, zero(h.trdisamt()).toPlainString(), "must not exceed SUBTOTAL (GP error 4602)");
      // one tax model per document (reference §3 tax rules, §9 pitfall 4)
      if (one(h.createtaxes())) {
        rule(tax.signum() == 0 && sumLineTax.signum() == 0, "taSopHdrIvcInsert.CREATETAXES",
            FieldViolation.RULE_CONSISTENCY, 1,
            "GP computes taxes with CREATETAXES 1: TAXAMNT, FRTTXAMT, MSCTXAMT and line TAXAMNT must be 0 (GP error 866)");
        rule(!one(h.usingheaderleveltaxes()), "taSopHdrIvcInsert.USINGHEADERLEVELTAXES",
            FieldViolation.RULE_CONSISTENCY, 1, "must not be 1 together with CREATETAXES 1 (GP error 859)");
        rule(sop.taxes().isEmpty(), "taSopLineIvcTaxInsert_Items", FieldViolation.RULE_CONSISTENCY, null,
            "must be empty with CREATETAXES 1: one tax model per document");
      } else {
        rule(!(headerRows && lineRows), "taSopLineIvcTaxInsert_Items", FieldViolation.RULE_CONSISTENCY, null,
            "mixes header-level (LNITMSEQ 0) and line tax rows: one tax model per document");
        if (tax.signum() != 0 || !sop.taxes().isEmpty()) {
          if (one(h.usingheaderleveltaxes())) {
            rule(!lineRows, "taSopHdrIvcInsert.USINGHEADERLEVELTAXES", FieldViolation.RULE_CONSISTENCY, 1,
                "header-level taxes need tax rows with LNITMSEQ 0 (GP error 799)");
            rule(sumTaxRows.compareTo(tax) == 0, "taSopHdrIvcInsert.TAXAMNT", FieldViolation.RULE_CONSISTENCY,
                tax.toPlainString(), "TAXAMNT + FRTTXAMT + MSCTXAMT must equal the tax rows' STAXAMNT "
                    + sumTaxRows.toPlainString() + " (GP error 799)");
          } else {
            rule(!headerRows, "taSopHdrIvcInsert.USINGHEADERLEVELTAXES", FieldViolation.RULE_CONSISTENCY, 0,
                "tax rows with LNITMSEQ 0 need USINGHEADERLEVELTAXES 1 (GP error 799)");
            rule(sumTaxRows.compareTo(zero(h.taxamnt())) == 0, "taSopHdrIvcInsert.TAXAMNT",
                FieldViolation.RULE_CONSISTENCY, zero(h.taxamnt()).toPlainString(),
                "must equal the tax rows' STAXAMNT " + sumTaxRows.toPlainString() + " (GP error 62)");
            rule(sumLineTax.compareTo(zero(h.taxamnt())) == 0, "taSopHdrIvcInsert.TAXAMNT",
                FieldViolation.RULE_CONSISTENCY, zero(h.taxamnt()).toPlainString(),
                "must equal the lines' TAXAMNT " + sumLineTax.toPlainString() + " (GP error 868)");
          }
        }
      }
    }

    private void sameAsHeader(String at, String field, Object value, Object header, String error) {
      same(at, field, value, header, "the header's", " (GP error " + error + ")");
    }

    /** {@code at.field} must hold {@code expected}, the value of {@code owner} ("the header's"): else a violation. */
    private void same(String at, String field, Object value, Object expected, String owner, String why) {
      if (value != null && expected != null && !value.equals(expected)) {
        violations.add(FieldViolation.of(at + "." + field, FieldViolation.RULE_CONSISTENCY, value,
            "must equal " + owner + " " + field + " " + expected + why));
      }
    }

    // ---- RMCustomerMasterType ------------------------------------------------------------------

    void customer(RmCustomerMasterType rm) {
      processInfo(rm.processInfo());
      TaUpdateCreateCustomerRcd c = rm.customer();
      if (c == null) {
        violations.add(FieldViolation.required("taUpdateCreateCustomerRcd"));
        return;
      }
      fields("taUpdateCreateCustomerRcd", c::visit, c.curncyid(), null);
      rule(c.createAddress() == null || c.createAddress() == 0 || notBlank(c.adrscode()),
          "taUpdateCreateCustomerRcd.ADRSCODE", FieldViolation.RULE_REQUIRED, null,
          "is required when creating a customer (CreateAddress 1): a customer without one cannot be used on SOP documents");
      rule(c.crlmtamt() == null || c.crlmtamt().signum() == 0 || Integer.valueOf(2).equals(c.crlmttyp()),
          "taUpdateCreateCustomerRcd.CRLMTAMT", FieldViolation.RULE_CONSISTENCY, c.crlmtamt(),
          "needs CRLMTTYP 2 (GP error 7128)");
      for (int i = 0; i < rm.addresses().size(); i++) {
        TaCreateCustomerAddress a = rm.addresses().get(i);
        String at = "taCreateCustomerAddress[" + i + "]";
        fields(at, a::visit, c.curncyid(), null);
        if (a.custnmbr() != null && c.custnmbr() != null && !a.custnmbr().equals(c.custnmbr())) {
          violations.add(FieldViolation.of(at + ".CUSTNMBR", FieldViolation.RULE_CONSISTENCY, a.custnmbr(),
              "must equal the customer's CUSTNMBR " + c.custnmbr() + " (GP error 118)"));
        }
      }
      for (int i = 0; i < rm.internetAddresses().size(); i++) {
        TaCreateInternetAddresses n = rm.internetAddresses().get(i);
        String at = "taCreateInternetAddresses[" + i + "]";
        fields(at, n::visit, null, null);
        rule(n.masterType() == null || n.masterType().equals("CUS"), at + ".Master_Type", FieldViolation.RULE_RANGE,
            n.masterType(), "must be CUS for a customer");
        if (n.masterId() != null && c.custnmbr() != null && !n.masterId().equals(c.custnmbr())) {
          violations.add(FieldViolation.of(at + ".Master_ID", FieldViolation.RULE_CONSISTENCY, n.masterId(),
              "must equal the customer's CUSTNMBR " + c.custnmbr()));
        }
      }
    }

    // ---- IVItemMasterType ----------------------------------------------------------------------

    void item(IvItemMasterType iv) {
      processInfo(iv.processInfo());
      TaUpdateCreateItemRcd item = iv.item();
      if (item == null) {
        violations.add(FieldViolation.required("taUpdateCreateItemRcd"));
        return;
      }
      fields("taUpdateCreateItemRcd", item::visit, null, item.itemnmbr());
      String at = "taUpdateCreateItemRcd.";
      range(item.itemtype(), 1, 6, at + "ITEMTYPE", "499");
      range(item.taxoptns(), 1, 3, at + "TAXOPTNS", "506");
      range(item.decplqty(), 1, 6, at + "DECPLQTY", "505");
      range(item.decplcur(), 1, 6, at + "DECPLCUR", "7912");
      if (item.itemshwt() != null) {
        rule(item.itemshwt().compareTo(new BigDecimal("9999.99")) <= 0 && item.itemshwt().stripTrailingZeros().scale() <= 2,
            at + "ITEMSHWT", FieldViolation.RULE_RANGE, item.itemshwt().toPlainString(),
            "must be at most 9999.99 with 2 decimals (numeric(8,2))");
      }
    }

    private void range(Integer value, int min, int max, String path, String error) {
      rule(value == null || (value >= min && value <= max), path, FieldViolation.RULE_RANGE, value,
          "must be " + min + ".." + max + " (GP error " + error + ")");
    }

    // ---- RMCashReceiptsType --------------------------------------------------------------------

    void cashReceipt(RmCashReceiptsType cash) {
      processInfo(cash.processInfo());
      TaRmCashReceiptInsert r = cash.receipt();
      if (r == null) {
        violations.add(FieldViolation.required("taRMCashReceiptInsert"));
        return;
      }
      String at = "taRMCashReceiptInsert.";
      // CHEKNMBR first: a card number must never be echoed, not even shortened
      if (r.cheknmbr() != null && CARD_LIKE.matcher(r.cheknmbr()).matches() && luhnCandidate(r.cheknmbr())) {
        violations.add(FieldViolation.sensitive(at + "CHEKNMBR", FieldViolation.RULE_FORMAT,
            "looks like a card number; send an authorisation reference, never a card number"));
        r = r.toBuilder().cheknmbr(null).build();
      }
      fields("taRMCashReceiptInsert", r::visit, r.curncyid(), null);
      Integer type = r.cshrctyp();
      rule(type == null || (type >= 0 && type <= 2), at + "CSHRCTYP", FieldViolation.RULE_RANGE, type,
          "must be 0 check, 1 cash or 2 credit card (GP error 14)");
      if (type != null && type == 2) {
        rule(notBlank(r.crcardid()), at + "CRCARDID", FieldViolation.RULE_REQUIRED, null,
            "is required for a credit card receipt, CSHRCTYP 2 (GP error 16)");
      } else if (type != null) {
        rule(!notBlank(r.crcardid()), at + "CRCARDID", FieldViolation.RULE_CONSISTENCY, r.crcardid(),
            "must be blank unless CSHRCTYP is 2 (GP error 23)");
      }
      if (type != null && type == 1) {
        rule(!notBlank(r.cheknmbr()), at + "CHEKNMBR", FieldViolation.RULE_CONSISTENCY, r.cheknmbr(),
            "must be blank for a cash receipt, CSHRCTYP 1 (GP error 22)");
      }
      rule(r.ortrxamt() == null || r.ortrxamt().signum() > 0, at + "ORTRXAMT", FieldViolation.RULE_RANGE,
          r.ortrxamt(), "must be > 0");
    }

    private static boolean luhnCandidate(String text) {
      String digits = text.replaceAll("[^0-9]", "");
      if (digits.length() < 13 || digits.length() > 19) {
        return false;
      }
      int sum = 0;
      for (int i = 0; i < digits.length(); i++) {
        int d = digits.charAt(digits.length() - 1 - i) - '0';
        if (i % 2 == 1) {
          d *= 2;
          if (d > 9) {
            d -= 9;
          }
        }
        sum += d;
      }
      return sum % 10 == 0;
    }

    // ---- RMApplyType ---------------------------------------------------------------------------

    /**
     * taRMApply (TLE body, reference §0): required inputs (562), APPTOAMT not negative (565), APFRDCTY 7/8/9
     * (184), APTODCTY 1/3/4/5 (1660). Stricter than GP: APPTOAMT > 0 (an application of nothing is a mapping
     * error), and for a document built for a receipt, APFRDCNM = the receipt's DOCNUMBR (itself at most 17,
     * error 12004), APFRDCTY 9 and APPTOAMT at most the receipt's ORTRXAMT (GP's error 664 is "more than the
     * payment's remaining amount").
     */
    void application(RmApplyType tx) {
      processInfo(tx.processInfo());
      TaRmApply a = tx.apply();
      if (a == null) {
        violations.add(FieldViolation.required("taRMApply"));
        return;
      }
      String at = "taRMApply.";
      fields("taRMApply", a::visit, tx.currency(), null);
      rule(a.apfrdcty() == null || a.apfrdcty() == 7 || a.apfrdcty() == 8 || a.apfrdcty() == 9, at + "APFRDCTY",
          FieldViolation.RULE_RANGE, a.apfrdcty(), "must be 7 credit memo, 8 return or 9 payment (GP error 184)");
      rule(a.aptodcty() == null || a.aptodcty() == 1 || a.aptodcty() == 3 || a.aptodcty() == 4 || a.aptodcty() == 5,
          at + "APTODCTY", FieldViolation.RULE_RANGE, a.aptodcty(),
          "must be 1 invoice, 3 debit memo, 4 finance charge or 5 service/repair (GP error 1660)");
      rule(a.apptoamt() == null || a.apptoamt().signum() > 0, at + "APPTOAMT", FieldViolation.RULE_RANGE,
          a.apptoamt() == null ? null : a.apptoamt().toPlainString(), "must be > 0");
      if (tx.receiptDocnumbr() != null) {
        rule(tx.receiptDocnumbr().equals(a.apfrdcnm()), at + "APFRDCNM", FieldViolation.RULE_CONSISTENCY,
            a.apfrdcnm(), "must be the receipt's DOCNUMBR " + tx.receiptDocnumbr());
        rule(a.apfrdcty() == null || a.apfrdcty() == RmApplyType.RMDTYPAL_PAYMENT, at + "APFRDCTY",
            FieldViolation.RULE_CONSISTENCY, a.apfrdcty(), "must be 9 (payment) to apply a cash receipt");
      }
      if (tx.receiptAmount() != null && a.apptoamt() != null) {
        rule(a.apptoamt().compareTo(tx.receiptAmount()) <= 0, at + "APPTOAMT", FieldViolation.RULE_RANGE,
            a.apptoamt().toPlainString(), "must be at most the receipt's amount ORTRXAMT "
                + tx.receiptAmount().toPlainString() + " (GP error 664)");
      }
    }

    // ---- RMTransactionType ---------------------------------------------------------------------

    /**
     * taRMTransaction and its taRMTransactionTaxInsert rows (TLE bodies, reference §0): RMDTYPAL 1/3/4/5/6/7/8
     * (627; 294 on a tax row), DOCNUMBR at most 17 (12003, as a length), DOCAMNT = SLSAMNT - TRDISAMT + FRTAMNT +
     * MISCAMNT + TAXAMNT (621), TAXAMNT = the document's tax rows' TAXAMNT (712: GP sums the RM10601 rows of the
     * same RMDTYPAL and DOCNUMBR), amounts with the currency's decimals (7020), a tax row's TDTTXSLS at most its
     * TAXDTSLS (5443), one row per tax detail (7148). Stricter than GP: DOCAMNT > 0 (GP refuses only a negative
     * one, 188), and a tax row names the document's customer. GP does not check that the customer exists: the
     * procedure then writes the document number to RM00401 but no RM10301 row (its insert selects from RM00101),
     * so the caller must check (the ReturnSink does).
     */
    void receivables(RmTransactionType tx) {
      processInfo(tx.processInfo());
      TaRmTransaction t = tx.transaction();
      String currency = t == null ? null : t.curncyid();
      if (t == null) {
        violations.add(FieldViolation.required("taRMTransaction"));
      } else {
        fields("taRMTransaction", t::visit, currency, null, RM_DECIMAL_ERRORS);
        String at = "taRMTransaction.";
        rule(t.rmdtypal() == null || RM_DOCUMENT_TYPES.contains(t.rmdtypal()), at + "RMDTYPAL", FieldViolation.RULE_RANGE,
            t.rmdtypal(), "must be 1 sales/invoice, 3 debit memo, 4 finance charge, 5 service/repair, 6 warranty,"
                + " 7 credit memo or 8 return (GP error 627)");
        BigDecimal expected = zero(t.slsamnt()).subtract(zero(t.trdisamt())).add(zero(t.frtamnt()))
            .add(zero(t.miscamnt())).add(zero(t.taxamnt()));
        if (t.docamnt() != null) {
          rule(t.docamnt().compareTo(expected) == 0, at + "DOCAMNT", FieldViolation.RULE_CONSISTENCY,
              t.docamnt().toPlainString(), "must equal SLSAMNT - TRDISAMT + FRTAMNT + MISCAMNT + TAXAMNT = "
                  + expected.toPlainString() + " (GP error 621)");
          rule(t.docamnt().signum() > 0, at + "DOCAMNT", FieldViolation.RULE_RANGE, t.docamnt().toPlainString(),
              "must be > 0 (GP refuses a negative amount, error 188; a document of nothing is a mapping error)");
        }
      }
      BigDecimal taxRows = BigDecimal.ZERO;
      Set<String> details = new HashSet<>();
      for (int i = 0; i < tx.taxes().size(); i++) {
        TaRmTransactionTaxInsert r = tx.taxes().get(i);
        String at = "taRMTransactionTaxInsert[" + i + "]";
        fields(at, r::visit, currency, null, RM_DECIMAL_ERRORS);
        rule(r.rmdtypal() == null || RM_DOCUMENT_TYPES.contains(r.rmdtypal()), at + ".RMDTYPAL", FieldViolation.RULE_RANGE,
            r.rmdtypal(), "must be 1, 3, 4, 5, 6, 7 or 8 (GP error 294)");
        if (r.tdttxsls() != null && r.taxdtsls() != null) {
          rule(r.tdttxsls().compareTo(r.taxdtsls()) <= 0, at + ".TDTTXSLS", FieldViolation.RULE_RANGE,
              r.tdttxsls().toPlainString(), "must not exceed TAXDTSLS " + r.taxdtsls().toPlainString() + " (GP error 5443)");
        }
        if (r.taxdtlid() != null) {
          rule(details.add(r.taxdtlid()), at + ".TAXDTLID", FieldViolation.RULE_CONSISTENCY, r.taxdtlid(),
              "must be unique in the document: RM10601 holds one row per tax detail (GP error 7148)");
        }
        if (t != null) {
          String sums = " (GP error 712: GP sums the rows of the document)";
          same(at, "DOCNUMBR", r.docnumbr(), t.docnumbr(), "taRMTransaction's", sums);
          same(at, "RMDTYPAL", r.rmdtypal(), t.rmdtypal(), "taRMTransaction's", sums);
          same(at, "CUSTNMBR", r.custnmbr(), t.custnmbr(), "taRMTransaction's", "");
        }
        taxRows = taxRows.add(zero(r.taxamnt()));
      }
      if (t != null) {
        rule(zero(t.taxamnt()).compareTo(taxRows) == 0, "taRMTransaction.TAXAMNT", FieldViolation.RULE_CONSISTENCY,
            zero(t.taxamnt()).toPlainString(), "must equal the tax rows' TAXAMNT " + taxRows.toPlainString()
                + " (GP error 712)");
      }
    }

    // ---- GLTransactionType ---------------------------------------------------------------------

    void journal(GlTransactionType gl) {
      processInfo(gl.processInfo());
      TaGlTransactionHeaderInsert h = gl.header();
      String currency = h == null ? null : h.curncyid();
      if (h == null) {
        violations.add(FieldViolation.required("taGLTransactionHeaderInsert"));
      } else {
        fields("taGLTransactionHeaderInsert", h::visit, currency, null);
        String at = "taGLTransactionHeaderInsert.";
        rule(h.trxtype() == null || h.trxtype() == 0 || h.trxtype() == 1, at + "TRXTYPE", FieldViolation.RULE_RANGE,
            h.trxtype(), "must be 0 standard or 1 reversing (GP error 675)");
        if (h.trxtype() != null && h.trxtype() == 1) {
          rule(h.rvrsngdt() != null && h.trxdate() != null && !h.rvrsngdt().isBefore(h.trxdate()),
              at + "RVRSNGDT", FieldViolation.RULE_CONSISTENCY, h.rvrsngdt(),
              "a reversing entry needs RVRSNGDT on or after TRXDATE (GP error 4642)");
        }
        if (h.jrnentry() != null) {
          rule(h.jrnentry() >= 1 && h.jrnentry() <= 99_999_999, at + "JRNENTRY", FieldViolation.RULE_RANGE,
              h.jrnentry(), "must be 1..99999999 (GP error 9367)");
        }
      }
      rule(gl.lines().size() >= 2, "taGLTransactionLineInsert_Items", FieldViolation.RULE_REQUIRED, gl.lines().size(),
          "must hold at least two lines");
      BigDecimal debits = BigDecimal.ZERO;
      BigDecimal credits = BigDecimal.ZERO;
      Set<BigDecimal> sequences = new HashSet<>();
      for (int i = 0; i < gl.lines().size(); i++) {
        TaGlTransactionLineInsert line = gl.lines().get(i);
        String at = "taGLTransactionLineInsert[" + i + "]";
        fields(at, line::visit, currency, null);
        BigDecimal debit = zero(line.debitamt());
        BigDecimal credit = zero(line.crdtamnt());
        debits = debits.add(debit);
        credits = credits.add(credit);
        rule((debit.signum() == 0) != (credit.signum() == 0), at + ".DEBITAMT", FieldViolation.RULE_CONSISTENCY, null,
            "exactly one of DEBITAMT and CRDTAMNT must be non-zero (GP error 5471)");
        rule(notBlank(line.actnumst()) || (line.actindx() != null && line.actindx() != 0), at + ".ACTNUMST",
            FieldViolation.RULE_REQUIRED, null, "ACTNUMST or ACTINDX is required (GP error 683)");
        if (line.sqncline() != null && line.sqncline().signum() != 0) {
          rule(sequences.add(line.sqncline().stripTrailingZeros()), at + ".SQNCLINE", FieldViolation.RULE_CONSISTENCY,
              line.sqncline(), "must be unique in the entry (GP error 7738)");
        }
        if (h != null) {
          sameAsHeader(at, "JRNENTRY", line.jrnentry(), h.jrnentry(), "944");
          sameAsHeader(at, "BACHNUMB", line.bachnumb(), h.bachnumb(), "944");
        }
      }
      rule(debits.compareTo(credits) == 0, "taGLTransactionLineInsert_Items", FieldViolation.RULE_CONSISTENCY, null,
          "debits " + debits.toPlainString() + " must equal credits " + credits.toPlainString() + " (GP error 944)");
    }
  }

  private static boolean one(Integer flag) {
    return flag != null && flag == 1;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static BigDecimal zero(BigDecimal d) {
    return d == null ? BigDecimal.ZERO : d;
  }
}
