package io.commercesync.connector.clarity.internal.api;

import io.commercesync.connector.clarity.ClarityDialect;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CatalogUpdate;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.OrderStatusUpdate;
import io.commercesync.core.spi.StockUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the capabilities need from Clarity, in canonical terms. {@link CefApi} speaks the native API,
 * {@link V1Api} the {@code /api/v1} contract; the capabilities do not know which.
 */
public interface ClarityApi {

  ClarityDialect dialect();

  /** Orders changed at or after {@code since} (all when null), page {@code page} (1-based), oldest first. */
  RawPage orders(Instant since, int page);

  /** The order with number {@code key}, as read. */
  Optional<RawEntry> order(String key);

  Order decodeOrder(byte[] payload);

  /**
   * Returns (refunds) changed at or after {@code since} (all when null), page {@code page}, oldest first,
   * whatever their status; each payload is what {@link #decodeReturn} and {@link #returnStatus} read.
   */
  RawPage returns(Instant since, int page);

  /** The return with number {@code key} (native {@code CustomKey} or {@code ID}, v1 {@code returnNumber} or {@code returnId}). */
  Optional<RawEntry> salesReturn(String key);

  /** The raw status of a return payload (native {@code StatusKey}, else {@code StatusName}; v1 {@code status}), or null. */
  String returnStatus(byte[] payload);

  /** Decodes a return payload; errors name the return {@code key} and the field. */
  Return decodeReturn(String key, byte[] payload);

  /** Customers changed at or after {@code since}, page {@code page}, oldest first. */
  RawPage customers(Instant since, int page);

  /** The customer with Clarity id {@code id}, as read. */
  Optional<RawEntry> customer(String id);

  Customer decodeCustomer(byte[] payload);

  List<Customer> searchCustomers(CustomerQuery query);

  WriteResult writeCustomer(Customer customer, IdempotencyKey key);

  Optional<WriteResult> lookupCustomer(Customer customer);

  Optional<Item> product(String sku);

  WriteResult writeProduct(CatalogUpdate update, IdempotencyKey key);

  Optional<WriteResult> lookupProduct(CatalogUpdate update);

  WriteResult writeBasePrice(Price price, IdempotencyKey key);

  Optional<WriteResult> lookupBasePrice(Price price);

  int stockBatchSize();

  List<BatchSink.BatchOutcome> writeStock(List<BatchSink.Keyed<StockUpdate>> batch);

  Optional<WriteResult> lookupStock(StockUpdate update);

  WriteResult writeShipment(Shipment shipment, IdempotencyKey key);

  Optional<WriteResult> lookupShipment(Shipment shipment, IdempotencyKey key);

  WriteResult writeInvoice(Invoice invoice, IdempotencyKey key);

  Optional<WriteResult> lookupInvoice(Invoice invoice);

  WriteResult writeStatus(OrderStatusUpdate update, IdempotencyKey key);

  Optional<WriteResult> lookupStatus(OrderStatusUpdate update);
}
