package io.commercesync.connector.dynamicssl;

import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.CustomerAddress;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Canonical records matching the shared SL samples, and test clients. */
final class SlFixtures {

  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
  static final Path SAMPLES = Path.of("src", "test", "resources", "dynamics-sl");

  private SlFixtures() {}

  static byte[] sample(String name) {
    try {
      return Files.readAllBytes(SAMPLES.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Address maria() {
    return Address.builder().firstName("Maria").lastName("Lopez").addLine("1200 Congress Ave").addLine("Suite 410")
        .city("Austin").regionCode("TX").postalCode("78701").countryCode("US").phone("512-555-0142")
        .email("maria.lopez@example.com").build();
  }

  /** Storefront order CS-100045 of the sample: 2 × WID-100-BLK at 24.99 + GAD-220 at 54.99, 10 off, 8.95 freight. */
  static Order order(String number) {
    return Order.builder()
        .ref(ExternalRef.of(SystemId.CLARITY, "ord_10045"))
        .number(number)
        .placedAt(Instant.parse("2024-05-14T15:41:00Z"))
        .status(OrderStatus.PROCESSING)
        .currency("USD")
        .customerRef(ExternalRef.of(SystemId.CLARITY, "cus_20311"))
        .customer(Customer.builder().email("maria.lopez@example.com").firstName("Maria").lastName("Lopez").build())
        .billingAddress(maria())
        .shippingAddress(maria())
        .addLine(OrderLine.builder().lineNumber(1).sku("WID-100-BLK").name("Widget 100, black").quantity("2")
            .unitPrice(Money.of("24.99", "USD")).unitOfMeasure("EA").location("AUSTIN").build())
        .addLine(OrderLine.builder().lineNumber(2).sku("GAD-220").name("Gadget 220").quantity("1")
            .unitPrice(Money.of("54.99", "USD")).unitOfMeasure("EA").location("AUSTIN").build())
        .subtotal(Money.of("104.97", "USD"))
        .discount(Money.of("10.00", "USD"))
        .shipping(Money.of("8.95", "USD"))
        .tax(Money.of("7.60", "USD"))
        .grandTotal(Money.of("111.52", "USD"))
        .build();
  }

  static SalesOrderRequest request(Order order) {
    return new SalesOrderRequest(order, "C20311",
        List.of(new SalesLine(1, "WID-100-BLK", "AUSTIN", "EA"), new SalesLine(2, "GAD-220", "AUSTIN", "EA")),
        "UPS-GROUND", Map.of("ShiptoID", "DEFAULT", "TermsID", "CC", "SlsperID", "WEB", "TaxID00", "TX-AUSTIN"), "0060");
  }

  /**
   * Storefront credit memo {@code number} refunding order {@code CS-100045}: WID-100-BLK 1 × 24.99 refunded at
   * 22.61 and GAD-220 1 × 54.99 at 49.75 (their shares of the order discount kept), a 2.50 fee kept, 5.00 tax:
   * 74.86.
   */
  static Return creditMemo(String number) {
    Currency usd = Currency.getInstance("USD");
    return Return.builder().ref(ExternalRef.of(SystemId.MAGENTO, "901")).number(number).orderNumber("CS-100045")
        .createdAt(Instant.parse("2024-05-20T16:05:00Z")).currency(usd)
        .addLine(new ReturnLine(1, "WID-100-BLK", BigDecimal.ONE, Money.of("24.99", "USD"), Money.of("22.61", "USD"),
            "1", true))
        .addLine(new ReturnLine(2, "GAD-220", BigDecimal.ONE, Money.of("54.99", "USD"), Money.of("49.75", "USD"),
            "2", false))
        .adjustment(Money.of("-2.50", "USD")).tax(Money.of("5.00", "USD")).total(Money.of("74.86", "USD"))
        .reason("Damaged in transit").build();
  }

  /** The accounts of the simulator's chart the tests book AR credit memos to. */
  static final SlCreditMemoAccounts ACCOUNTS = SlCreditMemoAccounts.of("4900/01-000-00", "4050/01-000-00",
      "2300/01-000-00");

  /**
   * A storefront credit memo {@code number} of order {@code CS-100045} without returned lines: money only, the
   * total being the sum of the parts (amounts in USD, as strings).
   */
  static Return moneyOnly(String number, String shipping, String adjustment, String tax) {
    Money total = Money.of(shipping, "USD").plus(Money.of(adjustment, "USD")).plus(Money.of(tax, "USD"));
    return Return.builder().ref(ExternalRef.of(SystemId.MAGENTO, "902")).number(number).orderNumber("CS-100045")
        .createdAt(Instant.parse("2024-05-21T15:30:00Z")).currency(Currency.getInstance("USD"))
        .shipping(Money.of(shipping, "USD")).adjustment(Money.of(adjustment, "USD")).tax(Money.of(tax, "USD"))
        .total(total).reason("Late delivery").build();
  }

  /** {@code ret} for customer C20311 in company 0060, without line assignments (a money-only refund has none). */
  static ReturnRequest moneyOnlyRequest(Return ret) {
    return new ReturnRequest(ret, "C20311", List.of(), "0060");
  }

  static ReturnRequest returnRequest(Return ret) {
    return new ReturnRequest(ret, "C20311",
        List.of(new SalesLine(1, "WID-100-BLK", "AUSTIN", "EA"), new SalesLine(2, "GAD-220", "AUSTIN", "EA")), "0060");
  }

  static Customer newCustomer(String email) {
    return Customer.builder().ref(ExternalRef.of(SystemId.MAGENTO, "77"))
        .email(email).firstName("Zofia").lastName("Nowak").phone("512-555-0100")
        .addAddress(new CustomerAddress("12", Address.builder().firstName("Zofia").lastName("Nowak")
            .addLine("55 Rainey St").city("Austin").regionCode("TX").postalCode("78701").countryCode("US").build(),
            true, true))
        .group("WEB").paymentTerms("CC").build();
  }

  static SlClient.Builder client(URI base) {
    return SlClient.builder().baseUrl(base).apiKey(Secret.of("sim-key"), Secret.of("sim-secret")).company("0060")
        .serverZone(CHICAGO).defaultSubaccount("01-000-00").http(io.commercesync.core.http.HttpSettings.DEFAULT
            .withReadTimeout(Duration.ofSeconds(5)).withCallTimeout(Duration.ofSeconds(10)));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }
}
