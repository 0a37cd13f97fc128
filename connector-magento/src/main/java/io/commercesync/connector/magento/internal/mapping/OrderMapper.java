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
 *   <li>status-history comments as notes, oldest first;
 *   <li>Adobe Commerce tenders (gift cards, store credit, reward points) as split payments, see below.
 * </ul>
 *
 * <p><b>Adobe Commerce tenders.</b> Adobe Commerce lets a customer pay part of an order with gift card
 * accounts ({@code extension_attributes.gift_cards[]}, {@code gift_cards_amount}), store credit
 * ({@code customer_balance_amount}) and reward points ({@code reward_currency_amount}); the payment method
 * pays the rest. Those amounts are deducted from {@code grand_total} like a discount [C for the quote: the
 * {@code collect()} of {@code Magento\GiftCardAccount\Model\Total\Quote\Giftcardaccount},
 * {@code Magento\CustomerBalance\Model\Total\Quote\Customerbalance} and
 * {@code Magento\Reward\Model\Total\Quote\Reward} each do {@code setGrandTotal(getGrandTotal() − used)}
 * (Adobe Commerce sources read in the public code index); P for the order, which takes the quote's totals
 * on conversion]. So:
 *
 * <ul>
 *   <li>canonical {@code grandTotal} ("what the customer pays") = {@code grand_total} + gift cards + store
 *       credit + reward currency amount, and {@link Order#totalsReconcile()} holds for such orders;
 *   <li>payments: the payment method's payment as before (its id the payment {@code entity_id}), left out
 *       when its amount is 0 on an order that has tenders (method {@code free} on an order a gift card
 *       covers in full); then one payment per gift card ({@code giftcardaccount}, id
 *       {@code <payment entity_id>-giftcard-<gift card account id>}, the account id as transaction id), one
 *       for {@code gift_cards_amount} when the cards are not listed ({@code <payment entity_id>-giftcard}),
 *       one for store credit ({@code customerbalance}, {@code <payment entity_id>-customerbalance}) and one
 *       for reward points ({@code reward}, {@code <payment entity_id>-reward}). Without a payment
 *       {@code entity_id} the prefix is {@code order<order entity_id>} (never a bare number, which could be
 *       another order's payment id). Ids are stable across reads and unique in the store: the ERPs derive
 *       receipt numbers from them;
 *   <li>captured: like the payment method's payment ({@code capturedAt} = {@code updated_at} once
 *       {@code amount_paid} > 0), a gift card payment is captured once {@code gift_cards_invoiced} > 0 and
 *       store credit once {@code customer_balance_invoiced} > 0 — for its whole amount: the balance left the
 *       card or the account when the order was placed [P], the invoice is only when Magento books it. The
 *       REST schema has no reward "invoiced" amount (2.2.10), so reward points are captured once the order
 *       has an invoice ({@code amount_paid}, {@code total_invoiced}, a tender's {@code *_invoiced} or an
 *       item's {@code qty_invoiced} > 0) [P]. Until then they are only authorised, and PaymentsToErp, which
 *       turns only captured, positive payments into receipts, waits;
 *   <li>a gift card's {@code code} is a bearer credential and is never copied anywhere;
 *   <li>gift cards whose amounts do not add up to {@code gift_cards_amount}, or a negative tender, make
 *       the order invalid (field {@code extension_attributes.gift_cards}, …).
 * </ul>
 *
 * <p>On Magento Open Source none of these fields exist and the order maps exactly as before.
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
    List<Tender> tenders = tenders(dto, currency, errors);
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
          .grandTotal(grandTotal(dto, currency, tenders))
          .notes(notes(dto.statusHistories()))
          .attributes(attributes(dto))
          .storeCode(dto.storeId() == null ? null : String.valueOf(dto.storeId()));
      if (dto.entityId() != null) {
        order.ref(ExternalRef.of(SystemId.MAGENTO, String.valueOf(dto.entityId())));
      }
      if (dto.payment() != null && dto.payment().method() != null) {
        Payment payment = payments.toPayment(dto.payment(), currency);
        boolean paid = dto.payment().amountPaid() != null && dto.payment().amountPaid().signum() > 0;
        // with tenders, a zero payment method (`free` on an order a gift card covers) pays nothing
        if (tenders.isEmpty() || !payment.amount().isZero()) {
          order.addPayment(payment.toBuilder().orderNumber(number).customerRef(customerRef)
              .capturedAt(paid ? updatedAt : null).build());
        }
      }
      for (Tender tender : tenders) {
        order.addPayment(tender.payment().toBuilder().orderNumber(number).customerRef(customerRef)
            .capturedAt(tender.captured() ? updatedAt : null).build());
      }
      return order.build();
    } catch (InvalidRecordException e) {
      throw e.relabel(SystemId.MAGENTO, "order", number, null);
    }
  }

  /** A tender's payment (id, method, amount, transaction id) and whether it is captured. */
  private record Tender(Payment payment, boolean captured) {}

  /** {@code grand_total}, plus what the tenders paid (Magento deducts them from it). */
  private static Money grandTotal(OrderDto dto, Currency currency, List<Tender> tenders) {
    Money grand = MagentoValues.money(dto.grandTotal(), currency);
    for (Tender tender : tenders) {
      grand = grand.plus(tender.payment().amount());
    }
    return grand;
  }

  /**
   * The Adobe Commerce tenders of the order, in this order: gift cards (as listed), store credit, reward
   * points; none on Magento Open Source. Zero amounts make no payment.
   */
  private List<Tender> tenders(OrderDto dto, Currency currency, InvalidRecordException.Builder errors) {
    OrderExtensionDto ext = dto.extensionAttributes();
    if (ext == null) {
      return List.of();
    }
    String prefix = paymentIdPrefix(dto);
    List<Tender> out = new ArrayList<>();
    boolean cardsInvoiced = positive(ext.giftCardsInvoiced());
    boolean totalValid = nonNegative(errors, ext.giftCardsAmount(), "extension_attributes.gift_cards_amount");
    List<OrderExtensionDto.GiftCard> cards = ext.giftCards() == null ? List.of() : ext.giftCards();
    BigDecimal listed = BigDecimal.ZERO;
    boolean cardsValid = true;
    for (int i = 0; i < cards.size(); i++) {
      OrderExtensionDto.GiftCard card = cards.get(i);
      String at = "extension_attributes.gift_cards[" + i + "]";
      if (card == null) {
        errors.violation(FieldViolation.required(at));
        cardsValid = false;
        continue;
      }
      if (card.amount() == null) {
        errors.violation(FieldViolation.required(at + ".amount"));
        cardsValid = false;
        continue;
      }
      if (!nonNegative(errors, card.amount(), at + ".amount")) {
        cardsValid = false;
        continue;
      }
      listed = listed.add(MagentoValues.clean(card.amount()));
      if (card.amount().signum() == 0) {
        continue; // a card applied to the quote that nothing was taken from
      }
      // the account id, never the code (a bearer credential); a card without id by its position
      String id = prefix + "-giftcard-" + (card.id() != null ? card.id() : "n" + (i + 1));
      out.add(new Tender(payments.fromGiftCard(card, currency).toBuilder().id(id).build(), cardsInvoiced));
    }
    if (!cards.isEmpty()) {
      if (cardsValid && totalValid && ext.giftCardsAmount() != null
          && listed.compareTo(MagentoValues.clean(ext.giftCardsAmount())) != 0) {
        errors.violation(FieldViolation.of("extension_attributes.gift_cards", FieldViolation.RULE_CONSISTENCY,
            listed.toPlainString(), "the gift cards' amounts add up to " + listed.toPlainString()
                + " but gift_cards_amount is " + MagentoValues.clean(ext.giftCardsAmount()).toPlainString()
                + "; they must be equal"));
      }
    } else if (totalValid && positive(ext.giftCardsAmount())) {
      out.add(new Tender(payments.fromGiftCardsTotal(ext, currency).toBuilder().id(prefix + "-giftcard").build(),
          cardsInvoiced));
    }
    if (nonNegative(errors, ext.customerBalanceAmount(), "extension_attributes.customer_balance_amount")
        && positive(ext.customerBalanceAmount())) {
      out.add(new Tender(payments.fromStoreCredit(ext, currency).toBuilder().id(prefix + "-customerbalance")
          .build(), positive(ext.customerBalanceInvoiced())));
    }
    if (nonNegative(errors, ext.rewardCurrencyAmount(), "extension_attributes.reward_currency_amount")
        && positive(ext.rewardCurrencyAmount())) {
      // [P] the REST schema has no reward "invoiced" amount: captured with the order's first invoice
      out.add(new Tender(payments.fromRewardPoints(ext, currency).toBuilder().id(prefix + "-reward").build(),
          invoiced(dto)));
    }
    return out;
  }

  /**
   * The prefix of the tenders' payment ids: the payment's {@code entity_id} (unique in the store), else
   * {@code order<entity_id>}: a bare order id could equal another order's payment id.
   */
  private static String paymentIdPrefix(OrderDto dto) {
    if (dto.payment() != null && dto.payment().entityId() != null) {
      return String.valueOf(dto.payment().entityId());
    }
    return "order" + (dto.entityId() != null ? String.valueOf(dto.entityId()) : dto.incrementId());
  }

  /** Whether the order has been invoiced (in part): money paid or invoiced, or an item invoiced. */
  private static boolean invoiced(OrderDto dto) {
    OrderExtensionDto ext = dto.extensionAttributes();
    if ((dto.payment() != null && positive(dto.payment().amountPaid())) || positive(dto.totalInvoiced())
        || (ext != null && (positive(ext.giftCardsInvoiced()) || positive(ext.customerBalanceInvoiced())))) {
      return true;
    }
    return dto.items() != null && dto.items().stream().anyMatch(i -> i != null && positive(i.qtyInvoiced()));
  }

  private static boolean positive(BigDecimal value) {
    return value != null && value.signum() > 0;
  }

  /** Whether {@code value} is absent or ≥ 0; a negative amount is reported. */
  private static boolean nonNegative(InvalidRecordException.Builder errors, BigDecimal value, String field) {
    if (value != null && value.signum() < 0) {
      errors.violation(FieldViolation.of(field, FieldViolation.RULE_RANGE, value.toPlainString(),
          "must be an amount ≥ 0 (what the tender paid of the order)"));
      return false;
    }
    return true;
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
    if (ext != null && ext.rewardPointsBalance() != null && ext.rewardPointsBalance() > 0) {
      // Adobe Commerce: the reward points spent on the order (their value is a payment)
      out.put("reward_points_balance", String.valueOf(ext.rewardPointsBalance()));
    }
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
