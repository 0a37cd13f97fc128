package io.commercesync.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.pipeline.IdempotencyKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability across {@code kill -9}: a child JVM writes ledger entries through group commit and
 * prints each key once its future completed; killed with SIGKILL at a random point, the reopened file
 * holds every printed key (and every printed "done" as done).
 */
class SqliteKillTest {

  @TempDir
  Path dir;

  @Test
  void killNine_atRandomPoints_everyAcknowledgedLedgerWriteSurvives() throws Exception {
    Random random = new Random();
    for (int round = 0; round < 3; round++) {
      Path file = dir.resolve("kill-" + round + ".db");
      int killAfter = 200 + random.nextInt(5000);
      Set<String> begun = new HashSet<>();
      Map<String, String> done = new HashMap<>();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          LedgerWriterChild.class.getName(), file.toString(), "120")
          .redirectError(dir.resolve("child-" + round + ".err").toFile())
          .start();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8))) {
        int seen = 0;
        String line;
        while ((line = lines.readLine()) != null) {
          String[] parts = line.split(" ");
          if (parts[0].equals("begun")) {
            begun.add(parts[1]);
          } else if (parts[0].equals("done")) {
            done.put(parts[1], parts[2]);
          }
          if (++seen == killAfter) {
            // SIGKILL: no shutdown hook, no close, no final commit. Through the handle, so the pipe stays
            // open and every line the child printed before it died is still read
            child.toHandle().destroyForcibly();
          }
        }
      } finally {
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(child.exitValue()).as("the child was killed, it did not finish").isNotZero();
      assertThat(begun).as("acknowledged before the kill").hasSizeGreaterThanOrEqualTo(killAfter / 2);

      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
      try (StateStore store = StateStore.sqlite(file)) {
        for (String key : begun) {
          assertThat(store.ledger().get(new IdempotencyKey(key))).as("acknowledged key %s", key).isPresent();
        }
        done.forEach((key, remoteId) -> {
          LedgerEntry entry = store.ledger().get(new IdempotencyKey(key)).orElseThrow();
          assertThat(entry.state()).as("acknowledged done %s", key).isEqualTo(LedgerEntry.State.DONE);
          assertThat(entry.remoteId()).isEqualTo(remoteId);
        });
      }
    }
  }
}
