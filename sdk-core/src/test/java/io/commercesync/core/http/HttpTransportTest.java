package io.commercesync.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.error.RateLimitedException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.error.TransportException;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.SystemId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Garbage, truncated and slow responses become typed errors naming the system and operation (scenarios 2, 5, 6). */
class HttpTransportTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-21T07:27:00Z"), ZoneOffset.UTC);
  private WireMockServer wire;
  private HttpTransport transport;

  @BeforeEach
  void start() {
    wire = new WireMockServer(options().dynamicPort());
    wire.start();
    transport = transport(Duration.ofSeconds(10));
  }

  private HttpTransport transport(Duration readTimeout) {
    HttpSettings settings = HttpSettings.DEFAULT.withReadTimeout(readTimeout)
        .withCallTimeout(Duration.ofSeconds(30)).withMaxResponseBytes(1024);
    return new HttpTransport(SystemId.MAGENTO, HttpTransport.newClient(settings).build(), settings, CLOCK);
  }

  @AfterEach
  void stop() {
    wire.stop();
  }

  private Request request() {
    return new Request.Builder().url(wire.baseUrl() + "/rest/default/V1/orders?searchCriteria[pageSize]=1").build();
  }

  private void stub(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    wire.stubFor(get(urlPathEqualTo("/rest/default/V1/orders")).willReturn(response));
  }

  private TransportException transportFailure() {
    return transportFailure(transport);
  }

  private TransportException transportFailure(HttpTransport transport) {
    Throwable t = catchThrowable(() -> transport.execute(request(), "000001043"));
    assertThat(t).isInstanceOf(TransportException.class);
    TransportException e = (TransportException) t;
    assertThat(e.getMessage()).startsWith("magento GET /rest/default/V1/orders [000001043]").doesNotContain("searchCriteria");
    assertThat(e.retryable()).isTrue();
    return e;
  }

  @Test
  void connectionReset_isARetryableTransportFailure() {
    stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    assertThat(transportFailure().timedOut()).isFalse();
  }

  @Test
  void emptyResponse_randomDataThenClose_andMalformedChunk_areTransportFailures() {
    for (Fault fault : new Fault[] {Fault.EMPTY_RESPONSE, Fault.RANDOM_DATA_THEN_CLOSE, Fault.MALFORMED_RESPONSE_CHUNK}) {
      stub(aResponse().withFault(fault));
      transportFailure();
    }
  }

  @Test
  void slowBodyPastTheReadTimeout_isATimeout() {
    // two chunks ten seconds apart, against a one-second read timeout
    stub(aResponse().withStatus(200).withBody("{\"items\":[]}").withChunkedDribbleDelay(2, 20_000));
    assertThat(transportFailure(transport(Duration.ofSeconds(1))).timedOut()).isTrue();
  }

  @Test
  void oversizedBody_isRefusedWithoutBuffering() {
    stub(aResponse().withStatus(200).withBody("x".repeat(5000)));
    Throwable t = catchThrowable(() -> transport.execute(request(), null));
    assertThat(t).isInstanceOf(RemoteSystemException.class).hasMessageContaining("exceeds the limit of 1024 bytes");
    assertThat(((RemoteSystemException) t).retryable()).isFalse();
  }

  @Test
  void statuses_areClassified_withRetryAfterInSecondsOrAsADate() {
    stub(aResponse().withStatus(429).withHeader("Retry-After", "12"));
    HttpResult throttled = transport.execute(request(), null);
    RemoteSystemException e = HttpTransport.classify(throttled, transport.errorFor(throttled, "GET /x", null));
    assertThat(e).isInstanceOf(RateLimitedException.class);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));

    stub(aResponse().withStatus(503).withHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"));
    HttpResult down = transport.execute(request(), null);
    RemoteSystemException unavailable = HttpTransport.classify(down, transport.errorFor(down, "GET /x", null));
    assertThat(unavailable.retryable()).isTrue();
    assertThat(unavailable.retryAfter()).contains(Duration.ofSeconds(60));

    stub(aResponse().withStatus(401));
    HttpResult denied = transport.execute(request(), null);
    assertThat(HttpTransport.classify(denied, transport.errorFor(denied, "GET /x", null)))
        .isInstanceOf(AuthenticationException.class);

    stub(aResponse().withStatus(400));
    HttpResult bad = transport.execute(request(), null);
    assertThat(HttpTransport.classify(bad, transport.errorFor(bad, "GET /x", null)).retryable()).isFalse();
  }

  @Test
  void retryAfter_parsesSecondsDatesAndRejectsGarbage() {
    assertThat(RetryAfter.parse("0", CLOCK)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:26:00 GMT", CLOCK)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", CLOCK)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", CLOCK)).isEmpty();
    assertThat(RetryAfter.parse(null, CLOCK)).isEmpty();
  }
}
