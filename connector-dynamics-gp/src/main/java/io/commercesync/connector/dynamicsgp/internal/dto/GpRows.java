package io.commercesync.connector.dynamicsgp.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * GP rows as the sources keep them in a {@code RawRecord} (JSON): already right-trimmed, named after GP's
 * columns, with {@code DEX_ROW_TS} in UTC. What the dead-letter store holds when a row cannot be mapped.
 */
public final class GpRows {

  private GpRows() {}

  /** IV00102 RCRDTYPE 2 row, stamped with IV00101.DEX_ROW_TS. */
  public record InventoryRow(String itemnmbr, String locncode, BigDecimal qtyonhnd, BigDecimal atyalloc, Instant dexRowTs) {}

  /** IV00108 row. */
  public record PriceRow(String itemnmbr, String curncyid, String prclevel, String uofm, BigDecimal fromqty,
      BigDecimal toqty, BigDecimal uomprice, Instant dexRowTs) {}

  /** IV00101 row. */
  public record ItemRow(String itemnmbr, String itemdesc, String itmshnam, Integer itemtype, String itmtshid,
      String selnguom, BigDecimal itemshwt, Integer inactive, Instant dexRowTs) {}

  /** RM20101 row. */
  public record InvoiceRow(String custnmbr, String docnumbr, Instant docdate, Instant duedate, BigDecimal ortrxamt,
      BigDecimal curtrxam, String cspornbr, String curncyid, Instant dexRowTs) {}

  /** SOP30200 (SOPTYPE 3) header with its SOP10107 tracking numbers. */
  public record ShipmentRow(String sopnumbe, String orignumb, String cstponbr, String shipmthd, Instant actlship,
      Instant docdate, String custnmbr, List<String> trackingNumbers, Instant dexRowTs) {}

  /** RM00102 row. */
  public record AddressRow(String adrscode, String cntcprsn, String shipToName, String address1, String address2,
      String address3, String city, String state, String zip, String country, String ccode, String phone1) {}

  /** RM00101 row with its RM00102 addresses and SY01200 e-mail. */
  public record CustomerRow(String custnmbr, String custname, String custclas, String cntcprsn, String adrscode,
      String phone1, String pymtrmid, Integer crlmttyp, BigDecimal crlmtamt, Integer hold, Integer inactive,
      String prbtadcd, String prstadcd, String email, List<AddressRow> addresses, Instant dexRowTs) {}
}
