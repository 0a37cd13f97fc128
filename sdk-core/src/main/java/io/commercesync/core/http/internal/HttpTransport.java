package io.commercesync.core.http.internal;

import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.error.TransportException;
import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.http.RetryAfter;
import io.commercesync.core.model.SystemId;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Sends one HTTP request for a connector and returns the whole response, or a typed exception:
 * an {@link IOException} (refused, reset, timed out, truncated body) becomes a retryable
 * {@link TransportException} naming the system, the operation and the record; a body bigger than
 * {@link HttpSettings#maxResponseBytes()} is refused without being buffered. Status codes are left to
 * the connector, which knows its system's error body; {@link #errorFor} classifies them.
 *
 * <p>Every client built from {@link #newClient} shares one connection pool and dispatcher, as OkHttp
 * recommends. Thread-safe.
 */
public final class HttpTransport {

  private static final ConnectionPool POOL = new ConnectionPool(32, 5, TimeUnit.MINUTES);
  private static final Dispatcher DISPATCHER = newDispatcher();

  private final SystemId system;
  private final OkHttpClient client;
  private final HttpSettings settings;
  private final Clock clock;

  public HttpTransport(SystemId system, OkHttpClient client, HttpSettings settings, Clock clock) {
    this.system = Objects.requireNonNull(system, "system");
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private static Dispatcher newDispatcher() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(64);
    return dispatcher;
  }

  /**
   * An OkHttp client builder with {@code settings}' timeouts on the shared pool; redirects are not
   * followed (a credential must never follow a redirect to another host) and OkHttp's own silent
   * retry is off (retries are the resilience layer's job, under an idempotency key).
   */
  public static OkHttpClient.Builder newClient(HttpSettings settings) {
    return new OkHttpClient.Builder()
        .connectionPool(POOL)
        .dispatcher(DISPATCHER)
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.readTimeout())
        .writeTimeout(settings.writeTimeout())
        .callTimeout(settings.callTimeout())
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false);
  }

  public SystemId system() {
    return system;
  }

  public Clock clock() {
    return clock;
  }

  /** {@code POST /rest/default/V1/orders}: method and path, never the query (it may hold a token). */
  public static String operation(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  /**
   * Executes {@code request} and reads the whole response.
   *
   * @param recordKey the record the call concerns, for error messages, or null
   * @throws TransportException when no complete response arrives
   * @throws RemoteSystemException when the body is larger than allowed
   */
  public HttpResult execute(Request request, String recordKey) {
    String operation = operation(request);
    Request sent = request.header("User-Agent") == null
        ? request.newBuilder().header("User-Agent", settings.userAgent()).build() : request;
    try (Response response = client.newCall(sent).execute()) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : response.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
      }
      byte[] body = readBody(response.body(), operation, recordKey);
      return new HttpResult(response.code(), headers, body);
    } catch (IOException e) {
      boolean timedOut = e instanceof SocketTimeoutException || e instanceof InterruptedIOException
          || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
      throw RemoteSystemException.builder(system, operation)
          .recordKey(recordKey)
          .remoteMessage(e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : ""))
          .cause(e)
          .buildTransport(timedOut);
    }
  }

  private byte[] readBody(ResponseBody body, String operation, String recordKey) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    long limit = settings.maxResponseBytes();
    long declared = body.contentLength();
    if (declared > limit) {
      throw tooLarge(operation, recordKey, declared);
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (!source.exhausted()) {
      long read = source.read(buffer, 64 * 1024);
      if (read > 0 && buffer.size() > limit) {
        throw tooLarge(operation, recordKey, buffer.size());
      }
    }
    return buffer.readByteArray();
  }

  private RemoteSystemException tooLarge(String operation, String recordKey, long size) {
    return RemoteSystemException.builder(system, operation)
        .recordKey(recordKey)
        .remoteMessage("response body of " + size + " bytes exceeds the limit of "
            + settings.maxResponseBytes() + " bytes")
        .retryable(false)
        .build();
  }

  /**
   * A builder for the error of a non-2xx {@code result}, classified: 429 is rate limiting (with its
   * {@code Retry-After}), 408/5xx are retryable (503 with its {@code Retry-After}), 401/403 are
   * authentication failures, other 4xx are permanent. The connector adds the remote code and message
   * from its system's error body, then calls the matching {@code build…} method — or uses
   * {@link #classify} to do both.
   */
  public RemoteSystemException.Builder errorFor(HttpResult result, String operation, String recordKey) {
    RemoteSystemException.Builder builder = RemoteSystemException.builder(system, operation)
        .status(result.status())
        .recordKey(recordKey)
        .retryable(retryable(result.status()));
    result.header("Retry-After").flatMap(v -> RetryAfter.parse(v, clock)).ifPresent(builder::retryAfter);
    result.header("X-Request-Id").or(() -> result.header("X-Correlation-Id")).ifPresent(builder::requestId);
    return builder;
  }

  /** Builds the right subtype for {@code result}'s status from a builder made by {@link #errorFor}. */
  public static RemoteSystemException classify(HttpResult result, RemoteSystemException.Builder builder) {
    int status = result.status();
    if (status == 429) {
      return builder.buildRateLimited();
    }
    if (status == 401 || status == 403) {
      return builder.buildAuthentication();
    }
    return builder.build();
  }

  /** Whether a status is worth retrying: 408, 425, 429 and every 5xx except 501 and 505. */
  public static boolean retryable(int status) {
    return status == 408 || status == 425 || status == 429
        || (status >= 500 && status != 501 && status != 505);
  }
}
