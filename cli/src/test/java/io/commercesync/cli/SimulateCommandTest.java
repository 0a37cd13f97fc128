package io.commercesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.config.SyncSetup;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code commercesync simulate}: the simulators until stopped, and a configuration that syncs against them. */
class SimulateCommandTest {

  @TempDir
  Path dir;

  @Test
  void simulate_writesAConfigurationAndCredentials_thatSyncRunsAgainst_andStatsAuditIt() throws Exception {
    SimulateCommand command = new SimulateCommand();
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() ->
        cli.execute("--state", dir.toString(), "--orders", "8", "--seed", "5"));
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!out.toString().contains("simulate: ready") && System.nanoTime() < deadline && !running.isDone()) {
        Thread.sleep(100);   // waiting for a process to come up, not for a retry
      }
      assertThat(out.toString()).contains("simulate: ready");
      Map<String, String> env = new HashMap<>();
      for (String line : Files.readAllLines(dir.resolve("simulate.env"))) {
        if (!line.startsWith("#") && line.contains("=")) {
          env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
      }
      assertThat(Files.readString(dir.resolve("sync.yaml"))).contains("consumerKey: env:MAGENTO_CONSUMER_KEY")
          .doesNotContain(env.get("MAGENTO_CONSUMER_SECRET"));
      Map<String, Object> document = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
          .readValue(dir.resolve("sync.yaml").toFile(), new com.fasterxml.jackson.core.type.TypeReference<>() {});
      try (SyncSetup setup = SyncSetup.build(document, null, env::get)) {
        List<SyncFlow> orders = setup.flows().stream().filter(f -> f.name().startsWith("orders-to-erp")).toList();
        assertThat(orders).extracting(SyncFlow::name).containsExactly("orders-to-erp:magento>dynamics-gp",
            "orders-to-erp:magento>dynamics-sl", "orders-to-erp:clarity>dynamics-gp", "orders-to-erp:clarity>dynamics-sl");
        for (SyncFlow flow : orders) {
          assertThat(flow.runOnce().state()).isEqualTo(RunState.COMPLETED);
        }
      }
      Matcher gp = Pattern.compile("dynamics-gp (http://\\S+)").matcher(out.toString());
      assertThat(gp.find()).isTrue();
      JsonNode stats = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(gp.group(1) + "/_sim/stats")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertThat(stats.path("salesOrdersByCstponbr").size()).isPositive();
      stats.path("salesOrdersByCstponbr").forEach(n -> assertThat(n.asInt()).isEqualTo(1));
    } finally {
      command.stop.countDown();
    }
    assertThat(running.get()).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("simulate: stopped");
    assertThat(dir.resolve("gp-company.mv.db")).exists();
  }
}
