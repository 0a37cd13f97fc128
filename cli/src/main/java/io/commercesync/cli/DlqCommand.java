package io.commercesync.cli;

import io.commercesync.core.config.SyncSetup;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code commercesync dlq list|show|replay|discard}: the dead-letter store, for operators. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Lists, shows, replays and discards dead letters.",
    subcommands = {DlqCommand.List.class, DlqCommand.Show.class, DlqCommand.Replay.class, DlqCommand.Discard.class})
final class DlqCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Filter options shared by list and replay. */
  static final class FilterOptions {
    @Option(names = "--flow", description = "Only this flow (pipeline) name.") String flow;
    @Option(names = "--entity", description = "Only this entity (order, customer, …).") String entity;
    @Option(names = "--error-type", description = "Only this error type (e.g. InvalidRecordException).") String errorType;
    @Option(names = "--older-than", description = "Only letters whose last failure is older (e.g. PT24H, P7D).")
    Duration olderThan;
    @Option(names = "--status", defaultValue = "open", description = "open (default), replayed, resolved, discarded or all.")
    String status;
    @Option(names = "--limit", defaultValue = "0", description = "At most this many (0: all).") int limit;

    DeadLetterFilter filter() {
      DeadLetter.Status s = status.equalsIgnoreCase("all") ? null : DeadLetter.Status.valueOf(status.toUpperCase(Locale.ROOT));
      return new DeadLetterFilter(flow, entity, errorType, s,
          olderThan == null ? null : Instant.now().minus(olderThan), limit);
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists dead letters, newest failure first.")
  static final class List implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin StoreOption store;
    @CommandLine.ArgGroup(exclusive = false) FilterOptions filter = new FilterOptions();

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      try (StateStore s = store.openExisting()) {
        java.util.List<DeadLetter> letters = s.deadLetters().list(filter.filter());
        for (DeadLetter l : letters) {
          out.printf("%s  %s  %s %s  %s  attempts=%d  %s%n", l.id(), l.lastFailedAt(), l.entity(), l.recordKey(),
              l.flow(), l.attempts(), l.errorType() + ": " + l.errorMessage());
        }
        out.println(letters.size() + " dead letter(s)");
        return ExitCode.OK;
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one dead letter with its payload.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin StoreOption store;
    @Parameters(paramLabel = "ID") String id;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      try (StateStore s = store.openExisting()) {
        DeadLetter l = s.deadLetters().get(id).orElse(null);
        if (l == null) {
          spec.commandLine().getErr().println("dlq: no dead letter " + id);
          return ExitCode.INVALID_INPUT;
        }
        out.println("id:            " + l.id());
        out.println("flow:          " + l.flow());
        out.println("source:        " + l.source());
        out.println("record:        " + l.entity() + " " + l.recordKey());
        out.println("key:           " + l.idempotencyKey());
        out.println("status:        " + l.status() + (l.note() == null ? "" : " (" + l.note() + ")"));
        out.println("attempts:      " + l.attempts());
        out.println("first failure: " + l.firstFailedAt());
        out.println("last failure:  " + l.lastFailedAt());
        out.println("error:         " + l.errorType() + ": " + l.errorMessage());
        l.violations().forEach(v -> out.println("  " + v));
        out.println("payload (" + l.contentType() + "):");
        out.println(new String(l.payload(), StandardCharsets.UTF_8));
        return ExitCode.OK;
      }
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Replays open dead letters through their flow (map, validate, write) under their original key.")
  static final class Replay implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Option(names = "--config", required = true, description = "The sync configuration (builds the flows).") Path config;
    @Option(names = "--store", description = "Overrides the configuration's store: DIR/commercesync.db.") Path storeDir;
    @Option(names = "--id", description = "Replay only this letter.") String id;
    @CommandLine.ArgGroup(exclusive = false) FilterOptions filter = new FilterOptions();

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      try (SyncSetup setup = SyncSetup.build(ConfigFiles.read(config), storeDir, System::getenv)) {
        DeadLetterFilter f = filter.filter().withLimit(0);
        if (id != null) {
          DeadLetter letter = setup.store().deadLetters().get(id).orElse(null);
          if (letter == null) {
            spec.commandLine().getErr().println("dlq: no dead letter " + id);
            return ExitCode.INVALID_INPUT;
          }
          f = f.withFlow(letter.flow());
        }
        int worst = ExitCode.OK;
        for (SyncFlow flow : setup.flows()) {
          if (f.flow() != null && !flowContains(flow, f.flow())) {
            continue;
          }
          RunReport r = flow.replay(f);
          if (r.read() > 0) {
            out.println(r.summary());
          }
          worst = ExitCode.worst(worst, SyncCommand.exitCode(r));
        }
        return worst;
      }
    }

    private static boolean flowContains(SyncFlow flow, String name) {
      return flow.name().equals(name) || flow.name().contains(name)
          || (flow instanceof io.commercesync.core.flow.internal.CompositeFlow c
              && c.parts().stream().anyMatch(p -> p.name().equals(name)));
    }
  }

  @Command(name = "discard", mixinStandardHelpOptions = true, description = "Closes a dead letter with a reason (kept as audit).")
  static final class Discard implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin StoreOption store;
    @Parameters(paramLabel = "ID") String id;
    @Option(names = "--reason", required = true, description = "Why it is discarded.") String reason;

    @Override
    public Integer call() {
      try (StateStore s = store.openExisting()) {
        if (s.deadLetters().get(id).isEmpty()) {
          spec.commandLine().getErr().println("dlq: no dead letter " + id);
          return ExitCode.INVALID_INPUT;
        }
        s.deadLetters().discard(id, reason);
        spec.commandLine().getOut().println("discarded " + id + ": " + reason);
        return ExitCode.OK;
      }
    }
  }
}
