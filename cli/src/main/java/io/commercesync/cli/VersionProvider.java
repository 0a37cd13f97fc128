package io.commercesync.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, or {@code dev} when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = CommerceSyncCommand.class.getPackage().getImplementationVersion();
    return new String[] {"commercesync " + (version != null ? version : "dev")};
  }
}
