package io.commercesync.connector.dynamicssl.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An RFC 9457 problem document with the layer's per-field {@code errors[]} (see {@code error-400.json}). */
public record Problem(
    @JsonProperty("type") String type,
    @JsonProperty("title") String title,
    @JsonProperty("status") Integer status,
    @JsonProperty("detail") String detail,
    @JsonProperty("instance") String instance,
    @JsonProperty("code") String code,
    @JsonProperty("requestId") String requestId,
    @JsonProperty("errors") List<FieldError> errors) {

  /** One field at fault. */
  public record FieldError(
      @JsonProperty("pointer") String pointer,
      @JsonProperty("table") String table,
      @JsonProperty("column") String column,
      @JsonProperty("code") String code,
      @JsonProperty("maxLength") Integer maxLength,
      @JsonProperty("actualLength") Integer actualLength,
      @JsonProperty("message") String message) {}
}
