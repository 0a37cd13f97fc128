package io.commercesync.cli;

import io.commercesync.connector.clarity.webhook.Verification;
import io.commercesync.connector.clarity.webhook.WebhookVerifier;
import io.commercesync.core.security.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code commercesync webhook verify --system clarity --secret-env NAME --headers FILE --body FILE
 * [--now EPOCH]}: checks a webhook delivery an operator captured — the tool for "why was this webhook
 * refused?". Prints {@code valid} (exit 0) or the reason ({@code bad signature}, {@code timestamp outside
 * tolerance}, {@code malformed header}, {@code missing header}; exit 2), with the detail on stderr.
 *
 * <p>The headers file holds {@code Name: value} lines as captured (a request line such as
 * {@code POST /hooks/clarity HTTP/1.1} and blank lines are skipped); the body file holds the raw bytes,
 * exactly as received. The secret is read from an environment variable, never from the command line.
 */
@Command(
    name = "webhook",
    description = "Works with storefront webhooks.",
    mixinStandardHelpOptions = true,
    subcommands = {WebhookCommand.Verify.class})
final class WebhookCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code webhook verify}. */
  @Command(
      name = "verify",
      description = {
        "Verifies a captured webhook delivery: signature over the raw body, timestamp within tolerance.",
        "Prints 'valid' (exit 0) or the reason it would be refused (exit 2)."
      },
      mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--system", required = true, description = "The storefront that sent it: clarity.")
    String system;

    @Option(names = "--secret-env", required = true,
        description = "Environment variable holding the signing secret (repeat during key rotation).")
    List<String> secretEnv = new ArrayList<>();

    @Option(names = "--headers", required = true, description = "File of 'Name: value' header lines.")
    Path headers;

    @Option(names = "--body", required = true, description = "File with the raw body bytes.")
    Path body;

    @Option(names = "--now", description = "Check the timestamp as if now were this Unix time (seconds).")
    Long now;

    @Option(names = "--tolerance", description = "Replay window in seconds (default ${DEFAULT-VALUE}).",
        defaultValue = "300")
    long toleranceSeconds;

    /** Where secrets are read from; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      var err = spec.commandLine().getErr();
      if (!"clarity".equals(system.toLowerCase(Locale.ROOT).trim())) {
        err.println("webhook verify: unsupported system " + system + " (supported: clarity)");
        return ExitCode.INVALID_INPUT;
      }
      Map<String, List<String>> headerMap;
      byte[] raw;
      try {
        headerMap = readHeaders(headers);
        raw = Files.readAllBytes(body);
      } catch (NoSuchFileException e) {
        err.println("webhook verify: no such file: " + e.getFile());
        return ExitCode.INVALID_INPUT;
      } catch (IOException e) {
        err.println("webhook verify: cannot read " + e.getMessage());
        return ExitCode.FAILURE;
      } catch (IllegalArgumentException e) {
        out.println("malformed header");
        err.println(e.getMessage());
        return ExitCode.INVALID_INPUT;
      }
      WebhookVerifier.Builder verifier = WebhookVerifier.builder()
          .tolerance(Duration.ofSeconds(toleranceSeconds))
          .clock(now == null ? Clock.systemUTC() : Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
      for (String name : secretEnv) {
        verifier.secret(Secret.fromEnv(name, environment));
      }
      Verification result = verifier.build().verify(headerMap, raw);
      if (result.valid()) {
        out.println("valid");
        return ExitCode.OK;
      }
      out.println(result.reason().description());
      err.println(result.detail());
      return ExitCode.INVALID_INPUT;
    }

    /** {@code Name: value} lines; a request line and blank lines are skipped; anything else is refused. */
    static Map<String, List<String>> readHeaders(Path file) throws IOException {
      Map<String, List<String>> out = new LinkedHashMap<>();
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || (i == 0 && line.matches("[A-Z]+ \\S+ HTTP/\\d(\\.\\d)?"))) {
          continue;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a 'Name: value' header line");
        }
        out.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
            .add(line.substring(colon + 1).strip());
      }
      return out;
    }
  }
}
