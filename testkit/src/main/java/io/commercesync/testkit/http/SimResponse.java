package io.commercesync.testkit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a simulator route answers.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body response body
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public SimResponse {
    headers = new LinkedHashMap<>(headers);
    body = body == null ? new byte[0] : body;
  }

  /** {@code value} as JSON with {@code status}. */
  public static SimResponse json(int status, Object value) {
    try {
      return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"),
          JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Raw JSON text with {@code status}. */
  public static SimResponse rawJson(int status, String json) {
    return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** A body of another content type. */
  public static SimResponse of(int status, String contentType, byte[] body) {
    return new SimResponse(status, Map.of("Content-Type", contentType), body);
  }

  /** An empty response. */
  public static SimResponse empty(int status) {
    return new SimResponse(status, Map.of(), new byte[0]);
  }

  /** The same response with one more header. */
  public SimResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new SimResponse(status, copy, body);
  }
}
