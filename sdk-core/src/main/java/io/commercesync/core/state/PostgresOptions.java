package io.commercesync.core.state;

import io.commercesync.core.error.ConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the PostgreSQL state store ({@link StateStore#postgres(javax.sql.DataSource, PostgresOptions)}).
 * Immutable; build one with {@link #builder()}.
 *
 * <pre>{@code
 * StateStore store = StateStore.postgres("jdbc:postgresql://db.corp:5432/commercesync", "commercesync",
 *     Secret.fromEnv("COMMERCESYNC_DB_PASSWORD"),
 *     PostgresOptions.builder().maxConnections(8).build());
 * }</pre>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>maxBatchSize</td><td>500</td><td>most ledger writes the group committer puts in one transaction</td></tr>
 *   <tr><td>maxConnections</td><td>4</td><td>connections the store opens itself (JDBC URL form only; with a
 *       {@code DataSource} its pool decides)</td></tr>
 *   <tr><td>connectionWait</td><td>30 s</td><td>how long a call waits for one of those connections</td></tr>
 *   <tr><td>connectTimeout</td><td>10 s</td><td>TCP connect and login timeout (JDBC URL form only)</td></tr>
 *   <tr><td>clock</td><td>system UTC</td><td>the time written into entries and used for lease expiry; keep
 *       the clocks of instances sharing a database in sync (NTP)</td></tr>
 * </table>
 */
public final class PostgresOptions {

  private final int maxBatchSize;
  private final int maxConnections;
  private final Duration connectionWait;
  private final Duration connectTimeout;
  private final Clock clock;

  private PostgresOptions(Builder b) {
    this.maxBatchSize = b.maxBatchSize;
    this.maxConnections = b.maxConnections;
    this.connectionWait = b.connectionWait;
    this.connectTimeout = b.connectTimeout;
    this.clock = b.clock;
  }

  /** The defaults listed above. */
  public static PostgresOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().maxBatchSize(maxBatchSize).maxConnections(maxConnections).connectionWait(connectionWait)
        .connectTimeout(connectTimeout).clock(clock);
  }

  public int maxBatchSize() {
    return maxBatchSize;
  }

  public int maxConnections() {
    return maxConnections;
  }

  public Duration connectionWait() {
    return connectionWait;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "PostgresOptions[maxBatchSize=" + maxBatchSize + ", maxConnections=" + maxConnections
        + ", connectionWait=" + connectionWait + ", connectTimeout=" + connectTimeout + "]";
  }

  /** Builds {@link PostgresOptions}; not thread-safe. */
  public static final class Builder {
    private int maxBatchSize = 500;
    private int maxConnections = 4;
    private Duration connectionWait = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder maxBatchSize(int value) {
      this.maxBatchSize = value;
      return this;
    }

    /** At least 2: one for the group committer, one for everything else. */
    public Builder maxConnections(int value) {
      this.maxConnections = value;
      return this;
    }

    public Builder connectionWait(Duration value) {
      this.connectionWait = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    /** The clock for timestamps and lease expiry; tests pass a controllable one. */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** @throws ConfigurationException naming the option whose value is out of range */
    public PostgresOptions build() {
      if (maxBatchSize < 1) {
        throw ConfigurationException.of("postgres.maxBatchSize", "must be >= 1 (was " + maxBatchSize + ")");
      }
      if (maxConnections < 2) {
        throw ConfigurationException.of("postgres.maxConnections", "must be >= 2 (was " + maxConnections + ")");
      }
      if (connectionWait == null || connectionWait.isNegative() || connectionWait.isZero()) {
        throw ConfigurationException.of("postgres.connectionWait", "must be positive (was " + connectionWait + ")");
      }
      if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.toSeconds() > Integer.MAX_VALUE) {
        throw ConfigurationException.of("postgres.connectTimeout", "must be >= 0 (was " + connectTimeout + ")");
      }
      Objects.requireNonNull(clock, "clock");
      return new PostgresOptions(this);
    }
  }
}
