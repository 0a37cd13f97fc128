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

  /** The more serious of two exit codes: failure over invalid input over paused over ok. */
  public static int worst(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int code) {
    return switch (code) {
      case OK -> 0;
      case PAUSED -> 1;
      case INVALID_INPUT -> 2;
      default -> 3;
    };
  }
}
