package io.commercesync.cli;

/** The exit codes of every {@code commercesync} command. */
public final class ExitCode {

  /** Everything worked. */
  public static final int OK = 0;
  /** The command failed (a remote system, the store, an unexpected error). */
  public static final int FAILURE = 1;
  /** The input was invalid: bad arguments or a payload with violations. */
  public static final int INVALID_INPUT = 2;
  /** A run ended paused: a target was down and records are pending. */
  public static final int PAUSED = 3;

  private ExitCode() {}
}
