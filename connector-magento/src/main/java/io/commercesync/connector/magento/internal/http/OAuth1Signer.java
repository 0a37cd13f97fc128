package io.commercesync.connector.magento.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a request signing (RFC 5849 §3.4) as Magento verifies it (reference §2,
 * gs-authentication-oauth.md): signing key {@code enc(consumer_secret)&enc(token_secret)}, base string
 * {@code METHOD&enc(scheme://host[:port]/path)&enc(sorted, encoded parameters)} where the parameters are
 * the {@code oauth_*} values plus the query parameters (a JSON body is not signed). Magento requires
 * {@code HMAC-SHA256}; {@code HMAC-SHA1} exists for the RFC test vector and old stores.
 */
public final class OAuth1Signer {

  /** A signature method. */
  public enum Method {
    HMAC_SHA256("HMAC-SHA256", "HmacSHA256"),
    HMAC_SHA1("HMAC-SHA1", "HmacSHA1");

    private final String wire;
    private final String jca;

    Method(String wire, String jca) {
      this.wire = wire;
      this.jca = jca;
    }

    /** {@code HMAC-SHA256}. */
    public String wireName() {
      return wire;
    }
  }

  /** One name/value pair, decoded. */
  public record Param(String name, String value) {}

  private OAuth1Signer() {}

  /** RFC 3986 percent-encoding as OAuth requires: only unreserved characters stay. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * The signature base string.
   *
   * @param method HTTP method
   * @param baseUri {@code scheme://host[:port]/path}, scheme and host lower case, default port omitted,
   *     path as sent (encoded)
   * @param params every parameter (oauth_* and query), decoded
   */
  public static String baseString(String method, String baseUri, List<Param> params) {
    List<String[]> encoded = new ArrayList<>();
    for (Param p : params) {
      encoded.add(new String[] {encode(p.name()), encode(p.value())});
    }
    encoded.sort(Comparator.<String[], String>comparing(a -> a[0]).thenComparing(a -> a[1]));
    StringBuilder normalized = new StringBuilder();
    for (String[] pair : encoded) {
      if (normalized.length() > 0) {
        normalized.append('&');
      }
      normalized.append(pair[0]).append('=').append(pair[1]);
    }
    return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUri) + "&" + encode(normalized.toString());
  }

  /** The base64 signature of {@code baseString} with the two secrets. */
  public static String sign(Method method, String baseString, String consumerSecret, String tokenSecret) {
    String key = encode(consumerSecret) + "&" + encode(tokenSecret);
    try {
      Mac mac = Mac.getInstance(method.jca);
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), method.jca));
      return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("the JDK lacks " + method.jca, e);
    }
  }

  /** {@code OAuth oauth_consumer_key="…", …, oauth_signature="…"} from the oauth parameters (signature included). */
  public static String header(Map<String, String> oauthParams) {
    StringBuilder h = new StringBuilder("OAuth ");
    boolean first = true;
    for (Map.Entry<String, String> e : oauthParams.entrySet()) {
      if (!first) {
        h.append(", ");
      }
      first = false;
      h.append(encode(e.getKey())).append("=\"").append(encode(e.getValue())).append('"');
    }
    return h.toString();
  }
}
