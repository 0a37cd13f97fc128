package io.commercesync.connector.clarity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.clarity.Samples;
import io.commercesync.core.state.StateStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServletStyleWebhookExampleTest {

  static ServletStyleWebhookExample.Request request(Map<String, List<String>> headers, byte[] body) {
    return new ServletStyleWebhookExample.Request() {
      @Override
      public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(headers.keySet());
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.get(name));
      }

      @Override
      public InputStream getInputStream() {
        return new ByteArrayInputStream(body);
      }
    };
  }

  @Test
  void servletStyleEndpoint_acceptsTheSignedSampleOnce_andRefusesAForgery() throws Exception {
    List<ClarityEvent> events = new CopyOnWriteArrayList<>();
    ServletStyleWebhookExample endpoint = new ServletStyleWebhookExample(ClarityWebhookReceiver.builder()
        .verifier(ClarityWebhookReceiverTest.verifier(ClarityWebhookReceiverTest.NEAR_SAMPLE, Samples.WEBHOOK_SECRET))
        .receivedEvents(StateStore.inMemory().receivedEvents()).build(), events::add, Runnable::run);
    AtomicInteger status = new AtomicInteger();
    byte[] body = Samples.bytes("webhook-order-created.json");
    endpoint.doPost(request(ClarityWebhookReceiverTest.sampleHeaders(), body), status::set);
    assertThat(status.get()).isEqualTo(200);
    endpoint.doPost(request(ClarityWebhookReceiverTest.sampleHeaders(), body), status::set);
    assertThat(status.get()).isEqualTo(200);
    endpoint.doPost(request(ClarityWebhookReceiverTest.sampleHeaders(), "{\"id\":\"evt_x\"}".getBytes()), status::set);
    assertThat(status.get()).isEqualTo(401);
    assertThat(events).extracting(ClarityEvent::id).containsExactly(Samples.WEBHOOK_ID);
  }
}
