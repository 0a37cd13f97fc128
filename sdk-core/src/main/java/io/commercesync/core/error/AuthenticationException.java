package io.commercesync.core.error;

/**
 * The remote system refused our credentials: HTTP 401 or 403, a bad OAuth signature, an expired token
 * that one renewal did not fix, a clock-skewed request. Never retried in a loop, and its message never
 * contains the credential.
 */
public final class AuthenticationException extends RemoteSystemException {

  private static final long serialVersionUID = 1L;

  AuthenticationException(Builder builder) {
    super(builder);
  }
}
