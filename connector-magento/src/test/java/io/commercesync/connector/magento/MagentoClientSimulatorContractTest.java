package io.commercesync.connector.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.SystemId;
import io.commercesync.testkit.magento.MagentoSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every client call against the stateful simulator, asserting the simulator's final state. */
class MagentoClientSimulatorContractTest {

  static final StoreScope STORE = StoreScope.store("default");
  static final ObjectMapper JSON = new ObjectMapper();

  private final SimulatorFixture fx = new SimulatorFixture();
  private final MagentoClient client = fx.oauthClient();

  @AfterEach
  void stop() {
    fx.close();
  }

  private JsonNode simOrder(long id) throws Exception {
    return JSON.readTree(fx.sim.orderJson(id));
  }

  private static List<MagentoRecord> all(MagentoPager pager) {
    List<MagentoRecord> out = new ArrayList<>();
    try (pager) {
      pager.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void orders_getRecordByIncrementIdAndStatus() throws Exception {
    long id = fx.sim.orderIds().get(3);
    JsonNode raw = simOrder(id);
    Order order = client.orders().get(STORE, id);
    assertThat(order.number()).isEqualTo(raw.path("increment_id").asText());
    assertThat(order.grandTotal().amount()).isEqualByComparingTo(raw.path("grand_total").decimalValue());
    assertThat(order.totalsReconcile()).isTrue();
    MagentoRecord record = client.orders().record(STORE, id);
    assertThat(JSON.readTree(record.json())).isEqualTo(raw);
    assertThat(client.orders().byIncrementId(STORE, order.number())).hasValueSatisfying(
        r -> assertThat(r.id()).isEqualTo(String.valueOf(id)));
    assertThat(client.orders().byIncrementId(STORE, "NOPE")).isEmpty();
    assertThat(client.orders().status(STORE, id)).isEqualTo(raw.path("status").asText());
  }

  @Test
  void orders_searchFiltersOrAndPagesToTheEnd() throws Exception {
    SearchCriteria pendingOrProcessing = SearchCriteria.builder()
        .whereAny(SearchCriteria.Filter.of("status", SearchCriteria.Condition.EQ, "pending"),
            SearchCriteria.Filter.of("status", SearchCriteria.Condition.EQ, "processing"))
        .sortBy("entity_id", SearchCriteria.Direction.ASC).pageSize(7).build();
    List<MagentoRecord> found = all(client.orders().search(STORE, pendingOrProcessing));
    long expected = 0;
    for (long id : fx.sim.orderIds()) {
      String status = simOrder(id).path("status").asText();
      if (status.equals("pending") || status.equals("processing")) {
        expected++;
      }
    }
    assertThat(found).hasSize((int) expected);
    assertThat(found.stream().map(MagentoRecord::id).distinct().count()).isEqualTo(expected);
    for (MagentoRecord r : found) {
      assertThat(JSON.readTree(r.json()).path("status").asText()).isIn("pending", "processing");
    }
  }

  @Test
  void orders_changedSince_readsEveryOrderOnceInUpdatedAtOrder() {
    List<MagentoRecord> all = all(client.orders().changedSince(STORE, null, "0"));
    assertThat(all).hasSize(fx.sim.orderIds().size());
    for (int i = 1; i < all.size(); i++) {
      String prev = all.get(i - 1).updatedAt() + "|" + String.format("%010d", Long.parseLong(all.get(i - 1).id()));
      String cur = all.get(i).updatedAt() + "|" + String.format("%010d", Long.parseLong(all.get(i).id()));
      assertThat(cur).isGreaterThan(prev);
    }
    MagentoRecord middle = all.get(all.size() / 2);
    List<MagentoRecord> after = all(client.orders().changedSince(STORE, middle.updatedAt(), middle.id()));
    assertThat(after).containsExactlyElementsOf(all.subList(all.size() / 2 + 1, all.size()));
  }

  @Test
  void orders_commentKeepsTheStatus_cancelHoldUnhold() throws Exception {
    long id = pendingOrder();
    client.orders().addComment(STORE, id, new OrderComment("Accepted by ERP as SO-1", "pending", false, false));
    JsonNode order = simOrder(id);
    assertThat(order.path("status").asText()).isEqualTo("pending");
    assertThat(order.path("status_histories").get(0).path("comment").asText()).isEqualTo("Accepted by ERP as SO-1");
    assertThat(client.orders().hold(STORE, id)).isTrue();
    assertThat(simOrder(id).path("state").asText()).isEqualTo("holded");
    assertThat(client.orders().cancel(STORE, id)).as("a held order cannot be canceled").isFalse();
    assertThat(client.orders().unhold(STORE, id)).isTrue();
    assertThat(client.orders().cancel(STORE, id)).isTrue();
    assertThat(simOrder(id).path("state").asText()).isEqualTo("canceled");
  }

  private long pendingOrder() throws Exception {
    for (long id : fx.sim.orderIds()) {
      if (simOrder(id).path("state").asText().equals("new")) {
        return id;
      }
    }
    throw new IllegalStateException("no pending order in the seed");
  }

  @Test
  void sales_invoiceAndShipChangeTheOrder_andDocumentsAreSearchable() throws Exception {
    long id = pendingOrder();
    JsonNode order = simOrder(id);
    long invoiceId = client.sales().invoice(STORE, id, new InvoiceRequest(List.of(), false, "ERP INV-1", false));
    assertThat(simOrder(id).path("state").asText()).isEqualTo("processing");
    long firstItem = order.path("items").get(0).path("item_id").asLong();
    long shipmentId = client.sales().ship(STORE, id, new ShipRequest(List.of(),
        List.of(new ShipRequest.Track("1Z-TRACK-1", "United Parcel Service", "ups")), "default", "ERP SHP-1", false, true));
    assertThat(simOrder(id).path("state").asText()).isEqualTo("complete");
    assertThat(shipmentId).isNotEqualTo(invoiceId);
    List<MagentoSales.DocumentSummary> shipments = client.sales().shipmentTracks(STORE, id);
    assertThat(shipments).singleElement().satisfies(s -> {
      assertThat(s.documentId()).isEqualTo(shipmentId);
      assertThat(s.trackNumbers()).containsExactly("1Z-TRACK-1");
      assertThat(s.comments()).containsExactly("ERP SHP-1");
    });
    assertThat(client.sales().invoiceComments(STORE, id)).singleElement()
        .satisfies(i -> assertThat(i.comments()).containsExactly("ERP INV-1"));
    assertThat(firstItem).isPositive();
    RemoteSystemException again = catchThrowableOfType(RemoteSystemException.class,
        () -> client.sales().ship(STORE, id, new ShipRequest(List.of(), List.of(), null, null, false, false)));
    assertThat(again.status()).hasValue(400);
    assertThat(again.retryable()).isFalse();
    assertThat(again.getMessage()).contains("POST /rest/default/V1/order/" + id + "/ship")
        .contains("Shipment Document Validation Error(s)");
  }

  @Test
  void sales_creditMemosDecodeToReturns() throws Exception {
    List<MagentoRecord> memos = all(client.sales().creditMemos(STORE, SearchCriteria.all()));
    assertThat(memos).as("the seed refunds some shipped orders").isNotEmpty();
    MagentoRecord memo = memos.get(0);
    JsonNode raw = JSON.readTree(memo.json());
    Return ret = client.sales().decodeCreditMemo(client.sales().creditMemo(STORE, Long.parseLong(memo.id())),
        simOrder(raw.path("order_id").asLong()).path("increment_id").asText());
    assertThat(ret.number()).isEqualTo(raw.path("increment_id").asText());
    assertThat(ret.total().amount()).isEqualByComparingTo(raw.path("grand_total").decimalValue());
    assertThat(ret.lines()).hasSize(1);
    assertThat(all(client.sales().creditMemosChangedSince(STORE, null, "0"))).hasSameSizeAs(memos);
  }

  /**
   * Regression (found by the demo): a credit memo of a discounted order decoded its lines at the full row
   * total, the discount was nowhere in the return, and GP refused it (DOCAMNT ≠ refunded total). Every
   * decoded return now adds up: lines + shipping + adjustment + tax = grand_total.
   */
  @Test
  void sales_creditMemosOfDiscountedOrders_decodeToReturnsThatAddUp() throws Exception {
    for (long id : fx.sim.orderIds()) {
      JsonNode o = simOrder(id);
      if (o.path("discount_amount").decimalValue().signum() != 0 && o.path("total_invoiced").decimalValue().signum() > 0
          && o.path("total_refunded").decimalValue().signum() == 0) {
        try {
          fx.sim.refund(o.path("increment_id").asText(), java.math.BigDecimal.ONE, new java.math.BigDecimal("2.50"));
          break;
        } catch (IllegalArgumentException onlyABundle) {
          // nothing refundable on this one
        }
      }
    }
    List<MagentoRecord> memos = all(client.sales().creditMemos(STORE, SearchCriteria.all()));
    boolean sawDiscount = false;
    for (MagentoRecord memo : memos) {
      JsonNode raw = JSON.readTree(memo.json());
      sawDiscount |= raw.path("discount_amount").decimalValue().signum() != 0;
      Return ret = client.sales().decodeCreditMemo(client.sales().creditMemo(STORE, Long.parseLong(memo.id())),
          simOrder(raw.path("order_id").asLong()).path("increment_id").asText());
      java.math.BigDecimal sum = ret.lines().stream().map(l -> l.total().amount())
          .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
          .add(ret.shipping().amount()).add(ret.adjustment().amount()).add(ret.tax().amount());
      assertThat(sum).as("credit memo %s", ret.number()).isEqualByComparingTo(ret.total().amount());
    }
    assertThat(sawDiscount).as("the seed refunds at least one discounted order").isTrue();
  }

  @Test
  void customers_getSearchCreateAndUpdateWithoutLosingAddresses() throws Exception {
    Customer created = Customer.builder().email("new.buyer@example.com").firstName("Noor").lastName("Haddad")
        .addAddress(new CustomerAddress(null, Address.builder().firstName("Noor").lastName("Haddad")
            .addLine("12 Juniper Street").city("Boise").regionCode("ID").region("Idaho").postalCode("83702")
            .countryCode("US").phone("208-555-0133").build(), true, true))
        .addAddress(new CustomerAddress(null, Address.builder().firstName("Noor").lastName("Haddad")
            .addLine("400 Canal Street").city("Savannah").regionCode("GA").region("Georgia").postalCode("31401")
            .countryCode("US").phone("912-555-0101").build(), false, false))
        .build();
    long id = client.customers().create(STORE, created, 1);
    Customer read = client.customers().get(STORE, id);
    assertThat(read.email()).isEqualTo("new.buyer@example.com");
    assertThat(read.addresses()).hasSize(2);
    assertThat(read.defaultBilling()).hasValueSatisfying(a -> assertThat(a.address().city()).isEqualTo("Boise"));
    // the ERP only knows one of the two addresses and a changed last name
    Customer fromErp = Customer.builder().ref(io.commercesync.core.model.ExternalRef.of(SystemId.MAGENTO,
        String.valueOf(id))).email("new.buyer@example.com").firstName("Noor").lastName("Haddad-Reyes")
        .addAddress(new CustomerAddress(null, Address.builder().firstName("Noor").lastName("Haddad")
            .addLine("12 Juniper Street").city("Boise").regionCode("ID").region("Idaho").postalCode("83702")
            .countryCode("US").phone("208-555-0199").build(), true, true))
        .build();
    client.customers().update(STORE, id, fromErp);
    Customer after = client.customers().get(STORE, id);
    assertThat(after.lastName()).isEqualTo("Haddad-Reyes");
    assertThat(after.addresses()).as("the unlisted Savannah address survives").hasSize(2);
    assertThat(after.addresses()).anySatisfy(a -> assertThat(a.address().phone()).isEqualTo("208-555-0199"));
    List<MagentoRecord> found = all(client.customers().search(STORE, SearchCriteria.builder()
        .where("email", SearchCriteria.Condition.EQ, "new.buyer@example.com").build()));
    assertThat(found).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("new.buyer@example.com"));
    RemoteSystemException dup = catchThrowableOfType(RemoteSystemException.class,
        () -> client.customers().create(STORE, created, 1));
    assertThat(dup.status()).hasValue(400);
    assertThat(dup.remoteMessage()).hasValueSatisfying(m -> assertThat(m).contains("already exists"));
    RemoteSystemException missing = catchThrowableOfType(RemoteSystemException.class,
        () -> client.customers().get(STORE, 99999));
    assertThat(missing.getMessage()).contains("No such entity with customerId = 99999").contains("HTTP 404");
    assertThat(all(client.customers().changedSince(STORE, null, "0"))).hasSize(26);
  }

  @Test
  void products_getFindUpdateCreateAndSearch() throws Exception {
    Item mug = client.products().get(StoreScope.ALL, "CS-MUG-STD");
    assertThat(mug.sku()).isEqualTo("CS-MUG-STD");
    assertThat(mug.status()).isEqualTo(ItemStatus.ACTIVE);
    assertThat(mug.taxClass()).isEqualTo("2");
    assertThat(client.products().find(StoreScope.ALL, "NOPE")).isEmpty();
    client.products().update(StoreScope.ALL, ProductUpdate.builder("CS-MUG-STD").price(new BigDecimal("17.25"))
        .weight(new BigDecimal("1.1")).customAttribute("erp_class", "MUGS").build());
    JsonNode scopes = JSON.readTree(fx.sim.productScopes("CS-MUG-STD"));
    assertThat(scopes.path("global").path("price").decimalValue()).isEqualByComparingTo("17.25");
    assertThat(scopes.path("overrides").has("1")).isFalse();
    assertThat(scopes.path("global").path("media_gallery_entries")).hasSize(1);
    client.products().create(StoreScope.ALL, ProductUpdate.builder("CS-NEW-1").name("New Thing").price(BigDecimal.TEN)
        .typeId("simple").attributeSetId(4).status(2).build());
    assertThat(client.products().get(StoreScope.ALL, "CS-NEW-1").status()).isEqualTo(ItemStatus.INACTIVE);
    List<MagentoRecord> mugs = all(client.products().search(StoreScope.ALL, SearchCriteria.builder()
        .where("sku", SearchCriteria.Condition.LIKE, "CS-MUG%").build()));
    assertThat(mugs).extracting(MagentoRecord::key).containsExactlyInAnyOrder("CS-MUG-STD", "CS-MUG-XL");
  }

  @Test
  void inventory_sourcesItemsChunkedSalableAndLegacyStock() {
    assertThat(client.inventory().sources(StoreScope.ALL)).extracting(MagentoSource::code)
        .containsExactly("default", "wh_austin", "wh_reno");
    List<SourceItem> items = new ArrayList<>();
    List<String> skus = fx.sim.skus();
    for (int i = 0; i < 45; i++) {
      items.add(new SourceItem(skus.get(i % 20), i < 20 ? "default" : i < 40 ? "wh_austin" : "wh_reno",
          BigDecimal.valueOf(i), i % 7 != 0));
    }
    long before = fx.sim.server().log().count("POST", "/rest/{store}/V1/inventory/source-items");
    client.inventory().saveSourceItems(StoreScope.ALL, items);
    assertThat(fx.sim.server().log().count("POST", "/rest/{store}/V1/inventory/source-items") - before)
        .as("45 items in calls of at most 20").isEqualTo(3);
    assertThat(fx.sim.sourceQuantity(skus.get(3), "wh_austin")).isEqualByComparingTo("23");
    assertThat(client.inventory().sourceItems(StoreScope.ALL, skus.get(3)))
        .anySatisfy(s -> assertThat(s.sourceCode()).isEqualTo("wh_austin"));
    client.inventory().deleteSourceItems(StoreScope.ALL, List.of(items.get(43)));
    assertThat(fx.sim.sourceQuantity(items.get(43).sku(), "wh_reno")).isNull();
    BigDecimal salable = client.inventory().salableQuantity(StoreScope.ALL, "CS-MUG-STD", 1);
    assertThat(salable).isEqualByComparingTo(fx.sim.salableQuantity("CS-MUG-STD"));
    StockItem stock = client.inventory().stockItem(StoreScope.ALL, "CS-MUG-STD");
    client.inventory().updateStockItem(StoreScope.ALL, "CS-MUG-STD", stock.itemId(), new BigDecimal("77"), true);
    assertThat(client.inventory().stockItem(StoreScope.ALL, "CS-MUG-STD").qty()).isEqualByComparingTo("77");
  }

  @Test
  void prices_baseAndTier_withPerRowFailures() {
    List<PriceFailure> failures = client.prices().saveBasePrices(StoreScope.ALL, List.of(
        new BasePrice("CS-MUG-STD", new BigDecimal("13.40"), 0), new BasePrice("NOPE", BigDecimal.ONE, 0)));
    assertThat(failures).singleElement().satisfies(f -> {
      assertThat(f.sku()).isEqualTo("NOPE");
      assertThat(f.message()).isEqualTo("Invalid attribute SKU = NOPE.");
    });
    assertThat(client.prices().basePrices(StoreScope.ALL, List.of("CS-MUG-STD")))
        .singleElement().satisfies(p -> assertThat(p.price()).isEqualByComparingTo("13.40"));
    assertThat(client.prices().saveTierPrices(StoreScope.ALL, List.of(
        new TierPrice("CS-MUG-STD", "Wholesale", new BigDecimal("12"), new BigDecimal("11.50"), false, 0)))).isEmpty();
    assertThat(client.prices().tierPrices(StoreScope.ALL, List.of("CS-MUG-STD"))).singleElement()
        .satisfies(t -> assertThat(t.customerGroup()).isEqualTo("Wholesale"));
    client.prices().replaceTierPrices(StoreScope.ALL, List.of(
        new TierPrice("CS-MUG-STD", "General", new BigDecimal("6"), new BigDecimal("12"), false, 0)));
    assertThat(client.prices().tierPrices(StoreScope.ALL, List.of("CS-MUG-STD"))).singleElement()
        .satisfies(t -> assertThat(t.customerGroup()).isEqualTo("General"));
  }

  @Test
  void bulk_submitsPollsAndReportsEachOperation() {
    try (SimulatorFixture slow = new SimulatorFixture(MagentoSimulator.config().bulkCompletesAfterPolls(3).build())) {
      MagentoClient c = slow.oauthClient();
      List<BulkSubmission> sent = c.bulk().updateProducts(StoreScope.ALL, List.of(
          ProductUpdate.builder("CS-MUG-STD").price(new BigDecimal("9.99")).build(),
          ProductUpdate.builder("NOPE").price(BigDecimal.ONE).build()));
      assertThat(sent).singleElement().satisfies(s -> assertThat(s.operations()).isEqualTo(2));
      BulkStatus first = c.bulk().status(sent.get(0));
      assertThat(first.done()).isFalse();
      BulkStatus done = c.bulk().await(sent.get(0), Duration.ofSeconds(10));
      assertThat(done.done()).isTrue();
      assertThat(done.operations().get(0).status()).isEqualTo(BulkStatus.OperationStatus.COMPLETE);
      assertThat(done.failed()).singleElement().satisfies(op -> {
        assertThat(op.id()).isEqualTo(1);
        assertThat(op.message()).contains("doesn't exist");
      });
      List<BulkSubmission> stock = c.bulk().saveSourceItems(StoreScope.ALL,
          List.of(new SourceItem("CS-MUG-STD", "wh_reno", new BigDecimal("5"), true)));
      assertThat(c.bulk().await(stock.get(0), Duration.ofSeconds(10)).failed()).isEmpty();
      assertThat(slow.sim.sourceQuantity("CS-MUG-STD", "wh_reno")).isEqualByComparingTo("5");
    }
  }

  @Test
  void bulk_chunksAtTheConfiguredAsyncLimit() {
    MagentoClient c = fx.builder().limits(MagentoLimits.DEFAULT.withMaxAsyncEntities(3)).build();
    List<SourceItem> items = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      items.add(new SourceItem("CS-MUG-STD", "default", BigDecimal.valueOf(i), true));
    }
    assertThat(c.bulk().saveSourceItems(StoreScope.ALL, items)).extracting(BulkSubmission::operations)
        .containsExactly(3, 3, 1);
  }

  @Test
  void authModes_bearerAndAdminTokenWork_bearerRefusedWhenTheStoreDisallowsIt() {
    long id = fx.sim.orderIds().get(0);
    AuthenticationException refused = catchThrowableOfType(AuthenticationException.class,
        () -> fx.bearerClient().orders().get(STORE, id));
    assertThat(refused.getMessage()).contains("The consumer isn't authorized to access Magento_Sales::sales")
        .doesNotContain(fx.sim.credentials().accessToken());
    assertThat(refused.retryable()).isFalse();
    try (SimulatorFixture bearerStore = new SimulatorFixture(MagentoSimulator.config().bearerEnabled(true).build())) {
      assertThat(bearerStore.bearerClient().orders().get(STORE, id).number()).isNotBlank();
    }
    MagentoClient admin = fx.adminClient();
    assertThat(admin.orders().get(STORE, id).number()).isNotBlank();
    assertThat(admin.orders().get(STORE, id).number()).isNotBlank();
    assertThat(admin.adminTokensFetched()).isEqualTo(1);
    assertThat(admin.authMode()).isEqualTo("admin-token");
  }

  @Test
  void everyCall_carriesTheStoreScopeExplicitly() {
    client.orders().get(STORE, fx.sim.orderIds().get(0));
    client.products().update(StoreScope.ALL, ProductUpdate.builder("CS-MUG-STD").price(BigDecimal.TEN).build());
    Set<String> prefixes = new HashSet<>();
    fx.sim.server().log().recent().forEach(e -> prefixes.add(e.path().split("/")[2]));
    assertThat(prefixes).containsOnly("default", "all");
  }
}
