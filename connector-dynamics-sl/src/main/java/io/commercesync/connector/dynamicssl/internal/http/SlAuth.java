package io.commercesync.connector.dynamicssl.internal.http;

import io.commercesync.core.security.Secret;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * How calls authenticate to the SL REST layer (our proposal, after ctAPI's "API Key + Secret Key"):
 * headers {@code X-API-Key} and {@code X-API-Secret}, or {@code Authorization: Bearer}. A bearer token
 * from a source is fetched again once after a 401.
 */
public sealed interface SlAuth {

  /** Adds the credentials to {@code request}. */
  Request.Builder apply(Request.Builder request);

  /** Whether a 401 may be cured by fetching the credential again. */
  default boolean renewable() {
    return false;
  }

  /** Drops a cached credential so the next {@link #apply} fetches a new one. */
  default void invalidate() {}

  /** API key and secret key headers. */
  record ApiKey(Secret key, Secret secret) implements SlAuth {
    @Override
    public Request.Builder apply(Request.Builder request) {
      return request.header("X-API-Key", key.reveal()).header("X-API-Secret", secret.reveal());
    }
  }

  /** A bearer token, fixed or fetched from a source (then renewed once on 401). */
  final class Bearer implements SlAuth {
    private final Supplier<Secret> source;
    private final boolean renewable;
    private volatile Secret current;

    public Bearer(Supplier<Secret> source, boolean renewable) {
      this.source = source;
      this.renewable = renewable;
    }

    @Override
    public Request.Builder apply(Request.Builder request) {
      Secret token = current;
      if (token == null) {
        token = source.get();
        current = token;
      }
      return request.header("Authorization", "Bearer " + token.reveal());
    }

    @Override
    public boolean renewable() {
      return renewable;
    }

    @Override
    public void invalidate() {
      current = null;
    }

    @Override
    public String toString() {
      return "Bearer[" + Secret.MASK + "]";
    }
  }
}
