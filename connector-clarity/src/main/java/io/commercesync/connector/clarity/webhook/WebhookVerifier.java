package io.commercesync.connector.clarity.webhook;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a delivery's signature and timestamp, and nothing else: reads the raw bytes as received
 * (never a re-serialised body), compares every signature in the header with the HMAC of every
 * configured secret in constant time ({@link MessageDigest#isEqual}), and refuses a timestamp further
 * than the tolerance from the (injectable) clock.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *     .secret(Secret.fromEnv("CLARITY_WEBHOOK_SECRET"))
 *     .secret(Secret.fromEnv("CLARITY_WEBHOOK_SECRET_OLD"))   // during rotation
 *     .tolerance(Duration.ofMinutes(5))
 *     .build();
 * Verification v = verifier.verify(headers, body);            // v.valid(), v.reason()
 * }</pre>
 *
 * <p>Defaults: scheme {@link SigningScheme#CLARITY_V1}, headers {@link WebhookHeaders#CLARITY},
 * tolerance 300 s (Stripe's default, reference §4.5 [P]), the system UTC clock. Immutable, thread-safe.
 */
public final class WebhookVerifier {

  /** The default replay window. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  private static final String HMAC = "HmacSHA256";
  private static final int SHA256_BYTES = 32;

  private final List<Secret> secrets;
  private final SigningScheme scheme;
  private final WebhookHeaders headers;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(Builder b) {
    this.secrets = List.copyOf(b.secrets);
    this.scheme = b.scheme;
    this.headers = b.headers;
    this.tolerance = b.tolerance;
    this.clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  public WebhookHeaders headers() {
    return headers;
  }

  public SigningScheme scheme() {
    return scheme;
  }

  public Duration tolerance() {
    return tolerance;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * Verifies a delivery.
   *
   * @param requestHeaders the request headers; names compared case-insensitively
   * @param rawBody the body bytes exactly as received
   */
  public Verification verify(Map<String, List<String>> requestHeaders, byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    Map<String, List<String>> h = caseInsensitive(requestHeaders);
    String timestampValue = first(h, headers.timestamp());
    String signatureValue = all(h, headers.signature());
    String id = first(h, headers.id());
    if (timestampValue == null) {
      return Verification.rejected(RejectReason.MISSING_HEADER, headers.timestamp() + " is absent", null);
    }
    if (signatureValue == null) {
      return Verification.rejected(RejectReason.MISSING_HEADER, headers.signature() + " is absent", null);
    }
    if (scheme == SigningScheme.STANDARD_WEBHOOKS && id == null) {
      return Verification.rejected(RejectReason.MISSING_HEADER, headers.id() + " is absent", null);
    }
    String ts = timestampValue.trim();
    if (ts.isEmpty() || ts.length() > 12 || !ts.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Verification.rejected(RejectReason.MALFORMED_HEADER,
          headers.timestamp() + " must be Unix seconds", null);
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(ts));
    List<byte[]> provided = signatures(signatureValue);
    if (provided.isEmpty()) {
      return Verification.rejected(RejectReason.MALFORMED_HEADER, headers.signature() + " holds no "
          + (scheme == SigningScheme.CLARITY_V1 ? "v1=<64 hex digits>" : "v1,<base64>") + " value", signedAt);
    }
    byte[] signed = signedContent(id, ts, rawBody);
    boolean match = false;
    for (Secret secret : secrets) {
      byte[] expected = hmac(key(secret), signed);
      for (byte[] candidate : provided) {
        // constant-time for every pair: no early exit inside the comparison
        match |= MessageDigest.isEqual(expected, candidate);
      }
    }
    if (!match) {
      return Verification.rejected(RejectReason.BAD_SIGNATURE,
          "no signature matches any of the " + secrets.size() + " configured secret(s)", signedAt);
    }
    Duration skew = Duration.between(signedAt, clock.instant()).abs();
    if (skew.compareTo(tolerance) > 0) {
      return Verification.rejected(RejectReason.TIMESTAMP_OUTSIDE_TOLERANCE,
          "signed at " + signedAt + ", " + skew.toSeconds() + " s from now; tolerance is "
              + tolerance.toSeconds() + " s", signedAt);
    }
    return Verification.valid(signedAt);
  }

  /** The signature header value for {@code rawBody} signed at {@code timestamp} with the first secret (for senders and tests). */
  public String sign(String id, long timestamp, byte[] rawBody) {
    byte[] mac = hmac(key(secrets.get(0)), signedContent(id, Long.toString(timestamp), rawBody));
    return scheme == SigningScheme.CLARITY_V1 ? "v1=" + HexFormat.of().formatHex(mac)
        : "v1," + Base64.getEncoder().encodeToString(mac);
  }

  private byte[] signedContent(String id, String ts, byte[] body) {
    String prefix = scheme == SigningScheme.CLARITY_V1 ? ts + "." : id + "." + ts + ".";
    byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + body.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(body, 0, out, head.length, body.length);
    return out;
  }

  private List<byte[]> signatures(String header) {
    List<byte[]> out = new ArrayList<>();
    if (scheme == SigningScheme.CLARITY_V1) {
      for (String part : header.split(",")) {
        String p = part.trim();
        if (p.startsWith("v1=")) {
          String hex = p.substring(3).trim().toLowerCase(Locale.ROOT);
          if (hex.length() == SHA256_BYTES * 2 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            out.add(HexFormat.of().parseHex(hex));
          }
        }
      }
    } else {
      for (String part : header.trim().split("\\s+")) {
        if (part.startsWith("v1,")) {
          try {
            byte[] mac = Base64.getDecoder().decode(part.substring(3));
            if (mac.length == SHA256_BYTES) {
              out.add(mac);
            }
          } catch (IllegalArgumentException ignored) {
            // not base64: not a v1 signature
          }
        }
      }
    }
    return out;
  }

  private byte[] key(Secret secret) {
    if (scheme == SigningScheme.STANDARD_WEBHOOKS && secret.reveal().startsWith("whsec_")) {
      try {
        return Base64.getDecoder().decode(secret.reveal().substring("whsec_".length()));
      } catch (IllegalArgumentException e) {
        throw ConfigurationException.of(SystemId.CLARITY, "webhook.secret",
            "a Standard Webhooks whsec_ secret must be base64 after the prefix");
      }
    }
    return secret.revealBytes();
  }

  private static byte[] hmac(byte[] key, byte[] content) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(content);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((k, v) -> {
        if (k != null && v != null) {
          out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v);
        }
      });
    }
    return out;
  }

  static String first(Map<String, List<String>> headers, String name) {
    if (name == null) {
      return null;
    }
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? null : values.get(0);
  }

  /** Every value of a repeated header joined as one list (a proxy may split comma lists). */
  private String all(Map<String, List<String>> h, String name) {
    List<String> values = h.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    return String.join(scheme == SigningScheme.CLARITY_V1 ? "," : " ", values);
  }

  @Override
  public String toString() {
    return "WebhookVerifier[scheme=" + scheme + ", secrets=" + secrets.size() + " x ******, tolerance="
        + tolerance + ", headers=" + headers + "]";
  }

  /** Builds a {@link WebhookVerifier}. Not thread-safe. */
  public static final class Builder {
    private final List<Secret> secrets = new ArrayList<>();
    private SigningScheme scheme = SigningScheme.CLARITY_V1;
    private WebhookHeaders headers = WebhookHeaders.CLARITY;
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Adds a signing secret; add the old and the new one while keys rotate. */
    public Builder secret(Secret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret"));
      return this;
    }

    public Builder scheme(SigningScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    public Builder headers(WebhookHeaders headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /** The replay window either side of now; default 300 s. */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** The clock the window is measured on; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public WebhookVerifier build() {
      if (secrets.isEmpty()) {
        throw ConfigurationException.of(SystemId.CLARITY, "webhook.secret", "at least one secret is required");
      }
      if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
        throw ConfigurationException.of(SystemId.CLARITY, "webhook.tolerance",
            "must be a positive duration (was " + tolerance + ")");
      }
      return new WebhookVerifier(this);
    }
  }
}
