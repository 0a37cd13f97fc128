package io.commercesync.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelInvariantsTest {

  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void money_withoutCurrency_isAnInvalidRecordNamingTheField() {
    assertThatThrownBy(() -> new Money(BigDecimal.ONE, null))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("canonical money: currency: is required");
  }

  @Test
  void money_withAHugeExponent_isRefusedWithoutExpandingIt() {
    assertThatThrownBy(() -> Money.of(new BigDecimal("1e999999999"), USD))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("amount: must have at most 15 integer digits");
  }

  @Test
  void money_padsToMinorUnits_butKeepsExtraPrecision() {
    assertThat(Money.of("10", "USD").amount()).isEqualByComparingTo("10.00").hasToString("10.00");
    assertThat(Money.of("12.34567", "USD").amount()).hasToString("12.34567");
    assertThat(Money.of("5", "JPY").amount()).hasToString("5");
    assertThat(Money.of("1.5", "KWD").amount()).hasToString("1.500");
  }

  @Test
  void orderLine_reportsEveryBrokenInvariantAtOnce() {
    InvalidRecordException e = org.junit.jupiter.api.Assertions.assertThrows(
        InvalidRecordException.class,
        () -> OrderLine.builder().lineNumber(0).quantity(new BigDecimal("-1")).build());
    assertThat(e.violations()).extracting(FieldViolation::path)
        .containsExactly("lineNumber", "sku", "quantity", "unitPrice");
    assertThat(e.getMessage())
        .isEqualTo("canonical order line: lineNumber: must be >= 1 (was 0); sku: is required;"
            + " quantity: must be > 0 (was -1); unitPrice: is required");
  }

  @Test
  void orderLine_computesRowTotalWhenAbsent_andDefaultsDiscountAndTaxToZero() {
    OrderLine line = OrderLine.builder().lineNumber(1).sku("A").quantity("3")
        .unitPrice(Money.of("1.115", "USD")).build();
    assertThat(line.rowTotal()).isEqualTo(Money.of("3.34", "USD"));
    assertThat(line.discount()).isEqualTo(Money.zero(USD));
    assertThat(line.tax().isZero()).isTrue();
  }

  @Test
  void order_refusesAmountsInAnotherCurrency_andDanglingParentLines() {
    OrderLine eurLine = OrderLine.builder().lineNumber(1).sku("A").quantity("1")
        .unitPrice(Money.of("1.00", "EUR")).build();
    OrderLine child = OrderLine.builder().lineNumber(2).sku("B").quantity("1")
        .unitPrice(Money.of("1.00", "EUR")).parentLineNumber(7).build();
    assertThatThrownBy(() -> Order.builder().number("000000123").placedAt(Instant.EPOCH)
            .status(OrderStatus.PENDING).currency(USD).customer(Customer.builder().email("a@b.c").build())
            .lines(List.of(eurLine, child)).subtotal(Money.of("2", "USD")).grandTotal(Money.of("2", "USD"))
            .build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("lines[0].unitPrice: must be in USD (was EUR)")
        .hasMessageContaining("lines[1].parentLineNumber: must be the number of a line in the order (was 7)");
  }

  @Test
  void order_keepsTotalsThatDoNotAddUp_andSaysSo() {
    Order order = Order.builder().number("1").placedAt(Instant.EPOCH).status(OrderStatus.PENDING)
        .currency(USD).customer(Customer.builder().lastName("Smith").build())
        .addLine(OrderLine.builder().lineNumber(1).sku("A").quantity("1").unitPrice(Money.of("10", "USD")).build())
        .subtotal(Money.of("10", "USD")).tax(Money.of("1", "USD")).grandTotal(Money.of("12", "USD")).build();
    assertThat(order.totalsReconcile()).isFalse();
    assertThat(order.computedGrandTotal()).isEqualTo(Money.of("11.00", "USD"));
    assertThat(order.guest()).isTrue();
  }

  @Test
  void collections_areCopiedAndUnmodifiable() {
    List<String> lines = new ArrayList<>(List.of("1 Main St"));
    Address address = Address.builder().lines(lines).build();
    lines.add("changed later");
    assertThat(address.lines()).containsExactly("1 Main St");
    assertThatThrownBy(() -> address.lines().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void address_normalisesAndChecksTheCountryCode() {
    assertThat(Address.builder().countryCode(" us ").build().countryCode()).isEqualTo("US");
    assertThatThrownBy(() -> Address.builder().countryCode("USA").build())
        .hasMessageContaining("countryCode: must be an ISO 3166-1 alpha-2 code such as US (was USA)");
  }

  @Test
  void journalEntry_mustBalance_andEachLineHasOneSide() {
    Money ten = Money.of("10.00", "USD");
    assertThatThrownBy(() -> JournalEntry.builder().reference("R1").date(LocalDate.of(2025, 1, 1))
            .currency(USD).addLine(JournalLine.debit("1100", ten, null))
            .addLine(JournalLine.credit("1200", Money.of("9.99", "USD"), null)).build())
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("lines: debits 10.00 USD must equal credits 9.99 USD");
    assertThatThrownBy(() -> new JournalLine("1100", ten, ten, null))
        .hasMessageContaining("exactly one of debit and credit must be non-zero");
  }

  @Test
  void payment_acceptsOnlyTheLastFourDigits_andNeverEchoesACardNumber() {
    assertThatThrownBy(() -> Payment.builder().method("cc").amount(Money.of("1", "USD"))
            .cardLast4("4111111111111111").build())
        .hasMessageContaining("cardLast4: must be exactly 4 digits")
        .message().doesNotContain("4111111111111111");
  }

  @Test
  void inventoryLevel_keepsNegativeAvailability_butSellsNone() {
    InventoryLevel level = InventoryLevel.builder().sku("CBL-USB-C-2M").location("EAST")
        .onHand(BigDecimal.ZERO).allocated(new BigDecimal("4")).asOf(Instant.EPOCH).build();
    assertThat(level.available()).isEqualByComparingTo("-4");
    assertThat(level.sellable()).isEqualByComparingTo("0");
  }

  @Test
  void customer_withNothingToIdentifyIt_isInvalid() {
    assertThatThrownBy(() -> Customer.builder().build())
        .hasMessage("canonical customer: email: is required when no name or company is given");
  }

  @Test
  void toBuilder_roundTripsEveryField() {
    Order order = CanonicalArbitraries.orders().sample();
    assertThat(order.toBuilder().build()).isEqualTo(order);
    Customer customer = CanonicalArbitraries.customers().sample();
    assertThat(customer.toBuilder().build()).isEqualTo(customer);
  }
}
