package io.commercesync.core.pipeline;

import io.commercesync.core.resilience.DelayScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs every attempt at once on a thread pool and records the delays it was asked to wait: tests never sleep. */
final class RecordingScheduler implements DelayScheduler, AutoCloseable {

  final List<Duration> delays = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-attempt");
    t.setDaemon(true);
    return t;
  });

  @Override
  public ScheduledFuture<?> schedule(Callable<?> task, Duration delay) {
    if (!delay.isZero()) {
      delays.add(delay);
    }
    CompletableFuture<Object> future = CompletableFuture.supplyAsync(() -> {
      try {
        return task.call();
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, pool);
    return new ScheduledFuture<Object>() {
      @Override public long getDelay(TimeUnit unit) { return 0; }
      @Override public int compareTo(Delayed o) { return 0; }
      @Override public boolean cancel(boolean interrupt) { return future.cancel(interrupt); }
      @Override public boolean isCancelled() { return future.isCancelled(); }
      @Override public boolean isDone() { return future.isDone(); }
      @Override public Object get() throws InterruptedException, ExecutionException { return future.get(); }
      @Override public Object get(long t, TimeUnit u) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(t, u);
      }
    };
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
