package io.commercesync.connector.dynamicsgp.internal.agent;

import io.commercesync.core.security.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The agent protocol's request signature: HMAC-SHA256, keyed with the shared secret, over
 * {@code METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body))}, sent as hex in {@code X-CS-Signature}
 * with {@code X-CS-Timestamp} (epoch seconds) and {@code X-CS-Nonce}. The verifier accepts a timestamp
 * within the replay window and each nonce once within it; signatures are compared in constant time.
 */
public final class RequestSigner {

  public static final String TIMESTAMP = "X-CS-Timestamp";
  public static final String NONCE = "X-CS-Nonce";
  public static final String SIGNATURE = "X-CS-Signature";
  public static final String DOCUMENT_KEY = "X-CS-Document-Key";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private RequestSigner() {}

  /** The string that is signed. */
  public static String canonical(String method, String path, String timestamp, String nonce, byte[] body) {
    return method.toUpperCase(java.util.Locale.ROOT) + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
        + HEX.formatHex(sha256(body));
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hex signature of {@code canonical} under {@code key}. */
  public static String sign(Secret key, String canonical) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.revealBytes(), "HmacSHA256"));
      return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  /** A fresh random nonce (128 bits, hex). */
  public static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HEX.formatHex(bytes);
  }

  /** Why a request was refused, or {@link #OK}. */
  public enum Verdict {
    OK, MISSING_HEADERS, STALE_TIMESTAMP, BAD_SIGNATURE, REPLAYED_NONCE
  }

  /** Verifies signed requests; remembers nonces for the replay window. Thread-safe. */
  public static final class Verifier {
    private final Secret key;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    public Verifier(Secret key, Duration window, Clock clock) {
      this.key = key;
      this.window = window;
      this.clock = clock;
    }

    public Verdict verify(String method, String path, String timestamp, String nonce, String signature, byte[] body) {
      if (timestamp == null || nonce == null || signature == null || nonce.isBlank() || nonce.length() > 128) {
        return Verdict.MISSING_HEADERS;
      }
      long seconds;
      try {
        seconds = Long.parseLong(timestamp.trim());
      } catch (NumberFormatException e) {
        return Verdict.STALE_TIMESTAMP;
      }
      Instant now = clock.instant();
      Instant at = Instant.ofEpochSecond(seconds);
      if (Duration.between(at, now).abs().compareTo(window) > 0) {
        return Verdict.STALE_TIMESTAMP;
      }
      String expected = sign(key, canonical(method, path, timestamp.trim(), nonce, body));
      if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
          signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
        return Verdict.BAD_SIGNATURE;
      }
      purge(now);
      if (seen.putIfAbsent(nonce, now.plus(window).plus(window)) != null) {
        return Verdict.REPLAYED_NONCE;
      }
      return Verdict.OK;
    }

    private void purge(Instant now) {
      for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
        if (it.next().getValue().isBefore(now)) {
          it.remove();
        }
      }
    }
  }
}
