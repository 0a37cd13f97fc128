package io.commercesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code commercesync map} with the Clarity connector on the class path, over the shared samples. */
class ClarityMapCommandTest {

  static final Path SAMPLES = Path.of("..", "connector-clarity", "src", "test", "resources", "clarity");

  static MapCommandTest.Run run(String... args) {
    return MapCommandTest.run(args);
  }

  static Order order(MapCommandTest.Run run) {
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    return CanonicalJson.read(run.out().getBytes(StandardCharsets.UTF_8), Order.class);
  }

  @Test
  void nativeSalesOrder_mapsToACanonicalOrder() {
    Order order = order(run("map", "--from", "clarity", "--entity", "order", "--dialect", "native",
        SAMPLES.resolve("cef-native-salesorder.json").toString()));
    assertThat(order.number()).isEqualTo("CS-100045");
    assertThat(order.grandTotal()).isEqualTo(Money.of("111.52", "USD"));
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.totalsReconcile()).isTrue();
  }

  @Test
  void v1Order_explicitOrDetected_andTheWebhookEnvelope_mapToTheSameOrder() {
    Order explicit = order(run("map", "--from", "clarity", "--entity", "order", "--dialect", "v1",
        SAMPLES.resolve("order.json").toString()));
    Order detected = order(run("map", "--from", "clarity", "--entity", "order", SAMPLES.resolve("order.json").toString()));
    Order envelope = order(run("map", "--from", "cef", "--entity", "order",
        SAMPLES.resolve("webhook-order-created.json").toString()));
    assertThat(detected).isEqualTo(explicit).isEqualTo(envelope);
    assertThat(explicit.ref(SystemId.CLARITY)).contains(ExternalRef.of(SystemId.CLARITY, "ord_10045"));
  }

  @Test
  void customerAndProduct_map_withTheErpKeyAsARef() {
    MapCommandTest.Run c = run("map", "--from", "clarity", "--entity", "customer", "--dialect", "v1",
        "--option", "erpSystem=dynamics-sl", SAMPLES.resolve("customer.json").toString());
    assertThat(c.exit()).isEqualTo(ExitCode.OK);
    Customer customer = CanonicalJson.read(c.out().getBytes(StandardCharsets.UTF_8), Customer.class);
    assertThat(customer.refs()).contains(ExternalRef.of(SystemId.DYNAMICS_SL, "C20311"));
    MapCommandTest.Run p = run("map", "--from", "clarity", "--entity", "product", SAMPLES.resolve("product.json").toString());
    assertThat(p.exit()).isEqualTo(ExitCode.OK);
    Item item = CanonicalJson.read(p.out().getBytes(StandardCharsets.UTF_8), Item.class);
    assertThat(item.basePrice()).isEqualTo(Money.of("24.99", "USD"));
  }

  @Test
  void toClarity_productIsAPartialUpdate_inventoryAndShipmentFollowTheSamples(@TempDir Path dir) throws Exception {
    Path item = dir.resolve("item.json");
    Files.write(item, CanonicalJson.write(Item.builder().sku("WID-100-BLK").name("Widget 100, black")
        .basePrice(Money.of("24.99", "USD")).longDescription("ERP text").unitOfMeasure("EA").build()));
    MapCommandTest.Run v1 = run("map", "--to", "clarity", "--entity", "product", item.toString());
    assertThat(v1.exit()).isEqualTo(ExitCode.OK);
    assertThat(v1.out()).contains("\"price\" : 24.99").contains("\"currency\" : \"USD\"").doesNotContain("description");
    MapCommandTest.Run cef = run("map", "--to", "clarity", "--entity", "product", "--dialect", "native", item.toString());
    assertThat(cef.out()).contains("\"PriceBase\" : 24.99").contains("\"CustomKey\" : \"WID-100-BLK\"")
        .doesNotContain("Description");

    Path level = dir.resolve("level.json");
    Files.write(level, CanonicalJson.write(InventoryLevel.builder().sku("WID-100-BLK").location("AUSTIN")
        .onHand(new BigDecimal("140")).allocated(new BigDecimal("12")).asOf(Instant.parse("2024-05-14T14:15:00Z")).build()));
    MapCommandTest.Run inv = run("map", "--to", "clarity", "--entity", "inventory", "--option", "source=dynamics-sl",
        level.toString());
    assertThat(inv.out()).contains("\"mode\" : \"absolute\"").contains("\"source\" : \"dynamics-sl\"")
        .contains("\"locationCode\" : \"AUSTIN\"").contains("\"available\" : 128").contains("\"onHand\" : 140");

    Path shipment = dir.resolve("shipment.json");
    Files.write(shipment, CanonicalJson.write(Shipment.builder().ref(ExternalRef.of(SystemId.DYNAMICS_SL, "WS000871"))
        .orderNumber("CS-100045").carrier("UPS").service("Ground").addTrackingNumber("1Z999AA10123456784").build()));
    MapCommandTest.Run ship = run("map", "--to", "clarity", "--entity", "shipment", shipment.toString());
    assertThat(ship.out()).contains("\"externalShipmentId\" : \"WS000871\"")
        .contains("\"trackingNumber\" : \"1Z999AA10123456784\"");
    MapCommandTest.Run nativeShip = run("map", "--to", "clarity", "--entity", "shipment", "--dialect", "native",
        shipment.toString());
    assertThat(nativeShip.out()).contains("\"TrackingNumber\" : \"1Z999AA10123456784\"").contains("\"CustomKey\" : \"WS000871\"");
  }

  @Test
  void stringAmount_isInvalidInput_namingTheField(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("order.json");
    Files.writeString(broken, Files.readString(SAMPLES.resolve("order.json")).replace("\"unitPrice\": 24.99",
        "\"unitPrice\": \"19.990\""));
    MapCommandTest.Run run = run("map", "--from", "clarity", "--entity", "order", broken.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err().strip()).isEqualTo("lineItems[0].unitPrice: must be a number");
  }

  @Test
  void unknownDialect_isInvalidInput() {
    MapCommandTest.Run run = run("map", "--from", "clarity", "--entity", "order", "--dialect", "v2",
        SAMPLES.resolve("order.json").toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).contains("dialect").contains("native or v1");
  }

  @Test
  void list_showsTheClarityMappings() {
    MapCommandTest.Run run = run("map", "--list");
    assertThat(run.out()).contains("clarity -> canonical (order)", "clarity -> canonical (customer)",
        "clarity -> canonical (product)", "canonical -> clarity (product)", "canonical -> clarity (inventory)",
        "canonical -> clarity (shipment)");
  }
}
