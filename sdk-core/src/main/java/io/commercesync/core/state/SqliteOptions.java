package io.commercesync.core.state;

import io.commercesync.core.error.ConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the embedded SQLite state store ({@link StateStore#sqlite(java.nio.file.Path, SqliteOptions)}).
 * Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * StateStore store = StateStore.sqlite(Path.of("commercesync.db"), SqliteOptions.builder()
 *     .synchronous(SqliteOptions.Synchronous.NORMAL)   // faster; survives a crash, not a power cut
 *     .busyTimeout(Duration.ofSeconds(10))
 *     .build());
 * }</pre>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>synchronous</td><td>FULL</td><td>SQLite {@code PRAGMA synchronous}: FULL fsyncs every commit</td></tr>
 *   <tr><td>busyTimeout</td><td>5 s</td><td>how long a write waits for another process's lock</td></tr>
 *   <tr><td>maxBatchSize</td><td>1000</td><td>most writes the group committer puts in one transaction</td></tr>
 *   <tr><td>clock</td><td>system UTC</td><td>the time written into entries and used for lease expiry</td></tr>
 * </table>
 */
public final class SqliteOptions {

  /** How hard SQLite pushes each commit to the disk ({@code PRAGMA synchronous}, in WAL mode). */
  public enum Synchronous {
    /** Commits survive a crash of the application, but the last ones may be lost in a power cut. */
    NORMAL,
    /** Every commit is fsynced: it survives a crash and a power cut. The default. */
    FULL,
    /** As FULL, and the directory is synced too when the log is reset. */
    EXTRA
  }

  private final Synchronous synchronous;
  private final Duration busyTimeout;
  private final int maxBatchSize;
  private final Clock clock;

  private SqliteOptions(Builder b) {
    this.synchronous = b.synchronous;
    this.busyTimeout = b.busyTimeout;
    this.maxBatchSize = b.maxBatchSize;
    this.clock = b.clock;
  }

  /** The defaults listed above. */
  public static SqliteOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().synchronous(synchronous).busyTimeout(busyTimeout).maxBatchSize(maxBatchSize).clock(clock);
  }

  public Synchronous synchronous() {
    return synchronous;
  }

  public Duration busyTimeout() {
    return busyTimeout;
  }

  public int maxBatchSize() {
    return maxBatchSize;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "SqliteOptions[synchronous=" + synchronous + ", busyTimeout=" + busyTimeout + ", maxBatchSize="
        + maxBatchSize + "]";
  }

  /** Builds {@link SqliteOptions}; not thread-safe. */
  public static final class Builder {
    private Synchronous synchronous = Synchronous.FULL;
    private Duration busyTimeout = Duration.ofSeconds(5);
    private int maxBatchSize = 1000;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder synchronous(Synchronous value) {
      this.synchronous = value;
      return this;
    }

    public Builder busyTimeout(Duration value) {
      this.busyTimeout = value;
      return this;
    }

    public Builder maxBatchSize(int value) {
      this.maxBatchSize = value;
      return this;
    }

    /** The clock for timestamps and lease expiry; tests pass a controllable one. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** @throws ConfigurationException naming the option whose value is out of range */
    public SqliteOptions build() {
      if (synchronous == null) {
        throw ConfigurationException.of("sqlite.synchronous", "must not be null");
      }
      if (busyTimeout == null || busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
        throw ConfigurationException.of("sqlite.busyTimeout", "must be between 0 and " + Integer.MAX_VALUE
            + " ms (was " + busyTimeout + ")");
      }
      if (maxBatchSize < 1) {
        throw ConfigurationException.of("sqlite.maxBatchSize", "must be >= 1 (was " + maxBatchSize + ")");
      }
      Objects.requireNonNull(clock, "clock");
      return new SqliteOptions(this);
    }
  }
}
