package io.commercesync.connector.clarity.internal.mapping;

/** How a native CEF record is keyed: its {@code CustomKey} (the ERP/external key), else its numeric {@code ID}. */
final class CefKeys {

  private CefKeys() {}

  /** {@code customKey} when it is not blank, else {@code id} as text, else null. */
  static String key(String customKey, Integer id) {
    if (customKey != null && !customKey.isBlank()) {
      return customKey;
    }
    return id == null ? null : String.valueOf(id);
  }
}
