package io.commercesync.core.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A complete HTTP response: status, headers (names lower-cased) and the whole body, already read.
 *
 * @param status HTTP status
 * @param headers response headers, names in lower case
 * @param body the body bytes (empty when none)
 */
public record HttpResult(int status, Map<String, List<String>> headers, byte[] body) {

  public boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The first value of header {@code name}, case-insensitively. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
