package io.commercesync.connector.dynamicssl;

import io.commercesync.connector.dynamicssl.internal.dto.ArDoc;
import io.commercesync.connector.dynamicssl.internal.dto.CreditMemoDocument;
import io.commercesync.connector.dynamicssl.internal.dto.CustomerDocument;
import io.commercesync.connector.dynamicssl.internal.dto.GlTransactionDocument;
import io.commercesync.connector.dynamicssl.internal.dto.InventoryDocument;
import io.commercesync.connector.dynamicssl.internal.dto.InventoryDto;
import io.commercesync.connector.dynamicssl.internal.dto.ItemSite;
import io.commercesync.connector.dynamicssl.internal.dto.PaymentDocument;
import io.commercesync.connector.dynamicssl.internal.dto.ProductDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SalesOrderDocument;
import io.commercesync.connector.dynamicssl.internal.dto.ShipperDocument;
import io.commercesync.connector.dynamicssl.internal.http.SlApi;
import io.commercesync.connector.dynamicssl.internal.http.SlApi.Call;
import io.commercesync.connector.dynamicssl.internal.http.SlAuth;
import io.commercesync.connector.dynamicssl.internal.mapping.SlArCreditMemoMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlConversions;
import io.commercesync.connector.dynamicssl.internal.mapping.SlCustomerMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlDocuments;
import io.commercesync.connector.dynamicssl.internal.mapping.SlInventoryMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlMappingContext;
import io.commercesync.connector.dynamicssl.internal.mapping.SlOrderMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlReferences;
import io.commercesync.connector.dynamicssl.internal.mapping.SlReturnMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlShipmentMapper;
import io.commercesync.connector.dynamicssl.internal.text.SlText;
import io.commercesync.connector.dynamicssl.internal.text.SlWidths;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.SalesOrderRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A typed client for a Dynamics SL REST API layer: sales orders, customers, GL batches, AR payments,
 * stock and items, shippers. JSON keys are SL's column names; every {@code CHAR(n)} width and the
 * database code page are checked before a call (never truncated), strings are right-trimmed on read,
 * SL's float amounts become {@link Money} at the currency's scale, and every call names its company
 * ({@code CpnyID}).
 *
 * <pre>{@code
 * SlClient sl = SlClient.builder()
 *     .baseUrl(URI.create("https://sl-api.corp.example/"))
 *     .apiKey(Secret.fromEnv("SL_API_KEY"), Secret.fromEnv("SL_API_SECRET"))
 *     .company("0060")                          // CpnyID, char(10)
 *     .serverZone(ZoneId.of("America/Chicago")) // SL timestamps are server-local
 *     .build();
 * String ordNbr = sl.createSalesOrder(request, IdempotencyKey.of(SystemId.MAGENTO, "order", "000001043", "sl-order"));
 * }</pre>
 *
 * <p>Endpoints (the layer's shape is our proposal; tables and columns are SL's): {@code POST/GET/PUT
 * /api/SalesOrder} (orders, and credit memos with returned lines as orders of the credit-memo order type),
 * {@code POST/GET/PUT /api/Customer}, {@code POST /api/GeneralLedger/Transactions},
 * {@code GET/PUT /api/Inventory}, {@code GET/PUT /api/Product}, {@code GET /api/Shipper},
 * {@code POST/GET /api/AccountsReceivable/Payment}, {@code POST/GET /api/AccountsReceivable/CreditMemo}
 * (money-only refunds as AR credit memos: {@code ARDoc} {@code CM} + {@code ARTran}),
 * {@code GET /api/AccountsReceivable/Documents}.
 * Failures are typed: {@link SlApiException} (RFC 9457 problem with per-field errors),
 * {@link io.commercesync.core.error.InvalidRecordException} (refused before sending),
 * {@link RemoteSystemException} subtypes for transport, throttling and authentication.
 *
 * <p>Immutable and thread-safe; build one and share it. The client never retries (the pipeline does,
 * under an idempotency key), except once after a 401 with a renewable bearer token.
 */
public final class SlClient {

  private final URI baseUrl;
  private final SlApi api;
  private final SlDocuments documents;
  private final Clock clock;
  private final Builder settings;

  private SlClient(Builder b, SlAuth auth) {
    this.settings = b.copy();
    this.baseUrl = b.baseUrl;
    this.clock = b.clock;
    HttpTransport transport = new HttpTransport(SystemId.DYNAMICS_SL,
        HttpTransport.newClient(b.http).build(), b.http, b.clock);
    this.api = new SlApi(b.baseUrl, transport, auth, JsonCodec.builder(SystemId.DYNAMICS_SL).build());
    SlMappingContext ctx = new SlMappingContext(b.zone, b.currency, b.company, b.orderType, b.defaultSite,
        b.fiscalCalendar, b.journalType, b.ledgerId, b.defaultSubaccount, b.creditMemoOrderType,
        b.creditMemoAccounts);
    this.documents = new SlDocuments(ctx, new SlText(b.codePage, b.transliterate));
  }

  /** Starts a client. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this client's settings, to derive a variant (another company, say). */
  public Builder toBuilder() {
    return settings.copy();
  }

  /** The default company ({@code CpnyID}). */
  public String company() {
    return documents.context().cpnyId();
  }

  /** The SL server's zone. */
  public ZoneId serverZone() {
    return documents.context().zone();
  }

  URI baseUrl() {
    return baseUrl;
  }

  SlDocuments documents() {
    return documents;
  }

  Clock clock() {
    return clock;
  }

  // ---------------------------------------------------------------- sales orders

  /**
   * Creates the sales order ({@code POST /api/SalesOrder}) and returns the {@code OrdNbr} SL assigned.
   * The storefront order number travels in {@code SOHeader.CustOrdNbr} and {@code key} in
   * {@code Idempotency-Key}.
   */
  public String createSalesOrder(SalesOrderRequest request, IdempotencyKey key) {
    SalesOrderDocument doc = documents.salesOrder(request);
    String cpny = doc.soHeader().cpnyId();
    SalesOrderDocument created = api.send(Call.write("POST", "/api/SalesOrder", doc, cpny, key,
        request.order().number()), SalesOrderDocument.class, "sales order");
    return SlText.trimmed(created).soHeader().ordNbr();
  }

  /** Replaces the order's header and lines ({@code PUT /api/SalesOrder/{OrdNbr}}). */
  public void updateSalesOrder(String ordNbr, SalesOrderRequest request, IdempotencyKey key) {
    SalesOrderDocument doc = documents.salesOrder(request);
    var header = doc.soHeader();
    SalesOrderDocument withNbr = new SalesOrderDocument(SlOrderMapper.INSTANCE.withOrdNbr(header, ordNbr),
        doc.soLine());
    documents.text().prepare(withNbr, "sales order", ordNbr);
    api.send(Call.write("PUT", "/api/SalesOrder/" + segment(ordNbr), withNbr, header.cpnyId(), key, ordNbr),
        SalesOrderDocument.class, "sales order");
  }

  /** The order {@code ordNbr} of company {@code cpnyId} (null for the default), if it exists. */
  public Optional<Order> salesOrder(String cpnyId, String ordNbr) {
    return api.find(Call.get("/api/SalesOrder/" + segment(ordNbr), documents.company(cpnyId), ordNbr),
            SalesOrderDocument.class, "sales order")
        .map(SlText::trimmed)
        .map(d -> SlOrderMapper.INSTANCE.order(d.soHeader(), d.soLine(), documents.context()));
  }

  /**
   * The orders of customer {@code custId} whose {@code CustOrdNbr} is {@code custOrdNbr}
   * ({@code GET /api/SalesOrder?CustID=…&CustOrdNbr=…}): the de-duplication look-up. Usually one or none;
   * several mean a duplicate was already entered.
   */
  public List<Order> findSalesOrders(String cpnyId, String custId, String custOrdNbr) {
    return findSalesOrders(cpnyId, custId, custOrdNbr, null);
  }

  /**
   * As {@link #findSalesOrders(String, String, String)}, only orders of type {@code soTypeId} (null: any)
   * ({@code GET /api/SalesOrder?CustID=…&CustOrdNbr=…&SOTypeID=…}). A storefront's order numbers and credit
   * memo numbers may be equal (Magento numbers them in separate sequences), so a look-up names the type.
   */
  public List<Order> findSalesOrders(String cpnyId, String custId, String custOrdNbr, String soTypeId) {
    Call call = Call.get("/api/SalesOrder", documents.company(cpnyId), custOrdNbr)
        .param("CustID", custId).param("CustOrdNbr", custOrdNbr);
    if (soTypeId != null) {
      call = call.param("SOTypeID", soTypeId);
    }
    List<Order> out = new ArrayList<>();
    for (SalesOrderDocument d : api.list(call, SalesOrderDocument.class, "sales order list")) {
      SalesOrderDocument t = SlText.trimmed(d);
      out.add(SlOrderMapper.INSTANCE.order(t.soHeader(), t.soLine(), documents.context()));
    }
    return out;
  }

  /** The {@code SOTypeID} {@code request}'s order is entered with. */
  String orderType(SalesOrderRequest request) {
    return documents.orderType(request);
  }

  // ---------------------------------------------------------------- credit memos (returns)

  /**
   * Enters a storefront credit memo as an SL credit memo order ({@code POST /api/SalesOrder}, {@code SOTypeID}
   * = the configured {@linkplain Builder#creditMemoOrderType credit-memo order type}) and returns the
   * {@code OrdNbr} SL assigned. The credit memo number travels in {@code SOHeader.CustOrdNbr}, the storefront
   * order number in {@code User3}, and the refunded order's SL {@code OrdNbr} in {@code OrigOrdNbr} when
   * that order is in SL (looked up by {@code CustID} + {@code CustOrdNbr} + the order type).
   *
   * @throws io.commercesync.core.error.InvalidRecordException refused before any call (widths, code page,
   *     amounts, a refund without lines)
   * @throws SlApiException refused by SL (unknown customer, item or site)
   */
  public String createCreditMemo(ReturnRequest request, IdempotencyKey key) {
    SalesOrderDocument doc = documents.creditMemo(request, null);
    String cpny = doc.soHeader().cpnyId();
    String orig = refundedOrdNbr(cpny, request);
    if (orig != null) {
      doc = documents.text().prepare(new SalesOrderDocument(
          SlReturnMapper.INSTANCE.withOrigOrdNbr(doc.soHeader(), orig), doc.soLine()), "credit memo",
          request.ret().number());
    }
    SalesOrderDocument created = api.send(Call.write("POST", "/api/SalesOrder", doc, cpny, key,
        request.ret().number()), SalesOrderDocument.class, "credit memo");
    return SlText.trimmed(created).soHeader().ordNbr();
  }

  /**
   * The {@code OrdNbr}s of the credit memo orders of customer {@code custId} whose {@code CustOrdNbr} is
   * {@code creditMemoNumber} ({@code GET /api/SalesOrder?CustID=…&CustOrdNbr=…&SOTypeID=<credit-memo type>}):
   * the de-duplication look-up of returns. Usually one or none.
   */
  public List<String> findCreditMemos(String cpnyId, String custId, String creditMemoNumber) {
    Call call = Call.get("/api/SalesOrder", documents.company(cpnyId), creditMemoNumber)
        .param("CustID", custId).param("CustOrdNbr", creditMemoNumber)
        .param("SOTypeID", documents.context().creditMemoTypeId());
    return api.list(call, SalesOrderDocument.class, "credit memo list").stream().map(SlText::trimmed)
        .map(d -> d.soHeader().ordNbr()).toList();
  }

  /**
   * SL's {@code OrdNbr} of the order {@code request} refunds, found by {@code CustID} + {@code CustOrdNbr} + the
   * order type, or null when it is not in SL.
   */
  private String refundedOrdNbr(String cpny, ReturnRequest request) {
    String orderNumber = request.ret().orderNumber();
    // an order number longer than CustOrdNbr (25) cannot be an SL order's reference: nothing to look up
    if (orderNumber.length() > SlWidths.width("SOHeader", "CustOrdNbr").orElseThrow()) {
      return null;
    }
    return findSalesOrders(cpny, request.customerId(), orderNumber, documents.context().soTypeId()).stream()
        .flatMap(o -> o.ref(SystemId.DYNAMICS_SL).stream()).map(r -> r.id()).findFirst().orElse(null);
  }

  /** The credit-memo order type ({@code SOTypeID}). */
  public String creditMemoOrderType() {
    return documents.context().creditMemoTypeId();
  }

  // ---------------------------------------------------------------- AR credit memos (money-only returns)

  /**
   * Enters a storefront credit memo without returned lines (a refund of money only: shipping, tax, a goodwill
   * adjustment) as an SL AR credit memo ({@code POST /api/AccountsReceivable/CreditMemo}: {@code ARDoc}
   * {@code DocType} {@code CM} + one {@code ARTran} per refunded component, on the
   * {@linkplain Builder#creditMemoAccounts configured accounts}) and returns its {@code RefNbr}. The
   * {@code RefNbr} is {@linkplain #arCreditMemoRefNbr derived from the credit memo number}, so a retry sends
   * the same one; the storefront order number travels in {@code ARDoc.CustOrdNbr} and the refunded order's SL
   * {@code OrdNbr} in {@code ARDoc.OrdNbr} when that order is in SL (looked up as {@link #createCreditMemo}
   * does). {@code key} travels in {@code Idempotency-Key}.
   *
   * @throws io.commercesync.core.error.InvalidRecordException refused before any call: no
   *     {@code creditMemoAccounts} configured, components that do not add up to the total, widths, code page
   * @throws io.commercesync.core.error.DuplicateDetectedException when SL already holds a {@code CM} with
   *     this {@code RefNbr} for the customer (409 {@code DUPLICATE})
   * @throws SlApiException refused by SL (unknown customer, account or order)
   */
  public String createArCreditMemo(ReturnRequest request, IdempotencyKey key) {
    CreditMemoDocument doc = documents.arCreditMemo(request, null);
    String cpny = doc.arDoc().cpnyId();
    String ordNbr = refundedOrdNbr(cpny, request);
    if (ordNbr != null) {
      doc = documents.arCreditMemo(request, ordNbr);
    }
    CreditMemoDocument created = api.send(Call.write("POST", "/api/AccountsReceivable/CreditMemo", doc, cpny, key,
        request.ret().number()), CreditMemoDocument.class, "AR credit memo");
    return SlText.trimmed(created).arDoc().refNbr();
  }

  /**
   * The AR credit memo ({@code DocType} {@code CM}) of customer {@code custId} with {@code refNbr} in company
   * {@code cpnyId} (null: the default), if SL holds one
   * ({@code GET /api/AccountsReceivable/CreditMemo?CustId=…&DocType=CM&RefNbr=…}): the de-duplication look-up of
   * money-only refunds.
   */
  public Optional<SlArCreditMemo> findArCreditMemo(String cpnyId, String custId, String refNbr) {
    Call call = Call.get("/api/AccountsReceivable/CreditMemo", documents.company(cpnyId), refNbr)
        .param("CustId", custId).param("DocType", SlArCreditMemoMapper.CM).param("RefNbr", refNbr);
    return api.list(call, CreditMemoDocument.class, "AR credit memo list").stream().map(SlText::trimmed)
        .map(CreditMemoDocument::arDoc)
        .filter(d -> d != null && SlArCreditMemoMapper.CM.equalsIgnoreCase(d.docType())
            && refNbr.equalsIgnoreCase(d.refNbr()))
        .findFirst().map(d -> SlArCreditMemoMapper.INSTANCE.read(d, documents.context()));
  }

  /**
   * The {@code RefNbr} the client enters {@code request}'s AR credit memo under (deterministic): the storefront
   * credit memo number when it fits {@code ARDoc.RefNbr} (char(10)), else {@code W} and 9 base-36 digits of its
   * SHA-256, the scheme AR payments use.
   */
  public String arCreditMemoRefNbr(ReturnRequest request) {
    return SlDocuments.arCreditMemoRefNbr(request.ret());
  }

  /** The accounts AR credit memos are booked to, if configured ({@link Builder#creditMemoAccounts}). */
  public Optional<SlCreditMemoAccounts> creditMemoAccounts() {
    return Optional.ofNullable(documents.context().creditMemoAccounts());
  }

  // ---------------------------------------------------------------- customers

  /** Creates customer {@code custId} with its ship-tos ({@code POST /api/Customer}). */
  public void createCustomer(Customer customer, String custId, IdempotencyKey key) {
    CustomerDocument doc = documents.customer(customer, custId);
    api.send(Call.write("POST", "/api/Customer", doc, company(), key, custId), CustomerDocument.class, "customer");
  }

  /** Updates customer {@code custId} ({@code PUT /api/Customer/{CustId}}); ship-tos not sent are kept. */
  public void updateCustomer(Customer customer, String custId, IdempotencyKey key) {
    CustomerDocument doc = documents.customer(customer, custId);
    api.send(Call.write("PUT", "/api/Customer/" + segment(custId), doc, company(), key, custId),
        CustomerDocument.class, "customer");
  }

  /** Customer {@code custId}, if it exists ({@code GET /api/Customer/{CustId}}). */
  public Optional<Customer> customer(String custId) {
    return api.find(Call.get("/api/Customer/" + segment(custId), company(), custId), CustomerDocument.class,
            "customer")
        .map(SlText::trimmed)
        .map(d -> SlCustomerMapper.INSTANCE.customer(d.customer(), d.soAddress(), documents.context()));
  }

  /** Customers matching {@code query} ({@code GET /api/Customer?EMailAddr=…&Name=…&Zip=…}). */
  public List<Customer> searchCustomers(CustomerQuery query) {
    Call call = Call.get("/api/Customer", company(), query.email());
    if (query.email() != null) {
      call = call.param("EMailAddr", query.email());
    }
    String name = query.company() != null ? query.company()
        : ((query.firstName() == null ? "" : query.firstName() + " ")
            + (query.lastName() == null ? "" : query.lastName())).strip();
    if (!name.isEmpty()) {
      call = call.param("Name", name);
    }
    if (query.postalCode() != null) {
      call = call.param("Zip", query.postalCode());
    }
    List<Customer> out = new ArrayList<>();
    for (CustomerDocument d : api.list(call, CustomerDocument.class, "customer list")) {
      CustomerDocument t = SlText.trimmed(d);
      out.add(SlCustomerMapper.INSTANCE.customer(t.customer(), t.soAddress(), documents.context()));
    }
    return out;
  }

  /**
   * The open receivable balance of {@code custId}: Σ {@code CuryDocBal} of open, released ARDoc rows,
   * payments and credits subtracted ({@code GET /api/AccountsReceivable/Documents?CustId=…&OpenDoc=1}).
   */
  public Money openBalance(String custId, String cpnyId) {
    Call call = Call.get("/api/AccountsReceivable/Documents", documents.company(cpnyId), custId)
        .param("CustId", custId).param("OpenDoc", "1");
    Currency currency = documents.context().baseCurrency();
    Money total = Money.zero(currency);
    for (ArDoc d : api.list(call, ArDoc.class, "AR document list")) {
      ArDoc t = SlText.trimmed(d);
      BigDecimal bal = t.curyDocBal() != null ? t.curyDocBal() : t.docBal();
      if (bal == null) {
        continue;
      }
      Money m = SlConversions.money(bal, currency);
      boolean credit = List.of("PA", "PP", "CM", "SB").contains(t.docType());
      total = credit ? total.minus(m) : total.plus(m);
    }
    return total;
  }

  // ---------------------------------------------------------------- general ledger and payments

  /** Posts a balanced GL batch ({@code POST /api/GeneralLedger/Transactions}); returns SL's {@code BatNbr}. */
  public String postJournal(JournalEntry entry, String cpnyId, IdempotencyKey key) {
    GlTransactionDocument doc = documents.journal(entry, cpnyId);
    GlTransactionDocument created = api.send(Call.write("POST", "/api/GeneralLedger/Transactions", doc,
        doc.batch().cpnyId(), key, entry.reference()), GlTransactionDocument.class, "GL batch");
    return SlText.trimmed(created).batch().batNbr();
  }

  /** The {@code BatNbr} of a GL batch whose lines carry {@code ExtRefNbr} = {@code reference}, if any. */
  public Optional<String> findJournal(String cpnyId, String reference) {
    Call call = Call.get("/api/GeneralLedger/Transactions", documents.company(cpnyId), reference)
        .param("ExtRefNbr", reference);
    return api.list(call, GlTransactionDocument.class, "GL batch list").stream()
        .map(SlText::trimmed).map(d -> d.batch().batNbr()).findFirst();
  }

  /** Enters an AR payment ({@code POST /api/AccountsReceivable/Payment}); returns its {@code RefNbr}. */
  public String postPayment(CashReceipt receipt, IdempotencyKey key) {
    PaymentDocument doc = documents.payment(receipt);
    PaymentDocument created = api.send(Call.write("POST", "/api/AccountsReceivable/Payment", doc,
        doc.arDoc().cpnyId(), key, doc.arDoc().refNbr()), PaymentDocument.class, "AR payment");
    return SlText.trimmed(created).arDoc().refNbr();
  }

  /** Whether customer {@code custId} has a payment ({@code PA}) with {@code refNbr}. */
  public boolean paymentExists(String cpnyId, String custId, String refNbr) {
    Call call = Call.get("/api/AccountsReceivable/Payment", documents.company(cpnyId), refNbr)
        .param("CustId", custId).param("DocType", "PA").param("RefNbr", refNbr);
    return !api.list(call, PaymentDocument.class, "AR payment list").isEmpty();
  }

  /** The {@code RefNbr} the client sends for {@code receipt} (deterministic). */
  public String paymentRefNbr(CashReceipt receipt) {
    return documents.payment(receipt).arDoc().refNbr();
  }

  // ---------------------------------------------------------------- stock, items, prices

  /** Stock of {@code invtId} per site ({@code GET /api/Inventory?InvtID=…}), {@code QtyAvail} as SL computed it. */
  public List<InventoryLevel> stock(String invtId, String cpnyId) {
    Call call = Call.get("/api/Inventory", documents.company(cpnyId), invtId).param("InvtID", invtId);
    return api.find(call, InventoryDocument.class, "inventory").map(SlText::trimmed)
        .map(d -> SlInventoryMapper.INSTANCE.levels(d.itemSite(), documents.context(), clock.instant()))
        .orElse(List.of());
  }

  /**
   * Sets the counted on-hand quantity of {@code invtId} at {@code siteId} ({@code PUT /api/Inventory});
   * SL recomputes {@code QtyAvail}.
   */
  public void adjustStock(String invtId, String siteId, BigDecimal qtyOnHand, String cpnyId, IdempotencyKey key) {
    String cpny = documents.company(cpnyId);
    InventoryDocument doc = new InventoryDocument(
        new InventoryDto(invtId, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null),
        List.of(new ItemSite(invtId, siteId, cpny, qtyOnHand, null, null, null, null, null, null, null, null,
            null, null, null)));
    documents.text().prepare(doc, "inventory", invtId);
    api.send(Call.write("PUT", "/api/Inventory", doc, cpny, key, invtId), InventoryDocument.class, "inventory");
  }

  /** The item {@code invtId} ({@code GET /api/Product/{InvtID}}), if it exists. */
  public Optional<Item> product(String invtId) {
    return productRow(invtId).map(i -> SlInventoryMapper.INSTANCE.item(i, documents.context()));
  }

  /** The base price ({@code StkBasePrc}) of {@code invtId}, if the item exists. */
  public Optional<Price> basePrice(String invtId) {
    return productRow(invtId).map(i -> SlInventoryMapper.INSTANCE.basePrice(i, documents.context()));
  }

  /** Updates the item master fields SL owns for storefronts ({@code PUT /api/Product/{InvtID}}). */
  public void updateProduct(Item item, IdempotencyKey key) {
    ProductDocument doc = documents.text().prepare(new ProductDocument(SlInventoryMapper.INSTANCE.inventory(item)),
        "product", item.sku());
    api.send(Call.write("PUT", "/api/Product/" + segment(item.sku()), doc, company(), key, item.sku()),
        ProductDocument.class, "product");
  }

  private Optional<InventoryDto> productRow(String invtId) {
    return api.find(Call.get("/api/Product/" + segment(invtId), company(), invtId), ProductDocument.class,
        "product").map(SlText::trimmed).map(ProductDocument::inventory);
  }

  // ---------------------------------------------------------------- shippers

  /** Shipper {@code shipperId} ({@code GET /api/Shipper/{ShipperID}}) with every box's tracking number. */
  public Optional<Shipment> shipper(String cpnyId, String shipperId) {
    return api.find(Call.get("/api/Shipper/" + segment(shipperId), documents.company(cpnyId), shipperId),
            ShipperDocument.class, "shipper")
        .map(SlText::trimmed)
        .map(d -> SlShipmentMapper.INSTANCE.shipment(d, documents.context()));
  }

  /** The shippers of storefront order {@code custOrdNbr} ({@code GET /api/Shipper?CustOrdNbr=…}). */
  public List<Shipment> shippersForOrder(String cpnyId, String custOrdNbr) {
    Call call = Call.get("/api/Shipper", documents.company(cpnyId), custOrdNbr).param("CustOrdNbr", custOrdNbr);
    return api.list(call, ShipperDocument.class, "shipper list").stream().map(SlText::trimmed)
        .map(d -> SlShipmentMapper.INSTANCE.shipment(d, documents.context())).toList();
  }

  /** The raw JSON document of shipper {@code shipperId}, for a source's fetch by key. */
  Optional<byte[]> shipperDocument(String cpnyId, String shipperId) {
    return api.find(Call.get("/api/Shipper/" + segment(shipperId), documents.company(cpnyId), shipperId),
            ShipperDocument.class, "shipper")
        .map(SlText::trimmed).map(d -> api.json().write(d));
  }

  private static String segment(String id) {
    return URLEncoder.encode(Objects.requireNonNull(id, "id"), StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return "SlClient[" + baseUrl + ", company=" + company() + "]";
  }

  /**
   * Builds an {@link SlClient}. Not thread-safe.
   *
   * <table>
   *   <caption>Options</caption>
   *   <tr><th>option</th><th>default</th></tr>
   *   <tr><td>baseUrl</td><td>required</td></tr>
   *   <tr><td>apiKey / bearerToken / bearerTokenSource</td><td>exactly one required</td></tr>
   *   <tr><td>company ({@code CpnyID}, ≤ 10)</td><td>required</td></tr>
   *   <tr><td>serverZone</td><td>UTC (set it: SL timestamps are server-local)</td></tr>
   *   <tr><td>codePage / transliterate</td><td>windows-1252 / false (reject)</td></tr>
   *   <tr><td>currency</td><td>USD (amounts whose row has no currency id)</td></tr>
   *   <tr><td>orderType ({@code SOTypeID})</td><td>{@code SO}</td></tr>
   *   <tr><td>creditMemoOrderType ({@code SOTypeID} of returns with lines)</td><td>{@code CM}</td></tr>
   *   <tr><td>creditMemoAccounts (accounts of AR credit memos: money-only refunds)</td><td>none: such refunds
   *       are refused (dead-lettered) naming the option</td></tr>
   *   <tr><td>defaultSite ({@code SiteID})</td><td>none (SL's default)</td></tr>
   *   <tr><td>fiscalCalendar</td><td>{@link SlFiscalCalendar#calendarYear()}</td></tr>
   *   <tr><td>journalType / ledgerId / defaultSubaccount</td><td>{@code GJ} / {@code ACTUAL} / none</td></tr>
   *   <tr><td>http / clock</td><td>{@link HttpSettings#DEFAULT} / system UTC</td></tr>
   * </table>
   */
  public static final class Builder {
    private URI baseUrl;
    private Secret apiKey;
    private Secret apiSecret;
    private Supplier<Secret> bearer;
    private boolean bearerRenewable;
    private String company;
    private ZoneId zone = ZoneId.of("UTC");
    private Charset codePage = Charset.forName("windows-1252");
    private boolean transliterate;
    private Currency currency = Currency.getInstance("USD");
    private String orderType = "SO";
    private String creditMemoOrderType = SlMappingContext.CREDIT_MEMO_TYPE;
    private String defaultSite;
    private SlFiscalCalendar fiscalCalendar = SlFiscalCalendar.calendarYear();
    private String journalType = "GJ";
    private String ledgerId = "ACTUAL";
    private String defaultSubaccount;
    private SlCreditMemoAccounts creditMemoAccounts;
    private HttpSettings http = HttpSettings.DEFAULT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.apiKey = apiKey;
      b.apiSecret = apiSecret;
      b.bearer = bearer;
      b.bearerRenewable = bearerRenewable;
      b.company = company;
      b.zone = zone;
      b.codePage = codePage;
      b.transliterate = transliterate;
      b.currency = currency;
      b.orderType = orderType;
      b.creditMemoOrderType = creditMemoOrderType;
      b.defaultSite = defaultSite;
      b.fiscalCalendar = fiscalCalendar;
      b.journalType = journalType;
      b.ledgerId = ledgerId;
      b.defaultSubaccount = defaultSubaccount;
      b.creditMemoAccounts = creditMemoAccounts;
      b.http = http;
      b.clock = clock;
      return b;
    }

    /** The layer's base URL, e.g. {@code https://sl-api.corp.example/}. */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** API key + secret key ({@code X-API-Key} / {@code X-API-Secret} headers). */
    public Builder apiKey(Secret key, Secret secret) {
      this.apiKey = key;
      this.apiSecret = secret;
      return this;
    }

    /** A fixed bearer token. */
    public Builder bearerToken(Secret token) {
      this.bearer = () -> token;
      this.bearerRenewable = false;
      return this;
    }

    /** A bearer token fetched from {@code source}, fetched again once when a call answers 401. */
    public Builder bearerTokenSource(Supplier<Secret> source) {
      this.bearer = source;
      this.bearerRenewable = true;
      return this;
    }

    /** The default company, {@code CpnyID} (≤ 10 characters); each request may name another. */
    public Builder company(String company) {
      this.company = company;
      return this;
    }

    /** The SL server's time zone ({@code LUpd_DateTime} and friends are its local time). */
    public Builder serverZone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** The database code page of SL's CHAR columns; default windows-1252. */
    public Builder codePage(Charset codePage) {
      this.codePage = codePage;
      return this;
    }

    /** Whether to transliterate characters outside the code page ({@code ł} → {@code l}) instead of rejecting. */
    public Builder transliterate(boolean transliterate) {
      this.transliterate = transliterate;
      return this;
    }

    /** The currency of SL amounts whose row carries no currency id; default USD. */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /** The order type of new orders ({@code SOTypeID}, site-defined); default {@code SO}. */
    public Builder orderType(String orderType) {
      this.orderType = orderType;
      return this;
    }

    /**
     * The order type storefront credit memos are entered with ({@code SOTypeID}, char(4), site-defined);
     * default {@code CM}. It must name an {@code SOType} whose {@code Behavior} is {@code CM} (credit memo:
     * SL's own procedures treat it like {@code DM}, with no cost and no quantity booked) or, where returned
     * goods are to be received back through SL, one of behaviour {@code RMA}. The {@code CM} id itself is
     * the usual name of that type, not an SL constant.
     */
    public Builder creditMemoOrderType(String creditMemoOrderType) {
      this.creditMemoOrderType = creditMemoOrderType;
      return this;
    }

    /** The site of lines that name none ({@code SiteID}). */
    public Builder defaultSite(String siteId) {
      this.defaultSite = siteId;
      return this;
    }

    /** How dates become {@code PerPost}; default calendar-year months. */
    public Builder fiscalCalendar(SlFiscalCalendar calendar) {
      this.fiscalCalendar = calendar;
      return this;
    }

    /** Shortcut for {@code fiscalCalendar(SlFiscalCalendar.monthly(firstMonth))}. */
    public Builder fiscalYearStart(Month firstMonth) {
      this.fiscalCalendar = SlFiscalCalendar.monthly(firstMonth);
      return this;
    }

    /** GL journal type ({@code JrnlType}); default {@code GJ}. */
    public Builder journalType(String journalType) {
      this.journalType = journalType;
      return this;
    }

    /** GL ledger ({@code LedgerID}); default {@code ACTUAL}. */
    public Builder ledgerId(String ledgerId) {
      this.ledgerId = ledgerId;
      return this;
    }

    /** The subaccount used when an account is written without one ({@code Sub}, char(24)). */
    public Builder defaultSubaccount(String sub) {
      this.defaultSubaccount = sub;
      return this;
    }

    /**
     * The GL accounts money-only refunds are booked to: a storefront credit memo without returned lines (shipping,
     * tax or a goodwill amount refunded) is entered as an SL AR credit memo ({@code ARDoc} {@code CM}), one
     * {@code ARTran} per refunded component on these accounts. Each account is {@code Acct/Sub} or {@code Acct}
     * (then the {@linkplain #defaultSubaccount default subaccount}); checked at {@link #build()}
     * ({@code Acct} ≤ 10, {@code Sub} ≤ 24 characters). Default: none, and such refunds are refused naming this
     * option (dead-lettered, never dropped).
     */
    public Builder creditMemoAccounts(SlCreditMemoAccounts accounts) {
      this.creditMemoAccounts = accounts;
      return this;
    }

    /** Timeouts and limits; default {@link HttpSettings#DEFAULT}. */
    public Builder http(HttpSettings http) {
      this.http = http;
      return this;
    }

    /** The clock (tests inject a fixed one). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws ConfigurationException naming the first option that is missing or invalid
     */
    public SlClient build() {
      SystemId sl = SystemId.DYNAMICS_SL;
      if (baseUrl == null) {
        throw ConfigurationException.of(sl, "baseUrl", "is required");
      }
      if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
        throw ConfigurationException.of(sl, "baseUrl", "must be an http(s) URL (was " + baseUrl.getScheme() + ")");
      }
      boolean key = apiKey != null || apiSecret != null;
      if (key && bearer != null) {
        throw ConfigurationException.of(sl, "auth", "give either apiKey or a bearer token, not both");
      }
      if (key && (apiKey == null || apiSecret == null)) {
        throw ConfigurationException.of(sl, "apiKey", "needs both the API key and the secret key");
      }
      if (!key && bearer == null) {
        throw ConfigurationException.of(sl, "auth", "is required: apiKey(key, secret) or bearerToken(token)");
      }
      if (company == null || company.isBlank() || company.length() > 10) {
        throw ConfigurationException.of(sl, "company",
            "is required and must be an SL CpnyID of 1..10 characters (was " + company + ")");
      }
      for (var option : new Object[][] {{"serverZone", zone}, {"codePage", codePage}, {"currency", currency},
          {"fiscalCalendar", fiscalCalendar}, {"http", http}, {"clock", clock}, {"orderType", orderType},
          {"creditMemoOrderType", creditMemoOrderType}}) {
        if (option[1] == null) {
          throw ConfigurationException.of(sl, (String) option[0], "must not be null");
        }
      }
      if (orderType.isBlank() || orderType.length() > 4) {
        throw ConfigurationException.of(sl, "orderType", "must be an SOTypeID of 1..4 characters (was " + orderType + ")");
      }
      // SOHeader.SOTypeID is char(4) (reference §2.3, [C2])
      if (creditMemoOrderType.isBlank() || creditMemoOrderType.length() > 4) {
        throw ConfigurationException.of(sl, "creditMemoOrderType",
            "must be an SOTypeID of 1..4 characters (was " + creditMemoOrderType + ")");
      }
      if (creditMemoOrderType.strip().equalsIgnoreCase(orderType.strip())) {
        throw ConfigurationException.of(sl, "creditMemoOrderType",
            "must differ from orderType " + orderType + ": orders and credit memos are told apart by SOTypeID");
      }
      if (creditMemoAccounts != null) {
        checkAccount("creditMemoAccounts.refunds", creditMemoAccounts.refunds());
        checkAccount("creditMemoAccounts.freight", creditMemoAccounts.freight());
        checkAccount("creditMemoAccounts.tax", creditMemoAccounts.tax());
      }
      SlAuth auth = key ? new SlAuth.ApiKey(apiKey, apiSecret) : new SlAuth.Bearer(bearer, bearerRenewable);
      return new SlClient(this, auth);
    }

    /** An account written {@code Acct/Sub} or {@code Acct}, checked against ARTran's columns (§2.9, [C2]). */
    private void checkAccount(String option, String account) {
      SystemId sl = SystemId.DYNAMICS_SL;
      String acct = SlReferences.acct(account);
      String sub = SlReferences.sub(account, defaultSubaccount);
      if (acct == null || acct.isEmpty()) {
        throw ConfigurationException.of(sl, option, "needs an account: write it Acct or Acct/Sub (was " + account + ")");
      }
      if (sub == null || sub.isBlank()) {
        throw ConfigurationException.of(sl, option, "needs a subaccount: write it Acct/Sub or configure"
            + " defaultSubaccount (was " + account + ")");
      }
      // the width and code-page rules every document is sent under
      SlText text = new SlText(codePage, transliterate);
      for (String[] column : new String[][] {{"Acct", acct}, {"Sub", sub.strip()}}) {
        text.violations("ARTran", column[0], column[1]).stream().findFirst().ifPresent(v -> {
          throw ConfigurationException.of(sl, option, v.toString());
        });
      }
    }
  }
}
