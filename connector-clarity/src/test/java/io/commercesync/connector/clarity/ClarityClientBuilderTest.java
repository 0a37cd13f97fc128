package io.commercesync.connector.clarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.security.Secret;
import org.junit.jupiter.api.Test;

class ClarityClientBuilderTest {

  static final String PASSWORD = "s3cr3t-password-value";

  @Test
  void dialectFollowsTheAuthProvider_andTheBasePathDefaultsPerDialect() {
    ClarityClient cef = ClarityClient.builder().baseUrl("https://shop.example.com")
        .auth(ClarityAuth.basic("api", Secret.of(PASSWORD))).build();
    assertThat(cef.dialect()).isEqualTo(ClarityDialect.NATIVE);
    assertThat(cef.apiBase()).hasToString("https://shop.example.com/DesktopModules/ClarityEcommerce/API");
    ClarityClient v1 = ClarityClient.builder().baseUrl("https://shop.example.com/store/")
        .auth(ClarityAuth.apiKey(Secret.of(PASSWORD))).build();
    assertThat(v1.apiBase()).hasToString("https://shop.example.com/store/api/v1");
    ClarityClient mounted = cef.toBuilder().basePath("/cef/api").build();
    assertThat(mounted.apiBase()).hasToString("https://shop.example.com/cef/api");
  }

  @Test
  void badSettings_failAtBuild_namingTheOption() {
    assertThatThrownBy(() -> ClarityClient.builder().baseUrl("https://x.example").build())
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.setting()).isEqualTo("auth"));
    assertThatThrownBy(() -> ClarityClient.builder().baseUrl("http://x.example")
        .auth(ClarityAuth.apiKey(Secret.of(PASSWORD))).build())
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.setting()).isEqualTo("baseUrl");
          assertThat(e.getMessage()).contains("https");
        });
    assertThatThrownBy(() -> ClarityClient.builder().baseUrl("https://x.example").dialect(ClarityDialect.V1)
        .auth(ClarityAuth.session("u", Secret.of(PASSWORD))).build())
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.setting()).isEqualTo("auth"));
    assertThatThrownBy(() -> ClarityClient.builder().baseUrl("https://x.example").pageSize(251)
        .auth(ClarityAuth.apiKey(Secret.of(PASSWORD))).build())
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.setting()).isEqualTo("pageSize");
          assertThat(e.getMessage()).contains("1..250").contains("251");
        });
    assertThatThrownBy(() -> ClarityAuth.oauth2(" ", Secret.of(PASSWORD), null))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.setting()).isEqualTo("auth.clientId"));
  }

  @Test
  void noSecretInAnyToString() {
    ClarityAuth[] auths = {ClarityAuth.session("u", Secret.of(PASSWORD)), ClarityAuth.basic("u", Secret.of(PASSWORD)),
        ClarityAuth.oauth2("c", Secret.of(PASSWORD), "s"), ClarityAuth.apiKey(Secret.of(PASSWORD))};
    for (ClarityAuth auth : auths) {
      assertThat(auth.toString()).doesNotContain(PASSWORD);
      ClarityClient client = ClarityClient.builder().baseUrl("https://x.example").auth(auth).build();
      assertThat(client.toString()).doesNotContain(PASSWORD);
      assertThat(ClarityStorefront.of(client).toString()).doesNotContain(PASSWORD);
    }
    assertThat(new io.commercesync.connector.clarity.internal.dto.cef.CefAuthRequest("u", PASSWORD, true).toString())
        .doesNotContain(PASSWORD);
    assertThat(new io.commercesync.connector.clarity.internal.dto.v1.V1Token(PASSWORD, "Bearer", 3600L, null, null, null)
        .toString()).doesNotContain(PASSWORD);
  }

  @Test
  void storefrontOffersTheNineCapabilities() {
    ClarityStorefront shop = ClarityStorefront.of(ClarityClient.builder().baseUrl("https://x.example")
        .auth(ClarityAuth.apiKey(Secret.of(PASSWORD))).build());
    assertThat(shop.capabilities()).hasSize(9).contains(io.commercesync.core.spi.ReturnSource.class);
    assertThat(shop.capability(io.commercesync.core.spi.OrderSink.class)).isEmpty();
    assertThatThrownBy(() -> shop.require(io.commercesync.core.spi.OrderSink.class))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("OrderSink");
    assertThat(shop.client().returnStatuses().refunded()).containsExactly("refunded");
  }

  @Test
  void returnStatuses_areConfiguration_matchedLikeOrderStatuses() {
    assertThat(ClarityReturnStatuses.nativeDefaults().isRefunded("payment_sent")).isTrue();
    assertThat(ClarityReturnStatuses.nativeDefaults().isRefunded("COMPLETED")).isTrue();
    assertThat(ClarityReturnStatuses.nativeDefaults().isRefunded("Pending")).isFalse();
    assertThat(ClarityReturnStatuses.nativeDefaults().isRefunded(null)).isFalse();
    assertThatThrownBy(ClarityReturnStatuses::of).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("returnStatuses");
    ClarityClient nativeClient = ClarityClient.builder().baseUrl("https://x.example")
        .auth(ClarityAuth.session("integration", Secret.of(PASSWORD))).build();
    assertThat(nativeClient.returnStatuses().refunded()).containsExactlyInAnyOrder("Payment Sent", "Completed");
  }
}
