package io.commercesync.connector.clarity.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.clarity.ClarityDialect;
import io.commercesync.connector.clarity.internal.dto.v1.V1Customer;
import io.commercesync.connector.clarity.internal.dto.v1.V1InventoryItem;
import io.commercesync.connector.clarity.internal.dto.v1.V1InventoryLevels;
import io.commercesync.connector.clarity.internal.dto.v1.V1Invoice;
import io.commercesync.connector.clarity.internal.dto.v1.V1Order;
import io.commercesync.connector.clarity.internal.dto.v1.V1OrderPatch;
import io.commercesync.connector.clarity.internal.dto.v1.V1Page;
import io.commercesync.connector.clarity.internal.dto.v1.V1Product;
import io.commercesync.connector.clarity.internal.dto.v1.V1ProductPatch;
import io.commercesync.connector.clarity.internal.dto.v1.V1Return;
import io.commercesync.connector.clarity.internal.dto.v1.V1Shipment;
import io.commercesync.connector.clarity.internal.http.ClarityHttp;
import io.commercesync.connector.clarity.internal.http.ClarityHttp.Call;
import io.commercesync.connector.clarity.internal.mapping.ClarityCodecs;
import io.commercesync.connector.clarity.internal.mapping.ClarityLimits;
import io.commercesync.connector.clarity.internal.mapping.MappingSettings;
import io.commercesync.connector.clarity.internal.mapping.ProductPatches;
import io.commercesync.connector.clarity.internal.mapping.V1Mapper;
import io.commercesync.connector.clarity.internal.mapping.V1OrderAssembler;
import io.commercesync.connector.clarity.internal.mapping.V1ReturnAssembler;
import io.commercesync.connector.clarity.internal.mapping.V1WriteMapper;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
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
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The {@code /api/v1} dialect (reference §4 [P]). Endpoints used beyond the reference's table are
 * CommerceSync's additions to the proposal, marked [P+] and implemented by the simulator:
 * {@code GET /orders?orderNumber=}, {@code GET /customers?email=&externalId=}, {@code GET
 * /orders/{orderId}/shipments}, {@code GET /inventory/levels?sku=}, {@code GET|PUT /invoices/{number}},
 * {@code GET /returns?updatedSince=&page=&pageSize=}, {@code GET /returns?returnNumber=}, {@code GET /returns/{returnId}}.
 */
public final class V1Api implements ClarityApi {

  /** Largest {@code pageSize} the contract allows (reference §4.3 [P]). */
  public static final int MAX_PAGE_SIZE = 250;
  /** Levels per {@code POST /inventory/levels}: the contract sets none; 100 keeps a request small [P]. */
  public static final int STOCK_BATCH = 100;

  private static final JsonCodec JSON = ClarityCodecs.V1;
  private static final Pattern ITEM_POINTER = Pattern.compile("^/items/(\\d+)(/.*)?$");

  private final ClarityHttp http;
  private final MappingSettings settings;
  private final int pageSize;
  private final Clock clock;
  private final String inventorySource;
  private final String weightUnit;
  private final V1OrderAssembler orders;
  private final V1ReturnAssembler returns = new V1ReturnAssembler();

  public V1Api(ClarityHttp http, MappingSettings settings, int pageSize, Clock clock, String inventorySource,
      String weightUnit) {
    this.http = http;
    this.settings = settings;
    this.pageSize = Math.min(pageSize, MAX_PAGE_SIZE);
    this.clock = clock;
    this.inventorySource = inventorySource;
    this.weightUnit = weightUnit;
    this.orders = new V1OrderAssembler(settings);
  }

  @Override
  public ClarityDialect dialect() {
    return ClarityDialect.V1;
  }

  // ---------------------------------------------------------------- orders

  @Override
  public RawPage orders(Instant since, int page) {
    return page("orders", "order", since, page, "orderNumber", "orderId");
  }

  @Override
  public Optional<RawEntry> order(String key) {
    HttpUrl byNumber = http.url("orders").addQueryParameter("orderNumber", key)
        .addQueryParameter("page", "1").addQueryParameter("pageSize", "1").build();
    V1Page found = http.send(Call.get(byNumber).record("order", key), JSON, V1Page.class).orElseThrow();
    if (found.data() != null && !found.data().isEmpty()) {
      return Optional.of(entry(found.data().get(0), "orderNumber", "orderId"));
    }
    return http.send(Call.get(http.url("orders", key).build()).record("order", key).allow404(), JSON, JsonNode.class)
        .map(node -> entry(node, "orderNumber", "orderId"));
  }

  @Override
  public Order decodeOrder(byte[] payload) {
    return orders.order(JSON.read(payload, V1Order.class, "order"));
  }

  private Optional<V1Order> orderByNumber(String number) {
    return order(number).map(e -> JSON.read(e.payload(), V1Order.class, "order"));
  }

  private String orderId(String orderNumber, String known, String entity, String recordKey) {
    if (known != null && !known.isBlank()) {
      return known;
    }
    return orderByNumber(orderNumber).map(V1Order::orderId).orElseThrow(() -> InvalidRecordException.of(
        SystemId.CLARITY, entity, recordKey, FieldViolation.of("orderNumber", FieldViolation.RULE_UNKNOWN_REFERENCE,
            orderNumber, "is not an order in Clarity")));
  }

  // ---------------------------------------------------------------- returns [P+]

  /**
   * {@code GET /returns?updatedSince=&page=&pageSize=&sort=updatedAt,id}: CommerceSync's addition to the
   * proposal [P+] (the reference's §4 has no returns endpoint), paged and filtered exactly as orders.
   */
  @Override
  public RawPage returns(Instant since, int page) {
    return page("returns", "return", since, page, "returnNumber", "returnId");
  }

  /** {@code GET /returns?returnNumber=}, else {@code GET /returns/{returnId}} [P+]. */
  @Override
  public Optional<RawEntry> salesReturn(String key) {
    HttpUrl byNumber = http.url("returns").addQueryParameter("returnNumber", key)
        .addQueryParameter("page", "1").addQueryParameter("pageSize", "1").build();
    V1Page found = http.send(Call.get(byNumber).record("return", key), JSON, V1Page.class).orElseThrow();
    if (found.data() != null && !found.data().isEmpty()) {
      return Optional.of(entry(found.data().get(0), "returnNumber", "returnId"));
    }
    return http.send(Call.get(http.url("returns", key).build()).record("return", key).allow404(), JSON, JsonNode.class)
        .map(node -> entry(node, "returnNumber", "returnId"));
  }

  @Override
  public String returnStatus(byte[] payload) {
    return text(JSON.read(payload, JsonNode.class, "return"), "status");
  }

  @Override
  public Return decodeReturn(String key, byte[] payload) {
    V1Return dto;
    try {
      dto = JSON.read(payload, V1Return.class, "return");
    } catch (InvalidRecordException e) {
      throw e.relabel(SystemId.CLARITY, "return", key, null);
    }
    return returns.toReturn(dto);
  }

  // ---------------------------------------------------------------- customers

  @Override
  public RawPage customers(Instant since, int page) {
    return page("customers", "customer", since, page, "customerId", "customerId");
  }

  @Override
  public Optional<RawEntry> customer(String id) {
    return http.send(Call.get(http.url("customers", id).build()).record("customer", id).allow404(), JSON, JsonNode.class)
        .map(node -> entry(node, "customerId", "customerId"));
  }

  @Override
  public Customer decodeCustomer(byte[] payload) {
    V1Customer c = JSON.read(payload, V1Customer.class, "customer");
    return relabel("customer", c.customerId(), () -> V1Mapper.INSTANCE.customer(c, settings.erpSystem()));
  }

  @Override
  public List<Customer> searchCustomers(CustomerQuery query) {
    HttpUrl.Builder url = http.url("customers").addQueryParameter("page", "1")
        .addQueryParameter("pageSize", String.valueOf(pageSize));
    param(url, "email", query.email());
    param(url, "firstName", query.firstName());
    param(url, "lastName", query.lastName());
    param(url, "company", query.company());
    param(url, "postalCode", query.postalCode());
    return searchCustomers(url.build(), query.email());
  }

  private List<Customer> searchCustomers(HttpUrl url, String key) {
    V1Page page = http.send(Call.get(url).record("customer", key), JSON, V1Page.class).orElseThrow();
    List<Customer> out = new ArrayList<>();
    for (JsonNode node : page.data() == null ? List.<JsonNode>of() : page.data()) {
      out.add(decodeCustomer(JSON.write(node)));
    }
    return out;
  }

  private Optional<Customer> customerByExternalId(String externalId) {
    HttpUrl url = http.url("customers").addQueryParameter("externalId", externalId)
        .addQueryParameter("page", "1").addQueryParameter("pageSize", "2").build();
    return searchCustomers(url, externalId).stream().findFirst();
  }

  @Override
  public WriteResult writeCustomer(Customer customer, IdempotencyKey key) {
    String erpKey = Keys.erpKey(customer.refs(), settings.erpSystem());
    String clarityId = Keys.clarityId(customer.refs());
    String recordKey = erpKey != null ? erpKey : (clarityId != null ? clarityId : customer.email());
    checkCustomer(customer, erpKey, recordKey);
    if (clarityId == null && erpKey != null) {
      // CustomKey/externalId de-duplication: the ERP key already has a Clarity customer
      clarityId = customerByExternalId(erpKey).map(c -> Keys.clarityId(c.refs())).orElse(null);
    }
    V1Customer body = V1WriteMapper.INSTANCE.customer(customer, clarityId, erpKey);
    if (clarityId != null) {
      HttpResult r = http.send(Call.of("PUT", http.url("customers", clarityId).build(), JSON.write(body))
          .record("customer", recordKey).idempotency(key));
      return WriteResult.updated(idOf(r, "customerId", clarityId));
    }
    HttpResult r = http.send(Call.of("POST", http.url("customers").build(), JSON.write(body))
        .record("customer", recordKey).idempotency(key));
    return WriteResult.created(idOf(r, "customerId", recordKey));
  }

  @Override
  public Optional<WriteResult> lookupCustomer(Customer customer) {
    String erpKey = Keys.erpKey(customer.refs(), settings.erpSystem());
    String clarityId = Keys.clarityId(customer.refs());
    Optional<Customer> existing;
    if (clarityId != null) {
      existing = customer(clarityId).map(e -> decodeCustomer(e.payload()));
    } else if (erpKey != null) {
      existing = customerByExternalId(erpKey);
    } else if (customer.email() != null) {
      existing = searchCustomers(CustomerQuery.byEmail(customer.email())).stream()
          .filter(c -> customer.email().equalsIgnoreCase(String.valueOf(c.email()))).findFirst();
    } else {
      existing = Optional.empty();
    }
    return existing.filter(c -> sameCustomer(c, customer))
        .map(c -> WriteResult.alreadyApplied(Keys.clarityId(c.refs())));
  }

  static boolean sameCustomer(Customer have, Customer want) {
    return Objects.equals(lower(have.email()), lower(want.email()))
        && Objects.equals(have.firstName(), want.firstName())
        && Objects.equals(have.lastName(), want.lastName())
        && Objects.equals(have.company(), want.company());
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }

  static void checkCustomer(Customer c, String erpKey, String recordKey) {
    ClarityLimits limits = ClarityLimits.check("customer", recordKey)
        .max("externalId", erpKey, ClarityLimits.CUSTOM_KEY)
        .max("firstName", c.firstName(), ClarityLimits.PERSON_NAME)
        .max("lastName", c.lastName(), ClarityLimits.PERSON_NAME)
        .max("email", c.email(), ClarityLimits.EMAIL)
        .max("phone", c.phone(), ClarityLimits.PHONE)
        .max("company", c.company(), ClarityLimits.NAME);
    for (int i = 0; i < c.addresses().size(); i++) {
      CustomerAddress a = c.addresses().get(i);
      String at = "addresses[" + i + "].";
      for (int l = 0; l < a.address().lines().size(); l++) {
        limits.max(at + "line" + (l + 1), a.address().lines().get(l), ClarityLimits.STREET);
      }
      limits.max(at + "city", a.address().city(), ClarityLimits.CITY)
          .max(at + "postalCode", a.address().postalCode(), ClarityLimits.POSTAL_CODE)
          .max(at + "phone", a.address().phone(), ClarityLimits.PHONE)
          .max(at + "firstName", a.address().firstName(), ClarityLimits.PERSON_NAME)
          .max(at + "lastName", a.address().lastName(), ClarityLimits.PERSON_NAME);
    }
    limits.throwIfAny();
  }

  // ---------------------------------------------------------------- products and prices

  private Optional<V1Product> productDto(String sku) {
    return http.send(Call.get(http.url("products", sku).build()).record("product", sku).allow404(), JSON,
        V1Product.class);
  }

  @Override
  public Optional<Item> product(String sku) {
    return productDto(sku).map(p -> relabel("product", sku, () -> V1Mapper.INSTANCE.item(p)));
  }

  @Override
  public WriteResult writeProduct(CatalogUpdate update, IdempotencyKey key) {
    String sku = update.item().sku();
    checkProduct(update);
    Optional<V1Product> current = productDto(sku);
    if (current.isEmpty()) {
      if (!update.createIfMissing()) {
        throw unknownSku(sku);
      }
      V1ProductPatch body = ProductPatches.v1(update, weightUnit, true);
      HttpResult r = http.send(Call.of("POST", http.url("products").build(), JSON.write(body)).record("product", sku)
          .idempotency(key));
      return WriteResult.created(idOf(r, "productId", sku));
    }
    String id = current.get().productId() != null ? current.get().productId() : sku;
    if (ProductPatches.v1Matches(current.get(), update)) {
      return new WriteResult(id, WriteResult.Outcome.UNCHANGED);
    }
    V1ProductPatch body = ProductPatches.v1(update, weightUnit, false);
    http.send(Call.of("PATCH", http.url("products", sku).build(), JSON.write(body)).record("product", sku)
        .idempotency(key));
    return WriteResult.updated(id);
  }

  static void checkProduct(CatalogUpdate update) {
    Item item = update.item();
    ClarityLimits.check("product", item.sku())
        .max("sku", item.sku(), ClarityLimits.CUSTOM_KEY)
        .max("name", item.name(), ClarityLimits.NAME)
        .max("unitOfMeasure", item.unitOfMeasure(), ClarityLimits.UNIT_OF_MEASURE)
        .throwIfAny();
  }

  static InvalidRecordException unknownSku(String sku) {
    return InvalidRecordException.of(SystemId.CLARITY, "product", sku, FieldViolation.of("sku",
        FieldViolation.RULE_UNKNOWN_REFERENCE, sku, "is not a product in Clarity and createIfMissing is off"));
  }

  @Override
  public Optional<WriteResult> lookupProduct(CatalogUpdate update) {
    return productDto(update.item().sku()).filter(p -> ProductPatches.v1Matches(p, update))
        .map(p -> WriteResult.alreadyApplied(p.productId() != null ? p.productId() : update.item().sku()));
  }

  @Override
  public WriteResult writeBasePrice(Price price, IdempotencyKey key) {
    requireBasePrice(price);
    V1Product current = productDto(price.sku()).orElseThrow(() -> unknownSku(price.sku()));
    String id = current.productId() != null ? current.productId() : price.sku();
    if (samePrice(current, price)) {
      return new WriteResult(id, WriteResult.Outcome.UNCHANGED);
    }
    V1ProductPatch body = new V1ProductPatch(null, null, null, price.amount().amount(),
        price.amount().currency().getCurrencyCode(), null, null, null, null, null, null, null);
    http.send(Call.of("PATCH", http.url("products", price.sku()).build(), JSON.write(body)).record("price", price.sku())
        .idempotency(key));
    return WriteResult.updated(id);
  }

  @Override
  public Optional<WriteResult> lookupBasePrice(Price price) {
    requireBasePrice(price);
    return productDto(price.sku()).filter(p -> samePrice(p, price))
        .map(p -> WriteResult.alreadyApplied(p.productId() != null ? p.productId() : price.sku()));
  }

  private static boolean samePrice(V1Product p, Price price) {
    return p.price() != null && p.price().compareTo(price.amount().amount()) == 0
        && price.amount().currency().getCurrencyCode().equals(p.currency());
  }

  /** Group, tier and price-list prices have no endpoint in the contract: refused with the reason. */
  static void requireBasePrice(Price price) {
    if (price.priceList() != null || price.customerGroup() != null || price.minQuantity().compareTo(BigDecimal.ONE) > 0
        || price.validFrom() != null || price.validTo() != null) {
      throw InvalidRecordException.of(SystemId.CLARITY, "price", price.sku(), FieldViolation.of(
          price.customerGroup() != null ? "customerGroup" : price.priceList() != null ? "priceList" : "minQuantity",
          FieldViolation.RULE_UNKNOWN_REFERENCE, null,
          "only base prices can be written to Clarity (no endpoint for group, tier or dated prices)"));
    }
  }

  // ---------------------------------------------------------------- inventory

  @Override
  public int stockBatchSize() {
    return STOCK_BATCH;
  }

  @Override
  public List<BatchSink.BatchOutcome> writeStock(List<BatchSink.Keyed<StockUpdate>> batch) {
    Map<Integer, RuntimeException> failed = new LinkedHashMap<>();
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      StockUpdate u = batch.get(i).record();
      try {
        ClarityLimits.check("inventory", u.sku() + "@" + u.location())
            .max("sku", u.sku(), ClarityLimits.CUSTOM_KEY).max("locationCode", u.location(), ClarityLimits.CUSTOM_KEY)
            .throwIfAny();
        pending.add(i);
      } catch (InvalidRecordException e) {
        failed.put(i, e);
      }
    }
    for (int attempt = 0; attempt < 2 && !pending.isEmpty(); attempt++) {
      List<V1InventoryItem> items = new ArrayList<>();
      List<IdempotencyKey> keys = new ArrayList<>();
      for (int i : pending) {
        items.add(V1WriteMapper.INSTANCE.stock(batch.get(i).record()));
        keys.add(batch.get(i).key());
      }
      V1InventoryLevels body = new V1InventoryLevels("absolute", inventorySource, clock.instant(), items);
      try {
        http.send(Call.of("POST", http.url("inventory", "levels").build(), JSON.write(body))
            .record("inventory", pending.size() + " levels").header("Idempotency-Key", Keys.batchHeader(keys)));
        break;
      } catch (InvalidRecordException e) {
        Set<Integer> bad = badItems(e, pending.size());
        if (bad.isEmpty() || attempt == 1) {
          // the call as a whole was refused: every pending record carries the reason
          for (int i : pending) {
            failed.put(i, e);
          }
          pending.clear();
          break;
        }
        List<Integer> still = new ArrayList<>();
        for (int p = 0; p < pending.size(); p++) {
          int i = pending.get(p);
          if (bad.contains(p)) {
            failed.put(i, itemFailure(batch.get(i).record(), e, p));
          } else {
            still.add(i);
          }
        }
        pending = still;
      }
    }
    List<BatchSink.BatchOutcome> out = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      BatchSink.Keyed<StockUpdate> k = batch.get(i);
      RuntimeException f = failed.get(i);
      out.add(f != null ? BatchSink.BatchOutcome.failed(k.key(), f)
          : BatchSink.BatchOutcome.written(k.key(), WriteResult.updated(k.record().sku() + "@" + k.record().location())));
    }
    return out;
  }

  /** The violations of item {@code index} of a refused request, as the failure of its record alone. */
  private static InvalidRecordException itemFailure(StockUpdate u, InvalidRecordException e, int index) {
    InvalidRecordException.Builder b = InvalidRecordException.builder(SystemId.CLARITY, "inventory")
        .recordId(u.sku() + "@" + u.location());
    for (FieldViolation v : e.violations()) {
      Matcher m = ITEM_POINTER.matcher(v.path());
      if (m.matches() && Integer.parseInt(m.group(1)) == index) {
        String field = m.group(2) == null || m.group(2).length() < 2 ? "(record)" : m.group(2).substring(1);
        b.violation(new FieldViolation(field, v.rule(), v.rejectedValue(), v.message()));
      }
    }
    return b.hasViolations() ? b.build() : e;
  }

  /** The item indexes the problem's pointers name ({@code /items/2/sku}). */
  private static Set<Integer> badItems(InvalidRecordException e, int size) {
    Set<Integer> out = new HashSet<>();
    for (FieldViolation v : e.violations()) {
      int i = itemIndex(v.path());
      if (i < 0 || i >= size) {
        return Set.of();
      }
      out.add(i);
    }
    return out;
  }

  private static int itemIndex(String pointer) {
    Matcher m = ITEM_POINTER.matcher(pointer);
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  @Override
  public Optional<WriteResult> lookupStock(StockUpdate update) {
    HttpUrl url = http.url("inventory", "levels").addQueryParameter("sku", update.sku()).build();
    V1Page page = http.send(Call.get(url).record("inventory", update.sku()), JSON, V1Page.class).orElseThrow();
    for (JsonNode n : page.data() == null ? List.<JsonNode>of() : page.data()) {
      V1InventoryItem item = JSON.read(JSON.write(n), V1InventoryItem.class, "inventory level");
      if (update.location().equals(item.locationCode()) && item.available() != null
          && item.available().compareTo(update.quantity()) == 0) {
        return Optional.of(WriteResult.alreadyApplied(update.sku() + "@" + update.location()));
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- shipments

  @Override
  public WriteResult writeShipment(Shipment shipment, IdempotencyKey key) {
    String external = externalShipmentId(shipment, key);
    checkShipment(shipment, external);
    String orderId = orderId(shipment.orderNumber(), null, "shipment", external);
    V1Shipment body = V1WriteMapper.INSTANCE.shipment(shipment, external, Boolean.TRUE);
    HttpResult r = http.send(Call.of("POST", http.url("orders", orderId, "shipments").build(), JSON.write(body))
        .record("shipment", external).idempotency(key));
    return WriteResult.created(idOf(r, "shipmentId", external));
  }

  @Override
  public Optional<WriteResult> lookupShipment(Shipment shipment, IdempotencyKey key) {
    String external = externalShipmentId(shipment, key);
    Optional<V1Order> order = orderByNumber(shipment.orderNumber());
    if (order.isEmpty()) {
      return Optional.empty();
    }
    HttpUrl url = http.url("orders", order.get().orderId(), "shipments").build();
    V1Page page = http.send(Call.get(url).record("shipment", external), JSON, V1Page.class).orElseThrow();
    for (JsonNode n : page.data() == null ? List.<JsonNode>of() : page.data()) {
      V1Shipment s = JSON.read(JSON.write(n), V1Shipment.class, "shipment");
      boolean sameExternal = external.equals(s.externalShipmentId());
      boolean sameTracking = !shipment.trackingNumbers().isEmpty()
          && V1Mapper.INSTANCE.trackingNumbers(s.packages()).containsAll(shipment.trackingNumbers());
      if (sameExternal || sameTracking) {
        return Optional.of(WriteResult.alreadyApplied(s.shipmentId() != null ? s.shipmentId() : external));
      }
    }
    return Optional.empty();
  }

  static String externalShipmentId(Shipment shipment, IdempotencyKey key) {
    String erp = Keys.erpKey(shipment.refs(), null);
    return erp != null ? erp : Keys.derivedKey(key);
  }

  static void checkShipment(Shipment shipment, String external) {
    ClarityLimits limits = ClarityLimits.check("shipment", external)
        .max("externalShipmentId", external, ClarityLimits.CUSTOM_KEY);
    for (int i = 0; i < shipment.trackingNumbers().size(); i++) {
      limits.max("trackingNumbers[" + i + "]", shipment.trackingNumbers().get(i), ClarityLimits.TRACKING_NUMBER);
    }
    limits.throwIfAny();
  }

  // ---------------------------------------------------------------- invoices

  @Override
  public WriteResult writeInvoice(Invoice invoice, IdempotencyKey key) {
    ClarityLimits.check("invoice", invoice.number()).max("invoiceNumber", invoice.number(), ClarityLimits.CUSTOM_KEY)
        .throwIfAny();
    String customerId = invoice.customerRef() != null && SystemId.CLARITY.equals(invoice.customerRef().system())
        ? invoice.customerRef().id() : null;
    V1Invoice body = V1WriteMapper.INSTANCE.invoice(invoice, customerId);
    HttpResult r = http.send(Call.of("PUT", http.url("invoices", invoice.number()).build(), JSON.write(body))
        .record("invoice", invoice.number()).idempotency(key));
    return r.status() == 201 ? WriteResult.created(invoice.number()) : WriteResult.updated(invoice.number());
  }

  @Override
  public Optional<WriteResult> lookupInvoice(Invoice invoice) {
    return http.send(Call.get(http.url("invoices", invoice.number()).build()).record("invoice", invoice.number())
            .allow404(), JSON, V1Invoice.class)
        .filter(i -> same(i.totalAmount(), invoice.total().amount()) && same(i.balanceDue(), invoice.balanceDue().amount()))
        .map(i -> WriteResult.alreadyApplied(invoice.number()));
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a != null && b != null && a.compareTo(b) == 0;
  }

  // ---------------------------------------------------------------- order status

  private String targetStatus(OrderStatusUpdate update) {
    if (update.statusCode() != null && !update.statusCode().isBlank()) {
      return update.statusCode();
    }
    return settings.statuses().toClarity(update.status()).orElseThrow(() -> InvalidRecordException.of(
        SystemId.CLARITY, "order status", update.orderNumber(), FieldViolation.of("status",
            FieldViolation.RULE_UNKNOWN_REFERENCE, update.status(),
            "has no Clarity status in the status mapping; map it or set statusCode")));
  }

  @Override
  public WriteResult writeStatus(OrderStatusUpdate update, IdempotencyKey key) {
    String target = targetStatus(update);
    V1Order current = currentOrder(update);
    if (target.equalsIgnoreCase(String.valueOf(current.status()))) {
      return new WriteResult(current.orderId(), WriteResult.Outcome.UNCHANGED);
    }
    V1OrderPatch body = new V1OrderPatch(target, null, update.comment(), update.notifyCustomer());
    http.send(Call.of("PATCH", http.url("orders", current.orderId()).build(), JSON.write(body))
        .record("order status", update.orderNumber()).idempotency(key));
    return WriteResult.updated(current.orderId());
  }

  @Override
  public Optional<WriteResult> lookupStatus(OrderStatusUpdate update) {
    String target = targetStatus(update);
    V1Order current = currentOrder(update);
    return target.equalsIgnoreCase(String.valueOf(current.status()))
        ? Optional.of(WriteResult.alreadyApplied(current.orderId())) : Optional.empty();
  }

  private V1Order currentOrder(OrderStatusUpdate update) {
    if (update.orderId() != null && !update.orderId().isBlank()) {
      Optional<V1Order> byId = http.send(Call.get(http.url("orders", update.orderId()).build())
          .record("order status", update.orderNumber()).allow404(), JSON, V1Order.class);
      if (byId.isPresent()) {
        return byId.get();
      }
    }
    return orderByNumber(update.orderNumber()).orElseThrow(() -> InvalidRecordException.of(SystemId.CLARITY,
        "order status", update.orderNumber(), FieldViolation.of("orderNumber", FieldViolation.RULE_UNKNOWN_REFERENCE,
            update.orderNumber(), "is not an order in Clarity")));
  }

  // ---------------------------------------------------------------- shared

  private RawPage page(String collection, String entity, Instant since, int page, String keyField, String tieField) {
    HttpUrl.Builder url = http.url(collection).addQueryParameter("page", String.valueOf(page))
        .addQueryParameter("pageSize", String.valueOf(pageSize)).addQueryParameter("sort", "updatedAt,id");
    if (since != null) {
      url.addQueryParameter("updatedSince", since.toString());
    }
    V1Page result = http.send(Call.get(url.build()).record(entity, "page " + page), JSON, V1Page.class).orElseThrow();
    List<RawEntry> entries = new ArrayList<>();
    for (JsonNode node : result.data() == null ? List.<JsonNode>of() : result.data()) {
      entries.add(entry(node, keyField, tieField));
    }
    int totalPages = result.pagination() == null || result.pagination().totalPages() == null ? page
        : result.pagination().totalPages();
    return new RawPage(entries, totalPages);
  }

  private static RawEntry entry(JsonNode node, String keyField, String tieField) {
    String key = text(node, keyField);
    String tie = text(node, tieField);
    Instant updated = null;
    String u = text(node, "updatedAt");
    if (u != null) {
      try {
        updated = Instant.parse(u);
      } catch (DateTimeParseException ignored) {
        // decoding reports it with the field path; ordering treats it as unknown
      }
    }
    return new RawEntry(key != null ? key : (tie != null ? tie : "?"), updated, tie, JSON.write(node));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private String idOf(HttpResult r, String field, String fallback) {
    if (r.body().length == 0) {
      return fallback;
    }
    try {
      String id = text(JSON.read(r.body(), JsonNode.class, "response"), field);
      return id != null ? id : fallback;
    } catch (InvalidRecordException e) {
      return fallback;
    }
  }

  private static void param(HttpUrl.Builder url, String name, String value) {
    if (value != null && !value.isBlank()) {
      url.addQueryParameter(name, value);
    }
  }

  static <T> T relabel(String entity, String key, java.util.function.Supplier<T> mapping) {
    try {
      return mapping.get();
    } catch (InvalidRecordException e) {
      if (SystemId.CANONICAL.equals(e.recordSystem())) {
        throw e.relabel(SystemId.CLARITY, entity, key, null);
      }
      throw e;
    }
  }
}
