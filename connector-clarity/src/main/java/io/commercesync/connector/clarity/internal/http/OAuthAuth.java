package io.commercesync.connector.clarity.internal.http;

import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.internal.dto.v1.V1Problem;
import io.commercesync.connector.clarity.internal.dto.v1.V1Token;
import io.commercesync.connector.clarity.internal.mapping.ClarityCodecs;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.security.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4; reference §4.4 [P]): {@code POST /oauth/token} with HTTP
 * Basic client authentication and {@code grant_type=client_credentials&scope=…}. The token is cached
 * and renewed {@code margin} (60 s) before {@code expires_in} runs out, measured on the injected clock;
 * after a 401 it is dropped and fetched again, once. A refused token request is an
 * {@code AuthenticationException} naming the OAuth {@code error}, never the secret.
 */
public final class OAuthAuth implements Auth {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthAuth.class);
  /** When the server omits {@code expires_in}: the reference's example lifetime. */
  private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(3600);

  private final ClarityAuth.OAuth2 credentials;
  private final HttpTransport transport;
  private final HttpUrl tokenUrl;
  private final Clock clock;
  private final Duration margin;
  private Secret token;
  private Instant expiresAt;
  private int fetched;

  public OAuthAuth(ClarityAuth.OAuth2 credentials, HttpTransport transport, HttpUrl tokenUrl, Clock clock,
      Duration margin) {
    this.credentials = credentials;
    this.transport = transport;
    this.tokenUrl = tokenUrl;
    this.clock = clock;
    this.margin = margin;
  }

  @Override
  public Request authorize(Request request) {
    return request.newBuilder().header("Authorization", "Bearer " + token().reveal()).build();
  }

  @Override
  public synchronized boolean renew() {
    token = null;
    return true;
  }

  /** How many tokens were fetched so far (for tests and metrics). */
  public synchronized int tokensFetched() {
    return fetched;
  }

  private synchronized Secret token() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(expiresAt.minus(margin))) {
      fetch(now);
    }
    return token;
  }

  private void fetch(Instant now) {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (credentials.scope() != null && !credentials.scope().isBlank()) {
      form.add("scope", credentials.scope());
    }
    Request request = new Request.Builder().url(tokenUrl).post(form.build())
        .header("Authorization", Credentials.basic(credentials.clientId(), credentials.clientSecret().reveal()))
        .header("Accept", "application/json").build();
    String operation = HttpTransport.operation(request);
    HttpResult result = transport.execute(request, null);
    if (!result.successful()) {
      RemoteSystemException.Builder error = transport.errorFor(result, operation, null);
      describe(result, error);
      if (result.status() == 400 || result.status() == 401 || result.status() == 403) {
        throw error.buildAuthentication();
      }
      throw HttpTransport.classify(result, error);
    }
    V1Token answer;
    try {
      answer = ClarityCodecs.V1.read(result.body(), V1Token.class, "token response");
    } catch (InvalidRecordException e) {
      throw RemoteSystemException.builder(transport.system(), operation).status(result.status())
          .remoteMessage("unreadable token response: " + e.violations().get(0)).buildTransport(false);
    }
    if (answer.accessToken() == null || answer.accessToken().isBlank()) {
      throw RemoteSystemException.builder(transport.system(), operation).status(result.status())
          .remoteMessage("the token response carried no access_token").buildAuthentication();
    }
    Duration lifetime = answer.expiresIn() == null || answer.expiresIn() <= 0 ? DEFAULT_LIFETIME
        : Duration.ofSeconds(answer.expiresIn());
    token = Secret.of(answer.accessToken());
    expiresAt = now.plus(lifetime);
    fetched++;
    LOG.debug("system=clarity auth=oauth2 client={} expiresAt={}", credentials.clientId(), expiresAt);
  }

  /** Reads RFC 6749 §5.2 {@code error}/{@code error_description}, or a problem body. */
  private static void describe(HttpResult result, RemoteSystemException.Builder error) {
    try {
      V1Token e = ClarityCodecs.V1.read(result.body(), V1Token.class, "token error");
      if (e.error() != null) {
        error.remoteCode(e.error()).remoteMessage(e.errorDescription() != null ? e.errorDescription() : e.error());
        return;
      }
      V1Problem p = ClarityCodecs.V1.read(result.body(), V1Problem.class, "token error");
      error.remoteCode(p.code()).remoteMessage(p.detail() != null ? p.detail() : p.title()).requestId(p.requestId());
    } catch (InvalidRecordException ignored) {
      // no readable body: the status says enough
    }
  }

  @Override
  public String toString() {
    return "OAuthAuth[client=" + credentials.clientId() + ", token=******]";
  }
}
