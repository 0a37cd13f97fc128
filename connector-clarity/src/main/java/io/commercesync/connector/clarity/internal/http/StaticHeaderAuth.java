package io.commercesync.connector.clarity.internal.http;

import io.commercesync.core.security.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.Request;

/**
 * A credential sent as is on every call and never renewed: HTTP Basic (native
 * {@code BasicAuthProvider}, reference §2.2 [C]) or {@code X-Api-Key} (v1, §4.4 [P]). A 401 is final.
 */
public final class StaticHeaderAuth implements Auth {

  private final String header;
  private final Secret value;

  private StaticHeaderAuth(String header, Secret value) {
    this.header = header;
    this.value = value;
  }

  public static StaticHeaderAuth basic(String userName, Secret password) {
    String token = Base64.getEncoder().encodeToString(
        (userName + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
    return new StaticHeaderAuth("Authorization", Secret.of("Basic " + token));
  }

  public static StaticHeaderAuth apiKey(Secret key) {
    return new StaticHeaderAuth("X-Api-Key", key);
  }

  @Override
  public Request authorize(Request request) {
    return request.newBuilder().header(header, value.reveal()).build();
  }

  @Override
  public boolean renew() {
    return false;
  }

  @Override
  public String toString() {
    return "StaticHeaderAuth[" + header + ": ******]";
  }
}
