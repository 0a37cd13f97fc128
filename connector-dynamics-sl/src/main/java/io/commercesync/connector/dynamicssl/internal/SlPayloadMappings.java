package io.commercesync.connector.dynamicssl.internal;

import io.commercesync.connector.dynamicssl.SlCustomerIds;
import io.commercesync.connector.dynamicssl.SlFiscalCalendar;
import io.commercesync.connector.dynamicssl.internal.dto.CustomerDocument;
import io.commercesync.connector.dynamicssl.internal.dto.InventoryDocument;
import io.commercesync.connector.dynamicssl.internal.dto.ProductDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SalesOrderDocument;
import io.commercesync.connector.dynamicssl.internal.dto.ShipperDocument;
import io.commercesync.connector.dynamicssl.internal.mapping.SlCustomerMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlDocuments;
import io.commercesync.connector.dynamicssl.internal.mapping.SlInventoryMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlMappingContext;
import io.commercesync.connector.dynamicssl.internal.mapping.SlOrderMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlShipmentMapper;
import io.commercesync.connector.dynamicssl.internal.text.SlText;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.mapping.PayloadMapping;
import io.commercesync.core.mapping.PayloadMappingProvider;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The {@code commercesync map} conversions for Dynamics SL.
 *
 * <p>canonical → sl ({@code order}, {@code customer}, {@code payment}, {@code journal}): prints the
 * request body the client would send, after the same checks (widths, code page, amounts), or the
 * violations. A canonical order becomes a default {@link SalesOrderRequest}: {@code CustID} from the
 * option {@code customer}, else the order's customer ref, else a generated id ({@link SlCustomerIds});
 * {@code InvtID} = sku, {@code SiteID} = the line's location, {@code UnitDesc} = its unit; every line is
 * sent; {@code ShipViaID} only from the option {@code shipVia}.
 *
 * <p>sl → canonical ({@code order}, {@code customer}, {@code inventory}, {@code shipment},
 * {@code product}): reads the layer's JSON document and prints canonical JSON.
 *
 * <p>Options ({@code --option KEY=VALUE}): {@code company} (CpnyID, default {@code 0060}), {@code zone}
 * (SL server zone, default UTC), {@code customer}, {@code shipVia}, {@code site} (default SiteID),
 * {@code sub} (default subaccount for accounts written without one), {@code bankAcct} (payment cash
 * account, default {@code 1010}), {@code invoice} (apply a payment to it), {@code date} (payment date
 * when the payment has no capture time), {@code fiscalYearStart} (month, default JANUARY),
 * {@code codePage} (default windows-1252), {@code transliterate} (true/false).
 */
public final class SlPayloadMappings implements PayloadMappingProvider {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.DYNAMICS_SL).build();
  private static final String SL = "dynamics-sl";

  @Override
  public List<PayloadMapping> mappings() {
    return List.of(
        new PayloadMapping("canonical", SL, "order", "canonical Order -> POST /api/SalesOrder body (SOHeader + SOLine)",
            (in, o) -> JSON.writePretty(documents(o).salesOrder(request(CanonicalJson.read(in, Order.class), o)))),
        new PayloadMapping("canonical", SL, "customer", "canonical Customer -> POST /api/Customer body (Customer + SOAddress)",
            (in, o) -> {
              Customer c = CanonicalJson.read(in, Customer.class);
              String custId = o.getOrDefault("customer", c.ref(SystemId.DYNAMICS_SL).map(ExternalRef::id)
                  .orElse(SlCustomerIds.candidate(c, 0)));
              return JSON.writePretty(documents(o).customer(c, custId));
            }),
        new PayloadMapping("canonical", SL, "payment", "canonical Payment -> POST /api/AccountsReceivable/Payment body (ARDoc PA)",
            (in, o) -> JSON.writePretty(documents(o).payment(receipt(CanonicalJson.read(in, Payment.class), o)))),
        new PayloadMapping("canonical", SL, "journal", "canonical JournalEntry -> POST /api/GeneralLedger/Transactions body",
            (in, o) -> JSON.writePretty(documents(o).journal(CanonicalJson.read(in, JournalEntry.class), o.get("company")))),
        new PayloadMapping(SL, "canonical", "order", "SL SOHeader + SOLine document -> canonical Order",
            (in, o) -> {
              SalesOrderDocument d = SlText.trimmed(JSON.read(in, SalesOrderDocument.class, "sales order"));
              require(d.soHeader(), "SOHeader", "sales order");
              return CanonicalJson.writePretty(SlOrderMapper.INSTANCE.order(d.soHeader(), d.soLine(), context(o)));
            }),
        new PayloadMapping(SL, "canonical", "customer", "SL Customer + SOAddress document -> canonical Customer",
            (in, o) -> {
              CustomerDocument d = SlText.trimmed(JSON.read(in, CustomerDocument.class, "customer"));
              require(d.customer(), "Customer", "customer");
              return CanonicalJson.writePretty(SlCustomerMapper.INSTANCE.customer(d.customer(), d.soAddress(), context(o)));
            }),
        new PayloadMapping(SL, "canonical", "inventory", "SL Inventory + ItemSite document -> canonical InventoryLevel per site",
            (in, o) -> {
              InventoryDocument d = SlText.trimmed(JSON.read(in, InventoryDocument.class, "inventory"));
              require(d.itemSite(), "ItemSite", "inventory");
              return CanonicalJson.writePretty(SlInventoryMapper.INSTANCE.levels(d.itemSite(), context(o), Instant.EPOCH));
            }),
        new PayloadMapping(SL, "canonical", "product", "SL Inventory (item master) document -> canonical Item",
            (in, o) -> {
              ProductDocument d = SlText.trimmed(JSON.read(in, ProductDocument.class, "product"));
              require(d.inventory(), "Inventory", "product");
              return CanonicalJson.writePretty(SlInventoryMapper.INSTANCE.item(d.inventory(), context(o)));
            }),
        new PayloadMapping(SL, "canonical", "shipment", "SL SOShipHeader + SOShipLine + SOShipPack -> canonical Shipment",
            (in, o) -> {
              ShipperDocument d = SlText.trimmed(JSON.read(in, ShipperDocument.class, "shipper"));
              require(d.soShipHeader(), "SOShipHeader", "shipper");
              return CanonicalJson.writePretty(SlShipmentMapper.INSTANCE.shipment(d, context(o)));
            }));
  }

  private static void require(Object part, String table, String entity) {
    if (part == null) {
      throw InvalidRecordException.of(SystemId.DYNAMICS_SL, entity, null, FieldViolation.required("/" + table));
    }
  }

  static SlMappingContext context(Map<String, String> o) {
    return new SlMappingContext(ZoneId.of(o.getOrDefault("zone", "UTC")), Currency.getInstance(
        o.getOrDefault("currency", "USD")), o.getOrDefault("company", "0060"), o.getOrDefault("orderType", "SO"),
        o.get("site"), SlFiscalCalendar.monthly(Month.valueOf(o.getOrDefault("fiscalYearStart", "JANUARY"))),
        o.getOrDefault("journalType", "GJ"), o.getOrDefault("ledgerId", "ACTUAL"), o.get("sub"));
  }

  static SlDocuments documents(Map<String, String> o) {
    return new SlDocuments(context(o), new SlText(Charset.forName(o.getOrDefault("codePage", "windows-1252")),
        Boolean.parseBoolean(o.getOrDefault("transliterate", "false"))));
  }

  /** The default request for a canonical order (see the class comment). */
  static SalesOrderRequest request(Order order, Map<String, String> o) {
    String customerId = o.get("customer");
    if (customerId == null) {
      customerId = order.customerRef() != null ? order.customerRef().id() : SlCustomerIds.candidate(order.customer(), 0);
    }
    List<SalesLine> lines = new ArrayList<>();
    for (OrderLine l : order.lines()) {
      lines.add(new SalesLine(l.lineNumber(), l.sku(), l.location() != null ? l.location() : o.get("site"),
          l.unitOfMeasure()));
    }
    return new SalesOrderRequest(order, customerId, lines, o.get("shipVia"), Map.of(), o.getOrDefault("company", "0060"));
  }

  static CashReceipt receipt(Payment payment, Map<String, String> o) {
    String customerId = o.getOrDefault("customer", payment.customerRef() == null ? null : payment.customerRef().id());
    InvalidRecordException.Builder errors = InvalidRecordException.builder(SystemId.DYNAMICS_SL, "AR payment")
        .recordId(payment.id());
    if (customerId == null) {
      errors.violation(FieldViolation.of("customerRef", FieldViolation.RULE_REQUIRED, null,
          "ARDoc.CustId needs the payment's customerRef or --option customer=CUSTID"));
    }
    LocalDate date = o.containsKey("date") ? LocalDate.parse(o.get("date"))
        : payment.capturedAt() == null ? null : payment.capturedAt().atZone(context(o).zone()).toLocalDate();
    if (date == null) {
      errors.violation(FieldViolation.of("capturedAt", FieldViolation.RULE_REQUIRED, null,
          "ARDoc.DocDate needs the payment's capturedAt or --option date=YYYY-MM-DD"));
    }
    errors.throwIfAny();
    return new CashReceipt(payment, customerId, o.getOrDefault("bankAcct", "1010"), null, o.get("invoice"), date,
        o.getOrDefault("company", "0060"));
  }
}
