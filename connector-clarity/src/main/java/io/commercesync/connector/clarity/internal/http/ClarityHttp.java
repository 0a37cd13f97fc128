package io.commercesync.connector.clarity.internal.http;

import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.SystemId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Clarity API (a dialect's base URL) over the shared {@link HttpTransport}: builds requests, adds
 * credentials, renews them once after a 401, tracks rate-limit headers, and turns non-2xx answers into
 * typed exceptions. It never retries otherwise: the pipeline's resilience layer does, using
 * {@code retryable()} and {@code retryAfter()}.
 */
public final class ClarityHttp {

  private static final Logger LOG = LoggerFactory.getLogger(ClarityHttp.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpTransport transport;
  private final HttpUrl base;
  private final Auth auth;
  private final ErrorTranslator errors;
  private final RateLimitTracker rateLimit;

  public ClarityHttp(HttpTransport transport, HttpUrl base, Auth auth, ErrorTranslator errors, RateLimitTracker rateLimit) {
    this.transport = transport;
    this.base = base;
    this.auth = auth;
    this.errors = errors;
    this.rateLimit = rateLimit;
  }

  /** A URL under the API base: {@code url("Ordering", "SalesOrder", "ID", "10045")}; segments are encoded. */
  public HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder b = base.newBuilder();
    for (String s : segments) {
      b.addPathSegment(s);
    }
    return b;
  }

  public RateLimitTracker rateLimit() {
    return rateLimit;
  }

  /** One call to make. */
  public static final class Call {
    final String method;
    final HttpUrl url;
    byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();
    String entity = "record";
    String recordKey;
    boolean allow404;

    private Call(String method, HttpUrl url) {
      this.method = method;
      this.url = url;
    }

    public static Call get(HttpUrl url) {
      return new Call("GET", url);
    }

    public static Call of(String method, HttpUrl url, byte[] jsonBody) {
      Call c = new Call(method, url);
      c.body = jsonBody;
      return c;
    }

    /** The record the call is about, named in every error. */
    public Call record(String entity, String key) {
      this.entity = entity;
      this.recordKey = key;
      return this;
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /**
     * Sends {@code Idempotency-Key}: a name-based UUID of the effect's key and this call's method and
     * path, so a retried call repeats its key (and gets the first answer replayed) while a different
     * call for the same effect (a PUT after the POST) gets its own.
     */
    public Call idempotency(io.commercesync.core.pipeline.IdempotencyKey key) {
      String seed = key.value() + "\n" + operation();
      return header("Idempotency-Key",
          java.util.UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    /** A 404 is an answer (empty), not an error. */
    public Call allow404() {
      this.allow404 = true;
      return this;
    }

    /** The key of the record the call is about, or null. */
    public String recordKey() {
      return recordKey;
    }

    public String operation() {
      return method + " " + url.encodedPath();
    }
  }

  /**
   * Sends {@code call}. Returns the answer for 2xx (and 404 when allowed).
   *
   * @throws CommerceSyncException typed by the dialect's error body and the status
   */
  public HttpResult send(Call call) {
    rateLimit.beforeCall(call.operation(), call.recordKey);
    HttpResult result = execute(call);
    if (result.status() == 401 && auth.renew()) {
      LOG.debug("system=clarity op=\"{}\" status=401 action=renew-credentials", call.operation());
      result = execute(call);
    }
    if (result.status() == 404 && call.allow404) {
      return result;
    }
    if (!result.successful()) {
      throw errors.translate(result, call.operation(), call.entity, call.recordKey);
    }
    return result;
  }

  /** {@link #send} and decode the body as {@code type}; empty on an allowed 404. */
  public <T> Optional<T> send(Call call, JsonCodec codec, Class<T> type) {
    HttpResult result = send(call);
    if (result.status() == 404) {
      return Optional.empty();
    }
    return Optional.ofNullable(read(result, codec, type, call));
  }

  /**
   * Decodes an answer's body. A body that does not decode as the expected envelope is a garbled answer,
   * not a bad record: a retryable transport error naming the endpoint.
   */
  public <T> T read(HttpResult result, JsonCodec codec, Class<T> type, Call call) {
    try {
      return codec.read(result.body(), type, call.entity + " response");
    } catch (InvalidRecordException e) {
      throw RemoteSystemException.builder(SystemId.CLARITY, call.operation()).status(result.status())
          .recordKey(call.recordKey)
          .remoteMessage("unreadable response body: " + e.violations().get(0))
          .cause(e)
          .buildTransport(false);
    }
  }

  private HttpResult execute(Call call) {
    Request.Builder b = new Request.Builder().url(call.url).header("Accept", "application/json");
    if (call.body != null) {
      b.method(call.method, RequestBody.create(call.body, JSON));
    } else if ("POST".equals(call.method) || "PUT".equals(call.method) || "PATCH".equals(call.method)) {
      b.method(call.method, RequestBody.create(new byte[0], JSON));
    } else {
      b.method(call.method, null);
    }
    call.headers.forEach(b::header);
    Request request = auth.authorize(b.build());
    HttpResult result = transport.execute(request, call.recordKey);
    rateLimit.record(result);
    LOG.debug("system=clarity op=\"{}\" key={} status={}", call.operation(), call.recordKey, result.status());
    return result;
  }
}
