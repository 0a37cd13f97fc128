package io.commercesync.connector.dynamicsgp.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.dynamicsgp.GpCustomerNumbers;
import io.commercesync.connector.dynamicsgp.econnect.EConnectValidator;
import io.commercesync.connector.dynamicsgp.econnect.SopTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.TaSopLineIvcInsert;
import io.commercesync.connector.dynamicsgp.econnect.ValidationContext;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GpMapperProperties {

  final GpDocumentMapper mapper = new GpDocumentMapper(CanonicalSamples.settings());

  record LineSpec(String sku, int quantity, long unitCents) {}

  @Provide
  Arbitrary<Order> orders() {
    Arbitrary<String> numbers = Arbitraries.strings().withChars("ABCXYZ0123456789-").ofMinLength(1).ofMaxLength(17)
        .filter(s -> !GpText.alnum(s).isEmpty());
    Arbitrary<LineSpec> lines = Combinators.combine(
        Arbitraries.strings().withChars("ABCDEFGHJK0123456789-").ofMinLength(1).ofMaxLength(30)
            .filter(s -> !s.startsWith("-")),
        Arbitraries.integers().between(1, 20), Arbitraries.longs().between(1, 500_000)).as(LineSpec::new);
    return Combinators.combine(numbers, lines.list().ofMinSize(1).ofMaxSize(6),
        Arbitraries.longs().between(0, 5_000), Arbitraries.longs().between(0, 9_999),
        Arbitraries.integers().between(0, 100), Arbitraries.longs().between(0, 500))
        .as((number, specs, shippingCents, taxCents, discountPercent, feeCents) -> {
          Order base = CanonicalSamples.order();
          List<OrderLine> ls = new ArrayList<>();
          BigDecimal subtotal = BigDecimal.ZERO;
          for (int i = 0; i < specs.size(); i++) {
            LineSpec s = specs.get(i);
            Money unit = Money.of(BigDecimal.valueOf(s.unitCents(), 2), base.currency());
            OrderLine line = OrderLine.builder().lineNumber(i + 1).sku(s.sku()).name("Item " + s.sku())
                .quantity(BigDecimal.valueOf(s.quantity())).unitPrice(unit).build();
            ls.add(line);
            subtotal = subtotal.add(line.rowTotal().amount());
          }
          BigDecimal discount = subtotal.multiply(BigDecimal.valueOf(discountPercent)).movePointLeft(2)
              .setScale(2, java.math.RoundingMode.DOWN);
          BigDecimal shipping = BigDecimal.valueOf(shippingCents, 2);
          BigDecimal tax = BigDecimal.valueOf(taxCents, 2);
          BigDecimal fees = BigDecimal.valueOf(feeCents, 2);
          BigDecimal grand = subtotal.subtract(discount).add(shipping).add(tax).add(fees);
          return base.toBuilder().number(number).lines(ls)
              .subtotal(Money.of(subtotal, base.currency())).discount(Money.of(discount, base.currency()))
              .shipping(Money.of(shipping, base.currency())).tax(Money.of(tax, base.currency()))
              .fees(Money.of(fees, base.currency())).grandTotal(Money.of(grand, base.currency())).build();
        });
  }

  @Property(tries = 300)
  void totalsRulesAlwaysHold(@ForAll("orders") Order order) {
    SopTransactionType sop = mapper.salesOrder(CanonicalSamples.request(order), null);
    BigDecimal sum = sop.lines().stream().map(TaSopLineIvcInsert::xtndprce).reduce(BigDecimal.ZERO, BigDecimal::add);
    var h = sop.header();
    assertThat(h.subtotal()).isEqualByComparingTo(sum);
    assertThat(h.docamnt()).isEqualByComparingTo(h.subtotal().add(h.freight()).add(h.miscamnt()).add(h.taxamnt())
        .add(h.frttxamt()).add(h.msctxamt()).subtract(h.trdisamt()));
    assertThat(h.docamnt()).isEqualByComparingTo(order.grandTotal().amount());
    assertThat(EConnectValidator.check(sop, ValidationContext.DEFAULT)).isEmpty();
  }

  @Property(tries = 300)
  void noKeyLongerThanItsLimit(@ForAll("orders") Order order) {
    SopTransactionType sop = mapper.salesOrder(CanonicalSamples.request(order), null);
    assertThat(sop.header().sopnumbe()).hasSizeLessThanOrEqualTo(21).matches("[A-Z0-9]+");
    assertThat(sop.header().bachnumb()).hasSizeLessThanOrEqualTo(15);
    assertThat(sop.header().cstponbr()).hasSizeLessThanOrEqualTo(20);
    sop.lines().forEach(l -> {
      assertThat(l.itemnmbr()).hasSizeLessThanOrEqualTo(30);
      assertThat(l.locncode()).hasSizeLessThanOrEqualTo(10);
    });
  }

  @Provide
  Arbitrary<Customer> customers() {
    Arbitrary<String> names = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(80);
    return Combinators.combine(names, names, names, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40))
        .as((first, last, company, local) -> Customer.builder().firstName(first).lastName(last).company(company)
            .email(local + "@example.com").build());
  }

  @Property(tries = 500)
  void customerNumbers_fitCustnmbr_andAreDeterministic(@ForAll("customers") Customer customer) {
    Set<String> taken = new HashSet<>();
    String first = GpCustomerNumbers.next("WEB", customer, taken::contains);
    assertThat(first).hasSizeLessThanOrEqualTo(15).matches("[A-Z0-9]+");
    assertThat(GpCustomerNumbers.next("WEB", customer, taken::contains)).isEqualTo(first);
    taken.add(first);
    String second = GpCustomerNumbers.next("WEB", customer, taken::contains);
    assertThat(second).isNotEqualTo(first).hasSizeLessThanOrEqualTo(15).matches("[A-Z0-9]+");
  }
}
