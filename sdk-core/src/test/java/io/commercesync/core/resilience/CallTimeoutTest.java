package io.commercesync.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.TransportException;
import io.commercesync.core.model.SystemId;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-attempt call timeout, on the caller's thread ({@code call}) and asynchronously ({@code callAsync}). */
class CallTimeoutTest {

  private static final SystemId SYSTEM = SystemId.of("slow-erp");

  private static Resilience withTimeout(Duration timeout, int attempts) {
    return Resilience.builder().policy(SystemPolicy.builder(SYSTEM).callTimeout(timeout).requestsPerSecond(100_000)
        .retry(RetrySettings.DEFAULT.withMaxAttempts(attempts).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
        .build()).build();
  }

  @Test
  void callOnTheCallersThread_pastItsTimeout_isInterrupted_andFailsAsARetryableTimeout() {
    try (Resilience r = withTimeout(Duration.ofMillis(100), 1)) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> r.call(SYSTEM, () -> {
        Thread.sleep(10_000);
        return "never";
      })).isInstanceOfSatisfying(TransportException.class, e -> {
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("slow-erp").contains("call timeout of 100 ms");
      });
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
      assertThat(Thread.currentThread().isInterrupted()).as("the watchdog's interrupt does not leak").isFalse();
    }
  }

  @Test
  void timedOutAttempt_isRetried_andTheNextOneCanSucceed() {
    AtomicInteger attempts = new AtomicInteger();
    try (Resilience r = withTimeout(Duration.ofMillis(100), 3)) {
      String result = r.call(SYSTEM, () -> {
        if (attempts.incrementAndGet() == 1) {
          Thread.sleep(10_000);
        }
        return "answered";
      });
      assertThat(result).isEqualTo("answered");
      assertThat(attempts).hasValue(2);
    }
  }

  @Test
  void answerArrivingAfterTheDeadline_ofACallThatIgnoresInterrupts_isStillTheAnswer() {
    try (Resilience r = withTimeout(Duration.ofMillis(50), 1)) {
      String result = r.call(SYSTEM, () -> {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < end) {
          Thread.onSpinWait();   // socket I/O does not notice interrupts either
        }
        return "late but real";
      });
      assertThat(result).isEqualTo("late but real");
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
  }

  @Test
  void callsWithinTheirTimeout_areNeverInterrupted() {
    try (Resilience r = withTimeout(Duration.ofSeconds(5), 1)) {
      for (int i = 0; i < 1_000; i++) {
        int n = i;
        assertThat(r.call(SYSTEM, () -> {
          Thread.sleep(0, 50_000);   // long enough to be in flight when the watchdog looks
          return n;
        })).isEqualTo(n);
      }
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
  }

  @Test
  void asyncCall_pastItsTimeout_failsAsARetryableTimeout() {
    try (Resilience r = withTimeout(Duration.ofMillis(100), 1)) {
      assertThatThrownBy(() -> r.callAsync(SYSTEM, () -> {
        Thread.sleep(10_000);
        return "never";
      }).join()).isInstanceOf(CompletionException.class)
          .cause().isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("call timeout of 100 ms");
          });
    }
  }
}
