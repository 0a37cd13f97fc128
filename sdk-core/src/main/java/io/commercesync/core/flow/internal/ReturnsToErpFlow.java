package io.commercesync.core.flow.internal;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.ReturnSink;
import io.commercesync.core.spi.ReturnSource;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.Storefront;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ReturnsToErp: storefront refunds and credit memos become ERP returns (GP SOP type 4, SL credit memo order;
 * money-only refunds GP RM and SL AR credit memos)
 * for the customer of the original order, each returned sku mapped to its ERP item and the site the
 * original line shipped from.
 */
public final class ReturnsToErpFlow {

  private ReturnsToErpFlow() {}

  public static SyncFlow create(Storefront storefront, Erp erp, FlowOptions o) {
    OrderSource orders = storefront.require(OrderSource.class);
    CustomerResolver customers = new CustomerResolver(storefront.system(), erp.system(),
        erp.require(CustomerStore.class), o.store().crossReferences(), o.resilience());
    FlowMappings m = o.mappings();
    String name = "returns-to-erp:" + storefront.system() + ">" + erp.system();
    return new PipelineFlow(Pipeline.<Return, ReturnRequest>named(name)
        .source(FlowSource.of(storefront.require(ReturnSource.class), name))
        .map(ret -> {
          Optional<RawRecord> raw = o.resilience().call(storefront.system(), () -> orders.fetch(ret.orderNumber()));
          if (raw.isEmpty()) {
            throw InvalidRecordException.of(storefront.system(), "return", ret.number(), FieldViolation.of(
                "orderNumber", FieldViolation.RULE_UNKNOWN_REFERENCE, ret.orderNumber(), "the refunded order was not found"));
          }
          Order order = orders.decode(raw.get());
          String company = order.storeCode() == null ? null : m.companies().get(order.storeCode());
          List<SalesLine> lines = lines(ret, order, m, storefront.system());
          return new ReturnRequest(ret, customers.erpCustomerId(order), lines, company);
        })
        .sink(erp.require(ReturnSink.class))
        .keys((raw, r) -> IdempotencyKey.of(storefront.system(), "return", raw.key(), "erp-return:" + erp.system()))
        .store(o.store()).resilience(o.resilience()).concurrency(o.concurrency()).listener(o.listener())
        .clock(o.clock()).build());
  }

  static List<SalesLine> lines(Return ret, Order order, FlowMappings m, io.commercesync.core.model.SystemId storefront) {
    List<SalesLine> out = new ArrayList<>();
    InvalidRecordException.Builder errors = InvalidRecordException.builder(storefront, "return").recordId(ret.number());
    for (int i = 0; i < ret.lines().size(); i++) {
      ReturnLine line = ret.lines().get(i);
      String item = m.skus().get(line.sku());
      if (item == null) {
        if (m.strictSkus()) {
          // as for orders: an unknown sku is refused with the setting to add, never sent as an item number
          errors.violation(FieldViolation.of("lines[" + i + "].sku", FieldViolation.RULE_UNKNOWN_REFERENCE, line.sku(),
              "no ERP item is mapped for this sku (add it to mappings.skus)"));
          continue;
        }
        item = line.sku();
      }
      Optional<OrderLine> original = order.lines().stream()
          .filter(l -> line.orderLineId() != null ? line.orderLineId().equals(l.sourceLineId()) : l.sku().equals(line.sku()))
          .findFirst();
      String location = original.map(OrderLine::location).orElse(null);
      String site = location != null && m.orderSites().containsKey(location) ? m.orderSites().get(location)
          : m.defaultSite() != null ? m.defaultSite() : location;
      out.add(new SalesLine(line.lineNumber(), item, site, original.map(OrderLine::unitOfMeasure).orElse(null)));
    }
    errors.throwIfAny();
    return out;
  }
}
