package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.cef.CefContact;
import io.commercesync.connector.clarity.internal.dto.cef.CefPayment;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesItem;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesOrder;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesOrderPayment;
import io.commercesync.connector.clarity.internal.dto.cef.CefTotals;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Builds a canonical {@link Order} from a native {@code SalesOrderModel}: the parts MapStruct cannot
 * express (currency resolution, totals, status by table, line numbering, payment inference).
 *
 * <table>
 *   <caption>Order fields</caption>
 *   <tr><th>CEF</th><th>canonical</th></tr>
 *   <tr><td>{@code CustomKey} (else {@code ID})</td><td>{@code number}</td></tr>
 *   <tr><td>{@code ID}</td><td>{@code refs[clarity]}</td></tr>
 *   <tr><td>{@code CreatedDate} (else {@code OriginalDate}) / {@code UpdatedDate}</td><td>{@code placedAt / updatedAt}</td></tr>
 *   <tr><td>{@code StatusKey} (else {@code StatusName}) through the status table</td><td>{@code status}, raw in {@code sourceStatus}</td></tr>
 *   <tr><td>{@code SalesItems[].SellingCurrencyKey} (else configured currency)</td><td>{@code currency}</td></tr>
 *   <tr><td>{@code AccountID} (else {@code UserID})</td><td>{@code customerRef}</td></tr>
 *   <tr><td>{@code BillingContact}/{@code ShippingContact} ({@code ShippingSameAsBilling})</td><td>{@code billingAddress/shippingAddress}, {@code customer}</td></tr>
 *   <tr><td>{@code Totals.SubTotal/Discounts/Shipping/Tax/Total}</td><td>{@code subtotal/discount/shipping/tax/grandTotal}</td></tr>
 *   <tr><td>{@code Totals.Handling + Totals.Fees}</td><td>{@code fees}</td></tr>
 *   <tr><td>{@code PaymentTransactionID}, {@code Total − BalanceDue} [I]</td><td>{@code payments[0]}</td></tr>
 *   <tr><td>{@code AccountKey}, {@code UserKey}, {@code PurchaseOrderNumber}</td><td>{@code attributes clarity.accountKey/…}</td></tr>
 * </table>
 */
public final class CefOrderAssembler {

  private static final String ENTITY = "order";

  private final MappingSettings settings;
  private final CefMapper mapper = CefMapper.INSTANCE;

  public CefOrderAssembler(MappingSettings settings) {
    this.settings = settings;
  }

  /** The order's key: {@code CustomKey}, else its {@code ID}. */
  public static String key(CefSalesOrder o) {
    return CefKeys.key(o.customKey(), o.id());
  }

  public Order order(CefSalesOrder o) {
    String key = key(o);
    InvalidRecordException.Builder problems = InvalidRecordException.builder(SystemId.CLARITY, ENTITY).recordId(key);
    if (key == null) {
      problems.violation(FieldViolation.required("CustomKey"));
      problems.throwIfAny();
    }
    try {
      Currency currency = currency(o, problems);
      problems.throwIfAny();
      Order.Builder b = Order.builder()
          .number(key)
          .placedAt(first(CefDates.instant(o.createdDate(), ENTITY, key, "CreatedDate"),
              CefDates.instant(o.originalDate(), ENTITY, key, "OriginalDate")))
          .updatedAt(CefDates.instant(o.updatedDate(), ENTITY, key, "UpdatedDate"))
          .currency(currency);
      if (o.id() != null) {
        b.ref(ExternalRef.of(SystemId.CLARITY, String.valueOf(o.id())));
      }
      String rawStatus = o.statusKey() != null ? o.statusKey() : o.statusName();
      b.sourceStatus(rawStatus).status(status(rawStatus, key));
      if (o.accountID() != null) {
        b.customerRef(ExternalRef.of(SystemId.CLARITY, String.valueOf(o.accountID())));
      } else if (o.userID() != null) {
        b.customerRef(ExternalRef.of(SystemId.CLARITY, "user:" + o.userID()));
      }
      Address billing = o.billingContact() == null ? null : mapper.address(o.billingContact());
      Address shipping = o.shippingContact() == null
          ? (Boolean.TRUE.equals(o.shippingSameAsBilling()) ? billing : null)
          : mapper.address(o.shippingContact());
      b.billingAddress(billing).shippingAddress(shipping);
      b.customer(customer(o, o.billingContact() != null ? o.billingContact() : o.shippingContact()));
      List<OrderLine> lines = new ArrayList<>();
      List<CefSalesItem> items = o.salesItems() == null ? List.of() : o.salesItems();
      for (int i = 0; i < items.size(); i++) {
        try {
          lines.add(mapper.line(items.get(i), i + 1, currency));
        } catch (InvalidRecordException e) {
          throw e.relabel(SystemId.CLARITY, ENTITY, key, "SalesItems[" + i + "]");
        }
      }
      b.lines(lines);
      CefTotals t = o.totals();
      if (t == null) {
        b.subtotal(Money.sum(currency, lines.stream().map(OrderLine::rowTotal).toList()));
        problems.violation(FieldViolation.required("Totals.Total"));
        problems.throwIfAny();
      } else {
        b.subtotal(t.subTotal() != null ? Money.of(t.subTotal(), currency)
                : Money.sum(currency, lines.stream().map(OrderLine::rowTotal).toList()))
            .discount(amount(t.discounts() == null ? null : t.discounts().abs(), currency))
            .shipping(amount(t.shipping(), currency))
            .tax(amount(t.tax(), currency))
            .fees(Money.of(nz(t.handling()).add(nz(t.fees())), currency));
        if (t.total() == null) {
          problems.violation(FieldViolation.required("Totals.Total"));
          problems.throwIfAny();
        }
        b.grandTotal(Money.of(t.total(), currency));
        payments(o, key, currency, t.total(), CefDates.instant(o.updatedDate(), ENTITY, key, "UpdatedDate"))
            .forEach(b::addPayment);
      }
      attribute(b, "clarity.accountKey", o.accountKey());
      attribute(b, "clarity.userKey", o.userKey());
      attribute(b, "clarity.purchaseOrderNumber", o.purchaseOrderNumber());
      attribute(b, "clarity.typeKey", o.typeKey());
      return b.build();
    } catch (InvalidRecordException e) {
      if (SystemId.CANONICAL.equals(e.recordSystem())) {
        throw e.relabel(SystemId.CLARITY, ENTITY, key, null);
      }
      throw e;
    }
  }

  private Currency currency(CefSalesOrder o, InvalidRecordException.Builder problems) {
    List<CefSalesItem> items = o.salesItems() == null ? List.of() : o.salesItems();
    for (int i = 0; i < items.size(); i++) {
      CefSalesItem item = items.get(i);
      String code = item.sellingCurrencyKey() != null ? item.sellingCurrencyKey() : item.originalCurrencyKey();
      if (code != null && !code.isBlank()) {
        try {
          return Money.currency(code);
        } catch (InvalidRecordException e) {
          problems.violation(FieldViolation.of("SalesItems[" + i + "].SellingCurrencyKey",
              FieldViolation.RULE_FORMAT, code, "must be an ISO 4217 currency code"));
          return null;
        }
      }
    }
    return settings.defaultCurrency();
  }

  private OrderStatus status(String raw, String key) {
    return settings.statuses().toCanonical(raw).orElseGet(() -> {
      settings.unmapped().unmapped(ENTITY, key, raw);
      return OrderStatus.UNKNOWN;
    });
  }

  private static Customer customer(CefSalesOrder o, CefContact contact) {
    Customer.Builder c = Customer.builder();
    if (contact != null) {
      c.email(MoneyMapping.blankToNull(contact.email1()))
          .firstName(MoneyMapping.blankToNull(contact.firstName()))
          .lastName(MoneyMapping.blankToNull(contact.lastName()))
          .phone(MoneyMapping.blankToNull(contact.phone1()));
    }
    if ((contact == null || MoneyMapping.blankToNull(contact.email1()) == null)
        && o.userKey() != null && o.userKey().contains("@")) {
      c.email(o.userKey());
    }
    c.company(MoneyMapping.blankToNull(o.accountName()));
    if (o.accountID() != null) {
      c.ref(ExternalRef.of(SystemId.CLARITY, String.valueOf(o.accountID())));
    }
    try {
      return c.build();
    } catch (InvalidRecordException e) {
      throw e.under("BillingContact");
    }
  }

  /**
   * The order's payments. With {@code SalesOrderPayments[]}, one payment per entry whose {@code Slave} has a
   * positive {@code Amount} (split payments: a gift card and a card, say), captured when {@code Received}
   * (at {@code ReceivedDate}, else the order's {@code UpdatedDate}), applied to {@code InvoiceNumber} when it
   * names one. Without them, the payment CEF sums up on the order: {@code PaymentTransactionID} for
   * {@code Total − BalanceDue}, captured as of {@code UpdatedDate}.
   */
  private static List<Payment> payments(CefSalesOrder o, String key, Currency currency, BigDecimal total,
      Instant updatedAt) {
    List<Payment> out = new ArrayList<>();
    List<CefSalesOrderPayment> entries = o.salesOrderPayments() == null ? List.of() : o.salesOrderPayments();
    for (int i = 0; i < entries.size(); i++) {
      CefPayment p = entries.get(i).slave();
      if (p == null || p.amount() == null || p.amount().signum() <= 0) {
        continue;
      }
      String field = "SalesOrderPayments[" + i + "].Slave";
      Instant received = Boolean.TRUE.equals(p.received())
          ? first(CefDates.instant(p.receivedDate(), ENTITY, key, field + ".ReceivedDate"), updatedAt) : null;
      try {
        out.add(Payment.builder()
            .id(p.id() == null ? null : String.valueOf(p.id()))
            .method(p.paymentMethodKey() == null || p.paymentMethodKey().isBlank() ? "clarity" : p.paymentMethodKey())
            .amount(Money.of(p.amount(), currency))
            .transactionId(MoneyMapping.blankToNull(p.transactionNumber()))
            .cardLast4(p.last4CardDigits() != null && p.last4CardDigits().matches("\\d{4}") ? p.last4CardDigits() : null)
            .capturedAt(received)
            .invoiceNumber(MoneyMapping.blankToNull(p.invoiceNumber()))
            .orderNumber(key)
            .build());
      } catch (InvalidRecordException e) {
        throw e.relabel(SystemId.CLARITY, ENTITY, key, field);
      }
    }
    if (!out.isEmpty() || o.paymentTransactionID() == null || o.paymentTransactionID().isBlank() || total == null) {
      return out;
    }
    BigDecimal paid = total.subtract(nz(o.balanceDue()));
    if (paid.signum() > 0) {
      out.add(Payment.builder()
          .method("clarity")
          .amount(Money.of(paid, currency))
          .transactionId(o.paymentTransactionID())
          .capturedAt(updatedAt)
          .orderNumber(key)
          .build());
    }
    return out;
  }

  private static void attribute(Order.Builder b, String code, String value) {
    if (value != null && !value.isBlank()) {
      b.attribute(code, value);
    }
  }

  private static Money amount(BigDecimal value, Currency currency) {
    return value == null ? null : Money.of(value, currency);
  }

  private static BigDecimal nz(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  private static Instant first(Instant a, Instant b) {
    return a != null ? a : b;
  }
}
