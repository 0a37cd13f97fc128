package io.commercesync.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

  private static final String VALUE = "s3cr3t-consumer-key-9f8e7d";

  record Credentials(String user, Secret password) {}

  @Test
  void toString_neverShowsTheValue() {
    Secret secret = Secret.of(VALUE);
    assertThat(secret.toString()).isEqualTo(Secret.MASK).doesNotContain(VALUE);
    assertThat(new Credentials("admin", secret).toString()).doesNotContain(VALUE).contains(Secret.MASK);
    assertThat(String.valueOf(secret)).doesNotContain(VALUE);
    assertThat(secret.reveal()).isEqualTo(VALUE);
  }

  @Test
  void json_neverShowsTheValue_withOurCodec_orAPlainObjectMapper() throws Exception {
    Credentials credentials = new Credentials("admin", Secret.of(VALUE));
    String ours = JsonCodec.builder(SystemId.MAGENTO).build().writeString(credentials);
    assertThat(ours).doesNotContain(VALUE).contains("\"password\":\"" + Secret.MASK + "\"");
    String plain = new ObjectMapper().writeValueAsString(credentials);
    assertThat(plain).doesNotContain(VALUE);
  }

  @Test
  void json_cannotSmuggleASecretIn_andOurErrorsDoNotEchoIt() {
    // no creator: even a plain ObjectMapper cannot build a Secret from JSON
    assertThat(catchThrowable(() -> new ObjectMapper().readValue("\"" + VALUE + "\"", Secret.class)))
        .isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidDefinitionException.class);
    Throwable ours = catchThrowable(() -> JsonCodec.builder(SystemId.MAGENTO).build()
        .read("{\"user\":\"admin\",\"password\":\"" + VALUE + "\"}", Credentials.class, "credentials"));
    assertThat(ours).isInstanceOf(io.commercesync.core.error.InvalidRecordException.class);
    assertThat(ours.getMessage()).contains("password").doesNotContain(VALUE);
  }

  @Test
  void exceptions_nameTheVariable_neverTheValue() {
    Throwable missing = catchThrowable(() -> Secret.fromEnv("MAGENTO_SECRET", Map.of()));
    assertThat(missing).isInstanceOf(ConfigurationException.class).hasMessageContaining("MAGENTO_SECRET");
    Throwable blank = catchThrowable(() -> Secret.of("   "));
    assertThat(blank).isInstanceOf(ConfigurationException.class).hasMessageContaining("must not be null or blank");
    assertThat(Secret.fromEnv("K", Map.of("K", VALUE)).reveal()).isEqualTo(VALUE);
  }

  @Test
  void equality_isByValue_andHashCodeLeaksNothing() {
    assertThat(Secret.of(VALUE)).isEqualTo(Secret.of(VALUE)).isNotEqualTo(Secret.of(VALUE + "x"));
    assertThat(Secret.of("a-b-c-d").hashCode()).isEqualTo(Secret.of("z-y-x-w").hashCode());
  }

  @Test
  void redactor_masksCredentialsInHeadersBodiesAndQueries() {
    String text = String.join("\n",
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def",
        "X-Api-Key: key-123456",
        "POST /oauth/token grant_type=client_credentials&client_secret=hunter2hunter2&scope=orders",
        "{\"access_token\":\"tok_abcdef123456\",\"token_type\":\"Bearer\",\"expires_in\":3600}",
        "OAuth oauth_consumer_key=\"ck\", oauth_signature=\"c2lnbmF0dXJl\"",
        "<Password>p@ss-word</Password>",
        "call failed: basic dXNlcjpwYXNzd29yZA==");
    String out = Redactor.DEFAULT.redact(text);
    assertThat(out).doesNotContain("eyJhbGciOiJIUzI1NiJ9", "key-123456", "hunter2hunter2", "tok_abcdef123456",
        "c2lnbmF0dXJl", "p@ss-word", "dXNlcjpwYXNzd29yZA==");
    assertThat(out).contains("grant_type=client_credentials", "\"token_type\":\"Bearer\"", "expires_in");
  }

  @Test
  void redactor_withSecrets_masksTheExactValuesAnywhere() {
    Secret key = Secret.of(VALUE);
    String out = Redactor.DEFAULT.withSecrets(java.util.List.of(key)).redact("signed with " + VALUE + " ok");
    assertThat(out).isEqualTo("signed with " + Secret.MASK + " ok");
  }
}
