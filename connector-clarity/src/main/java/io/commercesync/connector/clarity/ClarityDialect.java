package io.commercesync.connector.clarity;

/**
 * Which of Clarity's two APIs a {@link ClarityClient} speaks. Both map to the same canonical records,
 * so flows do not care; pick the one the store exposes.
 *
 * <ul>
 *   <li>{@link #NATIVE}: the Clarity eCommerce Framework's own ServiceStack API (confirmed from its
 *       source, reference clarity.md §2 [C]): PascalCase models under
 *       {@code /DesktopModules/ClarityEcommerce/API}, {@code Paging { StartIndex, Size }},
 *       {@code ModifiedSince}, {@code ResponseStatus} errors, {@code CEFActionResponse}, session or
 *       HTTP Basic auth.
 *   <li>{@link #V1}: the versioned camelCase contract of the product brief (reference §4, a proposal
 *       [P]): {@code /api/v1}, OAuth 2.0 client credentials or {@code X-Api-Key},
 *       {@code page}/{@code pageSize}/{@code updatedSince}, {@code Idempotency-Key}, RFC 9457 problems.
 * </ul>
 *
 * <pre>{@code
 * ClarityClient client = ClarityClient.builder().baseUrl("https://shop.example.com")
 *     .dialect(ClarityDialect.NATIVE).auth(ClarityAuth.session("integration", password)).build();
 * }</pre>
 */
public enum ClarityDialect {
  /** The native CEF/ServiceStack API. */
  NATIVE("/DesktopModules/ClarityEcommerce/API"),
  /** The brief's {@code /api/v1} contract. */
  V1("/api/v1");

  private final String defaultBasePath;

  ClarityDialect(String defaultBasePath) {
    this.defaultBasePath = defaultBasePath;
  }

  /**
   * The base path used when none is configured: {@code /DesktopModules/ClarityEcommerce/API} on
   * DotNetNuke-hosted installs (reference §1 [C]) or {@code /api/v1} (§4.1 [P]).
   */
  public String defaultBasePath() {
    return defaultBasePath;
  }

  /** {@code native} or {@code v1}, case-insensitively; the CLI's {@code --dialect} values. */
  public static ClarityDialect parse(String value) {
    if (value == null) {
      return NATIVE;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "native", "cef" -> NATIVE;
      case "v1", "api-v1" -> V1;
      default -> throw io.commercesync.core.error.ConfigurationException.of(
          io.commercesync.core.model.SystemId.CLARITY, "dialect", "must be native or v1 (was " + value + ")");
    };
  }
}
