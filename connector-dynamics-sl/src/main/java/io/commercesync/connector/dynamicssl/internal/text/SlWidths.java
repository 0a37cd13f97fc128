package io.commercesync.connector.dynamicssl.internal.text;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The {@code CHAR(n)} width of every SL column the connector writes or reads, keyed
 * {@code <table>.<column>} with the DDL's spelling.
 *
 * <p>Sources: {@code shared/reference/dynamics-sl.md} §2 (CREATE TABLE scripts of a production SL
 * database, S1, cross-checked with Microsoft's SL → Business Central migration tables, S2: [C2]
 * unless noted) and §3, and the width table of {@code shared/samples/dynamics-sl/README.md}.
 * {@code SOShipLine} and {@code ARAdjust} widths come from the S1 DDL ({@code dbo.SOShipLine.sql},
 * {@code dbo.ARAdjust.sql}) [C]; {@code ARTran} from the S1 DDL ({@code dbo.ARTran.sql}) and S2
 * ({@code SLARTran.Table.al}) [C2].
 */
public final class SlWidths {

  private static final Map<String, Integer> WIDTHS = new HashMap<>();

  static {
    // §2.3 SOHeader [C2]
    table("SOHeader", "CpnyID", 10, "OrdNbr", 15, "SOTypeID", 4, "Status", 1, "CustID", 15,
        "CustOrdNbr", 25, "ShipViaID", 15, "ShiptoID", 10, "ShipAddrID", 10, "ShipName", 60,
        "ShipAttn", 30, "ShipAddr1", 60, "ShipAddr2", 60, "ShipCity", 30, "ShipState", 3, "ShipZip", 10,
        "ShipCountry", 3, "ShipPhone", 30, "BillName", 60, "BillAttn", 30, "BillAddr1", 60,
        "BillAddr2", 60, "BillCity", 30, "BillState", 3, "BillZip", 10, "BillCountry", 3,
        "BillPhone", 30, "TermsID", 2, "SlsperID", 10, "ProjectID", 16, "CuryID", 4, "PerPost", 6,
        "TaxID00", 10, "User1", 30, "User2", 30, "User3", 30, "User4", 30, "Crtd_Prog", 8,
        "Crtd_User", 10,
        // OrigOrdNbr char(15): S1 dbo.SOHeader.sql, S2 SLHistSOHeader.Table.al Text[15] [C2] (not in §2.3)
        "OrigOrdNbr", 15);
    // §2.4 SOLine [C2]
    table("SOLine", "CpnyID", 10, "OrdNbr", 15, "LineRef", 5, "InvtID", 30, "Descr", 60, "SiteID", 10,
        "Status", 1, "UnitDesc", 6, "SlsAcct", 10, "SlsSub", 24, "TaxCat", 10);
    // §2.1 Customer [C2]
    table("Customer", "CustId", 15, "Name", 60, "Attn", 30, "Salut", 30, "Addr1", 60, "Addr2", 60,
        "City", 30, "State", 3, "Zip", 10, "Country", 3, "Phone", 30, "Fax", 30, "EMailAddr", 80,
        "BillName", 60, "BillAttn", 30, "BillAddr1", 60, "BillAddr2", 60, "BillCity", 30,
        "BillState", 3, "BillZip", 10, "BillCountry", 3, "BillPhone", 30, "ClassId", 6,
        "PriceClassID", 6, "Terms", 2, "Status", 1, "CuryId", 4, "SlsperId", 10, "TaxID00", 10,
        "TaxExemptNbr", 15, "DfltShipToId", 10, "User1", 30, "User2", 30);
    // §2.2 SOAddress [C2]
    table("SOAddress", "CustId", 15, "ShipToId", 10, "Descr", 30, "Name", 60, "Attn", 30, "Addr1", 60,
        "Addr2", 60, "City", 30, "State", 3, "Zip", 10, "Country", 3, "Phone", 30, "EMailAddr", 80,
        "ShipViaID", 15, "SiteID", 10, "TaxId00", 10, "Status", 1);
    // §2.5 Inventory [C2]
    table("Inventory", "InvtID", 30, "Descr", 60, "ClassID", 6, "PriceClassID", 6, "StkUnit", 6,
        "DfltSOUnit", 6, "StkWtUnit", 6, "UPCCode", 30, "TaxCat", 10, "TranStatusCode", 2,
        "DfltSite", 10, "Color", 20, "Size", 10);
    // §2.6 ItemSite [C2]
    table("ItemSite", "InvtID", 30, "SiteID", 10, "CpnyID", 10);
    // §2.8 Batch + GLTran [C2]
    table("Batch", "CpnyID", 10, "Module", 2, "BatNbr", 10, "JrnlType", 3, "LedgerID", 10,
        "BalanceType", 1, "PerPost", 6, "Descr", 30, "CuryId", 4, "Status", 1, "EditScrnNbr", 5);
    table("GLTran", "Acct", 10, "Sub", 24, "TranDesc", 30, "RefNbr", 10, "ExtRefNbr", 15,
        "ProjectID", 16, "TaskID", 32);
    // §2.9 ARDoc [C2]; ARAdjust from the S1 DDL [C]
    table("ARDoc", "CpnyID", 10, "CustId", 15, "DocType", 2, "RefNbr", 10, "BatNbr", 10, "CuryId", 4,
        "PerPost", 6, "BankAcct", 10, "BankSub", 24, "PmtMethod", 1, "OrdNbr", 15, "CustOrdNbr", 25,
        "DocDesc", 30, "Status", 1);
    table("ARAdjust", "AdjdDocType", 2, "AdjdRefNbr", 10);
    // §2.9 ARTran: S1 dbo.ARTran.sql and S2 SLARTran.Table.al agree on every width used here [C2]
    table("ARTran", "CpnyID", 10, "CustId", 15, "TranType", 2, "RefNbr", 10, "BatNbr", 10, "Acct", 10,
        "Sub", 24, "DrCr", 1, "TranDesc", 30, "ExtRefNbr", 15, "PerPost", 6, "CuryId", 4);
    // §2.7 shippers: TrackingNbr is 25 on the header, 20 per box [C2/C]; SOShipLine from S1 [C]
    table("SOShipHeader", "CpnyID", 10, "ShipperID", 15, "OrdNbr", 15, "CustID", 15, "CustOrdNbr", 25,
        "SOTypeID", 4, "Status", 1, "ShipViaID", 15, "SiteID", 10, "ShiptoID", 10, "InvcNbr", 15,
        "PerPost", 6, "TrackingNbr", 25);
    table("SOShipLine", "CpnyID", 10, "ShipperID", 15, "LineRef", 5, "InvtID", 30, "Descr", 60,
        "OrdNbr", 15, "OrdLineRef", 5, "SiteID", 10, "UnitDesc", 6);
    table("SOShipPack", "CpnyID", 10, "ShipperID", 15, "BoxRef", 5, "TrackingNbr", 20, "CartonID", 20,
        "PackageID", 15);
  }

  private SlWidths() {}

  private static void table(String table, Object... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      WIDTHS.put(table + "." + pairs[i], (Integer) pairs[i + 1]);
    }
  }

  /** The width of {@code table.column}, if the column is a CHAR column we know. */
  public static OptionalInt width(String table, String column) {
    Integer w = WIDTHS.get(table + "." + column);
    return w == null ? OptionalInt.empty() : OptionalInt.of(w);
  }

  /** Every known {@code table.column} and its width. */
  public static Map<String, Integer> all() {
    return Map.copyOf(WIDTHS);
  }
}
