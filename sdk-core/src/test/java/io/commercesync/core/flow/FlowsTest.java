package io.commercesync.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.resilience.BreakerSettings;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.RetrySettings;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.spi.CatalogField;
import io.commercesync.core.spi.SalesOrderRequest;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowsTest {

  private final Fakes.Shop shop = new Fakes.Shop();
  private final Fakes.Books erp = new Fakes.Books();
  private final StateStore store = StateStore.inMemory();

  private FlowOptions options(FlowMappings mappings) {
    return FlowOptions.builder().mappings(mappings).store(store).concurrency(4).build();
  }

  static Order order(String number, String customerId, String email, String lastName, String... skus) {
    Order.Builder b = Order.builder().number(number).placedAt(Instant.parse("2025-03-15T09:41:37Z"))
        .status(OrderStatus.PROCESSING).currency("USD").storeCode("default")
        .customerRef(customerId == null ? null : ExternalRef.of(Fakes.SHOP, customerId))
        .customer(Customer.builder().email(email).firstName("Devin").lastName(lastName).build())
        .billingAddress(Address.builder().firstName("Devin").lastName(lastName).addLine("418 Linden Street")
            .city("Madison").postalCode("53703").countryCode("US").build());
    Money total = Money.zero(java.util.Currency.getInstance("USD"));
    for (int i = 0; i < skus.length; i++) {
      Money price = Money.of("10.00", "USD");
      b.addLine(OrderLine.builder().lineNumber(i + 1).sku(skus[i]).quantity("2").unitPrice(price).location("src-main").build());
      total = total.plus(price.times(new BigDecimal("2")));
    }
    return b.subtotal(total).grandTotal(total)
        .addPayment(Payment.builder().id("p1").method("checkmo").amount(total).capturedAt(Instant.parse("2025-03-15T09:45:00Z")).build())
        .build();
  }

  @Test
  void ordersToErp_resolvesCustomersOnce_mapsLines_andNeverDuplicates() {
    shop.orders.add(order("000000001", "42", "Devin.A@example.net", "Achterberg", "TEE-M"));
    shop.orders.add(order("000000002", "42", "devin.a@example.net", "Achterberg", "MUG"));
    shop.orders.add(order("000000003", null, " DEVIN.A@EXAMPLE.NET ", "Achterberg", "TEE-M"));   // a guest, same person
    shop.orders.add(order("000000004", "77", "zoe@example.net", "O'Neil", "CAP").toBuilder().status(OrderStatus.CANCELED).build());
    erp.customers.seed(Customer.builder().email("existing@example.net").lastName("Smith").build());
    FlowMappings mappings = FlowMappings.builder().sku("TEE-M", "TEE-HBR-M").orderSite("src-main", "MAIN")
        .shippingMethod("flatrate", "UPS GROUND").company("default", "TWO").userDefinedField("gift", "USRDEF03")
        .statusOnAccepted("processing").build();
    SyncFlow flow = Flows.ordersToErp(shop, erp, options(mappings));

    RunReport report = flow.runOnce();
    assertThat(report.state()).isEqualTo(RunState.COMPLETED);
    assertThat(report.written()).isEqualTo(3);
    assertThat(report.skipped()).isEqualTo(1);   // the canceled order
    assertThat(erp.customers.creates).hasValue(1);
    SalesOrderRequest first = erp.salesOrders.get("000000001");
    assertThat(first.customerId()).isEqualTo(erp.salesOrders.get("000000003").customerId());
    assertThat(first.lines()).singleElement().satisfies(l -> {
      assertThat(l.itemNumber()).isEqualTo("TEE-HBR-M");
      assertThat(l.site()).isEqualTo("MAIN");
    });
    assertThat(erp.salesOrders.get("000000002").lines().get(0).itemNumber()).isEqualTo("MUG");
    assertThat(first.company()).isEqualTo("TWO");
    assertThat(shop.statuses).extracting(s -> s.orderNumber()).containsExactlyInAnyOrder("000000001", "000000002", "000000003");

    // the same webhook twice, and a full re-read: nothing new in the ERP
    flow.process("000000001");
    flow.process("000000001");
    store.checkpoints().put("shop:orders|" + flow.name(), io.commercesync.core.pipeline.Cursor.START);
    RunReport again = flow.runOnce();
    assertThat(again.written()).isZero();
    assertThat(again.duplicatesPrevented()).isEqualTo(3);
    assertThat(erp.salesOrderWrites).hasValue(3);
    assertThat(shop.statuses).hasSize(3);
  }

  /**
   * Regression (found by the demo): one storefront feeding two ERPs. The orders and payments flows of the
   * second ERP read the same storefront source as the first; with the source's own name as checkpoint
   * key, the second flow started after the first one's checkpoint and never saw the orders.
   */
  @Test
  void ordersAndPayments_oneStorefrontTwoErps_eachErpGetsEveryOrder() {
    shop.orders.add(order("000000101", "1", "a@example.net", "Alpha", "TEE-M"));
    shop.orders.add(order("000000102", "2", "b@example.net", "Beta", "MUG"));
    Fakes.Books other = new Fakes.Books(SystemId.of("erp-two"));
    FlowMappings mappings = FlowMappings.builder().paymentMethod("checkmo", PaymentAccount.checkbook("OPERATING")).build();

    assertThat(Flows.ordersToErp(shop, erp, options(mappings)).runOnce().written()).isEqualTo(2);
    assertThat(Flows.paymentsToErp(shop, erp, options(mappings)).runOnce().written()).isEqualTo(2);
    RunReport orders = Flows.ordersToErp(shop, other, options(mappings)).runOnce();
    RunReport payments = Flows.paymentsToErp(shop, other, options(mappings)).runOnce();

    assertThat(orders.written()).isEqualTo(2);
    assertThat(payments.written()).isEqualTo(2);
    assertThat(other.salesOrders).containsOnlyKeys("000000101", "000000102");
    assertThat(other.receipts).hasSize(2);
    assertThat(erp.salesOrders).containsOnlyKeys("000000101", "000000102");
  }

  @Test
  void ordersToErp_strictSkus_rejectUnknownSkusNamingTheLine_andTheRestProceeds() {
    shop.orders.add(order("000000010", "1", "a@example.net", "Alpha", "KNOWN", "NOPE"));
    shop.orders.add(order("000000011", "2", "b@example.net", "Beta", "KNOWN"));
    SyncFlow flow = Flows.ordersToErp(shop, erp, options(FlowMappings.builder().sku("KNOWN", "K-1").strictSkus(true).build()));
    RunReport report = flow.runOnce();
    assertThat(report.written()).isEqualTo(1);
    assertThat(report.deadLettered()).isEqualTo(1);
    DeadLetter letter = store.deadLetters().list(DeadLetterFilter.OPEN).get(0);
    assertThat(letter.errorMessage()).isEqualTo(
        "shop order 000000010: lines[1].sku: no ERP item is mapped for this sku (add it to mappings.skus) (was NOPE)");
    assertThat(erp.customers.creates).as("no customer created for an order that cannot go").hasValue(1);
  }

  @Test
  void ordersToErp_bundles_sendTheLinesThatCarryTheAmounts() {
    Money ten = Money.of("10.00", "USD");
    Money zero = Money.of("0", "USD");
    Order bundle = order("000000020", "5", "c@example.net", "Gamma", "KIT").toBuilder()
        .lines(List.of(
            OrderLine.builder().lineNumber(1).sku("KIT").quantity("1").unitPrice(zero).build(),
            OrderLine.builder().lineNumber(2).sku("KIT-A").quantity("1").unitPrice(ten).parentLineNumber(1).build(),
            OrderLine.builder().lineNumber(3).sku("KIT-B").quantity("1").unitPrice(ten).parentLineNumber(1).build(),
            OrderLine.builder().lineNumber(4).sku("FIXED").quantity("1").unitPrice(ten).build(),
            OrderLine.builder().lineNumber(5).sku("FIXED-A").quantity("1").unitPrice(zero).parentLineNumber(4).build()))
        .subtotal(Money.of("30.00", "USD")).grandTotal(Money.of("30.00", "USD")).payments(List.of()).build();
    shop.orders.add(bundle);
    Flows.ordersToErp(shop, erp, options(FlowMappings.defaults())).runOnce();
    assertThat(erp.salesOrders.get("000000020").lines()).extracting(l -> l.itemNumber())
        .containsExactly("KIT-A", "KIT-B", "FIXED");
  }

  @Test
  void paymentsToErp_splitPayments_becomeOneReceiptEach_withFeesBalancedInTheGl() {
    Order o = order("000000030", "9", "d@example.net", "Delta", "A");
    o = o.toBuilder().payments(List.of(
        Payment.builder().id("gift").method("giftcard").amount(Money.of("5.00", "USD")).capturedAt(Instant.now()).build(),
        Payment.builder().id("card").method("braintree").amount(Money.of("15.00", "USD")).fee(Money.of("0.74", "USD"))
            .cardType("VI").cardLast4("4242").invoiceNumber("INV0001").capturedAt(Instant.now()).build(),
        Payment.builder().id("auth").method("braintree").amount(Money.of("1.00", "USD")).build()))
        .build();
    shop.orders.add(o);
    shop.orders.add(order("000000031", "9", "d@example.net", "Delta", "A").toBuilder()
        .payments(List.of(Payment.builder().method("bitcoin").amount(Money.of("20", "USD")).capturedAt(Instant.now()).build())).build());
    FlowMappings mappings = FlowMappings.builder()
        .paymentMethod("giftcard", PaymentAccount.checkbook("GIFTCARDS"))
        .paymentMethod("braintree", new PaymentAccount("OPERATING", "VISA", "000-6150-00", "000-1205-00")).build();
    RunReport report = Flows.paymentsToErp(shop, erp, options(mappings)).runOnce();
    assertThat(report.written()).isEqualTo(2);
    assertThat(report.deadLettered()).isEqualTo(1);   // the unmapped method
    assertThat(erp.receipts.values()).extracting(r -> r.checkbookId()).containsExactlyInAnyOrder("GIFTCARDS", "OPERATING");
    assertThat(erp.receipts.values()).filteredOn(r -> r.checkbookId().equals("OPERATING")).singleElement()
        .satisfies(r -> {
          assertThat(r.cardName()).isEqualTo("VISA");
          assertThat(r.applyToInvoice()).isEqualTo("INV0001");
          assertThat(r.payment().cardLast4()).isEqualTo("4242");
        });
    assertThat(erp.journal.values()).singleElement().satisfies(e -> assertThat(e.total()).isEqualTo(Money.of("0.74", "USD")));
    assertThat(store.deadLetters().list(DeadLetterFilter.OPEN).get(0).errorMessage())
        .contains("payments[0].method: no ERP checkbook is mapped for this payment method");
  }

  @Test
  void customersBothWays_deduplicate_keepOwnership_andConverge() {
    Customer erpSmith = erp.customers.seed(Customer.builder().email("j.smith@example.net").firstName("Jane").lastName("Smith")
        .creditLimit(Money.of("5000", "USD")).paymentTerms("NET30").group("WHOLESALE").build());
    shop.customers.seed(Customer.builder().email("J.Smith@Example.net ").firstName("Jane").lastName("Smith-Jones")
        .phone("555-0101").creditLimit(Money.of("1", "USD")).build());
    shop.customers.seed(Customer.builder().email("new@example.net").firstName("Neo").lastName("New")
        .addAddress(new CustomerAddress(null, Address.builder().addLine("1 Main").postalCode("10001").build(), true, true)).build());
    FlowMappings mappings = FlowMappings.builder().customerGroup("WHOLESALE", "2").build();
    SyncFlow both = Flows.customersBothWays(shop, erp, options(mappings));

    RunReport first = both.runOnce();
    assertThat(first.deadLettered()).isZero();
    // the storefront's Jane matched the ERP's by e-mail: updated, not duplicated
    assertThat(erp.customers.byId).hasSize(2);
    Customer merged = erp.customers.findById(erpSmith.ref(Fakes.ERP).orElseThrow().id()).orElseThrow();
    assertThat(merged.lastName()).isEqualTo("Smith-Jones");       // the storefront owns names
    assertThat(merged.creditLimit()).isEqualTo(Money.of("5000", "USD"));  // the ERP owns the credit limit
    assertThat(merged.paymentTerms()).isEqualTo("NET30");
    // the ERP's terms and group reached the storefront, mapped to its group code
    assertThat(shop.customers.byId.values()).filteredOn(c -> "Smith-Jones".equals(c.lastName())).singleElement()
        .satisfies(c -> {
          assertThat(c.paymentTerms()).isEqualTo("NET30");
          assertThat(c.group()).isEqualTo("2");
        });
    assertThat(store.crossReferences().find("customer", merged.ref(Fakes.ERP).orElseThrow(), Fakes.SHOP)).isPresent();

    // nothing changed since: the next run writes nothing in either direction
    int creates = erp.customers.creates.get() + shop.customers.creates.get();
    int updates = erp.customers.updates.get() + shop.customers.updates.get();
    store.checkpoints().put("shop:customers|customers-to-erp:" + Fakes.SHOP + ">" + Fakes.ERP,
        io.commercesync.core.pipeline.Cursor.START);
    store.checkpoints().put("erp:customers|customers-to-storefront:" + Fakes.ERP + ">" + Fakes.SHOP,
        io.commercesync.core.pipeline.Cursor.START);
    RunReport second = both.runOnce();
    assertThat(second.written()).isZero();
    assertThat(erp.customers.creates.get() + shop.customers.creates.get()).isEqualTo(creates);
    assertThat(erp.customers.updates.get() + shop.customers.updates.get()).isEqualTo(updates);
  }

  /**
   * Regression (found by the demo): name + postal code matching searched only the default billing
   * address's postal code; a person the ERP knew at their other address (and under an older e-mail) was
   * created a second time.
   */
  @Test
  void customersToErp_matchNameAtAnyOfTheCustomersPostalCodes() {
    Address home = Address.builder().firstName("Lena").lastName("Fernández").addLine("8 Canal Street").city("Tucson")
        .postalCode("85701").countryCode("US").build();
    Address office = home.toBuilder().lines(List.of("1 Orchard Way")).postalCode("01609").build();
    Customer known = erp.customers.seed(Customer.builder().email("old.lena@example.org").firstName("Lena")
        .lastName("Fernández").addAddress(new CustomerAddress(null, home, true, true)).build());
    shop.customers.seed(Customer.builder().email("lena.fernandez301@example.net").firstName("Lena").lastName("Fernández")
        .addAddress(new CustomerAddress(null, office, true, false))
        .addAddress(new CustomerAddress(null, home, false, true)).build());

    RunReport report = Flows.customersToErp(shop, erp, options(FlowMappings.defaults())).runOnce();

    assertThat(report.written()).isEqualTo(1);
    assertThat(erp.customers.creates).hasValue(0);
    assertThat(erp.customers.byId).containsOnlyKeys(known.ref(Fakes.ERP).orElseThrow().id());
  }

  @Test
  void inventory_perWarehouse_allocatedSubtracted_neverNegative_safetyStock_andDeltaOnly() {
    Instant now = Instant.parse("2025-03-15T10:00:00Z");
    erp.levels.add(InventoryLevel.builder().sku("WDG").location("MAIN").onHand(new BigDecimal("182")).allocated(new BigDecimal("12")).asOf(now).build());
    erp.levels.add(InventoryLevel.builder().sku("WDG").location("EAST").onHand(new BigDecimal("40")).allocated(BigDecimal.ZERO).asOf(now).build());
    erp.levels.add(InventoryLevel.builder().sku("CBL").location("EAST").onHand(BigDecimal.ZERO).allocated(new BigDecimal("4")).asOf(now).build());
    erp.levels.add(InventoryLevel.builder().sku("CBL").location("WEST").onHand(new BigDecimal("9")).allocated(BigDecimal.ZERO).asOf(now).build());
    erp.levels.add(InventoryLevel.builder().sku("CBL").location("RETURNS").onHand(new BigDecimal("3")).allocated(BigDecimal.ZERO).asOf(now).build());
    FlowMappings mappings = FlowMappings.builder().stockSource("MAIN", "default").stockSource("EAST", "east")
        .stockSource("WEST", "west").safetyStock(new BigDecimal("2")).build();
    SyncFlow flow = Flows.inventoryToStorefront(erp, shop, options(mappings));
    RunReport report = flow.runOnce();
    assertThat(report.written()).isEqualTo(4);
    assertThat(report.skipped()).isEqualTo(1);   // RETURNS is not published
    assertThat(shop.stock.get("WDG@default").quantity()).isEqualByComparingTo("168");
    assertThat(shop.stock.get("WDG@east").quantity()).isEqualByComparingTo("38");
    assertThat(shop.stock.get("CBL@east").quantity()).isEqualByComparingTo("0");
    assertThat(shop.stock.get("CBL@east").inStock()).isFalse();
    assertThat(shop.stock.get("CBL@west").quantity()).isEqualByComparingTo("7");
    int calls = shop.stockCalls.get();   // batching itself is covered by BatchingTest

    store.checkpoints().put("erp:stock|" + flow.name(), io.commercesync.core.pipeline.Cursor.START);
    erp.levels.add(InventoryLevel.builder().sku("WDG").location("EAST").onHand(new BigDecimal("39")).allocated(BigDecimal.ZERO).asOf(now).build());
    RunReport delta = flow.runOnce();
    // the full re-read finds the four published levels unchanged (no call) and sends only the new figure
    assertThat(delta.unchanged()).isEqualTo(4);
    assertThat(delta.written()).isEqualTo(1);
    assertThat(shop.stockCalls.get()).isEqualTo(calls + 1);
    assertThat(shop.stock.get("WDG@east").quantity()).isEqualByComparingTo("37");
  }

  @Test
  void catalog_sendsOnlyErpOwnedFieldsInTheGlobalScope_andSkipsUnchangedItems() {
    erp.items.add(Item.builder().sku("WDG").name("ERP name").longDescription("ERP text").weight(new BigDecimal("1.5"))
        .basePrice(Money.of("24.50", "USD")).status(ItemStatus.ACTIVE).build());
    SyncFlow flow = Flows.catalogToStorefront(erp, shop, options(FlowMappings.defaults()));
    flow.runOnce();
    assertThat(shop.catalogWrites).singleElement().satisfies(u -> {
      // the ERP-owned fields the item carries a value for (it has no tax class nor unit of measure)
      assertThat(u.fields()).containsExactlyInAnyOrder(CatalogField.PRICE, CatalogField.WEIGHT, CatalogField.STATUS);
      assertThat(u.fields()).doesNotContain(CatalogField.NAME, CatalogField.LONG_DESCRIPTION);
      assertThat(u.scope()).isEqualTo("all");
      assertThat(u.statusWhenCreated()).isEqualTo(ItemStatus.INACTIVE);
    });
    // a change to a field the storefront owns costs nothing; a price change is sent
    erp.items.add(Item.builder().sku("WDG").name("Renamed in ERP").longDescription("ERP text").weight(new BigDecimal("1.50"))
        .basePrice(Money.of("24.50", "USD")).status(ItemStatus.ACTIVE).build());
    assertThat(flow.runOnce().unchanged()).isEqualTo(1);
    erp.items.add(Item.builder().sku("WDG").name("Renamed in ERP").weight(new BigDecimal("1.5"))
        .basePrice(Money.of("26.00", "USD")).status(ItemStatus.ACTIVE).build());
    assertThat(flow.runOnce().written()).isEqualTo(1);
    assertThat(shop.catalogWrites).hasSize(2);
  }

  @Test
  void prices_mapLevelsToGroups_andSkipUnmappedLevels() {
    erp.priceList.add(Price.builder().sku("WDG").amount(Money.of("24.50", "USD")).build());
    erp.priceList.add(Price.builder().sku("WDG").priceList("WHOLESALE").minQuantity(new BigDecimal("10")).amount(Money.of("19.00", "USD")).build());
    erp.priceList.add(Price.builder().sku("WDG").priceList("EMPLOYEE").amount(Money.of("12.00", "USD")).build());
    RunReport report = Flows.pricesToStorefront(erp, shop, options(FlowMappings.builder().customerGroup("WHOLESALE", "2").build())).runOnce();
    assertThat(report.written()).isEqualTo(2);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(shop.prices).extracting(Price::customerGroup).containsExactlyInAnyOrder(null, "2");
  }

  @Test
  void fulfillmentInvoicesAndReturns_flowBetweenThePair() {
    shop.orders.add(order("000000040", "3", "e@example.net", "Echo", "A"));
    erp.shipments.add(Shipment.builder().ref(ExternalRef.of(Fakes.ERP, "INV100")).orderNumber("000000040")
        .addLine(ShipmentLine.of("A", new BigDecimal("2"), null)).carrier("ups").trackingNumbers(List.of("1Z999", "1Z998"))
        .location("MAIN").build());
    erp.invoices.add(Invoice.builder().number("INV100").orderNumber("000000040").invoiceDate(LocalDate.of(2025, 3, 16))
        .currency(java.util.Currency.getInstance("USD")).total(Money.of("20", "USD")).balanceDue(Money.of("0", "USD")).build());
    erp.invoices.add(Invoice.builder().number("INV101").invoiceDate(LocalDate.of(2025, 3, 16))
        .currency(java.util.Currency.getInstance("USD")).total(Money.of("99", "USD")).build());
    shop.returns.add(Return.builder().number("CM1").orderNumber("000000040").createdAt(Instant.now())
        .currency(java.util.Currency.getInstance("USD")).total(Money.of("10", "USD"))
        .addLine(new ReturnLine(1, "A", BigDecimal.ONE, Money.of("10", "USD"), Money.of("10", "USD"), null, true)).build());
    FlowOptions o = options(FlowMappings.builder().stockSource("MAIN", "default").orderSite("src-main", "MAIN").build());

    assertThat(Flows.fulfillmentToStorefront(erp, shop, o).runOnce().written()).isEqualTo(1);
    assertThat(shop.shipments.values()).singleElement().satisfies(s -> {
      assertThat(s.trackingNumbers()).containsExactly("1Z999", "1Z998");
      assertThat(s.location()).isEqualTo("default");
    });
    RunReport invoices = Flows.invoicesToStorefront(erp, shop, o).runOnce();
    assertThat(invoices.written()).isEqualTo(1);
    assertThat(invoices.skipped()).isEqualTo(1);
    assertThat(Flows.returnsToErp(shop, erp, o).runOnce().written()).isEqualTo(1);
    assertThat(erp.returns.get("CM1").lines()).singleElement().satisfies(l -> assertThat(l.site()).isEqualTo("MAIN"));
    assertThat(erp.returns.get("CM1").customerId()).startsWith("C");
  }

  /**
   * Regression (found by the demo): one ERP serving two storefronts, plus phone orders. The fulfilment and
   * invoice flows dead-lettered every document of an order that was not this storefront's; and an ERP
   * shipment's lines carried the ERP's item numbers and line references (SL {@code OrdLineRef} 00001),
   * which the storefront does not know, so a line-level shipment was refused.
   */
  @Test
  void fulfillmentAndInvoices_skipOtherOrders_andMatchErpLinesToStorefrontLines() {
    Order o = order("000000050", "3", "f@example.net", "Foxtrot", "TEE-M", "MUG-XL", "CAP");
    shop.orders.add(o.toBuilder().lines(o.lines().stream()
        .map(l -> l.toBuilder().sourceLineId("item-" + l.lineNumber()).build()).toList()).build());
    // two storefront skus share one ERP item: lines must be told apart by order, not by reversing the table
    FlowMappings mappings = FlowMappings.builder().sku("TEE-M", "ACC-1").sku("MUG-XL", "ACC-2").sku("CAP", "ACC-1")
        .build();
    FlowOptions options = options(mappings);
    assertThat(Flows.ordersToErp(shop, erp, options).runOnce().written()).isEqualTo(1);
    erp.shipments.add(Shipment.builder().ref(ExternalRef.of(Fakes.ERP, "S1")).orderNumber("000000050")
        .addLine(ShipmentLine.of("ACC-1", new BigDecimal("2"), "00001"))
        .addLine(ShipmentLine.of("ACC-2", new BigDecimal("2"), "00002"))
        .addLine(ShipmentLine.of("ACC-1", new BigDecimal("2"), "00003")).trackingNumbers(List.of("1Z1")).build());
    erp.shipments.add(Shipment.builder().ref(ExternalRef.of(Fakes.ERP, "S2")).orderNumber("PHONE-7")
        .trackingNumbers(List.of("1Z2")).build());
    erp.invoices.add(Invoice.builder().number("INV7").orderNumber("PHONE-7").invoiceDate(LocalDate.of(2025, 3, 16))
        .currency(java.util.Currency.getInstance("USD")).total(Money.of("99", "USD")).build());

    RunReport shipments = Flows.fulfillmentToStorefront(erp, shop, options).runOnce();
    RunReport invoices = Flows.invoicesToStorefront(erp, shop, options).runOnce();

    assertThat(shipments.written()).isEqualTo(1);
    assertThat(shipments.skipped()).isEqualTo(1);
    assertThat(shipments.deadLettered()).isZero();
    assertThat(invoices.skipped()).isEqualTo(1);
    assertThat(invoices.deadLettered()).isZero();
    assertThat(shop.shipments.values()).singleElement().satisfies(s -> assertThat(s.lines())
        .extracting(l -> l.sku() + "#" + l.orderLineId())
        .containsExactly("TEE-M#item-1", "MUG-XL#item-2", "CAP#item-3"));
  }

  /**
   * Regression (found by the demo): with strict skus, a returned sku no table knows (a bundle's own sku) was
   * sent to the ERP as an item number and refused there with a length error; it is refused here instead,
   * naming the line and the setting, like an order line.
   */
  @Test
  void returnsToErp_strictSkus_refuseAnUnmappedReturnedSku_namingTheLine() {
    shop.orders.add(order("000000060", "3", "g@example.net", "Golf", "A"));
    shop.returns.add(Return.builder().number("CM9").orderNumber("000000060").createdAt(Instant.now())
        .currency(java.util.Currency.getInstance("USD")).total(Money.of("10", "USD"))
        .addLine(new ReturnLine(1, "KIT-A-B-C", BigDecimal.ONE, Money.of("10", "USD"), Money.of("10", "USD"), null, true))
        .build());
    FlowOptions o = options(FlowMappings.builder().sku("A", "ITEM-A").strictSkus(true).build());
    RunReport report = Flows.returnsToErp(shop, erp, o).runOnce();
    assertThat(report.deadLettered()).isEqualTo(1);
    assertThat(erp.returns).isEmpty();
    assertThat(store.deadLetters().list(DeadLetterFilter.OPEN).get(0).errorMessage())
        .isEqualTo("shop return CM9: lines[0].sku: no ERP item is mapped for this sku (add it to mappings.skus) (was KIT-A-B-C)");
  }

  @Test
  void orderToCash_listsTheFlowsBothConnectorsSupport() {
    assertThat(Flows.orderToCash(shop, erp, options(FlowMappings.defaults()))).extracting(SyncFlow::name)
        .containsExactly("customers-to-erp:shop>erp", "orders-to-erp:shop>erp", "payments-to-erp:shop>erp",
            "fulfillment:erp>shop", "invoices:erp>shop", "returns-to-erp:shop>erp");
  }

  @Test
  void liveLookup_cachesWithinTtl_fallsBackToStaleWhenSlow_andServesCacheWhileTheCircuitIsOpen() {
    Fakes.SlowLookup slow = new Fakes.SlowLookup();
    erp.lookup = slow;
    java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
    java.time.Clock clock = new java.time.Clock() {
      @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
      @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now.get(); }
    };
    Resilience resilience = Resilience.builder().policy(SystemPolicy.builder(Fakes.ERP).retry(RetrySettings.NONE)
        .breaker(new BreakerSettings(2, 2, Duration.ofHours(1), 1)).build()).build();
    LiveLookup lookup = LiveLookup.builder(erp).ttl(Duration.ofSeconds(30)).timeout(Duration.ofMillis(300))
        .resilience(resilience).clock(clock).build();

    LookupAnswer<io.commercesync.core.spi.PriceQuote> live = lookup.price("C0001", "WDG", BigDecimal.ONE);
    assertThat(live.freshness()).isEqualTo(LookupAnswer.Freshness.LIVE);
    assertThat(lookup.price("C0001", "WDG", BigDecimal.ONE).freshness()).isEqualTo(LookupAnswer.Freshness.CACHED);
    assertThat(slow.calls).hasValue(1);

    now.set(now.get().plusSeconds(31));
    slow.delayMillis = 2_000;   // the ERP is slow beyond the timeout
    LookupAnswer<io.commercesync.core.spi.PriceQuote> stale = lookup.price("C0001", "WDG", BigDecimal.ONE);
    assertThat(stale.stale()).isTrue();
    assertThat(stale.value().unitPrice()).isEqualTo(Money.of("10.00", "USD"));

    slow.delayMillis = 0;
    slow.down = true;   // the ERP is down: two failures open the circuit, then no call is made at all
    lookup.price("C0001", "WDG", BigDecimal.ONE);
    lookup.price("C0001", "WDG", BigDecimal.ONE);
    int callsWhenOpen = slow.calls.get();
    LookupAnswer<io.commercesync.core.spi.PriceQuote> cachedOnly = lookup.price("C0001", "WDG", BigDecimal.ONE);
    assertThat(cachedOnly.stale()).isTrue();
    assertThat(slow.calls.get()).isEqualTo(callsWhenOpen);
    assertThat(resilience.breakerState(Fakes.ERP)).isEqualTo(io.commercesync.core.resilience.BreakerState.OPEN);
  }

  @Test
  void flows_failAtBuildTime_whenAConnectorLacksACapability() {
    io.commercesync.core.spi.Erp bare = new io.commercesync.core.spi.Erp() {
      @Override public io.commercesync.core.model.SystemId system() { return Fakes.ERP; }
      @Override public <C> java.util.Optional<C> capability(Class<C> type) { return java.util.Optional.empty(); }
    };
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Flows.ordersToErp(shop, bare, options(FlowMappings.defaults())))
        .isInstanceOf(io.commercesync.core.error.ConfigurationException.class)
        .hasMessage("erp capability: does not offer OrderSink");
    assertThat(Set.of()).isEmpty();
  }
}
