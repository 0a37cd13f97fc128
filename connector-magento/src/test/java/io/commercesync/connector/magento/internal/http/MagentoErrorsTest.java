package io.commercesync.connector.magento.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.magento.Samples;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.model.SystemId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MagentoErrorsTest {

  static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  @Test
  void namedPlaceholders_areFilled_fromTheSamples() {
    assertThat(MagentoErrors.parse(JSON, Samples.bytes("error-404.json")).message())
        .isEqualTo("No such entity with customerId = 99999");
    assertThat(MagentoErrors.parse(JSON, Samples.bytes("error-401.json")).message())
        .isEqualTo("The consumer isn't authorized to access Magento_Sales::sales.");
    assertThat(MagentoErrors.parse(JSON, Samples.bytes("error-400.json")).message())
        .isEqualTo("One or more input exceptions have occurred. \"firstname\" is required. Enter and try again.; "
            + "\"lastname\" is required. Enter and try again.");
  }

  @Test
  void positionalPlaceholders_codeAndFatalShape() {
    MagentoErrors.Parsed p = MagentoErrors.parse(JSON,
        "{\"message\":\"Invalid product data: %1\",\"parameters\":[\"Invalid attribute set entity type\"],\"code\":7}"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(p.message()).isEqualTo("Invalid product data: Invalid attribute set entity type");
    assertThat(p.code()).isEqualTo("7");
    assertThat(MagentoErrors.parse(JSON,
        "{\"messages\":{\"error\":[{\"code\":500,\"message\":\"Server internal error. See details in report api/123\"}]}}"
            .getBytes(StandardCharsets.UTF_8)).message()).isEqualTo("Server internal error. See details in report api/123");
    // named placeholders with an array of values (price-storage results): filled in order of appearance
    assertThat(MagentoErrors.parse(JSON,
        "{\"message\":\"Invalid attribute %fieldName = %fieldValue.\",\"parameters\":[\"SKU\",\"X-1\"]}"
            .getBytes(StandardCharsets.UTF_8)).message()).isEqualTo("Invalid attribute SKU = X-1.");
  }

  @Test
  void htmlOrEmptyBodies_giveAShortExcerptOrNothing() {
    assertThat(MagentoErrors.parse(JSON, "<html><body><h1>503 Service Unavailable</h1></body></html>"
        .getBytes(StandardCharsets.UTF_8)).message()).isEqualTo("503 Service Unavailable");
    assertThat(MagentoErrors.parse(JSON, new byte[0]).message()).isNull();
  }
}
