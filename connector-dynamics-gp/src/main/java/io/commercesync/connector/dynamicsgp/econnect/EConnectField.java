package io.commercesync.connector.dynamicsgp.econnect;

import java.math.BigDecimal;

/** How the generated nodes describe their fields to {@link EConnectValidator}. */
final class EConnectField {

  private EConnectField() {}

  /** What a field holds, and so which rules apply. */
  enum Kind {
    /** A key CommerceSync mints (CUSTNMBR, SOPNUMBE, DOCNUMBR, BACHNUMB): upper case, {@code [A-Z0-9./-]}. */
    ID,
    /** An id of GP setup or master data (DOCID, ITEMNMBR, SHIPMTHD, CURNCYID…): upper case, printable ASCII. */
    CODE,
    /** Free text in a GP {@code char} column (code page 1252). */
    TEXT,
    /** An amount: numeric(19,5), at most the currency's decimals. */
    AMT,
    /** A quantity: numeric(19,5), at most the item's decimals. */
    QTY,
    /** Another numeric(19,5). */
    DEC,
    /** smallint, int or tinyint. */
    INT,
    /** A datetime (date part only). */
    DATE
  }

  /** Receives one field of a node. */
  @FunctionalInterface
  interface Visitor {
    void field(String element, Kind kind, int maxLength, boolean required, Object value);
  }

  /** Numeric equality ignoring scale: {@code 24.5} and {@code 24.50} are the same amount. */
  static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
