package io.commercesync.connector.dynamicsgp.internal.capability;

import io.commercesync.connector.dynamicsgp.EConnectError;
import io.commercesync.connector.dynamicsgp.GpApplicationRejectedException;
import io.commercesync.connector.dynamicsgp.GpCustomerNumbers;
import io.commercesync.connector.dynamicsgp.GpDocumentRejectedException;
import io.commercesync.connector.dynamicsgp.GpSettings;
import io.commercesync.connector.dynamicsgp.GpTransport;
import io.commercesync.connector.dynamicsgp.SubmitResult;
import io.commercesync.connector.dynamicsgp.TransactionResult;
import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectTransaction;
import io.commercesync.connector.dynamicsgp.econnect.GlTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.RmApplyType;
import io.commercesync.connector.dynamicsgp.econnect.RmCashReceiptsType;
import io.commercesync.connector.dynamicsgp.econnect.RmCustomerMasterType;
import io.commercesync.connector.dynamicsgp.econnect.RmTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.SopTransactionType;
import io.commercesync.connector.dynamicsgp.internal.dto.GpRows;
import io.commercesync.connector.dynamicsgp.internal.mapping.GpDocumentMapper;
import io.commercesync.connector.dynamicsgp.internal.mapping.GpRowMapper;
import io.commercesync.connector.dynamicsgp.internal.mapping.GpText;
import io.commercesync.connector.dynamicsgp.polling.GpChangeReader;
import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.connector.dynamicsgp.polling.GpRow;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.CustomerQuery;
import io.commercesync.core.spi.CustomerStanding;
import io.commercesync.core.spi.CustomerStore;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The capabilities of one GP company, over one {@link GpTransport}. */
public final class GpCapabilities {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.DYNAMICS_GP).build();
  private static final GpRowMapper ROWS = GpRowMapper.INSTANCE;

  private final Function<String, GpTransport> transports;
  private final GpTransport defaultTransport;
  private final GpDocumentMapper mapper;
  private final GpSettings settings;
  private final Duration overlap;
  private final int pageSize;
  private final Clock clock;

  public GpCapabilities(Function<String, GpTransport> transports, GpTransport defaultTransport, GpSettings settings,
      Duration overlap, int pageSize, Clock clock) {
    this.transports = transports;
    this.defaultTransport = defaultTransport;
    this.settings = settings;
    this.mapper = new GpDocumentMapper(settings);
    this.overlap = overlap;
    this.pageSize = pageSize;
    this.clock = clock;
  }

  GpTransport transport(String company) {
    return company == null ? defaultTransport : transports.apply(company);
  }

  /** Submits one transaction and turns its outcome into a write result or a typed exception. */
  static TransactionResult submit(GpTransport t, EConnectTransaction tx, IdempotencyKey key, String operation) {
    SubmitResult result = t.submit(EConnect.of(tx), key.value());
    TransactionResult r = result.transactions().get(0);
    if (r.status() == TransactionResult.Status.QUEUED) {
      throw RemoteSystemException.builder(SystemId.DYNAMICS_GP, operation).recordKey(tx.documentKey())
          .remoteCode("QUEUED").remoteMessage("GP is unavailable; the agent holds the document and applies it when GP returns")
          .retryable(true).retryAfter(Duration.ofSeconds(30)).build();
    }
    return r;
  }

  private static Currency currency(GpSettings settings, String curncyid) {
    return Currency.getInstance(settings.isoCurrency(curncyid).orElse("USD"));
  }

  // ---- sinks -----------------------------------------------------------------------------------

  /** OrderSink: SOPTYPE 2 documents, found again by CSTPONBR. */
  public OrderSink orders() {
    return new OrderSink() {
      @Override
      public SystemId system() {
        return SystemId.DYNAMICS_GP;
      }

      @Override
      public WriteResult write(SalesOrderRequest request, IdempotencyKey key) {
        SopTransactionType sop = mapper.salesOrder(request, key.value());
        TransactionResult r = submit(transport(request.company()), sop, key, "submit SOPTransactionType");
        return outcome(r, "sales order", request.order().number().toUpperCase(Locale.ROOT), sop.documentKey());
      }

      @Override
      public Optional<WriteResult> lookup(SalesOrderRequest request, IdempotencyKey key) {
        List<GpRow> rows = transport(request.company()).query(GpQuery.SALES_DOCUMENTS_BY_PO,
            Map.of("soptype", 2, "cstponbr", request.order().number().toUpperCase(Locale.ROOT)));
        return rows.stream().findFirst().map(row -> WriteResult.alreadyApplied(row.string("SOPNUMBE")));
      }
    };
  }

  /** Maps a transaction result: applied, already there, duplicate (56) or rejected. */
  static WriteResult outcome(TransactionResult r, String entity, String businessKey, String gpKey) {
    switch (r.status()) {
      case APPLIED:
        return WriteResult.created(gpKey);
      case ALREADY_APPLIED:
        return WriteResult.alreadyApplied(gpKey);
      default:
        break;
    }
    if (r.errors().stream().anyMatch(e -> e.is(56, "taSopHdrIvcInsert"))) {
      throw new DuplicateDetectedException(SystemId.DYNAMICS_GP, entity, businessKey, gpKey);
    }
    throw GpDocumentRejectedException.of("submit " + r.type(), r);
  }

  /**
   * ReturnSink. A return with lines is a SOP return (SOPTYPE 4), found again by SOPNUMBE. A refund without
   * lines (money only: refunded shipping, a goodwill adjustment, tax) is a receivables credit memo
   * ({@code RMTransactionType}, {@code taRMTransaction} RMDTYPAL 7; a SOP document needs a line), found again by
   * (CUSTNMBR, RMDTYPAL 7, DOCNUMBR) in RM10301, RM20101 and RM30101 ({@link GpQuery#CREDIT_MEMO_BY_NUMBER}).
   *
   * <p>A credit memo is entered once, whatever is retried: its DOCNUMBR is derived from the storefront number
   * ({@link GpDocumentMapper#creditMemoNumber}), its MessageID is the write's key (the agent's de-duplication),
   * {@code lookup} finds one a lost response, a crash or a replay left, and GP's own refusal of a used number
   * (error 190, or 7148 from the tax row of a memo still unposted) is a {@link DuplicateDetectedException} when
   * this customer's credit memo holds it. It is mapped
   * and validated before anything is sent (a total not above zero, or an amount with more decimals than the
   * currency, is an {@link InvalidRecordException}), and its customer is looked up in RM00101 first:
   * taRMTransaction does not check the customer, and for an unknown one it would enter nothing but still use
   * up the document number, so an unknown customer is an {@code InvalidRecordException} on CUSTNMBR and nothing
   * is sent. Other refusals are {@link GpDocumentRejectedException}s with GP's numbers.
   */
  public ReturnSink returns() {
    return new ReturnSink() {
      @Override
      public SystemId system() {
        return SystemId.DYNAMICS_GP;
      }

      @Override
      public WriteResult write(ReturnRequest request, IdempotencyKey key) {
        if (request.ret().lines().isEmpty()) {
          return writeCreditMemo(request, key);
        }
        SopTransactionType sop = mapper.salesReturn(request, key.value());
        TransactionResult r = submit(transport(request.company()), sop, key, "submit SOPTransactionType");
        return outcome(r, "return", request.ret().number(), sop.documentKey());
      }

      @Override
      public Optional<WriteResult> lookup(ReturnRequest request, IdempotencyKey key) {
        if (request.ret().lines().isEmpty()) {
          String docnumbr = mapper.creditMemoNumber(request.ret().number());
          return creditMemo(transport(request.company()), GpText.upper(request.customerId()), docnumbr)
              .map(row -> WriteResult.alreadyApplied(docnumbr));
        }
        String sopnumbe = mapper.returnNumber(request.ret().number());
        return transport(request.company()).query(GpQuery.SALES_DOCUMENT_BY_NUMBER, Map.of("soptype", 4, "sopnumbe", sopnumbe))
            .stream().findFirst().map(row -> WriteResult.alreadyApplied(sopnumbe));
      }
    };
  }

  /** Enters the RM credit memo of a refund without lines; see {@link #returns()}. */
  WriteResult writeCreditMemo(ReturnRequest request, IdempotencyKey key) {
    RmTransactionType memo = mapper.creditMemo(request, key.value());
    GpTransport t = transport(request.company());
    String custnmbr = memo.transaction().custnmbr();
    String docnumbr = memo.documentKey();
    if (t.query(GpQuery.CUSTOMER_BY_ID, Map.of("custnmbr", custnmbr)).isEmpty()) {
      throw InvalidRecordException.of(SystemId.DYNAMICS_GP, "return", request.ret().number(), FieldViolation.of(
          "CUSTNMBR", FieldViolation.RULE_UNKNOWN_REFERENCE, custnmbr, "does not exist in RM00101: GP's taRMTransaction"
              + " does not check it and would enter no credit memo " + docnumbr + " while using up its number"));
    }
    TransactionResult r = submit(t, memo, key, "submit RMTransactionType");
    if (r.status() == TransactionResult.Status.APPLIED) {
      return WriteResult.created(docnumbr);
    }
    if (r.status() == TransactionResult.Status.ALREADY_APPLIED) {
      return WriteResult.alreadyApplied(docnumbr);
    }
    // the number is taken: 190 from taRMTransaction, or, for a memo with tax still unposted, 7148 from its tax row
    // (RM10601 already holds the row of the memo entered before)
    boolean taken = r.errors().stream()
        .anyMatch(e -> e.is(190, "taRMTransaction") || e.is(7148, "taRMTransactionTaxInsert"));
    if (taken && creditMemo(t, custnmbr, docnumbr).isPresent()) {
      throw new DuplicateDetectedException(SystemId.DYNAMICS_GP, "return", request.ret().number(), docnumbr);
    }
    throw GpDocumentRejectedException.of("submit RMTransactionType", r);
  }

  /** The credit memo {@code docnumbr} of {@code custnmbr}, unposted, open or in history. */
  static Optional<GpRow> creditMemo(GpTransport t, String custnmbr, String docnumbr) {
    if (custnmbr == null) {
      return Optional.empty();
    }
    return t.query(GpQuery.CREDIT_MEMO_BY_NUMBER, Map.of("custnmbr", custnmbr, "docnumbr", docnumbr)).stream()
        .findFirst();
  }

  /**
   * PaymentSink: cash receipts ({@code RMCashReceiptsType}), found again by DOCNUMBR, each applied to the
   * invoice its payment names ({@link CashReceipt#applyToInvoice()}; null = on account) by a second document,
   * {@code RMApplyType} ({@code taRMApply}), in the same company through the same transport.
   *
   * <p>Exactly one receipt and one application, whatever is retried: the receipt is keyed by its DOCNUMBR
   * (lookup) and its MessageID (the agent's de-duplication); the application is looked up in RM20201/RM30201
   * by (receipt, invoice) before it is submitted under its own MessageID ({@code <key>/apply}, {@link IdempotencyKey#step}), and GP's own
   * duplicate refusal (670) counts as applied. {@code write} submits the receipt, then the application.
   * {@code lookup}, when the receipt is there (a crash or a lost response after it was entered, or a replayed
   * dead letter), makes the missing application before answering: unlike the {@code Sink} default, this
   * lookup may write, and only the application.
   *
   * <p>Both documents are mapped and validated before anything is sent, so a malformed invoice number fails
   * alone with an {@code InvalidRecordException} on {@code RMApplyType}. An application GP refuses (unknown or
   * unposted invoice 568, already paid 574, above its amount 570, another customer 165) is a
   * {@link GpApplicationRejectedException}: not retryable, naming {@code dynamics-gp}, {@code RMApplyType},
   * the receipt and the invoice; the receipt stays entered, on account, and a replay re-tries only the
   * application.
   */
  public PaymentSink payments() {
    return new PaymentSink() {
      @Override
      public SystemId system() {
        return SystemId.DYNAMICS_GP;
      }

      @Override
      public WriteResult write(CashReceipt receipt, IdempotencyKey key) {
        GpTransport t = transport(receipt.company());
        RmCashReceiptsType cash = mapper.cashReceipt(receipt, key.value());
        RmApplyType apply = application(receipt, cash, key);
        TransactionResult r = submit(t, cash, key, "submit RMCashReceiptsType");
        WriteResult result = outcome(r, "cash receipt", cash.documentKey(), cash.documentKey());
        if (apply != null) {
          applyOnce(t, apply, key);
        }
        return result;
      }

      @Override
      public Optional<WriteResult> lookup(CashReceipt receipt, IdempotencyKey key) {
        String docnumbr = mapper.receiptNumber(receipt.payment());
        GpTransport t = transport(receipt.company());
        Optional<WriteResult> found = t.query(GpQuery.CASH_RECEIPT_BY_NUMBER, Map.of("docnumbr", docnumbr))
            .stream().findFirst().map(row -> WriteResult.alreadyApplied(docnumbr));
        if (found.isPresent() && receipt.applyToInvoice() != null) {
          applyOnce(t, application(receipt, mapper.cashReceipt(receipt, key.value()), key), key);
        }
        return found;
      }

      private RmApplyType application(CashReceipt receipt, RmCashReceiptsType cash, IdempotencyKey key) {
        return receipt.applyToInvoice() == null ? null : mapper.application(receipt, cash, key.step("apply").value());
      }
    };
  }

  /**
   * Submits {@code apply} unless RM20201/RM30201 already hold it; GP's 670 (the pair is already applied) is
   * success too.
   *
   * @throws GpApplicationRejectedException when GP refuses the application
   */
  static void applyOnce(GpTransport t, RmApplyType apply, IdempotencyKey receiptKey) {
    Map<String, Object> pair = Map.of("apfrdcty", apply.apply().apfrdcty(), "apfrdcnm", apply.receiptNumber(),
        "aptodcty", apply.apply().aptodcty(), "aptodcnm", apply.invoiceNumber());
    if (!t.query(GpQuery.APPLICATION_BY_DOCUMENTS, pair).isEmpty()) {
      return;
    }
    TransactionResult r = submit(t, apply, receiptKey.step("apply"), "submit RMApplyType");
    if (r.applied() || r.errors().stream().anyMatch(e -> e.is(670, "taRMApply"))) {
      return;
    }
    throw GpApplicationRejectedException.of(r, apply.receiptNumber(), apply.invoiceNumber());
  }

  /** JournalSink: GL entries, found again by REFRENCE; JRNENTRY from taGetNextJournalEntry. */
  public JournalSink journals() {
    return new JournalSink() {
      @Override
      public SystemId system() {
        return SystemId.DYNAMICS_GP;
      }

      @Override
      public WriteResult write(JournalEntry entry, IdempotencyKey key) {
        GpTransport t = transport(null);
        GlTransactionType gl = mapper.journal(entry, t.nextJournalEntry(), key.value());
        TransactionResult r = submit(t, gl, key, "submit GLTransactionType");
        return outcome(r, "journal entry", entry.reference(), gl.documentKey());
      }

      @Override
      public Optional<WriteResult> lookup(JournalEntry entry, IdempotencyKey key) {
        return transport(null).query(GpQuery.JOURNAL_BY_REFERENCE, Map.of("refrence", entry.reference())).stream()
            .findFirst().map(row -> WriteResult.alreadyApplied(String.valueOf(row.integer("JRNENTRY"))));
      }
    };
  }

  // ---- customers -------------------------------------------------------------------------------

  /** CustomerStore over RM00101/RM00102/SY01200 and taUpdateCreateCustomerRcd. */
  public CustomerStore customers() {
    return new CustomerStore() {
      @Override
      public SystemId system() {
        return SystemId.DYNAMICS_GP;
      }

      @Override
      public Optional<Customer> findById(String id) {
        List<GpRow> rows = transport(null).query(GpQuery.CUSTOMER_BY_ID, Map.of("custnmbr", id.trim().toUpperCase(Locale.ROOT)));
        if (rows.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(customer(customerRows(rows).get(0)));
      }

      @Override
      public List<Customer> search(CustomerQuery query) {
        List<Customer> out = new ArrayList<>();
        if (query.email() != null && !query.email().isBlank()) {
          for (GpRow row : transport(null).query(GpQuery.CUSTOMERS_BY_EMAIL,
              Map.of("email", query.email().trim().toUpperCase(Locale.ROOT)))) {
            findById(row.string("MASTER_ID")).ifPresent(out::add);
          }
          return out;
        }
        if (query.postalCode() == null || query.postalCode().isBlank()) {
          return out;
        }
        // candidates at the postal code (RM00102), kept when the contact person's name matches: GP keeps
        // one name per customer (CNTCPRSN), compared without case, accents or punctuation
        String zip = query.postalCode().replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        String wanted = plainName((query.firstName() == null ? "" : query.firstName()) + (query.lastName() == null ? ""
            : query.lastName()));
        for (GpRow row : transport(null).query(GpQuery.CUSTOMERS_BY_POSTAL_CODE, Map.of("zip", zip))) {
          String contact = row.string("CNTCPRSN");
          if (wanted.isEmpty() || plainName(contact == null ? "" : contact).equals(wanted)) {
            findById(row.string("CUSTNMBR")).ifPresent(out::add);
          }
        }
        return out;
      }

      @Override
      public Source<Customer> changes() {
        return customerSource();
      }

      @Override
      public WriteResult write(Customer customer, IdempotencyKey key) {
        Optional<ExternalRef> ref = customer.ref(SystemId.DYNAMICS_GP);
        String id;
        if (ref.isPresent()) {
          id = ref.get().id().trim().toUpperCase(Locale.ROOT);
          Optional<Customer> existing = findById(id);
          if (existing.isPresent() && existing.get().email() != null && customer.email() != null
              && !existing.get().email().equalsIgnoreCase(customer.email().trim())) {
            throw new DuplicateDetectedException(SystemId.DYNAMICS_GP, "customer", id, id);
          }
        } else {
          id = GpCustomerNumbers.next(settings.customerPrefix(), customer, candidate -> findById(candidate).isPresent());
        }
        RmCustomerMasterType rm = mapper.customer(customer, id, key.value());
        TransactionResult r = submit(transport(null), rm, key, "submit RMCustomerMasterType");
        if (r.status() == TransactionResult.Status.APPLIED) {
          return ref.isPresent() ? WriteResult.updated(id) : WriteResult.created(id);
        }
        return outcome(r, "customer", id, id);
      }

      @Override
      public Optional<WriteResult> lookup(Customer customer, IdempotencyKey key) {
        if (customer.email() == null) {
          return Optional.empty();
        }
        return search(CustomerQuery.byEmail(customer.email())).stream().findFirst()
            .flatMap(c -> c.ref(SystemId.DYNAMICS_GP)).map(r -> WriteResult.alreadyApplied(r.id()));
      }
    };
  }

  /** A name without case, accents, spaces or punctuation: {@code "Zoë O'Neil"} → {@code "zoeoneil"}. */
  static String plainName(String name) {
    String plain = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private List<GpRows.CustomerRow> customerRows(List<GpRow> rows) {
    List<String> ids = rows.stream().map(r -> r.string("CUSTNMBR")).toList();
    Map<String, List<GpRows.AddressRow>> addresses = new LinkedHashMap<>();
    for (GpRow a : transport(null).query(GpQuery.ADDRESSES_FOR_CUSTOMERS, Map.of("customers", ids))) {
      addresses.computeIfAbsent(a.string("CUSTNMBR"), k -> new ArrayList<>()).add(new GpRows.AddressRow(
          a.string("ADRSCODE"), a.string("CNTCPRSN"), a.string("SHIPTONAME"), a.string("ADDRESS1"), a.string("ADDRESS2"),
          a.string("ADDRESS3"), a.string("CITY"), a.string("STATE"), a.string("ZIP"), a.string("COUNTRY"),
          a.string("CCODE"), a.string("PHONE1")));
    }
    Map<String, String> emails = new LinkedHashMap<>();
    for (GpRow e : transport(null).query(GpQuery.EMAILS_FOR_CUSTOMERS, Map.of("customers", ids))) {
      emails.putIfAbsent(e.string("MASTER_ID"), e.string("INET1"));
    }
    List<GpRows.CustomerRow> out = new ArrayList<>();
    for (GpRow r : rows) {
      String id = r.string("CUSTNMBR");
      out.add(new GpRows.CustomerRow(id, r.string("CUSTNAME"), r.string("CUSTCLAS"), r.string("CNTCPRSN"),
          r.string("ADRSCODE"), r.string("PHONE1"), r.string("PYMTRMID"), r.integer("CRLMTTYP"), r.decimal("CRLMTAMT"),
          r.integer("HOLD"), r.integer("INACTIVE"), r.string("PRBTADCD"), r.string("PRSTADCD"), emails.get(id),
          addresses.getOrDefault(id, List.of()), r.instant("DEX_ROW_TS")));
    }
    return out;
  }

  Customer customer(GpRows.CustomerRow r) {
    Customer.Builder b = Customer.builder().ref(ExternalRef.of(SystemId.DYNAMICS_GP, r.custnmbr()))
        .email(r.email()).phone(r.phone1()).group(r.custclas()).paymentTerms(r.pymtrmid())
        .onHold(r.hold() != null && r.hold() == 1).updatedAt(r.dexRowTs());
    String contact = r.cntcprsn() != null ? r.cntcprsn() : r.custname();
    String first = io.commercesync.connector.dynamicsgp.internal.mapping.GpText.firstName(contact);
    String last = io.commercesync.connector.dynamicsgp.internal.mapping.GpText.lastName(contact);
    if (r.custname() != null && r.cntcprsn() != null && !r.custname().equalsIgnoreCase(r.cntcprsn())) {
      b.company(r.custname());
    }
    b.firstName(first).lastName(last != null ? last : r.custnmbr());
    if (r.crlmttyp() != null && r.crlmttyp() == 2 && r.crlmtamt() != null) {
      b.creditLimit(Money.of(r.crlmtamt(), Currency.getInstance(settings.isoCurrency(null).orElse("USD"))));
    }
    for (GpRows.AddressRow a : r.addresses()) {
      b.addAddress(new CustomerAddress(a.adrscode(), ROWS.address(a), a.adrscode().equals(r.prbtadcd()),
          a.adrscode().equals(r.prstadcd())));
    }
    return b.build();
  }

  // ---- sources ---------------------------------------------------------------------------------

  private abstract class RowSource<T> implements Source<T> {
    private final String name;
    private final GpQuery query;
    private final Function<GpRow, String> key;

    RowSource(String name, GpQuery query, Function<GpRow, String> key) {
      this.name = name;
      this.query = query;
      this.key = key;
    }

    @Override
    public SystemId system() {
      return SystemId.DYNAMICS_GP;
    }

    @Override
    public String name() {
      return "dynamics-gp:" + defaultTransport.company() + ":" + name;
    }

    @Override
    public RecordStream read(Cursor from) {
      return new GpChangeReader(defaultTransport, query, key, overlap, pageSize).read(from, this::expand);
    }

    abstract List<RawRecord> expand(List<GpChangeReader.Group> groups, Function<GpChangeReader.Group, Cursor> position);

    RawRecord record(String key, Cursor position, Object row) {
      return RawRecord.json(key, position, name, JSON.write(row));
    }

    <R> R row(RawRecord record, Class<R> type) {
      return JSON.read(record.payload(), type, name);
    }

    T mapped(RawRecord record, java.util.function.Supplier<T> map) {
      try {
        return map.get();
      } catch (InvalidRecordException e) {
        throw e.relabel(SystemId.DYNAMICS_GP, name, record.key(), null);
      }
    }
  }

  /** ItemSource: IV00101 by DEX_ROW_TS. */
  public ItemSource items() {
    class Items extends RowSource<Item> implements ItemSource {
      Items() {
        super("items", GpQuery.ITEMS_CHANGED, r -> r.string("ITEMNMBR"));
      }

      @Override
      List<RawRecord> expand(List<GpChangeReader.Group> groups, Function<GpChangeReader.Group, Cursor> position) {
        List<RawRecord> out = new ArrayList<>();
        for (GpChangeReader.Group g : groups) {
          GpRow r = g.rows().get(0);
          out.add(record(g.key(), position.apply(g), new GpRows.ItemRow(r.string("ITEMNMBR"), r.string("ITEMDESC"),
              r.string("ITMSHNAM"), r.integer("ITEMTYPE"), r.string("ITMTSHID"), r.string("SELNGUOM"),
              r.decimal("ITEMSHWT"), r.integer("INACTIVE"), g.stamp())));
        }
        return out;
      }

      @Override
      public Item decode(RawRecord record) {
        return mapped(record, () -> ROWS.item(row(record, GpRows.ItemRow.class)));
      }
    }
    return new Items();
  }

  /**
   * InventorySource: IV00102 RCRDTYPE 2 rows of the items whose IV00101 stamp moved (IV00102 has no
   * DEX_ROW_TS; GP's zDT_IV00102 triggers stamp IV00101), one record per item and site.
   */
  public InventorySource inventory() {
    class Inventory extends RowSource<InventoryLevel> implements InventorySource {
      Inventory() {
        super("inventory", GpQuery.ITEMS_CHANGED, r -> r.string("ITEMNMBR"));
      }

      @Override
      List<RawRecord> expand(List<GpChangeReader.Group> groups, Function<GpChangeReader.Group, Cursor> position) {
        Map<String, GpChangeReader.Group> byItem = new LinkedHashMap<>();
        groups.forEach(g -> byItem.put(g.key(), g));
        List<RawRecord> out = new ArrayList<>();
        for (GpRow q : defaultTransport.query(GpQuery.QUANTITIES_FOR_ITEMS, Map.of("items", List.copyOf(byItem.keySet())))) {
          GpChangeReader.Group g = byItem.get(q.string("ITEMNMBR"));
          if (g == null) {
            continue;
          }
          String site = q.string("LOCNCODE");
          out.add(record(g.key() + "|" + site, position.apply(g), new GpRows.InventoryRow(g.key(), site,
              q.decimal("QTYONHND"), q.decimal("ATYALLOC"), g.stamp())));
        }
        return out;
      }

      @Override
      public InventoryLevel decode(RawRecord record) {
        return mapped(record, () -> ROWS.inventory(row(record, GpRows.InventoryRow.class)));
      }
    }
    return new Inventory();
  }

  /** PriceSource: IV00108 by DEX_ROW_TS. */
  public PriceSource prices() {
    class Prices extends RowSource<Price> implements PriceSource {
      Prices() {
        super("prices", GpQuery.PRICES_CHANGED, r -> String.join("|", r.string("ITEMNMBR"), r.string("CURNCYID"),
            r.string("PRCLEVEL"), r.string("UOFM"), r.decimal("TOQTY").stripTrailingZeros().toPlainString()));
      }

      @Override
      List<RawRecord> expand(List<GpChangeReader.Group> groups, Function<GpChangeReader.Group, Cursor> position) {
        List<RawRecord> out = new ArrayList<>();
        for (GpChangeReader.Group g : groups) {
          GpRow r = g.rows().get(0);
          out.add(record(g.key(), position.apply(g), new GpRows.PriceRow(r.string("ITEMNMBR"), r.string("CURNCYID"),
              r.string("PRCLEVEL"), r.string("UOFM"), r.decimal("FROMQTY"), r.decimal("TOQTY"), r.decimal("UOMPRICE"),
              g.stamp())));
        }
        return out;
      }

      @Override
      public Price decode(RawRecord record) {
        GpRows.PriceRow r = row(record, GpRows.PriceRow.class);
        return mapped(record, () -> ROWS.price(r, currency(settings, r.curncyid())));
      }
    }
    return new Prices();
  }

  /** ShipmentSource: posted invoices (SOP30200 SOPTYPE 3, not voided) with SOP10107 tracking numbers. */
  public ShipmentSource shipments() {
    class Shipments extends RowSource<Shipment> implements ShipmentSource {
      Shipments() {
        super("shipments", GpQuery.SHIPMENTS_CHANGED, r -> r.string("SOPNUMBE"));
      }

      @Override
      List<RawRecord> expand(List<GpChangeReader.Group> groups, Function<GpChangeReader.Group, Cursor> position) {
        List<RawRecord> out = new ArrayList<>();
        for (GpChangeReader.Group g : groups) {
          GpRow h = g.rows().get(0);
          List<String> tracking = g.rows().stream().map(r -> r.string("TRACKING_NUMBER")).filter(Objects::nonNull).toList();
          out.add(record(g.key(), position.apply(g), new GpRows.ShipmentRow(h.string("SOPNUMBE"), h.string("ORIGNUMB"),
              h.string("CSTPONBR"), h.string("SHIPMTHD"), h.instant("ACTLSHIP"), h.instant("DOCDATE"),
              h.string("CUSTNMBR"), tracking, g.stamp())));
        }
        return out;
      }

      @Override
      public Shipment decode(RawRecord record) {
        return mapped(record, () -> ROWS.shipment(row(record, GpRows.ShipmentRow.class)));
      }
    }
    return new Shipments();
  }

  /** InvoiceSource: RM20101 open invoices (RMDTYPAL 1, not voided). */
  public InvoiceSource invoices() {
    class Invoices extends RowSource<Invoice> implements InvoiceSource {
      Invoices() {
        super("invoices", GpQuery.OPEN_INVOICES_CHANGED, r -> r.string("DOCNUMBR"));
      }

      @Override
      List<RawRecord> expand(List<GpChangeReader.Group> groups, Function<GpChangeReader.Group, Cursor> position) {
        List<RawRecord> out = new ArrayList<>();
        for (GpChangeReader.Group g : groups) {
          GpRow r = g.rows().get(0);
          out.add(record(g.key(), position.apply(g), new GpRows.InvoiceRow(r.string("CUSTNMBR"), r.string("DOCNUMBR"),
              r.instant("DOCDATE"), r.instant("DUEDATE"), r.decimal("ORTRXAMT"), r.decimal("CURTRXAM"),
              r.string("CSPORNBR"), r.string("CURNCYID"), g.stamp())));
        }
        return out;
      }

      @Override
      public Invoice decode(RawRecord record) {
        GpRows.InvoiceRow r = row(record, GpRows.InvoiceRow.class);
        return mapped(record, () -> ROWS.invoice(r, currency(settings, r.curncyid())));
      }
    }
    return new Invoices();
  }

  /** Customers changed (RM00101 by DEX_ROW_TS; address changes stamp RM00101 too). */
  Source<Customer> customerSource() {
    class Customers extends RowSource<Customer> {
      Customers() {
        super("customers", GpQuery.CUSTOMERS_CHANGED, r -> r.string("CUSTNMBR"));
      }

      @Override
      List<RawRecord> expand(List<GpChangeReader.Group> groups, Function<GpChangeReader.Group, Cursor> position) {
        List<GpRow> rows = groups.stream().map(g -> g.rows().get(0)).toList();
        List<GpRows.CustomerRow> full = customerRows(rows);
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
          out.add(record(groups.get(i).key(), position.apply(groups.get(i)), full.get(i)));
        }
        return out;
      }

      @Override
      public Customer decode(RawRecord record) {
        return mapped(record, () -> customer(row(record, GpRows.CustomerRow.class)));
      }
    }
    return new Customers();
  }

  // ---- real-time -------------------------------------------------------------------------------

  /** RealtimeLookup: price at the customer's price level, stock per site, standing. */
  public RealtimeLookup realtime() {
    return new RealtimeLookup() {
      @Override
      public PriceQuote price(String customerId, String sku, BigDecimal quantity) {
        List<GpRow> rows = defaultTransport.query(GpQuery.PRICE_FOR_CUSTOMER, Map.of("custnmbr",
            customerId == null ? "" : customerId.trim().toUpperCase(Locale.ROOT), "item", sku, "qty", quantity));
        if (rows.isEmpty()) {
          throw InvalidRecordException.of(SystemId.DYNAMICS_GP, "price", sku, FieldViolation.of("ITEMNMBR",
              FieldViolation.RULE_UNKNOWN_REFERENCE, sku, "has no IV00108 price at the customer's price level"));
        }
        GpRow r = rows.get(0);
        return new PriceQuote(customerId, sku, quantity,
            Money.of(r.decimal("UOMPRICE"), currency(settings, r.string("CURNCYID"))), r.string("PRCLEVEL"), clock.instant());
      }

      @Override
      public List<InventoryLevel> stock(String sku) {
        List<InventoryLevel> out = new ArrayList<>();
        for (GpRow q : defaultTransport.query(GpQuery.QUANTITIES_FOR_ITEMS, Map.of("items", List.of(sku)))) {
          out.add(ROWS.inventory(new GpRows.InventoryRow(q.string("ITEMNMBR"), q.string("LOCNCODE"),
              q.decimal("QTYONHND"), q.decimal("ATYALLOC"), clock.instant())));
        }
        return out;
      }

      @Override
      public CustomerStanding standing(String customerId) {
        List<GpRow> rows = defaultTransport.query(GpQuery.CUSTOMER_STANDING,
            Map.of("custnmbr", customerId.trim().toUpperCase(Locale.ROOT)));
        if (rows.isEmpty()) {
          throw InvalidRecordException.of(SystemId.DYNAMICS_GP, "customer", customerId, FieldViolation.of("CUSTNMBR",
              FieldViolation.RULE_UNKNOWN_REFERENCE, customerId, "does not exist in RM00101"));
        }
        GpRow r = rows.get(0);
        Currency usd = currency(settings, null);
        Money limit = Integer.valueOf(2).equals(r.integer("CRLMTTYP")) ? Money.of(r.decimal("CRLMTAMT"), usd) : null;
        return new CustomerStanding(customerId, Integer.valueOf(1).equals(r.integer("HOLD")), limit,
            Money.of(r.decimal("BALANCE"), usd), clock.instant());
      }
    };
  }

  static boolean lockOnly(List<EConnectError> errors) {
    return !errors.isEmpty() && errors.stream().allMatch(EConnectError::retryable);
  }
}
