package io.commercesync.cli;

import io.commercesync.core.config.SyncSetup;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code commercesync sync --config FILE [--store DIR] [--watch]}: runs the configured flows once (or
 * again every interval) and prints a report per flow. Exit 0 when every flow completed, 3 when one
 * paused (a target was down; its records are pending), 1 when one failed, 2 for a bad configuration.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = "Runs the flows of a configuration file against real or simulated systems.")
final class SyncCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, description = "YAML or JSON configuration (see docs/operations.md).")
  Path config;

  @Option(names = "--store", description = "Overrides the configuration's store with DIR/commercesync.db.")
  Path store;

  @Option(names = "--watch", description = "Keep running, every --interval, until stopped.")
  boolean watch;

  @Option(names = "--interval", defaultValue = "PT1M", description = "Time between runs with --watch (default PT1M).")
  Duration interval;

  @Option(names = "--reconcile", description = "Read every record again, not only the changes since the last run;"
      + " only what differs from what was last sent is written (a full reconciliation).")
  boolean reconcile;

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    try (SyncSetup setup = SyncSetup.build(ConfigFiles.read(config), store, System::getenv)) {
      if (!watch) {
        return runAll(setup, out, reconcile);
      }
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
      int last = ExitCode.OK;
      do {
        last = runAll(setup, out, false);
      } while (!stop.await(interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
      return last;
    }
  }

  private static int runAll(SyncSetup setup, java.io.PrintWriter out, boolean reconcile) {
    int worst = ExitCode.OK;
    for (SyncFlow flow : setup.flows()) {
      out.println((reconcile ? "reconciling " : "running ") + flow.name() + " ...");
      out.flush();
      RunReport report = reconcile ? flow.reconcile() : flow.runOnce();
      out.println("  " + report.summary());
      if (report.error() != null) {
        out.println("  " + report.error());
      }
      out.flush();
      worst = ExitCode.worst(worst, exitCode(report));
    }
    long open = setup.store().deadLetters().count(io.commercesync.core.state.DeadLetterFilter.OPEN);
    out.println("dead letters open: " + open + (open > 0 ? " (commercesync dlq list)" : ""));
    return worst;
  }

  /** 0 completed, 3 paused, 1 failed. */
  static int exitCode(RunReport report) {
    return report.state() == RunState.COMPLETED ? ExitCode.OK
        : report.state() == RunState.PAUSED ? ExitCode.PAUSED : ExitCode.FAILURE;
  }
}
