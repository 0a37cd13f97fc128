package io.commercesync.cli;

import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.state.StateStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code commercesync runs --store DIR}: the latest run reports, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Shows the latest run reports.")
final class RunsCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin StoreOption store;

  @Option(names = "--pipeline", description = "Only this pipeline (flow) name.")
  String pipeline;

  @Option(names = "--limit", defaultValue = "20", description = "How many reports (default 20).")
  int limit;

  @Option(names = "--json", description = "Print the reports as JSON.")
  boolean json;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (StateStore s = store.openExisting()) {
      List<RunReport> reports = s.runHistory().recent(pipeline, limit);
      if (reports.isEmpty()) {
        out.println("no runs recorded");
      }
      for (RunReport r : reports) {
        out.println(json ? r.toJson() : r.finishedAt() + "  " + r.summary());
      }
      return ExitCode.OK;
    }
  }
}
