package io.commercesync.connector.clarity.internal.dto.cef;

/** ServiceStack {@code Authenticate} request for a credentials provider: {@code POST /auth/{provider}}. */
public record CefAuthRequest(String userName, String password, Boolean rememberMe) {

  /** Never shows the password. */
  @Override
  public String toString() {
    return "CefAuthRequest[userName=" + userName + ", password=******]";
  }
}
