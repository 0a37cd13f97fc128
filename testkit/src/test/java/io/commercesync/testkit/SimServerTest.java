package io.commercesync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import io.commercesync.testkit.http.SimResponse;
import io.commercesync.testkit.http.SimServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimServerTest {

  private final FaultSchedule faults = FaultSchedule.none();
  private final SimServer server = SimServer.start("test", 0, faults);
  private final AtomicInteger applied = new AtomicInteger();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  SimServerTest() {
    server.route("POST", "/rest/{store}/V1/things", req -> {
      applied.incrementAndGet();
      return SimResponse.rawJson(200, "{\"id\":" + applied.get() + ",\"store\":\"" + req.param("store") + "\"}");
    });
    server.route("GET", "/files/{path*}", req -> SimResponse.rawJson(200, "\"" + req.param("path") + "\""));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post() throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/rest/default/V1/things"))
        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void routes_bindPathParameters_andLogCallsPerTemplate() throws Exception {
    assertThat(post().body()).isEqualTo("{\"id\":1,\"store\":\"default\"}");
    HttpResponse<String> file = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/files/a/b.txt"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(file.body()).isEqualTo("\"a/b.txt\"");
    assertThat(server.log().count("POST", "/rest/{store}/V1/things")).isEqualTo(1);
    HttpResponse<String> missing = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/nope")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void rateLimited_sendsRetryAfter_andDoesNotApply() throws Exception {
    faults.enqueue(Fault.rateLimited("7"));
    HttpResponse<String> r = post();
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).contains("7");
    assertThat(applied).hasValue(0);
  }

  @Test
  void resetAfterCommit_appliesTheWrite_butTheClientGetsNoResponse() {
    faults.enqueue(Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    Throwable t = catchThrowable(this::post);
    assertThat(t).isInstanceOf(IOException.class);
    assertThat(applied).hasValue(1);
  }

  @Test
  void resetBefore_appliesNothing() {
    faults.enqueue(Fault.of(Fault.Kind.RESET_BEFORE));
    assertThat(catchThrowable(this::post)).isInstanceOf(IOException.class);
    assertThat(applied).hasValue(0);
  }

  @Test
  void truncatedBody_failsTheRead() {
    faults.enqueue(Fault.of(Fault.Kind.TRUNCATED_BODY));
    assertThat(catchThrowable(this::post)).isInstanceOf(IOException.class);
    assertThat(applied).hasValue(1);
  }

  @Test
  void slowBody_dribblesOut_chunkByChunk() throws Exception {
    faults.enqueue(Fault.slowBody(Duration.ofMillis(100)));
    long start = System.nanoTime();
    HttpResponse<java.io.InputStream> r = client.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + "/rest/default/V1/things"))
            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    String body;
    try (var in = r.body()) {
      body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(body).isEqualTo("{\"id\":1,\"store\":\"default\"}");
    // 8 chunks, each followed by a 100 ms pause: a client with a 300 ms read timeout would fail
    assertThat(elapsedMs).isGreaterThanOrEqualTo(700);
  }

  @Test
  void seededSchedule_isReproducible() {
    FaultSchedule a = FaultSchedule.seeded(7).rate(0.5).build();
    FaultSchedule b = FaultSchedule.seeded(7).rate(0.5).build();
    FaultSchedule.Call call = new FaultSchedule.Call("x", "GET", "/p");
    for (int i = 0; i < 200; i++) {
      assertThat(a.next(call)).isEqualTo(b.next(call));
    }
    long faulty = java.util.stream.IntStream.range(0, 2000).mapToObj(i -> a.next(call))
        .filter(f -> f.kind() != Fault.Kind.NONE).count();
    assertThat(faulty).isBetween(850L, 1150L);
  }
}
