package io.commercesync.it.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.Storefront;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.demo.DemoWorld;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Order to cash for each storefront/ERP pair, through the real connectors and the simulators, asserted on
 * the simulators' own state: customers both ways without duplicates (near-duplicates seeded in the ERP are
 * recognised), every valid order in the ERP once and the invalid ones dead-lettered, payments as receipts
 * once (split payments: Clarity gift cards, Adobe Commerce gift cards, store credit and reward points, one
 * receipt each adding up to the ERP order's total), the ERP's shipments on the storefront with their tracking
 * numbers, its invoices once, and refunds as GP returns or SL credit memo orders — money-only Magento refunds as
 * GP RM credit memos or SL AR credit memos — each exactly once.
 */
class OrderToCashTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(Pairs.Pair.class)
  void orderToCash_eachPair_throughTheConnectorsAndSimulators(Pairs.Pair pair) throws Exception {
    try (DemoWorld world = DemoWorld.builder().seed(21).orders(24).start();
        Pairs pairs = new Pairs(world);
        StateStore store = StateStore.inMemory()) {
      FlowOptions options = pairs.options(pair, store);
      Storefront sf = pairs.storefront(pair);
      Erp erp = pairs.erp(pair);

      // customers, both ways
      completed(Flows.customersToErp(sf, erp, options).runOnce());
      completed(Flows.customersToStorefront(erp, sf, options).runOnce());

      // orders
      SyncFlow orders = Flows.ordersToErp(sf, erp, options);
      completed(orders.runOnce());
      DemoWorld.Audit audit = world.audit();
      List<DemoWorld.DemoOrder> mine = world.orders(pair.storefront);
      assertThat(mine.stream().filter(DemoWorld.DemoOrder::expectedInErp)).isNotEmpty()
          .allSatisfy(o -> assertThat(audit.copies(pair.erp, o.number())).as(o.number()).isEqualTo(1));
      Set<String> deadOrders = store.deadLetters().list(DeadLetterFilter.OPEN.withFlow(orders.name())).stream()
          .map(DeadLetter::recordKey).collect(Collectors.toSet());
      assertThat(mine.stream().filter(o -> !o.expectedInErp() && o.sendable())).isNotEmpty().allSatisfy(o -> {
        assertThat(audit.copies(pair.erp, o.number())).as(o.number()).isZero();
        assertThat(deadOrders).as("dead-lettered, with its reason").contains(o.number());
      });
      assertThat(completed(orders.runOnce()).written()).as("a second run writes nothing").isZero();

      // customers: no storefront customer twice in the ERP; near-duplicates seeded in the ERP are the ones used
      assertThat(audit.customerCopies().get(pair.erp)).allSatisfy((email, ids) ->
          assertThat(ids).as(email).hasSizeLessThanOrEqualTo(1));
      int recognised = 0;
      for (DemoWorld.SeededCustomer seeded : world.seededCustomers()) {
        for (DemoWorld.DemoOrder o : mine) {
          if (seeded.erp() == pair.erp && o.expectedInErp()
              && o.email().trim().equalsIgnoreCase(seeded.storefrontEmail().trim())) {
            assertThat(erpCustomerOf(world, pair.erp, o.number())).as(seeded.kind() + " " + o.number())
                .isEqualTo(seeded.erpId());
            recognised++;
          }
        }
      }
      assertThat(recognised).as("orders of customers the ERP already knew").isPositive();

      // payments: one receipt per captured payment, and never a second one
      int receiptsBefore = receipts(world, pair.erp);
      RunReport payments = completed(Flows.paymentsToErp(sf, erp, options).runOnce());
      assertThat(payments.written()).isPositive();
      assertThat(receipts(world, pair.erp)).isEqualTo(receiptsBefore + payments.written());
      assertThat(completed(Flows.paymentsToErp(sf, erp, options).runOnce()).written()).isZero();
      assertThat(receipts(world, pair.erp)).isEqualTo(receiptsBefore + payments.written());
      Map<String, Integer> perOrder = receiptsPerOrder(world, pair.erp);
      if (pair.storefront == DemoWorld.Storefront.CLARITY) {
        // split payments (a gift card and a card) become one receipt each, in the checkbook of their method
        assertThat(perOrder.values()).as("orders paid twice over: split payments").contains(2);
        assertThat(perOrder.values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
      } else {
        // Adobe Commerce tenders: the card plus two gift cards (and store credit), or one gift card covering
        // the whole order (no receipt for the zero "free" method), or reward points: one receipt each, and
        // together they pay what the ERP's order says the order costs
        assertThat(perOrder.values()).as("orders paid with gift cards besides the card").anyMatch(n -> n >= 3);
        assertThat(perOrder.values()).allSatisfy(n -> assertThat(n).isBetween(1, 4));
        Map<String, java.math.BigDecimal> paid = receiptAmountsPerOrder(world, pair.erp);
        assertThat(paid).isNotEmpty();
        int compared = 0;
        for (Map.Entry<String, java.math.BigDecimal> e : paid.entrySet()) {
          if (audit.copies(pair.erp, e.getKey()) == 1) {   // a closed order's payments are receipts too, with no order
            assertThat(e.getValue()).as("receipts of " + e.getKey())
                .isEqualByComparingTo(erpOrderTotal(world, pair.erp, e.getKey()));
            compared++;
          }
        }
        assertThat(compared).isPositive();
        assertThat(erpDocumentsText(world, pair.erp)).as("a gift card code is a bearer credential")
            .doesNotContain("GC-");
      }

      // shipments with tracking numbers, then invoices
      List<DemoWorld.ErpShipment> shipped = world.shipInErps();
      assertThat(shipped).isNotEmpty().allSatisfy(s -> assertThat(s.erp()).isEqualTo(pair.erp));
      completed(Flows.fulfillmentToStorefront(erp, sf, options).runOnce());
      completed(Flows.invoicesToStorefront(erp, sf, options).runOnce());
      DemoWorld.Audit after = world.audit();
      assertThat(after.shipmentsDelivered()).isEqualTo(shipped.size());
      assertThat(after.shipmentDuplicates()).isZero();
      assertThat(after.invoicesPerShippedOrder()).hasSize(shipped.size())
          .allSatisfy((order, n) -> assertThat(n).as(order).isEqualTo(1));
      completed(Flows.fulfillmentToStorefront(erp, sf, options).runOnce());
      assertThat(world.audit().shipmentDuplicates()).isZero();

      // returns: every pair, Magento credit memos and Clarity refunded returns alike; on Magento also
      // refunds of money only (goodwill, shipping), which the ERPs take as RM / AR credit memos
      List<String> refunded = pair.storefront == DemoWorld.Storefront.MAGENTO ? world.refundSome(2)
          : world.refundClarity(2);
      List<String> moneyOnly = pair.storefront == DemoWorld.Storefront.MAGENTO ? world.refundMoneyOnly(2) : List.of();
      assertThat(refunded).isNotEmpty();
      assertThat(moneyOnly).hasSize(pair.storefront == DemoWorld.Storefront.MAGENTO ? 2 : 0);
      completed(Flows.returnsToErp(sf, erp, options).runOnce());
      assertThat(completed(Flows.returnsToErp(sf, erp, options).runOnce()).written()).isZero();
      DemoWorld.Audit withReturns = world.audit();
      Map<String, Integer> returns = pair.erp == DemoWorld.Erp.GP ? withReturns.gpReturns() : withReturns.slReturns();
      assertThat(refunded).allSatisfy(n -> assertThat(returns.get(n.toUpperCase(Locale.ROOT))).as(n).isEqualTo(1));
      Map<String, Integer> creditMemos = pair.erp == DemoWorld.Erp.GP ? withReturns.gpCreditMemos()
          : withReturns.slCreditMemos();
      assertThat(creditMemos).containsOnlyKeys(moneyOnly.stream().map(n -> n.toUpperCase(Locale.ROOT)).toList())
          .allSatisfy((order, n) -> assertThat(n).as(order).isEqualTo(1));
      assertThat(withReturns.refundsEnteredTwice(pair.erp)).isZero();
      assertThat(withReturns.refundsMissing(pair.erp)).as("every storefront refund is in the ERP").isZero();
      if (pair.erp == DemoWorld.Erp.SL) {
        // one credit memo order per storefront return number, each linked to the refunded SL order
        assertThat(world.sl().creditMemosPerCustOrdNbr()).hasSize(refunded.size())
            .allSatisfy((memo, n) -> assertThat(n).as(memo).isEqualTo(1));
        for (String row : world.sl().rows("SOHeader")) {
          JsonNode h = JSON.readTree(row);
          if (h.path("SOTypeID").asText().equals("CM")) {
            assertThat(h.path("OrigOrdNbr").asText()).as(row).isNotBlank();
          }
        }
      }
    }
  }

  static RunReport completed(RunReport report) {
    assertThat(report.state()).as(report.summary() + " " + report.error()).isEqualTo(RunState.COMPLETED);
    return report;
  }

  /** The ERP customer the sales order of storefront order {@code number} is booked on. */
  static String erpCustomerOf(DemoWorld world, DemoWorld.Erp erp, String number) throws Exception {
    String po = number.toUpperCase(Locale.ROOT);
    if (erp == DemoWorld.Erp.GP) {
      return (String) world.gp().query("SELECT CUSTNMBR FROM SOP10100 WHERE SOPTYPE = 2 AND TRIM(CSTPONBR) = ?"
          + " UNION ALL SELECT CUSTNMBR FROM SOP30200 WHERE SOPTYPE = 2 AND TRIM(CSTPONBR) = ?", po, po)
          .get(0).get("CUSTNMBR");
    }
    for (String row : world.sl().rows("SOHeader")) {
      JsonNode h = JSON.readTree(row);
      if (h.path("CustOrdNbr").asText().trim().equalsIgnoreCase(po)) {
        return h.path("CustID").asText().trim();
      }
    }
    return null;
  }

  /** Cash receipts the ERP holds (GP RM10201, SL ARDoc type PA). */
  /** Cash receipts per storefront order: GP {@code TRXDSCRN} "Web order N", SL ARDoc {@code CustOrdNbr}. */
  static Map<String, Integer> receiptsPerOrder(DemoWorld world, DemoWorld.Erp erp) throws Exception {
    Map<String, Integer> out = new java.util.TreeMap<>();
    if (erp == DemoWorld.Erp.GP) {
      for (Map<String, Object> r : world.gp().query("SELECT TRXDSCRN FROM RM10201 WHERE RMDTYPAL = 9")) {
        out.merge(((String) r.get("TRXDSCRN")).trim(), 1, Integer::sum);
      }
      return out;
    }
    for (String row : world.sl().rows("ARDoc")) {
      JsonNode doc = JSON.readTree(row);
      if (doc.path("DocType").asText().trim().equals("PA")) {
        out.merge(doc.path("CustOrdNbr").asText().trim(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** What the receipts of each storefront order add up to (GP {@code ORTRXAMT}, SL {@code CuryOrigDocAmt}). */
  static Map<String, java.math.BigDecimal> receiptAmountsPerOrder(DemoWorld world, DemoWorld.Erp erp) throws Exception {
    Map<String, java.math.BigDecimal> out = new java.util.TreeMap<>();
    if (erp == DemoWorld.Erp.GP) {
      for (Map<String, Object> r : world.gp().query("SELECT TRXDSCRN, ORTRXAMT FROM RM10201 WHERE RMDTYPAL = 9")) {
        String order = ((String) r.get("TRXDSCRN")).trim().replace("Web order ", "");
        out.merge(order, new java.math.BigDecimal(r.get("ORTRXAMT").toString()), java.math.BigDecimal::add);
      }
      return out;
    }
    for (String row : world.sl().rows("ARDoc")) {
      JsonNode doc = JSON.readTree(row);
      if (doc.path("DocType").asText().trim().equals("PA")) {
        out.merge(doc.path("CustOrdNbr").asText().trim(), doc.path("CuryOrigDocAmt").decimalValue(),
            java.math.BigDecimal::add);
      }
    }
    return out;
  }

  /** The total of the ERP's sales order of storefront order {@code number} (GP {@code DOCAMNT}, SL {@code CuryTotOrd}). */
  static java.math.BigDecimal erpOrderTotal(DemoWorld world, DemoWorld.Erp erp, String number) throws Exception {
    String po = number.toUpperCase(Locale.ROOT);
    if (erp == DemoWorld.Erp.GP) {
      return new java.math.BigDecimal(world.gp().query("SELECT DOCAMNT FROM SOP10100 WHERE SOPTYPE = 2 AND TRIM(CSTPONBR) = ?"
          + " UNION ALL SELECT DOCAMNT FROM SOP30200 WHERE SOPTYPE = 2 AND TRIM(CSTPONBR) = ?", po, po)
          .get(0).get("DOCAMNT").toString());
    }
    for (String row : world.sl().rows("SOHeader")) {
      JsonNode h = JSON.readTree(row);
      if (h.path("CustOrdNbr").asText().trim().equalsIgnoreCase(po) && h.path("SOTypeID").asText().trim().equals("SO")) {
        return h.path("CuryTotOrd").decimalValue();
      }
    }
    throw new AssertionError("no SL order " + number);
  }

  /** Every receipt and order row the ERP holds, as text (to look for what must never be there). */
  static String erpDocumentsText(DemoWorld world, DemoWorld.Erp erp) {
    if (erp == DemoWorld.Erp.GP) {
      return world.gp().query("SELECT * FROM RM10201").toString() + world.gp().query("SELECT * FROM SOP10100")
          + world.gp().query("SELECT * FROM SOP30200");
    }
    return String.join("\n", world.sl().rows("ARDoc")) + String.join("\n", world.sl().rows("SOHeader"));
  }

  static int receipts(DemoWorld world, DemoWorld.Erp erp) throws Exception {
    if (erp == DemoWorld.Erp.GP) {
      return ((Number) world.gp().stats().get("cashReceipts")).intValue();
    }
    int n = 0;
    for (String row : world.sl().rows("ARDoc")) {
      n += JSON.readTree(row).path("DocType").asText().trim().equals("PA") ? 1 : 0;
    }
    return n;
  }
}
