package io.commercesync.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid canonical records, shared by the property tests. */
public final class CanonicalArbitraries {

  private CanonicalArbitraries() {}

  /** Currencies with 0 (JPY), 2 (USD, EUR) and 3 (KWD, BHD) minor units. */
  public static Arbitrary<Currency> currencies() {
    return Arbitraries.of("USD", "EUR", "JPY", "KWD", "BHD", "GBP").map(Currency::getInstance);
  }

  /** Amounts rounded to the currency's minor units, from 0 to 1,000,000. */
  public static Arbitrary<Money> money(Currency currency) {
    int scale = Math.max(0, currency.getDefaultFractionDigits());
    return Arbitraries.longs()
        .between(0, 1_000_000L * (long) Math.pow(10, scale))
        .map(units -> Money.of(BigDecimal.valueOf(units, scale), currency));
  }

  public static Arbitrary<Money> signedMoney(Currency currency) {
    return money(currency).flatMap(m -> Arbitraries.of(m, m.negate()));
  }

  static Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('Ä', 'é', 'ß', 'ł', '東', '京', ' ', '-', '\'')
        .ofMinLength(1)
        .ofMaxLength(20)
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<String> sku() {
    return Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('-').ofMinLength(1).ofMaxLength(30)
        .filter(s -> !s.isBlank());
  }

  static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(1_500_000_000L, 1_900_000_000L).map(Instant::ofEpochSecond);
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(0, 4000).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
  }

  static Arbitrary<BigDecimal> quantities() {
    return Arbitraries.integers().between(1, 100_000).map(q -> BigDecimal.valueOf(q, q % 3 == 0 ? 2 : 0));
  }

  public static Arbitrary<Address> addresses() {
    return Combinators.combine(
            text().injectNull(0.2),
            text().injectNull(0.2),
            text().list().ofMaxSize(3),
            text().injectNull(0.2),
            Arbitraries.of("US", "DE", "JP", "GB").injectNull(0.2),
            Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(10).injectNull(0.2))
        .as((first, last, lines, city, country, zip) ->
            Address.builder().firstName(first).lastName(last).lines(lines).city(city)
                .countryCode(country).postalCode(zip).build());
  }

  public static Arbitrary<Customer> customers() {
    Currency usd = Currency.getInstance("USD");
    return Combinators.combine(
            text(),
            text(),
            addresses().list().ofMaxSize(2),
            money(usd).injectNull(0.5),
            Arbitraries.of(true, false),
            instants().injectNull(0.3))
        .as((first, last, addrs, limit, exempt, updated) -> {
          List<CustomerAddress> list = new ArrayList<>();
          for (int i = 0; i < addrs.size(); i++) {
            list.add(new CustomerAddress("A" + i, addrs.get(i), i == 0, i == addrs.size() - 1));
          }
          return Customer.builder()
              .ref(ExternalRef.of(SystemId.MAGENTO, String.valueOf(Math.abs(first.hashCode()))))
              .email(first.replace(' ', '.') + "@example.net").firstName(first).lastName(last)
              .addresses(list).creditLimit(limit).taxExempt(exempt).updatedAt(updated).build();
        });
  }

  public static Arbitrary<Order> orders() {
    return currencies().flatMap(CanonicalArbitraries::orders);
  }

  static Arbitrary<Order> orders(Currency currency) {
    Arbitrary<OrderLine.Builder> line =
        Combinators.combine(sku(), text(), quantities(), money(currency), money(currency))
            .as((sku, name, qty, price, discount) ->
                OrderLine.builder().sku(sku).name(name).quantity(qty).unitPrice(price)
                    .discount(discount.isZero() ? null : price.rounded(java.math.RoundingMode.DOWN)));
    return Combinators.combine(
            Arbitraries.strings().numeric().ofLength(9),
            instants(),
            Arbitraries.of(OrderStatus.class),
            customers(),
            addresses().injectNull(0.2),
            line.list().ofMinSize(1).ofMaxSize(6),
            money(currency),
            money(currency))
        .as((number, placed, status, customer, address, lineBuilders, shipping, tax) -> {
          List<OrderLine> lines = new ArrayList<>();
          for (int i = 0; i < lineBuilders.size(); i++) {
            lines.add(lineBuilders.get(i).lineNumber(i + 1).build());
          }
          Money subtotal = Money.sum(currency, lines.stream().map(OrderLine::rowTotal).toList());
          Money discount = Money.sum(currency, lines.stream().map(OrderLine::discount).toList());
          Money grand = subtotal.minus(discount).plus(shipping).plus(tax);
          return Order.builder().number(number).placedAt(placed).status(status).currency(currency)
              .customerRef(customer.refs().get(0)).customer(customer).billingAddress(address)
              .shippingAddress(address).lines(lines).subtotal(subtotal).discount(discount)
              .shipping(shipping).tax(tax).grandTotal(grand)
              .addPayment(Payment.builder().method("checkmo").amount(grand.abs()).orderNumber(number).build())
              .attribute("channel", "web").storeCode("default").build();
        });
  }

  public static Arbitrary<Item> items() {
    return Combinators.combine(sku(), text(), Arbitraries.of(ItemStatus.class), quantities().injectNull(0.3),
            money(Currency.getInstance("USD")).injectNull(0.3))
        .as((sku, name, status, weight, price) -> Item.builder().sku(sku).name(name).status(status)
            .weight(weight).basePrice(price).unitOfMeasure("EACH").attribute("color", "blue").build());
  }

  public static Arbitrary<InventoryLevel> inventoryLevels() {
    return Combinators.combine(sku(), Arbitraries.of("MAIN", "EAST", "WEST"), quantities(), quantities(), instants())
        .as((sku, site, onHand, allocated, asOf) -> InventoryLevel.builder().sku(sku).location(site)
            .onHand(onHand).allocated(allocated).asOf(asOf).build());
  }

  public static Arbitrary<Price> prices() {
    return Combinators.combine(sku(), money(Currency.getInstance("EUR")), quantities(), dates())
        .as((sku, amount, qty, from) -> Price.builder().sku(sku).amount(amount).minQuantity(qty)
            .priceList("RETAIL").validFrom(from).validTo(from.plusDays(30)).build());
  }

  public static Arbitrary<Shipment> shipments() {
    return Combinators.combine(Arbitraries.strings().numeric().ofLength(9), sku(), quantities(),
            Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(30).list().ofMaxSize(3), instants())
        .as((order, sku, qty, tracking, at) -> Shipment.builder().orderNumber(order)
            .addLine(ShipmentLine.of(sku, qty, "2110")).carrier("ups").service("GROUND")
            .trackingNumbers(tracking).shippedAt(at).location("MAIN").build());
  }

  public static Arbitrary<Invoice> invoices() {
    Currency usd = Currency.getInstance("USD");
    return Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(3).ofMaxLength(17),
            money(usd), money(usd), dates())
        .as((number, total, paid, date) -> {
          Money balance = total.minus(paid.compareTo(total) > 0 ? total : paid);
          return Invoice.builder().number(number).invoiceDate(date).dueDate(date.plusDays(30))
              .currency(usd).addLine(InvoiceLine.of("SKU-1", BigDecimal.ONE, total, total))
              .subtotal(total).total(total).balanceDue(balance).build();
        });
  }

  public static Arbitrary<JournalEntry> journalEntries() {
    return currencies().flatMap(currency ->
        Combinators.combine(money(currency).filter(Money::isPositive).list().ofMinSize(1).ofMaxSize(5), dates())
            .as((debits, date) -> {
              JournalEntry.Builder entry = JournalEntry.builder().reference("SETTLE-" + date)
                  .date(date).currency(currency);
              debits.forEach(d -> entry.addLine(JournalLine.debit("000-1100-00", d, "fee")));
              entry.addLine(JournalLine.credit("000-1200-00", Money.sum(currency, debits), "settlement"));
              return entry.build();
            }));
  }

  public static Arbitrary<Payment> payments() {
    return Combinators.combine(money(Currency.getInstance("USD")), Arbitraries.strings().numeric().ofLength(4),
            instants().injectNull(0.3))
        .as((amount, last4, captured) -> Payment.builder().method("braintree").amount(amount)
            .cardType("VI").cardLast4(last4).capturedAt(captured).transactionId("tx-" + last4).build());
  }
}
