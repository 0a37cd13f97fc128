package io.commercesync.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.model.SystemId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

  @Test
  void invalidRecord_readsLikeAnOperatorWouldWantIt() {
    InvalidRecordException e = InvalidRecordException.of(SystemId.MAGENTO, "order", "000000123",
        FieldViolation.of("lines[2].qty_ordered", FieldViolation.RULE_RANGE, -1, "must be >= 0"));
    assertThat(e).hasMessage("magento order 000000123: lines[2].qty_ordered: must be >= 0 (was -1)");
    assertThat(e.retryable()).isFalse();
    assertThat(e.system()).contains(SystemId.MAGENTO);
  }

  @Test
  void violations_shortenAndEscapeRejectedValues() {
    FieldViolation v = FieldViolation.of("name", FieldViolation.RULE_FORMAT, "line1\nline2" + "x".repeat(200), "bad");
    assertThat(v.rejectedValue()).startsWith("line1\\nline2").endsWith("(211 chars)");
    assertThat(v.toString()).doesNotContain("\n");
    assertThat(FieldViolation.tooLong("CUSTNMBR", "JSMITH00012345678", 15).toString())
        .isEqualTo("CUSTNMBR: must be at most 15 characters (was 17)");
    assertThat(FieldViolation.sensitive("cardNumber", "format", "must not be sent").toString())
        .isEqualTo("cardNumber: must not be sent (was <redacted>)");
  }

  @Test
  void relabel_movesCanonicalViolationsUnderTheConnectorsContext() {
    InvalidRecordException canonical = InvalidRecordException.of(SystemId.CANONICAL, "order line", null,
        FieldViolation.of("quantity", FieldViolation.RULE_RANGE, -1, "must be > 0"));
    InvalidRecordException mapped = canonical.relabel(SystemId.MAGENTO, "order", "000000123", "items[2]");
    assertThat(mapped).hasMessage("magento order 000000123: items[2].quantity: must be > 0 (was -1)");
    assertThat(mapped.getCause()).isSameAs(canonical);
  }

  @Test
  void remoteSystemException_carriesStatusRetryAfterAndRedactsTheRemoteMessage() {
    RateLimitedException e = RemoteSystemException.builder(SystemId.CLARITY, "GET /api/v1/orders")
        .status(429).remoteCode("rate_limited")
        .remoteMessage("Too many requests for access_token=abcdef123456")
        .retryAfter(Duration.ofSeconds(12)).requestId("req-7").buildRateLimited();
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
    assertThat(e.getMessage())
        .isEqualTo("clarity GET /api/v1/orders: HTTP 429, code rate_limited - Too many requests for"
            + " access_token=****** (retryable, retry after 12s) requestId=req-7")
        .doesNotContain("abcdef123456");
    assertThat(e.status()).hasValue(429);
  }

  @Test
  void transportAndAuthentication_haveTheirRetryability() {
    TransportException reset = RemoteSystemException.builder(SystemId.DYNAMICS_GP, "POST /documents")
        .recordKey("WEB-100045871").cause(new java.net.SocketException("Connection reset"))
        .buildTransport(false);
    assertThat(reset.retryable()).isTrue();
    assertThat(reset.timedOut()).isFalse();
    assertThat(reset).hasMessage("dynamics-gp POST /documents [WEB-100045871]: SocketException (retryable)");
    AuthenticationException auth = RemoteSystemException.builder(SystemId.MAGENTO, "GET /V1/orders")
        .status(401).retryable(true).buildAuthentication();
    assertThat(auth.retryable()).isFalse();
  }

  @Test
  void configurationAndDuplicate_messages() {
    assertThat(ConfigurationException.of(SystemId.MAGENTO, "baseUrl", "must be an absolute URL"))
        .hasMessage("magento baseUrl: must be an absolute URL");
    DuplicateDetectedException dup = new DuplicateDetectedException(SystemId.DYNAMICS_GP, "sales order",
        "WEB-100045871", "WEB100045871");
    assertThat(dup).hasMessage("dynamics-gp sales order WEB-100045871: already exists as WEB100045871");
    assertThat(dup.retryable()).isFalse();
    assertThat(new IdempotencyConflictException(SystemId.DYNAMICS_SL, "orders:CS-100045", null))
        .hasMessage("dynamics-sl idempotency key orders:CS-100045 was already used with a different payload");
  }
}
