package io.commercesync.testkit.dynamicsgp;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What GP's eConnect procedures do with one transaction type node, as far as CommerceSync needs: the
 * checks that end in the documented error numbers (reference §3/§4), in procedure order (lines before the
 * header), and the rows they write. Runs inside one SQL transaction that the caller commits or rolls back.
 */
final class GpSimProcedures {

  /** One failing procedure: its error numbers and the node for the report. */
  record Failure(String procedure, List<Integer> numbers, Map<String, String> keys, Map<String, String> related,
      Element node) {}

  private final Connection c;
  private final Instant now;
  private final IntPredicate lockInjected;

  GpSimProcedures(Connection c, Instant now, IntPredicate lockInjected) {
    this.c = c;
    this.now = now;
    this.lockInjected = lockInjected;
  }

  /** Runs {@code tx}; returns the failure, or null when every procedure succeeded. */
  Failure run(Element tx) throws SQLException {
    return switch (tx.getTagName()) {
      case "SOPTransactionType" -> sop(tx);
      case "RMCustomerMasterType" -> customer(tx);
      case "IVItemMasterType" -> item(tx);
      case "RMCashReceiptsType" -> cashReceipt(tx);
      case "RMApplyType" -> apply(tx);
      case "RMTransactionType" -> receivables(tx);
      case "GLTransactionType" -> journal(tx);
      default -> new Failure("eConnect", List.of(0), Map.of(), Map.of("node", tx.getTagName()), tx);
    };
  }

  // ---- SOP -------------------------------------------------------------------------------------

  private Failure sop(Element tx) throws SQLException {
    Element header = child(tx, "taSopHdrIvcInsert");
    Map<String, String> h = header == null ? Map.of() : fields(header);
    List<Element> lines = items(tx, "taSopLineIvcInsert_Items", "taSopLineIvcInsert");
    boolean updateExisting = "1".equals(h.get("UpdateExisting"))
        && exists("SELECT 1 FROM SOP10100 WHERE SOPNUMBE = ? AND SOPTYPE = ?", h.get("SOPNUMBE"), integer(h.get("SOPTYPE")))
        || "1".equals(h.get("UpdateExisting"))
        && exists("SELECT 1 FROM SOP30200 WHERE SOPNUMBE = ? AND SOPTYPE = ?", h.get("SOPNUMBE"), integer(h.get("SOPTYPE")));
    BigDecimal sum = BigDecimal.ZERO;
    if (header != null && !updateExisting && h.get("SOPNUMBE") != null && h.get("SOPTYPE") != null
        && (exists("SELECT 1 FROM SOP10100 WHERE SOPNUMBE = ? AND SOPTYPE = ?", upper(h.get("SOPNUMBE")),
            integer(h.get("SOPTYPE")))
        || exists("SELECT 1 FROM SOP30200 WHERE SOPNUMBE = ? AND SOPTYPE = ?", upper(h.get("SOPNUMBE")),
            integer(h.get("SOPTYPE"))))) {
      // a document number already used for this SOPTYPE: GP's duplicate check (error 56). Reported before the
      // lines are touched, so the existing document's lines are never doubled. [U: GP's exact order here]
      return new Failure("taSopHdrIvcInsert", List.of(56), keys(h, "SOPNUMBE", "SOPTYPE"), Map.of(), header);
    }
    if (!updateExisting) {
      for (Element line : lines) {
        Map<String, String> l = fields(line);
        List<Integer> errors = new ArrayList<>();
        if (!exists("SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?", upper(l.get("CUSTNMBR")))) {
          errors.add(598);
        }
        Integer decimals = decimals(upper(l.get("ITEMNMBR")));
        if (decimals == null) {
          errors.add(108);
        } else if (scale(l.get("QUANTITY")) > decimals) {
          errors.add(11454);
        }
        if (l.get("LOCNCODE") != null && !exists("SELECT 1 FROM IV40700 WHERE LOCNCODE = ?", upper(l.get("LOCNCODE")))) {
          errors.add(59);
        }
        if (errors.isEmpty() && lockInjected.test(2079)) {
          errors.add(2079);
        }
        if (!errors.isEmpty()) {
          return new Failure("taSopLineIvcInsert", errors, keys(l, "SOPNUMBE", "SOPTYPE"),
              keys(l, "CUSTNMBR", "ITEMNMBR"), line);
        }
        sum = sum.add(dec(l.get("XTNDPRCE")));
        update("INSERT INTO SOP10200 (SOPTYPE, SOPNUMBE, LNITMSEQ, ITEMNMBR, ITEMDESC, UOFM, LOCNCODE, QUANTITY, UNITPRCE,"
            + " XTNDPRCE, TAXAMNT, DEX_ROW_TS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            integer(l.get("SOPTYPE")), upper(l.get("SOPNUMBE")), integer(or(l.get("LNITMSEQ"), "0")),
            upper(l.get("ITEMNMBR")), or(l.get("ITEMDESC"), ""), or(l.get("UOFM"), ""), or(upper(l.get("LOCNCODE")), ""),
            dec(l.get("QUANTITY")), dec(l.get("UNITPRCE")), dec(l.get("XTNDPRCE")), dec(l.get("TAXAMNT")),
            GpSimDatabase.ts(now));
      }
    }
    for (Element t : items(tx, "taSopTrackingNum_Items", "taSopTrackingNum")) {
      Map<String, String> f = fields(t);
      if (!exists("SELECT 1 FROM SOP10107 WHERE SOPNUMBE = ? AND SOPTYPE = ? AND Tracking_Number = ?",
          upper(f.get("SOPNUMBE")), integer(f.get("SOPTYPE")), f.get("Tracking_Number"))) {
        update("INSERT INTO SOP10107 (SOPNUMBE, SOPTYPE, Tracking_Number) VALUES (?, ?, ?)", upper(f.get("SOPNUMBE")),
            integer(f.get("SOPTYPE")), f.get("Tracking_Number"));
      }
    }
    BigDecimal taxRows = BigDecimal.ZERO;
    boolean headerLevelRows = false;
    for (Element t : items(tx, "taSopLineIvcTaxInsert_Items", "taSopLineIvcTaxInsert")) {
      Map<String, String> f = fields(t);
      taxRows = taxRows.add(dec(f.get("STAXAMNT")));
      headerLevelRows |= integer(or(f.get("LNITMSEQ"), "0")) == 0;
      if (!updateExisting) {
        update("INSERT INTO SOP10105 (SOPTYPE, SOPNUMBE, LNITMSEQ, TAXDTLID, STAXAMNT) VALUES (?, ?, ?, ?, ?)",
            integer(f.get("SOPTYPE")), upper(f.get("SOPNUMBE")), integer(or(f.get("LNITMSEQ"), "0")),
            upper(f.get("TAXDTLID")), dec(f.get("STAXAMNT")));
      }
    }
    if (header == null || updateExisting) {
      return null;
    }
    List<Integer> errors = new ArrayList<>();
    int soptype = integer(h.get("SOPTYPE"));
    String sopnumbe = upper(h.get("SOPNUMBE"));
    if (exists("SELECT 1 FROM SOP10100 WHERE SOPNUMBE = ? AND SOPTYPE = ?", sopnumbe, soptype)
        || exists("SELECT 1 FROM SOP30200 WHERE SOPNUMBE = ? AND SOPTYPE = ?", sopnumbe, soptype)) {
      errors.add(56);
    }
    if (!exists("SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?", upper(h.get("CUSTNMBR")))) {
      errors.add(66);
    }
    if (!exists("SELECT 1 FROM SOP40200 WHERE SOPTYPE = ? AND DOCID = ?", soptype, upper(h.get("DOCID")))) {
      errors.add(68);
    }
    BigDecimal subtotal = dec(h.get("SUBTOTAL"));
    if (!"1".equals(h.get("DEFPRICING")) && subtotal.compareTo(sum) != 0) {
      errors.add(67);
    }
    BigDecimal tax = dec(h.get("TAXAMNT")).add(dec(h.get("FRTTXAMT"))).add(dec(h.get("MSCTXAMT")));
    BigDecimal expected = subtotal.add(dec(h.get("FREIGHT"))).add(dec(h.get("MISCAMNT"))).add(tax)
        .subtract(dec(h.get("TRDISAMT")));
    if (dec(h.get("DOCAMNT")).compareTo(expected) != 0) {
      errors.add(235);
    }
    if ("1".equals(h.get("CREATETAXES")) && tax.signum() != 0) {
      errors.add(866);
    } else if ("1".equals(h.get("USINGHEADERLEVELTAXES")) && (!headerLevelRows || taxRows.compareTo(tax) != 0)) {
      errors.add(799);
    }
    String batch = upper(h.get("BACHNUMB"));
    if (exists("SELECT 1 FROM SY00500 WHERE BACHNUMB = ? AND BCHSOURC = 'Sales Entry' AND MKDTOPST = 1", batch)) {
      errors.add(5616);
    }
    if (errors.isEmpty() && lockInjected.test(2079)) {
      errors.add(2079);
    }
    if (!errors.isEmpty()) {
      return new Failure("taSopHdrIvcInsert", errors, keys(h, "SOPNUMBE", "SOPTYPE"),
          keys(h, "CUSTNMBR", "DOCID", "SUBTOTAL", "DOCAMNT", "BACHNUMB"), header);
    }
    batch(batch, "Sales Entry");
    String name = h.get("CUSTNAME") != null ? h.get("CUSTNAME")
        : string("SELECT CUSTNAME FROM RM00101 WHERE CUSTNMBR = ?", upper(h.get("CUSTNMBR")));
    update("INSERT INTO SOP10100 (SOPTYPE, SOPNUMBE, ORIGTYPE, ORIGNUMB, DOCID, DOCDATE, CUSTNMBR, CUSTNAME, CSTPONBR,"
        + " SHIPMTHD, LOCNCODE, SUBTOTAL, FRTAMNT, MISCAMNT, TAXAMNT, TRDISAMT, DOCAMNT, CURNCYID, BACHNUMB, DEX_ROW_TS)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        soptype, sopnumbe, integer(or(h.get("ORIGTYPE"), "0")), or(upper(h.get("ORIGNUMB")), ""), upper(h.get("DOCID")),
        date(h.get("DOCDATE")), upper(h.get("CUSTNMBR")), or(name, ""), or(upper(h.get("CSTPONBR")), ""),
        or(upper(h.get("SHIPMTHD")), ""), or(upper(h.get("LOCNCODE")), ""), subtotal, dec(h.get("FREIGHT")),
        dec(h.get("MISCAMNT")), dec(h.get("TAXAMNT")), dec(h.get("TRDISAMT")), dec(h.get("DOCAMNT")),
        or(upper(h.get("CURNCYID")), ""), batch, GpSimDatabase.ts(now));
    Element user = child(tx, "taSopUserDefined");
    if (user != null) {
      Map<String, String> u = fields(user);
      update("INSERT INTO SOP10106 (SOPTYPE, SOPNUMBE, USRTAB01, USERDEF1, USERDEF2, USRDEF03) VALUES (?, ?, ?, ?, ?, ?)",
          soptype, sopnumbe, or(u.get("USRTAB01"), ""), or(u.get("USERDEF1"), ""), or(u.get("USERDEF2"), ""),
          or(u.get("USRDEF03"), ""));
    }
    return null;
  }

  // ---- customers and items ---------------------------------------------------------------------

  private Failure customer(Element tx) throws SQLException {
    Element node = child(tx, "taUpdateCreateCustomerRcd");
    Map<String, String> f = node == null ? Map.of() : fields(node);
    String id = upper(f.get("CUSTNMBR"));
    if (id == null) {
      return new Failure("taUpdateCreateCustomerRcd", List.of(33), Map.of(), Map.of(), node);
    }
    boolean exists = exists("SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?", id);
    if (exists && "0".equals(f.get("UpdateIfExists"))) {
      return new Failure("taUpdateCreateCustomerRcd", List.of(251), keys(f, "CUSTNMBR"), Map.of(), node);
    }
    update("DELETE FROM RM00101 WHERE CUSTNMBR = ?", id);
    String adrs = or(upper(f.get("ADRSCODE")), "PRIMARY");
    update("INSERT INTO RM00101 (CUSTNMBR, CUSTNAME, CUSTCLAS, CNTCPRSN, STMTNAME, SHRTNAME, ADRSCODE, ADDRESS1, ADDRESS2,"
        + " ADDRESS3, CITY, STATE, ZIP, COUNTRY, PHONE1, PRBTADCD, PRSTADCD, STADDRCD, SHIPMTHD, TAXSCHID, PYMTRMID,"
        + " CRLMTTYP, CRLMTAMT, CURNCYID, PRCLEVEL, HOLD, INACTIVE, CCode, DEX_ROW_TS)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, or(f.get("CUSTNAME"), ""), or(upper(f.get("CUSTCLAS")), ""), or(f.get("CNTCPRSN"), ""),
        or(f.get("STMTNAME"), ""), or(f.get("SHRTNAME"), ""), adrs, or(f.get("ADDRESS1"), ""), or(f.get("ADDRESS2"), ""),
        or(f.get("ADDRESS3"), ""), or(f.get("CITY"), ""), or(f.get("STATE"), ""), or(f.get("ZIPCODE"), ""),
        or(f.get("COUNTRY"), ""), or(f.get("PHNUMBR1"), ""), or(upper(f.get("PRBTADCD")), adrs),
        or(upper(f.get("PRSTADCD")), adrs), or(upper(f.get("STADDRCD")), adrs), or(upper(f.get("SHIPMTHD")), ""),
        or(upper(f.get("TAXSCHID")), ""), or(upper(f.get("PYMTRMID")), ""), integer(or(f.get("CRLMTTYP"), "0")),
        dec(f.get("CRLMTAMT")), or(upper(f.get("CURNCYID")), ""), or(upper(f.get("PRCLEVEL")), ""),
        integer(or(f.get("HOLD"), "0")), integer(or(f.get("INACTIVE"), "0")), or(f.get("CCode"), ""), GpSimDatabase.ts(now));
    if (!"0".equals(f.get("CreateAddress"))) {
      address(id, adrs, f);
    }
    for (Element a : items(tx, "taCreateCustomerAddress_Items", "taCreateCustomerAddress")) {
      Map<String, String> af = fields(a);
      if (!exists("SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?", upper(af.get("CUSTNMBR")))) {
        return new Failure("taCreateCustomerAddress", List.of(118), keys(af, "CUSTNMBR", "ADRSCODE"), Map.of(), a);
      }
      address(upper(af.get("CUSTNMBR")), upper(af.get("ADRSCODE")), af);
    }
    for (Element n : items(tx, "taCreateInternetAddresses_Items", "taCreateInternetAddresses")) {
      Map<String, String> nf = fields(n);
      update("DELETE FROM SY01200 WHERE Master_Type = ? AND Master_ID = ? AND ADRSCODE = ?", nf.get("Master_Type"),
          upper(nf.get("Master_ID")), upper(nf.get("ADRSCODE")));
      update("INSERT INTO SY01200 (Master_Type, Master_ID, ADRSCODE, INET1, EmailToAddress, DEX_ROW_TS)"
          + " VALUES (?, ?, ?, ?, ?, ?)", nf.get("Master_Type"), upper(nf.get("Master_ID")), upper(nf.get("ADRSCODE")),
          or(nf.get("INET1"), ""), nf.get("EmailToAddress"), GpSimDatabase.ts(now));
    }
    return null;
  }

  private void address(String id, String code, Map<String, String> f) throws SQLException {
    update("DELETE FROM RM00102 WHERE CUSTNMBR = ? AND ADRSCODE = ?", id, code);
    update("INSERT INTO RM00102 (CUSTNMBR, ADRSCODE, CNTCPRSN, ADDRESS1, ADDRESS2, ADDRESS3, CITY, STATE, ZIP, COUNTRY,"
        + " PHONE1, ShipToName, CCode, DEX_ROW_TS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, code, or(f.get("CNTCPRSN"), ""), or(f.get("ADDRESS1"), ""), or(f.get("ADDRESS2"), ""),
        or(f.get("ADDRESS3"), ""), or(f.get("CITY"), ""), or(f.get("STATE"), ""), or(f.get("ZIPCODE"), ""),
        or(f.get("COUNTRY"), ""), or(f.get("PHNUMBR1"), ""), or(f.get("ShipToName"), ""), or(f.get("CCode"), ""),
        GpSimDatabase.ts(now));
    update("UPDATE RM00101 SET DEX_ROW_TS = ? WHERE CUSTNMBR = ?", GpSimDatabase.ts(now), id);
  }

  private Failure item(Element tx) throws SQLException {
    Element node = child(tx, "taUpdateCreateItemRcd");
    Map<String, String> f = fields(node);
    String id = upper(f.get("ITEMNMBR"));
    update("DELETE FROM IV00101 WHERE ITEMNMBR = ?", id);
    update("INSERT INTO IV00101 (ITEMNMBR, ITEMDESC, ITMSHNAM, ITEMTYPE, ITMCLSCD, ITMTSHID, UOMSCHDL, SELNGUOM, ITEMSHWT,"
        + " DECPLQTY, DECPLCUR, DEX_ROW_TS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id, or(f.get("ITEMDESC"), ""), or(f.get("ITMSHNAM"), ""), integer(or(f.get("ITEMTYPE"), "1")),
        or(upper(f.get("ITMCLSCD")), ""), or(upper(f.get("ITMTSHID")), ""), or(upper(f.get("UOMSCHDL")), ""),
        or(f.get("PRCHSUOM"), "EACH"), dec(f.get("ITEMSHWT")).multiply(BigDecimal.valueOf(100)).intValue(),
        integer(or(f.get("DECPLQTY"), "1")), integer(or(f.get("DECPLCUR"), "3")), GpSimDatabase.ts(now));
    return null;
  }

  // ---- cash receipts and journal entries -------------------------------------------------------

  private Failure cashReceipt(Element tx) throws SQLException {
    Element node = child(tx, "taRMCashReceiptInsert");
    Map<String, String> f = fields(node);
    List<Integer> errors = new ArrayList<>();
    String customer = upper(f.get("CUSTNMBR"));
    if (!exists("SELECT 1 FROM RM00101 WHERE CUSTNMBR = ?", customer)) {
      errors.add(24);
    }
    String docnumbr = upper(f.get("DOCNUMBR"));
    if (docnumbr != null && docnumbr.length() > 17) {
      errors.add(12004);
    }
    int type = integer(or(f.get("CSHRCTYP"), "-1"));
    if (type < 0 || type > 2) {
      errors.add(14);
    }
    String card = upper(f.get("CRCARDID"));
    if (type == 2 && card == null) {
      errors.add(16);
    } else if (type == 2 && !exists("SELECT 1 FROM SY03100 WHERE CARDNAME = ? AND CBRCVBLE = 1", card)) {
      errors.add(17);
    }
    if (!exists("SELECT 1 FROM CM00100 WHERE CHEKBKID = ?", upper(f.get("CHEKBKID")))) {
      errors.add(6);
    }
    if (f.get("CHEKNMBR") != null && exists("SELECT 1 FROM RM10201 WHERE CUSTNMBR = ? AND CHEKNMBR = ?", customer,
        f.get("CHEKNMBR"))) {
      errors.add(11481);
    }
    if (!errors.isEmpty()) {
      return new Failure("taRMCashReceiptInsert", errors, keys(f, "DOCNUMBR"), keys(f, "CUSTNMBR", "CSHRCTYP"), node);
    }
    batch(upper(f.get("BACHNUMB")), "RM_Cash");
    update("INSERT INTO RM10201 (BACHNUMB, DOCNUMBR, CUSTNMBR, CSHRCTYP, CHEKNMBR, CHEKBKID, CRCARDID, ORTRXAMT, TRXDSCRN,"
        + " DOCDATE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", upper(f.get("BACHNUMB")), docnumbr, customer, type,
        or(f.get("CHEKNMBR"), ""), upper(f.get("CHEKBKID")), or(card, ""), dec(f.get("ORTRXAMT")),
        or(f.get("TRXDSCRN"), ""), date(f.get("DOCDATE")));
    return null;
  }

  /**
   * taRMApply, following the checks of its body in the reference's TLE dump (§0): missing inputs 562, negative
   * amount 565, APFRDCTY not 7/8/9 184, APTODCTY not 1/3/4/5 1660, apply-to document not in RM20101 568 (these
   * accumulate); apply-from document neither a work receipt (RM10201) nor an open RM20101 document 569 (returns
   * at once); amount above the invoice's original amount 570, above its remaining amount 574, above the
   * receipt's remaining amount 664, documents of different customers (and not the invoice customer's national
   * account parent, CPRCSTNM) 165; the pair already in RM20201 670. Then, as GP does: the invoice's RM20101
   * CURTRXAM goes down (its DEX_ROW_TS moves, as GP's zDT_ trigger stamps it), an open credit document's too,
   * and the application is written to RM20201 (POSTED 0 for a work receipt). GP keeps a work receipt's
   * remaining amount in RM10201.CURTRXAM; the simulator derives it from RM20201 instead.
   */
  private Failure apply(Element tx) throws SQLException {
    Element node = child(tx, "taRMApply");
    Map<String, String> f = node == null ? Map.of() : fields(node);
    Map<String, String> keys = keys(f, "APFRDCNM", "APTODCNM");
    Map<String, String> related = keys(f, "APTODCNM", "APFRDCNM", "APPTOAMT", "APTODCTY", "APFRDCTY");
    String to = upper(f.get("APTODCNM"));
    String from = upper(f.get("APFRDCNM"));
    if (node == null || to == null || from == null || f.get("APPTOAMT") == null || f.get("APFRDCTY") == null
        || f.get("APTODCTY") == null) {
      return new Failure("taRMApply", List.of(562), keys, related, node == null ? tx : node);
    }
    List<Integer> errors = new ArrayList<>();
    BigDecimal amount = dec(f.get("APPTOAMT"));
    BigDecimal discount = dec(f.get("DISTKNAM"));
    BigDecimal writeOff = dec(f.get("WROFAMNT"));
    int fromType = integer(f.get("APFRDCTY"));
    int toType = integer(f.get("APTODCTY"));
    if (amount.signum() < 0) {
      errors.add(565);
    }
    if (fromType != 7 && fromType != 8 && fromType != 9) {
      errors.add(184);
    }
    if (toType != 1 && toType != 3 && toType != 4 && toType != 5) {
      errors.add(1660);
    }
    Object[] invoice = row("SELECT CUSTNMBR, ORTRXAMT, CURTRXAM FROM RM20101 WHERE RMDTYPAL = ? AND DOCNUMBR = ?",
        toType, to);
    if (invoice == null) {
      errors.add(568);
    }
    boolean work = false;
    Object[] credit = null;
    if (fromType == 9) {
      credit = row("SELECT r.CUSTNMBR, r.ORTRXAMT, r.ORTRXAMT - COALESCE((SELECT SUM(a.APPTOAMT) FROM RM20201 a"
          + " WHERE a.APFRDCTY = 9 AND a.APFRDCNM = r.DOCNUMBR), 0) FROM RM10201 r WHERE r.RMDTYPAL = 9 AND r.DOCNUMBR = ?",
          from);
      work = credit != null;
    }
    if (credit == null) {
      credit = row("SELECT CUSTNMBR, ORTRXAMT, CURTRXAM FROM RM20101 WHERE RMDTYPAL = ? AND DOCNUMBR = ?", fromType, from);
    }
    if (credit == null) {
      errors.add(569);
      return new Failure("taRMApply", errors, keys, related, node);
    }
    if (invoice != null) {
      if (amount.compareTo((BigDecimal) invoice[1]) > 0) {
        errors.add(570);
      }
      if (amount.add(discount).add(writeOff).compareTo((BigDecimal) invoice[2]) > 0) {
        errors.add(574);
      }
    }
    if (amount.compareTo((BigDecimal) credit[2]) > 0) {
      errors.add(664);
    }
    if (invoice != null && !invoice[0].equals(credit[0])
        && !credit[0].equals(string("SELECT CPRCSTNM FROM RM00101 WHERE CUSTNMBR = ?", invoice[0]))) {
      errors.add(165);
    }
    if (!errors.isEmpty()) {
      return new Failure("taRMApply", errors, keys, related, node);
    }
    if (exists("SELECT 1 FROM RM20201 WHERE APFRDCTY = ? AND APFRDCNM = ? AND APTODCTY = ? AND APTODCNM = ?",
        fromType, from, toType, to)) {
      return new Failure("taRMApply", List.of(670), keys, related, node);
    }
    java.sql.Timestamp stamp = GpSimDatabase.ts(now);
    update("UPDATE RM20101 SET CURTRXAM = CURTRXAM - ?, DEX_ROW_TS = ? WHERE RMDTYPAL = ? AND DOCNUMBR = ?",
        amount.add(discount).add(writeOff), stamp, toType, to);
    if (!work) {
      update("UPDATE RM20101 SET CURTRXAM = CURTRXAM - ?, DEX_ROW_TS = ? WHERE RMDTYPAL = ? AND DOCNUMBR = ?",
          amount, stamp, fromType, from);
    }
    java.sql.Timestamp day = java.sql.Timestamp.valueOf(now.atZone(java.time.ZoneOffset.UTC).toLocalDate().atStartOfDay());
    update("INSERT INTO RM20201 (CUSTNMBR, APTODCNM, APTODCTY, APPTOAMT, APFRDCNM, APFRDCTY, DISTKNAM, WROFAMNT, DATE1,"
        + " GLPOSTDT, POSTED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", invoice[0], to, toType, amount, from, fromType,
        discount, writeOff, f.get("APPLYDATE") != null ? date(f.get("APPLYDATE")) : day,
        f.get("GLPOSTDT") != null ? date(f.get("GLPOSTDT")) : day, work ? 0 : 1);
    return null;
  }

  // ---- receivables documents (credit memos) -----------------------------------------------------

  /** The RMDTYPAL values taRMTransaction and taRMTransactionTaxInsert accept (else 627 / 294). */
  private static final List<Integer> RM_TYPES = List.of(1, 3, 4, 5, 6, 7, 8);

  /**
   * {@code RMTransactionType}: its {@code taRMTransactionTaxInsert} rows, then {@code taRMTransaction}, with the
   * checks of their bodies in the reference's TLE dump (§0).
   *
   * <p>Tax rows (RM10601): a required input missing 292, RMDTYPAL not 1/3/4/5/6/7/8 294, TAXDTLID not in TX00201
   * 295, TDTTXSLS above TAXDTSLS 5443 or negative 5444, a second row for the same tax detail 7148; each returns at
   * once. The account check (296, TX00201's account) and BKOUTTAX are not simulated.
   *
   * <p>The document: a required input missing 185 (returned at once here; GP goes on), then, accumulating as GP
   * does: ADRSCODE not the customer's 217, DOCNUMBR longer than 17 12003, the number already used for the
   * RMDTYPAL in RM00401, RM10301, RM20101 or RM30101 190, DOCAMNT negative 188, TAXAMNT not the RM10601 rows'
   * sum 712, batch marked to post (source RM_Sales) 202, RMDTYPAL not accepted 627, currency not in MC40200 536;
   * an amount with more decimals than the currency 7020 (GP returns at once); DOCAMNT not SLSAMNT - TRDISAMT +
   * FRTAMNT + MISCAMNT + TAXAMNT 621. Then, as GP does: the number in RM00401, the document in RM10301 (unposted,
   * selected from RM00101, so for an unknown customer GP writes no document and reports no error: the body has
   * no customer check), the batch (source RM_Sales). A credit memo reaches RM20101, with CURTRXAM = its amount as
   * an unapplied credit, only when posted ({@link GpSimulator#postCreditMemos()}).
   */
  private Failure receivables(Element tx) throws SQLException {
    for (Element t : items(tx, "taRMTransactionTaxInsert_Items", "taRMTransactionTaxInsert")) {
      Failure failure = rmTax(t);
      if (failure != null) {
        return failure;
      }
    }
    Element node = child(tx, "taRMTransaction");
    Map<String, String> f = node == null ? Map.of() : fields(node);
    Map<String, String> keys = keys(f, "DOCNUMBR", "RMDTYPAL");
    Map<String, String> related = keys(f, "CUSTNMBR", "DOCAMNT", "SLSAMNT", "TRDISAMT", "FRTAMNT", "MISCAMNT",
        "TAXAMNT", "BACHNUMB");
    for (String required : List.of("RMDTYPAL", "DOCNUMBR", "DOCDATE", "BACHNUMB", "CUSTNMBR", "DOCAMNT", "SLSAMNT")) {
      if (f.get(required) == null) {
        return new Failure("taRMTransaction", List.of(185), keys, related, node == null ? tx : node);
      }
    }
    List<Integer> errors = new ArrayList<>();
    int type = integer(f.get("RMDTYPAL"));
    String docnumbr = upper(f.get("DOCNUMBR"));
    String customer = upper(f.get("CUSTNMBR"));
    String batch = upper(f.get("BACHNUMB"));
    String adrscode = upper(f.get("ADRSCODE"));
    if (adrscode != null && !exists("SELECT 1 FROM RM00102 WHERE CUSTNMBR = ? AND ADRSCODE = ?", customer, adrscode)) {
      errors.add(217);
    }
    if (docnumbr.length() > 17) {
      errors.add(12003);
    }
    if (exists("SELECT 1 FROM RM00401 WHERE RMDTYPAL = ? AND DOCNUMBR = ?", type, docnumbr)
        || exists("SELECT 1 FROM RM10301 WHERE RMDTYPAL = ? AND DOCNUMBR = ?", type, docnumbr)
        || exists("SELECT 1 FROM RM20101 WHERE RMDTYPAL = ? AND DOCNUMBR = ?", type, docnumbr)
        || exists("SELECT 1 FROM RM30101 WHERE RMDTYPAL = ? AND DOCNUMBR = ?", type, docnumbr)) {
      errors.add(190);
    }
    BigDecimal docamnt = dec(f.get("DOCAMNT"));
    if (docamnt.signum() < 0) {
      errors.add(188);
    }
    Object[] taxRows = row("SELECT COALESCE(SUM(TAXAMNT), 0) FROM RM10601 WHERE RMDTYPAL = ? AND DOCNUMBR = ?"
        + " AND BKOUTTAX = 0", type, docnumbr);
    if (dec(f.get("TAXAMNT")).compareTo(new BigDecimal(String.valueOf(taxRows[0]))) != 0) {
      errors.add(712);
    }
    if (exists("SELECT 1 FROM SY00500 WHERE BACHNUMB = ? AND BCHSOURC = 'RM_Sales' AND MKDTOPST <> 0", batch)) {
      errors.add(202);
    }
    if (!RM_TYPES.contains(type)) {
      errors.add(627);
    }
    // a blank CURNCYID is the customer's, else the functional currency (the simulator's company: Z-US$)
    String own = string("SELECT CURNCYID FROM RM00101 WHERE CUSTNMBR = ?", customer);
    String currency = upper(f.get("CURNCYID")) != null ? upper(f.get("CURNCYID"))
        : own == null || own.isEmpty() ? "Z-US$" : own;
    Integer decplcur = intValue("SELECT DECPLCUR FROM MC40200 WHERE CURNCYID = ?", currency);
    if (decplcur == null) {
      errors.add(536);
    }
    int places = decplcur == null ? 2 : decplcur - 1;
    for (String amount : List.of("DOCAMNT", "SLSAMNT", "COSTAMNT", "TRDISAMT", "FRTAMNT", "MISCAMNT", "TAXAMNT")) {
      if (scale(f.get(amount)) > places) {
        errors.add(7020);
        return new Failure("taRMTransaction", errors, keys, related, node);
      }
    }
    BigDecimal expected = dec(f.get("SLSAMNT")).subtract(dec(f.get("TRDISAMT"))).add(dec(f.get("FRTAMNT")))
        .add(dec(f.get("MISCAMNT"))).add(dec(f.get("TAXAMNT")));
    if (docamnt.compareTo(expected) != 0) {
      errors.add(621);
    }
    if (!errors.isEmpty()) {
      return new Failure("taRMTransaction", errors, keys, related, node);
    }
    java.sql.Timestamp day = date(f.get("DOCDATE"));
    update("INSERT INTO RM00401 (DOCNUMBR, RMDTYPAL, DCSTATUS, BCHSOURC, CUSTNMBR, DOCDATE) VALUES (?, ?, 1, 'RM_Sales', ?, ?)",
        docnumbr, type, customer, day);
    // GP's DOCTYPE for the RMDTYPAL, and the amount still to apply (ACCTAMNT; a credit memo's whole amount)
    int doctype = switch (type) {
      case 1 -> 1;
      case 3 -> 2;
      case 4 -> 3;
      case 5 -> 4;
      case 6 -> 5;
      case 7 -> 6;
      default -> 7;
    };
    // INSERT ... SELECT FROM RM00101, as GP's body does: an unknown customer inserts no row and no error
    update("INSERT INTO RM10301 (DOCTYPE, RMDTYPAL, RMDNUMWK, DOCNUMBR, DOCDESCR, DOCDATE, BACHNUMB, BCHSOURC, CUSTNMBR,"
        + " CUSTNAME, ADRSCODE, SHIPMTHD, CSTPONBR, TAXSCHID, COSTAMNT, SLSAMNT, TRDISAMT, FRTAMNT, MISCAMNT, TAXAMNT,"
        + " DOCAMNT, ACCTAMNT, CURNCYID, DUEDATE, DISCDATE, POSTED, PSTGSTUS, DEX_ROW_TS)"
        + " SELECT ?, ?, ?, ?, ?, ?, ?, 'RM_Sales', CUSTNMBR, CUSTNAME, COALESCE(?, ADRSCODE), ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?, ?, ?, 0, 20, ? FROM RM00101 WHERE CUSTNMBR = ?",
        doctype, type, docnumbr, docnumbr, or(f.get("DOCDESCR"), ""), day, batch, adrscode,
        or(upper(f.get("SHIPMTHD")), ""), or(f.get("CSTPONBR"), ""), or(upper(f.get("TAXSCHID")), ""),
        dec(f.get("COSTAMNT")), dec(f.get("SLSAMNT")), dec(f.get("TRDISAMT")), dec(f.get("FRTAMNT")),
        dec(f.get("MISCAMNT")), dec(f.get("TAXAMNT")), docamnt, docamnt, currency, day, day, GpSimDatabase.ts(now),
        customer);
    batch(batch, "RM_Sales");
    return null;
  }

  /** taRMTransactionTaxInsert: one RM10601 row, or the failure. */
  private Failure rmTax(Element node) throws SQLException {
    Map<String, String> f = fields(node);
    Map<String, String> keys = keys(f, "DOCNUMBR", "RMDTYPAL", "TAXDTLID");
    Map<String, String> related = keys(f, "CUSTNMBR", "TAXAMNT", "TAXDTSLS", "TDTTXSLS");
    for (String required : List.of("CUSTNMBR", "DOCNUMBR", "RMDTYPAL", "BACHNUMB", "TAXDTLID", "TAXAMNT", "STAXAMNT",
        "TAXDTSLS")) {
      if (f.get(required) == null) {
        return new Failure("taRMTransactionTaxInsert", List.of(292), keys, related, node);
      }
    }
    int type = integer(f.get("RMDTYPAL"));
    String docnumbr = upper(f.get("DOCNUMBR"));
    String detail = upper(f.get("TAXDTLID"));
    if (!RM_TYPES.contains(type)) {
      return new Failure("taRMTransactionTaxInsert", List.of(294), keys, related, node);
    }
    if (!exists("SELECT 1 FROM TX00201 WHERE TAXDTLID = ?", detail)) {
      return new Failure("taRMTransactionTaxInsert", List.of(295), keys, related, node);
    }
    BigDecimal sales = dec(f.get("TAXDTSLS"));
    BigDecimal taxable = f.get("TDTTXSLS") == null ? sales : dec(f.get("TDTTXSLS"));
    if (taxable.compareTo(sales) > 0) {
      return new Failure("taRMTransactionTaxInsert", List.of(5443), keys, related, node);
    }
    if (taxable.signum() < 0) {
      return new Failure("taRMTransactionTaxInsert", List.of(5444), keys, related, node);
    }
    if (exists("SELECT 1 FROM RM10601 WHERE RMDTYPAL = ? AND DOCNUMBR = ? AND TRXSORCE = '' AND TAXDTLID = ?", type,
        docnumbr, detail)) {
      return new Failure("taRMTransactionTaxInsert", List.of(7148), keys, related, node);
    }
    int sequence = integer(or(f.get("SEQNUMBR"), "0"));
    if (sequence == 0) {
      Integer last = intValue("SELECT MAX(SEQNUMBR) FROM RM10601 WHERE RMDTYPAL = ? AND DOCNUMBR = ? AND TAXDTLID = ?",
          type, docnumbr, detail);
      sequence = (last == null ? 0 : last) + 16384;
    }
    BigDecimal tax = dec(f.get("TAXAMNT"));
    BigDecimal salesTax = dec(f.get("STAXAMNT"));
    update("INSERT INTO RM10601 (BACHNUMB, RMDTYPAL, DOCNUMBR, CUSTNMBR, TAXDTLID, TAXAMNT, STAXAMNT, FRTTXAMT, MSCTXAMT,"
        + " TAXDTSLS, TDTTXSLS, SEQNUMBR) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", upper(f.get("BACHNUMB")), type,
        docnumbr, upper(f.get("CUSTNMBR")), detail, tax, salesTax.signum() == 0 ? tax : salesTax, dec(f.get("FRTTXAMT")),
        dec(f.get("MSCTXAMT")), sales, taxable, sequence);
    return null;
  }

  private Failure journal(Element tx) throws SQLException {
    BigDecimal debits = BigDecimal.ZERO;
    BigDecimal credits = BigDecimal.ZERO;
    List<Object[]> rows = new ArrayList<>();
    for (Element line : items(tx, "taGLTransactionLineInsert_Items", "taGLTransactionLineInsert")) {
      Map<String, String> f = fields(line);
      List<Integer> errors = new ArrayList<>();
      Integer account = f.get("ACTINDX") != null ? integer(f.get("ACTINDX"))
          : intValue("SELECT ACTINDX FROM GL00105 WHERE ACTNUMST = ?", f.get("ACTNUMST"));
      if (account == null) {
        errors.add(684);
      }
      BigDecimal debit = dec(f.get("DEBITAMT"));
      BigDecimal credit = dec(f.get("CRDTAMNT"));
      if (debit.signum() != 0 && credit.signum() != 0) {
        errors.add(5471);
      }
      if (!errors.isEmpty()) {
        return new Failure("taGLTransactionLineInsert", errors, keys(f, "BACHNUMB", "JRNENTRY", "SQNCLINE"),
            keys(f, "ACTNUMST", "DEBITAMT", "CRDTAMNT"), line);
      }
      debits = debits.add(debit);
      credits = credits.add(credit);
      rows.add(new Object[] {integer(f.get("JRNENTRY")), dec(f.get("SQNCLINE")), account, debit, credit,
          or(f.get("DSCRIPTN"), "")});
    }
    Element header = child(tx, "taGLTransactionHeaderInsert");
    Map<String, String> h = fields(header);
    List<Integer> errors = new ArrayList<>();
    int jrnentry = integer(h.get("JRNENTRY"));
    if (exists("SELECT 1 FROM GL10000 WHERE JRNENTRY = ?", jrnentry)) {
      errors.add(997);
    }
    if (debits.compareTo(credits) != 0) {
      errors.add(944);
    }
    if (!errors.isEmpty()) {
      return new Failure("taGLTransactionHeaderInsert", errors, keys(h, "BACHNUMB", "JRNENTRY"), Map.of(), header);
    }
    for (Object[] r : rows) {
      update("INSERT INTO GL10001 (JRNENTRY, SQNCLINE, ACTINDX, DEBITAMT, CRDTAMNT, DSCRIPTN) VALUES (?, ?, ?, ?, ?, ?)", r);
    }
    update("INSERT INTO GL10000 (BACHNUMB, JRNENTRY, REFRENCE, TRXDATE, TRXTYPE, DEX_ROW_TS) VALUES (?, ?, ?, ?, ?, ?)",
        upper(h.get("BACHNUMB")), jrnentry, or(h.get("REFRENCE"), ""), date(h.get("TRXDATE")),
        integer(or(h.get("TRXTYPE"), "0")), GpSimDatabase.ts(now));
    batch(upper(h.get("BACHNUMB")), "General Entry");
    return null;
  }

  // ---- SQL and XML -----------------------------------------------------------------------------

  private void batch(String bachnumb, String source) throws SQLException {
    if (!exists("SELECT 1 FROM SY00500 WHERE BACHNUMB = ? AND BCHSOURC = ?", bachnumb, source)) {
      update("INSERT INTO SY00500 (BACHNUMB, BCHSOURC, NUMOFTRX) VALUES (?, ?, 0)", bachnumb, source);
    }
    update("UPDATE SY00500 SET NUMOFTRX = NUMOFTRX + 1 WHERE BACHNUMB = ? AND BCHSOURC = ?", bachnumb, source);
  }

  private Integer decimals(String item) throws SQLException {
    Integer decplqty = intValue("SELECT DECPLQTY FROM IV00101 WHERE ITEMNMBR = ?", item);
    return decplqty == null ? null : Math.max(0, decplqty - 1);
  }

  private boolean exists(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private String string(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1).stripTrailing() : null;
    }
  }

  /** The first row's columns (strings right-trimmed), or null. */
  private Object[] row(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      Object[] out = new Object[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < out.length; i++) {
        Object o = rs.getObject(i + 1);
        out[i] = o instanceof String str ? str.stripTrailing() : o;
      }
      return out;
    }
  }

  private Integer intValue(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : null;
    }
  }

  private void update(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(sql, args)) {
      ps.executeUpdate();
    }
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }

  static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  static List<Element> items(Element tx, String wrapper, String name) {
    List<Element> out = new ArrayList<>();
    Element w = child(tx, wrapper);
    if (w != null) {
      for (Node n = w.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && e.getTagName().equals(name)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  static Map<String, String> fields(Element node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        String text = e.getTextContent();
        if (text != null && !text.isBlank()) {
          out.put(e.getTagName(), text.trim());
        }
      }
    }
    return out;
  }

  private static Map<String, String> keys(Map<String, String> f, String... names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String n : names) {
      if (f.get(n) != null) {
        out.put(n, f.get(n));
      }
    }
    return out;
  }

  static String upper(String s) {
    return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
  }

  private static String or(String s, String fallback) {
    return s == null ? fallback : s;
  }

  private static BigDecimal dec(String s) {
    return s == null ? BigDecimal.ZERO : new BigDecimal(s);
  }

  private static int scale(String s) {
    return s == null ? 0 : Math.max(0, new BigDecimal(s).stripTrailingZeros().scale());
  }

  private static int integer(String s) {
    return Integer.parseInt(s.trim());
  }

  private static java.sql.Timestamp date(String s) {
    LocalDate d = LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    return java.sql.Timestamp.valueOf(d.atStartOfDay());
  }

  /** The node echoed back, as eConnect appends it to its error text. */
  static String echo(Element node) {
    try {
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(node), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      return "<" + node.getTagName() + "/>";
    }
  }
}
