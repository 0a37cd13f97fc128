package io.commercesync.connector.clarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.config.Settings;
import io.commercesync.core.error.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code type: clarity} block of a sync configuration. */
class ClarityConnectorFactoryTest {

  private static final Map<String, String> ENV = Map.of("CLARITY_KEY", "k-123");

  private static ClarityStorefront create(Map<String, Object> values) {
    return (ClarityStorefront) new ClarityConnectorFactory().create(Settings.of("storefront", values, ENV::get));
  }

  @Test
  void returnStatuses_fromTheConfiguration_replaceTheDialectDefaults() {
    ClarityStorefront clarity = create(Map.of("baseUrl", "https://shop.example.com", "auth", "api-key",
        "key", "env:CLARITY_KEY", "returnStatuses", List.of("Completed", "Approved")));
    assertThat(clarity.client().returnStatuses().refunded()).containsExactlyInAnyOrder("Completed", "Approved");
    assertThat(clarity.client().returnStatuses().isRefunded("refunded")).isFalse();
  }

  @Test
  void withoutReturnStatuses_theDialectDefaultsApply() {
    ClarityStorefront clarity = create(Map.of("baseUrl", "https://shop.example.com", "auth", "api-key",
        "key", "env:CLARITY_KEY"));
    assertThat(clarity.client().returnStatuses().refunded()).containsExactly("refunded");
  }

  @Test
  void emptyReturnStatuses_areAConfigurationError() {
    assertThatThrownBy(() -> create(Map.of("baseUrl", "https://shop.example.com", "auth", "api-key",
        "key", "env:CLARITY_KEY", "returnStatuses", List.of())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("returnStatuses");
  }
}
