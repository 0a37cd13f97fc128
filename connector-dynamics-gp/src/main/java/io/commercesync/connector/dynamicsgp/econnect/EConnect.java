package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code <eConnect>} document: one or more transaction types, each run in its own SQL transaction.
 * Keep one business operation per transaction type.
 *
 * <pre>{@code
 * EConnect doc = EConnect.of(sopTransaction);
 * byte[] xml = EConnectCodec.shared().write(doc);      // validated, then serialised
 * }</pre>
 */
@XmlRootElement(name = "eConnect")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "eConnect")
public final class EConnect {

  @XmlElements({
    @XmlElement(name = "SOPTransactionType", type = SopTransactionType.class),
    @XmlElement(name = "RMCustomerMasterType", type = RmCustomerMasterType.class),
    @XmlElement(name = "IVItemMasterType", type = IvItemMasterType.class),
    @XmlElement(name = "RMCashReceiptsType", type = RmCashReceiptsType.class),
    @XmlElement(name = "RMApplyType", type = RmApplyType.class),
    @XmlElement(name = "RMTransactionType", type = RmTransactionType.class),
    @XmlElement(name = "GLTransactionType", type = GlTransactionType.class)
  })
  private List<EConnectTransaction> transactions;

  private EConnect() {}

  /** A document holding {@code transactions}, in order. */
  public static EConnect of(List<? extends EConnectTransaction> transactions) {
    EConnect doc = new EConnect();
    doc.transactions = new ArrayList<>(transactions);
    return doc;
  }

  /** A document holding {@code transactions}, in order. */
  public static EConnect of(EConnectTransaction... transactions) {
    return of(List.of(transactions));
  }

  /** The transaction types, in document order. */
  public List<EConnectTransaction> transactions() {
    return SopTransactionType.view(transactions);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EConnect that && transactions().equals(that.transactions());
  }

  @Override
  public int hashCode() {
    return transactions().hashCode();
  }

  @Override
  public String toString() {
    return "eConnect" + transactions();
  }
}
