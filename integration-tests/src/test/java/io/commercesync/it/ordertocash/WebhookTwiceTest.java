package io.commercesync.it.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.commercesync.connector.clarity.webhook.ClarityWebhookReceiver;
import io.commercesync.connector.clarity.webhook.JdkWebhookHandler;
import io.commercesync.connector.clarity.webhook.WebhookTrigger;
import io.commercesync.connector.clarity.webhook.WebhookVerifier;
import io.commercesync.connector.magento.MagentoOrderWebhook;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.clarity.WebhookOutbox;
import io.commercesync.testkit.demo.DemoWorld;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The same webhook delivered twice is processed once: Clarity's signed webhook sent by the simulator's
 * outbox to a real HTTP endpoint, and Adobe Commerce's order webhook handed to Magento's entry point. Both
 * go on to the orders flow, which puts the order into the ERP once.
 */
class WebhookTwiceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void claritySignedWebhook_deliveredTwice_isProcessedOnce_andTheOrderReachesSlOnce() throws Exception {
    String secret = "whsec_demo_" + System.nanoTime();
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    try (DemoWorld world = DemoWorld.builder().seed(31).orders(6).start();
        Pairs pairs = new Pairs(world);
        StateStore store = StateStore.inMemory()) {
      SyncFlow orders = Flows.ordersToErp(pairs.clarity, pairs.sl, pairs.options(Pairs.Pair.CLARITY_SL, store));
      List<RunReport> processed = new CopyOnWriteArrayList<>();
      ClarityWebhookReceiver receiver = ClarityWebhookReceiver.builder()
          .verifier(WebhookVerifier.builder().secret(Secret.of(secret)).clock(world.clarity().clock()).build())
          .receivedEvents(store.receivedEvents())
          .build();
      WebhookTrigger trigger = WebhookTrigger.builder()
          .orders(pairs.clarity.require(OrderSource.class))
          .then((event, record) -> processed.add(orders.process(record.key())))
          .build();
      http.createContext("/hooks/clarity", new JdkWebhookHandler(receiver, trigger, Runnable::run));
      http.setExecutor(Executors.newSingleThreadExecutor());
      http.start();
      WebhookOutbox outbox = world.clarity().webhooks()
          .target(URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/hooks/clarity"), secret);
      // a new order placed on the storefront: Clarity sends order.created
      JsonNode template = JSON.readTree(world.clarity().orderJson("CS-100045").orElseThrow());
      String number = "CS-200777";
      ((com.fasterxml.jackson.databind.node.ObjectNode) template).put("orderNumber", number).put("orderId", "ord_20777")
          .remove("status");
      world.clarity().addOrder(template.toString());
      assertThat(outbox.pending()).singleElement().satisfies(d -> assertThat(d.type()).isEqualTo("order.created"));
      String id = outbox.pending().get(0).id();

      List<WebhookOutbox.Sent> first = outbox.deliverAll();
      WebhookOutbox.Sent second = outbox.redeliver(id);   // the same delivery again, e.g. after a timeout

      assertThat(first).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(200));
      assertThat(second.status()).isEqualTo(200);
      assertThat(processed).as("the order was read and sent once").hasSize(1);
      assertThat(processed.get(0).written()).isEqualTo(1);
      assertThat(world.sl().ordersPerCustOrdNbr()).containsEntry(number, 1);
      // the poller finds it too, and does not send it again
      RunReport poll = orders.runOnce();
      assertThat(world.sl().ordersPerCustOrdNbr()).containsEntry(number, 1);
      assertThat(poll.written() + poll.duplicatesPrevented() + poll.skipped() + poll.deadLettered()).isEqualTo(poll.read());
    } finally {
      http.stop(0);
    }
  }

  @Test
  void magentoOrderWebhook_deliveredTwice_isProcessedOnce_andTheOrderReachesGpOnce() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    try (DemoWorld world = DemoWorld.builder().seed(32).orders(6).start();
        StateStore store = StateStore.inMemory();
        Pairs pairs = new Pairs(world, pem, store.receivedEvents())) {
      SyncFlow orders = Flows.ordersToErp(pairs.magento, pairs.gp, pairs.options(Pairs.Pair.MAGENTO_GP, store));
      DemoWorld.DemoOrder order = world.orders(DemoWorld.Storefront.MAGENTO).stream()
          .filter(DemoWorld.DemoOrder::expectedInErp).findFirst().orElseThrow();
      byte[] body = ("{\"eventName\":\"observer.sales_order_save_after\",\"data\":{\"order\":{\"increment_id\":\""
          + order.number() + "\",\"state\":\"new\"}}}").getBytes(StandardCharsets.UTF_8);
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(Base64.getEncoder().encodeToString(body).getBytes(StandardCharsets.US_ASCII));
      String signature = Base64.getEncoder().encodeToString(rsa.sign());
      MagentoOrderWebhook hook = pairs.magento.orderWebhook();
      int processed = 0;

      for (int delivery = 0; delivery < 2; delivery++) {
        MagentoOrderWebhook.Reply reply = hook.receive(signature, body);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.duplicate()).isEqualTo(delivery == 1);
        if (reply.order().isPresent()) {
          assertThat(orders.process(reply.order().get().key()).written()).isEqualTo(1);
          processed++;
        }
      }

      assertThat(processed).isEqualTo(1);
      assertThat(world.gp().salesOrders(order.number())).isEqualTo(1);
      assertThat(hook.receive(signature.substring(0, signature.length() - 8) + "AAAAAAA=", body).status())
          .as("a bad signature is refused").isEqualTo(401);
      assertThat(world.gp().salesOrders(order.number())).isEqualTo(1);
    }
  }
}
