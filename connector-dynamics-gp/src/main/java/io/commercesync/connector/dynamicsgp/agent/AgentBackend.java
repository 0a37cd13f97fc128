package io.commercesync.connector.dynamicsgp.agent;

import io.commercesync.connector.dynamicsgp.JdbcEconnectTransport;
import io.commercesync.connector.dynamicsgp.TransactionResult;
import io.commercesync.connector.dynamicsgp.econnect.EConnectTransaction;
import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.connector.dynamicsgp.polling.GpRow;
import java.util.List;
import java.util.Map;

/**
 * What the agent executes against, per company: normally {@link #jdbc(JdbcEconnectTransport)}.
 *
 * <pre>{@code
 * AgentBackend two = AgentBackend.jdbc(JdbcEconnectTransport.builder().company("TWO").url(url)...build());
 * }</pre>
 */
public interface AgentBackend {

  /**
   * Executes one transaction in its own SQL transaction.
   *
   * @throws JdbcEconnectTransport.Unavailable when GP cannot be reached (the agent keeps it queued)
   */
  TransactionResult execute(EConnectTransaction transaction, String key);

  /** Runs a named read-only query. */
  List<GpRow> query(GpQuery query, Map<String, ?> parameters);

  /** {@code taGetNextJournalEntry}. */
  int nextJournalEntry();

  /** A backend running on {@code transport}. */
  static AgentBackend jdbc(JdbcEconnectTransport transport) {
    return new AgentBackend() {
      @Override
      public TransactionResult execute(EConnectTransaction transaction, String key) {
        return transport.execute(transaction, key);
      }

      @Override
      public List<GpRow> query(GpQuery query, Map<String, ?> parameters) {
        return transport.query(query, parameters);
      }

      @Override
      public int nextJournalEntry() {
        return transport.nextJournalEntry();
      }
    };
  }
}
