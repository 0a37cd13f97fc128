package io.commercesync.core.codec;

import java.util.List;

/**
 * A decoded value and the properties of the payload that no field took, for callers who want to know
 * what a system sends beyond the fields CommerceSync maps (a new Magento extension attribute, say).
 *
 * @param value the decoded value
 * @param unknownProperties paths of the properties that were ignored, e.g. {@code items[0].gift_message}
 */
public record Decoded<T>(T value, List<String> unknownProperties) {

  public Decoded {
    unknownProperties = List.copyOf(unknownProperties);
  }
}
