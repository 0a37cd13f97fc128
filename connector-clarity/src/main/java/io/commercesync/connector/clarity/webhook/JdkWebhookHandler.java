package io.commercesync.connector.clarity.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link ClarityWebhookReceiver} on the JDK's own {@code com.sun.net.httpserver.HttpServer}:
 * reads the raw body (refusing more than the receiver's limit without buffering it), answers at once
 * with the result's status, and hands accepted events to the listener on {@code executor}, so the
 * sender is never kept waiting while the order is read.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8085), 0);
 * server.createContext("/hooks/clarity", new JdkWebhookHandler(receiver, trigger, workers));
 * server.start();
 * }</pre>
 */
public final class JdkWebhookHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(JdkWebhookHandler.class);

  private final ClarityWebhookReceiver receiver;
  private final WebhookListener listener;
  private final Executor executor;

  /**
   * @param receiver verifies and de-duplicates
   * @param listener acts on accepted events
   * @param executor runs the listener; {@code Runnable::run} runs it before answering
   */
  public JdkWebhookHandler(ClarityWebhookReceiver receiver, WebhookListener listener, Executor executor) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "POST");
        answer(exchange, 405, "method not allowed");
        return;
      }
      byte[] body = readLimited(exchange.getRequestBody(), receiver.maxBodyBytes());
      if (body == null) {
        answer(exchange, 413, "body too large");
        return;
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
      WebhookResult result = receiver.receive(headers, body);
      String text;
      if (result instanceof WebhookResult.Rejected r) {
        text = r.reason().description();
      } else if (result instanceof WebhookResult.Duplicate) {
        text = "duplicate";
      } else if (result instanceof WebhookResult.Ignored) {
        text = "ignored";
      } else {
        text = "accepted";
      }
      if (result instanceof WebhookResult.Accepted accepted) {
        // handed over before answering: an async executor returns at once, Runnable::run finishes first
        executor.execute(() -> {
          try {
            listener.onEvent(accepted.event());
          } catch (RuntimeException e) {
            // the sender gets its 200 regardless; the poller picks the record up on its next run
            LOG.warn("system=clarity webhook={} listener failed: {}", accepted.event().id(), e.toString());
          }
        });
      }
      answer(exchange, result.httpStatus(), text);
    }
  }

  private static byte[] readLimited(InputStream in, int limit) throws IOException {
    byte[] all = in.readNBytes(limit + 1);
    return all.length > limit ? null : all;
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = ("{\"status\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
