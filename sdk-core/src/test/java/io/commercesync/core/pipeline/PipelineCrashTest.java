package io.commercesync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.model.SystemId;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.LedgerEntry;
import io.commercesync.core.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 9 of RELIABILITY.md and the crash test of the pipeline issue: a child JVM runs 5,000
 * records, is killed with SIGKILL at a random moment (after a random number of applied effects, so
 * kills land after read, after map, between the remote write and the ledger, after a checkpoint), and
 * is restarted on the same store until it finishes. Twenty rounds. Every record's effect must exist
 * exactly once, the rejected ones must be dead-lettered and never applied, and the ledger, checkpoint
 * and dead letters must agree.
 */
class PipelineCrashTest {

  private static final int RECORDS = 5_000;
  private static final int ROUNDS = 20;

  @TempDir
  Path dir;

  @Test
  void killNineAtRandomMoments_everyRecordIsAppliedExactlyOnce() throws Exception {
    Random random = new Random(20261123);
    for (int round = 0; round < ROUNDS; round++) {
      Path store = dir.resolve("store-" + round + ".db");
      Path effects = dir.resolve("effects-" + round + ".db");
      int kills = 1 + random.nextInt(2);
      for (int k = 0; k < kills; k++) {
        int killAt = 1 + random.nextInt(RECORDS - 1);
        Process child = start(store, effects, round, k);
        waitForEffects(effects, killAt, child);
        child.toHandle().destroyForcibly();   // SIGKILL: no hook, no close, no final commit
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      Process last = start(store, effects, round, kills);
      assertThat(last.waitFor(5, TimeUnit.MINUTES)).as("round %d finished", round).isTrue();
      String out = new String(last.getInputStream().readAllBytes());
      assertThat(last.exitValue()).as("round %d: %s", round, Files.readString(dir.resolve("child-" + round + "-" + kills + ".err")))
          .isZero();
      assertThat(out).as("round %d", round).startsWith("finished COMPLETED");
      verify(store, effects, round);
    }
  }

  private Process start(Path store, Path effects, int round, int attempt) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), store.toString(), effects.toString(), String.valueOf(RECORDS))
        .redirectError(dir.resolve("child-" + round + "-" + attempt + ".err").toFile())
        .start();
  }

  private static void waitForEffects(Path effects, int atLeast, Process child) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline && child.isAlive()) {
      if (Files.exists(effects) && countEffects(effects) >= atLeast) {
        return;
      }
      Thread.sleep(5);
    }
  }

  private static int countEffects(Path effects) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + effects); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM effect")) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException notYetCreated) {
      return 0;
    }
  }

  private static void verify(Path storeFile, Path effectsFile, int round) throws SQLException {
    Map<String, Integer> applied = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + effectsFile); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT record_key, COUNT(*) FROM effect GROUP BY record_key")) {
      while (rs.next()) {
        applied.put(rs.getString(1), rs.getInt(2));
      }
    }
    try (StateStore store = StateStore.sqlite(storeFile)) {
      Set<String> deadLettered = store.deadLetters().list(DeadLetterFilter.ALL).stream()
          .map(DeadLetter::recordKey).collect(Collectors.toSet());
      for (int i = 0; i < RECORDS; i++) {
        String key = String.format("r%05d", i);
        IdempotencyKey idem = IdempotencyKey.of(SystemId.of("numbers"), "number", key, "crash");
        if (i % 97 == 96) {
          assertThat(applied).as("round %d: rejected %s never applied", round, key).doesNotContainKey(key);
          assertThat(deadLettered).as("round %d: rejected %s dead-lettered", round, key).contains(key);
        } else {
          assertThat(applied.get(key)).as("round %d: %s applied exactly once", round, key).isEqualTo(1);
          assertThat(deadLettered).as("round %d: %s not dead-lettered", round, key).doesNotContain(key);
          assertThat(store.ledger().get(idem)).as("round %d: ledger of %s", round, key)
              .hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(LedgerEntry.State.DONE));
        }
      }
      assertThat(deadLettered).hasSize(RECORDS / 97);
      assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isEqualTo(RECORDS / 97);
      assertThat(store.checkpoints().get("numbers")).contains(Cursor.of(String.format("%05d", RECORDS - 1)));
    }
  }
}
