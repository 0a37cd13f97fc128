package io.commercesync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code commercesync}: the command-line face of the SDK.
 *
 * <p>Exit codes: 0 ok, 1 failure, 2 invalid input, 3 paused (see {@link ExitCode}).
 */
@Command(
    name = "commercesync",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Connects eCommerce storefronts with Microsoft Dynamics ERPs.",
    subcommands = {DemoCommand.class, SimulateCommand.class, SyncCommand.class, MapCommand.class,
        WebhookCommand.class, LookupCommand.class, DlqCommand.class, RunsCommand.class, CommandLine.HelpCommand.class},
    exitCodeOnInvalidInput = ExitCode.INVALID_INPUT,
    exitCodeOnExecutionException = ExitCode.FAILURE)
public final class CommerceSyncCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new CommerceSyncCommand())
        .setExecutionExceptionHandler(new FailureHandler());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
