package io.commercesync.connector.clarity.internal.http;

import okhttp3.Request;

/** Adds credentials to a request, and renews them after a 401 when the provider can. */
public interface Auth {

  /** {@code request} with its credentials (fetching or renewing a session or token if needed). */
  Request authorize(Request request);

  /**
   * Drops the cached credential after the server answered 401. Returns true when a new credential
   * may fix it (session, OAuth token): the caller then retries once.
   */
  boolean renew();
}
