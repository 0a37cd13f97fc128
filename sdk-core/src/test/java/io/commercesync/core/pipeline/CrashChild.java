package io.commercesync.core.pipeline;

import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The child process of {@link PipelineCrashTest}: runs a pipeline of N records on a SQLite state store
 * into a sink whose effects land in a separate SQLite file ("the remote system"), then prints
 * {@code finished <state>}. The parent kills it with SIGKILL at random moments and restarts it.
 *
 * <p>Every 97th record is rejected permanently (it must end dead-lettered, never applied). After each
 * write the sink pauses a little before returning, so kills often fall between the remote write and
 * the ledger update — the window the sink's lookup must reconcile.
 */
public final class CrashChild {

  static final SystemId REMOTE = SystemId.of("remote");

  public static void main(String[] args) throws Exception {
    Path storeFile = Path.of(args[0]);
    Path effectsFile = Path.of(args[1]);
    int records = Integer.parseInt(args[2]);
    try (Connection effects = DriverManager.getConnection("jdbc:sqlite:" + effectsFile)) {
      try (var s = effects.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("CREATE TABLE IF NOT EXISTS effect (record_key TEXT NOT NULL, idem_key TEXT NOT NULL)");
      }
      try (StateStore store = StateStore.sqlite(storeFile);
          Resilience resilience = Resilience.builder()
              .policy(SystemPolicy.builder(REMOTE).requestsPerSecond(1_000_000).maxConcurrentCalls(64).build())
              .build()) {
        RunReport report = Pipeline.<String, String>named("crash")
            .source(new Numbers(records)).map(Mapper.identity()).sink(new EffectSink(effects))
            .store(store).resilience(resilience).concurrency(8).maxInFlight(64).checkpointEvery(50)
            .build().run();
        System.out.println("finished " + report.state() + " " + report.summary());
        System.out.flush();
      }
    }
  }

  /** Records "r00000".."rN", cursor = index. */
  static final class Numbers implements Source<String> {
    private final int count;

    Numbers(int count) {
      this.count = count;
    }

    @Override public SystemId system() { return SystemId.of("numbers"); }
    @Override public String name() { return "numbers"; }

    @Override
    public RecordStream read(Cursor from) {
      int start = from.isStart() ? 0 : Integer.parseInt(from.value()) + 1;
      return new RecordStream() {
        int next = start;
        @Override public boolean hasNext() { return next < count; }
        @Override public RawRecord next() {
          if (next >= count) {
            throw new NoSuchElementException();
          }
          int i = next++;
          String key = String.format("r%05d", i);
          return RawRecord.json(key, Cursor.of(String.format("%05d", i)), "number",
              ("\"" + key + "\"").getBytes(StandardCharsets.UTF_8));
        }
        @Override public void close() {}
      };
    }

    @Override
    public String decode(RawRecord record) {
      return new String(record.payload(), StandardCharsets.UTF_8).replace("\"", "");
    }
  }

  /** The remote system: one row per applied effect, durable at once (autocommit, synchronous=FULL). */
  static final class EffectSink implements Sink<String> {
    private final Connection effects;

    EffectSink(Connection effects) {
      this.effects = effects;
    }

    @Override public SystemId system() { return REMOTE; }

    @Override
    public WriteResult write(String record, IdempotencyKey key) {
      if (Integer.parseInt(record.substring(1)) % 97 == 96) {
        throw RemoteSystemException.builder(REMOTE, "POST /effects").status(400).recordKey(record)
            .remoteMessage("rejected by the remote system").retryable(false).build();
      }
      synchronized (effects) {
        try (PreparedStatement p = effects.prepareStatement("INSERT INTO effect (record_key, idem_key) VALUES (?, ?)")) {
          p.setString(1, record);
          p.setString(2, key.value());
          p.executeUpdate();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
      // the window between the remote commit and the ledger update
      if (ThreadLocalRandom.current().nextInt(4) == 0) {
        try {
          Thread.sleep(ThreadLocalRandom.current().nextInt(3));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return WriteResult.created(record);
    }

    @Override
    public Optional<WriteResult> lookup(String record, IdempotencyKey key) {
      synchronized (effects) {
        try (PreparedStatement p = effects.prepareStatement("SELECT COUNT(*) FROM effect WHERE idem_key = ?")) {
          p.setString(1, key.value());
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getInt(1) > 0 ? Optional.of(WriteResult.alreadyApplied(record)) : Optional.empty();
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
