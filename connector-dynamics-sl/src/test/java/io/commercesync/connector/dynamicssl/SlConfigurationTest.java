package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.dynamicssl.internal.text.SlText;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.security.Secret;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlConfigurationTest {

  @Test
  void fiscalCalendar_derivesPerPostFromTheDate() {
    assertThat(SlFiscalCalendar.calendarYear().perPost(LocalDate.of(2024, 5, 14))).isEqualTo("202405");
    assertThat(SlFiscalCalendar.calendarYear().perPost(LocalDate.of(2024, 12, 31))).isEqualTo("202412");
    SlFiscalCalendar july = SlFiscalCalendar.monthly(Month.JULY);
    assertThat(july.perPost(LocalDate.of(2024, 5, 14))).isEqualTo("202411");
    assertThat(july.perPost(LocalDate.of(2024, 7, 1))).isEqualTo("202501");
    assertThat(july.perPost(LocalDate.of(2025, 6, 30))).isEqualTo("202512");
    SlFiscalCalendar thirteen = SlFiscalCalendar.periods(Map.of(LocalDate.of(2024, 1, 1), "202401",
        LocalDate.of(2024, 1, 29), "202402", LocalDate.of(2024, 12, 2), "202413"));
    assertThat(thirteen.perPost(LocalDate.of(2024, 1, 28))).isEqualTo("202401");
    assertThat(thirteen.perPost(LocalDate.of(2024, 12, 31))).isEqualTo("202413");
    assertThatThrownBy(() -> thirteen.perPost(LocalDate.of(2023, 12, 31))).hasMessageContaining("no SL fiscal period");
    assertThatThrownBy(() -> SlFiscalCalendar.periods(Map.of(LocalDate.of(2024, 1, 1), "2024-01")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("fiscalCalendar.periods");
  }

  @Test
  void clientBuilder_namesTheBadOption_andNeverShowsASecret() {
    assertThatThrownBy(() -> SlClient.builder().company("0060").apiKey(Secret.of("k"), Secret.of("s")).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> SlClient.builder().baseUrl(URI.create("https://sl")).company("0060").build())
        .hasMessageContaining("auth");
    assertThatThrownBy(() -> SlClient.builder().baseUrl(URI.create("https://sl")).apiKey(Secret.of("k"), Secret.of("s"))
        .company("COMPANY-0060").build()).hasMessageContaining("company").hasMessageContaining("1..10");
    assertThatThrownBy(() -> SlClient.builder().baseUrl(URI.create("https://sl")).company("0060")
        .apiKey(Secret.of("key-1"), Secret.of("very-secret")).bearerToken(Secret.of("tok")).build())
        .hasMessageContaining("not both").hasMessageNotContaining("very-secret");
    SlClient ok = SlClient.builder().baseUrl(URI.create("https://sl.example/")).company("0060")
        .apiKey(Secret.of("key-1"), Secret.of("very-secret")).build();
    assertThat(ok.toString()).doesNotContain("very-secret", "key-1");
    assertThat(ok.toBuilder().company("0070").build().company()).isEqualTo("0070");
    assertThat(ok.company()).isEqualTo("0060");
  }

  private static SlClient.Builder minimal() {
    return SlClient.builder().baseUrl(URI.create("https://sl.example/")).company("0060")
        .apiKey(Secret.of("key-1"), Secret.of("very-secret"));
  }

  @Test
  void creditMemoAccounts_requireTheRefundsAccount_andDefaultFreightAndTaxToIt() {
    assertThatThrownBy(() -> SlCreditMemoAccounts.of(" ")).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("creditMemoAccounts.refunds").hasMessageContaining("is required");
    assertThatThrownBy(() -> SlCreditMemoAccounts.of(null, "4050", "2300"))
        .isInstanceOf(ConfigurationException.class).extracting(e -> ((ConfigurationException) e).setting())
        .isEqualTo("creditMemoAccounts.refunds");
    SlCreditMemoAccounts only = SlCreditMemoAccounts.of(" 4900/01-000-00 ");
    assertThat(only).isEqualTo(new SlCreditMemoAccounts("4900/01-000-00", "4900/01-000-00", "4900/01-000-00"));
    SlCreditMemoAccounts split = only.withFreight("4050").withTax("2300/02-000-00");
    assertThat(split.refunds()).isEqualTo("4900/01-000-00");
    assertThat(split.freight()).isEqualTo("4050");
    assertThat(split.tax()).isEqualTo("2300/02-000-00");
    assertThat(split.withFreight(null).freight()).isEqualTo("4900/01-000-00");
  }

  @Test
  void clientBuilder_checksCreditMemoAccountsAgainstArTranWidths_namingTheOption() {
    assertThat(minimal().build().creditMemoAccounts()).isEmpty();
    SlCreditMemoAccounts ok = SlCreditMemoAccounts.of("4900/01-000-00", "4050", "2300/" + "S".repeat(24));
    SlClient client = minimal().defaultSubaccount("01-000-00").creditMemoAccounts(ok).build();
    assertThat(client.creditMemoAccounts()).hasValue(ok);
    assertThat(client.toBuilder().build().creditMemoAccounts()).as("toBuilder keeps it").hasValue(ok);

    assertThatThrownBy(() -> minimal().creditMemoAccounts(SlCreditMemoAccounts.of("4900/01-000-00",
        "A".repeat(11) + "/01", null)).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("creditMemoAccounts.freight")
        .hasMessageContaining("ARTran.Acct is char(10)").hasMessageContaining("was 11");
    assertThatThrownBy(() -> minimal().creditMemoAccounts(SlCreditMemoAccounts.of("4900/01-000-00", null,
        "2300/" + "S".repeat(25))).build())
        .hasMessageContaining("creditMemoAccounts.tax").hasMessageContaining("ARTran.Sub is char(24)");
    // no subaccount written and no default subaccount configured
    assertThatThrownBy(() -> minimal().creditMemoAccounts(SlCreditMemoAccounts.of("4900")).build())
        .hasMessageContaining("creditMemoAccounts.refunds").hasMessageContaining("defaultSubaccount");
    assertThat(minimal().defaultSubaccount("01-000-00").creditMemoAccounts(SlCreditMemoAccounts.of("4900")).build()
        .creditMemoAccounts()).isPresent();
    assertThatThrownBy(() -> minimal().creditMemoAccounts(SlCreditMemoAccounts.of("/01-000-00")).build())
        .hasMessageContaining("creditMemoAccounts.refunds").hasMessageContaining("needs an account");
    assertThatThrownBy(() -> minimal().creditMemoAccounts(SlCreditMemoAccounts.of("4900/01-000-00", "40€5/01", null))
        .codePage(Charset.forName("ISO-8859-1")).build())
        .hasMessageContaining("creditMemoAccounts.freight").hasMessageContaining("is not in code page ISO-8859-1");
  }

  @Test
  void pollingBuilder_requiresTheServerZone() {
    assertThatThrownBy(() -> SlPolling.builder().dataSource(new org.h2.jdbcx.JdbcDataSource()).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("serverZone");
    assertThatThrownBy(() -> SlPolling.builder().dataSource(new org.h2.jdbcx.JdbcDataSource())
        .serverZone(SlFixtures.CHICAGO).overlap(java.time.Duration.ofSeconds(30)).build())
        .hasMessageContaining("overlap");
  }

  @Test
  void text_trimsOnRead_andTransliteratesOnlyWhatTheCodePageLacks() {
    assertThat(SlText.rtrim("C000123        ")).isEqualTo("C000123");
    assertThat(SlText.rtrim(" ")).isEmpty();
    assertThat(SlText.rtrim("  lead")).isEqualTo("  lead");
    SlText t = new SlText(Charset.forName("windows-1252"), true);
    assertThat(t.transliterate("Łódź Straße café")).isEqualTo("Lódz Straße café");
    assertThat(t.transliterate("東京")).isEqualTo("東京");
    SlText latin1 = new SlText(Charset.forName("ISO-8859-1"), true);
    assertThat(latin1.transliterate("Œuvre – “x”")).isEqualTo("OEuvre – “x”");
  }

  @Test
  void custIds_comeFromTheNameAndTheIdentity() {
    var c = SlFixtures.newCustomer("zofia.nowak@example.com");
    assertThat(SlCustomerIds.candidate(c, 0)).startsWith("NOWAK").hasSize(11);
    var company = c.toBuilder().company("Ács & Søn Engineering").build();
    assertThat(SlCustomerIds.candidate(company, 0)).startsWith("ACSSNENG");
    assertThat(SlCustomerIds.candidate(c.toBuilder().email("other@example.com").build(), 0))
        .isNotEqualTo(SlCustomerIds.candidate(c, 0));
  }
}
