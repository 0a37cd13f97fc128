package io.commercesync.connector.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Adobe Commerce webhook deliveries: signature, de-duplication, the order read through the API. */
class MagentoOrderWebhookTest {

  private final SimulatorFixture fx = new SimulatorFixture();
  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER = rsa();
  private final KeyPair keys = KEYS;
  private final StateStore state = StateStore.inMemory();
  private final MagentoOrderWebhook hook = MagentoStorefront.builder(fx.oauthClient())
      .webhook(pem(keys), state.receivedEvents()).build().orderWebhook();

  @AfterEach
  void stop() {
    fx.close();
    state.close();
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(KeyPair keys) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** What Adobe Commerce sends: RSA-SHA256 over the base64 of the body, base64-encoded. */
  static String sign(PrivateKey key, byte[] body) throws Exception {
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(Base64.getEncoder().encodeToString(body).getBytes(StandardCharsets.US_ASCII));
    return Base64.getEncoder().encodeToString(s.sign());
  }

  private byte[] delivery(long entityId) {
    return ("{\"eventName\":\"observer.sales_order_save_after\",\"data\":{\"order\":{\"entity_id\":" + entityId
        + ",\"increment_id\":\"" + String.format("%09d", entityId) + "\",\"state\":\"new\"}}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void signedDelivery_readsTheOrderThroughTheApi_once() throws Exception {
    long id = fx.sim.orderIds().get(5);
    byte[] body = delivery(id);
    MagentoOrderWebhook.Reply first = hook.receive(sign(keys.getPrivate(), body), body);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("{\"op\":\"success\"}");
    assertThat(first.order()).hasValueSatisfying(r -> assertThat(r.key()).isEqualTo(String.format("%09d", id)));
    assertThat(first.duplicate()).isFalse();
    MagentoOrderWebhook.Reply again = hook.receive(sign(keys.getPrivate(), body), body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.order()).as("the same delivery twice is processed once").isEmpty();
    assertThat(again.duplicate()).isTrue();
  }

  @Test
  void badOrMissingSignature_isRejected_andNothingIsRead() throws Exception {
    byte[] body = delivery(fx.sim.orderIds().get(1));
    long before = fx.sim.server().log().total();
    KeyPair other = OTHER;
    for (String header : new String[] {null, "", "not-base64!", sign(other.getPrivate(), body),
        sign(keys.getPrivate(), "{\"tampered\":true}".getBytes(StandardCharsets.UTF_8))}) {
      MagentoOrderWebhook.Reply r = hook.receive(header, body);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body()).contains("\"op\":\"exception\"");
      assertThat(r.order()).isEmpty();
    }
    assertThat(fx.sim.server().log().total()).isEqualTo(before);
    // signing the raw body instead of its base64 is not what Commerce does, and is refused
    Signature raw = Signature.getInstance("SHA256withRSA");
    raw.initSign(keys.getPrivate());
    raw.update(body);
    assertThat(hook.verify(Base64.getEncoder().encodeToString(raw.sign()), body)).isFalse();
  }

  @Test
  void beforeWebhookWithoutAnOrderId_isAcknowledged_withNothingToRead() throws Exception {
    byte[] body = "{\"order\":{\"customer_email\":\"x@example.com\",\"items\":[]}}".getBytes(StandardCharsets.UTF_8);
    MagentoOrderWebhook.Reply r = hook.receive(sign(keys.getPrivate(), body), body);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.order()).isEmpty();
  }

  @Test
  void webhookNeedsItsKey_andABadKeyFailsAtBuildTime() {
    assertThatThrownBy(() -> MagentoStorefront.of(fx.oauthClient()).orderWebhook())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("webhook");
    assertThatThrownBy(() -> MagentoStorefront.builder(fx.oauthClient()).webhook("not a key", state.receivedEvents())
        .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("webhook.publicKey");
  }
}
