package io.commercesync.benchmarks.jmh;

import com.sun.net.httpserver.HttpServer;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resilience cost: one loopback HTTP call bare, and the same call inside the full policy stack
 * (retry, breaker, rate limiter, bulkhead, timeout) with no faults. Goal: wrapped ≤ 1.05 × bare.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResilienceOverheadBenchmark {

  private static final SystemId SYSTEM = SystemId.of("loopback");
  private HttpServer server;
  private OkHttpClient client;
  private Request request;
  private Resilience resilience;

  @Setup(Level.Trial)
  public void start() throws IOException {
    // without TCP_NODELAY the JDK server's header and body packets meet the client's delayed ACK and every
    // call costs ~40 ms of waiting, which would hide what is measured here
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    client = new OkHttpClient();
    request = new Request.Builder().url("http://127.0.0.1:" + server.getAddress().getPort() + "/ping").build();
    resilience = Resilience.builder()
        .policy(SystemPolicy.builder(SYSTEM).requestsPerSecond(1_000_000).maxConcurrentCalls(64).build())
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    resilience.close();
    server.stop(0);
  }

  private int call() throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.body().bytes().length;
    }
  }

  @Benchmark
  public int bare() throws IOException {
    return call();
  }

  @Benchmark
  public int withPolicies() {
    return resilience.call(SYSTEM, this::call);
  }
}
