package io.commercesync.core.resilience.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the per-attempt timeout of calls made on the caller's thread: one daemon thread looks at the
 * calls in progress every {@code tick} and interrupts those past their deadline.
 *
 * <p>Failsafe's own timeout schedules and cancels a task per call (a thread wake-up and a
 * {@code CancellationException} each time), which cost more than the rest of the policy stack together
 * (see {@code StageCostBenchmark}); watching costs two concurrent-set operations. A deadline is honoured
 * within one tick.
 */
final class CallWatchdog {

  /** Shared by every {@link SystemGuard}: timeouts are seconds long, a 10 ms tick is precise enough. */
  static final CallWatchdog SHARED = new CallWatchdog(Duration.ofMillis(10));

  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int EXPIRED = 2;
  private static final int INTERRUPTED = 3;

  private final long tickNanos;
  private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
  private volatile Thread thread;
  private volatile boolean idle;

  CallWatchdog(Duration tick) {
    this.tickNanos = tick.toNanos();
  }

  /** One call being watched. */
  static final class Watch {
    private final Thread caller;
    private final long deadline;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    private Watch(Thread caller, long deadline) {
      this.caller = caller;
      this.deadline = deadline;
    }
  }

  /** Starts watching the current thread's call, which must end within {@code timeout}. */
  Watch watch(Duration timeout) {
    Watch w = new Watch(Thread.currentThread(), System.nanoTime() + timeout.toNanos());
    watched.add(w);
    Thread t = thread;
    if (t == null) {
      start();
    } else if (idle) {
      LockSupport.unpark(t);
    }
    return w;
  }

  /**
   * Stops watching; returns whether the deadline passed first (the caller was then interrupted, and its
   * interrupt flag is cleared here so it does not leak into the caller's next blocking call).
   */
  boolean finish(Watch w) {
    watched.remove(w);
    if (w.state.compareAndSet(RUNNING, FINISHED)) {
      return false;
    }
    while (w.state.get() != INTERRUPTED) {
      Thread.onSpinWait();   // the watchdog is between its decision and the interrupt: let it land first
    }
    Thread.interrupted();
    return true;
  }

  private synchronized void start() {
    if (thread != null) {
      return;
    }
    Thread t = new Thread(this::loop, "commercesync-call-timeouts");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void loop() {
    while (true) {
      if (watched.isEmpty()) {
        idle = true;
        // re-check after announcing idleness: a call registered in between has unparked us or is seen now
        if (watched.isEmpty()) {
          LockSupport.park(this);
        }
        idle = false;
        continue;
      }
      long now = System.nanoTime();
      for (Watch w : watched) {
        if (now - w.deadline >= 0 && w.state.compareAndSet(RUNNING, EXPIRED)) {
          watched.remove(w);
          w.caller.interrupt();
          w.state.set(INTERRUPTED);
        }
      }
      LockSupport.parkNanos(this, tickNanos);
    }
  }
}
