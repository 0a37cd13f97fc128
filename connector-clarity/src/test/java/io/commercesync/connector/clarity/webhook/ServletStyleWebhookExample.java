package io.commercesync.connector.clarity.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * How to receive Clarity webhooks in a servlet container, without CommerceSync depending on the servlet
 * API: the two interfaces below stand for {@code HttpServletRequest}/{@code HttpServletResponse} (same
 * method names), so the body of {@link #doPost} is what goes into a real {@code HttpServlet}:
 *
 * <pre>{@code
 * public class ClarityWebhookServlet extends HttpServlet {
 *   protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
 *     example.doPost(req::getHeaderNames, req::getHeaders, req.getInputStream(), resp::setStatus);
 *   }
 * }
 * }</pre>
 */
final class ServletStyleWebhookExample {

  /** The parts of {@code HttpServletRequest} the example uses. */
  interface Request {
    Enumeration<String> getHeaderNames();

    Enumeration<String> getHeaders(String name);

    InputStream getInputStream() throws IOException;
  }

  /** The part of {@code HttpServletResponse} the example uses. */
  interface Response {
    void setStatus(int status);
  }

  private final ClarityWebhookReceiver receiver;
  private final WebhookListener listener;
  private final Executor workers;

  ServletStyleWebhookExample(ClarityWebhookReceiver receiver, WebhookListener listener, Executor workers) {
    this.receiver = receiver;
    this.listener = listener;
    this.workers = workers;
  }

  void doPost(Request request, Response response) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      headers.put(name, java.util.Collections.list(request.getHeaders(name)));
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(receiver.maxBodyBytes() + 1);   // the raw bytes, before any parsing
    }
    WebhookResult result = receiver.receive(headers, body);
    if (result instanceof WebhookResult.Accepted accepted) {
      workers.execute(() -> listener.onEvent(accepted.event()));   // answer fast, work later
    }
    response.setStatus(result.httpStatus());
  }
}
