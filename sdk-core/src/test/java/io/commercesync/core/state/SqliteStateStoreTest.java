package io.commercesync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.StateStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest extends DurableStateStoreContract {

  @TempDir
  Path dir;

  Path file;
  int locations;

  @Override
  void newLocation() {
    // the directory does not exist yet: the store creates it
    file = dir.resolve("state-" + ++locations).resolve("commercesync.db");
  }

  @Override
  StateStore openAt(Clock clock) {
    return StateStore.sqlite(file, SqliteOptions.builder().clock(clock).build());
  }

  @Override
  Connection jdbc() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @Test
  void newFile_isOwnerOnly_andSoIsItsWriteAheadLog() throws Exception {
    store.checkpoints().put("magento:orders", io.commercesync.core.pipeline.Cursor.of("c"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    assertThat(wal).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wal))).isEqualTo("rw-------");
  }

  @Test
  void journal_isWriteAheadLog() throws Exception {
    try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void unopenablePath_isATypedErrorNamingTheFile() throws Exception {
    Path directory = Files.createDirectories(dir.resolve("a-directory.db"));
    assertThatThrownBy(() -> StateStore.sqlite(directory)).isInstanceOf(StateStoreException.class)
        .hasMessageContaining("a-directory.db")
        .satisfies(e -> assertThat(((StateStoreException) e).backend()).isEqualTo("sqlite"));
  }

  @Test
  void lockedByAnotherProcessLongerThanBusyTimeout_isRetryableTypedError() throws Exception {
    StateStore impatient = StateStore.sqlite(file, SqliteOptions.builder().busyTimeout(Duration.ofMillis(50))
        .clock(clock).build());
    try (Connection other = jdbc(); Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");   // another process holds the write lock
      assertThatThrownBy(() -> impatient.fingerprints().put("s", "k", "v"))
          .isInstanceOf(StateStoreException.class)
          .satisfies(e -> assertThat(((StateStoreException) e).retryable()).isTrue());
      s.execute("ROLLBACK");
    }
    impatient.fingerprints().put("s", "k", "v");
    assertThat(impatient.fingerprints().get("s", "k")).contains("v");
    impatient.close();
  }

  @Test
  void fileLockedDuringABatch_failsTheWholeBatchRetryablyAtOnce_notWriteByWrite() throws Exception {
    StateStore impatient = StateStore.sqlite(file, SqliteOptions.builder().busyTimeout(Duration.ofMillis(200))
        .clock(clock).build());
    List<CompletableFuture<LedgerEntry>> begun = new ArrayList<>();
    long started = System.nanoTime();
    try (Connection other = jdbc(); Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      for (int i = 0; i < 50; i++) {
        begun.add(impatient.ledger().beginAsync(key("busy-" + i), "h"));
      }
      for (CompletableFuture<LedgerEntry> f : begun) {
        assertThatThrownBy(f::join).hasCauseInstanceOf(StateStoreException.class)
            .satisfies(e -> assertThat(((StateStoreException) e.getCause()).retryable()).isTrue());
      }
      s.execute("ROLLBACK");
    }
    // one busy wait per batch, not 50 of 200 ms each
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(impatient.ledger().begin(key("busy-0"), "h").attempts()).isEqualTo(1);
    impatient.close();
  }

  @Test
  void options_rejectBadValuesNamingTheOption() {
    assertThatThrownBy(() -> SqliteOptions.builder().maxBatchSize(0).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("sqlite.maxBatchSize");
    assertThatThrownBy(() -> SqliteOptions.builder().busyTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("sqlite.busyTimeout");
    assertThat(SqliteOptions.defaults().synchronous()).isEqualTo(SqliteOptions.Synchronous.FULL);
    assertThat(SqliteOptions.defaults().toBuilder().maxBatchSize(7).build().maxBatchSize()).isEqualTo(7);
  }
}
