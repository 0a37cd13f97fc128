package io.commercesync.testkit.dynamicsgp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signed agent-protocol requests as the wire defines them, for the simulator's tests (no connector code). */
final class AgentRequests {

  private AgentRequests() {}

  /**
   * POSTs {@code body} to {@code base + path}, signed with {@code secret} at {@code timestamp} (epoch seconds):
   * HMAC-SHA256 over method, path, timestamp, a fresh nonce and the body's SHA-256.
   */
  static HttpResponse<String> post(HttpClient http, URI base, String path, String body, String secret, long timestamp)
      throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String nonce = UUID.randomUUID().toString();
    String canonical = "POST\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("X-CS-Timestamp", Long.toString(timestamp)).header("X-CS-Nonce", nonce)
        .header("X-CS-Signature", signature).header("X-CS-Document-Key", "doc-" + nonce)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
