package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.v1.V1Address;
import io.commercesync.connector.clarity.internal.dto.v1.V1LineItem;
import io.commercesync.connector.clarity.internal.dto.v1.V1Order;
import io.commercesync.connector.clarity.internal.dto.v1.V1PaymentInfo;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Builds a canonical {@link Order} from a v1 order (sample {@code order.json}).
 *
 * <table>
 *   <caption>Order fields</caption>
 *   <tr><th>v1</th><th>canonical</th></tr>
 *   <tr><td>{@code orderNumber} (else {@code orderId})</td><td>{@code number}</td></tr>
 *   <tr><td>{@code orderId}</td><td>{@code refs[clarity]}</td></tr>
 *   <tr><td>{@code orderDate / updatedAt}</td><td>{@code placedAt / updatedAt}</td></tr>
 *   <tr><td>{@code status} through the status table</td><td>{@code status}, raw in {@code sourceStatus}</td></tr>
 *   <tr><td>{@code currency}</td><td>{@code currency}</td></tr>
 *   <tr><td>{@code customerId}</td><td>{@code customerRef}</td></tr>
 *   <tr><td>{@code email} + {@code billingAddress} names</td><td>{@code customer}</td></tr>
 *   <tr><td>{@code subtotalAmount} (else Σ quantity × unitPrice)</td><td>{@code subtotal}</td></tr>
 *   <tr><td>{@code discountAmount / shippingAmount} (else {@code shippingMethod.amount}) {@code / taxAmount / totalAmount}</td><td>{@code discount / shipping / tax / grandTotal}</td></tr>
 *   <tr><td>{@code shippingMethod.carrier + service}</td><td>{@code shippingMethod} ({@code ups_ground}), {@code shippingDescription} ({@code UPS Ground})</td></tr>
 *   <tr><td>{@code paymentInfo}</td><td>{@code payments[0]}</td></tr>
 *   <tr><td>{@code payments[]} [P+] (split payments; {@code paymentInfo} then ignored)</td><td>{@code payments[i]},
 *       {@code paymentId} → id, {@code invoiceNumber} → the ERP invoice it pays</td></tr>
 * </table>
 */
public final class V1OrderAssembler {

  private static final String ENTITY = "order";

  private final MappingSettings settings;
  private final V1Mapper mapper = V1Mapper.INSTANCE;

  public V1OrderAssembler(MappingSettings settings) {
    this.settings = settings;
  }

  /** The order's key: {@code orderNumber}, else {@code orderId}. */
  public static String key(V1Order o) {
    if (o.orderNumber() != null && !o.orderNumber().isBlank()) {
      return o.orderNumber();
    }
    return o.orderId();
  }

  public Order order(V1Order o) {
    String key = key(o);
    InvalidRecordException.Builder problems = InvalidRecordException.builder(SystemId.CLARITY, ENTITY).recordId(key);
    if (key == null || key.isBlank()) {
      problems.violation(FieldViolation.required("orderNumber"));
    }
    if (o.currency() == null) {
      problems.violation(FieldViolation.required("currency"));
    }
    if (o.totalAmount() == null) {
      problems.violation(FieldViolation.required("totalAmount"));
    }
    problems.throwIfAny();
    try {
      Currency currency;
      try {
        currency = Money.currency(o.currency());
      } catch (InvalidRecordException e) {
        throw InvalidRecordException.of(SystemId.CLARITY, ENTITY, key, FieldViolation.of("currency",
            FieldViolation.RULE_FORMAT, o.currency(), "must be an ISO 4217 currency code"));
      }
      Order.Builder b = Order.builder()
          .number(key)
          .placedAt(o.orderDate())
          .updatedAt(o.updatedAt())
          .currency(currency)
          .sourceStatus(o.status())
          .status(status(o.status(), key));
      if (o.orderId() != null) {
        b.ref(ExternalRef.of(SystemId.CLARITY, o.orderId()));
      }
      if (o.customerId() != null && !o.customerId().isBlank()) {
        b.customerRef(ExternalRef.of(SystemId.CLARITY, o.customerId()));
      }
      Address billing = o.billingAddress() == null ? null : mapper.address(o.billingAddress(), o.email());
      Address shipping = o.shippingAddress() == null ? null : mapper.address(o.shippingAddress(), o.email());
      b.billingAddress(billing).shippingAddress(shipping);
      b.customer(customer(o));
      List<OrderLine> lines = new ArrayList<>();
      List<V1LineItem> items = o.lineItems() == null ? List.of() : o.lineItems();
      for (int i = 0; i < items.size(); i++) {
        try {
          lines.add(mapper.line(items.get(i), i + 1, currency));
        } catch (InvalidRecordException e) {
          throw e.relabel(SystemId.CLARITY, ENTITY, key, "lineItems[" + i + "]");
        }
      }
      b.lines(lines);
      b.subtotal(o.subtotalAmount() != null ? Money.of(o.subtotalAmount(), currency)
          : Money.sum(currency, lines.stream().map(OrderLine::rowTotal).toList()));
      b.discount(amount(o.discountAmount() == null ? null : o.discountAmount().abs(), currency));
      BigDecimal shippingAmount = o.shippingAmount() != null ? o.shippingAmount()
          : (o.shippingMethod() == null ? null : o.shippingMethod().amount());
      b.shipping(amount(shippingAmount, currency));
      b.tax(amount(o.taxAmount(), currency));
      b.grandTotal(Money.of(o.totalAmount(), currency));
      if (o.shippingMethod() != null && o.shippingMethod().carrier() != null) {
        String carrier = o.shippingMethod().carrier();
        String service = o.shippingMethod().service();
        b.shippingMethod((carrier + (service == null ? "" : "_" + service)).toLowerCase(Locale.ROOT).replace(' ', '_'));
        b.shippingDescription(carrier + (service == null ? "" : " " + service));
      }
      if (o.payments() != null && !o.payments().isEmpty()) {
        for (int i = 0; i < o.payments().size(); i++) {
          V1PaymentInfo p = o.payments().get(i);
          if (p != null && p.amount() != null && p.method() != null) {
            try {
              b.addPayment(mapper.payment(p, key, currency));
            } catch (InvalidRecordException e) {
              throw e.relabel(SystemId.CLARITY, ENTITY, key, "payments[" + i + "]");
            }
          }
        }
      } else if (o.paymentInfo() != null && o.paymentInfo().amount() != null && o.paymentInfo().method() != null) {
        try {
          b.addPayment(mapper.payment(o.paymentInfo(), key, currency));
        } catch (InvalidRecordException e) {
          throw e.relabel(SystemId.CLARITY, ENTITY, key, "paymentInfo");
        }
      }
      return b.build();
    } catch (InvalidRecordException e) {
      if (SystemId.CANONICAL.equals(e.recordSystem())) {
        throw e.relabel(SystemId.CLARITY, ENTITY, key, null);
      }
      throw e;
    }
  }

  private OrderStatus status(String raw, String key) {
    return settings.statuses().toCanonical(raw).orElseGet(() -> {
      settings.unmapped().unmapped(ENTITY, key, raw);
      return OrderStatus.UNKNOWN;
    });
  }

  private static Customer customer(V1Order o) {
    V1Address names = o.billingAddress() != null ? o.billingAddress() : o.shippingAddress();
    Customer.Builder c = Customer.builder().email(MoneyMapping.blankToNull(o.email()));
    if (names != null) {
      c.firstName(MoneyMapping.blankToNull(names.firstName()))
          .lastName(MoneyMapping.blankToNull(names.lastName()))
          .company(MoneyMapping.blankToNull(names.company()))
          .phone(MoneyMapping.blankToNull(names.phone()));
    }
    if (o.customerId() != null && !o.customerId().isBlank()) {
      c.ref(ExternalRef.of(SystemId.CLARITY, o.customerId()));
    }
    try {
      return c.build();
    } catch (InvalidRecordException e) {
      throw e.under("customer");
    }
  }

  private static Money amount(BigDecimal value, Currency currency) {
    return value == null ? null : Money.of(value, currency);
  }
}
