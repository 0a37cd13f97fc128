package io.commercesync.connector.magento.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.commercesync.connector.magento.Samples;
import io.commercesync.connector.magento.internal.dto.OrderDto;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderMapperSamplesTest {

  static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();
  private final OrderMapper mapper = new OrderMapper();

  static OrderDto dto(String sample) {
    return JSON.read(Samples.bytes(sample), OrderDto.class, "order");
  }

  @Test
  void simpleOrder_mapsEveryTotalLineAndAddress() {
    Order order = mapper.toOrder(dto("order-simple.json"));
    assertThat(order.number()).isEqualTo("000001042");
    assertThat(order.ref(SystemId.MAGENTO)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("1042"));
    assertThat(order.placedAt()).isEqualTo(Instant.parse("2025-03-14T16:22:05Z"));
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.sourceStatus()).isEqualTo("pending");
    assertThat(order.lines()).extracting(OrderLine::sku).containsExactly("CS-MUG-12OZ", "CS-TOTE-NAT");
    assertThat(order.lines().get(0).quantity()).isEqualByComparingTo("2");
    assertThat(order.lines().get(0).unitPrice()).isEqualTo(Money.of("14.5", "USD"));
    assertThat(order.lines().get(0).rowTotal()).isEqualTo(Money.of("29", "USD"));
    assertThat(order.lines().get(0).tax()).isEqualTo(Money.of("2.39", "USD"));
    assertThat(order.lines().get(0).sourceLineId()).isEqualTo("2101");
    assertThat(order.subtotal()).isEqualTo(Money.of("51", "USD"));
    assertThat(order.shipping()).isEqualTo(Money.of("7.95", "USD"));
    assertThat(order.tax()).isEqualTo(Money.of("4.21", "USD"));
    assertThat(order.grandTotal()).isEqualTo(Money.of("63.16", "USD"));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.customerRef().id()).isEqualTo("318");
    assertThat(order.customer().email()).isEqualTo("marisol.okafor@example.com");
    assertThat(order.shippingAddress().lines()).containsExactly("418 Larkspur Lane", "Apt 3B");
    assertThat(order.shippingAddress().regionCode()).isEqualTo("TX");
    assertThat(order.shippingMethod()).isEqualTo("flatrate_flatrate");
    assertThat(order.payments()).singleElement().satisfies(p -> {
      assertThat(p.method()).isEqualTo("checkmo");
      assertThat(p.amount()).isEqualTo(Money.of("63.16", "USD"));
      assertThat(p.captured()).isFalse();
    });
    assertThat(order.attributes()).containsEntry("payment.method_title", "Check / Money order");
  }

  @Test
  void configurableOrder_keepsOneLineForParentAndChild_withTheChildSkuAndParentAmounts() {
    Order order = mapper.toOrder(dto("order-configurable.json"));
    assertThat(order.lines()).hasSize(2);
    OrderLine tee = order.lines().get(0);
    assertThat(tee.sku()).isEqualTo("CS-TEE-HBR-M-BLU");
    assertThat(tee.name()).isEqualTo("Harbor Crew Tee");
    assertThat(tee.unitPrice()).isEqualTo(Money.of("28", "USD"));
    assertThat(tee.discount()).isEqualTo(Money.of("2.8", "USD"));
    assertThat(tee.parentLineNumber()).isNull();
    assertThat(order.discount()).isEqualTo(Money.of("5.2", "USD"));
    assertThat(order.subtotal()).isEqualTo(Money.sum(order.currency(),
        order.topLevelLines().stream().map(OrderLine::rowTotal).toList()));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(order.payments().get(0).captured()).isTrue();
    assertThat(order.payments().get(0).transactionId()).isNotBlank();
    assertThat(order.billingAddress().city()).isEqualTo("Worcester");
    assertThat(order.shippingAddress()).isNotEqualTo(order.billingAddress());
  }

  @Test
  void guestOrder_hasNoCustomerRef_andNamesFromTheOrder() {
    Order order = mapper.toOrder(dto("order-guest.json"));
    assertThat(order.guest()).isTrue();
    assertThat(order.customerRef()).isNull();
    assertThat(order.customer().refs()).isEmpty();
    assertThat(order.customer().group()).isEqualTo("0");
    assertThat(order.shipping().isZero()).isTrue();
    assertThat(order.tax().isZero()).isTrue();
    assertThat(order.totalsReconcile()).isTrue();
  }

  @Test
  void brokenOrder_namesMagentoTheIncrementIdAndEveryField() {
    String json = Samples.text("order-simple.json")
        .replace("\"qty_ordered\": 2,", "\"qty_ordered\": 0,")
        .replace("\"order_currency_code\": \"USD\"", "\"order_currency_code\": \"DOLLARS\"");
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
        () -> mapper.toOrder(JSON.read(json, OrderDto.class, "order")));
    assertThat(e.recordSystem()).isEqualTo(SystemId.MAGENTO);
    assertThat(e.entity()).isEqualTo("order");
    assertThat(e.recordId()).contains("000001042");
    assertThat(e.violations()).extracting(v -> v.path()).contains("order_currency_code");
    String zeroQty = Samples.text("order-simple.json").replace("\"qty_ordered\": 2,", "\"qty_ordered\": 0,");
    InvalidRecordException e2 = catchThrowableOfType(InvalidRecordException.class,
        () -> mapper.toOrder(JSON.read(zeroQty, OrderDto.class, "order")));
    assertThat(e2.getMessage()).startsWith("magento order 000001042: items[0].qty_ordered: must be > 0");
  }

  @Test
  void floatNoise_isCleanedToStoredPrecision() {
    assertThat(MagentoValues.clean(new BigDecimal("29.949999999999999"))).isEqualByComparingTo("29.95");
    assertThat(MagentoValues.clean(new BigDecimal("12.3456"))).isEqualByComparingTo("12.3456");
  }
}
