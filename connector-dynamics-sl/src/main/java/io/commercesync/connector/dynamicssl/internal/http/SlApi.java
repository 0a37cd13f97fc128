package io.commercesync.connector.dynamicssl.internal.http;

import io.commercesync.connector.dynamicssl.SlApiException;
import io.commercesync.connector.dynamicssl.SlFieldError;
import io.commercesync.connector.dynamicssl.internal.dto.Problem;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the SL REST layer: builds each call (company in {@code X-SL-CpnyID}, credentials,
 * {@code Idempotency-Key} on writes), sends it through {@link HttpTransport} and turns a non-2xx answer
 * into a typed exception, reading the RFC 9457 problem document when there is one. Does not retry,
 * except once after a 401 when the bearer token can be renewed.
 */
public final class SlApi {

  private static final Logger LOG = LoggerFactory.getLogger(SlApi.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl base;
  private final HttpTransport transport;
  private final SlAuth auth;
  private final JsonCodec json;

  public SlApi(URI baseUrl, HttpTransport transport, SlAuth auth, JsonCodec json) {
    HttpUrl parsed = HttpUrl.get(baseUrl.toString());
    this.base = parsed;
    this.transport = Objects.requireNonNull(transport, "transport");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.json = Objects.requireNonNull(json, "json");
  }

  public JsonCodec json() {
    return json;
  }

  /** A call to send. */
  public record Call(
      String method, String path, Map<String, String> query, Object body, String cpnyId,
      IdempotencyKey key, String recordKey) {

    public static Call get(String path, String cpnyId, String recordKey) {
      return new Call("GET", path, new LinkedHashMap<>(), null, cpnyId, null, recordKey);
    }

    public static Call write(String method, String path, Object body, String cpnyId, IdempotencyKey key,
        String recordKey) {
      return new Call(method, path, new LinkedHashMap<>(), body, cpnyId, key, recordKey);
    }

    public Call param(String name, String value) {
      Map<String, String> q = new LinkedHashMap<>(query);
      q.put(name, value);
      return new Call(method, path, q, body, cpnyId, key, recordKey);
    }
  }

  /** Sends {@code call}; returns the 2xx body decoded as {@code type}. */
  public <T> T send(Call call, Class<T> type, String entity) {
    HttpResult result = execute(call);
    return decode(result, call, type, entity);
  }

  /** Sends {@code call}; empty on 404, the decoded body on 2xx. */
  public <T> Optional<T> find(Call call, Class<T> type, String entity) {
    HttpResult result = executeRaw(call);
    if (result.status() == 404) {
      return Optional.empty();
    }
    check(result, call);
    return Optional.of(decode(result, call, type, entity));
  }

  /** Sends {@code call}; the 2xx body decoded as a JSON array of {@code type}. */
  public <T> List<T> list(Call call, Class<T> type, String entity) {
    HttpResult result = execute(call);
    try {
      return json.readList(result.body(), type, entity);
    } catch (InvalidRecordException e) {
      throw garbled(call, result, e);
    }
  }

  private <T> T decode(HttpResult result, Call call, Class<T> type, String entity) {
    try {
      return json.read(result.body(), type, entity);
    } catch (InvalidRecordException e) {
      throw garbled(call, result, e);
    }
  }

  /** A 2xx body we cannot read: the call may have been applied, so it is a retryable transport error. */
  private RemoteSystemException garbled(Call call, HttpResult result, InvalidRecordException e) {
    return RemoteSystemException.builder(SystemId.DYNAMICS_SL, call.method() + " " + call.path())
        .status(result.status())
        .recordKey(call.recordKey())
        .remoteMessage("unreadable response body: " + e.getMessage())
        .cause(e)
        .buildTransport(false);
  }

  private HttpResult execute(Call call) {
    HttpResult result = executeRaw(call);
    check(result, call);
    return result;
  }

  private HttpResult executeRaw(Call call) {
    HttpResult result = transport.execute(request(call), call.recordKey());
    if (result.status() == 401 && auth.renewable()) {
      LOG.debug("system=dynamics-sl op=\"{} {}\" renewing bearer token after 401", call.method(), call.path());
      auth.invalidate();
      result = transport.execute(request(call), call.recordKey());
    }
    LOG.debug("system=dynamics-sl op=\"{} {}\" cpny={} key={} status={}", call.method(), call.path(),
        call.cpnyId(), call.recordKey(), result.status());
    return result;
  }

  private Request request(Call call) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : call.path().replaceFirst("^/", "").split("/")) {
      url.addPathSegment(segment);
    }
    call.query().forEach((k, v) -> {
      if (v != null) {
        url.addQueryParameter(k, v);
      }
    });
    if (call.cpnyId() != null) {
      url.setQueryParameter("CpnyID", call.cpnyId());
    }
    Request.Builder b = new Request.Builder().url(url.build()).header("Accept", "application/json");
    if (call.cpnyId() != null) {
      b.header("X-SL-CpnyID", call.cpnyId());
    }
    if (call.key() != null) {
      b.header("Idempotency-Key", call.key().value());
    }
    auth.apply(b);
    RequestBody body = call.body() == null ? null : RequestBody.create(json.write(call.body()), JSON);
    if (body == null && !call.method().equals("GET")) {
      body = RequestBody.create(new byte[0], JSON);
    }
    return b.method(call.method(), body).build();
  }

  private void check(HttpResult result, Call call) {
    if (result.successful()) {
      return;
    }
    String operation = call.method() + " " + call.path();
    RemoteSystemException.Builder builder = transport.errorFor(result, operation, call.recordKey());
    Problem problem = problem(result);
    if (problem == null) {
      String text = result.bodyText();
      builder.remoteMessage(text.length() > 200 ? text.substring(0, 200) + "…" : text);
      throw HttpTransport.classify(result, builder);
    }
    List<SlFieldError> errors = new ArrayList<>();
    if (problem.errors() != null) {
      for (Problem.FieldError e : problem.errors()) {
        errors.add(new SlFieldError(e.pointer(), e.table(), e.column(), e.code(), e.maxLength(),
            e.actualLength(), e.message()));
      }
    }
    if (problem.requestId() != null) {
      builder.requestId(problem.requestId());
    }
    builder.remoteCode(problem.code());
    StringBuilder message = new StringBuilder(problem.title() == null ? "" : problem.title());
    if (problem.detail() != null) {
      message.append(message.length() > 0 ? ": " : "").append(problem.detail());
    }
    for (SlFieldError e : errors) {
      message.append("; ").append(e);
    }
    builder.remoteMessage(message.toString());
    if (result.status() == 409 && "DUPLICATE".equals(problem.code())) {
      throw new DuplicateDetectedException(SystemId.DYNAMICS_SL, call.path(), call.recordKey(),
          problem.detail());
    }
    if ("IDEMPOTENCY_KEY_REUSED".equals(problem.code())) {
      throw new IdempotencyConflictException(SystemId.DYNAMICS_SL,
          call.key() == null ? "" : call.key().value(), problem.detail());
    }
    int status = result.status();
    if (status == 429 || status == 401 || status == 403) {
      throw HttpTransport.classify(result, builder);
    }
    throw new SlApiException(builder, problem.type(), errors);
  }

  private Problem problem(HttpResult result) {
    String type = result.header("Content-Type").orElse("");
    if (!type.contains("json") || result.body().length == 0) {
      return null;
    }
    try {
      Problem p = json.read(result.body(), Problem.class, "problem");
      return p.title() == null && p.code() == null && p.errors() == null ? null : p;
    } catch (InvalidRecordException e) {
      return null;
    }
  }
}
