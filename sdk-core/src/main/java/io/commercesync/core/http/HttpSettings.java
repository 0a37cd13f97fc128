package io.commercesync.core.http;

import io.commercesync.core.error.ConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and limits for the HTTP calls of one connector client.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>connectTimeout</td><td>10 s</td></tr>
 *   <tr><td>readTimeout</td><td>30 s (between two bytes of the response)</td></tr>
 *   <tr><td>writeTimeout</td><td>30 s</td></tr>
 *   <tr><td>callTimeout</td><td>60 s (the whole call, body included)</td></tr>
 *   <tr><td>maxResponseBytes</td><td>64 MiB (a bigger body is refused, not buffered)</td></tr>
 *   <tr><td>userAgent</td><td>{@code CommerceSync/0.1}</td></tr>
 * </table>
 *
 * @param connectTimeout time to establish a connection
 * @param readTimeout longest silence while reading the response
 * @param writeTimeout longest stall while sending the request
 * @param callTimeout deadline for the whole call
 * @param maxResponseBytes largest response body read
 * @param userAgent the {@code User-Agent} header
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration readTimeout,
    Duration writeTimeout,
    Duration callTimeout,
    long maxResponseBytes,
    String userAgent) {

  /** The defaults in the table above. */
  public static final HttpSettings DEFAULT = new HttpSettings(
      Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60),
      64L << 20, "CommerceSync/0.1");

  public HttpSettings {
    positive("connectTimeout", connectTimeout);
    positive("readTimeout", readTimeout);
    positive("writeTimeout", writeTimeout);
    positive("callTimeout", callTimeout);
    if (maxResponseBytes < 1) {
      throw ConfigurationException.of("http.maxResponseBytes", "must be >= 1 (was " + maxResponseBytes + ")");
    }
    Objects.requireNonNull(userAgent, "userAgent");
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw ConfigurationException.of("http." + name, "must be a positive duration (was " + value + ")");
    }
  }

  public HttpSettings withConnectTimeout(Duration value) {
    return new HttpSettings(value, readTimeout, writeTimeout, callTimeout, maxResponseBytes, userAgent);
  }

  public HttpSettings withReadTimeout(Duration value) {
    return new HttpSettings(connectTimeout, value, writeTimeout, callTimeout, maxResponseBytes, userAgent);
  }

  public HttpSettings withWriteTimeout(Duration value) {
    return new HttpSettings(connectTimeout, readTimeout, value, callTimeout, maxResponseBytes, userAgent);
  }

  public HttpSettings withCallTimeout(Duration value) {
    return new HttpSettings(connectTimeout, readTimeout, writeTimeout, value, maxResponseBytes, userAgent);
  }

  public HttpSettings withMaxResponseBytes(long value) {
    return new HttpSettings(connectTimeout, readTimeout, writeTimeout, callTimeout, value, userAgent);
  }

  public HttpSettings withUserAgent(String value) {
    return new HttpSettings(connectTimeout, readTimeout, writeTimeout, callTimeout, maxResponseBytes, value);
  }
}
