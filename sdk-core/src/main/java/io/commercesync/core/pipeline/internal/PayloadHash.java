package io.commercesync.core.pipeline.internal;

import io.commercesync.core.codec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a record's canonical JSON: the ledger's payload hash and the delta-sync fingerprint. */
public final class PayloadHash {

  private PayloadHash() {}

  public static String of(Object value) {
    byte[] bytes = value instanceof byte[] b ? b
        : value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : CanonicalJson.write(value);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
