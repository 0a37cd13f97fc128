package io.commercesync.connector.clarity.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.clarity.ClarityDialect;
import io.commercesync.connector.clarity.internal.dto.cef.CefAccount;
import io.commercesync.connector.clarity.internal.dto.cef.CefAccountContact;
import io.commercesync.connector.clarity.internal.dto.cef.CefActionResponse;
import io.commercesync.connector.clarity.internal.dto.cef.CefAddress;
import io.commercesync.connector.clarity.internal.dto.cef.CefInventoryRow;
import io.commercesync.connector.clarity.internal.dto.cef.CefLocationSection;
import io.commercesync.connector.clarity.internal.dto.cef.CefPagedResults;
import io.commercesync.connector.clarity.internal.dto.cef.CefProduct;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesInvoice;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesOrder;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesReturn;
import io.commercesync.connector.clarity.internal.dto.cef.CefShipment;
import io.commercesync.connector.clarity.internal.http.ClarityHttp;
import io.commercesync.connector.clarity.internal.http.ClarityHttp.Call;
import io.commercesync.connector.clarity.internal.mapping.CefCustomerAssembler;
import io.commercesync.connector.clarity.internal.mapping.CefMapper;
import io.commercesync.connector.clarity.internal.mapping.CefOrderAssembler;
import io.commercesync.connector.clarity.internal.mapping.CefReturnAssembler;
import io.commercesync.connector.clarity.internal.mapping.CefWriteMapper;
import io.commercesync.connector.clarity.internal.mapping.ClarityCodecs;
import io.commercesync.connector.clarity.internal.mapping.ClarityLimits;
import io.commercesync.connector.clarity.internal.mapping.MappingSettings;
import io.commercesync.connector.clarity.internal.mapping.ProductPatches;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.BatchSink;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CatalogUpdate;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.OrderStatusUpdate;
import io.commercesync.core.spi.StockUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * The native dialect: Clarity eCommerce Framework's ServiceStack API (reference §2 [C]). Uniform routes
 * per entity ({@code /{Area}/{Entities}} search, {@code /{Area}/{Entity}/ID/{ID}}, {@code /Key/{Key}},
 * {@code /Create}, {@code /Update}, {@code /Upsert}), 1-based {@code Paging { StartIndex, Size }}, incremental
 * reads by {@code ModifiedSince}, {@code CEFActionResponse} checked for {@code ActionSucceeded}.
 *
 * <p>Inferred [I], tested only against the simulator: search parameters travel in the query string with
 * complex values in ServiceStack's JSV notation ({@code Paging={StartIndex:1,Size:50}},
 * {@code Sorts=[{Name:UpdatedDate,Direction:Ascending}]}); the {@code ProductInventoryLocationSections} search
 * filters by {@code MasterID}; the {@code Accounts} search filters by {@code Email} and {@code Name}.
 */
public final class CefApi implements ClarityApi {

  /** Rows per {@code CreateMany}/{@code UpdateMany}: CEF documents no limit; 100 keeps requests small [I]. */
  public static final int STOCK_BATCH = 100;

  private static final JsonCodec JSON = ClarityCodecs.CEF;
  private static final String SORTS = "[{Name:UpdatedDate,Direction:Ascending},{Name:ID,Direction:Ascending}]";

  /** Workflow route → the status key the order has after it (reference §2.1/§2.5 [C]). */
  private static final Map<String, String> ROUTE_RESULT = Map.ofEntries(
      Map.entry("confirm", "Confirmed"), Map.entry("pending", "Pending"), Map.entry("hold", "On Hold"),
      Map.entry("backorder", "Backordered"), Map.entry("ship", "Shipped"), Map.entry("dropship", "Shipped from Vendor"),
      Map.entry("readyforpickup", "Ready for Pickup"), Map.entry("complete", "Completed"), Map.entry("void", "Void"),
      Map.entry("createpickticket", "Processing"));

  private final ClarityHttp http;
  private final MappingSettings settings;
  private final int pageSize;
  private final CefOrderAssembler orders;
  private final CefCustomerAssembler customers;
  private final CefReturnAssembler returns;
  private final Map<String, Integer> productIds = new ConcurrentHashMap<>();
  private final Map<String, Integer> sectionIds = new ConcurrentHashMap<>();

  public CefApi(ClarityHttp http, MappingSettings settings, int pageSize) {
    this.http = http;
    this.settings = settings;
    this.pageSize = pageSize;
    this.orders = new CefOrderAssembler(settings);
    this.customers = new CefCustomerAssembler(settings);
    this.returns = new CefReturnAssembler(settings);
  }

  @Override
  public ClarityDialect dialect() {
    return ClarityDialect.NATIVE;
  }

  // ---------------------------------------------------------------- orders

  @Override
  public RawPage orders(Instant since, int page) {
    return search(http.url("Ordering", "SalesOrders"), "order", since, page, true);
  }

  @Override
  public Optional<RawEntry> order(String key) {
    Optional<JsonNode> found = single(http.url("Ordering", "SalesOrder", "Key", key).build(), "order", key);
    if (found.isEmpty() && key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
      found = single(http.url("Ordering", "SalesOrder", "ID", key).build(), "order", key);
    }
    return found.map(n -> entry(n, true));
  }

  @Override
  public Order decodeOrder(byte[] payload) {
    return orders.order(JSON.read(payload, CefSalesOrder.class, "order"));
  }

  private CefSalesOrder salesOrder(String number, String entity) {
    return order(number).map(e -> JSON.read(e.payload(), CefSalesOrder.class, "order"))
        .orElseThrow(() -> InvalidRecordException.of(SystemId.CLARITY, entity, number, FieldViolation.of(
            "orderNumber", FieldViolation.RULE_UNKNOWN_REFERENCE, number, "is not a sales order in Clarity")));
  }

  // ---------------------------------------------------------------- returns

  /** Envelope field holding the {@code SalesReturnModel} as CEF sent it. */
  static final String RETURN_FIELD = "SalesReturn";
  /** Envelope field holding the refunded order's number, looked up while reading (absent when not found). */
  static final String ORDER_KEY_FIELD = "SalesOrderKey";

  /**
   * {@code GET /Returning/SalesReturns} with {@code ModifiedSince}, {@code Paging} and {@code Sorts}, as orders
   * are read [C route: S1 {@code 06.Services/06.Clarity.Ecommerce.Service/_T4/Services.Returning.SalesReturn.cs}].
   * Not {@code /Returning/SalesReturnsForConnect}: it sorts by {@code CreatedDate} descending and does not page
   * (S1 {@code 05.BusinessLogic/05.Clarity.Ecommerce.Workflow/Returning/SalesReturn/SalesReturnCRUDWorkflow.extended.cs}
   * {@code SearchForConnectAsync}), so a checkpoint could pass an unread return.
   *
   * <p>A return names its order only by native ID ({@code SalesOrderIDs}), so each payload is an envelope
   * {@code {"SalesReturn": <as CEF sent it>, "SalesOrderKey": "<the order's CustomKey, else ID>"}}, the order
   * read once per page by {@code GET /Ordering/SalesOrder/ID/{ID}} (as the Magento source looks up a credit
   * memo's order).
   */
  @Override
  public RawPage returns(Instant since, int page) {
    RawPage raw = search(http.url("Returning", "SalesReturns"), "return", since, page, true);
    Map<Integer, Optional<String>> orderKeys = new HashMap<>();
    List<RawEntry> entries = new ArrayList<>();
    for (RawEntry e : raw.entries()) {
      entries.add(returnEntry(e, orderKeys));
    }
    return new RawPage(entries, raw.totalPages());
  }

  /** {@code GET /Returning/SalesReturn/Key/{Key}}, else {@code /ID/{ID}} for a numeric key [C, S1 same file]. */
  @Override
  public Optional<RawEntry> salesReturn(String key) {
    Optional<JsonNode> found = single(http.url("Returning", "SalesReturn", "Key", key).build(), "return", key);
    if (found.isEmpty() && !key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
      found = single(http.url("Returning", "SalesReturn", "ID", key).build(), "return", key);
    }
    return found.map(n -> returnEntry(entry(n, true), new HashMap<>()));
  }

  private RawEntry returnEntry(RawEntry e, Map<Integer, Optional<String>> orderKeys) {
    JsonNode node = JSON.read(e.payload(), JsonNode.class, "return");
    ObjectNode env = JsonNodeFactory.instance.objectNode();
    env.set(RETURN_FIELD, node);
    Integer orderId = returnOrderId(node);
    if (orderId != null) {
      orderKeys.computeIfAbsent(orderId, id -> single(http.url("Ordering", "SalesOrder", "ID", String.valueOf(id)).build(),
              "return", e.key())
          .map(o -> text(o, "CustomKey") != null ? text(o, "CustomKey") : text(o, "ID")))
          .ifPresent(k -> env.put(ORDER_KEY_FIELD, k));
    }
    return new RawEntry(e.key(), e.updatedAt(), e.tie(), JSON.write(env));
  }

  /** {@code SalesOrderIDs[0]}, else {@code AssociatedSalesOrders[0].SlaveID} [I], read leniently (decoding reports bad values). */
  private static Integer returnOrderId(JsonNode node) {
    for (JsonNode id : node.path("SalesOrderIDs")) {
      if (id.canConvertToInt() && id.isIntegralNumber()) {
        return id.asInt();
      }
    }
    for (JsonNode a : node.path("AssociatedSalesOrders")) {
      JsonNode id = a.path("SlaveID");
      if (id.isIntegralNumber()) {
        return id.asInt();
      }
    }
    return null;
  }

  @Override
  public String returnStatus(byte[] payload) {
    JsonNode r = JSON.read(payload, JsonNode.class, "return").path(RETURN_FIELD);
    return text(r, "StatusKey") != null ? text(r, "StatusKey") : text(r, "StatusName");
  }

  @Override
  public Return decodeReturn(String key, byte[] payload) {
    JsonNode env = JSON.read(payload, JsonNode.class, "return");
    CefSalesReturn dto;
    try {
      dto = JSON.read(JSON.write(env.path(RETURN_FIELD)), CefSalesReturn.class, "return");
    } catch (InvalidRecordException e) {
      throw e.relabel(SystemId.CLARITY, "return", key, null);
    }
    return returns.toReturn(dto, text(env, ORDER_KEY_FIELD));
  }

  // ---------------------------------------------------------------- customers (accounts)

  @Override
  public RawPage customers(Instant since, int page) {
    return search(http.url("Accounts", "Accounts"), "customer", since, page, false);
  }

  @Override
  public Optional<RawEntry> customer(String id) {
    return single(http.url("Accounts", "Account", "ID", id).build(), "customer", id).map(n -> entry(n, false));
  }

  @Override
  public Customer decodeCustomer(byte[] payload) {
    return customers.customer(JSON.read(payload, CefAccount.class, "customer"));
  }

  @Override
  public List<Customer> searchCustomers(CustomerQuery query) {
    HttpUrl.Builder url = http.url("Accounts", "Accounts");
    paging(url, 1);
    if (query.email() != null) {
      url.addQueryParameter("Email", query.email());
    }
    String name = query.company() != null ? query.company()
        : query.lastName() == null ? null : String.join(" ", nonNull(query.firstName(), query.lastName()));
    if (name != null) {
      url.addQueryParameter("Name", name);
    }
    CefPagedResults page = http.send(Call.get(url.build()).record("customer", query.email()), JSON,
        CefPagedResults.class).orElseThrow();
    List<Customer> out = new ArrayList<>();
    for (JsonNode n : page.results() == null ? List.<JsonNode>of() : page.results()) {
      out.add(decodeCustomer(JSON.write(n)));
    }
    return out;
  }

  private Optional<CefAccount> account(String clarityId, String customKey) {
    Optional<JsonNode> node = clarityId != null
        ? single(http.url("Accounts", "Account", "ID", clarityId).build(), "customer", clarityId)
        : customKey != null ? single(http.url("Accounts", "Account", "Key", customKey).build(), "customer", customKey)
        : Optional.empty();
    return node.map(n -> JSON.read(JSON.write(n), CefAccount.class, "customer"));
  }

  @Override
  public WriteResult writeCustomer(Customer customer, IdempotencyKey key) {
    String erpKey = Keys.erpKey(customer.refs(), settings.erpSystem());
    String clarityId = Keys.clarityId(customer.refs());
    String recordKey = erpKey != null ? erpKey : clarityId != null ? clarityId : customer.email();
    V1Api.checkCustomer(customer, erpKey, recordKey);
    Optional<CefAccount> existing = account(clarityId, erpKey);
    if (existing.isPresent()) {
      CefAccount current = existing.get();
      CefAccount wanted = CefWriteMapper.INSTANCE.account(customer, current.id(),
          erpKey != null ? erpKey : current.customKey());
      CefAccount merged = new CefAccount(current.id(), wanted.customKey(), current.active(), wanted.name(),
          null, null, wanted.typeKey(), wanted.isOnHold(), wanted.isTaxable(), current.taxExemptionNo(),
          wanted.credit(), wanted.creditCurrencyKey(), mergeContacts(current.accountContacts(), wanted.accountContacts()));
      action(Call.of("PUT", http.url("Accounts", "Account", "Update").build(), JSON.write(merged))
          .record("customer", recordKey));
      return WriteResult.updated(String.valueOf(current.id()));
    }
    CefAccount body = CefWriteMapper.INSTANCE.account(customer, null, erpKey);
    String route = erpKey != null ? "Upsert" : "Create";
    CefActionResponse r = action(Call.of("POST", http.url("Accounts", "Account", route).build(), JSON.write(body))
        .record("customer", recordKey));
    return WriteResult.created(resultId(r, recordKey));
  }

  /** The account's contacts as they are, plus a contact for each address not yet among them: never deletes one. */
  static List<CefAccountContact> mergeContacts(List<CefAccountContact> current, List<CefAccountContact> wanted) {
    List<CefAccountContact> out = new ArrayList<>(current == null ? List.of() : current);
    for (CefAccountContact w : wanted) {
      boolean known = out.stream().anyMatch(c -> sameAddress(c, w));
      if (!known) {
        out.add(w);
      }
    }
    return out;
  }

  private static boolean sameAddress(CefAccountContact a, CefAccountContact b) {
    CefAddress x = a.slave() == null ? null : a.slave().address();
    CefAddress y = b.slave() == null ? null : b.slave().address();
    if (x == null || y == null) {
      return x == y && a.slave() != null && b.slave() != null
          && Objects.equals(a.slave().email1(), b.slave().email1());
    }
    return norm(x.street1()).equals(norm(y.street1())) && norm(x.postalCode()).equals(norm(y.postalCode()))
        && norm(x.city()).equals(norm(y.city()));
  }

  private static String norm(String s) {
    return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  @Override
  public Optional<WriteResult> lookupCustomer(Customer customer) {
    String erpKey = Keys.erpKey(customer.refs(), settings.erpSystem());
    String clarityId = Keys.clarityId(customer.refs());
    Optional<Customer> existing;
    if (clarityId != null || erpKey != null) {
      existing = account(clarityId, erpKey).map(customers::customer);
    } else if (customer.email() != null) {
      existing = searchCustomers(CustomerQuery.byEmail(customer.email())).stream()
          .filter(c -> customer.email().equalsIgnoreCase(String.valueOf(c.email()))).findFirst();
    } else {
      existing = Optional.empty();
    }
    return existing.filter(c -> V1Api.sameCustomer(c, customer))
        .map(c -> WriteResult.alreadyApplied(Keys.clarityId(c.refs())));
  }

  // ---------------------------------------------------------------- products and prices

  private Optional<CefProduct> productDto(String sku) {
    return single(http.url("Products", "Product", "Key", sku).build(), "product", sku)
        .map(n -> JSON.read(JSON.write(n), CefProduct.class, "product"));
  }

  @Override
  public Optional<Item> product(String sku) {
    return productDto(sku).map(p -> V1Api.relabel("product", sku, () -> CefMapper.INSTANCE.item(p,
        settings.defaultCurrency())));
  }

  @Override
  public WriteResult writeProduct(CatalogUpdate update, IdempotencyKey key) {
    String sku = update.item().sku();
    V1Api.checkProduct(update);
    Optional<CefProduct> current = productDto(sku);
    if (current.isEmpty()) {
      if (!update.createIfMissing()) {
        throw V1Api.unknownSku(sku);
      }
      CefProduct created = new CefProduct();
      ProductPatches.applyCef(created, update, true);
      CefActionResponse r = action(Call.of("POST", http.url("Products", "Product", "Create").build(), JSON.write(created))
          .record("product", sku));
      return WriteResult.created(resultId(r, sku));
    }
    CefProduct product = current.get();
    if (ProductPatches.cefMatches(product, update)) {
      return new WriteResult(String.valueOf(product.id), WriteResult.Outcome.UNCHANGED);
    }
    ProductPatches.applyCef(product, update, false);
    action(Call.of("PUT", http.url("Products", "Product", "Update").build(), JSON.write(product)).record("product", sku));
    productIds.put(sku, product.id);
    return WriteResult.updated(String.valueOf(product.id));
  }

  @Override
  public Optional<WriteResult> lookupProduct(CatalogUpdate update) {
    return productDto(update.item().sku()).filter(p -> ProductPatches.cefMatches(p, update))
        .map(p -> WriteResult.alreadyApplied(String.valueOf(p.id)));
  }

  @Override
  public WriteResult writeBasePrice(Price price, IdempotencyKey key) {
    V1Api.requireBasePrice(price);
    CefProduct product = productDto(price.sku()).orElseThrow(() -> V1Api.unknownSku(price.sku()));
    if (product.priceBase != null && product.priceBase.compareTo(price.amount().amount()) == 0) {
      return new WriteResult(String.valueOf(product.id), WriteResult.Outcome.UNCHANGED);
    }
    product.priceBase = price.amount().amount();
    action(Call.of("PUT", http.url("Products", "Product", "Update").build(), JSON.write(product))
        .record("price", price.sku()));
    return WriteResult.updated(String.valueOf(product.id));
  }

  @Override
  public Optional<WriteResult> lookupBasePrice(Price price) {
    V1Api.requireBasePrice(price);
    return productDto(price.sku())
        .filter(p -> p.priceBase != null && p.priceBase.compareTo(price.amount().amount()) == 0)
        .map(p -> WriteResult.alreadyApplied(String.valueOf(p.id)));
  }

  // ---------------------------------------------------------------- inventory per location section

  @Override
  public int stockBatchSize() {
    return STOCK_BATCH;
  }

  private Optional<Integer> productId(String sku) {
    Integer known = productIds.get(sku);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Integer> id = productDto(sku).map(p -> p.id);
    id.ifPresent(i -> productIds.put(sku, i));
    return id;
  }

  private Optional<Integer> sectionId(String code) {
    Integer known = sectionIds.get(code);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Integer> id = single(http.url("Inventory", "InventoryLocationSection", "Key", code).build(), "inventory", code)
        .map(n -> JSON.read(JSON.write(n), CefLocationSection.class, "inventory location section").id());
    id.ifPresent(i -> sectionIds.put(code, i));
    return id;
  }

  private List<CefInventoryRow> rows(int productId, String sku) {
    HttpUrl.Builder url = http.url("Products", "ProductInventoryLocationSections")
        .addQueryParameter("MasterID", String.valueOf(productId));
    paging(url, 1);
    CefPagedResults page = http.send(Call.get(url.build()).record("inventory", sku), JSON, CefPagedResults.class)
        .orElseThrow();
    List<CefInventoryRow> out = new ArrayList<>();
    for (JsonNode n : page.results() == null ? List.<JsonNode>of() : page.results()) {
      out.add(JSON.read(JSON.write(n), CefInventoryRow.class, "inventory"));
    }
    return out;
  }

  @Override
  public List<BatchSink.BatchOutcome> writeStock(List<BatchSink.Keyed<StockUpdate>> batch) {
    Map<Integer, RuntimeException> failed = new LinkedHashMap<>();
    List<Integer> toUpdate = new ArrayList<>();
    List<Integer> toCreate = new ArrayList<>();
    List<CefInventoryRow> updates = new ArrayList<>();
    List<CefInventoryRow> creates = new ArrayList<>();
    Map<String, List<CefInventoryRow>> rowsBySku = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      StockUpdate u = batch.get(i).record();
      String recordKey = u.sku() + "@" + u.location();
      Optional<Integer> product = productId(u.sku());
      Optional<Integer> section = sectionId(u.location());
      if (product.isEmpty() || section.isEmpty()) {
        failed.put(i, InvalidRecordException.of(SystemId.CLARITY, "inventory", recordKey, product.isEmpty()
            ? FieldViolation.of("sku", FieldViolation.RULE_UNKNOWN_REFERENCE, u.sku(), "is not a product in Clarity")
            : FieldViolation.of("location", FieldViolation.RULE_UNKNOWN_REFERENCE, u.location(),
                "is not an inventory location section CustomKey in Clarity")));
        continue;
      }
      List<CefInventoryRow> existing = rowsBySku.computeIfAbsent(u.sku(), s -> rows(product.get(), s));
      Optional<CefInventoryRow> row = existing.stream().filter(r -> section.get().equals(r.slaveID())).findFirst();
      if (row.isPresent()) {
        CefInventoryRow r = row.get();
        updates.add(new CefInventoryRow(r.id(), r.customKey(), r.active(), r.masterID(), r.masterKey(), r.slaveID(),
            r.slaveKey(), u.quantity(), r.quantityAllocated(), r.quantityPreSold(), null));
        toUpdate.add(i);
      } else {
        creates.add(new CefInventoryRow(null, null, true, product.get(), u.sku(), section.get(), u.location(),
            u.quantity(), null, null, null));
        toCreate.add(i);
      }
    }
    bulk("UpdateMany", updates, toUpdate, failed);
    bulk("CreateMany", creates, toCreate, failed);
    List<BatchSink.BatchOutcome> out = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      BatchSink.Keyed<StockUpdate> k = batch.get(i);
      RuntimeException f = failed.get(i);
      String id = k.record().sku() + "@" + k.record().location();
      out.add(f != null ? BatchSink.BatchOutcome.failed(k.key(), f) : BatchSink.BatchOutcome.written(k.key(),
          toCreate.contains(i) ? WriteResult.created(id) : WriteResult.updated(id)));
    }
    return out;
  }

  /**
   * One bulk call. A transport or server failure is thrown (the whole batch is retried by the pipeline);
   * {@code ActionSucceeded=false} is a refusal of these rows, recorded against each of them.
   */
  private void bulk(String route, List<CefInventoryRow> rows, List<Integer> indexes, Map<Integer, RuntimeException> failed) {
    if (rows.isEmpty()) {
      return;
    }
    try {
      action(Call.of("POST", http.url("Inventory", "ProductInventoryLocationSections", route).build(), JSON.write(rows))
          .record("inventory", rows.size() + " rows"));
    } catch (RemoteSystemException e) {
      if (e.retryable()) {
        throw e;
      }
      indexes.forEach(i -> failed.put(i, e));
    }
  }

  @Override
  public Optional<WriteResult> lookupStock(StockUpdate update) {
    Optional<Integer> product = productId(update.sku());
    Optional<Integer> section = sectionId(update.location());
    if (product.isEmpty() || section.isEmpty()) {
      return Optional.empty();
    }
    return rows(product.get(), update.sku()).stream()
        .filter(r -> section.get().equals(r.slaveID()) && r.quantity() != null
            && r.quantity().compareTo(update.quantity()) == 0)
        .findFirst().map(r -> WriteResult.alreadyApplied(update.sku() + "@" + update.location()));
  }

  // ---------------------------------------------------------------- shipments

  @Override
  public WriteResult writeShipment(Shipment shipment, IdempotencyKey key) {
    String customKey = V1Api.externalShipmentId(shipment, key);
    V1Api.checkShipment(shipment, customKey);
    if (shipment.trackingNumbers().size() > 4) {
      throw InvalidRecordException.of(SystemId.CLARITY, "shipment", customKey, FieldViolation.of("trackingNumbers",
          FieldViolation.RULE_LIMIT, shipment.trackingNumbers().size(),
          "a native ShipmentModel holds at most 4 tracking numbers (TrackingNumber, Reference1..3)"));
    }
    CefSalesOrder order = salesOrder(shipment.orderNumber(), "shipment");
    CefShipment body = CefWriteMapper.INSTANCE.shipment(shipment, customKey, List.of(order.id()));
    CefActionResponse r = action(Call.of("POST", http.url("Shipping", "Shipment", "Upsert").build(), JSON.write(body))
        .record("shipment", customKey));
    return WriteResult.created(resultId(r, customKey));
  }

  @Override
  public Optional<WriteResult> lookupShipment(Shipment shipment, IdempotencyKey key) {
    String customKey = V1Api.externalShipmentId(shipment, key);
    return single(http.url("Shipping", "Shipment", "Key", customKey).build(), "shipment", customKey)
        .map(n -> JSON.read(JSON.write(n), CefShipment.class, "shipment"))
        .map(s -> WriteResult.alreadyApplied(s.id() != null ? String.valueOf(s.id()) : customKey));
  }

  // ---------------------------------------------------------------- invoices

  @Override
  public WriteResult writeInvoice(Invoice invoice, IdempotencyKey key) {
    ClarityLimits.check("invoice", invoice.number()).max("CustomKey", invoice.number(), ClarityLimits.CUSTOM_KEY)
        .throwIfAny();
    List<Integer> orderIds = invoice.orderNumber() == null ? List.of()
        : order(invoice.orderNumber()).map(e -> List.of(Integer.valueOf(e.tie()))).orElse(List.of());
    String accountKey = invoice.customerRef() != null && !SystemId.CLARITY.equals(invoice.customerRef().system())
        ? invoice.customerRef().id() : null;
    CefSalesInvoice body = CefWriteMapper.INSTANCE.invoice(invoice, accountKey, orderIds);
    CefActionResponse r = action(Call.of("POST", http.url("Invoicing", "SalesInvoice", "Upsert").build(),
        JSON.write(body)).record("invoice", invoice.number()));
    return WriteResult.created(resultId(r, invoice.number()));
  }

  @Override
  public Optional<WriteResult> lookupInvoice(Invoice invoice) {
    return single(http.url("Invoicing", "SalesInvoice", "Key", invoice.number()).build(), "invoice", invoice.number())
        .map(n -> JSON.read(JSON.write(n), CefSalesInvoice.class, "invoice"))
        .filter(i -> i.totals() != null && same(i.totals().total(), invoice.total().amount())
            && same(i.balanceDue(), invoice.balanceDue().amount()))
        .map(i -> WriteResult.alreadyApplied(i.id() != null ? String.valueOf(i.id()) : invoice.number()));
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a != null && b != null && a.compareTo(b) == 0;
  }

  // ---------------------------------------------------------------- order status (workflow routes)

  private String route(OrderStatusUpdate update) {
    String route = update.statusCode() != null && !update.statusCode().isBlank() ? update.statusCode()
        : settings.statuses().toClarity(update.status()).orElseThrow(() -> InvalidRecordException.of(
            SystemId.CLARITY, "order status", update.orderNumber(), FieldViolation.of("status",
                FieldViolation.RULE_UNKNOWN_REFERENCE, update.status(),
                "has no Clarity workflow route in the status mapping; map it or set statusCode")));
    if (!route.matches("[A-Za-z]{1,40}")) {
      throw InvalidRecordException.of(SystemId.CLARITY, "order status", update.orderNumber(), FieldViolation.of(
          "statusCode", FieldViolation.RULE_FORMAT, route, "must name a workflow route such as Confirm or Ship"));
    }
    return route;
  }

  private CefSalesOrder currentOrder(OrderStatusUpdate update) {
    if (update.orderId() != null && update.orderId().chars().allMatch(Character::isDigit) && !update.orderId().isEmpty()) {
      Optional<JsonNode> byId = single(http.url("Ordering", "SalesOrder", "ID", update.orderId()).build(),
          "order status", update.orderNumber());
      if (byId.isPresent()) {
        return JSON.read(JSON.write(byId.get()), CefSalesOrder.class, "order");
      }
    }
    return salesOrder(update.orderNumber(), "order status");
  }

  private static boolean reached(CefSalesOrder order, String route) {
    String expected = ROUTE_RESULT.get(route.toLowerCase(Locale.ROOT));
    return expected != null && expected.equalsIgnoreCase(order.statusKey());
  }

  @Override
  public WriteResult writeStatus(OrderStatusUpdate update, IdempotencyKey key) {
    String route = route(update);
    CefSalesOrder order = currentOrder(update);
    if (reached(order, route)) {
      return new WriteResult(String.valueOf(order.id()), WriteResult.Outcome.UNCHANGED);
    }
    action(Call.of("PATCH", http.url("Ordering", "SalesOrder", route, String.valueOf(order.id())).build(), null)
        .record("order status", update.orderNumber()));
    return WriteResult.updated(String.valueOf(order.id()));
  }

  @Override
  public Optional<WriteResult> lookupStatus(OrderStatusUpdate update) {
    String route = route(update);
    CefSalesOrder order = currentOrder(update);
    return reached(order, route) ? Optional.of(WriteResult.alreadyApplied(String.valueOf(order.id())))
        : Optional.empty();
  }

  // ---------------------------------------------------------------- shared

  private RawPage search(HttpUrl.Builder url, String entity, Instant since, int page, boolean orderKeys) {
    paging(url, page);
    url.addQueryParameter("Sorts", SORTS);
    if (since != null) {
      url.addQueryParameter("ModifiedSince", since.toString());
    }
    CefPagedResults result = http.send(Call.get(url.build()).record(entity, "page " + page), JSON, CefPagedResults.class)
        .orElseThrow();
    List<RawEntry> entries = new ArrayList<>();
    for (JsonNode node : result.results() == null ? List.<JsonNode>of() : result.results()) {
      entries.add(entry(node, orderKeys));
    }
    int totalPages = result.totalPages() == null ? page : result.totalPages();
    return new RawPage(entries, totalPages);
  }

  /** {@code Paging={StartIndex:<page>,Size:<size>}}: {@code StartIndex} is a 1-based page number (reference §2.3 [C]). */
  private void paging(HttpUrl.Builder url, int page) {
    url.addQueryParameter("Paging", "{StartIndex:" + page + ",Size:" + pageSize + "}");
  }

  /** A single record by ID or key; empty on 404, 204 or a {@code null} body (ServiceStack's "no such record"). */
  private Optional<JsonNode> single(HttpUrl url, String entity, String key) {
    HttpResult r = http.send(Call.get(url).record(entity, key).allow404());
    if (r.status() == 404 || r.status() == 204 || r.body().length == 0) {
      return Optional.empty();
    }
    JsonNode node = http.read(r, JSON, JsonNode.class, Call.get(url).record(entity, key));
    return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  private static RawEntry entry(JsonNode node, boolean orderKeys) {
    String id = text(node, "ID");
    String customKey = text(node, "CustomKey");
    String key = orderKeys ? (customKey != null ? customKey : id) : id;
    Instant updated = null;
    String u = text(node, "UpdatedDate");
    if (u == null) {
      u = text(node, "CreatedDate");
    }
    if (u != null) {
      // an unreadable date orders as unknown; decoding reports it with the field path
      updated = parse(u);
    }
    return new RawEntry(key != null ? key : "?", updated, id, JSON.write(node));
  }

  private static Instant parse(String value) {
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  /**
   * Sends a call answered by {@code CEFActionResponse} and checks it: {@code ActionSucceeded=false} with
   * HTTP 200 is a refusal (reference §2.4 [C]), not retryable, with CEF's messages.
   */
  private CefActionResponse action(Call call) {
    HttpResult result = http.send(call);
    CefActionResponse response = http.read(result, JSON, CefActionResponse.class, call);
    if (response == null || !Boolean.TRUE.equals(response.actionSucceeded())) {
      List<String> messages = response == null || response.messages() == null ? List.of() : response.messages();
      throw RemoteSystemException.builder(SystemId.CLARITY, call.operation()).status(result.status())
          .recordKey(call.recordKey())
          .remoteCode("ActionSucceeded=false")
          .remoteMessage(messages.isEmpty() ? "the action did not succeed" : String.join("; ", messages))
          .retryable(false)
          .build();
    }
    return response;
  }

  private static String resultId(CefActionResponse r, String fallback) {
    JsonNode result = r.result();
    if (result == null || result.isNull() || result.isContainerNode()) {
      return fallback;
    }
    return result.asText(fallback);
  }

  private static List<String> nonNull(String... values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        out.add(v);
      }
    }
    return out;
  }
}
