package io.commercesync.connector.clarity.internal.http;

import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.internal.dto.cef.CefAuthRequest;
import io.commercesync.connector.clarity.internal.dto.cef.CefAuthResponse;
import io.commercesync.connector.clarity.internal.dto.cef.CefErrorBody;
import io.commercesync.connector.clarity.internal.mapping.ClarityCodecs;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.security.Secret;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ServiceStack credentials session (reference §2.2 [C]): {@code POST /auth/{provider}} with
 * {@code { UserName, Password, RememberMe }} answers {@code { SessionId, UserName, … }}; every call then
 * carries {@code X-ss-id: <SessionId>} (a header in CEF's CORS allow-list [C]; its use as the session
 * carrier is ServiceStack's [I]). Logged in lazily; after a 401 the session is dropped and the next call
 * logs in again, once.
 */
public final class SessionAuth implements Auth {

  private static final Logger LOG = LoggerFactory.getLogger(SessionAuth.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final ClarityAuth.Session credentials;
  private final HttpTransport transport;
  private final HttpUrl loginUrl;
  private Secret sessionId;

  public SessionAuth(ClarityAuth.Session credentials, HttpTransport transport, HttpUrl apiBase) {
    this.credentials = credentials;
    this.transport = transport;
    this.loginUrl = apiBase.newBuilder().addPathSegment("auth").addPathSegment(credentials.provider()).build();
  }

  @Override
  public Request authorize(Request request) {
    return request.newBuilder().header("X-ss-id", session().reveal()).build();
  }

  @Override
  public synchronized boolean renew() {
    sessionId = null;
    return true;
  }

  private synchronized Secret session() {
    if (sessionId == null) {
      sessionId = login();
    }
    return sessionId;
  }

  private Secret login() {
    byte[] body = ClarityCodecs.CEF.write(new CefAuthRequest(credentials.userName(),
        credentials.password().reveal(), Boolean.TRUE));
    Request request = new Request.Builder().url(loginUrl).post(RequestBody.create(body, JSON))
        .header("Accept", "application/json").build();
    String operation = HttpTransport.operation(request);
    HttpResult result = transport.execute(request, null);
    if (!result.successful()) {
      RemoteSystemException.Builder error = transport.errorFor(result, operation, null);
      try {
        CefErrorBody e = ClarityCodecs.CEF.read(result.body(), CefErrorBody.class, "auth response");
        if (e.responseStatus() != null) {
          error.remoteCode(e.responseStatus().errorCode()).remoteMessage(e.responseStatus().message());
        } else if (e.message() != null) {
          error.remoteMessage(e.message());
        }
      } catch (InvalidRecordException ignored) {
        // no readable body: the status says enough
      }
      if (result.status() == 400 || result.status() == 401 || result.status() == 403) {
        throw error.buildAuthentication();
      }
      throw HttpTransport.classify(result, error);
    }
    String id = null;
    try {
      CefAuthResponse response = ClarityCodecs.CEF.read(result.body(), CefAuthResponse.class, "auth response");
      id = response.sessionId();
    } catch (InvalidRecordException ignored) {
      // fall back to the cookie
    }
    if (id == null || id.isBlank()) {
      id = result.headers().getOrDefault("set-cookie", java.util.List.of()).stream()
          .filter(c -> c.startsWith("ss-id=")).map(c -> c.substring(6, c.contains(";") ? c.indexOf(';') : c.length()))
          .findFirst().orElse(null);
    }
    if (id == null || id.isBlank()) {
      throw RemoteSystemException.builder(transport.system(), operation).status(result.status())
          .remoteMessage("the authentication answer carried no SessionId").buildAuthentication();
    }
    LOG.debug("system=clarity auth=session provider={} user={} renewed=true", credentials.provider(),
        credentials.userName());
    return Secret.of(id);
  }

  @Override
  public String toString() {
    return "SessionAuth[provider=" + credentials.provider() + ", user=" + credentials.userName() + "]";
  }
}
