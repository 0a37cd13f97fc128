package io.commercesync.connector.magento.internal.http;

import io.commercesync.connector.magento.MagentoAuth;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** Signs every request with OAuth 1.0a HMAC-SHA256 (a fresh nonce and timestamp each time). */
public final class OAuth1Authenticator implements Authenticator {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MagentoAuth.OAuth1 credentials;
  private final Clock clock;

  public OAuth1Authenticator(MagentoAuth.OAuth1 credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public Request authorize(Request request) {
    byte[] nonceBytes = new byte[16];
    RANDOM.nextBytes(nonceBytes);
    String nonce = HexFormat.of().formatHex(nonceBytes);
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    return request.newBuilder()
        .header("Authorization", header(request.method(), request.url(), nonce, timestamp))
        .build();
  }

  /** The {@code Authorization} header for a request, with a given nonce and timestamp. */
  String header(String method, HttpUrl url, String nonce, String timestamp) {
    Map<String, String> oauth = new LinkedHashMap<>();
    oauth.put("oauth_consumer_key", credentials.consumerKey().reveal());
    oauth.put("oauth_nonce", nonce);
    oauth.put("oauth_signature_method", OAuth1Signer.Method.HMAC_SHA256.wireName());
    oauth.put("oauth_timestamp", timestamp);
    oauth.put("oauth_token", credentials.accessToken().reveal());
    oauth.put("oauth_version", "1.0");
    List<OAuth1Signer.Param> params = new ArrayList<>();
    oauth.forEach((k, v) -> params.add(new OAuth1Signer.Param(k, v)));
    for (int i = 0; i < url.querySize(); i++) {
      String value = url.queryParameterValue(i);
      params.add(new OAuth1Signer.Param(url.queryParameterName(i), value == null ? "" : value));
    }
    String base = OAuth1Signer.baseString(method, baseUri(url), params);
    oauth.put("oauth_signature", OAuth1Signer.sign(OAuth1Signer.Method.HMAC_SHA256, base,
        credentials.consumerSecret().reveal(), credentials.accessTokenSecret().reveal()));
    return OAuth1Signer.header(oauth);
  }

  /** {@code scheme://host[:port]/path}: lower case, default ports omitted, path encoded as sent. */
  static String baseUri(HttpUrl url) {
    String scheme = url.scheme().toLowerCase(Locale.ROOT);
    boolean defaultPort = url.port() == HttpUrl.defaultPort(scheme);
    return scheme + "://" + url.host().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + url.port())
        + url.encodedPath();
  }

  @Override
  public boolean renewAfterUnauthorized() {
    // a fresh nonce and timestamp may fix a 401 for nonce_used / timestamp_refused; once
    return true;
  }

  @Override
  public String mode() {
    return "oauth1";
  }
}
