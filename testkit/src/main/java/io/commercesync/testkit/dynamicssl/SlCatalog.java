package io.commercesync.testkit.dynamicssl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SL tables the simulator holds: column names with the DDL's spelling, types and CHAR widths, and
 * primary keys. Written from SL's CREATE TABLE scripts as summarised in
 * {@code shared/reference/dynamics-sl.md} §2 (plus {@code SOShipLine}, {@code ARAdjust}, {@code ARTran}, {@code ShipVia},
 * {@code Site}, {@code Account}, {@code SOType} and {@code SOHeader.OrigOrdNbr} columns from the same DDL). Only the columns an integration touches
 * are kept; each real table has 100–220.
 *
 * <p>Type codes: {@code cN} CHAR(N), {@code f} FLOAT(53), {@code s} SMALLINT, {@code i} INT, {@code d}
 * SMALLDATETIME holding a date, {@code t} SMALLDATETIME holding a timestamp (server-local, minute
 * precision).
 */
final class SlCatalog {

  /** One column. */
  record Column(String name, char kind, int width) {
    boolean isChar() {
      return kind == 'c';
    }

    String sqlType() {
      return switch (kind) {
        case 'c' -> "CHAR(" + width + ")";
        case 'f' -> "FLOAT(53)";
        case 's' -> "SMALLINT";
        case 'i' -> "INT";
        default -> "SMALLDATETIME";
      };
    }

    String sqlDefault() {
      return switch (kind) {
        case 'c' -> "' '";
        case 'f', 's', 'i' -> "0";
        default -> "'1900-01-01 00:00:00'";
      };
    }
  }

  /** One table. */
  record Table(String name, Map<String, Column> columns, List<String> key) {
    Column column(String name) {
      return columns.get(name);
    }

    /** The column whose name equals {@code name} ignoring case (SQL Server collation), or null. */
    Column columnIgnoringCase(String name) {
      for (Column c : columns.values()) {
        if (c.name().equalsIgnoreCase(name)) {
          return c;
        }
      }
      return null;
    }
  }

  private static final String AUDIT = " Crtd_DateTime t, Crtd_Prog c8, Crtd_User c10, LUpd_DateTime t, LUpd_Prog c8, LUpd_User c10";

  private static final String DEFINITIONS = String.join("\n",
      "Customer[CustId]: CustId c15, Name c60, Attn c30, Salut c30, Addr1 c60, Addr2 c60, City c30, State c3,"
          + " Zip c10, Country c3, Phone c30, Fax c30, EMailAddr c80, BillName c60, BillAttn c30, BillAddr1 c60,"
          + " BillAddr2 c60, BillCity c30, BillState c3, BillZip c10, BillCountry c3, BillPhone c30, ClassId c6,"
          + " PriceClassID c6, Terms c2, Status c1, CrLmt f, CuryId c4, SlsperId c10, TaxID00 c10, TaxExemptNbr c15,"
          + " DfltShipToId c10, User1 c30, User2 c30," + AUDIT,
      "SOAddress[CustId,ShipToId]: CustId c15, ShipToId c10, Descr c30, Name c60, Attn c30, Addr1 c60,"
          + " Addr2 c60, City c30, State c3, Zip c10, Country c3, Phone c30, EMailAddr c80, ShipViaID c15,"
          + " SiteID c10, TaxId00 c10, Status c1," + AUDIT,
      "SOHeader[CpnyID,OrdNbr]: CpnyID c10, OrdNbr c15, SOTypeID c4, Status c1, CustID c15, CustOrdNbr c25,"
          + " OrdDate d, ShipViaID c15, ShiptoID c10, ShipAddrID c10, ShipName c60, ShipAttn c30, ShipAddr1 c60,"
          + " ShipAddr2 c60, ShipCity c30, ShipState c3, ShipZip c10, ShipCountry c3, ShipPhone c30, BillName c60,"
          + " BillAttn c30, BillAddr1 c60, BillAddr2 c60, BillCity c30, BillState c3, BillZip c10, BillCountry c3,"
          + " BillPhone c30, TermsID c2, SlsperID c10, ProjectID c16, CuryID c4, CuryRate f, CuryTotMerch f,"
          + " TotMerch f, CuryTotLineDisc f, TotLineDisc f, CuryWholeOrdDisc f, WholeOrdDisc f, CuryTotFrt f,"
          + " TotFrt f, CuryTotMisc f, TotMisc f, CuryTotTax f, TotTax f, CuryTotOrd f, TotOrd f, LineCntr s,"
          + " PerPost c6, AdminHold s, CreditHold s, Cancelled s, TaxID00 c10, User1 c30, User2 c30, User3 c30,"
          + " User4 c30, OrigOrdNbr c15," + AUDIT,
      // SOType from S1 dbo.SOType.sql (PK CpnyID, SOTypeID; Behavior char(4) drives processing)
      "SOType[CpnyID,SOTypeID]: CpnyID c10, SOTypeID c4, Descr c30, Behavior c4, ReturnOrderTypeID c4, Active s,"
          + AUDIT,
      "SOLine[CpnyID,OrdNbr,LineRef]: CpnyID c10, OrdNbr c15, LineRef c5, LineNbr s, InvtID c30, Descr c60,"
          + " SiteID c10, Status c1, QtyOrd f, QtyShip f, QtyBO f, UnitDesc c6, SlsPrice f, CurySlsPrice f,"
          + " DiscPct f, TotOrd f, CuryTotOrd f, SlsAcct c10, SlsSub c24, TaxCat c10," + AUDIT,
      "Inventory[InvtID]: InvtID c30, Descr c60, ClassID c6, PriceClassID c6, StkUnit c6, DfltSOUnit c6,"
          + " StkBasePrc f, StkWt f, StkWtUnit c6, UPCCode c30, TaxCat c10, TranStatusCode c2, StkItem s,"
          + " DfltSite c10, Color c20, Size c10," + AUDIT,
      "ItemSite[InvtID,SiteID]: InvtID c30, SiteID c10, CpnyID c10, QtyOnHand f, QtyAlloc f, QtyAllocSO f,"
          + " QtyCustOrd f, QtyOnBO f, QtyShipNotInv f, QtyOnPO f, QtyInTransit f, QtyNotAvail f, QtyAvail f,"
          + " AvgCost f," + AUDIT,
      "Site[SiteId]: SiteId c10, Name c30, CpnyID c10," + AUDIT,
      "ShipVia[CpnyID,ShipViaID]: CpnyID c10, ShipViaID c15, Descr c30, CarrierID c10, SCAC c5," + AUDIT,
      "Account[Acct]: Acct c10, Descr c30, AcctType c2, Active s," + AUDIT,
      "Batch[Module,BatNbr]: Module c2, BatNbr c10, CpnyID c10, JrnlType c3, LedgerID c10, BalanceType c1,"
          + " PerPost c6, Descr c30, CuryId c4, CuryCtrlTot f, CuryDrTot f, CuryCrTot f, CtrlTot f, DrTot f,"
          + " CrTot f, Status c1, Rlsed s, EditScrnNbr c5," + AUDIT,
      "GLTran[Module,BatNbr,LineNbr]: Module c2, BatNbr c10, LineNbr s, CpnyID c10, Acct c10, Sub c24, DrAmt f,"
          + " CrAmt f, CuryDrAmt f, CuryCrAmt f, CuryId c4, TranDate d, TranDesc c30, TranType c2, RefNbr c10,"
          + " ExtRefNbr c15, PerPost c6, LedgerID c10, JrnlType c3, ProjectID c16, TaskID c32, Posted c1,"
          + " Rlsed s," + AUDIT,
      "ARDoc[CustId,DocType,RefNbr]: CpnyID c10, CustId c15, DocType c2, RefNbr c10, BatNbr c10, DocDate d,"
          + " CuryOrigDocAmt f, OrigDocAmt f, CuryDocBal f, DocBal f, CuryId c4, PerPost c6, BankAcct c10,"
          + " BankSub c24, PmtMethod c1, OrdNbr c15, CustOrdNbr c25, DocDesc c30, Status c1, Rlsed s, OpenDoc s,"
          + AUDIT,
      // ARTran from S1 dbo.ARTran.sql / S2 SLARTran.Table.al (PK CustId, TranType, RefNbr, LineNbr, RecordID:
      // RecordID is an identity column the simulator does not model, so LineNbr closes the key here)
      "ARTran[CustId,TranType,RefNbr,LineNbr]: CpnyID c10, CustId c15, TranType c2, RefNbr c10, LineNbr s,"
          + " BatNbr c10, Acct c10, Sub c24, CuryTranAmt f, TranAmt f, DrCr c1, TranDesc c30, ExtRefNbr c15,"
          + " TranDate d, PerPost c6, CuryId c4, JrnlType c3, Rlsed s," + AUDIT,
      "ARAdjust[AdjgRefNbr,AdjdRefNbr]: CustId c15, AdjdDocType c2, AdjdRefNbr c10, AdjgDocType c2,"
          + " AdjgRefNbr c10, AdjBatNbr c10, CuryAdjgAmt f, AdjAmt f," + AUDIT,
      "SOShipHeader[CpnyID,ShipperID]: CpnyID c10, ShipperID c15, OrdNbr c15, CustID c15, CustOrdNbr c25,"
          + " SOTypeID c4, Status c1, ShipDateAct d, ShipDatePlan d, ShipViaID c15, SiteID c10, ShiptoID c10,"
          + " InvcNbr c15, CuryTotInvc f, PerPost c6, Cancelled s, ShippingConfirmed s, TrackingNbr c25," + AUDIT,
      "SOShipLine[CpnyID,ShipperID,LineRef]: CpnyID c10, ShipperID c15, LineRef c5, InvtID c30, Descr c60,"
          + " QtyShip f, OrdNbr c15, OrdLineRef c5, SiteID c10, UnitDesc c6," + AUDIT,
      "SOShipPack[CpnyID,ShipperID,BoxRef]: CpnyID c10, ShipperID c15, BoxRef c5, TrackingNbr c20,"
          + " CartonID c20, PackageID c15, Wght f," + AUDIT);

  static final Map<String, Table> TABLES = parse();

  private SlCatalog() {}

  static Table table(String name) {
    Table t = TABLES.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no SL table " + name);
    }
    return t;
  }

  private static Map<String, Table> parse() {
    Map<String, Table> out = new LinkedHashMap<>();
    for (String line : DEFINITIONS.split("\n")) {
      String head = line.substring(0, line.indexOf(':'));
      String name = head.substring(0, head.indexOf('['));
      List<String> key = List.of(head.substring(head.indexOf('[') + 1, head.indexOf(']')).split(","));
      Map<String, Column> columns = new LinkedHashMap<>();
      for (String def : line.substring(line.indexOf(':') + 1).split(",")) {
        String[] parts = def.trim().split(" ");
        String type = parts[1].toLowerCase(Locale.ROOT);
        int width = type.charAt(0) == 'c' ? Integer.parseInt(type.substring(1)) : 0;
        columns.put(parts[0], new Column(parts[0], type.charAt(0), width));
      }
      out.put(name, new Table(name, columns, key));
    }
    return out;
  }

  /** {@code CREATE TABLE} statements for every table (SQL Server / H2 MSSQLServer mode). */
  static List<String> ddl() {
    List<String> out = new ArrayList<>();
    for (Table t : TABLES.values()) {
      StringBuilder sql = new StringBuilder("CREATE TABLE ").append(t.name()).append(" (");
      for (Column c : t.columns().values()) {
        sql.append(c.name()).append(' ').append(c.sqlType()).append(" DEFAULT ").append(c.sqlDefault())
            .append(" NOT NULL, ");
      }
      sql.append("CONSTRAINT ").append(t.name()).append("0 PRIMARY KEY (").append(String.join(", ", t.key()))
          .append("))");
      out.add(sql.toString());
    }
    return out;
  }
}
