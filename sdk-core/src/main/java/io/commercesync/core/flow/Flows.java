package io.commercesync.core.flow;

import io.commercesync.core.flow.internal.CompositeFlow;
import io.commercesync.core.flow.internal.CustomerFlows;
import io.commercesync.core.flow.internal.ErpToStorefrontFlows;
import io.commercesync.core.flow.internal.OrdersToErpFlow;
import io.commercesync.core.flow.internal.PaymentsToErpFlow;
import io.commercesync.core.flow.internal.ReturnsToErpFlow;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.Storefront;
import java.util.List;

/**
 * The ready-made flows, written once against the capability interfaces, so each runs for every
 * storefront/ERP pair (Magento→GP, Magento→SL, Clarity→GP, Clarity→SL). Each factory checks at once
 * that the two connectors offer what the flow needs and fails with a
 * {@link io.commercesync.core.error.ConfigurationException} naming the missing capability.
 *
 * <pre>{@code
 * FlowOptions options = FlowOptions.builder().mappings(mappings).store(store).resilience(resilience).build();
 * SyncFlow orders = Flows.ordersToErp(magento, gp, options);
 * SyncFlow stock = Flows.inventoryToStorefront(gp, magento, options);
 * orders.runOnce();
 * stock.schedule(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>What each flow reads, writes and promises is documented in {@code docs/flows.md} and
 * {@code docs/catalog-and-inventory.md}.
 */
public final class Flows {

  private Flows() {}

  /** Storefront orders → ERP sales orders (customer resolved or created first), once each. */
  public static SyncFlow ordersToErp(Storefront storefront, Erp erp, FlowOptions options) {
    return OrdersToErpFlow.create(storefront, erp, options);
  }

  /** Storefront customers → ERP customers, de-duplicated and cross-referenced. */
  public static SyncFlow customersToErp(Storefront storefront, Erp erp, FlowOptions options) {
    return CustomerFlows.toErp(storefront, erp, options);
  }

  /** ERP customers → storefront customers, de-duplicated and cross-referenced. */
  public static SyncFlow customersToStorefront(Erp erp, Storefront storefront, FlowOptions options) {
    return CustomerFlows.toStorefront(erp, storefront, options);
  }

  /** Both customer directions, storefront → ERP first. */
  public static SyncFlow customersBothWays(Storefront storefront, Erp erp, FlowOptions options) {
    return new CompositeFlow("customers:" + storefront.system() + "<>" + erp.system(),
        List.of(customersToErp(storefront, erp, options), customersToStorefront(erp, storefront, options)));
  }

  /** Captured storefront payments → ERP cash receipts (and GL entries for processor fees). */
  public static SyncFlow paymentsToErp(Storefront storefront, Erp erp, FlowOptions options) {
    return PaymentsToErpFlow.create(storefront, erp, options);
  }

  /** ERP shipments with tracking numbers → storefront shipments. */
  public static SyncFlow fulfillmentToStorefront(Erp erp, Storefront storefront, FlowOptions options) {
    return ErpToStorefrontFlows.fulfillment(erp, storefront, options);
  }

  /** Posted ERP invoices with their balance due → storefront invoices. */
  public static SyncFlow invoicesToStorefront(Erp erp, Storefront storefront, FlowOptions options) {
    return ErpToStorefrontFlows.invoices(erp, storefront, options);
  }

  /** Storefront refunds / credit memos → ERP returns. */
  public static SyncFlow returnsToErp(Storefront storefront, Erp erp, FlowOptions options) {
    return ReturnsToErpFlow.create(storefront, erp, options);
  }

  /** ERP items → storefront products, ERP-owned fields only; new products created disabled. */
  public static SyncFlow catalogToStorefront(Erp erp, Storefront storefront, FlowOptions options) {
    return catalogToStorefront(erp, storefront, options, true, ItemStatus.INACTIVE);
  }

  /** ERP items → storefront products, choosing whether and how new products are created. */
  public static SyncFlow catalogToStorefront(Erp erp, Storefront storefront, FlowOptions options,
      boolean createMissing, ItemStatus statusWhenCreated) {
    return ErpToStorefrontFlows.catalog(erp, storefront, options, createMissing, statusWhenCreated);
  }

  /** ERP stock per warehouse → storefront stock per source, in batches, delta only. */
  public static SyncFlow inventoryToStorefront(Erp erp, Storefront storefront, FlowOptions options) {
    return ErpToStorefrontFlows.inventory(erp, storefront, options);
  }

  /** ERP price levels → storefront base, tier and group prices, in batches, delta only. */
  public static SyncFlow pricesToStorefront(Erp erp, Storefront storefront, FlowOptions options) {
    return ErpToStorefrontFlows.prices(erp, storefront, options);
  }

  /**
   * The order-to-cash flows of one pair, in the order they should run: customers, orders, payments,
   * fulfilment, invoices, returns. Flows whose capabilities a connector lacks are left out.
   */
  public static List<SyncFlow> orderToCash(Storefront storefront, Erp erp, FlowOptions options) {
    List<java.util.function.Supplier<SyncFlow>> all = List.of(
        () -> customersToErp(storefront, erp, options),
        () -> ordersToErp(storefront, erp, options),
        () -> paymentsToErp(storefront, erp, options),
        () -> fulfillmentToStorefront(erp, storefront, options),
        () -> invoicesToStorefront(erp, storefront, options),
        () -> returnsToErp(storefront, erp, options));
    List<SyncFlow> out = new java.util.ArrayList<>();
    for (var flow : all) {
      try {
        out.add(flow.get());
      } catch (io.commercesync.core.error.ConfigurationException missingCapability) {
        org.slf4j.LoggerFactory.getLogger(Flows.class).debug("flow skipped: {}", missingCapability.getMessage());
      }
    }
    return List.copyOf(out);
  }
}
