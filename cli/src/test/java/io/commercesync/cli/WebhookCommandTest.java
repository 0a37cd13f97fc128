package io.commercesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code commercesync webhook verify} over the signed sample delivery. */
class WebhookCommandTest {

  static final Path BODY = Path.of("..", "connector-clarity", "src", "test", "resources", "clarity",
      "webhook-order-created.json");
  static final String HEADERS = String.join("\n",
      "POST /hooks/clarity HTTP/1.1",
      "Content-Type: application/json; charset=utf-8",
      "X-Clarity-Webhook-Id: evt_01HXZ7Y3M9K2T4",
      "X-Clarity-Event: order.created",
      "X-Clarity-Timestamp: 1715701330",
      "X-Clarity-Delivery-Attempt: 1",
      "X-Clarity-Signature: v1=685586cc3d490d38e8a456fe91c78895ee9d41ed295ff92bb14db339c75083a2",
      "");
  static final Map<String, String> ENV = Map.of(
      "CLARITY_WEBHOOK_SECRET", "whsec_commercesync_test_2f8a1c9e",
      "WRONG_SECRET", "whsec_somebody_else");

  @TempDir Path dir;
  Path headers;

  @BeforeEach
  void files() throws Exception {
    headers = dir.resolve("headers.txt");
    Files.writeString(headers, HEADERS);
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = CommerceSyncCommand.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    WebhookCommand.Verify verify = cli.getSubcommands().get("webhook").getSubcommands().get("verify").getCommand();
    verify.environment = ENV;
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Run verify(String secretEnv, Path body, String... extra) {
    String[] base = {"webhook", "verify", "--system", "clarity", "--secret-env", secretEnv, "--headers",
        headers.toString(), "--body", body.toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return run(all);
  }

  @Test
  void signedSample_isValid_atTheTimeItWasSent() {
    Run run = verify("CLARITY_WEBHOOK_SECRET", BODY, "--now", "1715701380");
    assertThat(run.out().strip()).isEqualTo("valid");
    assertThat(run.exit()).isEqualTo(ExitCode.OK);
  }

  @Test
  void alteredBody_isABadSignature() throws Exception {
    Path altered = dir.resolve("altered.json");
    Files.write(altered, Files.readString(BODY, StandardCharsets.UTF_8).replace("111.52", "11.52")
        .getBytes(StandardCharsets.UTF_8));
    Run run = verify("CLARITY_WEBHOOK_SECRET", altered, "--now", "1715701380");
    assertThat(run.out().strip()).isEqualTo("bad signature");
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
  }

  @Test
  void wrongSecret_isABadSignature_andNeverPrintsASecret() {
    Run run = verify("WRONG_SECRET", BODY, "--now", "1715701380");
    assertThat(run.out().strip()).isEqualTo("bad signature");
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.out() + run.err()).doesNotContain("whsec_");
  }

  @Test
  void staleTimestamp_isOutsideTolerance() {
    Run run = verify("CLARITY_WEBHOOK_SECRET", BODY, "--now", "1715701700");
    assertThat(run.out().strip()).isEqualTo("timestamp outside tolerance");
    assertThat(run.err()).contains("370 s from now; tolerance is 300 s");
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(verify("CLARITY_WEBHOOK_SECRET", BODY, "--now", "1715701700", "--tolerance", "600").out().strip())
        .isEqualTo("valid");
  }

  @Test
  void malformedHeader_isReported() throws Exception {
    Files.writeString(headers, HEADERS.replace("X-Clarity-Timestamp: 1715701330", "X-Clarity-Timestamp: yesterday"));
    Run run = verify("CLARITY_WEBHOOK_SECRET", BODY, "--now", "1715701380");
    assertThat(run.out().strip()).isEqualTo("malformed header");
    assertThat(run.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    Files.writeString(headers, HEADERS + "this line has no colon\n");
    assertThat(verify("CLARITY_WEBHOOK_SECRET", BODY).out().strip()).isEqualTo("malformed header");
  }

  @Test
  void unsetSecretVariable_orUnknownSystem_isInvalidInput() {
    Run unset = verify("NO_SUCH_VARIABLE", BODY, "--now", "1715701380");
    assertThat(unset.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(unset.err()).contains("NO_SUCH_VARIABLE");
    Run other = run("webhook", "verify", "--system", "magento", "--secret-env", "CLARITY_WEBHOOK_SECRET",
        "--headers", headers.toString(), "--body", BODY.toString());
    assertThat(other.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(other.err()).contains("unsupported system magento");
  }
}
