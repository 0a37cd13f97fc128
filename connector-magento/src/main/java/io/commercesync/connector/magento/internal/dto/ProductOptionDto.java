package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** An order item's {@code product_option}: configurable choices, bundle selections, custom options. */
public record ProductOptionDto(Extension extensionAttributes) {

  /** {@code product_option.extension_attributes}. */
  public record Extension(
      List<ConfigurableOption> configurableItemOptions,
      List<BundleOption> bundleOptions,
      List<JsonNode> customOptions) {}

  /** {@code {"option_id":"93","option_value":57}}: option_id is a string, option_value an integer. */
  public record ConfigurableOption(String optionId, Long optionValue) {}

  /** {@code {"option_id":1,"option_qty":1,"option_selections":[2]}}. */
  public record BundleOption(Long optionId, BigDecimal optionQty, List<Long> optionSelections) {}
}
