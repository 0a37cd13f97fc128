package io.commercesync.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadMappingsTest {

  @Test
  void discover_findsTheCanonicalMappingsThroughTheServiceLoader() {
    PayloadMappings registry = PayloadMappings.discover();
    assertThat(registry.find("canonical", "canonical", "order")).isPresent();
    assertThat(registry.find("CANONICAL", "canonical", "Journal")).isPresent();
    assertThat(registry.find("magento", "canonical", "order")).isEmpty();
  }

  @Test
  void aliases_resolveToSystemIds() {
    PayloadMapping gp = new PayloadMapping("canonical", "dynamics-gp", "order", "d", (in, o) -> "xml");
    PayloadMappings registry = PayloadMappings.of(List.of(gp));
    assertThat(registry.find("canonical", "gp", "order")).contains(gp);
    assertThat(PayloadMappings.normalise("SL")).isEqualTo("dynamics-sl");
  }

  @Test
  void canonicalOrder_isNormalised_andInvalidInputIsTyped() {
    PayloadMapping order = PayloadMappings.discover().find("canonical", "canonical", "order").orElseThrow();
    assertThatThrownBy(() -> order.converter().convert("{}".getBytes(StandardCharsets.UTF_8), Map.of()))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("number: is required")
        .hasMessageContaining("lines: must hold at least one line");
  }
}
