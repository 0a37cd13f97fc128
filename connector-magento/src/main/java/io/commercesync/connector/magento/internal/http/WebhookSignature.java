package io.commercesync.connector.magento.internal.http;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Adobe Commerce webhook signatures (commerce-extensibility {@code webhooks/signature-verification.md}):
 * the {@code x-adobe-commerce-webhook-signature} header is the base64 of an RSA signature with SHA-256
 * (the docs call it "HMAC SHA256", but their sample verifies with {@code crypto.createVerify('SHA256')}
 * and the admin's PEM public key) computed over the <em>base64 encoding of the request body</em>, not
 * over the raw body.
 */
public final class WebhookSignature {

  private final PublicKey key;

  private WebhookSignature(PublicKey key) {
    this.key = key;
  }

  /** Reads a {@code -----BEGIN PUBLIC KEY-----} PEM (as Stores › Configuration › Adobe Services › Webhooks shows it). */
  public static WebhookSignature fromPem(String pem) {
    try {
      String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
          .replaceAll("\\s", "");
      byte[] der = Base64.getDecoder().decode(body);
      return new WebhookSignature(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw ConfigurationException.of(SystemId.MAGENTO, "webhook.publicKey",
          "must be the PEM RSA public key from Stores > Configuration > Adobe Services > Webhooks", e);
    }
  }

  /** Whether {@code header} is a valid signature of {@code body}; false for a missing or garbled header. */
  public boolean verify(String header, byte[] body) {
    if (header == null || header.isBlank()) {
      return false;
    }
    try {
      byte[] signature = Base64.getDecoder().decode(header.trim());
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(Base64.getEncoder().encodeToString(body).getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }
}
