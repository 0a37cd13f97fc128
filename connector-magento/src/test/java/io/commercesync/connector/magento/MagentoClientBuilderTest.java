package io.commercesync.connector.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.security.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MagentoClientBuilderTest {

  static final Secret CK = Secret.of("consumer-key-1234");
  static final Secret CS = Secret.of("consumer-secret-5678");
  static final Secret AT = Secret.of("access-token-9012");
  static final Secret ATS = Secret.of("access-token-secret-3456");

  @Test
  void build_validatesEverySettingByName() {
    assertThatThrownBy(() -> MagentoClient.builder().oauth1(CK, CS, AT, ATS).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> MagentoClient.builder().baseUrl("ftp://shop").oauth1(CK, CS, AT, ATS).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("http(s) URL");
    assertThatThrownBy(() -> MagentoClient.builder().baseUrl("https://shop.example.com/rest/default/V1")
        .oauth1(CK, CS, AT, ATS).build()).hasMessageContaining("without /rest/");
    assertThatThrownBy(() -> MagentoClient.builder().baseUrl("https://shop.example.com").build())
        .hasMessageContaining("auth").hasMessageContaining("oauth1");
    assertThatThrownBy(() -> MagentoClient.builder().baseUrl("https://shop.example.com").oauth1(CK, CS, AT, ATS)
        .rateLimitBackoff(Duration.ZERO).build()).hasMessageContaining("rateLimitBackoff");
    assertThatThrownBy(() -> MagentoLimits.DEFAULT.withMaxSyncEntities(0)).hasMessageContaining("maxSyncEntities");
    assertThatThrownBy(() -> StoreScope.store("Default Store")).hasMessageContaining("storeCode");
    assertThatThrownBy(() -> MagentoAuth.adminToken("", CS)).hasMessageContaining("auth.admin.username");
  }

  @Test
  void clientIsImmutable_andToBuilderDerivesVariants() {
    MagentoClient a = MagentoClient.builder().baseUrl("https://shop.example.com/").oauth1(CK, CS, AT, ATS).build();
    MagentoClient b = a.toBuilder().limits(MagentoLimits.DEFAULT.withMaxSyncEntities(50)).build();
    assertThat(a.baseUrl()).isEqualTo("https://shop.example.com");
    assertThat(a.limits().maxSyncEntities()).isEqualTo(20);
    assertThat(b.limits().maxSyncEntities()).isEqualTo(50);
    assertThat(b.authMode()).isEqualTo("oauth1");
  }

  @Test
  void noCredential_showsInToString() {
    MagentoClient client = MagentoClient.builder().baseUrl("https://shop.example.com").oauth1(CK, CS, AT, ATS).build();
    String text = client + " " + MagentoAuth.oauth1(CK, CS, AT, ATS) + " " + MagentoAuth.bearer(AT) + " "
        + MagentoAuth.adminToken("erp", CS) + " " + client.toBuilder();
    for (Secret s : new Secret[] {CK, CS, AT, ATS}) {
      assertThat(text).doesNotContain(s.reveal());
    }
    assertThat(text).contains("oauth1");
  }
}
