package io.commercesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Order;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code commercesync map} with the Magento connector on the class path. */
class MagentoMapCommandTest {

  static final Path SAMPLES = Path.of("..", "connector-magento", "src", "test", "resources", "magento");
  static final ObjectMapper JSON = new ObjectMapper();

  static MapCommandTest.Run run(String... args) {
    return MapCommandTest.run(args);
  }

  @Test
  void magentoOrder_toCanonical() throws Exception {
    MapCommandTest.Run run = run("map", "--from", "magento", "--entity", "order",
        SAMPLES.resolve("order-configurable.json").toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    Order order = CanonicalJson.read(run.out().getBytes(StandardCharsets.UTF_8), Order.class);
    assertThat(order.number()).isEqualTo("000001043");
    assertThat(order.lines()).hasSize(2);
    assertThat(order.lines().get(0).sku()).isEqualTo("CS-TEE-HBR-M-BLU");
    assertThat(order.totalsReconcile()).isTrue();
  }

  @Test
  void magentoCustomerAndProduct_toCanonical() {
    MapCommandTest.Run customer = run("map", "--from", "magento", "--entity", "customer",
        SAMPLES.resolve("customer.json").toString());
    assertThat(customer.exit()).isEqualTo(ExitCode.OK);
    Customer c = CanonicalJson.read(customer.out().getBytes(StandardCharsets.UTF_8), Customer.class);
    assertThat(c.addresses()).hasSize(2);
    MapCommandTest.Run product = run("map", "--from", "magento", "--entity", "product", "--option", "currency=EUR",
        SAMPLES.resolve("product.json").toString());
    assertThat(product.exit()).isEqualTo(ExitCode.OK);
    Item item = CanonicalJson.read(product.out().getBytes(StandardCharsets.UTF_8), Item.class);
    assertThat(item.basePrice().currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(item.sku()).isEqualTo("CS-MUG-12OZ");
  }

  @Test
  void badMagentoOrder_printsOneLinePerViolation_andExitsTwo(@TempDir Path dir) throws Exception {
    String json = Files.readString(SAMPLES.resolve("order-simple.json"))
        .replaceFirst("\"qty_ordered\": 2,", "\"qty_ordered\": -1,")
        .replaceFirst("\"increment_id\": \"000001042\",", "");
    Path bad = dir.resolve("bad-order.json");
    Files.writeString(bad, json);
    MapCommandTest.Run run = run("map", "--from", "magento", "--entity", "order", bad.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly(
        "increment_id: is required",
        "items[0].qty_ordered: must be > 0 (was -1)");
    Path wrongType = dir.resolve("wrong-type.json");
    Files.writeString(wrongType, Files.readString(SAMPLES.resolve("order-simple.json"))
        .replaceFirst("\"qty_ordered\": 2,", "\"qty_ordered\": \"two\","));
    MapCommandTest.Run typed = run("map", "--from", "magento", "--entity", "order", wrongType.toString());
    assertThat(typed.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(typed.err()).startsWith("items[0].qty_ordered: ");
  }

  @Test
  void canonicalItem_toTheMagentoProductBody_onlyErpOwnedFields(@TempDir Path dir) throws Exception {
    Path item = dir.resolve("item.json");
    Files.writeString(item, "{\"sku\":\"CS-MUG-12OZ\",\"name\":\"Harbor Enamel Mug 12 oz\",\"weight\":0.9,"
        + "\"basePrice\":{\"amount\":15.50,\"currency\":\"USD\"},\"status\":\"ACTIVE\","
        + "\"longDescription\":\"ERP text\",\"attributes\":{\"erp_class\":\"MUGS\"}}");
    MapCommandTest.Run run = run("map", "--from", "canonical", "--to", "magento", "--entity", "product", item.toString());
    assertThat(run.err()).isEmpty();
    JsonNode body = JSON.readTree(run.out());
    assertThat(body.path("product").path("sku").asText()).isEqualTo("CS-MUG-12OZ");
    assertThat(body.path("product").path("price").decimalValue()).isEqualByComparingTo("15.50");
    assertThat(body.path("product").path("status").asInt()).isEqualTo(1);
    assertThat(body.path("product").has("media_gallery_entries")).isFalse();
    assertThat(body.path("product").has("custom_attributes")).as("descriptions are the storefront's").isFalse();
    MapCommandTest.Run priced = run("map", "--from", "canonical", "--to", "magento", "--entity", "product",
        "--option", "fields=price", "--option", "attributes=erp_class", item.toString());
    JsonNode only = JSON.readTree(priced.out()).path("product");
    assertThat(only.has("name")).isFalse();
    assertThat(only.path("custom_attributes").get(0).path("attribute_code").asText()).isEqualTo("erp_class");
  }

  @Test
  void canonicalInventory_toTheSourceItemsBody(@TempDir Path dir) throws Exception {
    Path level = dir.resolve("level.json");
    Files.writeString(level, "{\"sku\":\"CS-MUG-12OZ\",\"location\":\"wh_austin\",\"onHand\":10,\"allocated\":12,"
        + "\"asOf\":\"2026-01-01T00:00:00Z\"}");
    MapCommandTest.Run run = run("map", "--from", "canonical", "--to", "magento", "--entity", "inventory",
        level.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    JsonNode item = JSON.readTree(run.out()).path("sourceItems").get(0);
    assertThat(item.path("source_code").asText()).isEqualTo("wh_austin");
    assertThat(item.path("quantity").decimalValue()).as("never negative").isEqualByComparingTo("0");
    assertThat(item.path("status").asInt()).isZero();
  }

  @Test
  void canonicalShipment_toTheShipBody_andALineWithoutItsOrderItemIdIsRefused(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("shipment.json");
    Files.writeString(ok, "{\"orderNumber\":\"000001043\",\"carrier\":\"UPS\",\"service\":\"United Parcel Service\","
        + "\"trackingNumbers\":[\"1Z999AA10123456784\"],\"location\":\"wh_austin\",\"lines\":["
        + "{\"sku\":\"CS-TEE-HBR-M-BLU\",\"quantity\":1,\"orderLineId\":\"2110\"},"
        + "{\"sku\":\"CS-SOCK-WOOL-L\",\"quantity\":2,\"orderLineId\":\"2112\"}]}");
    MapCommandTest.Run run = run("map", "--from", "canonical", "--to", "magento", "--entity", "shipment", ok.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    JsonNode body = JSON.readTree(run.out());
    JsonNode sample = JSON.readTree(SAMPLES.resolve("ship-request.json").toFile());
    assertThat(body.path("items")).isEqualTo(sample.path("items"));
    assertThat(body.path("tracks")).isEqualTo(sample.path("tracks"));
    assertThat(body.path("arguments")).isEqualTo(sample.path("arguments"));
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"orderNumber\":\"000001043\",\"lines\":[{\"sku\":\"CS-TEE\",\"quantity\":1}]}");
    MapCommandTest.Run refused = run("map", "--from", "canonical", "--to", "magento", "--entity", "shipment",
        bad.toString());
    assertThat(refused.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(refused.err().lines().toList()).containsExactly(
        "lines[0].orderLineId: must be the Magento order_item_id (a number) to ship the line");
  }

  @Test
  void list_showsTheMagentoMappings() {
    MapCommandTest.Run run = run("map", "--list");
    assertThat(run.out()).contains("magento -> canonical (order)", "magento -> canonical (customer)",
        "magento -> canonical (product)", "canonical -> magento (product)", "canonical -> magento (inventory)",
        "canonical -> magento (shipment)");
  }
}
