package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.config.Settings;
import io.commercesync.core.error.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code type: dynamics-sl} block of a sync configuration. */
class SlConnectorFactoryTest {

  private static final Map<String, String> ENV = Map.of("SL_API_KEY", "k-1", "SL_API_SECRET", "s-1");

  private static Map<String, Object> base() {
    Map<String, Object> values = new HashMap<>();
    values.put("baseUrl", "https://sl-api.corp.example/");
    values.put("apiKey", "env:SL_API_KEY");
    values.put("apiSecret", "env:SL_API_SECRET");
    values.put("company", "0060");
    values.put("serverZone", "America/Chicago");
    return values;
  }

  private static SlConnector create(Map<String, Object> values) {
    return (SlConnector) new SlConnectorFactory().create(Settings.of("erp", values, ENV::get));
  }

  @Test
  void creditMemoAccounts_fromTheConfiguration_reachTheClient_freightAndTaxDefaultingToRefunds() {
    Map<String, Object> values = base();
    values.put("defaultSubaccount", "01-000-00");
    values.put("creditMemoAccounts", Map.of("refunds", "4900", "tax", "2300/02-000-00"));
    SlClient client = create(values).client();
    assertThat(client.creditMemoAccounts()).hasValue(new SlCreditMemoAccounts("4900", "4900", "2300/02-000-00"));

    Map<String, Object> all = base();
    all.put("creditMemoAccounts", Map.of("refunds", "4900/01-000-00", "freight", "4050/01-000-00",
        "tax", "2300/01-000-00"));
    assertThat(create(all).client().creditMemoAccounts()).hasValue(SlCreditMemoAccounts.of("4900/01-000-00",
        "4050/01-000-00", "2300/01-000-00"));
  }

  @Test
  void withoutCreditMemoAccounts_noneAreConfigured() {
    assertThat(create(base()).client().creditMemoAccounts()).isEmpty();
  }

  @Test
  void creditMemoAccounts_withoutRefunds_orWithAnUnknownKey_orTooWide_areConfigurationErrorsNamingTheKey() {
    Map<String, Object> noRefunds = base();
    noRefunds.put("creditMemoAccounts", Map.of("freight", "4050/01-000-00"));
    assertThatThrownBy(() -> create(noRefunds)).isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).setting()).isEqualTo("erp.creditMemoAccounts.refunds");

    Map<String, Object> typo = base();
    typo.put("creditMemoAccounts", Map.of("refunds", "4900/01-000-00", "shipping", "4050/01-000-00"));
    assertThatThrownBy(() -> create(typo)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("erp.creditMemoAccounts.shipping").hasMessageContaining("refunds, freight, tax");

    Map<String, Object> wide = base();
    wide.put("creditMemoAccounts", Map.of("refunds", "49000000000/01-000-00"));
    assertThatThrownBy(() -> create(wide)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("creditMemoAccounts.refunds").hasMessageContaining("ARTran.Acct is char(10)");

    Map<String, Object> notABlock = base();
    notABlock.put("creditMemoAccounts", "4900/01-000-00");
    assertThatThrownBy(() -> create(notABlock)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("erp.creditMemoAccounts").hasMessageContaining("block");
  }

  @Test
  void creditMemoOrderType_fromTheConfiguration_replacesTheDefault() {
    Map<String, Object> values = base();
    values.put("creditMemoOrderType", "RC");
    assertThat(create(values).client().creditMemoOrderType()).isEqualTo("RC");
    assertThat(create(base()).client().creditMemoOrderType()).isEqualTo("CM");
    values.put("creditMemoOrderType", "SO");
    assertThatThrownBy(() -> create(values)).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("creditMemoOrderType");
  }
}
