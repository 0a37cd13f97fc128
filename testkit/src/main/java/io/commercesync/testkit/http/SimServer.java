package io.commercesync.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP server on the loopback interface that simulators register their routes on. It applies the
 * shared {@link FaultSchedule} to every call (except {@code /_sim/...} routes), records calls in a
 * {@link RequestLog}, and turns a handler's unexpected exception into a 500.
 *
 * <pre>{@code
 * SimServer server = SimServer.start("magento", 0, FaultSchedule.none());
 * server.route("GET", "/rest/{store}/V1/orders/{id}", req -> SimResponse.json(200, order(req.param("id"))));
 * URI base = server.baseUri();
 * }</pre>
 *
 * <p>Route templates use {@code {name}} for one path segment and {@code {name*}} for the rest of the
 * path. Routes are matched in registration order.
 */
public final class SimServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);

  static {
    // The JDK server writes a response's headers and body as two segments; with Nagle on, the body
    // waits for the client's delayed ACK of the headers (about 40 ms per call on Linux), which made a
    // 20,000-call catalogue sync take minutes. Read once, when the first HttpServer is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private record Route(String method, String template, Pattern pattern, List<String> names, SimHandler handler) {}

  private final String system;
  private final HttpServer server;
  private final ExecutorService executor;
  private final FaultSchedule faults;
  private final RequestLog log = new RequestLog(2_000);
  private final List<Route> routes = new java.util.concurrent.CopyOnWriteArrayList<>();

  private SimServer(String system, HttpServer server, ExecutorService executor, FaultSchedule faults) {
    this.system = system;
    this.server = server;
    this.executor = executor;
    this.faults = faults;
  }

  /** Starts a server for {@code system} on 127.0.0.1:{@code port} (0 picks a free port). */
  public static SimServer start(String system, int port, FaultSchedule faults) {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
      AtomicInteger n = new AtomicInteger();
      ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sim-" + system + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      http.setExecutor(executor);
      SimServer sim = new SimServer(system, http, executor, faults);
      http.createContext("/", sim::serve);
      http.start();
      return sim;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the " + system + " simulator on port " + port, e);
    }
  }

  /** Registers {@code handler} for {@code method} on {@code template}. */
  public SimServer route(String method, String template, SimHandler handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = Pattern.compile("\\{([A-Za-z0-9_]+)(\\*?)}").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      names.add(m.group(1));
      regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append("/?$");
    routes.add(new Route(method.toUpperCase(Locale.ROOT), template, Pattern.compile(regex.toString()), names, handler));
    return this;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String system() {
    return system;
  }

  public RequestLog log() {
    return log;
  }

  public FaultSchedule faults() {
    return faults;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    URI uri = exchange.getRequestURI();
    String path = uri.getPath();
    byte[] body;
    try (var in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Route route = null;
    Map<String, String> params = new LinkedHashMap<>();
    boolean pathKnown = false;
    for (Route r : routes) {
      Matcher m = r.pattern().matcher(path);
      if (m.matches()) {
        pathKnown = true;
        if (r.method().equals(method)) {
          route = r;
          for (int i = 0; i < r.names().size(); i++) {
            params.put(r.names().get(i), m.group(i + 1));
          }
          break;
        }
      }
    }
    String template = route == null ? path : route.template();
    if (route == null) {
      SimResponse notFound = SimResponse.rawJson(pathKnown ? 405 : 404,
          "{\"message\":\"Request does not match any route.\"}");
      log.record(new RequestLog.Entry(method, template, path, notFound.status(), "NONE"));
      send(exchange, notFound, Fault.NONE);
      return;
    }
    Fault fault = path.startsWith("/_sim/") ? Fault.NONE
        : faults.next(new FaultSchedule.Call(system, method, path));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    SimRequest request = new SimRequest(method, path, uri.getRawQuery() == null ? "" : uri.getRawQuery(),
        params, SimRequest.parseQuery(uri.getRawQuery()), headers, body);
    SimResponse response;
    if (!fault.applies()) {
      response = faultResponse(fault);
    } else {
      try {
        response = route.handler().handle(request);
      } catch (Exception e) {
        LOG.warn("simulator={} route={} handler failed: {}", system, template, e.toString());
        response = SimResponse.rawJson(500, "{\"message\":\"Internal error in the simulator.\"}");
      }
    }
    log.record(new RequestLog.Entry(method, template, path, response.status(), fault.kind().name()));
    send(exchange, response, fault);
  }

  private static SimResponse faultResponse(Fault fault) {
    return switch (fault.kind()) {
      case RATE_LIMITED -> {
        SimResponse r = SimResponse.rawJson(429, "{\"message\":\"Too Many Requests\"}");
        yield fault.retryAfter() == null ? r : r.withHeader("Retry-After", fault.retryAfter());
      }
      case UNAVAILABLE -> SimResponse.of(503, "text/html",
          "<html><body>503 Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
      case MALFORMED_BODY -> SimResponse.of(200, "application/json",
          "{\"items\": [ {\"sku\": \"A\", \u0000\u0001 garbage".getBytes(StandardCharsets.UTF_8));
      default -> SimResponse.empty(599); // RESET_BEFORE: never sent
    };
  }

  private static void send(HttpExchange exchange, SimResponse response, Fault fault) throws IOException {
    try {
      if (fault.kind() == Fault.Kind.LATENCY) {
        sleep(fault.delay());
      }
      if (fault.kind() == Fault.Kind.RESET_BEFORE || fault.kind() == Fault.Kind.RESET_AFTER_COMMIT) {
        // close without a status line: the client sees the connection end with no response
        exchange.getResponseBody().close();
        exchange.close();
        return;
      }
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      byte[] body = response.body();
      if (fault.kind() == Fault.Kind.TRUNCATED_BODY && body.length > 1) {
        exchange.sendResponseHeaders(response.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // abort: the promised length never arrives
        throw new TruncatedOnPurpose();
      }
      if (fault.kind() == Fault.Kind.SLOW_BODY && body.length > 0) {
        exchange.sendResponseHeaders(response.status(), 0);
        OutputStream out = exchange.getResponseBody();
        int chunk = Math.max(1, body.length / 8);
        for (int i = 0; i < body.length; i += chunk) {
          out.write(body, i, Math.min(chunk, body.length - i));
          out.flush();
          sleep(fault.delay());
        }
        out.close();
        return;
      }
      if (response.status() == 204 || body.length == 0) {
        exchange.sendResponseHeaders(response.status(), -1);
      } else {
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (TruncatedOnPurpose e) {
      // closing the exchange before the promised bytes makes the server drop the connection
      exchange.close();
    } catch (IOException e) {
      // the client went away (timeout): nothing to answer
      exchange.close();
    }
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class TruncatedOnPurpose extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TruncatedOnPurpose() {
      super(null, null, false, false);
    }
  }
}
