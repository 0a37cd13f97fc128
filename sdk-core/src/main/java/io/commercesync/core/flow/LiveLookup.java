package io.commercesync.core.flow;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.spi.CustomerStanding;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.PriceQuote;
import io.commercesync.core.spi.RealtimeLookup;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Real-time answers from the ERP for product pages and log-ins — a customer's price, stock per
 * warehouse, a customer's standing — with a short cache, a hard timeout and a stale fallback:
 *
 * <ul>
 *   <li>an answer younger than the TTL comes from the cache ({@code CACHED});
 *   <li>otherwise the ERP is asked under the ERP's resilience policies, and the caller waits at most
 *       the timeout ({@code LIVE}); a late answer still refreshes the cache when it comes;
 *   <li>when the ERP is slow beyond the timeout, failing, or its circuit is open, the last known value
 *       is returned marked {@code STALE}; only when there is none does the call fail.
 * </ul>
 *
 * <pre>{@code
 * LiveLookup lookup = LiveLookup.builder(gp).ttl(Duration.ofSeconds(30)).timeout(Duration.ofMillis(800))
 *     .resilience(resilience).build();
 * LookupAnswer<PriceQuote> price = lookup.price("JSMITH0001", "WDG-1001-BLU", BigDecimal.ONE);
 * }</pre>
 *
 * <p>Thread-safe; the cache holds at most {@code maxEntries} answers (least recently used evicted).
 */
public final class LiveLookup {

  private record Entry(Object value, Instant asOf, Instant fetchedAt) {}

  private final RealtimeLookup erp;
  private final SystemId system;
  private final Duration ttl;
  private final Duration timeout;
  private final Resilience resilience;
  private final Clock clock;
  private final Map<String, Entry> cache;

  private LiveLookup(Builder b) {
    this.erp = b.erp;
    this.system = b.system;
    this.ttl = b.ttl;
    this.timeout = b.timeout;
    this.resilience = b.resilience;
    this.clock = b.clock;
    int max = b.maxEntries;
    this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > max;
      }
    });
  }

  /** Starts a look-up service over {@code erp}'s {@link RealtimeLookup} capability. */
  public static Builder builder(Erp erp) {
    return new Builder(erp.require(RealtimeLookup.class), erp.system());
  }

  /** Starts a look-up service over any {@link RealtimeLookup}. */
  public static Builder builder(RealtimeLookup lookup, SystemId system) {
    return new Builder(lookup, system);
  }

  /** The unit price {@code customerId} pays for {@code quantity} of {@code sku}. */
  public LookupAnswer<PriceQuote> price(String customerId, String sku, BigDecimal quantity) {
    return answer("price|" + customerId + "|" + sku + "|" + quantity.stripTrailingZeros().toPlainString(),
        () -> erp.price(customerId, sku, quantity), q -> q.asOf());
  }

  /** The stock of {@code sku} in every warehouse. */
  public LookupAnswer<List<InventoryLevel>> stock(String sku) {
    return answer("stock|" + sku, () -> erp.stock(sku),
        levels -> levels.stream().map(InventoryLevel::asOf).max(Instant::compareTo).orElse(clock.instant()));
  }

  /** {@code customerId}'s standing: on hold, credit limit, balance. */
  public LookupAnswer<CustomerStanding> standing(String customerId) {
    return answer("standing|" + customerId, () -> erp.standing(customerId), CustomerStanding::asOf);
  }

  /** Forgets every cached answer. */
  public void clear() {
    cache.clear();
  }

  @SuppressWarnings("unchecked")
  private <T> LookupAnswer<T> answer(String key, Supplier<T> ask, java.util.function.Function<T, Instant> asOf) {
    Instant now = clock.instant();
    Entry cached = cache.get(key);
    if (cached != null && Duration.between(cached.fetchedAt(), now).compareTo(ttl) < 0) {
      return new LookupAnswer<>((T) cached.value(), LookupAnswer.Freshness.CACHED, cached.asOf());
    }
    CompletableFuture<T> call = resilience.callAsync(system, ask::get);
    call.thenAccept(value -> cache.put(key, new Entry(value, asOf.apply(value), clock.instant())));
    try {
      T value = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      // cached here as well: the thenAccept above may run after get() has returned, and the next ask
      // within the TTL must find the answer
      Instant at = asOf.apply(value);
      cache.put(key, new Entry(value, at, clock.instant()));
      return new LookupAnswer<>(value, LookupAnswer.Freshness.LIVE, at);
    } catch (TimeoutException | ExecutionException | CompletionException e) {
      if (cached != null) {
        return new LookupAnswer<>((T) cached.value(), LookupAnswer.Freshness.STALE, cached.asOf());
      }
      Throwable cause = e instanceof TimeoutException ? null : e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw RemoteSystemException.builder(system, "lookup " + key.substring(0, key.indexOf('|')))
          .remoteMessage("no answer within " + timeout.toMillis() + " ms and nothing cached")
          .buildTransport(true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (cached != null) {
        return new LookupAnswer<>((T) cached.value(), LookupAnswer.Freshness.STALE, cached.asOf());
      }
      throw RemoteSystemException.builder(system, "lookup").remoteMessage("interrupted").buildTransport(false);
    }
  }

  /** Builds a {@link LiveLookup}. Defaults: TTL 30 s, timeout 1 s, 10,000 entries, default resilience. */
  public static final class Builder {
    private final RealtimeLookup erp;
    private final SystemId system;
    private Duration ttl = Duration.ofSeconds(30);
    private Duration timeout = Duration.ofSeconds(1);
    private int maxEntries = 10_000;
    private Resilience resilience;
    private Clock clock = Clock.systemUTC();

    private Builder(RealtimeLookup erp, SystemId system) {
      this.erp = Objects.requireNonNull(erp, "erp");
      this.system = Objects.requireNonNull(system, "system");
    }

    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder maxEntries(int maxEntries) {
      this.maxEntries = maxEntries;
      return this;
    }

    public Builder resilience(Resilience resilience) {
      this.resilience = resilience;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public LiveLookup build() {
      if (ttl == null || ttl.isNegative()) {
        throw ConfigurationException.of(system, "lookup.ttl", "must be a duration >= 0 (was " + ttl + ")");
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw ConfigurationException.of(system, "lookup.timeout", "must be a positive duration (was " + timeout + ")");
      }
      if (maxEntries < 1) {
        throw ConfigurationException.of(system, "lookup.maxEntries", "must be >= 1 (was " + maxEntries + ")");
      }
      if (resilience == null) {
        resilience = Resilience.defaults();
      }
      return new LiveLookup(this);
    }
  }
}
