package io.commercesync.connector.clarity.internal.dto.v1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/v1/oauth/token} answer (RFC 6749 §5.1): {@code access_token, token_type, expires_in, scope}. */
public record V1Token(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") Long expiresIn,
    String scope,
    String error,
    @JsonProperty("error_description") String errorDescription) {

  /** Never shows the token. */
  @Override
  public String toString() {
    return "V1Token[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", accessToken=******]";
  }
}
