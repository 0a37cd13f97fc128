package io.commercesync.connector.magento.internal.http;

import okhttp3.Request;

/** Adds credentials to a request, and renews them once after a 401 when the mode allows it. */
public interface Authenticator {

  /** The request with its {@code Authorization} header. */
  Request authorize(Request request);

  /**
   * Called once after a 401: renews what can be renewed (a new admin token, a fresh OAuth nonce and
   * timestamp). Returns false when a second attempt cannot help (a bearer token cannot be renewed).
   */
  boolean renewAfterUnauthorized();

  /** A short, secret-free description for logs: {@code oauth1}, {@code bearer}, {@code admin-token}. */
  String mode();
}
