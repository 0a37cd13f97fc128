package io.commercesync.connector.magento;

import io.commercesync.connector.magento.internal.http.AdminTokenAuthenticator;
import io.commercesync.connector.magento.internal.http.Authenticator;
import io.commercesync.connector.magento.internal.http.BearerAuthenticator;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.http.OAuth1Authenticator;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * The Magento 2 / Adobe Commerce REST client: one immutable, thread-safe instance per store, built once
 * and shared (its connections come from a shared pool).
 *
 * <pre>{@code
 * MagentoClient magento = MagentoClient.builder()
 *     .baseUrl("https://shop.example.com")
 *     .oauth1(Secret.fromEnv("MAGENTO_CONSUMER_KEY"), Secret.fromEnv("MAGENTO_CONSUMER_SECRET"),
 *             Secret.fromEnv("MAGENTO_ACCESS_TOKEN"), Secret.fromEnv("MAGENTO_ACCESS_TOKEN_SECRET"))
 *     .build();
 * Order order = magento.orders().get(StoreScope.store("default"), 1043);
 * }</pre>
 *
 * <p>Every call names its store scope ({@code /rest/<store_code>/V1/…}, {@code /rest/all/V1/…},
 * {@code /rest/<store_code>/async/bulk/V1/…}); the client has no default scope. Failures are typed
 * {@link io.commercesync.core.error.RemoteSystemException}s naming the operation, HTTP status, record key
 * and Magento's message with its placeholders filled; the client does not retry (the pipeline does, by
 * {@code retryable()} and {@code retryAfter()}), except renewing credentials once after a 401.
 *
 * <table>
 *   <caption>Builder settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>baseUrl</td><td>required</td></tr>
 *   <tr><td>auth</td><td>required: {@code oauth1(..)}, {@code bearer(..)} or {@code adminToken(..)}</td></tr>
 *   <tr><td>http</td><td>{@link HttpSettings#DEFAULT} (connect 10 s, read 30 s, call 60 s)</td></tr>
 *   <tr><td>limits</td><td>{@link MagentoLimits#DEFAULT} (20 sync, 5,000 async, page 100, max 300)</td></tr>
 *   <tr><td>rateLimitBackoff</td><td>5 s: the wait reported for a 429 without {@code Retry-After}</td></tr>
 *   <tr><td>baseCurrency</td><td>USD: the currency of product prices read as canonical items</td></tr>
 *   <tr><td>bulkPollInterval</td><td>2 s</td></tr>
 *   <tr><td>clock</td><td>UTC system clock</td></tr>
 * </table>
 */
public final class MagentoClient {

  private final Builder settings;
  private final MagentoHttp http;
  private final MagentoOrders orders;
  private final MagentoSales sales;
  private final MagentoCustomers customers;
  private final MagentoProducts products;
  private final MagentoInventory inventory;
  private final MagentoPrices prices;
  private final MagentoBulk bulk;

  private MagentoClient(Builder b) {
    this.settings = b.copy();
    JsonCodec codec = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();
    HttpTransport transport = new HttpTransport(SystemId.MAGENTO, HttpTransport.newClient(b.http).build(),
        b.http, b.clock);
    this.http = new MagentoHttp(b.baseUrl, transport, codec, b.rateLimitBackoff);
    http.authenticator(authenticator(b.auth, b.clock, http));
    Core core = new Core(http, b.limits, b.clock, b.baseCurrency, b.bulkPollInterval);
    this.orders = new MagentoOrders(core);
    this.sales = new MagentoSales(core);
    this.customers = new MagentoCustomers(core);
    this.products = new MagentoProducts(core);
    this.inventory = new MagentoInventory(core);
    this.prices = new MagentoPrices(core);
    this.bulk = new MagentoBulk(core);
  }

  private static Authenticator authenticator(MagentoAuth auth, Clock clock, MagentoHttp http) {
    if (auth instanceof MagentoAuth.OAuth1 oauth) {
      return new OAuth1Authenticator(oauth, clock);
    }
    if (auth instanceof MagentoAuth.Bearer bearer) {
      return new BearerAuthenticator(bearer);
    }
    MagentoAuth.AdminToken admin = (MagentoAuth.AdminToken) auth;
    return new AdminTokenAuthenticator(admin, clock, () -> http.fetchAdminToken(StoreScope.ALL, admin));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this client's settings, to derive a variant (other timeouts, another auth). */
  public Builder toBuilder() {
    return settings.copy();
  }

  /** The base URL, e.g. {@code https://shop.example.com}. */
  public String baseUrl() {
    return settings.baseUrl;
  }

  /** The input limits the client chunks and pages by. */
  public MagentoLimits limits() {
    return settings.limits;
  }

  /** The timeouts and limits of every call. */
  public HttpSettings httpSettings() {
    return settings.http;
  }

  /** The auth mode: {@code oauth1}, {@code bearer} or {@code admin-token}. */
  public String authMode() {
    return http.authenticator().mode();
  }

  /** Orders: get, search, keyset reads by {@code updated_at}, status and comments. */
  public MagentoOrders orders() {
    return orders;
  }

  /** Invoices, shipments and credit memos. */
  public MagentoSales sales() {
    return sales;
  }

  /** Customers: get, search, create, update (addresses merged, never deleted). */
  public MagentoCustomers customers() {
    return customers;
  }

  /** Products: get, search, partial scoped updates. */
  public MagentoProducts products() {
    return products;
  }

  /** MSI sources and source items, salable quantity, legacy stock items. */
  public MagentoInventory inventory() {
    return inventory;
  }

  /** Base and tier prices (price storage). */
  public MagentoPrices prices() {
    return prices;
  }

  /** Async bulk writes and their status. */
  public MagentoBulk bulk() {
    return bulk;
  }

  /** How many admin tokens were fetched so far (0 in other auth modes); for tests and metrics. */
  public int adminTokensFetched() {
    return http.authenticator() instanceof AdminTokenAuthenticator a ? a.fetches() : 0;
  }

  @Override
  public String toString() {
    return "MagentoClient[" + settings.baseUrl + ", auth=" + authMode() + "]";
  }

  /** Builds a {@link MagentoClient}; validates every setting in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private String baseUrl;
    private MagentoAuth auth;
    private HttpSettings http = HttpSettings.DEFAULT;
    private MagentoLimits limits = MagentoLimits.DEFAULT;
    private Duration rateLimitBackoff = Duration.ofSeconds(5);
    private Currency baseCurrency = Currency.getInstance("USD");
    private Duration bulkPollInterval = Duration.ofSeconds(2);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.auth = auth;
      b.http = http;
      b.limits = limits;
      b.rateLimitBackoff = rateLimitBackoff;
      b.baseCurrency = baseCurrency;
      b.bulkPollInterval = bulkPollInterval;
      b.clock = clock;
      return b;
    }

    /** {@code https://shop.example.com} (a path prefix such as {@code /magento} is kept). */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl == null ? null : baseUrl.toString();
      return this;
    }

    public Builder auth(MagentoAuth auth) {
      this.auth = auth;
      return this;
    }

    /** OAuth 1.0a HMAC-SHA256 with an integration's four credentials: the recommended mode. */
    public Builder oauth1(Secret consumerKey, Secret consumerSecret, Secret accessToken, Secret accessTokenSecret) {
      return auth(MagentoAuth.oauth1(consumerKey, consumerSecret, accessToken, accessTokenSecret));
    }

    /** The integration access token as a bearer token (the store must allow it, 2.4.4+). */
    public Builder bearer(Secret token) {
      return auth(MagentoAuth.bearer(token));
    }

    /** An admin token (4 h, renewed before expiry and once on 401). Refused under 2FA. */
    public Builder adminToken(String username, Secret password) {
      return auth(MagentoAuth.adminToken(username, password));
    }

    /** Timeouts (connect, read, write, whole call) and the response size limit. */
    public Builder http(HttpSettings http) {
      this.http = http;
      return this;
    }

    public Builder limits(MagentoLimits limits) {
      this.limits = limits;
      return this;
    }

    /** The wait reported on a 429 that carries no {@code Retry-After}; default 5 s. */
    public Builder rateLimitBackoff(Duration rateLimitBackoff) {
      this.rateLimitBackoff = rateLimitBackoff;
      return this;
    }

    /** The store's base currency (ISO 4217), for product prices read as canonical items; default USD. */
    public Builder baseCurrency(String code) {
      this.baseCurrency = code == null ? null : Money.currency(code);
      return this;
    }

    /** How often {@link MagentoBulk#await} polls; default 2 s. */
    public Builder bulkPollInterval(Duration interval) {
      this.bulkPollInterval = interval;
      return this;
    }

    /** The clock for OAuth timestamps and token expiry; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws ConfigurationException naming the first bad setting
     */
    public MagentoClient build() {
      if (baseUrl == null || baseUrl.isBlank()) {
        throw ConfigurationException.of(SystemId.MAGENTO, "baseUrl", "is required, e.g. https://shop.example.com");
      }
      String trimmed = baseUrl.trim();
      while (trimmed.endsWith("/")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      String lower = trimmed.toLowerCase(Locale.ROOT);
      if (!(lower.startsWith("https://") || lower.startsWith("http://")) || okhttp3.HttpUrl.parse(trimmed) == null) {
        throw ConfigurationException.of(SystemId.MAGENTO, "baseUrl",
            "must be an http(s) URL such as https://shop.example.com (was '" + baseUrl + "')");
      }
      if (trimmed.contains("?") || trimmed.contains("#")) {
        throw ConfigurationException.of(SystemId.MAGENTO, "baseUrl", "must not have a query or fragment");
      }
      if (lower.endsWith("/rest") || lower.contains("/rest/")) {
        throw ConfigurationException.of(SystemId.MAGENTO, "baseUrl",
            "must be the store's root URL, without /rest/… (the client adds /rest/<store>/V1)");
      }
      if (auth == null) {
        throw ConfigurationException.of(SystemId.MAGENTO, "auth",
            "is required: oauth1(..) (recommended), bearer(..) or adminToken(..)");
      }
      requirePositive("rateLimitBackoff", rateLimitBackoff);
      requirePositive("bulkPollInterval", bulkPollInterval);
      Objects.requireNonNull(http, "http");
      Objects.requireNonNull(limits, "limits");
      if (baseCurrency == null) {
        throw ConfigurationException.of(SystemId.MAGENTO, "baseCurrency", "is required (ISO 4217)");
      }
      if (clock == null) {
        throw ConfigurationException.of(SystemId.MAGENTO, "clock", "is required");
      }
      Builder b = copy();
      b.baseUrl = trimmed;
      return new MagentoClient(b);
    }

    private static void requirePositive(String setting, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw ConfigurationException.of(SystemId.MAGENTO, setting, "must be a positive duration (was " + value + ")");
      }
    }
  }
}
