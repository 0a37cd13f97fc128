package io.commercesync.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.internal.RetryDelays;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ResilienceTest {

  private static final SystemId SYSTEM = SystemId.of("rate-test");

  @Property
  void retryDelays_neverUndercutRetryAfter_andNeverExceedTheCaps(
      @ForAll @IntRange(min = 1, max = 40) int attempt,
      @ForAll @IntRange(min = 0, max = 900) int retryAfterSeconds,
      @ForAll @DoubleRange(min = 0, max = 0.99) double random) {
    RetrySettings settings = RetrySettings.DEFAULT;
    RetryDelays delays = new RetryDelays(settings, () -> random);
    RemoteSystemException throttled = RemoteSystemException.builder(SYSTEM, "GET /x").status(429)
        .retryAfter(Duration.ofSeconds(retryAfterSeconds)).buildRateLimited();
    Duration d = delays.delay(attempt, throttled);
    Duration expected = Duration.ofSeconds(Math.min(retryAfterSeconds, settings.maxRetryAfter().toSeconds()));
    assertThat(d).isEqualTo(expected);

    RemoteSystemException unavailable = RemoteSystemException.builder(SYSTEM, "GET /x").status(503)
        .retryable(true).build();
    Duration backoff = delays.delay(attempt, unavailable);
    assertThat(backoff).isLessThanOrEqualTo(settings.maxDelay());
    long full = Math.min(settings.baseDelay().toNanos() << Math.min(attempt - 1, 20), settings.maxDelay().toNanos());
    assertThat(backoff.toNanos()).isGreaterThanOrEqualTo((long) (full * (1 - settings.jitter())) - 1);
  }

  @Test
  void throttledWithoutRetryAfter_backsOffFromTheThrottledBase() {
    RetryDelays delays = new RetryDelays(RetrySettings.DEFAULT.withJitter(0), () -> 0.5);
    RemoteSystemException fastly429 = RemoteSystemException.builder(SYSTEM, "GET /x").status(429).buildRateLimited();
    assertThat(delays.delay(1, fastly429)).isEqualTo(Duration.ofSeconds(1));
    assertThat(delays.delay(3, fastly429)).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void permanentFailures_areNotRetried_andDoNotOpenTheBreaker() {
    List<Duration> delays = Collections.synchronizedList(new ArrayList<>());
    try (Resilience r = Resilience.builder()
        .policy(SystemPolicy.builder(SYSTEM).breaker(new BreakerSettings(2, 2, Duration.ofHours(1), 1)).build())
        .listener(new ResilienceListener() {
          @Override public void retryScheduled(SystemId s, int attempt, Duration delay, Throwable cause) {
            delays.add(delay);
          }
        }).build()) {
      AtomicInteger calls = new AtomicInteger();
      for (int i = 0; i < 5; i++) {
        assertThatThrownBy(() -> r.call(SYSTEM, () -> {
          calls.incrementAndGet();
          throw InvalidRecordException.of(SYSTEM, "order", "1", FieldViolation.required("sku"));
        })).isInstanceOf(InvalidRecordException.class);
      }
      assertThat(calls).hasValue(5);
      assertThat(delays).isEmpty();
      assertThat(r.breakerState(SYSTEM)).isEqualTo(BreakerState.CLOSED);
    }
  }

  @Test
  void scenario17_rateLimiterUnder16Threads_neverExceedsThePermitsPerWindow() throws Exception {
    int rps = 40;
    try (Resilience r = Resilience.builder()
        .policy(SystemPolicy.builder(SYSTEM).requestsPerSecond(rps).maxConcurrentCalls(16)
            .maxPermitWait(Duration.ofSeconds(30)).build())
        .build()) {
      // the calls themselves, timed as they start: 80 calls from 16 threads. A smooth limiter spaces
      // permits 1/rps apart, so any one-second window holds rps + 1 at most; the timestamps are taken
      // after the permit, on threads the OS may preempt, so a 15 % allowance absorbs that jitter
      List<Long> starts = Collections.synchronizedList(new ArrayList<>());
      long begin = System.nanoTime();
      runOn16Threads(() -> r.call(SYSTEM, () -> starts.add(System.nanoTime())), 5);
      long elapsedMs = (System.nanoTime() - begin) / 1_000_000;
      assertAtMostPerSecond(starts, 80, (int) (rps * 1.15) + 1);
      // and over the whole run the rate holds exactly: 80 permits need at least 79 intervals
      assertThat(elapsedMs).isGreaterThanOrEqualTo(79L * 1000 / rps);
    }
  }

  private static void runOn16Threads(Runnable action, int timesEach) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(16);
    CountDownLatch done = new CountDownLatch(16);
    for (int t = 0; t < 16; t++) {
      threads.execute(() -> {
        try {
          for (int i = 0; i < timesEach; i++) {
            action.run();
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    threads.shutdown();
  }

  private static String gaps(List<Long> sorted) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < Math.min(sorted.size(), 60); i++) {
      out.append((sorted.get(i) - sorted.get(i - 1)) / 1_000_000).append(' ');
    }
    return out.toString();
  }

  private static void assertAtMostPerSecond(List<Long> times, int expectedCount, int max) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    assertThat(sorted).hasSize(expectedCount);
    for (int i = 0; i < sorted.size(); i++) {
      int j = i;
      while (j < sorted.size() && sorted.get(j) - sorted.get(i) < 1_000_000_000L) {
        j++;
      }
      assertThat(j - i).as("events in the second after event %d (of %s)", i, gaps(sorted)).isLessThanOrEqualTo(max);
    }
  }

  @Test
  void settings_areValidatedAtBuildTime_namingTheSetting() {
    assertThatThrownBy(() -> SystemPolicy.builder(SYSTEM).maxConcurrentCalls(0).build())
        .isInstanceOf(ConfigurationException.class).hasMessage("rate-test maxConcurrentCalls: must be >= 1 (was 0)");
    assertThatThrownBy(() -> RetrySettings.DEFAULT.withMaxAttempts(0))
        .hasMessage("retry.maxAttempts: must be >= 1 (was 0)");
    assertThatThrownBy(() -> new BreakerSettings(5, 3, Duration.ZERO, 1))
        .hasMessageContaining("breaker.failureThreshold");
    assertThatThrownBy(() -> SystemPolicy.builder(SYSTEM).requestsPerSecond(0).build())
        .hasMessageContaining("requestsPerSecond");
  }
}
