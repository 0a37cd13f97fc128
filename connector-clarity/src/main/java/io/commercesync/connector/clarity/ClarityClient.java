package io.commercesync.connector.clarity;

import io.commercesync.connector.clarity.internal.api.CefApi;
import io.commercesync.connector.clarity.internal.api.ClarityApi;
import io.commercesync.connector.clarity.internal.api.V1Api;
import io.commercesync.connector.clarity.internal.http.Auth;
import io.commercesync.connector.clarity.internal.http.CefErrorTranslator;
import io.commercesync.connector.clarity.internal.http.ClarityHttp;
import io.commercesync.connector.clarity.internal.http.OAuthAuth;
import io.commercesync.connector.clarity.internal.http.RateLimitTracker;
import io.commercesync.connector.clarity.internal.http.SessionAuth;
import io.commercesync.connector.clarity.internal.http.StaticHeaderAuth;
import io.commercesync.connector.clarity.internal.http.V1ErrorTranslator;
import io.commercesync.connector.clarity.internal.mapping.MappingSettings;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.SystemId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Clarity eCommerce client: one immutable, thread-safe object per store, built once and shared. It
 * speaks either of Clarity's two APIs ({@link ClarityDialect}); everything above it — the
 * {@link ClarityStorefront} capabilities, the flows — works in canonical records and does not care.
 *
 * <pre>{@code
 * // the native CEF/ServiceStack API (confirmed from Clarity's source)
 * ClarityClient cef = ClarityClient.builder()
 *     .baseUrl("https://shop.example.com")                                   // + /DesktopModules/ClarityEcommerce/API
 *     .auth(ClarityAuth.session("integration", Secret.fromEnv("CLARITY_PASSWORD")))
 *     .erpSystem(SystemId.DYNAMICS_SL)                                       // CustomKey holds SL keys
 *     .build();
 *
 * // the brief's /api/v1 contract
 * ClarityClient v1 = ClarityClient.builder()
 *     .baseUrl("https://shop.example.com")                                   // + /api/v1
 *     .auth(ClarityAuth.oauth2("commercesync", Secret.fromEnv("CLARITY_CLIENT_SECRET"), "orders:read orders:write"))
 *     .build();
 *
 * Optional<Order> order = v1.order("CS-100045");
 * ClarityStorefront shop = ClarityStorefront.of(v1);
 * }</pre>
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@code baseUrl}</td><td>required; {@code https} unless {@code allowInsecureHttp(true)}</td></tr>
 *   <tr><td>{@code auth}</td><td>required; its kind decides the dialect</td></tr>
 *   <tr><td>{@code dialect}</td><td>the auth's dialect</td></tr>
 *   <tr><td>{@code basePath}</td><td>{@link ClarityDialect#defaultBasePath()}</td></tr>
 *   <tr><td>{@code pageSize}</td><td>50 (v1 at most 250)</td></tr>
 *   <tr><td>{@code currency}</td><td>{@code USD}: the store currency native records do not carry</td></tr>
 *   <tr><td>{@code statusMapping}</td><td>{@link ClarityStatusMapping#defaults(ClarityDialect)}</td></tr>
 *   <tr><td>{@code onUnmappedStatus}</td><td>a WARN log line naming the order and status (INFO for a skipped return)</td></tr>
 *   <tr><td>{@code returnStatuses}</td><td>{@link ClarityReturnStatuses#defaults(ClarityDialect)}: native {@code Payment Sent}, {@code Completed}; v1 {@code refunded}</td></tr>
 *   <tr><td>{@code erpSystem}</td><td>none: {@code CustomKey}/{@code externalId} are not turned into refs</td></tr>
 *   <tr><td>{@code tokenRefreshMargin}</td><td>60 s before the OAuth token expires</td></tr>
 *   <tr><td>{@code pollOverlap}</td><td>5 s re-read before the cursor</td></tr>
 *   <tr><td>{@code respectRateLimitHeaders}</td><td>true: no call while {@code X-RateLimit-Remaining} is 0</td></tr>
 *   <tr><td>{@code inventorySource}, {@code weightUnit}</td><td>{@code commercesync}, {@code lb} (v1 bodies)</td></tr>
 *   <tr><td>{@code httpSettings}, {@code clock}</td><td>{@link HttpSettings#DEFAULT}, the UTC system clock</td></tr>
 * </table>
 *
 * <p>The client never retries on its own (the pipeline does, from {@code retryable()} and
 * {@code retryAfter()}), except renewing a session or token once after a 401.
 */
public final class ClarityClient {

  private static final Logger LOG = LoggerFactory.getLogger(ClarityClient.class);

  private final Builder settings;
  private final ClarityDialect dialect;
  private final HttpUrl apiBase;
  private final ClarityApi api;
  private final RateLimitTracker rateLimit;
  private final MappingSettings mapping;
  private final ClarityReturnStatuses returnStatuses;

  private ClarityClient(Builder b, ClarityDialect dialect, HttpUrl apiBase) {
    this.settings = b.copy();
    this.dialect = dialect;
    this.apiBase = apiBase;
    HttpTransport transport = new HttpTransport(SystemId.CLARITY,
        HttpTransport.newClient(b.httpSettings).build(), b.httpSettings, b.clock);
    this.rateLimit = new RateLimitTracker(b.clock, b.respectRateLimitHeaders);
    UnmappedStatusListener unmapped = b.unmapped != null ? b.unmapped : ClarityClient::logUnmapped;
    this.returnStatuses = b.returnStatuses != null ? b.returnStatuses : ClarityReturnStatuses.defaults(dialect);
    this.mapping = new MappingSettings(b.currency,
        b.statusMapping != null ? b.statusMapping : ClarityStatusMapping.defaults(dialect), unmapped, b.erpSystem);
    Auth auth = auth(b.auth, transport, apiBase, b);
    if (dialect == ClarityDialect.NATIVE) {
      ClarityHttp http = new ClarityHttp(transport, apiBase, auth, new CefErrorTranslator(transport), rateLimit);
      this.api = new CefApi(http, mapping, b.pageSize);
    } else {
      ClarityHttp http = new ClarityHttp(transport, apiBase, auth, new V1ErrorTranslator(transport), rateLimit);
      this.api = new V1Api(http, mapping, b.pageSize, b.clock, b.inventorySource, b.weightUnit);
    }
  }

  private static void logUnmapped(String entity, String key, String status) {
    if ("return".equals(entity)) {
      LOG.info("system=clarity entity=return key={} status=\"{}\" skipped: not a refunded status (returnStatuses)",
          key, status);
    } else {
      LOG.warn("system=clarity entity={} key={} unmappedStatus=\"{}\" decoded as UNKNOWN", entity, key, status);
    }
  }

  private static Auth auth(ClarityAuth auth, HttpTransport transport, HttpUrl apiBase, Builder b) {
    if (auth instanceof ClarityAuth.Session s) {
      return new SessionAuth(s, transport, apiBase);
    }
    if (auth instanceof ClarityAuth.Basic basic) {
      return StaticHeaderAuth.basic(basic.userName(), basic.password());
    }
    if (auth instanceof ClarityAuth.OAuth2 o) {
      return new OAuthAuth(o, transport, apiBase.newBuilder().addPathSegment("oauth").addPathSegment("token").build(),
          b.clock, b.tokenRefreshMargin);
    }
    return StaticHeaderAuth.apiKey(((ClarityAuth.ApiKey) auth).key());
  }

  /** Starts a client. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this client's settings, to derive a variant. */
  public Builder toBuilder() {
    return settings.copy();
  }

  public ClarityDialect dialect() {
    return dialect;
  }

  /** The API's base URL: {@code https://shop.example.com/api/v1}. */
  public URI apiBase() {
    return apiBase.uri();
  }

  /** The status table in use. */
  public ClarityStatusMapping statusMapping() {
    return mapping.statuses();
  }

  /** Which return statuses count as refunded. */
  public ClarityReturnStatuses returnStatuses() {
    return returnStatuses;
  }

  UnmappedStatusListener unmappedListener() {
    return mapping.unmapped();
  }

  /** The last {@code X-RateLimit-*} window the v1 API reported, if any. */
  public Optional<RateLimitStatus> rateLimit() {
    return rateLimit.status();
  }

  /** The order with number {@code number} (v1 {@code orderNumber}, native {@code CustomKey} or {@code ID}), decoded. */
  public Optional<Order> order(String number) {
    return api.order(number).map(e -> api.decodeOrder(e.payload()));
  }

  /** The customer with Clarity id {@code id} (v1 {@code customerId}, native account {@code ID}), decoded. */
  public Optional<Customer> customer(String id) {
    return api.customer(id).map(e -> api.decodeCustomer(e.payload()));
  }

  /** The product with sku {@code sku} (native {@code CustomKey}). */
  public Optional<Item> product(String sku) {
    return api.product(sku);
  }

  ClarityApi api() {
    return api;
  }

  Builder settings() {
    return settings;
  }

  /** A stable name for sources: {@code clarity:<host>}. */
  String sourcePrefix() {
    return "clarity:" + apiBase.host() + (apiBase.port() == HttpUrl.defaultPort(apiBase.scheme()) ? "" : ":" + apiBase.port());
  }

  @Override
  public String toString() {
    return "ClarityClient[" + dialect.name().toLowerCase(Locale.ROOT) + " " + apiBase + ", auth=" + settings.auth + "]";
  }

  /** Builds a {@link ClarityClient}; validates every setting in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private URI baseUrl;
    private ClarityDialect dialect;
    private String basePath;
    private ClarityAuth auth;
    private HttpSettings httpSettings = HttpSettings.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private ClarityStatusMapping statusMapping;
    private UnmappedStatusListener unmapped;
    private ClarityReturnStatuses returnStatuses;
    private Currency currency = Currency.getInstance("USD");
    private SystemId erpSystem;
    private int pageSize = 50;
    private Duration tokenRefreshMargin = Duration.ofSeconds(60);
    private Duration pollOverlap = Duration.ofSeconds(5);
    private boolean respectRateLimitHeaders = true;
    private boolean allowInsecureHttp;
    private String inventorySource = "commercesync";
    private String weightUnit = "lb";

    private Builder() {}

    Duration settingsPollOverlap() {
      return pollOverlap;
    }

    Clock settingsClock() {
      return clock;
    }

    private Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.dialect = dialect;
      b.basePath = basePath;
      b.auth = auth;
      b.httpSettings = httpSettings;
      b.clock = clock;
      b.statusMapping = statusMapping;
      b.unmapped = unmapped;
      b.returnStatuses = returnStatuses;
      b.currency = currency;
      b.erpSystem = erpSystem;
      b.pageSize = pageSize;
      b.tokenRefreshMargin = tokenRefreshMargin;
      b.pollOverlap = pollOverlap;
      b.respectRateLimitHeaders = respectRateLimitHeaders;
      b.allowInsecureHttp = allowInsecureHttp;
      b.inventorySource = inventorySource;
      b.weightUnit = weightUnit;
      return b;
    }

    /** The store's origin, e.g. {@code https://shop.example.com}. */
    public Builder baseUrl(String baseUrl) {
      try {
        this.baseUrl = baseUrl == null ? null : URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw ConfigurationException.of(SystemId.CLARITY, "baseUrl", "is not a URL (" + e.getMessage() + ")");
      }
      return this;
    }

    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** Which API; defaults to the auth provider's dialect. */
    public Builder dialect(ClarityDialect dialect) {
      this.dialect = dialect;
      return this;
    }

    /** Where the API is mounted, e.g. {@code /DesktopModules/ClarityEcommerce/API} or {@code /api/v1}. */
    public Builder basePath(String basePath) {
      this.basePath = basePath;
      return this;
    }

    public Builder auth(ClarityAuth auth) {
      this.auth = auth;
      return this;
    }

    public Builder httpSettings(HttpSettings httpSettings) {
      this.httpSettings = httpSettings;
      return this;
    }

    /** The clock for token expiry, rate-limit windows and polling; inject a fixed one in tests. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder statusMapping(ClarityStatusMapping statusMapping) {
      this.statusMapping = statusMapping;
      return this;
    }

    /**
     * Told about every status the mapping does not know (the record still decodes, as UNKNOWN), and about
     * every return skipped because its status is not configured as refunded (entity {@code return}).
     */
    public Builder onUnmappedStatus(UnmappedStatusListener listener) {
      this.unmapped = listener;
      return this;
    }

    /** Which return statuses count as refunded (sent to the ERP); default {@link ClarityReturnStatuses#defaults}. */
    public Builder returnStatuses(ClarityReturnStatuses statuses) {
      this.returnStatuses = statuses;
      return this;
    }

    /** The store currency (ISO 4217), used for native records that carry none; default USD. */
    public Builder currency(String currencyCode) {
      this.currency = currencyCode == null ? null : Money.currency(currencyCode);
      return this;
    }

    /** The ERP whose keys live in Clarity's {@code CustomKey}/{@code externalId}. */
    public Builder erpSystem(SystemId erpSystem) {
      this.erpSystem = erpSystem;
      return this;
    }

    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** How long before expiry the OAuth token is renewed; default 60 s. */
    public Builder tokenRefreshMargin(Duration margin) {
      this.tokenRefreshMargin = margin;
      return this;
    }

    /** How far before the cursor a poll re-reads (coarse timestamps, clock drift); default 5 s. */
    public Builder pollOverlap(Duration overlap) {
      this.pollOverlap = overlap;
      return this;
    }

    public Builder respectRateLimitHeaders(boolean respect) {
      this.respectRateLimitHeaders = respect;
      return this;
    }

    /** Permits {@code http://} (simulators, tests). Production stores are HTTPS only (reference §3 [B]). */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /** The {@code source} sent with v1 inventory levels; default {@code commercesync}. */
    public Builder inventorySource(String source) {
      this.inventorySource = source;
      return this;
    }

    /** The unit of weights sent to v1 ({@code lb}, {@code kg}); default {@code lb}. */
    public Builder weightUnit(String unit) {
      this.weightUnit = unit;
      return this;
    }

    public ClarityClient build() {
      if (auth == null) {
        throw ConfigurationException.of(SystemId.CLARITY, "auth", "is required (session, basic, oauth2 or apiKey)");
      }
      ClarityDialect d = dialect != null ? dialect : auth.dialect();
      if (auth.dialect() != d) {
        throw ConfigurationException.of(SystemId.CLARITY, "auth", auth.getClass().getSimpleName()
            + " belongs to the " + auth.dialect() + " dialect, not " + d);
      }
      if (baseUrl == null) {
        throw ConfigurationException.of(SystemId.CLARITY, "baseUrl", "is required");
      }
      HttpUrl origin = HttpUrl.get(baseUrl);
      if (origin == null) {
        throw ConfigurationException.of(SystemId.CLARITY, "baseUrl", "must be an http(s) URL (was " + baseUrl + ")");
      }
      if (!origin.isHttps() && !allowInsecureHttp) {
        throw ConfigurationException.of(SystemId.CLARITY, "baseUrl",
            "must use https (credentials travel on every call); allowInsecureHttp(true) for simulators");
      }
      String path = basePath != null ? basePath : d.defaultBasePath();
      String trimmed = path.replaceAll("^/+|/+$", "");
      HttpUrl.Builder base = origin.newBuilder();
      base.encodedPath("/");
      String prefix = origin.encodedPath().replaceAll("^/+|/+$", "");
      if (!prefix.isEmpty()) {
        base.addPathSegments(prefix);
      }
      if (!trimmed.isEmpty()) {
        base.addPathSegments(trimmed);
      }
      Objects.requireNonNull(httpSettings, "httpSettings");
      Objects.requireNonNull(clock, "clock");
      if (currency == null) {
        throw ConfigurationException.of(SystemId.CLARITY, "currency", "is required");
      }
      int max = d == ClarityDialect.V1 ? V1Api.MAX_PAGE_SIZE : 1000;
      if (pageSize < 1 || pageSize > max) {
        throw ConfigurationException.of(SystemId.CLARITY, "pageSize", "must be 1.." + max + " (was " + pageSize + ")");
      }
      positive(tokenRefreshMargin, "tokenRefreshMargin", true);
      positive(pollOverlap, "pollOverlap", true);
      if (inventorySource == null || inventorySource.isBlank()) {
        throw ConfigurationException.of(SystemId.CLARITY, "inventorySource", "must not be blank");
      }
      if (weightUnit == null || weightUnit.isBlank()) {
        throw ConfigurationException.of(SystemId.CLARITY, "weightUnit", "must not be blank");
      }
      return new ClarityClient(this, d, base.build());
    }

    private static void positive(Duration d, String setting, boolean zeroAllowed) {
      if (d == null || d.isNegative() || (!zeroAllowed && d.isZero())) {
        throw ConfigurationException.of(SystemId.CLARITY, setting, "must be a duration >= 0 (was " + d + ")");
      }
    }
  }
}
