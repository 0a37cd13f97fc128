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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateStoreTest extends DurableStateStoreContract {

  @TempDir
  Path dir;

  Path file;

  @Override
  void newLocation() {
    file = dir.resolve("state").resolve("commercesync.db");   // the directory does not exist yet
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
  void options_rejectBadValuesNamingTheOption() {
    assertThatThrownBy(() -> SqliteOptions.builder().maxBatchSize(0).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("sqlite.maxBatchSize");
    assertThatThrownBy(() -> SqliteOptions.builder().busyTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("sqlite.busyTimeout");
    assertThat(SqliteOptions.defaults().synchronous()).isEqualTo(SqliteOptions.Synchronous.FULL);
    assertThat(SqliteOptions.defaults().toBuilder().maxBatchSize(7).build().maxBatchSize()).isEqualTo(7);
  }
}
