package io.commercesync.connector.clarity.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityDialect;
import io.commercesync.connector.clarity.ClarityStorefront;
import io.commercesync.connector.clarity.webhook.ClarityWebhookReceiver;
import io.commercesync.connector.clarity.webhook.JdkWebhookHandler;
import io.commercesync.connector.clarity.webhook.WebhookTrigger;
import io.commercesync.connector.clarity.webhook.WebhookVerifier;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.clarity.ClaritySimulator;
import io.commercesync.testkit.clarity.WebhookOutbox;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RELIABILITY scenario 14 — webhooks: a bad signature is rejected and nothing is processed; the same
 * delivery twice, or 72 hours later, is processed once; out-of-order events leave the right final state.
 * End to end: the simulator signs and sends, the JDK HttpServer adapter receives, the trigger reads the
 * order through the API (never from the body).
 */
class Scenario14WebhooksTest {

  static final String SECRET = "whsec_scenario14_secret_value";

  ClaritySimulator sim;
  HttpServer hooks;
  final List<Order> processed = new CopyOnWriteArrayList<>();
  final Map<String, OrderStatus> finalState = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    if (hooks != null) {
      hooks.stop(0);
    }
    if (sim != null) {
      sim.close();
    }
  }

  void start(ClarityDialect dialect) throws Exception {
    sim = ClaritySimulator.start();
    ClarityClient client = ClarityClient.builder().baseUrl(sim.baseUri()).allowInsecureHttp(true).clock(sim.clock())
        .auth(dialect == ClarityDialect.NATIVE ? ClarityAuth.session("integration", Secret.of("integration-password"))
            : ClarityAuth.apiKey(Secret.of("clarity-api-key")))
        .build();
    OrderSource orders = ClarityStorefront.of(client).require(OrderSource.class);
    ClarityWebhookReceiver receiver = ClarityWebhookReceiver.builder()
        .verifier(WebhookVerifier.builder().secret(Secret.of(SECRET)).clock(sim.clock()).build())
        .receivedEvents(StateStore.inMemory().receivedEvents())
        .build();
    WebhookTrigger trigger = WebhookTrigger.builder().orders(orders).then((event, record) -> {
      Order order = orders.decode(record);
      processed.add(order);
      finalState.put(order.number(), order.status());
    }).build();
    hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hooks.createContext("/hooks/clarity", new JdkWebhookHandler(receiver, trigger, Runnable::run));
    hooks.start();
    sim.webhooks().target(URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + "/hooks/clarity"), SECRET);
  }

  String newOrder() {
    return sim.addOrder("{\"orderNumber\":\"CS-700001\",\"customerId\":\"cus_20311\",\"email\":\"maria.lopez@example.com\","
        + "\"orderDate\":\"2024-05-14T15:42:30Z\",\"status\":\"pending\",\"currency\":\"USD\",\"subtotalAmount\":10.00,"
        + "\"discountAmount\":0,\"shippingAmount\":0,\"taxAmount\":0,\"totalAmount\":10.00,"
        + "\"billingAddress\":{\"firstName\":\"Maria\",\"lastName\":\"Lopez\",\"line1\":\"1 Main\",\"city\":\"Austin\","
        + "\"region\":\"TX\",\"postalCode\":\"78701\",\"country\":\"US\"},"
        + "\"lineItems\":[{\"lineId\":\"li_1\",\"sku\":\"GAD-220\",\"name\":\"Gadget 220\",\"quantity\":1,"
        + "\"unitPrice\":10.00,\"taxAmount\":0,\"discountAmount\":0}]}");
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void badSignature_isRejected_andNothingIsProcessed(ClarityDialect dialect) throws Exception {
    start(dialect);
    newOrder();
    WebhookOutbox.Delivery d = sim.webhooks().pending().get(0);
    long ts = sim.clock().instant().getEpochSecond();
    byte[] forged = d.bodyText().replace("\"totalAmount\":10.00", "\"totalAmount\":0.01").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + "/hooks/clarity"))
        .header("X-Clarity-Webhook-Id", d.id()).header("X-Clarity-Event", d.type())
        .header("X-Clarity-Timestamp", Long.toString(ts))
        .header("X-Clarity-Signature", sim.webhooks().sign(ts, d.body()))   // signature of the original body
        .POST(HttpRequest.BodyPublishers.ofByteArray(forged)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(processed).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void sameDeliveryTwice_orSeventyTwoHoursLater_isProcessedOnce(ClarityDialect dialect) throws Exception {
    start(dialect);
    newOrder();
    List<WebhookOutbox.Sent> sent = sim.webhooks().deliverAll();
    String id = sent.get(0).id();
    assertThat(sim.webhooks().redeliver(id).status()).as("duplicate acknowledged").isEqualTo(200);
    sim.clock().advance(Duration.ofHours(72));
    assertThat(sim.webhooks().redeliver(id).status()).as("a re-signed retry 72 h later").isEqualTo(200);
    assertThat(processed).extracting(Order::number).containsExactly("CS-700001");
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void aCapturedDeliveryReplayedSeventyTwoHoursLater_isRefusedAsStale(ClarityDialect dialect) throws Exception {
    start(dialect);
    newOrder();
    WebhookOutbox.Delivery d = sim.webhooks().pending().get(0);
    long signedAt = sim.clock().instant().getEpochSecond();
    String signature = sim.webhooks().sign(signedAt, d.body());
    sim.clock().advance(Duration.ofHours(72));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + hooks.getAddress().getPort() + "/hooks/clarity"))
        .header("X-Clarity-Webhook-Id", "evt_replayed").header("X-Clarity-Event", d.type())
        .header("X-Clarity-Timestamp", Long.toString(signedAt)).header("X-Clarity-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(d.body())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("timestamp outside tolerance");
    assertThat(processed).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void outOfOrderEvents_leaveTheRightFinalState(ClarityDialect dialect) throws Exception {
    start(dialect);
    String number = newOrder();
    sim.clock().advance(Duration.ofSeconds(5));
    sim.setOrderStatus(number, "On Hold");
    sim.clock().advance(Duration.ofSeconds(5));
    sim.setOrderStatus(number, "Confirmed");
    assertThat(sim.webhooks().pending()).extracting(WebhookOutbox.Delivery::type)
        .containsExactly("order.created", "order.updated", "order.updated");
    sim.webhooks().deliverAllReversed();
    assertThat(processed).hasSize(3);
    assertThat(finalState).containsEntry(number, OrderStatus.PROCESSING);
    assertThat(processed).extracting(Order::status).containsOnly(OrderStatus.PROCESSING);
  }
}
