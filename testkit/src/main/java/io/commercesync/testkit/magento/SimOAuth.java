package io.commercesync.testkit.magento;

import io.commercesync.testkit.http.SimRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies an OAuth 1.0a {@code Authorization: OAuth ...} header the way Magento's integration auth does
 * (RFC 5849 base string; HMAC-SHA256 required): written from the RFC and Magento's docs, not from the
 * client.
 */
final class SimOAuth {

  private SimOAuth() {}

  /** The header's parameters, decoded; empty when it is not an OAuth header. */
  static Map<String, String> params(String header) {
    Map<String, String> out = new LinkedHashMap<>();
    if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
      return out;
    }
    for (String part : header.substring(6).split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = decode(p.substring(0, eq).trim());
      String value = p.substring(eq + 1).trim();
      if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
        value = value.substring(1, value.length() - 1);
      }
      out.put(name, decode(value));
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append(String.format("%%%02X", c));
      }
    }
    return out.toString();
  }

  /** Whether the signature in {@code oauth} is right for {@code request} at {@code baseUri}. */
  static boolean validSignature(SimRequest request, String baseUri, Map<String, String> oauth,
      String consumerSecret, String tokenSecret) {
    List<String[]> params = new ArrayList<>();
    oauth.forEach((k, v) -> {
      if (!k.equals("oauth_signature") && !k.equals("realm")) {
        params.add(new String[] {encode(k), encode(v)});
      }
    });
    request.query().forEach((k, values) -> values.forEach(v -> params.add(new String[] {encode(k), encode(v)})));
    params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder normalized = new StringBuilder();
    for (String[] p : params) {
      if (normalized.length() > 0) {
        normalized.append('&');
      }
      normalized.append(p[0]).append('=').append(p[1]);
    }
    StringBuilder path = new StringBuilder();
    for (String segment : request.path().split("/", -1)) {
      if (path.length() > 0 || !segment.isEmpty()) {
        path.append('/').append(encode(segment));
      }
    }
    String base = request.method() + "&" + encode(baseUri + path) + "&" + encode(normalized.toString());
    String key = encode(consumerSecret) + "&" + encode(tokenSecret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal(base.getBytes(StandardCharsets.UTF_8));
      byte[] given = Base64.getDecoder().decode(oauth.getOrDefault("oauth_signature", ""));
      return MessageDigest.isEqual(expected, given);
    } catch (IllegalArgumentException e) {
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
