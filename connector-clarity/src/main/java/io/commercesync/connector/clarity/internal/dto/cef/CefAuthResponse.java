package io.commercesync.connector.clarity.internal.dto.cef;

/** ServiceStack {@code AuthenticateResponse}: the {@code SessionId} sent back as {@code X-ss-id}. */
public record CefAuthResponse(String sessionId, String userName, String userId) {

  /** Never shows the session id (it is a bearer credential). */
  @Override
  public String toString() {
    return "CefAuthResponse[userName=" + userName + ", sessionId=******]";
  }
}
