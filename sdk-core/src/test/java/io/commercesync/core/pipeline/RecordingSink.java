package io.commercesync.core.pipeline;

import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A sink that records every applied effect by idempotency key, with fault injection: a transient
 * failure rate (some of them 429 with Retry-After), a permanent rejection predicate, "lost response"
 * (apply, then fail as if the response never came), and a down switch. Its lookup answers from what
 * it applied, like a real system queried by its natural key.
 */
final class RecordingSink implements Sink<ListSource.Item> {

  static final SystemId SYSTEM = SystemId.of("test-sink");

  final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
  final Map<String, List<String>> valuesByRecord = new ConcurrentHashMap<>();
  final AtomicInteger writeCalls = new AtomicInteger();
  final AtomicInteger lookupCalls = new AtomicInteger();
  volatile boolean down;
  volatile double transientRate;
  volatile double lostResponseRate;
  volatile Duration retryAfter;
  volatile Predicate<ListSource.Item> rejects = item -> false;
  final Set<String> loseNextResponseFor = ConcurrentHashMap.newKeySet();
  private final Random random;

  RecordingSink(long seed) {
    this.random = new Random(seed);
  }

  @Override
  public SystemId system() {
    return SYSTEM;
  }

  @Override
  public WriteResult write(ListSource.Item record, IdempotencyKey key) {
    writeCalls.incrementAndGet();
    if (down) {
      throw unavailable(key);
    }
    double roll;
    synchronized (random) {
      roll = random.nextDouble();
    }
    if (roll < transientRate) {
      boolean throttle = roll < transientRate / 3;
      if (throttle) {
        throw RemoteSystemException.builder(SYSTEM, "POST /items").status(429).recordKey(key.value())
            .retryAfter(retryAfter).buildRateLimited();
      }
      throw unavailable(key);
    }
    if (rejects.test(record)) {
      throw RemoteSystemException.builder(SYSTEM, "POST /items").status(400).recordKey(key.value())
          .remoteCode("108").remoteMessage("Item number does not exist").retryable(false).build();
    }
    applied.computeIfAbsent(key.value(), k -> new AtomicInteger()).incrementAndGet();
    valuesByRecord.computeIfAbsent(record.key(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
        .add(record.value());
    if (loseNextResponseFor.remove(record.key()) || roll > 1 - lostResponseRate) {
      throw RemoteSystemException.builder(SYSTEM, "POST /items").recordKey(key.value())
          .cause(new java.net.SocketException("Connection reset")).buildTransport(false);
    }
    return WriteResult.created("R-" + record.key());
  }

  @Override
  public Optional<WriteResult> lookup(ListSource.Item record, IdempotencyKey key) {
    lookupCalls.incrementAndGet();
    if (down) {
      throw unavailable(key);
    }
    return applied.containsKey(key.value()) ? Optional.of(WriteResult.alreadyApplied("R-" + record.key()))
        : Optional.empty();
  }

  private static RemoteSystemException unavailable(IdempotencyKey key) {
    return RemoteSystemException.builder(SYSTEM, "POST /items").status(503).recordKey(key.value())
        .retryable(true).build();
  }

  /** Records applied more than once. */
  List<String> duplicates() {
    return applied.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList();
  }
}
