package io.commercesync.connector.dynamicsgp.polling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only SQL CommerceSync runs against a GP company database, by name. The same names travel over
 * the agent protocol ({@code POST /v1/companies/{company}/queries/{name}}), so the agent runs only these
 * statements, never SQL sent by a client. Parameters are bound ({@code :name} becomes {@code ?}); a
 * collection parameter expands to {@code ?, ?, …}.
 *
 * <p>Statements use GP's real table and column names (reference §7) and SQL that both SQL Server and H2 in
 * MSSQLServer mode run. Change queries read {@code DEX_ROW_TS >= :since} (UTC) in timestamp order, a page of
 * {@code :limit} rows; {@link GpChangeReader} adds the overlap window and de-duplication.
 */
public enum GpQuery {

  /** IV00101 items changed since {@code :since}. IV00101's stamp also moves when IV00102 quantities change. */
  ITEMS_CHANGED("ITEMNMBR", """
      SELECT ITEMNMBR, ITEMDESC, ITMSHNAM, ITEMTYPE, ITMTSHID, SELNGUOM, ITEMSHWT, INACTIVE, PRCLEVEL, DEX_ROW_TS
      FROM IV00101 WHERE DEX_ROW_TS >= :since
      ORDER BY DEX_ROW_TS, ITEMNMBR OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"""),

  /** IV00102 per-site rows (RCRDTYPE 2; RCRDTYPE 1 is the all-sites summary) of {@code :items}. */
  QUANTITIES_FOR_ITEMS(null, """
      SELECT ITEMNMBR, LOCNCODE, QTYONHND, ATYALLOC FROM IV00102
      WHERE RCRDTYPE = 2 AND ITEMNMBR IN (:items) ORDER BY ITEMNMBR, LOCNCODE"""),

  /** IV00108 price-list rows changed since {@code :since}. */
  PRICES_CHANGED("ITEMNMBR,CURNCYID,PRCLEVEL,UOFM,TOQTY", """
      SELECT ITEMNMBR, CURNCYID, PRCLEVEL, UOFM, FROMQTY, TOQTY, UOMPRICE, DEX_ROW_TS
      FROM IV00108 WHERE DEX_ROW_TS >= :since
      ORDER BY DEX_ROW_TS, ITEMNMBR, CURNCYID, PRCLEVEL, UOFM, TOQTY OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"""),

  /** RM00101 customers changed since {@code :since} (RM00102 changes stamp RM00101 too). */
  CUSTOMERS_CHANGED("CUSTNMBR", """
      SELECT CUSTNMBR, CUSTNAME, CUSTCLAS, CNTCPRSN, ADRSCODE, PHONE1, PYMTRMID, CRLMTTYP, CRLMTAMT, HOLD, INACTIVE,
             PRBTADCD, PRSTADCD, DEX_ROW_TS
      FROM RM00101 WHERE DEX_ROW_TS >= :since
      ORDER BY DEX_ROW_TS, CUSTNMBR OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"""),

  /** One RM00101 customer. */
  CUSTOMER_BY_ID(null, """
      SELECT CUSTNMBR, CUSTNAME, CUSTCLAS, CNTCPRSN, ADRSCODE, PHONE1, PYMTRMID, CRLMTTYP, CRLMTAMT, HOLD, INACTIVE,
             PRBTADCD, PRSTADCD, DEX_ROW_TS
      FROM RM00101 WHERE CUSTNMBR = :custnmbr"""),

  /** RM00102 addresses of {@code :customers}. */
  ADDRESSES_FOR_CUSTOMERS(null, """
      SELECT CUSTNMBR, ADRSCODE, CNTCPRSN, ShipToName, ADDRESS1, ADDRESS2, ADDRESS3, CITY, STATE, ZIP, COUNTRY, CCode,
             PHONE1
      FROM RM00102 WHERE CUSTNMBR IN (:customers) ORDER BY CUSTNMBR, ADRSCODE"""),

  /** SY01200 e-mail addresses of {@code :customers} (Master_Type CUS). */
  EMAILS_FOR_CUSTOMERS(null, """
      SELECT Master_ID, ADRSCODE, INET1 FROM SY01200
      WHERE Master_Type = 'CUS' AND Master_ID IN (:customers) ORDER BY Master_ID, ADRSCODE"""),

  /**
   * Customers whose SY01200 INET1 is {@code :email} (compared upper-cased and trimmed on both sides: GP
   * users type leading spaces too; LTRIM/RTRIM because TRIM needs SQL Server 2017).
   */
  CUSTOMERS_BY_EMAIL(null, """
      SELECT DISTINCT Master_ID FROM SY01200
      WHERE Master_Type = 'CUS' AND UPPER(LTRIM(RTRIM(INET1))) = :email"""),

  /**
   * Customers (with their contact person, RM00101 CNTCPRSN) that have an RM00102 address whose ZIP is
   * {@code :zip}, compared without spaces and dashes and upper-cased (the caller normalises {@code :zip} the
   * same way); the caller compares the names, so only matching customers are read in full.
   */
  CUSTOMERS_BY_POSTAL_CODE(null, """
      SELECT DISTINCT c.CUSTNMBR, c.CNTCPRSN FROM RM00102 a JOIN RM00101 c ON c.CUSTNMBR = a.CUSTNMBR
      WHERE REPLACE(REPLACE(UPPER(LTRIM(RTRIM(a.ZIP))), ' ', ''), '-', '') = :zip"""),

  /** Sales documents of type {@code :soptype} whose CSTPONBR is {@code :cstponbr}, work and history. */
  SALES_DOCUMENTS_BY_PO(null, """
      SELECT SOPTYPE, SOPNUMBE, CSTPONBR FROM SOP10100 WHERE SOPTYPE = :soptype AND RTRIM(CSTPONBR) = :cstponbr
      UNION ALL
      SELECT SOPTYPE, SOPNUMBE, CSTPONBR FROM SOP30200 WHERE SOPTYPE = :soptype AND RTRIM(CSTPONBR) = :cstponbr"""),

  /** A sales document by number and type, work and history. */
  SALES_DOCUMENT_BY_NUMBER(null, """
      SELECT SOPTYPE, SOPNUMBE, CSTPONBR FROM SOP10100 WHERE SOPTYPE = :soptype AND SOPNUMBE = :sopnumbe
      UNION ALL
      SELECT SOPTYPE, SOPNUMBE, CSTPONBR FROM SOP30200 WHERE SOPTYPE = :soptype AND SOPNUMBE = :sopnumbe"""),

  /** A cash receipt by DOCNUMBR, unposted (RM10201) or posted (RM20101 RMDTYPAL 9). */
  CASH_RECEIPT_BY_NUMBER(null, """
      SELECT DOCNUMBR, CUSTNMBR FROM RM10201 WHERE DOCNUMBR = :docnumbr
      UNION ALL
      SELECT DOCNUMBR, CUSTNMBR FROM RM20101 WHERE RMDTYPAL = 9 AND DOCNUMBR = :docnumbr"""),

  /**
   * The application of credit document {@code :apfrdcnm} (RMDTYPAL {@code :apfrdcty}, 9 payment) to debit
   * document {@code :aptodcnm} (RMDTYPAL {@code :aptodcty}, 1 invoice): RM20201 (open applications, where
   * taRMApply writes) and RM30201 (history, after paid-transaction removal). Both tables are keyed by
   * (APFRDCTY, APFRDCNM, APTODCTY, APTODCNM) (TLE DDL, reference §0); taRMApply refuses a second row for the
   * same pair (error 670).
   */
  APPLICATION_BY_DOCUMENTS(null, """
      SELECT APFRDCNM, APTODCNM, APPTOAMT FROM RM20201
      WHERE APFRDCTY = :apfrdcty AND APFRDCNM = :apfrdcnm AND APTODCTY = :aptodcty AND APTODCNM = :aptodcnm
      UNION ALL
      SELECT APFRDCNM, APTODCNM, APPTOAMT FROM RM30201
      WHERE APFRDCTY = :apfrdcty AND APFRDCNM = :apfrdcnm AND APTODCTY = :aptodcty AND APTODCNM = :aptodcnm"""),

  /**
   * The RM credit memo (RMDTYPAL 7) {@code :docnumbr} of customer {@code :custnmbr}: unposted (RM10301, where
   * taRMTransaction enters it), open (RM20101, once posted; CURTRXAM is its unapplied amount) or history
   * (RM30101). GP's duplicate check (error 190) is per RMDTYPAL and DOCNUMBR over these tables and RM00401
   * (TLE taRMTransaction body, reference §0); RM20101/RM30101 name the order number CSPORNBR.
   */
  CREDIT_MEMO_BY_NUMBER(null, """
      SELECT CUSTNMBR, DOCNUMBR, CSTPONBR, DOCAMNT FROM RM10301
      WHERE RMDTYPAL = 7 AND CUSTNMBR = :custnmbr AND DOCNUMBR = :docnumbr
      UNION ALL
      SELECT CUSTNMBR, DOCNUMBR, CSPORNBR, ORTRXAMT FROM RM20101
      WHERE RMDTYPAL = 7 AND CUSTNMBR = :custnmbr AND DOCNUMBR = :docnumbr
      UNION ALL
      SELECT CUSTNMBR, DOCNUMBR, CSPORNBR, ORTRXAMT FROM RM30101
      WHERE RMDTYPAL = 7 AND CUSTNMBR = :custnmbr AND DOCNUMBR = :docnumbr"""),

  /** Journal entries with reference {@code :refrence}, work (GL10000) and posted (GL20000). */
  JOURNAL_BY_REFERENCE(null, """
      SELECT JRNENTRY FROM GL10000 WHERE RTRIM(REFRENCE) = :refrence
      UNION ALL
      SELECT JRNENTRY FROM GL20000 WHERE RTRIM(REFRENCE) = :refrence"""),

  /**
   * Posted invoices (SOP30200 SOPTYPE 3, not voided) changed since {@code :since}, with their SOP10107
   * tracking numbers (SOP10107 has no DEX_ROW_TS, so the header's stamp drives the poll).
   */
  SHIPMENTS_CHANGED("SOPNUMBE", """
      SELECT h.SOPTYPE, h.SOPNUMBE, h.ORIGNUMB, h.CSTPONBR, h.SHIPMTHD, h.ACTLSHIP, h.DOCDATE, h.CUSTNMBR,
             h.DEX_ROW_TS, t.Tracking_Number
      FROM SOP30200 h LEFT JOIN SOP10107 t ON t.SOPNUMBE = h.SOPNUMBE AND t.SOPTYPE = h.SOPTYPE
      WHERE h.SOPTYPE = 3 AND h.VOIDSTTS = 0 AND h.DEX_ROW_TS >= :since
      ORDER BY h.DEX_ROW_TS, h.SOPNUMBE, t.Tracking_Number OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"""),

  /** RM20101 open invoices (RMDTYPAL 1, not voided) changed since {@code :since}. */
  OPEN_INVOICES_CHANGED("DOCNUMBR", """
      SELECT CUSTNMBR, DOCNUMBR, RMDTYPAL, DOCDATE, DUEDATE, ORTRXAMT, CURTRXAM, CSPORNBR, CURNCYID, DEX_ROW_TS
      FROM RM20101 WHERE RMDTYPAL = 1 AND VOIDSTTS = 0 AND DEX_ROW_TS >= :since
      ORDER BY DEX_ROW_TS, DOCNUMBR OFFSET 0 ROWS FETCH NEXT :limit ROWS ONLY"""),

  /**
   * The IV00108 price of {@code :item} for {@code :qty} at the customer's price level (RM00101.PRCLEVEL, or
   * the item's default IV00101.PRCLEVEL when the customer has none).
   */
  PRICE_FOR_CUSTOMER(null, """
      SELECT p.ITEMNMBR, p.PRCLEVEL, p.CURNCYID, p.UOFM, p.FROMQTY, p.TOQTY, p.UOMPRICE
      FROM IV00108 p
      JOIN IV00101 i ON i.ITEMNMBR = p.ITEMNMBR
      LEFT JOIN RM00101 c ON c.CUSTNMBR = :custnmbr
      WHERE p.ITEMNMBR = :item AND p.FROMQTY <= :qty AND p.TOQTY >= :qty
        AND RTRIM(p.PRCLEVEL) = COALESCE(NULLIF(RTRIM(c.PRCLEVEL), ''), RTRIM(i.PRCLEVEL))
      ORDER BY p.FROMQTY DESC"""),

  /** A customer's hold flag, credit limit and open balance (RM20101: debit types minus credit types). */
  CUSTOMER_STANDING(null, """
      SELECT c.CUSTNMBR, c.HOLD, c.CRLMTTYP, c.CRLMTAMT,
             COALESCE((SELECT SUM(CASE WHEN d.RMDTYPAL < 7 THEN d.CURTRXAM ELSE -d.CURTRXAM END)
                       FROM RM20101 d WHERE d.CUSTNMBR = c.CUSTNMBR AND d.VOIDSTTS = 0), 0) AS BALANCE
      FROM RM00101 c WHERE c.CUSTNMBR = :custnmbr""");

  private static final Pattern PARAM = Pattern.compile(":([A-Za-z]+)");

  private final String keyColumns;
  private final String sql;

  GpQuery(String keyColumns, String sql) {
    this.keyColumns = keyColumns;
    this.sql = sql;
  }

  /** The statement with {@code :name} parameters. */
  public String sql() {
    return sql;
  }

  /** The key columns of a change query (comma-separated), or null for look-ups. */
  public String keyColumns() {
    return keyColumns;
  }

  /** The statement with {@code ?} placeholders for {@code params}, and the values in order. */
  public Bound bind(Map<String, ?> params) {
    StringBuilder out = new StringBuilder();
    List<Object> values = new ArrayList<>();
    Matcher m = PARAM.matcher(sql);
    int last = 0;
    while (m.find()) {
      out.append(sql, last, m.start());
      String name = m.group(1);
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException(name() + " needs parameter :" + name);
      }
      Object value = params.get(name);
      if (value instanceof Collection<?> many) {
        if (many.isEmpty()) {
          out.append("NULL");
        } else {
          for (int i = 0; i < many.size(); i++) {
            out.append(i == 0 ? "?" : ", ?");
          }
          values.addAll(many);
        }
      } else {
        out.append('?');
        values.add(value);
      }
      last = m.end();
    }
    out.append(sql.substring(last));
    return new Bound(out.toString(), List.copyOf(values.stream().map(v -> v == null ? NULL : v).toList()));
  }

  private static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "NULL";
    }
  };

  /**
   * A statement ready for a PreparedStatement.
   *
   * @param sql the statement with {@code ?} placeholders
   * @param values the values in placeholder order
   */
  public record Bound(String sql, List<Object> values) {

    /** Whether value {@code i} is SQL NULL. */
    public boolean isNull(int i) {
      return values.get(i) == NULL;
    }
  }
}
