package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * {@code <RMCashReceiptsType>} (plural "Receipts", reference §2): one cash receipt
 * ({@code taRMCashReceiptInsert}, RM10201). Applying it to an invoice is a separate document.
 *
 * <pre>{@code
 * RmCashReceiptsType receipt = RmCashReceiptsType.of(null, TaRmCashReceiptInsert.builder()
 *     .custnmbr("WEBJSMITH0001").docnumbr("PMT100045871").cshrctyp(2).crcardid("VISA").build());
 * }</pre>
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RMCashReceiptsType", propOrder = {"processInfo", "receipt"})
public final class RmCashReceiptsType implements EConnectTransaction {

  /** The element name. */
  public static final String TYPE = "RMCashReceiptsType";

  @XmlElement(name = "eConnectProcessInfo")
  private EConnectProcessInfo processInfo;

  @XmlElement(name = "taRMCashReceiptInsert")
  private TaRmCashReceiptInsert receipt;

  private RmCashReceiptsType() {}

  /** A cash receipt transaction. */
  public static RmCashReceiptsType of(EConnectProcessInfo processInfo, TaRmCashReceiptInsert receipt) {
    RmCashReceiptsType t = new RmCashReceiptsType();
    t.processInfo = processInfo;
    t.receipt = receipt;
    return t;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public EConnectProcessInfo processInfo() {
    return processInfo;
  }

  /** {@code taRMCashReceiptInsert}. */
  public TaRmCashReceiptInsert receipt() {
    return receipt;
  }

  @Override
  public String documentKey() {
    return receipt == null ? null : receipt.docnumbr();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RmCashReceiptsType that
        && Objects.equals(processInfo, that.processInfo) && Objects.equals(receipt, that.receipt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentKey());
  }

  @Override
  public String toString() {
    return TYPE + "[DOCNUMBR=" + documentKey() + "]";
  }
}
