package io.commercesync.core.mapping;

import java.util.Map;

/**
 * Converts one payload into another: a Magento order body into canonical JSON, a canonical order into
 * the eConnect XML the GP connector would send.
 */
@FunctionalInterface
public interface PayloadConverter {

  /**
   * Converts {@code input}.
   *
   * @param input the raw bytes of the source payload
   * @param options mapping options such as {@code dialect=native} or {@code company=TWO}; never null
   * @return the converted payload as text (JSON or XML)
   * @throws io.commercesync.core.error.InvalidRecordException if the input is invalid for either side
   */
  String convert(byte[] input, Map<String, String> options);
}
