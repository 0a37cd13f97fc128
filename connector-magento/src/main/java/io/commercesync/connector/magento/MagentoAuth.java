package io.commercesync.connector.magento;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client authenticates, in order of preference (reference §2):
 *
 * <ol>
 *   <li>{@link OAuth1}: a Magento Integration's four credentials, every request signed with OAuth 1.0a
 *       HMAC-SHA256. The first-class mode: since 2.4.4 an integration access token is refused as a bearer
 *       token unless the merchant sets {@code oauth/consumer/enable_integration_as_bearer}.
 *   <li>{@link Bearer}: the integration access token as {@code Authorization: Bearer}, for stores that
 *       enabled it.
 *   <li>{@link AdminToken}: an admin user's name and password traded at
 *       {@code POST /V1/integration/admin/token} for a token valid 4 hours, renewed before it expires and
 *       once on a 401. A last resort: 2FA (on by default in 2.4) refuses it.
 * </ol>
 *
 * <pre>{@code
 * MagentoAuth auth = MagentoAuth.oauth1(Secret.fromEnv("MAGENTO_CONSUMER_KEY"),
 *     Secret.fromEnv("MAGENTO_CONSUMER_SECRET"), Secret.fromEnv("MAGENTO_ACCESS_TOKEN"),
 *     Secret.fromEnv("MAGENTO_ACCESS_TOKEN_SECRET"));
 * }</pre>
 *
 * <p>Every credential is a {@link Secret}: {@code toString()} of each mode shows none of them.
 */
public sealed interface MagentoAuth {

  /** OAuth 1.0a signing with an integration's consumer key/secret and access token/secret. */
  static MagentoAuth oauth1(Secret consumerKey, Secret consumerSecret, Secret accessToken,
      Secret accessTokenSecret) {
    return new OAuth1(consumerKey, consumerSecret, accessToken, accessTokenSecret);
  }

  /** The integration access token sent as a bearer token. */
  static MagentoAuth bearer(Secret token) {
    return new Bearer(token);
  }

  /** An admin token, obtained with {@code username}/{@code password}, 4-hour lifetime. */
  static MagentoAuth adminToken(String username, Secret password) {
    return new AdminToken(username, password, AdminToken.DEFAULT_LIFETIME, AdminToken.DEFAULT_RENEW_BEFORE);
  }

  /**
   * OAuth 1.0a credentials of a Magento Integration (System › Integrations › Activate).
   *
   * @param consumerKey the consumer key ({@code oauth_consumer_key})
   * @param consumerSecret the consumer secret (first half of the signing key)
   * @param accessToken the access token ({@code oauth_token})
   * @param accessTokenSecret the access token secret (second half of the signing key)
   */
  record OAuth1(Secret consumerKey, Secret consumerSecret, Secret accessToken, Secret accessTokenSecret)
      implements MagentoAuth {
    public OAuth1 {
      require(consumerKey, "auth.oauth1.consumerKey");
      require(consumerSecret, "auth.oauth1.consumerSecret");
      require(accessToken, "auth.oauth1.accessToken");
      require(accessTokenSecret, "auth.oauth1.accessTokenSecret");
    }
  }

  /**
   * A bearer token ({@code Authorization: Bearer <token>}).
   *
   * @param token the integration access token
   */
  record Bearer(Secret token) implements MagentoAuth {
    public Bearer {
      require(token, "auth.bearer.token");
    }
  }

  /**
   * Admin-user credentials traded for a token.
   *
   * @param username the admin user name
   * @param password the admin password
   * @param lifetime how long a token lives (Magento default 4 h, {@code oauth/access_token_lifetime/admin})
   * @param renewBefore how long before expiry the client fetches a new one (default 5 min)
   */
  record AdminToken(String username, Secret password, Duration lifetime, Duration renewBefore)
      implements MagentoAuth {

    /** Magento's default admin token lifetime (reference §2). */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(4);
    /** Renew this long before the token expires. */
    public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofMinutes(5);

    public AdminToken {
      if (username == null || username.isBlank()) {
        throw ConfigurationException.of(SystemId.MAGENTO, "auth.admin.username", "is required");
      }
      require(password, "auth.admin.password");
      Objects.requireNonNull(lifetime, "lifetime");
      Objects.requireNonNull(renewBefore, "renewBefore");
      if (lifetime.isNegative() || lifetime.isZero() || renewBefore.isNegative()
          || renewBefore.compareTo(lifetime) >= 0) {
        throw ConfigurationException.of(SystemId.MAGENTO, "auth.admin.lifetime",
            "must be positive and longer than renewBefore (was " + lifetime + " / " + renewBefore + ")");
      }
    }

    /** The same credentials with another lifetime (when the store changed it) and renewal margin. */
    public AdminToken withLifetime(Duration newLifetime, Duration newRenewBefore) {
      return new AdminToken(username, password, newLifetime, newRenewBefore);
    }
  }

  private static void require(Secret secret, String setting) {
    if (secret == null) {
      throw ConfigurationException.of(SystemId.MAGENTO, setting, "is required");
    }
  }
}
