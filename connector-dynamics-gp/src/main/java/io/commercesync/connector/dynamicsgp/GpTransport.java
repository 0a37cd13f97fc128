package io.commercesync.connector.dynamicsgp;

import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.connector.dynamicsgp.polling.GpRow;
import java.util.List;
import java.util.Map;

/**
 * How CommerceSync reaches one GP company database. Two implementations ship: {@link AgentTransport} (HTTPS
 * to the on-premise agent, for GP behind a firewall) and {@link JdbcEconnectTransport} (straight to the
 * eConnect procedures over JDBC). {@link GpConnector} holds one per company.
 *
 * <p>{@link #submit} runs each transaction type of the document in its own SQL transaction and reports each
 * one's outcome, so a failed transaction can be re-sent alone. Failures of the transport itself (GP or the
 * agent unreachable) are thrown as retryable {@link io.commercesync.core.error.RemoteSystemException}s.
 *
 * <pre>{@code
 * try (GpTransport gp = JdbcEconnectTransport.builder().company("TWO").url(url).user("sa").password(pw).build()) {
 *   SubmitResult result = gp.submit(EConnect.of(order), "magento/order/100045871/erp-sales-order");
 *   List<GpRow> rows = gp.query(GpQuery.SALES_DOCUMENTS_BY_PO, Map.of("soptype", 2, "cstponbr", "WEB-100045871"));
 * }
 * }</pre>
 */
public interface GpTransport extends AutoCloseable {

  /** The GP company database this transport writes to, e.g. {@code TWO}. */
  String company();

  /**
   * Submits {@code document}; {@code documentKey} identifies it for de-duplication (the agent never executes
   * a transaction it already applied under the same key).
   */
  SubmitResult submit(EConnect document, String documentKey);

  /** Runs the read-only {@code query} with {@code parameters}. */
  List<GpRow> query(GpQuery query, Map<String, ?> parameters);

  /** The next journal entry number ({@code taGetNextJournalEntry}). */
  int nextJournalEntry();

  @Override
  default void close() {}
}
