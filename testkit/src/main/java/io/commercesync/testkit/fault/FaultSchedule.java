package io.commercesync.testkit.fault;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Decides, call by call, which {@link Fault} a simulator injects. Shared by every simulator.
 *
 * <p>Two sources, checked in order: faults queued for the next matching calls ({@link #enqueue}), for
 * scenario tests that need an exact sequence; then a seeded random draw at {@link Builder#rate(double)}
 * among the enabled kinds, for soak tests and the demo's {@code --faults}. The same seed gives the same
 * sequence for the same sequence of calls.
 *
 * <pre>{@code
 * FaultSchedule faults = FaultSchedule.seeded(42).rate(0.2)
 *     .kinds(Fault.Kind.RATE_LIMITED, Fault.Kind.UNAVAILABLE, Fault.Kind.RESET_AFTER_COMMIT)
 *     .build();
 * faults.enqueue(call -> call.method().equals("POST"), Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FaultSchedule {

  /** A call a simulator is about to serve, as the schedule sees it. */
  public record Call(String system, String method, String path) {}

  private record Queued(Predicate<Call> when, Fault fault) {}

  private final Random random;
  private final double rate;
  private final List<Fault.Kind> kinds;
  private final Duration latency;
  private final Predicate<Call> eligible;
  private final Deque<Queued> queued = new ArrayDeque<>();
  private volatile boolean enabled = true;

  private FaultSchedule(Builder b) {
    this.random = new Random(b.seed);
    this.rate = b.rate;
    this.kinds = List.copyOf(b.kinds);
    this.latency = b.latency;
    this.eligible = b.eligible;
  }

  /** A schedule that never injects anything (until faults are enqueued). */
  public static FaultSchedule none() {
    return seeded(0).rate(0).build();
  }

  /** Starts a random schedule with {@code seed}. */
  public static Builder seeded(long seed) {
    return new Builder(seed);
  }

  /** Queues {@code fault} for the next call that {@code when} accepts (first in, first out). */
  public synchronized FaultSchedule enqueue(Predicate<Call> when, Fault fault) {
    queued.addLast(new Queued(when, fault));
    return this;
  }

  /** Queues {@code fault} for the next call of any kind. */
  public FaultSchedule enqueue(Fault fault) {
    return enqueue(call -> true, fault);
  }

  /** Turns random faults on or off (queued faults still apply); e.g. off while seeding data. */
  public void enabled(boolean on) {
    this.enabled = on;
  }

  /** The fault for {@code call}. */
  public synchronized Fault next(Call call) {
    for (var it = queued.iterator(); it.hasNext(); ) {
      Queued q = it.next();
      if (q.when().test(call)) {
        it.remove();
        return q.fault();
      }
    }
    if (!enabled || rate <= 0 || kinds.isEmpty() || !eligible.test(call) || random.nextDouble() >= rate) {
      return Fault.NONE;
    }
    Fault.Kind kind = kinds.get(random.nextInt(kinds.size()));
    return switch (kind) {
      case LATENCY -> Fault.latency(latency);
      case SLOW_BODY -> Fault.slowBody(latency);
      case RATE_LIMITED -> Fault.rateLimited(random.nextBoolean() ? "1" : null);
      default -> Fault.of(kind);
    };
  }

  /** Builds a {@link FaultSchedule}. */
  public static final class Builder {
    private final long seed;
    private double rate;
    private final List<Fault.Kind> kinds = new ArrayList<>(List.of(
        Fault.Kind.RATE_LIMITED, Fault.Kind.UNAVAILABLE, Fault.Kind.RESET_BEFORE, Fault.Kind.RESET_AFTER_COMMIT));
    private Duration latency = Duration.ofMillis(50);
    private Predicate<Call> eligible = call -> true;

    private Builder(long seed) {
      this.seed = seed;
    }

    /** Probability in [0, 1] that a call gets a random fault; default 0. */
    public Builder rate(double rate) {
      if (rate < 0 || rate > 1) {
        throw new IllegalArgumentException("rate must be in [0, 1] (was " + rate + ")");
      }
      this.rate = rate;
      return this;
    }

    /** The kinds drawn from; default 429, 503, reset before and reset after commit. */
    public Builder kinds(Fault.Kind... kinds) {
      this.kinds.clear();
      this.kinds.addAll(List.of(kinds));
      return this;
    }

    /** Latency for {@link Fault.Kind#LATENCY} and chunk pause for {@link Fault.Kind#SLOW_BODY}. */
    public Builder latency(Duration latency) {
      this.latency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    /** Only calls accepted by {@code eligible} get random faults (e.g. not the simulator's own stats). */
    public Builder onlyFor(Predicate<Call> eligible) {
      this.eligible = Objects.requireNonNull(eligible, "eligible");
      return this;
    }

    public FaultSchedule build() {
      return new FaultSchedule(this);
    }
  }
}
