package io.commercesync.connector.clarity.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.security.Secret;
import io.commercesync.testkit.clarity.ClaritySimulator;
import io.commercesync.testkit.clarity.SimClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY scenario 15 — auth: clock skew and expired tokens give a typed error without a secret,
 * and renewal where allowed (once, never a loop).
 */
class Scenario15AuthTest {

  ClaritySimulator sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  ClarityClient.Builder v1(java.time.Clock clock, String secret) {
    return ClarityClient.builder().baseUrl(sim.baseUri()).allowInsecureHttp(true).clock(clock)
        .auth(ClarityAuth.oauth2("commercesync", Secret.of(secret), "orders:read"));
  }

  long unauthorizedAnswers() {
    return sim.server().log().recent().stream().filter(e -> e.status() == 401).count();
  }

  @Test
  void oauthToken_isRenewedBeforeExpiry_withoutA401() {
    sim = ClaritySimulator.start();
    ClarityClient client = v1(sim.clock(), "commercesync-secret").build();
    assertThat(client.order("CS-100045")).isPresent();
    sim.clock().advance(Duration.ofMinutes(59).plusSeconds(1));   // inside the 60 s margin
    assertThat(client.order("CS-100045")).isPresent();
    assertThat(sim.tokensIssued()).isEqualTo(2);
    assertThat(unauthorizedAnswers()).isZero();
  }

  @Test
  void clockSkew_tokenExpiredOnTheServerFirst_isRenewedOnceOn401() {
    sim = ClaritySimulator.start();
    // the client's clock drifts: 61 minutes pass on the store, 30 on the client, which therefore
    // believes the expired token is still fresh
    SimClock behind = SimClock.at(sim.clock().instant());
    ClarityClient client = v1(behind, "commercesync-secret").build();
    assertThat(client.order("CS-100045")).isPresent();
    sim.clock().advance(Duration.ofMinutes(61));
    behind.advance(Duration.ofMinutes(30));
    assertThat(client.order("CS-100045")).isPresent();
    assertThat(sim.tokensIssued()).isEqualTo(2);
    assertThat(unauthorizedAnswers()).as("exactly one refused call, then renewal").isEqualTo(1);
  }

  @Test
  void wrongClientSecret_isATypedError_withoutTheSecret_andNoLoop() {
    sim = ClaritySimulator.start();
    String wrong = "not-the-secret-7d1e";
    ClarityClient client = v1(sim.clock(), wrong).build();
    assertThatThrownBy(() -> client.order("CS-100045")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.retryable()).isFalse();
      assertThat(e.remoteCode()).contains("invalid_client");
      assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain("commercesync-secret");
      assertThat(String.valueOf(e.getCause())).doesNotContain(wrong);
    });
    assertThat(sim.server().log().count("POST", "/api/v1/oauth/token")).isEqualTo(1);
    assertThat(client.toString()).doesNotContain(wrong);
  }

  @Test
  void revokedToken_isRenewedOnce_andARenewalTheStoreAlsoRefuses_endsTypedWithoutALoop() {
    sim = ClaritySimulator.start();
    ClarityClient client = v1(sim.clock(), "commercesync-secret").build();
    assertThat(client.order("CS-100045")).isPresent();
    sim.revokeCredentials();
    assertThat(client.order("CS-100045")).as("401, one renewal, success").isPresent();
    assertThat(sim.tokensIssued()).isEqualTo(2);
    sim.close();

    // a store whose tokens are dead on arrival: one renewal, then a typed error
    sim = ClaritySimulator.start(ClaritySimulator.options().tokenLifetime(Duration.ZERO));
    ClarityClient doomed = v1(sim.clock(), "commercesync-secret").build();
    assertThatThrownBy(() -> doomed.order("CS-100045")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.status()).hasValue(401);
      assertThat(e.getMessage()).doesNotContain("commercesync-secret").doesNotContain("tok_");
    });
    assertThat(sim.tokensIssued()).isEqualTo(2);
    assertThat(sim.server().log().count("GET", "/api/v1/orders")).isEqualTo(2);
  }

  @Test
  void nativeSession_expiredOrRevoked_isRenewedOnce_andAWrongPasswordIsTypedWithoutIt() {
    sim = ClaritySimulator.start();
    ClarityClient client = ClarityClient.builder().baseUrl(sim.baseUri()).allowInsecureHttp(true).clock(sim.clock())
        .auth(ClarityAuth.session("integration", Secret.of("integration-password"))).build();
    assertThat(client.order("CS-100045")).isPresent();
    sim.clock().advance(Duration.ofMinutes(21));   // the session lifetime is 20 minutes
    assertThat(client.order("CS-100045")).isPresent();
    sim.revokeCredentials();
    assertThat(client.order("CS-100045")).isPresent();
    assertThat(sim.logins()).isEqualTo(3);

    String wrong = "integration-passw0rd-typo";
    ClarityClient bad = ClarityClient.builder().baseUrl(sim.baseUri()).allowInsecureHttp(true)
        .auth(ClarityAuth.session("integration", Secret.of(wrong))).build();
    assertThatThrownBy(() -> bad.order("CS-100045")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.getMessage()).contains("Invalid UserName or Password").doesNotContain(wrong);
      assertThat(e.retryable()).isFalse();
    });
  }

  @Test
  void wrongApiKey_isFinal_withoutRenewalAttempts() {
    sim = ClaritySimulator.start();
    ClarityClient client = ClarityClient.builder().baseUrl(sim.baseUri()).allowInsecureHttp(true)
        .auth(ClarityAuth.apiKey(Secret.of("wrong-api-key-123"))).build();
    assertThatThrownBy(() -> client.order("CS-100045")).isInstanceOfSatisfying(AuthenticationException.class, e ->
        assertThat(e.getMessage()).contains("HTTP 401").contains("UNAUTHORIZED").doesNotContain("wrong-api-key-123"));
    assertThat(sim.server().log().count("GET", "/api/v1/orders")).isEqualTo(1);
  }
}
