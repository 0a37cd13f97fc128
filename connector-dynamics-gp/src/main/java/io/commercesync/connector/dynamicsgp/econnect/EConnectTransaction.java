package io.commercesync.connector.dynamicsgp.econnect;

/**
 * One transaction type node of an {@code <eConnect>} document: {@code SOPTransactionType},
 * {@code RMCustomerMasterType}, {@code IVItemMasterType}, {@code RMCashReceiptsType}, {@code RMApplyType},
 * {@code RMTransactionType} or {@code GLTransactionType}. Each runs in its own SQL transaction: when a document
 * holds several, one that fails is rolled back alone and can be re-sent alone.
 *
 * <pre>{@code
 * EConnectTransaction tx = doc.transactions().get(0);
 * String key = tx.messageId();        // CommerceSync's idempotency key, in eConnectProcessInfo/MessageID
 * String gpKey = tx.documentKey();    // SOPNUMBE, CUSTNMBR, ITEMNMBR, DOCNUMBR or JRNENTRY
 * }</pre>
 */
public sealed interface EConnectTransaction
    permits SopTransactionType, RmCustomerMasterType, IvItemMasterType, RmCashReceiptsType, RmApplyType,
        RmTransactionType, GlTransactionType {

  /** The element name, e.g. {@code SOPTransactionType}. */
  String typeName();

  /** The processing information, or null when none is sent. */
  EConnectProcessInfo processInfo();

  /**
   * GP's key of the document: SOPNUMBE, CUSTNMBR, ITEMNMBR, DOCNUMBR (cash receipts, RM documents), JRNENTRY,
   * or for an application {@code APFRDCNM -> APTODCNM}; null when missing.
   */
  String documentKey();

  /** {@code eConnectProcessInfo/MessageID}, or null. */
  default String messageId() {
    return processInfo() == null ? null : processInfo().messageId();
  }
}
