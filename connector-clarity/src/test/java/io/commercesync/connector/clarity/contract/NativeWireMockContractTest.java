package io.commercesync.connector.clarity.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityStorefront;
import io.commercesync.connector.clarity.Samples;
import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.OrderStatusSink;
import io.commercesync.core.spi.OrderStatusUpdate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The native (CEF/ServiceStack) dialect against WireMock stubs built from the native sample. */
class NativeWireMockContractTest {

  static final String BASE = "/DesktopModules/ClarityEcommerce/API";
  static final String PASSWORD = "P@ssw0rd-cef-integration";

  WireMockServer wm;
  ClarityClient client;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    wm.stubFor(post(BASE + "/auth/credentials").willReturn(okJson("{\"SessionId\":\"sess-1\",\"UserName\":\"integration\"}")));
    client = ClarityClient.builder().baseUrl(wm.baseUrl()).allowInsecureHttp(true)
        .auth(ClarityAuth.session("integration", Secret.of(PASSWORD))).build();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  String page(String... records) {
    return "{\"Results\":[" + String.join(",", records) + "],\"CurrentPage\":1,\"TotalPages\":1,\"TotalCount\":"
        + records.length + "}";
  }

  @Test
  void salesOrderByKey_logsIn_sendsTheSession_andDecodesTheSample() {
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-100045").willReturn(okJson(Samples.text("cef-native-salesorder.json"))));
    Order order = client.order("CS-100045").orElseThrow();
    assertThat(order.number()).isEqualTo("CS-100045");
    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
    assertThat(order.totalsReconcile()).isTrue();
    wm.verify(getRequestedFor(urlPathEqualTo(BASE + "/Ordering/SalesOrder/Key/CS-100045"))
        .withHeader("X-ss-id", equalTo("sess-1")));
    wm.verify(postRequestedFor(urlPathEqualTo(BASE + "/auth/credentials"))
        .withRequestBody(equalToJson("{\"UserName\":\"integration\",\"Password\":\"" + PASSWORD + "\",\"RememberMe\":true}")));
  }

  @Test
  void search_sendsPagingModifiedSinceAndSorts_inPascalCase() {
    wm.stubFor(get(urlPathEqualTo(BASE + "/Ordering/SalesOrders"))
        .willReturn(okJson(page(Samples.text("cef-native-salesorder.json")))));
    OrderSource orders = ClarityStorefront.of(client).require(OrderSource.class);
    List<RawRecord> read = new ArrayList<>();
    try (RecordStream s = orders.read(Cursor.of("2024-05-14T15:42:09Z|10045"))) {
      s.forEachRemaining(read::add);
    }
    assertThat(read).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("CS-100045");
      assertThat(r.position().value()).isEqualTo("2024-05-14T15:42:09Z|10045");
    });
    wm.verify(getRequestedFor(urlPathEqualTo(BASE + "/Ordering/SalesOrders"))
        .withQueryParam("Paging", equalTo("{StartIndex:1,Size:50}"))
        .withQueryParam("ModifiedSince", equalTo("2024-05-14T15:42:04Z"))
        .withQueryParam("Sorts", equalTo("[{Name:UpdatedDate,Direction:Ascending},{Name:ID,Direction:Ascending}]")));
  }

  @Test
  void actionSucceededFalse_onHttp200_isAFailure_withCefMessages() {
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-100045").willReturn(okJson(Samples.text("cef-native-salesorder.json"))));
    wm.stubFor(patch(urlPathEqualTo(BASE + "/Ordering/SalesOrder/Void/10045")).willReturn(okJson(
        "{\"ActionSucceeded\":false,\"Messages\":[\"Cannot void an order with captured payments\"]}")));
    OrderStatusSink sink = ClarityStorefront.of(client).require(OrderStatusSink.class);
    assertThatThrownBy(() -> sink.write(new OrderStatusUpdate("CS-100045", null, OrderStatus.CANCELED, null, null, false),
        IdempotencyKey.of(SystemId.DYNAMICS_SL, "order", "CS-100045", "cancel")))
        .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.status()).hasValue(200);
          assertThat(e.remoteCode()).contains("ActionSucceeded=false");
          assertThat(e.getMessage()).contains("PATCH " + BASE + "/Ordering/SalesOrder/Void/10045")
              .contains("[CS-100045]").contains("Cannot void an order with captured payments");
        });
  }

  @Test
  void workflowRoute_isSkippedWhenTheOrderIsAlreadyThere_andSentOtherwise() {
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-100045").willReturn(okJson(Samples.text("cef-native-salesorder.json"))));
    wm.stubFor(patch(urlPathEqualTo(BASE + "/Ordering/SalesOrder/Confirm/10045")).willReturn(okJson(
        "{\"ActionSucceeded\":true,\"Messages\":[]}")));
    OrderStatusSink sink = ClarityStorefront.of(client).require(OrderStatusSink.class);
    IdempotencyKey key = IdempotencyKey.of(SystemId.DYNAMICS_SL, "order", "CS-100045", "status");
    assertThat(sink.write(new OrderStatusUpdate("CS-100045", null, OrderStatus.PENDING, null, null, false), key)
        .outcome()).isEqualTo(WriteResult.Outcome.UNCHANGED);
    assertThat(sink.lookup(new OrderStatusUpdate("CS-100045", null, OrderStatus.PENDING, null, null, false), key))
        .isPresent();
    assertThat(sink.write(new OrderStatusUpdate("CS-100045", null, OrderStatus.PROCESSING, null, null, false), key)
        .outcome()).isEqualTo(WriteResult.Outcome.UPDATED);
    wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
        urlPathEqualTo(BASE + "/Ordering/SalesOrder/Confirm/10045")));
  }

  @Test
  void responseStatusWithFieldErrors_isAnInvalidRecordNamingTheFields() {
    wm.stubFor(post(BASE + "/Shipping/Shipment/Upsert").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ResponseStatus\":{\"ErrorCode\":\"ValidationException\",\"Message\":\"Validation failed\","
            + "\"Errors\":[{\"ErrorCode\":\"MaximumLength\",\"FieldName\":\"TrackingNumber\",\"Message\":\"too long\"}]}}")));
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-100045").willReturn(okJson(Samples.text("cef-native-salesorder.json"))));
    var shipment = io.commercesync.core.model.Shipment.builder().orderNumber("CS-100045")
        .ref(io.commercesync.core.model.ExternalRef.of(SystemId.DYNAMICS_SL, "WS000871")).addTrackingNumber("1Z").build();
    assertThatThrownBy(() -> ClarityStorefront.of(client).require(io.commercesync.core.spi.ShipmentSink.class)
        .write(shipment, IdempotencyKey.of(SystemId.DYNAMICS_SL, "shipment", "WS000871", "ship")))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
          assertThat(e.recordSystem()).isEqualTo(SystemId.CLARITY);
          assertThat(e.recordId()).contains("WS000871");
          assertThat(e.violations()).extracting(Object::toString)
              .containsExactly("TrackingNumber: too long [MaximumLength]");
        });
  }

  @Test
  void expiredSession_isRenewedOnce_andARefusedLoginIsTypedWithoutThePassword() {
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-1").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(401)).willSetStateTo("again"));
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-1").inScenario("s").whenScenarioStateIs("again")
        .willReturn(okJson(Samples.text("cef-native-salesorder.json"))));
    assertThat(client.order("CS-1")).isPresent();
    wm.verify(2, postRequestedFor(urlPathEqualTo(BASE + "/auth/credentials")));

    wm.stubFor(post(BASE + "/auth/credentials").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"ResponseStatus\":{\"ErrorCode\":\"Unauthorized\",\"Message\":\"Invalid UserName or Password\"}}")));
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-2").willReturn(aResponse().withStatus(401)));
    assertThatThrownBy(() -> client.order("CS-2")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.getMessage()).contains("Invalid UserName or Password").doesNotContain(PASSWORD).doesNotContain("sess-1");
      assertThat(e.retryable()).isFalse();
    });
  }

  @Test
  void basicAuth_sendsTheHeaderOnEveryCall_andNeverLogsIn() {
    ClarityClient basic = ClarityClient.builder().baseUrl(wm.baseUrl()).allowInsecureHttp(true)
        .auth(ClarityAuth.basic("integration", Secret.of(PASSWORD))).build();
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-100045").willReturn(okJson(Samples.text("cef-native-salesorder.json"))));
    assertThat(basic.order("CS-100045")).isPresent();
    wm.verify(getRequestedFor(urlPathEqualTo(BASE + "/Ordering/SalesOrder/Key/CS-100045"))
        .withHeader("Authorization", equalTo("Basic " + java.util.Base64.getEncoder()
            .encodeToString(("integration:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    wm.verify(0, postRequestedFor(urlPathEqualTo(BASE + "/auth/credentials")));
    assertThat(basic.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void missingOrder_isEmpty_evenWhenCefAnswersNullOr204() {
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-0").willReturn(aResponse().withStatus(204)));
    wm.stubFor(get(BASE + "/Ordering/SalesOrder/Key/CS-404").willReturn(aResponse().withStatus(404)));
    assertThat(client.order("CS-0")).isEmpty();
    assertThat(client.order("CS-404")).isEmpty();
  }
}
