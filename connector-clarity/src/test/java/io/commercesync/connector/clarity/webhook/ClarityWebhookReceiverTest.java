package io.commercesync.connector.clarity.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.clarity.Samples;
import io.commercesync.core.security.Secret;
import io.commercesync.core.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClarityWebhookReceiverTest {

  /** 50 s after the sample was signed (2024-05-14T15:42:10Z). */
  static final Clock NEAR_SAMPLE = Clock.fixed(Instant.parse("2024-05-14T15:43:00Z"), ZoneOffset.UTC);

  static Map<String, List<String>> sampleHeaders() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Content-Type", List.of("application/json; charset=utf-8"));
    h.put("X-Clarity-Webhook-Id", List.of(Samples.WEBHOOK_ID));
    h.put("X-Clarity-Event", List.of("order.created"));
    h.put("X-Clarity-Timestamp", List.of(String.valueOf(Samples.WEBHOOK_TIMESTAMP)));
    h.put("X-Clarity-Delivery-Attempt", List.of("1"));
    h.put("X-Clarity-Signature", List.of(Samples.WEBHOOK_SIGNATURE));
    return h;
  }

  static WebhookVerifier verifier(Clock clock, String... secrets) {
    WebhookVerifier.Builder b = WebhookVerifier.builder().clock(clock);
    for (String s : secrets) {
      b.secret(Secret.of(s));
    }
    return b.build();
  }

  static ClarityWebhookReceiver receiver(StateStore store, Clock clock) {
    return ClarityWebhookReceiver.builder().verifier(verifier(clock, Samples.WEBHOOK_SECRET))
        .receivedEvents(store.receivedEvents()).build();
  }

  @Test
  void signedSample_verifiesWithAnInjectedClock_andYieldsATypedEvent() {
    assertThat(org.assertj.core.util.Hexadecimals.toHexString(sha256(Samples.bytes("webhook-order-created.json"))))
        .as("the body copy is byte-exact").isEqualToIgnoringCase("f79ac9c7ee343a98badc473337e91aa99528fae35aaf6dc71dda85db3ac9e23d");
    WebhookResult result = receiver(StateStore.inMemory(), NEAR_SAMPLE)
        .receive(sampleHeaders(), Samples.bytes("webhook-order-created.json"));
    assertThat(result).isInstanceOfSatisfying(WebhookResult.Accepted.class, a -> {
      ClarityEvent e = a.event();
      assertThat(e.id()).isEqualTo(Samples.WEBHOOK_ID);
      assertThat(e.type()).isEqualTo(ClarityEventType.ORDER_CREATED);
      assertThat(e.resourceKey()).isEqualTo("CS-100045");
      assertThat(e.resourceId()).isEqualTo("ord_10045");
      assertThat(e.signedAt()).isEqualTo(Instant.parse("2024-05-14T15:42:10Z"));
      assertThat(e.createdAt()).isEqualTo(Instant.parse("2024-05-14T15:42:09Z"));
      assertThat(e.deliveryAttempt()).isEqualTo(1);
    });
    assertThat(result.httpStatus()).isEqualTo(200);
  }

  @Test
  void alteredBody_isABadSignature() {
    byte[] body = Samples.text("webhook-order-created.json").replace("111.52", "1.52").getBytes(StandardCharsets.UTF_8);
    WebhookResult result = receiver(StateStore.inMemory(), NEAR_SAMPLE).receive(sampleHeaders(), body);
    assertThat(result).isEqualTo(new WebhookResult.Rejected(RejectReason.BAD_SIGNATURE,
        "no signature matches any of the 1 configured secret(s)"));
    assertThat(result.httpStatus()).isEqualTo(401);
  }

  @Test
  void oneByteAppended_isABadSignature() {
    byte[] body = (Samples.text("webhook-order-created.json") + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(verifier(NEAR_SAMPLE, Samples.WEBHOOK_SECRET).verify(sampleHeaders(), body).reason())
        .isEqualTo(RejectReason.BAD_SIGNATURE);
  }

  @Test
  void wrongSecret_isABadSignature() {
    assertThat(verifier(NEAR_SAMPLE, "whsec_not_the_secret").verify(sampleHeaders(), Samples.bytes("webhook-order-created.json"))
        .reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
  }

  @Test
  void staleTimestamp_isOutsideTolerance_bothWays() {
    byte[] body = Samples.bytes("webhook-order-created.json");
    Clock later = Clock.fixed(Instant.parse("2024-05-14T15:47:11Z"), ZoneOffset.UTC);
    Verification stale = verifier(later, Samples.WEBHOOK_SECRET).verify(sampleHeaders(), body);
    assertThat(stale.reason()).isEqualTo(RejectReason.TIMESTAMP_OUTSIDE_TOLERANCE);
    assertThat(stale.toString()).startsWith("timestamp outside tolerance: signed at 2024-05-14T15:42:10Z, 301 s");
    Clock earlier = Clock.fixed(Instant.parse("2024-05-14T15:37:09Z"), ZoneOffset.UTC);
    assertThat(verifier(earlier, Samples.WEBHOOK_SECRET).verify(sampleHeaders(), body).reason())
        .isEqualTo(RejectReason.TIMESTAMP_OUTSIDE_TOLERANCE);
    Clock edge = Clock.fixed(Instant.parse("2024-05-14T15:47:10Z"), ZoneOffset.UTC);
    assertThat(verifier(edge, Samples.WEBHOOK_SECRET).verify(sampleHeaders(), body).valid())
        .as("exactly 300 s is inside the window").isTrue();
  }

  @Test
  void duplicatedId_isAcceptedOnce() {
    StateStore store = StateStore.inMemory();
    ClarityWebhookReceiver receiver = receiver(store, NEAR_SAMPLE);
    byte[] body = Samples.bytes("webhook-order-created.json");
    assertThat(receiver.receive(sampleHeaders(), body)).isInstanceOf(WebhookResult.Accepted.class);
    WebhookResult again = receiver.receive(sampleHeaders(), body);
    assertThat(again).isEqualTo(new WebhookResult.Duplicate(Samples.WEBHOOK_ID));
    assertThat(again.httpStatus()).as("acknowledged so the sender stops").isEqualTo(200);
  }

  @Test
  void keyRotation_acceptsAnyConfiguredSecret_andAnyOfSeveralSignatures() {
    byte[] body = Samples.bytes("webhook-order-created.json");
    assertThat(verifier(NEAR_SAMPLE, "whsec_new_key_after_rotation", Samples.WEBHOOK_SECRET).verify(sampleHeaders(), body)
        .valid()).isTrue();
    Map<String, List<String>> h = sampleHeaders();
    h.put("X-Clarity-Signature", List.of("v1=" + "0".repeat(64) + "," + Samples.WEBHOOK_SIGNATURE));
    assertThat(verifier(NEAR_SAMPLE, Samples.WEBHOOK_SECRET).verify(h, body).valid()).isTrue();
    h.put("x-clarity-signature", List.of("v1=" + "0".repeat(64), Samples.WEBHOOK_SIGNATURE));
    h.remove("X-Clarity-Signature");
    assertThat(verifier(NEAR_SAMPLE, Samples.WEBHOOK_SECRET).verify(h, body).valid())
        .as("header names are case-insensitive; a split header still counts").isTrue();
  }

  @Test
  void malformedOrMissingHeaders_areTypedReasons() {
    byte[] body = Samples.bytes("webhook-order-created.json");
    WebhookVerifier v = verifier(NEAR_SAMPLE, Samples.WEBHOOK_SECRET);
    Map<String, List<String>> h = sampleHeaders();
    h.put("X-Clarity-Timestamp", List.of("2024-05-14T15:42:10Z"));
    assertThat(v.verify(h, body).reason()).isEqualTo(RejectReason.MALFORMED_HEADER);
    h = sampleHeaders();
    h.put("X-Clarity-Signature", List.of("sha256=685586cc"));
    assertThat(v.verify(h, body).reason()).isEqualTo(RejectReason.MALFORMED_HEADER);
    h = sampleHeaders();
    h.remove("X-Clarity-Signature");
    assertThat(v.verify(h, body).reason()).isEqualTo(RejectReason.MISSING_HEADER);
  }

  @Test
  void verifiedButMalformedEnvelope_isRejected_withoutTouchingTheStore() {
    StateStore store = StateStore.inMemory();
    WebhookVerifier v = verifier(NEAR_SAMPLE, Samples.WEBHOOK_SECRET);
    byte[] body = "{\"id\":\"evt_x\",\"type\":\"order.created\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> h = sampleHeaders();
    h.put("X-Clarity-Webhook-Id", List.of("evt_x"));
    h.put("X-Clarity-Signature", List.of(v.sign("evt_x", Samples.WEBHOOK_TIMESTAMP, body)));
    WebhookResult r = ClarityWebhookReceiver.builder().verifier(v).receivedEvents(store.receivedEvents()).build()
        .receive(h, body);
    assertThat(r).isInstanceOfSatisfying(WebhookResult.Rejected.class,
        x -> assertThat(x.reason()).isEqualTo(RejectReason.MALFORMED_BODY));
    assertThat(store.receivedEvents().firstArrival("clarity-webhooks", "evt_x", Instant.EPOCH))
        .as("a rejected delivery is not recorded").isTrue();
  }

  @Test
  void unknownTopic_isIgnoredNotRejected() {
    WebhookVerifier v = verifier(NEAR_SAMPLE, Samples.WEBHOOK_SECRET);
    byte[] body = "{\"id\":\"evt_y\",\"type\":\"cart.abandoned\",\"data\":{\"cart\":{}}}".getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> h = sampleHeaders();
    h.put("X-Clarity-Webhook-Id", List.of("evt_y"));
    h.put("X-Clarity-Event", List.of("cart.abandoned"));
    h.put("X-Clarity-Signature", List.of(v.sign("evt_y", Samples.WEBHOOK_TIMESTAMP, body)));
    assertThat(ClarityWebhookReceiver.builder().verifier(v).withoutDeduplication().build().receive(h, body))
        .isEqualTo(new WebhookResult.Ignored("evt_y", "cart.abandoned"));
  }

  @Test
  void standardWebhooksScheme_verifiesIdTimestampBody() {
    String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("k".repeat(24).getBytes(StandardCharsets.UTF_8));
    WebhookVerifier v = WebhookVerifier.builder().secret(Secret.of(secret)).scheme(SigningScheme.STANDARD_WEBHOOKS)
        .headers(WebhookHeaders.STANDARD_WEBHOOKS).clock(NEAR_SAMPLE).build();
    byte[] body = Samples.bytes("webhook-order-created.json");
    String signature = v.sign(Samples.WEBHOOK_ID, Samples.WEBHOOK_TIMESTAMP, body);
    assertThat(signature).startsWith("v1,");
    Map<String, List<String>> h = Map.of("webhook-id", List.of(Samples.WEBHOOK_ID),
        "webhook-timestamp", List.of(String.valueOf(Samples.WEBHOOK_TIMESTAMP)),
        "webhook-signature", List.of("v1,AAAA " + signature));
    assertThat(v.verify(h, body).valid()).isTrue();
    Map<String, List<String>> otherId = Map.of("webhook-id", List.of("evt_other"),
        "webhook-timestamp", List.of(String.valueOf(Samples.WEBHOOK_TIMESTAMP)),
        "webhook-signature", List.of(signature));
    assertThat(v.verify(otherId, body).reason()).as("the id is signed too").isEqualTo(RejectReason.BAD_SIGNATURE);
  }

  @Test
  void noSecretInToStringOrRejectionDetail() {
    WebhookVerifier v = verifier(NEAR_SAMPLE, Samples.WEBHOOK_SECRET, "whsec_second_secret_value");
    assertThat(v.toString()).doesNotContain("commercesync_test").doesNotContain("second_secret");
    Verification bad = v.verify(sampleHeaders(), "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(bad.toString()).doesNotContain("commercesync_test").doesNotContain("685586cc");
  }

  @Test
  void tolerance_isConfigurable() {
    Clock tenMinutesLater = Clock.fixed(Instant.parse("2024-05-14T15:52:00Z"), ZoneOffset.UTC);
    WebhookVerifier wide = WebhookVerifier.builder().secret(Secret.of(Samples.WEBHOOK_SECRET))
        .tolerance(Duration.ofMinutes(15)).clock(tenMinutesLater).build();
    assertThat(wide.verify(sampleHeaders(), Samples.bytes("webhook-order-created.json")).valid()).isTrue();
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
