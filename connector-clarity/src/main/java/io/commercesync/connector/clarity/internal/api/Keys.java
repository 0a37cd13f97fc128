package io.commercesync.connector.clarity.internal.api;

import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Keys the APIs derive: idempotency UUIDs, ERP keys from refs, CustomKeys for records without one. */
final class Keys {

  private Keys() {}

  /** A UUID for a batch: derived from every key in it, in order. */
  static String batchHeader(List<IdempotencyKey> keys) {
    StringBuilder all = new StringBuilder("batch");
    keys.forEach(k -> all.append('\n').append(k.value()));
    return UUID.nameUUIDFromBytes(all.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The ERP's key among {@code refs}: the configured system's, else the first ref that is not Clarity's. */
  static String erpKey(List<ExternalRef> refs, SystemId erpSystem) {
    if (erpSystem != null) {
      for (ExternalRef r : refs) {
        if (r.system().equals(erpSystem)) {
          return r.id();
        }
      }
    }
    for (ExternalRef r : refs) {
      if (!r.system().equals(SystemId.CLARITY)) {
        return r.id();
      }
    }
    return null;
  }

  static String clarityId(List<ExternalRef> refs) {
    for (ExternalRef r : refs) {
      if (r.system().equals(SystemId.CLARITY)) {
        return r.id();
      }
    }
    return null;
  }

  /** A stable {@code CustomKey} for a record the ERP gave no key: {@code cs-} + 40 hex of SHA-256(key). */
  static String derivedKey(IdempotencyKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.value().getBytes(StandardCharsets.UTF_8));
      return "cs-" + HexFormat.of().formatHex(digest).substring(0, 40);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
