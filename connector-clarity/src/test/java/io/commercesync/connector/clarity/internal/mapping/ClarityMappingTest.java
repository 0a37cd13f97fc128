package io.commercesync.connector.clarity.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.clarity.ClarityStatusMapping;
import io.commercesync.connector.clarity.Samples;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesOrder;
import io.commercesync.connector.clarity.internal.dto.v1.V1Customer;
import io.commercesync.connector.clarity.internal.dto.v1.V1Order;
import io.commercesync.connector.clarity.internal.dto.v1.V1Product;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClarityMappingTest {

  static final MappingSettings NATIVE = new MappingSettings(Money.currency("USD"),
      ClarityStatusMapping.nativeDefaults(), null, SystemId.DYNAMICS_SL);
  static final MappingSettings V1 = new MappingSettings(Money.currency("USD"),
      ClarityStatusMapping.v1Defaults(), null, SystemId.DYNAMICS_SL);

  static Order nativeSample() {
    CefSalesOrder dto = ClarityCodecs.CEF.read(Samples.bytes("cef-native-salesorder.json"), CefSalesOrder.class, "order");
    return new CefOrderAssembler(NATIVE).order(dto);
  }

  static Order v1Sample() {
    V1Order dto = ClarityCodecs.V1.read(Samples.bytes("order.json"), V1Order.class, "order");
    return new V1OrderAssembler(V1).order(dto);
  }

  @Test
  void nativeSalesOrder_mapsTotalsLinesAddressesAndStatus() {
    Order order = nativeSample();
    assertThat(order.number()).isEqualTo("CS-100045");
    assertThat(order.ref(SystemId.CLARITY)).contains(ExternalRef.of(SystemId.CLARITY, "10045"));
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.sourceStatus()).isEqualTo("Pending");
    assertThat(order.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(order.subtotal()).isEqualTo(Money.of("104.97", "USD"));
    assertThat(order.discount()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(order.shipping()).isEqualTo(Money.of("8.95", "USD"));
    assertThat(order.tax()).isEqualTo(Money.of("7.60", "USD"));
    assertThat(order.fees()).isEqualTo(Money.of("0", "USD"));
    assertThat(order.grandTotal()).isEqualTo(Money.of("111.52", "USD"));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.lines()).extracting(OrderLine::sku).containsExactly("WID-100-BLK", "GAD-220");
    assertThat(order.lines().get(0).rowTotal()).isEqualTo(Money.of("49.98", "USD"));
    assertThat(order.lines().get(0).tax()).isEqualTo(Money.of("3.62", "USD"));
    assertThat(order.lines().get(0).sourceLineId()).isEqualTo("88001");
    assertThat(order.billingAddress().countryCode()).as("CEF alpha-3 USA becomes alpha-2").isEqualTo("US");
    assertThat(order.billingAddress().lines()).containsExactly("1200 Congress Ave", "Suite 410");
    assertThat(order.billingAddress().regionCode()).isEqualTo("TX");
    assertThat(order.customer().email()).isEqualTo("maria.lopez@example.com");
    assertThat(order.customerRef()).isEqualTo(ExternalRef.of(SystemId.CLARITY, "311"));
    assertThat(order.attributes()).containsEntry("clarity.accountKey", "C20311");
    assertThat(order.payments()).singleElement().satisfies(p -> {
      assertThat(p.amount()).isEqualTo(Money.of("111.52", "USD"));
      assertThat(p.transactionId()).isEqualTo("txn_7f3a9c21");
      assertThat(p.captured()).as("paid (Total − BalanceDue > 0) as of UpdatedDate").isTrue();
    });
    assertThat(order.placedAt()).hasToString("2024-05-14T15:42:07Z");
  }

  @Test
  void v1Order_mapsTheSameOrderAsTheNativeSample() {
    Order v1 = v1Sample();
    Order cef = nativeSample();
    assertThat(v1.number()).isEqualTo(cef.number());
    assertThat(v1.ref(SystemId.CLARITY)).contains(ExternalRef.of(SystemId.CLARITY, "ord_10045"));
    assertThat(v1.status()).isEqualTo(cef.status());
    assertThat(v1.grandTotal()).isEqualTo(cef.grandTotal());
    assertThat(v1.subtotal()).isEqualTo(cef.subtotal());
    assertThat(v1.discount()).isEqualTo(cef.discount());
    assertThat(v1.tax()).isEqualTo(cef.tax());
    assertThat(v1.shipping()).isEqualTo(cef.shipping());
    assertThat(v1.totalsReconcile()).isTrue();
    assertThat(v1.lines()).extracting(OrderLine::sku).containsExactlyElementsOf(
        cef.lines().stream().map(OrderLine::sku).toList());
    assertThat(v1.lines().get(0).discount()).isEqualTo(Money.of("5.00", "USD"));
    assertThat(v1.billingAddress().countryCode()).isEqualTo(cef.billingAddress().countryCode());
    assertThat(v1.shippingMethod()).isEqualTo("ups_ground");
    assertThat(v1.shippingDescription()).isEqualTo("UPS Ground");
    assertThat(v1.payments()).singleElement().satisfies(p -> {
      assertThat(p.cardType()).isEqualTo("visa");
      assertThat(p.cardLast4()).isEqualTo("4242");
      assertThat(p.method()).isEqualTo("credit_card");
    });
  }

  @Test
  void nativeSalesOrderPayments_becomeOnePaymentEach_receivedOnesCaptured_invoiceCarried() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode dto =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Samples.bytes("cef-native-salesorder.json"));
    com.fasterxml.jackson.databind.node.ArrayNode payments = dto.putArray("SalesOrderPayments");
    payments.addObject().put("ID", 1).put("SlaveID", 501).putObject("Slave").put("ID", 501).put("Amount", 25.00)
        .put("PaymentMethodKey", "gift_card").put("TransactionNumber", "gc_77").put("Received", true)
        .put("ReceivedDate", "2024-05-14T15:43:00.0000000Z");
    payments.addObject().put("ID", 2).put("SlaveID", 502).putObject("Slave").put("ID", 502).put("Amount", 86.52)
        .put("PaymentMethodKey", "credit_card").put("TransactionNumber", "txn_7f3a9c21").put("Last4CardDigits", "4242")
        .put("Received", true).put("InvoiceNumber", "INV00042");
    payments.addObject().put("ID", 3).putObject("Slave").put("ID", 503).put("Amount", 10.00)
        .put("PaymentMethodKey", "purchase_order").put("Received", false);
    Order order = new CefOrderAssembler(NATIVE).order(
        ClarityCodecs.CEF.read(json.writeValueAsBytes(dto), CefSalesOrder.class, "order"));

    assertThat(order.payments()).hasSize(3);
    assertThat(order.payments().get(0)).satisfies(p -> {
      assertThat(p.id()).isEqualTo("501");
      assertThat(p.method()).isEqualTo("gift_card");
      assertThat(p.amount()).isEqualTo(Money.of("25.00", "USD"));
      assertThat(p.capturedAt()).hasToString("2024-05-14T15:43:00Z");
      assertThat(p.invoiceNumber()).isNull();
    });
    assertThat(order.payments().get(1)).satisfies(p -> {
      assertThat(p.cardLast4()).isEqualTo("4242");
      assertThat(p.captured()).as("received without a date: as of the order's UpdatedDate").isTrue();
      assertThat(p.invoiceNumber()).isEqualTo("INV00042");
    });
    assertThat(order.payments().get(2).captured()).as("not received yet").isFalse();
  }

  @Test
  void v1PaymentsArray_splitPayments_replacePaymentInfo() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode dto =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Samples.bytes("order.json"));
    com.fasterxml.jackson.databind.node.ArrayNode payments = dto.putArray("payments");
    payments.addObject().put("paymentId", "pay_1").put("method", "gift_card").put("status", "captured")
        .put("amount", 25.00).put("currency", "USD").put("capturedAt", "2024-05-14T15:42:08Z");
    payments.addObject().put("paymentId", "pay_2").put("method", "credit_card").put("status", "captured")
        .put("amount", 86.52).put("currency", "USD").put("cardBrand", "visa").put("last4", "4242")
        .put("capturedAt", "2024-05-14T15:42:08Z").put("invoiceNumber", "INV00042");
    Order order = new V1OrderAssembler(V1).order(ClarityCodecs.V1.read(json.writeValueAsBytes(dto), V1Order.class, "order"));

    assertThat(order.payments()).extracting(p -> p.id() + ":" + p.method() + ":" + p.amount().amount().toPlainString())
        .containsExactly("pay_1:gift_card:25.00", "pay_2:credit_card:86.52");
    assertThat(order.payments().get(1).invoiceNumber()).isEqualTo("INV00042");
    assertThat(order.payments()).allSatisfy(p -> assertThat(p.captured()).isTrue());
  }

  @Test
  void v1PaymentsArray_withAStringAmount_isATypedErrorNamingThePayment() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode dto =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Samples.bytes("order.json"));
    dto.putArray("payments").addObject().put("method", "gift_card").put("amount", "25.000").put("currency", "USD");
    assertThatThrownBy(() -> new V1OrderAssembler(V1).order(
        ClarityCodecs.V1.read(json.writeValueAsBytes(dto), V1Order.class, "order")))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("clarity").hasMessageContaining("amount");
  }

  @Test
  void unknownStatus_decodesAsUnknown_keepsTheRawKey_andTellsTheListener() {
    List<String> told = new ArrayList<>();
    MappingSettings settings = new MappingSettings(Money.currency("USD"), ClarityStatusMapping.nativeDefaults(),
        (entity, key, status) -> told.add(entity + "/" + key + "/" + status), null);
    String json = Samples.text("cef-native-salesorder.json")
        .replace("\"StatusKey\": \"Pending\"", "\"StatusKey\": \"Awaiting Credit Check\"");
    Order order = new CefOrderAssembler(settings).order(
        ClarityCodecs.CEF.read(json, CefSalesOrder.class, "order"));
    assertThat(order.status()).isEqualTo(OrderStatus.UNKNOWN);
    assertThat(order.sourceStatus()).isEqualTo("Awaiting Credit Check");
    assertThat(told).containsExactly("order/CS-100045/Awaiting Credit Check");
  }

  @Test
  void statusKeys_matchIgnoringCaseSpacesAndUnderscores() {
    assertThat(ClarityStatusMapping.nativeDefaults().toCanonical("on_hold")).contains(OrderStatus.ON_HOLD);
    assertThat(ClarityStatusMapping.nativeDefaults().toCanonical("SHIPPED FROM VENDOR")).contains(OrderStatus.COMPLETE);
    assertThat(ClarityStatusMapping.v1Defaults().toCanonical("Cancelled")).contains(OrderStatus.CANCELED);
    assertThat(ClarityStatusMapping.v1Defaults().toCanonical("exploded")).isEmpty();
  }

  @Test
  void v1Amount_asString_isATypedErrorNamingTheField() {
    String json = Samples.text("order.json").replace("\"unitPrice\": 24.99", "\"unitPrice\": \"19.990\"");
    assertThatThrownBy(() -> ClarityCodecs.V1.read(json, V1Order.class, "order"))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
          assertThat(e.recordSystem()).isEqualTo(SystemId.CLARITY);
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("lineItems[0].unitPrice");
            assertThat(v.message()).isEqualTo("must be a number");
          });
        });
  }

  @Test
  void brokenLine_isRelabelledWithTheClarityPath() {
    String json = Samples.text("order.json").replace("\"quantity\": 1,", "\"quantity\": -1,");
    V1Order dto = ClarityCodecs.V1.read(json, V1Order.class, "order");
    assertThatThrownBy(() -> new V1OrderAssembler(V1).order(dto))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
          assertThat(e.recordSystem()).isEqualTo(SystemId.CLARITY);
          assertThat(e.recordId()).contains("CS-100045");
          assertThat(e.violations()).extracting(Object::toString).containsExactly("lineItems[1].quantity: must be > 0 (was -1)");
        });
  }

  @Test
  void v1Customer_mapsAddressesAndTheErpKey() {
    V1Customer dto = ClarityCodecs.V1.read(Samples.bytes("customer.json"), V1Customer.class, "customer");
    Customer c = V1Mapper.INSTANCE.customer(dto, SystemId.DYNAMICS_SL);
    assertThat(c.refs()).containsExactly(ExternalRef.of(SystemId.CLARITY, "cus_20311"),
        ExternalRef.of(SystemId.DYNAMICS_SL, "C20311"));
    assertThat(c.email()).isEqualTo("maria.lopez@example.com");
    assertThat(c.company()).as("blank company is no company").isNull();
    assertThat(c.group()).isEqualTo("retail");
    assertThat(c.addresses()).hasSize(2);
    assertThat(c.addresses().get(0).defaultBilling()).isTrue();
    assertThat(c.addresses().get(1).address().lines()).containsExactly("4821 Shoal Creek Blvd");
    assertThat(c.addresses().get(1).address().postalCode()).isEqualTo("78756");
  }

  @Test
  void v1Product_mapsToAnItemWithPriceStatusAndAttributes() {
    V1Product dto = ClarityCodecs.V1.read(Samples.bytes("product.json"), V1Product.class, "product");
    Item item = V1Mapper.INSTANCE.item(dto);
    assertThat(item.sku()).isEqualTo("WID-100-BLK");
    assertThat(item.basePrice()).isEqualTo(Money.of("24.99", "USD"));
    assertThat(item.status()).isEqualTo(ItemStatus.ACTIVE);
    assertThat(item.weight()).isEqualByComparingTo("1.25");
    assertThat(item.attributes()).containsEntry("upc", "012345678905").containsEntry("color", "Black");
  }

  @Test
  void payloadMappings_convertEverySampleThroughTheRegistry() {
    ClarityPayloadMappings provider = new ClarityPayloadMappings();
    var mappings = provider.mappings();
    String fromNative = find(mappings, "clarity", "canonical", "order").converter()
        .convert(Samples.bytes("cef-native-salesorder.json"), Map.of());
    String fromV1 = find(mappings, "clarity", "canonical", "order").converter()
        .convert(Samples.bytes("order.json"), Map.of("dialect", "v1"));
    String fromWebhook = find(mappings, "clarity", "canonical", "order").converter()
        .convert(Samples.bytes("webhook-order-created.json"), Map.of());
    Order a = CanonicalJson.read(fromNative.getBytes(), Order.class);
    Order b = CanonicalJson.read(fromV1.getBytes(), Order.class);
    Order c = CanonicalJson.read(fromWebhook.getBytes(), Order.class);
    assertThat(a.grandTotal()).isEqualTo(b.grandTotal()).isEqualTo(c.grandTotal());
    assertThat(b).isEqualTo(c);
    String customer = find(mappings, "clarity", "canonical", "customer").converter()
        .convert(Samples.bytes("customer.json"), Map.of("erpSystem", "dynamics-sl"));
    assertThat(CanonicalJson.read(customer.getBytes(), Customer.class).refs())
        .contains(ExternalRef.of(SystemId.DYNAMICS_SL, "C20311"));
    String product = find(mappings, "clarity", "canonical", "product").converter()
        .convert(Samples.bytes("product.json"), Map.of());
    Item item = CanonicalJson.read(product.getBytes(), Item.class);
    String patch = find(mappings, "canonical", "clarity", "product").converter()
        .convert(CanonicalJson.write(item), Map.of());
    assertThat(patch).contains("\"price\" : 24.99").contains("\"status\" : \"active\"")
        .doesNotContain("description").doesNotContain("images").doesNotContain("seo");
  }

  static io.commercesync.core.mapping.PayloadMapping find(
      List<io.commercesync.core.mapping.PayloadMapping> all, String from, String to, String entity) {
    return all.stream().filter(m -> m.from().equals(from) && m.to().equals(to) && m.entity().equals(entity))
        .findFirst().orElseThrow();
  }
}
