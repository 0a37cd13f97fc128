package io.commercesync.it.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.cli.CommerceSyncCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code commercesync demo --faults 0.2}: every simulator fails a fifth of its calls transiently (429 with
 * Retry-After, 503, connections reset before and after the commit), and the audit read from the simulators'
 * state still finds no duplicate and no lost order.
 */
class DemoWithFaultsTest {

  @TempDir
  Path dir;

  @Test
  void demo_withTwentyPercentFaults_endsWithNoDuplicateAndNoLostOrder() {
    StringWriter out = new StringWriter();
    CommandLine cli = CommerceSyncCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    int exit = cli.execute("demo", "--orders", "40", "--faults", "0.2", "--seed", "7", "--store", dir.toString());

    String[] lines = out.toString().strip().split("\n");
    String last = lines[lines.length - 1];
    Matcher m = Pattern.compile("demo: pairs=4 orders=40 synced=(\\d+) duplicates=(\\d+) lost=(\\d+) dead-lettered=(\\d+)")
        .matcher(last);
    assertThat(m.matches()).as(out.toString()).isTrue();
    assertThat(m.group(2)).as("duplicates").isEqualTo("0");
    assertThat(m.group(3)).as("lost").isEqualTo("0");
    assertThat(Integer.parseInt(m.group(1))).as("synced").isGreaterThan(20);
    assertThat(exit).as(out.toString()).isEqualTo(0);
    assertThat(out.toString()).as("the faults really happened").containsPattern("retried=[1-9]");
  }
}
