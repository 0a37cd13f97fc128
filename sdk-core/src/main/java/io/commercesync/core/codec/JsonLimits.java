package io.commercesync.core.codec;

import io.commercesync.core.error.ConfigurationException;

/**
 * Size limits applied while JSON is parsed, so a hostile or broken payload is refused before it can
 * exhaust memory or stack: a 20 MB string, 10,000 nested arrays or a 1 GB document each fail with an
 * {@link io.commercesync.core.error.InvalidRecordException} (rule {@code limit}).
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>limit</th><th>default</th><th>why</th></tr>
 *   <tr><td>maxDocumentBytes</td><td>64 MiB</td><td>a 300-order Magento page is a few MB</td></tr>
 *   <tr><td>maxNestingDepth</td><td>64</td><td>real payloads nest fewer than 12 levels</td></tr>
 *   <tr><td>maxStringLength</td><td>5,000,000 chars</td><td>long descriptions, base64 images</td></tr>
 *   <tr><td>maxNumberLength</td><td>100 chars</td><td>money never needs more</td></tr>
 *   <tr><td>maxNameLength</td><td>1,000 chars</td><td>field names are short</td></tr>
 * </table>
 *
 * @param maxDocumentBytes largest document, in bytes
 * @param maxNestingDepth deepest nesting of objects and arrays
 * @param maxStringLength longest string value, in chars
 * @param maxNumberLength longest number literal, in chars
 * @param maxNameLength longest property name, in chars
 */
public record JsonLimits(
    long maxDocumentBytes,
    int maxNestingDepth,
    int maxStringLength,
    int maxNumberLength,
    int maxNameLength) {

  /** The defaults in the table above. */
  public static final JsonLimits DEFAULT = new JsonLimits(64L << 20, 64, 5_000_000, 100, 1_000);

  public JsonLimits {
    positive("maxDocumentBytes", maxDocumentBytes);
    positive("maxNestingDepth", maxNestingDepth);
    positive("maxStringLength", maxStringLength);
    positive("maxNumberLength", maxNumberLength);
    positive("maxNameLength", maxNameLength);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw ConfigurationException.of("json." + name, "must be >= 1 (was " + value + ")");
    }
  }

  public JsonLimits withMaxDocumentBytes(long value) {
    return new JsonLimits(value, maxNestingDepth, maxStringLength, maxNumberLength, maxNameLength);
  }

  public JsonLimits withMaxNestingDepth(int value) {
    return new JsonLimits(maxDocumentBytes, value, maxStringLength, maxNumberLength, maxNameLength);
  }

  public JsonLimits withMaxStringLength(int value) {
    return new JsonLimits(maxDocumentBytes, maxNestingDepth, value, maxNumberLength, maxNameLength);
  }
}
