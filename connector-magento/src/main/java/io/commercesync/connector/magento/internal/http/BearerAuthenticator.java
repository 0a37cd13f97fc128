package io.commercesync.connector.magento.internal.http;

import io.commercesync.connector.magento.MagentoAuth;
import okhttp3.Request;

/** {@code Authorization: Bearer <integration token>}; nothing to renew. */
public final class BearerAuthenticator implements Authenticator {

  private final MagentoAuth.Bearer credentials;

  public BearerAuthenticator(MagentoAuth.Bearer credentials) {
    this.credentials = credentials;
  }

  @Override
  public Request authorize(Request request) {
    return request.newBuilder().header("Authorization", "Bearer " + credentials.token().reveal()).build();
  }

  @Override
  public boolean renewAfterUnauthorized() {
    return false;
  }

  @Override
  public String mode() {
    return "bearer";
  }
}
