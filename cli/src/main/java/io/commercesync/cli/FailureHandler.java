package io.commercesync.cli;

import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.InvalidRecordException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one readable line and the right exit code, instead of a
 * stack trace. CommerceSync's messages never contain secrets, so they are safe to print.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    var err = commandLine.getErr();
    if (e instanceof InvalidRecordException invalid) {
      invalid.violations().forEach(v -> err.println(v));
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof ConfigurationException) {
      err.println("configuration error: " + e.getMessage());
      return ExitCode.INVALID_INPUT;
    }
    if (e instanceof CommerceSyncException) {
      err.println("error: " + e.getMessage());
      return ExitCode.FAILURE;
    }
    err.println("unexpected error: " + e);
    return ExitCode.FAILURE;
  }
}
