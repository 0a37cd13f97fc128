package io.commercesync.connector.magento;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Order;
import io.commercesync.core.security.Secret;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every request body the client sends and every response it reads, checked against WireMock stubs built
 * from the shared samples: what the client sends must equal the sample request bodies, what it reads must
 * decode the sample responses.
 */
class MagentoClientWireMockContractTest {

  private static final String OAUTH = "OAuth oauth_consumer_key=\"ck\", oauth_nonce=\"[0-9a-f]{32}\", "
      + "oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"[0-9]+\", oauth_token=\"at\", "
      + "oauth_version=\"1.0\", oauth_signature=\"[A-Za-z0-9%]+\"";

  private final WireMockServer wm = new WireMockServer(options().dynamicPort());
  private final MagentoClient client;

  MagentoClientWireMockContractTest() {
    wm.start();
    client = MagentoClient.builder().baseUrl("http://localhost:" + wm.port())
        .oauth1(Secret.of("ck"), Secret.of("cs"), Secret.of("at"), Secret.of("ats")).build();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  @Test
  void getOrder_decodesEverySampleOrder_andSignsWithOAuth() {
    wm.stubFor(get("/rest/default/V1/orders/1042").willReturn(json(200, Samples.text("order-simple.json"))));
    wm.stubFor(get("/rest/default/V1/orders/1043").willReturn(json(200, Samples.text("order-configurable.json"))));
    Order simple = client.orders().get(StoreScope.store("default"), 1042);
    Order configurable = client.orders().get(StoreScope.store("default"), 1043);
    assertThat(simple.number()).isEqualTo("000001042");
    assertThat(configurable.lines()).hasSize(2);
    wm.verify(getRequestedFor(urlPathEqualTo("/rest/default/V1/orders/1042"))
        .withHeader("Authorization", matching(OAUTH)).withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void invoice_sendsExactlyTheSampleBody() {
    wm.stubFor(post("/rest/default/V1/order/1042/invoice")
        .withRequestBody(equalToJson(Samples.text("invoice-request.json"))).willReturn(json(200, "5001")));
    long id = client.sales().invoice(StoreScope.store("default"), 1042, new InvoiceRequest(
        List.of(new ShipRequest.Line(2101, new BigDecimal("2")), new ShipRequest.Line(2102, BigDecimal.ONE)), false,
        "Invoiced from ERP document INV-2025-004417 (payment received offline).", false));
    assertThat(id).isEqualTo(5001);
  }

  @Test
  void ship_sendsExactlyTheSampleBody_withTracksAndMsiSource() {
    wm.stubFor(post("/rest/default/V1/order/1043/ship")
        .withRequestBody(equalToJson(Samples.text("ship-request.json"))).willReturn(json(200, "6001")));
    long id = client.sales().ship(StoreScope.store("default"), 1043, new ShipRequest(
        List.of(new ShipRequest.Line(2110, BigDecimal.ONE), new ShipRequest.Line(2112, new BigDecimal("2"))),
        List.of(new ShipRequest.Track("1Z999AA10123456784", "United Parcel Service", "ups")), "wh_austin",
        "Shipped from Austin DC. ERP shipment SHP-0048817.", true, true));
    assertThat(id).isEqualTo(6001);
  }

  @Test
  void sourceItems_sendExactlyTheSampleBody() {
    wm.stubFor(post("/rest/all/V1/inventory/source-items")
        .withRequestBody(equalToJson(Samples.text("source-items-request.json"))).willReturn(json(200, "[]")));
    client.inventory().saveSourceItems(StoreScope.ALL, List.of(
        new SourceItem("CS-MUG-12OZ", "wh_austin", new BigDecimal("148"), true),
        new SourceItem("CS-MUG-12OZ", "wh_reno", BigDecimal.ZERO, false),
        new SourceItem("CS-TOTE-NAT", "wh_austin", new BigDecimal("37.5"), true)));
    wm.verify(1, postRequestedFor(urlPathEqualTo("/rest/all/V1/inventory/source-items")));
  }

  @Test
  void customer_andProduct_decodeTheSamples() {
    wm.stubFor(get("/rest/default/V1/customers/318").willReturn(json(200, Samples.text("customer.json"))));
    wm.stubFor(get("/rest/all/V1/products/CS-MUG-12OZ").willReturn(json(200, Samples.text("product.json"))));
    Customer c = client.customers().get(StoreScope.store("default"), 318);
    assertThat(c.addresses()).hasSize(2);
    assertThat(c.defaultShipping()).hasValueSatisfying(a -> assertThat(a.key()).isEqualTo("978"));
    Item mug = client.products().get(StoreScope.ALL, "CS-MUG-12OZ");
    assertThat(mug.basePrice().amount()).isEqualByComparingTo("14.5");
    assertThat(mug.longDescription()).contains("the ERP does not own this field");
    assertThat(mug.attributes()).containsEntry("category_ids", "14,22");
  }

  @Test
  void productUpdate_sendsOnlyTheNamedAttributes_neverTheMediaGallery() {
    wm.stubFor(put("/rest/all/V1/products/CS-MUG-12OZ").willReturn(json(200, Samples.text("product.json"))));
    client.products().update(StoreScope.ALL, ProductUpdate.builder("CS-MUG-12OZ").price(new BigDecimal("15.50"))
        .weight(new BigDecimal("0.9")).build());
    wm.verify(putRequestedFor(urlPathEqualTo("/rest/all/V1/products/CS-MUG-12OZ")).withRequestBody(
        equalToJson("{\"product\":{\"sku\":\"CS-MUG-12OZ\",\"price\":15.50,\"weight\":0.9}}")));
  }

  @Test
  void searchPage_sampleServedForEveryPage_isReadOnce_withoutLooping() {
    wm.stubFor(get(urlPathEqualTo("/rest/default/V1/customers/search"))
        .willReturn(json(200, Samples.text("customer-search-response.json"))));
    List<MagentoRecord> read = new ArrayList<>();
    try (MagentoPager pager = client.customers().search(StoreScope.store("default"), SearchCriteria.builder()
        .where("updated_at", SearchCriteria.Condition.GTEQ, "2025-01-01 00:00:00")
        .sortBy("updated_at", SearchCriteria.Direction.ASC).pageSize(2).currentPage(3).build())) {
      pager.forEachRemaining(read::add);
      assertThat(pager.pagesFetched()).as("the repeated page adds nothing new, so paging stops").isEqualTo(2);
      assertThat(pager.totalCount()).hasValue(37);
    }
    assertThat(read).extracting(MagentoRecord::id).containsExactly("402", "415");
    wm.verify(getRequestedFor(urlPathEqualTo("/rest/default/V1/customers/search"))
        .withQueryParam("searchCriteria[currentPage]", equalTo("3"))
        .withQueryParam("searchCriteria[filter_groups][0][filters][0][value]", equalTo("2025-01-01 00:00:00")));
  }

  @Test
  void errorSamples_becomeTypedErrorsWithTheMessageFilledIn() {
    wm.stubFor(get("/rest/default/V1/customers/99999").willReturn(json(404, Samples.text("error-404.json"))));
    wm.stubFor(post("/rest/default/V1/customers").willReturn(json(400, Samples.text("error-400.json"))));
    wm.stubFor(get("/rest/default/V1/orders/7").willReturn(json(401, Samples.text("error-401.json"))));
    RemoteSystemException notFound = catchThrowableOfType(RemoteSystemException.class,
        () -> client.customers().get(StoreScope.store("default"), 99999));
    assertThat(notFound.getMessage()).isEqualTo("magento GET /rest/default/V1/customers/99999 [customer 99999]: "
        + "HTTP 404 - No such entity with customerId = 99999 (not retryable)");
    RemoteSystemException invalid = catchThrowableOfType(RemoteSystemException.class,
        () -> client.customers().create(StoreScope.store("default"),
            Customer.builder().email("a@example.com").firstName("A").lastName("B").build(), 1));
    assertThat(invalid.status()).hasValue(400);
    assertThat(invalid.remoteMessage()).hasValue("One or more input exceptions have occurred. "
        + "\"firstname\" is required. Enter and try again.; \"lastname\" is required. Enter and try again.");
    AuthenticationException auth = catchThrowableOfType(AuthenticationException.class,
        () -> client.orders().get(StoreScope.store("default"), 7));
    assertThat(auth.getMessage()).contains("Magento_Sales::sales").contains("after one credential renewal");
    wm.verify(2, getRequestedFor(urlPathEqualTo("/rest/default/V1/orders/7")));
  }
}
