package io.commercesync.core.flow.internal;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.Sink;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.OrderSink;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.OrderStatusSink;
import io.commercesync.core.spi.OrderStatusUpdate;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import io.commercesync.core.spi.Storefront;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OrdersToErp: new and changed storefront orders become ERP sales orders, once each.
 *
 * <p>Per order: skip states that must not reach the ERP (canceled, closed, awaiting payment, unknown);
 * resolve the ERP customer (cross-reference, e-mail, name + postal code, else create); map each line's
 * sku to an ERP item (unknown skus rejected when {@code strictSkus}), its stock location to an ERP site,
 * the shipping method, custom fields to user-defined fields and the store to a company; send it under
 * the key {@code <storefront>/order/<number>/erp-sales-order:<erp>}; optionally move the storefront
 * status once the ERP accepted it.
 */
public final class OrdersToErpFlow {

  private static final Logger LOG = LoggerFactory.getLogger(OrdersToErpFlow.class);

  /** States whose orders are not sent to the ERP. */
  static final Set<OrderStatus> NOT_SENT =
      Set.of(OrderStatus.CANCELED, OrderStatus.CLOSED, OrderStatus.PENDING_PAYMENT, OrderStatus.UNKNOWN);

  private OrdersToErpFlow() {}

  /** What must be equal for a second send of one order to count as the same sales order. */
  record OrderIdentity(String number, String currency, List<String> lines, String grandTotal) {}

  public static SyncFlow create(Storefront storefront, Erp erp, FlowOptions options) {
    OrderSource orders = storefront.require(OrderSource.class);
    OrderSink erpOrders = erp.require(OrderSink.class);
    CustomerStore erpCustomers = erp.require(CustomerStore.class);
    FlowMappings mappings = options.mappings();
    Optional<OrderStatusSink> statusSink = mappings.statusOnAccepted() == null ? Optional.empty()
        : Optional.of(storefront.require(OrderStatusSink.class));
    CustomerResolver customers = new CustomerResolver(storefront.system(), erp.system(), erpCustomers,
        options.store().crossReferences(), options.resilience());
    String name = "orders-to-erp:" + storefront.system() + ">" + erp.system();
    Sink<SalesOrderRequest> sink = statusSink.<Sink<SalesOrderRequest>>map(s ->
        new StatusWriteBack(erpOrders, s, mappings.statusOnAccepted(), storefront.system())).orElse(erpOrders);
    Pipeline<Order, SalesOrderRequest> pipeline = Pipeline.<Order, SalesOrderRequest>named(name)
        .source(FlowSource.of(orders, name))
        .map(order -> toRequest(order, storefront.system(), customers, mappings))
        .sink(sink)
        .keys((raw, request) -> IdempotencyKey.of(storefront.system(), "order", raw.key(), "erp-sales-order:" + erp.system()))
        .payloadIdentity(OrdersToErpFlow::identity)
        .store(options.store()).resilience(options.resilience()).concurrency(options.concurrency())
        .listener(options.listener()).clock(options.clock())
        .build();
    return new PipelineFlow(pipeline);
  }

  static OrderIdentity identity(SalesOrderRequest request) {
    Order o = request.order();
    List<String> lines = new ArrayList<>();
    for (SalesLine l : request.lines()) {
      OrderLine line = o.lines().stream().filter(x -> x.lineNumber() == l.lineNumber()).findFirst().orElseThrow();
      lines.add(l.itemNumber() + "x" + line.quantity().stripTrailingZeros().toPlainString() + "@"
          + line.unitPrice().amount().stripTrailingZeros().toPlainString());
    }
    return new OrderIdentity(o.number(), o.currency().getCurrencyCode(), lines,
        o.grandTotal().amount().stripTrailingZeros().toPlainString());
  }

  /** The sales-order request for {@code order}, or null when the order must not go to the ERP. */
  static SalesOrderRequest toRequest(Order order, SystemId storefront, CustomerResolver customers, FlowMappings m) {
    if (NOT_SENT.contains(order.status())) {
      LOG.debug("flow=orders order={} status={} sourceStatus={} not sent", order.number(), order.status(),
          order.sourceStatus());
      return null;
    }
    InvalidRecordException.Builder errors = InvalidRecordException.builder(storefront, "order").recordId(order.number());
    List<SalesLine> lines = new ArrayList<>();
    List<OrderLine> all = order.lines();
    for (OrderLine line : OrderLines.forErp(order)) {
      String path = "lines[" + all.indexOf(line) + "].sku";
      String item = m.skus().get(line.sku());
      if (item == null) {
        if (m.strictSkus()) {
          errors.violation(FieldViolation.of(path, FieldViolation.RULE_UNKNOWN_REFERENCE, line.sku(),
              "no ERP item is mapped for this sku (add it to mappings.skus)"));
          continue;
        }
        item = line.sku();
      }
      lines.add(new SalesLine(line.lineNumber(), item, site(line, m), line.unitOfMeasure()));
    }
    errors.throwIfAny();
    Map<String, String> udf = new LinkedHashMap<>();
    m.userDefinedFields().forEach((code, erpField) -> {
      String value = order.attributes().get(code);
      if (value != null) {
        udf.put(erpField, value);
      }
    });
    String shipVia = order.shippingMethod() == null ? null : m.shippingMethods().get(order.shippingMethod());
    String company = order.storeCode() == null ? null : m.companies().get(order.storeCode());
    String customerId = customers.erpCustomerId(order);
    return new SalesOrderRequest(order, customerId, lines, shipVia, udf, company);
  }

  private static String site(OrderLine line, FlowMappings m) {
    if (line.location() != null && m.orderSites().containsKey(line.location())) {
      return m.orderSites().get(line.location());
    }
    if (m.defaultSite() != null) {
      return m.defaultSite();
    }
    return m.orderSites().isEmpty() ? line.location() : null;
  }

  /**
   * The ERP order sink that, once the ERP holds the order (written now or found by lookup), moves the
   * storefront order's status. The status write has its own idempotency key; if it fails the record is
   * retried, the lookup finds the ERP order, and only the status is written again.
   */
  static final class StatusWriteBack implements Sink<SalesOrderRequest> {
    private final OrderSink erpOrders;
    private final OrderStatusSink status;
    private final String statusCode;
    private final SystemId storefront;

    StatusWriteBack(OrderSink erpOrders, OrderStatusSink status, String statusCode, SystemId storefront) {
      this.erpOrders = erpOrders;
      this.status = status;
      this.statusCode = statusCode;
      this.storefront = storefront;
    }

    @Override
    public SystemId system() {
      return erpOrders.system();
    }

    @Override
    public WriteResult write(SalesOrderRequest record, IdempotencyKey key) {
      WriteResult result = erpOrders.write(record, key);
      moveStatus(record, key, result.remoteId());
      return result;
    }

    @Override
    public Optional<WriteResult> lookup(SalesOrderRequest record, IdempotencyKey key) {
      Optional<WriteResult> found = erpOrders.lookup(record, key);
      found.ifPresent(r -> moveStatus(record, key, r.remoteId()));
      return found;
    }

    private void moveStatus(SalesOrderRequest record, IdempotencyKey key, String erpId) {
      Order order = record.order();
      OrderStatusUpdate update = new OrderStatusUpdate(order.number(),
          order.ref(storefront).map(r -> r.id()).orElse(null), OrderStatus.PROCESSING, statusCode,
          "Accepted by " + erpOrders.system() + " as " + erpId, false);
      IdempotencyKey statusKey = new IdempotencyKey(key.value() + "/status:" + statusCode);
      if (status.lookup(update, statusKey).isEmpty()) {
        status.write(update, statusKey);
      }
    }
  }
}
