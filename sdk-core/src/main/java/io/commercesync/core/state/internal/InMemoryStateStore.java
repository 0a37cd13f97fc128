package io.commercesync.core.state.internal;

import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.state.Checkpoints;
import io.commercesync.core.state.CrossReferences;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.DeadLetters;
import io.commercesync.core.state.Fingerprints;
import io.commercesync.core.state.IdempotencyLedger;
import io.commercesync.core.state.LedgerEntry;
import io.commercesync.core.state.Leases;
import io.commercesync.core.state.RunHistory;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.state.ReceivedEvents;
import io.commercesync.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A thread-safe {@link StateStore} in memory. */
public final class InMemoryStateStore implements StateStore {

  private final Clock clock;
  private final Map<String, Cursor> checkpoints = new ConcurrentHashMap<>();
  private final Map<IdempotencyKey, LedgerEntry> ledger = new ConcurrentHashMap<>();
  private final Map<String, DeadLetter> letters = new ConcurrentHashMap<>();
  private final Map<String, ExternalRef> links = new ConcurrentHashMap<>();
  private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
  private final Map<String, Instant> events = new ConcurrentHashMap<>();
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  private record Lease(String owner, Instant expiresAt) {}

  public InMemoryStateStore() {
    this(Clock.systemUTC());
  }

  public InMemoryStateStore(Clock clock) {
    this.clock = clock;
  }

  private final Checkpoints checkpointFacet = new CheckpointFacet();
  private final IdempotencyLedger ledgerFacet = new LedgerFacet();
  private final DeadLetters letterFacet = new LetterFacet();
  private final CrossReferences linkFacet = new LinkFacet();
  private final Fingerprints fingerprintFacet = new FingerprintFacet();
  private final ReceivedEvents eventFacet = new EventFacet();
  private final Leases leaseFacet = new LeaseFacet();
  private final RunHistory historyFacet = new HistoryFacet();
  private final java.util.Deque<RunReport> runs = new java.util.concurrent.ConcurrentLinkedDeque<>();

  @Override public Checkpoints checkpoints() { return checkpointFacet; }
  @Override public IdempotencyLedger ledger() { return ledgerFacet; }
  @Override public DeadLetters deadLetters() { return letterFacet; }
  @Override public CrossReferences crossReferences() { return linkFacet; }
  @Override public Fingerprints fingerprints() { return fingerprintFacet; }
  @Override public ReceivedEvents receivedEvents() { return eventFacet; }
  @Override public Leases leases() { return leaseFacet; }
  @Override public RunHistory runHistory() { return historyFacet; }
  @Override public void close() {}

  private final class CheckpointFacet implements Checkpoints {

    @Override
    public Optional<Cursor> get(String source) {
      return Optional.ofNullable(checkpoints.get(source));
    }

    @Override
    public void put(String source, Cursor cursor) {
      checkpoints.put(source, cursor);
    }

  }

  private final class LedgerFacet implements IdempotencyLedger {

    @Override
    public Optional<LedgerEntry> get(IdempotencyKey key) {
      return Optional.ofNullable(ledger.get(key));
    }

    @Override
    public LedgerEntry begin(IdempotencyKey key, String payloadHash) {
      return ledger.compute(key, (k, existing) -> {
        Instant now = clock.instant();
        if (existing == null) {
          return new LedgerEntry(k, LedgerEntry.State.PENDING, payloadHash, null, 1, now);
        }
        if (existing.state() == LedgerEntry.State.DONE) {
          if (!existing.payloadHash().equals(payloadHash)) {
            throw new IdempotencyConflictException(null, k.value(), "it was applied with another payload");
          }
          return existing;
        }
        return new LedgerEntry(k, LedgerEntry.State.PENDING, payloadHash, existing.remoteId(),
            existing.attempts() + 1, now);
      });
    }

    @Override
    public void markDone(IdempotencyKey key, String remoteId) {
      ledger.compute(key, (k, existing) -> new LedgerEntry(k, LedgerEntry.State.DONE,
          existing == null ? "" : existing.payloadHash(), remoteId,
          existing == null ? 1 : existing.attempts(), clock.instant()));
    }

    @Override
    public void markFailed(IdempotencyKey key) {
      ledger.computeIfPresent(key, (k, existing) -> new LedgerEntry(k, LedgerEntry.State.FAILED,
          existing.payloadHash(), existing.remoteId(), existing.attempts(), clock.instant()));
    }

  }

  private final class LetterFacet implements DeadLetters {

    @Override
    public synchronized String add(DeadLetter letter) {
      for (DeadLetter open : letters.values()) {
        if (open.status() == DeadLetter.Status.OPEN && open.flow().equals(letter.flow())
            && open.recordKey().equals(letter.recordKey())) {
          DeadLetter merged = new DeadLetter(open.id(), letter.flow(), letter.source(), letter.entity(),
              letter.recordKey(), letter.idempotencyKey(), letter.payload(), letter.contentType(),
              letter.canonical(), letter.errorType(), letter.errorMessage(), letter.violations(),
              open.attempts() + Math.max(1, letter.attempts()), open.firstFailedAt(), letter.lastFailedAt(),
              DeadLetter.Status.OPEN, null);
          letters.put(open.id(), merged);
          return open.id();
        }
      }
      String id = "dl-" + ids.incrementAndGet();
      letters.put(id, new DeadLetter(id, letter.flow(), letter.source(), letter.entity(), letter.recordKey(),
          letter.idempotencyKey(), letter.payload(), letter.contentType(), letter.canonical(),
          letter.errorType(), letter.errorMessage(), letter.violations(), Math.max(1, letter.attempts()),
          letter.firstFailedAt(), letter.lastFailedAt(), letter.status(), letter.note()));
      return id;
    }

    @Override
    public Optional<DeadLetter> get(String id) {
      return Optional.ofNullable(letters.get(id));
    }

    @Override
    public List<DeadLetter> list(DeadLetterFilter filter) {
      var stream = letters.values().stream().filter(filter::matches)
          .sorted(Comparator.comparing(DeadLetter::lastFailedAt).reversed().thenComparing(DeadLetter::id));
      return filter.limit() > 0 ? stream.limit(filter.limit()).toList() : stream.toList();
    }

    @Override
    public long count(DeadLetterFilter filter) {
      return letters.values().stream().filter(filter::matches).count();
    }

    @Override
    public void markReplayed(String id, String note) {
      close(id, DeadLetter.Status.REPLAYED, note);
    }

    @Override
    public void markResolved(String id, String note) {
      close(id, DeadLetter.Status.RESOLVED, note);
    }

    @Override
    public void discard(String id, String reason) {
      close(id, DeadLetter.Status.DISCARDED, reason);
  }

  private void close(String id, DeadLetter.Status status, String note) {
    DeadLetter letter = letters.get(id);
    if (letter == null) {
      throw new NoSuchElementException("no dead letter " + id);
    }
    letters.put(id, letter.withStatus(status, note));
  }

  @Override
  public synchronized int purgePayloads(Instant before) {
    int purged = 0;
    for (DeadLetter l : List.copyOf(letters.values())) {
      if (l.status() != DeadLetter.Status.OPEN && l.lastFailedAt().isBefore(before) && l.payload().length > 0) {
        letters.put(l.id(), new DeadLetter(l.id(), l.flow(), l.source(), l.entity(), l.recordKey(),
            l.idempotencyKey(), new byte[0], l.contentType(), null, l.errorType(), l.errorMessage(),
            l.violations(), l.attempts(), l.firstFailedAt(), l.lastFailedAt(), l.status(), l.note()));
        purged++;
      }
    }
    return purged;
  }

  }

  private static String linkKey(String entity, ExternalRef from, SystemId target) {
    return entity + "|" + from.system() + "|" + from.id() + "|" + target;
  }

  private final class LinkFacet implements CrossReferences {

    @Override
    public synchronized void link(String entity, ExternalRef a, ExternalRef b) {
      Optional<ExternalRef> oldB = find(entity, a, b.system());
      oldB.ifPresent(old -> links.remove(linkKey(entity, old, a.system())));
      Optional<ExternalRef> oldA = find(entity, b, a.system());
      oldA.ifPresent(old -> links.remove(linkKey(entity, old, b.system())));
      links.put(linkKey(entity, a, b.system()), b);
      links.put(linkKey(entity, b, a.system()), a);
    }

    @Override
    public Optional<ExternalRef> find(String entity, ExternalRef from, SystemId target) {
      return Optional.ofNullable(links.get(linkKey(entity, from, target)));
    }

  }

  private final class FingerprintFacet implements Fingerprints {

    @Override
    public Optional<String> get(String scope, String key) {
      return Optional.ofNullable(fingerprints.get(scope + "|" + key));
    }

    @Override
    public void put(String scope, String key, String fingerprint) {
      fingerprints.put(scope + "|" + key, fingerprint);
    }

  }

  private final class EventFacet implements ReceivedEvents {

    @Override
    public boolean firstArrival(String channel, String eventId, Instant receivedAt) {
      return events.putIfAbsent(channel + "|" + eventId, receivedAt) == null;
    }

    @Override
    public int purge(Instant before) {
      int[] removed = {0};
      events.entrySet().removeIf(e -> {
        boolean old = e.getValue().isBefore(before);
        if (old) {
          removed[0]++;
        }
        return old;
      });
      return removed[0];
    }
  }

  private final class LeaseFacet implements Leases {

    @Override
    public synchronized Set<String> claim(String scope, Collection<String> resources, String owner, Duration ttl) {
      Instant now = clock.instant();
      Set<String> held = new HashSet<>();
      for (String resource : resources) {
        String id = scope + "|" + resource;
        Lease current = leases.get(id);
        if (current == null || current.owner().equals(owner) || !current.expiresAt().isAfter(now)) {
          leases.put(id, new Lease(owner, now.plus(ttl)));
          held.add(resource);
        }
      }
      return held;
    }

    @Override
    public synchronized void release(String scope, Collection<String> resources, String owner) {
      for (String resource : resources) {
        leases.computeIfPresent(scope + "|" + resource, (k, l) -> l.owner().equals(owner) ? null : l);
      }
    }
  }

  private final class HistoryFacet implements RunHistory {

    @Override
    public void record(RunReport report) {
      runs.addFirst(report);
      while (runs.size() > 10_000) {
        runs.pollLast();
      }
    }

    @Override
    public List<RunReport> recent(String pipeline, int limit) {
      return runs.stream().filter(r -> pipeline == null || r.pipeline().equals(pipeline)).limit(limit).toList();
    }
  }
}
