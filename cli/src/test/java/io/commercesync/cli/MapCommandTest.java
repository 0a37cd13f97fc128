package io.commercesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.model.Order;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MapCommandTest {

  /** The sample the README's main command maps. */
  static final Path SAMPLE = Path.of("..", "examples", "data", "canonical-order.json");

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CommerceSyncCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void map_sampleOrder_printsItNormalised_andExitsZero() throws Exception {
    Run run = run("map", "--from", "canonical", "--entity", "order", SAMPLE.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
    Order printed = CanonicalJson.read(run.out().getBytes(StandardCharsets.UTF_8), Order.class);
    Order sample = CanonicalJson.read(Files.readAllBytes(SAMPLE), Order.class);
    assertThat(printed).isEqualTo(sample);
    assertThat(printed.totalsReconcile()).as("the shipped sample is internally consistent").isTrue();
    // normalised: defaults appear explicitly
    assertThat(run.out()).contains("\"taxExempt\" : false");
  }

  @Test
  void map_brokenCopy_printsOneLinePerViolation_andExitsTwo(@TempDir Path dir) throws Exception {
    String json = Files.readString(SAMPLE)
        .replace("\"quantity\": 2,", "\"quantity\": -2,")
        .replace("\"currency\": \"USD\",\n  \"customerRef\"", "\"currency\": \"US-DOLLAR\",\n  \"customerRef\"")
        .replace("\"sku\": \"CS-TEE-HBR-M-BLU\",", "");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, json);
    Run run = run("map", "--entity", "order", broken.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactlyInAnyOrder(
        "currency: must be an ISO 4217 currency code (was US-DOLLAR)",
        "lines[0].sku: is required",
        "lines[1].quantity: must be > 0 (was -2)");
  }

  @Test
  void map_truncatedFile_isInvalidInput(@TempDir Path dir) throws Exception {
    Path truncated = dir.resolve("truncated.json");
    byte[] bytes = Files.readAllBytes(SAMPLE);
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Run run = run("map", "--entity", "order", truncated.toString());
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.err()).startsWith("(document): malformed JSON");
  }

  @Test
  void map_unknownMappingOrMissingFile_explainsWhatExists() {
    Run unknown = run("map", "--from", "nosuchsystem", "--entity", "order", SAMPLE.toString());
    assertThat(unknown.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(unknown.err()).contains("no mapping from nosuchsystem").contains("canonical -> canonical (order)");
    Run missing = run("map", "--entity", "order", "does-not-exist.json");
    assertThat(missing.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void map_list_showsEveryRegisteredMapping() {
    Run run = run("map", "--list");
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("canonical -> canonical (order)", "canonical -> canonical (journal)");
  }

  @Test
  void badArguments_exitTwo() {
    assertThat(run("map", "--no-such-option").exit()).isEqualTo(ExitCode.INVALID_INPUT);
  }
}
