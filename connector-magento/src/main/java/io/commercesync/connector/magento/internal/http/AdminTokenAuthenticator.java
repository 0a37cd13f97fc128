package io.commercesync.connector.magento.internal.http;

import io.commercesync.connector.magento.MagentoAuth;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin token ({@code POST /V1/integration/admin/token}), fetched on first use, renewed
 * {@link MagentoAuth.AdminToken#renewBefore()} before its 4-hour lifetime ends and once after a 401.
 * Thread-safe: concurrent callers share one token and one renewal.
 */
public final class AdminTokenAuthenticator implements Authenticator {

  private static final Logger LOG = LoggerFactory.getLogger(AdminTokenAuthenticator.class);

  private final MagentoAuth.AdminToken credentials;
  private final Clock clock;
  private final Supplier<String> fetcher;
  private String token;
  private Instant expiresAt = Instant.MIN;
  private int fetches;

  /**
   * @param fetcher calls the token endpoint and returns the token; throws the typed error on failure
   */
  public AdminTokenAuthenticator(MagentoAuth.AdminToken credentials, Clock clock, Supplier<String> fetcher) {
    this.credentials = credentials;
    this.clock = clock;
    this.fetcher = fetcher;
  }

  @Override
  public Request authorize(Request request) {
    return request.newBuilder().header("Authorization", "Bearer " + currentToken()).build();
  }

  private synchronized String currentToken() {
    Instant now = clock.instant();
    if (token == null || !now.isBefore(expiresAt.minus(credentials.renewBefore()))) {
      renew(now, token == null ? "first use" : "expiring");
    }
    return token;
  }

  private void renew(Instant now, String why) {
    LOG.debug("system=magento auth=admin-token action=renew reason={}", why);
    token = fetcher.get();
    expiresAt = now.plus(credentials.lifetime());
    fetches++;
  }

  @Override
  public synchronized boolean renewAfterUnauthorized() {
    renew(clock.instant(), "401");
    return true;
  }

  /** How many tokens were fetched so far (for tests and metrics). */
  public synchronized int fetches() {
    return fetches;
  }

  @Override
  public String mode() {
    return "admin-token";
  }
}
