package io.commercesync.connector.magento.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.MagentoAuth;
import io.commercesync.connector.magento.StoreScope;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.SystemId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one Magento call: builds the URL from the base URL, the explicit store scope and the route,
 * authorizes it, renews credentials once on a 401, and turns every non-2xx answer into a typed
 * {@link RemoteSystemException} built from Magento's error body (placeholders filled, {@code errors[]}
 * appended) with the operation, status and record key. Never retries anything else: that is the
 * pipeline's resilience layer. Thread-safe.
 */
public final class MagentoHttp {

  private static final Logger LOG = LoggerFactory.getLogger(MagentoHttp.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final String baseUrl;
  private final HttpTransport transport;
  private final JsonCodec codec;
  private final Duration rateLimitBackoff;
  private volatile Authenticator auth;

  /**
   * @param baseUrl {@code https://shop.example.com} (a path prefix is kept), without a trailing slash
   * @param rateLimitBackoff the wait reported on a 429 without {@code Retry-After} (Fastly's tarpit)
   */
  public MagentoHttp(String baseUrl, HttpTransport transport, JsonCodec codec, Duration rateLimitBackoff) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.rateLimitBackoff = Objects.requireNonNull(rateLimitBackoff, "rateLimitBackoff");
  }

  /** Sets how requests are authorized; called once while the client is built. */
  public void authenticator(Authenticator authenticator) {
    this.auth = Objects.requireNonNull(authenticator, "authenticator");
  }

  public Authenticator authenticator() {
    return auth;
  }

  public JsonCodec codec() {
    return codec;
  }

  public HttpTransport transport() {
    return transport;
  }

  /** {@code /rest/<scope>/V1} + each segment, percent-encoded as one path segment (a sku with {@code /}). */
  public static String path(StoreScope scope, String route, String... segments) {
    StringBuilder p = new StringBuilder(scope.restPrefix()).append("/V1/").append(route);
    for (String s : segments) {
      p.append('/').append(OAuth1Signer.encode(s));
    }
    return p.toString();
  }

  /** {@code /rest/<scope>/async/bulk/V1/<route>}. */
  public static String bulkPath(StoreScope scope, String route) {
    return scope.bulkPrefix() + "/V1/" + route;
  }

  /**
   * Sends {@code method path?query} with {@code body} (encoded as JSON; null for none) and returns the
   * 2xx answer.
   *
   * @throws RemoteSystemException (or a subtype) for any other answer or none
   */
  public HttpResult send(String method, String path, String query, Object body, String recordKey) {
    Request request = build(method, path, query, body);
    String operation = HttpTransport.operation(request);
    HttpResult result = transport.execute(auth.authorize(request), recordKey);
    if (result.status() == 401 && auth.renewAfterUnauthorized()) {
      LOG.debug("system=magento op=\"{}\" status=401 action=renew-once auth={}", operation, auth.mode());
      result = transport.execute(auth.authorize(request), recordKey);
      if (result.status() == 401) {
        throw error(result, operation, recordKey, "refused after one credential renewal (auth " + auth.mode()
            + ")");
      }
    }
    LOG.debug("system=magento op=\"{}\" status={} key={}", operation, result.status(), recordKey);
    if (!result.successful()) {
      throw error(result, operation, recordKey,
          result.status() == 401 ? "refused (auth " + auth.mode() + ", not renewable)" : null);
    }
    return result;
  }

  /** Sends the request and decodes the 2xx body as {@code type}. */
  public <T> T call(String method, String path, String query, Object body, String recordKey, Class<T> type,
      String entity) {
    HttpResult result = send(method, path, query, body, recordKey);
    return decode(result, type, entity, operation(method, path), recordKey);
  }

  /** Sends the request and decodes the 2xx body as a JSON array of {@code type}. */
  public <T> List<T> callList(String method, String path, String query, Object body, String recordKey,
      Class<T> type, String entity) {
    HttpResult result = send(method, path, query, body, recordKey);
    byte[] bytes = requireBody(result, operation(method, path), recordKey);
    try {
      return codec.readList(bytes, type, entity);
    } catch (InvalidRecordException e) {
      throw garbled(e, result, operation(method, path), recordKey, entity);
    }
  }

  /**
   * Decodes a 2xx body. A body that does not parse at all (malformed, cut short, empty) is a retryable
   * transport failure naming the operation and record; a body that parses but does not fit is an invalid
   * record of {@code entity}.
   */
  public <T> T decode(HttpResult result, Class<T> type, String entity, String operation, String recordKey) {
    byte[] bytes = requireBody(result, operation, recordKey);
    try {
      T value = codec.read(bytes, type, entity);
      if (value == null) {
        throw emptyBody(result, operation, recordKey);
      }
      return value;
    } catch (InvalidRecordException e) {
      throw garbled(e, result, operation, recordKey, entity);
    }
  }

  private RuntimeException garbled(InvalidRecordException e, HttpResult result, String operation,
      String recordKey, String entity) {
    boolean syntax = e.violations().stream().anyMatch(v -> v.rule().equals(FieldViolation.RULE_SYNTAX));
    if (syntax) {
      return RemoteSystemException.builder(SystemId.MAGENTO, operation)
          .status(result.status())
          .recordKey(recordKey)
          .remoteMessage("malformed or truncated " + entity + " response body: " + e.violations().get(0))
          .cause(e)
          .buildTransport(false);
    }
    return e.relabel(SystemId.MAGENTO, entity, recordKey, null);
  }

  private byte[] requireBody(HttpResult result, String operation, String recordKey) {
    if (result.body().length == 0) {
      throw emptyBody(result, operation, recordKey);
    }
    return result.body();
  }

  private RemoteSystemException emptyBody(HttpResult result, String operation, String recordKey) {
    return RemoteSystemException.builder(SystemId.MAGENTO, operation)
        .status(result.status())
        .recordKey(recordKey)
        .remoteMessage("empty response body where JSON was expected")
        .buildTransport(false);
  }

  /** {@code GET /rest/default/V1/orders}: for error messages built outside {@link #send}. */
  public static String operation(String method, String path) {
    return method + " " + path;
  }

  private Request build(String method, String path, String query, Object body) {
    String url = baseUrl + path + (query == null || query.isEmpty() ? "" : "?" + query);
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("not a valid URL: " + baseUrl + path);
    }
    RequestBody requestBody = body == null
        ? (method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0], JSON))
        : RequestBody.create(body instanceof byte[] raw ? raw : codec.write(body), JSON);
    return new Request.Builder().url(parsed).method(method, requestBody)
        .header("Accept", "application/json").build();
  }

  private RemoteSystemException error(HttpResult result, String operation, String recordKey, String authNote) {
    MagentoErrors.Parsed parsed = MagentoErrors.parse(codec, result.body());
    RemoteSystemException.Builder b = transport.errorFor(result, operation, recordKey);
    String message = parsed.message();
    if (authNote != null) {
      message = (message == null ? "" : message + " ") + "[credentials " + authNote + "]";
    }
    b.remoteMessage(message).remoteCode(parsed.code());
    if (result.status() == 429 && result.header("Retry-After").isEmpty()) {
      // Fastly answers 429 without Retry-After and tarpits the client for ~5 s (Adobe KB ka-27428)
      b.retryAfter(rateLimitBackoff);
    }
    return HttpTransport.classify(result, b);
  }

  /**
   * {@code POST /rest/<scope>/V1/integration/admin/token} with {@code {"username","password"}}: returns
   * the token (a JSON string). Under 2FA Magento refuses with {@code Please use the 2fa provider-specific
   * endpoints to obtain a token.}; that, like wrong credentials, is an authentication error naming the
   * user, never the password.
   */
  public String fetchAdminToken(StoreScope scope, MagentoAuth.AdminToken credentials) {
    String path = path(scope, "integration/admin/token");
    Map<String, String> body = Map.of("username", credentials.username(),
        "password", credentials.password().reveal());
    Request request = build("POST", path, null, body);
    String operation = HttpTransport.operation(request);
    HttpResult result = transport.execute(request, "admin user " + credentials.username());
    if (!result.successful()) {
      throw error(result, operation, "admin user " + credentials.username(), null);
    }
    JsonNode token = decode(result, JsonNode.class, "admin token", operation, null);
    if (!token.isTextual() || token.asText().isBlank()) {
      throw RemoteSystemException.builder(SystemId.MAGENTO, operation).status(result.status())
          .remoteMessage("the token endpoint did not answer a JSON string").buildTransport(false);
    }
    return token.asText();
  }
}
