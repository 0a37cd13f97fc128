package io.commercesync.cli;

import io.commercesync.core.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --store DIR}: the directory holding {@code commercesync.db}, the SQLite state store. */
final class StoreOption {

  @Option(names = "--store", paramLabel = "DIR", description = "Directory of the state store (commercesync.db).",
      defaultValue = ".commercesync")
  Path dir;

  /** Opens the store, which must exist (operators inspect, they do not create). */
  StateStore openExisting() {
    Path file = dir.resolve("commercesync.db");
    if (!Files.exists(file)) {
      throw io.commercesync.core.error.ConfigurationException.of("--store",
          "no state store at " + file + " (run sync or demo with --store " + dir + " first)");
    }
    return StateStore.sqlite(file);
  }
}
