package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.internal.dto.OrderAddressDto;
import io.commercesync.connector.magento.internal.dto.OrderDto;
import io.commercesync.connector.magento.internal.dto.OrderExtensionDto;
import io.commercesync.connector.magento.internal.dto.OrderItemDto;
import io.commercesync.connector.magento.internal.dto.StatusHistoryDto;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Magento order ({@code GET /V1/orders/{id}}) → canonical {@link Order}. Field-to-field work is done by the
 * MapStruct mappers ({@link AddressMapper}, {@link PaymentMapper}); this class does the hard parts:
 *
 * <ul>
 *   <li>one canonical line per sellable row: a configurable parent row (which carries the chosen child's
 *       {@code sku} and the amounts) becomes one line and its zero-priced child row is dropped; a bundle
 *       parent and its component rows are all kept, the components pointing to the parent through
 *       {@code parentLineNumber}; {@code item_id} is kept as the line's source id;
 *   <li>subtotal = Magento {@code subtotal} (which is the sum of {@code row_total} of rows without
 *       {@code parent_item_id}), discount = |{@code discount_amount}| (negative on the order, positive on
 *       items: handled sign-agnostic), shipping, tax and {@code grand_total} as Magento says them;
 *   <li>the shipping address and method from {@code extension_attributes.shipping_assignments[0]};
 *   <li>the customer snapshot from {@code customer_*} (guest orders: names from the billing address,
 *       no customer ref);
 *   <li>status-history comments as notes, oldest first.
 * </ul>
 *
 * <p>Every failure is an {@link InvalidRecordException} of system {@code magento}, entity {@code order},
 * the {@code increment_id} and the Magento field path ({@code items[2].qty_ordered}).
 */
public final class OrderMapper {

  private static final Set<String> PARENTS_WITH_AMOUNTS = Set.of("configurable");

  private final AddressMapper addresses = AddressMapper.INSTANCE;
  private final PaymentMapper payments = PaymentMapper.INSTANCE;

  public Order toOrder(OrderDto dto) {
    String number = dto.incrementId();
    InvalidRecordException.Builder errors = InvalidRecordException.builder(SystemId.MAGENTO, "order")
        .recordId(number != null ? number : MagentoValues.id(dto.entityId()));
    require(errors, number, "increment_id");
    require(errors, dto.createdAt(), "created_at");
    require(errors, dto.grandTotal(), "grand_total");
    if (dto.items() == null || dto.items().isEmpty()) {
      errors.violation(FieldViolation.of("items", FieldViolation.RULE_REQUIRED, null,
          "must hold at least one item"));
    }
    Currency currency = null;
    String code = dto.orderCurrencyCode() != null ? dto.orderCurrencyCode() : dto.baseCurrencyCode();
    if (code == null) {
      errors.violation(FieldViolation.required("order_currency_code"));
    } else {
      try {
        currency = Money.currency(code);
      } catch (InvalidRecordException e) {
        errors.violation(FieldViolation.of("order_currency_code", FieldViolation.RULE_FORMAT, code,
            "must be an ISO 4217 code"));
      }
    }
    Instant placedAt = null;
    Instant updatedAt = null;
    try {
      placedAt = MagentoValues.instant(dto.createdAt(), "order", number, "created_at");
      updatedAt = MagentoValues.instant(dto.updatedAt(), "order", number, "updated_at");
    } catch (InvalidRecordException e) {
      errors.violations(e.violations());
    }
    if (currency == null) {
      // amounts cannot be read without a currency: report what was found so far
      errors.throwIfAny();
    }
    List<OrderLine> lines = lines(dto, currency, errors);
    errors.throwIfAny();

    ExternalRef customerRef = dto.customerId() != null && !MagentoValues.flag(dto.customerIsGuest())
        ? ExternalRef.of(SystemId.MAGENTO, String.valueOf(dto.customerId())) : null;
    OrderAddressDto billing = dto.billingAddress();
    OrderExtensionDto.Shipping shipping = shipping(dto);
    try {
      Order.Builder order = Order.builder()
          .number(number)
          .placedAt(placedAt)
          .updatedAt(updatedAt)
          .status(OrderStatuses.fromState(dto.state(), partiallyShipped(dto)))
          .sourceStatus(dto.status())
          .currency(currency)
          .customerRef(customerRef)
          .customer(customer(dto, billing, customerRef))
          .billingAddress(billing == null ? null : addresses.fromOrderAddress(billing))
          .shippingAddress(shipping == null || shipping.address() == null ? null
              : addresses.fromOrderAddress(shipping.address()))
          .shippingMethod(shipping == null ? null : shipping.method())
          .shippingDescription(dto.shippingDescription())
          .lines(lines)
          .subtotal(dto.subtotal() != null ? MagentoValues.money(dto.subtotal(), currency)
              : Money.sum(currency, lines.stream().filter(l -> l.parentLineNumber() == null)
                  .map(OrderLine::rowTotal).toList()))
          .discount(MagentoValues.money(abs(dto.discountAmount()), currency))
          .shipping(MagentoValues.money(dto.shippingAmount(), currency))
          .tax(MagentoValues.money(dto.taxAmount(), currency))
          .grandTotal(MagentoValues.money(dto.grandTotal(), currency))
          .notes(notes(dto.statusHistories()))
          .attributes(attributes(dto))
          .storeCode(dto.storeId() == null ? null : String.valueOf(dto.storeId()));
      if (dto.entityId() != null) {
        order.ref(ExternalRef.of(SystemId.MAGENTO, String.valueOf(dto.entityId())));
      }
      if (dto.payment() != null && dto.payment().method() != null) {
        Payment payment = payments.toPayment(dto.payment(), currency);
        boolean paid = dto.payment().amountPaid() != null && dto.payment().amountPaid().signum() > 0;
        order.addPayment(payment.toBuilder().orderNumber(number).customerRef(customerRef)
            .capturedAt(paid ? updatedAt : null).build());
      }
      return order.build();
    } catch (InvalidRecordException e) {
      throw e.relabel(SystemId.MAGENTO, "order", number, null);
    }
  }

  private List<OrderLine> lines(OrderDto dto, Currency currency, InvalidRecordException.Builder errors) {
    List<OrderItemDto> items = dto.items();
    Map<Long, OrderItemDto> byId = new HashMap<>();
    for (OrderItemDto item : items) {
      if (item != null && item.itemId() != null) {
        byId.put(item.itemId(), item);
      }
    }
    Map<Long, Integer> lineOfItem = new LinkedHashMap<>();
    List<OrderLine> lines = new ArrayList<>();
    int next = 1;
    for (int i = 0; i < items.size(); i++) {
      OrderItemDto item = items.get(i);
      String at = "items[" + i + "]";
      if (item == null) {
        errors.violation(FieldViolation.required(at));
        continue;
      }
      Integer parentLine = null;
      if (item.parentItemId() != null) {
        OrderItemDto parent = byId.getOrDefault(item.parentItemId(), item.parentItem());
        if (parent == null) {
          errors.violation(FieldViolation.of(at + ".parent_item_id", FieldViolation.RULE_UNKNOWN_REFERENCE,
              item.parentItemId(), "must be the item_id of another item of the order"));
          continue;
        }
        if (parent.productType() != null && PARENTS_WITH_AMOUNTS.contains(parent.productType())) {
          // the configurable parent row already carries this child's sku and the amounts
          continue;
        }
        parentLine = lineOfItem.get(item.parentItemId());
        if (parentLine == null) {
          errors.violation(FieldViolation.of(at + ".parent_item_id", FieldViolation.RULE_UNKNOWN_REFERENCE,
              item.parentItemId(), "must refer to an item listed before its children"));
          continue;
        }
      }
      if (item.qtyOrdered() == null || item.qtyOrdered().signum() <= 0) {
        errors.violation(FieldViolation.of(at + ".qty_ordered", FieldViolation.RULE_RANGE,
            item.qtyOrdered(), "must be > 0"));
        continue;
      }
      try {
        OrderLine line = OrderLine.builder()
            .lineNumber(next)
            .sourceLineId(MagentoValues.id(item.itemId()))
            .sku(item.sku())
            .name(item.name())
            .quantity(MagentoValues.clean(item.qtyOrdered()))
            .unitPrice(MagentoValues.money(item.price(), currency))
            .discount(MagentoValues.money(abs(item.discountAmount()), currency))
            .tax(MagentoValues.money(item.taxAmount(), currency))
            .rowTotal(MagentoValues.moneyOrNull(item.rowTotal(), currency))
            .parentLineNumber(parentLine)
            .build();
        lines.add(line);
        if (item.itemId() != null) {
          lineOfItem.put(item.itemId(), next);
        }
        next++;
      } catch (InvalidRecordException e) {
        errors.violations(e.violations().stream().map(v -> v.under(at)).map(OrderMapper::magentoPath)
            .toList());
      }
    }
    return lines;
  }

  /** Canonical line field names → Magento's ({@code items[1].sku} stays, {@code quantity} → {@code qty_ordered}). */
  private static FieldViolation magentoPath(FieldViolation v) {
    String path = v.path().replace(".quantity", ".qty_ordered").replace(".unitPrice", ".price")
        .replace(".rowTotal", ".row_total");
    return new FieldViolation(path, v.rule(), v.rejectedValue(), v.message());
  }

  private static boolean partiallyShipped(OrderDto dto) {
    if (dto.items() == null) {
      return false;
    }
    boolean any = false;
    boolean all = true;
    for (OrderItemDto item : dto.items()) {
      if (item == null || item.parentItemId() != null || item.qtyOrdered() == null) {
        continue;
      }
      BigDecimal shipped = item.qtyShipped() == null ? BigDecimal.ZERO : item.qtyShipped();
      BigDecimal open = item.qtyOrdered().subtract(item.qtyCanceled() == null ? BigDecimal.ZERO
          : item.qtyCanceled());
      any |= shipped.signum() > 0;
      all &= shipped.compareTo(open) >= 0;
    }
    return any && !all;
  }

  private static OrderExtensionDto.Shipping shipping(OrderDto dto) {
    OrderExtensionDto ext = dto.extensionAttributes();
    if (ext == null || ext.shippingAssignments() == null || ext.shippingAssignments().isEmpty()
        || ext.shippingAssignments().get(0) == null) {
      return null;
    }
    return ext.shippingAssignments().get(0).shipping();
  }

  private static Customer customer(OrderDto dto, OrderAddressDto billing, ExternalRef ref) {
    String first = dto.customerFirstname() != null ? dto.customerFirstname()
        : billing != null ? billing.firstname() : null;
    String last = dto.customerLastname() != null ? dto.customerLastname()
        : billing != null ? billing.lastname() : null;
    Customer.Builder customer = Customer.builder()
        .email(dto.customerEmail())
        .firstName(first)
        .lastName(last)
        .company(billing != null ? billing.company() : null)
        .phone(billing != null ? billing.telephone() : null)
        .group(dto.customerGroupId() == null ? null : String.valueOf(dto.customerGroupId()));
    if (ref != null) {
      customer.ref(ref);
    }
    return customer.build();
  }

  private static List<String> notes(List<StatusHistoryDto> histories) {
    if (histories == null) {
      return List.of();
    }
    return histories.stream()
        .filter(h -> h != null && h.comment() != null && !h.comment().isBlank())
        .sorted(Comparator.comparing((StatusHistoryDto h) -> h.createdAt() == null ? "" : h.createdAt())
            .thenComparing(h -> h.entityId() == null ? 0L : h.entityId()))
        .map(StatusHistoryDto::comment)
        .toList();
  }

  private static Map<String, String> attributes(OrderDto dto) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "coupon_code", dto.couponCode());
    put(out, "discount_description", dto.discountDescription());
    put(out, "applied_rule_ids", dto.appliedRuleIds());
    put(out, "ext_order_id", dto.extOrderId());
    put(out, "customer_note", dto.customerNote());
    OrderExtensionDto ext = dto.extensionAttributes();
    if (ext != null && ext.paymentAdditionalInfo() != null) {
      for (OrderExtensionDto.KeyValue kv : ext.paymentAdditionalInfo()) {
        if (kv != null && kv.key() != null) {
          put(out, "payment." + kv.key(), kv.value());
        }
      }
    }
    return out;
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }

  private static BigDecimal abs(BigDecimal value) {
    return value == null ? null : value.abs();
  }

  private static void require(InvalidRecordException.Builder errors, Object value, String field) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.violation(FieldViolation.required(field));
    }
  }

  /** Lines of {@code address} as an {@link Address}, for callers outside the order. */
  public Address address(OrderAddressDto address) {
    return addresses.fromOrderAddress(address);
  }
}
