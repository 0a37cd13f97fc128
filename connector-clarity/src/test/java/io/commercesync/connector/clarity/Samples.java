package io.commercesync.connector.clarity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shared Clarity samples, copied byte-exact into {@code src/test/resources/clarity/}. */
public final class Samples {

  /** The test secret of the signed sample (samples/clarity/README.md). */
  public static final String WEBHOOK_SECRET = "whsec_commercesync_test_2f8a1c9e";
  /** {@code X-Clarity-Timestamp} of the signed sample. */
  public static final long WEBHOOK_TIMESTAMP = 1715701330L;
  /** {@code X-Clarity-Signature} of the signed sample. */
  public static final String WEBHOOK_SIGNATURE = "v1=685586cc3d490d38e8a456fe91c78895ee9d41ed295ff92bb14db339c75083a2";
  /** {@code X-Clarity-Webhook-Id} of the signed sample. */
  public static final String WEBHOOK_ID = "evt_01HXZ7Y3M9K2T4";

  private Samples() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/clarity/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
