package io.commercesync.connector.dynamicssl;

import io.commercesync.connector.dynamicssl.internal.capability.SlSources;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStanding;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.InventorySource;
import io.commercesync.core.spi.InvoiceSource;
import io.commercesync.core.spi.ItemSource;
import io.commercesync.core.spi.JournalSink;
import io.commercesync.core.spi.OrderSink;
import io.commercesync.core.spi.PaymentSink;
import io.commercesync.core.spi.PriceQuote;
import io.commercesync.core.spi.PriceSource;
import io.commercesync.core.spi.RealtimeLookup;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.ReturnSink;
import io.commercesync.core.spi.SalesOrderRequest;
import io.commercesync.core.spi.ShipmentSource;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Dynamics SL as an {@link Erp}: sales orders, credit memos (returns), customers, AR payments and GL batches through the REST
 * layer ({@link SlClient}); shippers, stock, items, prices and invoices through read-only SQL polling
 * ({@link SlPolling}, optional); live prices, stock and customer standing.
 *
 * <pre>{@code
 * SlConnector sl = SlConnector.builder()
 *     .client(slClient)                 // company 0060 by default; requests may name another CpnyID
 *     .polling(slPolling)               // optional: enables the Source capabilities
 *     .build();
 * OrderSink orders = sl.require(OrderSink.class);
 * Optional<ShipmentSource> shipments = sl.capability(ShipmentSource.class);
 * }</pre>
 *
 * <p>Capabilities: always {@link OrderSink} (look-up by {@code CustID} + {@code CustOrdNbr} +
 * {@code SOTypeID}), {@link ReturnSink} (storefront credit memos with returned lines as sales orders of the
 * credit-memo order type, default {@code CM}, look-up by {@code CustID} + {@code CustOrdNbr} + {@code SOTypeID};
 * money-only refunds as AR credit memos, {@code ARDoc} {@code CM} + {@code ARTran}, when
 * {@link SlClient.Builder#creditMemoAccounts creditMemoAccounts} are configured, look-up by {@code CustId} +
 * {@code CM} + {@code RefNbr}; the company is the request's {@code CpnyID}), {@link CustomerStore} ({@link CustomerStore#changes()} needs polling), {@link PaymentSink} (ARDoc
 * {@code PA}, look-up by {@code RefNbr}), {@link JournalSink} (Batch + GLTran, look-up by
 * {@code ExtRefNbr}), {@link RealtimeLookup}; with polling also {@link ShipmentSource},
 * {@link InventorySource}, {@link ItemSource}, {@link PriceSource} and {@link InvoiceSource}. Sources
 * poll the client's default company; build one connector per company ({@link SlClient#toBuilder()})
 * for others.
 */
public final class SlConnector implements Erp {

  private final SlClient client;
  private final SlPolling polling;
  private final Map<Class<?>, Object> capabilities = new LinkedHashMap<>();

  private SlConnector(SlClient client, SlPolling polling) {
    this.client = client;
    this.polling = polling;
    capabilities.put(OrderSink.class, new Orders());
    capabilities.put(ReturnSink.class, new Returns());
    capabilities.put(CustomerStore.class, new Customers());
    capabilities.put(PaymentSink.class, new Payments());
    capabilities.put(JournalSink.class, new Journals());
    capabilities.put(RealtimeLookup.class, new Lookup());
    if (polling != null) {
      String cpny = client.company();
      capabilities.put(ShipmentSource.class, new SlSources.Shipments(polling.shipments(cpny), this::fetchShipper));
      capabilities.put(InventorySource.class, new SlSources.Inventory(polling.inventory(cpny)));
      capabilities.put(ItemSource.class, new SlSources.Items(polling.items()));
      capabilities.put(PriceSource.class, new SlSources.Prices(polling.prices()));
      capabilities.put(InvoiceSource.class, new SlSources.Invoices(polling.invoices(cpny)));
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public SystemId system() {
    return SystemId.DYNAMICS_SL;
  }

  @Override
  public <C> Optional<C> capability(Class<C> type) {
    return Optional.ofNullable(capabilities.get(type)).map(type::cast);
  }

  /** The REST client. */
  public SlClient client() {
    return client;
  }

  /** The SQL polling, if configured. */
  public Optional<SlPolling> polling() {
    return Optional.ofNullable(polling);
  }

  private Optional<RawRecord> fetchShipper(String key) {
    // keys are CpnyID/ShipperID, as the polled records carry them
    int slash = key.indexOf('/');
    String cpny = slash < 0 ? client.company() : key.substring(0, slash);
    String shipperId = slash < 0 ? key : key.substring(slash + 1);
    return client.shipperDocument(cpny, shipperId)
        .map(bytes -> RawRecord.json(cpny + "/" + shipperId, Cursor.START, "shipment", bytes));
  }

  private final class Orders implements OrderSink {
    @Override
    public SystemId system() {
      return SystemId.DYNAMICS_SL;
    }

    @Override
    public WriteResult write(SalesOrderRequest request, IdempotencyKey key) {
      return WriteResult.created(client.createSalesOrder(request, key));
    }

    @Override
    public Optional<WriteResult> lookup(SalesOrderRequest request, IdempotencyKey key) {
      // the order's type too: a storefront credit memo may carry the same number (entered as a CM order)
      List<Order> found = client.findSalesOrders(request.company(), request.customerId(), request.order().number(),
          client.orderType(request));
      return found.stream().findFirst()
          .flatMap(o -> o.ref(SystemId.DYNAMICS_SL))
          .map(ref -> WriteResult.alreadyApplied(ref.id()));
    }
  }

  /**
   * Storefront credit memos: with returned lines as credit memo orders (look-up by {@code CustID} +
   * {@code CustOrdNbr} + {@code SOTypeID}), without lines (money only) as AR credit memos (look-up by
   * {@code CustId} + {@code DocType} {@code CM} + the {@code RefNbr} derived from the credit memo number).
   */
  private final class Returns implements ReturnSink {
    @Override
    public SystemId system() {
      return SystemId.DYNAMICS_SL;
    }

    @Override
    public WriteResult write(ReturnRequest request, IdempotencyKey key) {
      if (!request.ret().lines().isEmpty()) {
        return WriteResult.created(client.createCreditMemo(request, key));
      }
      try {
        return WriteResult.created(client.createArCreditMemo(request, key));
      } catch (DuplicateDetectedException e) {
        // SL holds a CM under this RefNbr already: this refund, entered by an attempt whose answer was lost —
        // or, should an SL-numbered document carry the same number, another one, which must not swallow it
        String refNbr = client.arCreditMemoRefNbr(request);
        if (existingArCreditMemo(request).isPresent()) {
          throw new DuplicateDetectedException(SystemId.DYNAMICS_SL, "AR credit memo", refNbr, refNbr);
        }
        throw notThisRefund(request, refNbr, null);
      }
    }

    @Override
    public Optional<WriteResult> lookup(ReturnRequest request, IdempotencyKey key) {
      if (!request.ret().lines().isEmpty()) {
        return client.findCreditMemos(request.company(), request.customerId(), request.ret().number()).stream()
            .findFirst().map(WriteResult::alreadyApplied);
      }
      return existingArCreditMemo(request).map(cm -> WriteResult.alreadyApplied(cm.refNbr()));
    }

    /**
     * The AR credit memo SL holds under the {@code RefNbr} of {@code request}, if any; refused when it is not this
     * refund's (the connector enters its own with the storefront order in {@code CustOrdNbr}).
     */
    private Optional<SlArCreditMemo> existingArCreditMemo(ReturnRequest request) {
      String refNbr = client.arCreditMemoRefNbr(request);
      Optional<SlArCreditMemo> found = client.findArCreditMemo(request.company(), request.customerId(), refNbr);
      if (found.isPresent() && (found.get().custOrdNbr() == null
          || !found.get().custOrdNbr().equalsIgnoreCase(request.ret().orderNumber().strip()))) {
        throw notThisRefund(request, refNbr, found.get());
      }
      return found;
    }

    private InvalidRecordException notThisRefund(ReturnRequest request, String refNbr, SlArCreditMemo found) {
      String held = found == null ? "refused RefNbr '" + refNbr + "' as a duplicate, but holds no AR credit memo"
          + " with it for this customer and company"
          : "already holds AR credit memo RefNbr '" + refNbr + "' of CustId '" + found.custId() + "' for another"
              + " storefront order (CustOrdNbr '" + (found.custOrdNbr() == null ? "" : found.custOrdNbr()) + "')";
      return InvalidRecordException.of(SystemId.DYNAMICS_SL, "credit memo", request.ret().number(),
          FieldViolation.of("/ARDoc/RefNbr", FieldViolation.RULE_CONSISTENCY, refNbr, "SL " + held
              + ", so this refund of order " + request.ret().orderNumber() + " cannot be entered under the RefNbr its"
              + " number gives; enter it in SL by hand"));
    }
  }

  private final class Customers implements CustomerStore {
    @Override
    public SystemId system() {
      return SystemId.DYNAMICS_SL;
    }

    @Override
    public WriteResult write(Customer customer, IdempotencyKey key) {
      Optional<ExternalRef> ref = customer.ref(SystemId.DYNAMICS_SL);
      if (ref.isPresent()) {
        if (client.customer(ref.get().id()).isPresent()) {
          client.updateCustomer(customer, ref.get().id(), key);
          return WriteResult.updated(ref.get().id());
        }
        client.createCustomer(customer, ref.get().id(), key);
        return WriteResult.created(ref.get().id());
      }
      String custId = SlCustomerIds.candidate(customer, 0);
      client.createCustomer(customer, custId, key);
      return WriteResult.created(custId);
    }

    @Override
    public Optional<WriteResult> lookup(Customer customer, IdempotencyKey key) {
      String custId = customer.ref(SystemId.DYNAMICS_SL).map(ExternalRef::id)
          .orElse(SlCustomerIds.candidate(customer, 0));
      return client.customer(custId)
          .filter(found -> customer.email() == null || customer.email().equalsIgnoreCase(found.email()))
          .map(found -> WriteResult.alreadyApplied(custId));
    }

    @Override
    public Optional<Customer> findById(String id) {
      return client.customer(id);
    }

    @Override
    public List<Customer> search(CustomerQuery query) {
      return client.searchCustomers(query);
    }

    @Override
    public Source<Customer> changes() {
      if (polling == null) {
        throw ConfigurationException.of(SystemId.DYNAMICS_SL, "polling",
            "customer changes are read by SQL polling: configure SlConnector.builder().polling(...)");
      }
      return new SlSources.Customers(polling.customers());
    }
  }

  private final class Payments implements PaymentSink {
    @Override
    public SystemId system() {
      return SystemId.DYNAMICS_SL;
    }

    @Override
    public WriteResult write(CashReceipt receipt, IdempotencyKey key) {
      try {
        return WriteResult.created(client.postPayment(receipt, key));
      } catch (DuplicateDetectedException e) {
        throw new DuplicateDetectedException(SystemId.DYNAMICS_SL, "AR payment", client.paymentRefNbr(receipt),
            client.paymentRefNbr(receipt));
      }
    }

    @Override
    public Optional<WriteResult> lookup(CashReceipt receipt, IdempotencyKey key) {
      String refNbr = client.paymentRefNbr(receipt);
      return client.paymentExists(receipt.company(), receipt.customerId(), refNbr)
          ? Optional.of(WriteResult.alreadyApplied(refNbr)) : Optional.empty();
    }
  }

  private final class Journals implements JournalSink {
    @Override
    public SystemId system() {
      return SystemId.DYNAMICS_SL;
    }

    @Override
    public WriteResult write(JournalEntry entry, IdempotencyKey key) {
      return WriteResult.created(client.postJournal(entry, null, key));
    }

    @Override
    public Optional<WriteResult> lookup(JournalEntry entry, IdempotencyKey key) {
      return client.findJournal(null, entry.reference()).map(WriteResult::alreadyApplied);
    }
  }

  private final class Lookup implements RealtimeLookup {
    @Override
    public PriceQuote price(String customerId, String sku, BigDecimal quantity) {
      var price = client.basePrice(sku).orElseThrow(() -> io.commercesync.core.error.InvalidRecordException.of(
          SystemId.DYNAMICS_SL, "item", sku, io.commercesync.core.error.FieldViolation.of("InvtID",
              io.commercesync.core.error.FieldViolation.RULE_UNKNOWN_REFERENCE, sku, "no such SL item")));
      return new PriceQuote(customerId, sku, quantity, price.amount(), null, client.clock().instant());
    }

    @Override
    public List<InventoryLevel> stock(String sku) {
      return client.stock(sku, null);
    }

    @Override
    public CustomerStanding standing(String customerId) {
      Customer c = client.customer(customerId).orElseThrow(() -> io.commercesync.core.error.InvalidRecordException.of(
          SystemId.DYNAMICS_SL, "customer", customerId, io.commercesync.core.error.FieldViolation.of("CustId",
              io.commercesync.core.error.FieldViolation.RULE_UNKNOWN_REFERENCE, customerId, "no such SL customer")));
      Money balance = client.openBalance(customerId, null);
      Money limit = c.creditLimit();
      if (limit != null && !limit.currency().equals(balance.currency())) {
        limit = null;
      }
      return new CustomerStanding(customerId, c.onHold(), limit, balance, client.clock().instant());
    }
  }

  @Override
  public String toString() {
    return "SlConnector[" + client + ", polling=" + (polling != null) + ", capabilities="
        + capabilities.keySet().stream().map(Class::getSimpleName).toList() + "]";
  }

  /** Builds an {@link SlConnector}. Not thread-safe. */
  public static final class Builder {
    private SlClient client;
    private SlPolling polling;

    private Builder() {}

    /** The REST client (required). */
    public Builder client(SlClient client) {
      this.client = client;
      return this;
    }

    /** SQL change polling (optional; enables the Source capabilities). */
    public Builder polling(SlPolling polling) {
      this.polling = polling;
      return this;
    }

    public SlConnector build() {
      if (client == null) {
        throw ConfigurationException.of(SystemId.DYNAMICS_SL, "client", "is required");
      }
      if (polling != null && !Objects.equals(polling.serverZone(), client.serverZone())) {
        throw ConfigurationException.of(SystemId.DYNAMICS_SL, "polling.serverZone",
            "must equal the client's serverZone " + client.serverZone() + " (was " + polling.serverZone() + ")");
      }
      return new SlConnector(client, polling);
    }
  }
}
