package io.commercesync.connector.clarity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.commercesync.connector.clarity.Samples;
import io.commercesync.core.state.StateStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkWebhookHandlerTest {

  HttpServer server;
  final List<ClarityEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ClarityWebhookReceiver receiver = ClarityWebhookReceiver.builder()
        .verifier(ClarityWebhookReceiverTest.verifier(ClarityWebhookReceiverTest.NEAR_SAMPLE, Samples.WEBHOOK_SECRET))
        .receivedEvents(StateStore.inMemory().receivedEvents())
        .maxBodyBytes(4096)
        .build();
    server.createContext("/hooks/clarity", new JdkWebhookHandler(receiver, events::add, Runnable::run));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  HttpResponse<String> post(byte[] body, Map<String, List<String>> headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/clarity"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((k, vs) -> {
      if (!k.equalsIgnoreCase("Content-Length")) {
        vs.forEach(v -> r.header(k, v));
      }
    });
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signedSample_isAcceptedOnce_andTheListenerSeesOneEvent() throws Exception {
    byte[] body = Samples.bytes("webhook-order-created.json");
    HttpResponse<String> first = post(body, ClarityWebhookReceiverTest.sampleHeaders());
    HttpResponse<String> second = post(body, ClarityWebhookReceiverTest.sampleHeaders());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("accepted");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("duplicate");
    assertThat(events).extracting(ClarityEvent::resourceKey).containsExactly("CS-100045");
  }

  @Test
  void forgedDelivery_gets401_andNothingIsProcessed() throws Exception {
    byte[] body = Samples.text("webhook-order-created.json").replace("CS-100045", "CS-999999").getBytes();
    HttpResponse<String> r = post(body, ClarityWebhookReceiverTest.sampleHeaders());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("bad signature");
    assertThat(events).isEmpty();
  }

  @Test
  void oversizedBody_gets413_andGetIsRefused() throws Exception {
    assertThat(post(new byte[5000], ClarityWebhookReceiverTest.sampleHeaders()).statusCode()).isEqualTo(413);
    HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/clarity")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(events).isEmpty();
  }
}
