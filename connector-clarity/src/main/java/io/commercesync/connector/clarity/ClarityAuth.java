package io.commercesync.connector.clarity;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import java.util.Objects;

/**
 * How a {@link ClarityClient} authenticates. Credentials are {@link Secret}s: no {@code toString()},
 * log line or exception message ever shows them.
 *
 * <table>
 *   <caption>Providers per dialect</caption>
 *   <tr><th>factory</th><th>dialect</th><th>wire</th></tr>
 *   <tr><td>{@link #session}</td><td>native</td><td>{@code POST /auth/{provider}} with
 *       {@code UserName}/{@code Password}, then the {@code SessionId} in {@code X-ss-id}; renewed once on
 *       a 401 (ServiceStack credentials provider, reference §2.2 [C])</td></tr>
 *   <tr><td>{@link #basic}</td><td>native</td><td>{@code Authorization: Basic} on every call
 *       (ServiceStack {@code BasicAuthProvider} [C])</td></tr>
 *   <tr><td>{@link #oauth2}</td><td>v1</td><td>{@code POST /oauth/token} client credentials, HTTP Basic
 *       client auth; token cached, renewed 60 s before expiry and once on a 401 (§4.4 [P])</td></tr>
 *   <tr><td>{@link #apiKey}</td><td>v1</td><td>{@code X-Api-Key} on every call (§4.4 [P])</td></tr>
 * </table>
 *
 * <pre>{@code
 * ClarityAuth auth = ClarityAuth.oauth2("commercesync-prod", Secret.fromEnv("CLARITY_CLIENT_SECRET"),
 *     "orders:read orders:write inventory:write");
 * }</pre>
 */
public sealed interface ClarityAuth
    permits ClarityAuth.Session, ClarityAuth.Basic, ClarityAuth.OAuth2, ClarityAuth.ApiKey {

  /** The dialect this provider belongs to. */
  ClarityDialect dialect();

  /** A ServiceStack credentials session with the default provider name {@code credentials}. */
  static Session session(String userName, Secret password) {
    return new Session("credentials", userName, password);
  }

  /** A ServiceStack credentials session through provider {@code provider} (e.g. {@code credentials}). */
  static Session session(String provider, String userName, Secret password) {
    return new Session(provider, userName, password);
  }

  /** HTTP Basic on every call. */
  static Basic basic(String userName, Secret password) {
    return new Basic(userName, password);
  }

  /** OAuth 2.0 client credentials. */
  static OAuth2 oauth2(String clientId, Secret clientSecret, String scope) {
    return new OAuth2(clientId, clientSecret, scope);
  }

  /** The {@code X-Api-Key} fallback. */
  static ApiKey apiKey(Secret key) {
    return new ApiKey(key);
  }

  /**
   * A native credentials session.
   *
   * @param provider the ServiceStack auth provider name in {@code /auth/{provider}}
   * @param userName the API user
   * @param password its password
   */
  record Session(String provider, String userName, Secret password) implements ClarityAuth {
    public Session {
      requireText(provider, "auth.provider");
      requireText(userName, "auth.userName");
      requireSecret(password, "auth.password");
    }

    @Override
    public ClarityDialect dialect() {
      return ClarityDialect.NATIVE;
    }
  }

  /**
   * HTTP Basic.
   *
   * @param userName the API user
   * @param password its password
   */
  record Basic(String userName, Secret password) implements ClarityAuth {
    public Basic {
      requireText(userName, "auth.userName");
      requireSecret(password, "auth.password");
    }

    @Override
    public ClarityDialect dialect() {
      return ClarityDialect.NATIVE;
    }
  }

  /**
   * OAuth 2.0 client credentials (RFC 6749 §4.4).
   *
   * @param clientId the client id
   * @param clientSecret the client secret
   * @param scope the space-separated scopes asked for, or null for the client's default
   */
  record OAuth2(String clientId, Secret clientSecret, String scope) implements ClarityAuth {
    public OAuth2 {
      requireText(clientId, "auth.clientId");
      requireSecret(clientSecret, "auth.clientSecret");
    }

    @Override
    public ClarityDialect dialect() {
      return ClarityDialect.V1;
    }
  }

  /**
   * An API key sent as {@code X-Api-Key}.
   *
   * @param key the key
   */
  record ApiKey(Secret key) implements ClarityAuth {
    public ApiKey {
      requireSecret(key, "auth.apiKey");
    }

    @Override
    public ClarityDialect dialect() {
      return ClarityDialect.V1;
    }
  }

  private static void requireText(String value, String setting) {
    if (value == null || value.isBlank()) {
      throw ConfigurationException.of(SystemId.CLARITY, setting, "is required");
    }
  }

  private static void requireSecret(Secret value, String setting) {
    if (Objects.isNull(value)) {
      throw ConfigurationException.of(SystemId.CLARITY, setting, "is required");
    }
  }
}
