package io.commercesync.it.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.testkit.demo.DemoWorld;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY scenario 9 across processes: {@code commercesync simulate} runs in one process;
 * {@code commercesync sync --config} runs in another and is killed with SIGKILL in the middle of its
 * order flows, three times, then runs to the end. The ERPs' own {@code /_sim/stats} then hold every valid
 * storefront order exactly once, in GP and in SL.
 */
class SyncKillAndResumeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 9;
  private static final int ORDERS = 60;

  @TempDir
  Path dir;

  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void stopChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void syncKilledWithSigkillThreeTimes_thenResumed_eachOrderExactlyOnceInTheErps() throws Exception {
    Process simulate = start(List.of("simulate", "--state", dir.toString(), "--orders", String.valueOf(ORDERS),
        "--seed", String.valueOf(SEED)), Map.of());
    BlockingQueue<String> simOut = lines(simulate);
    Map<String, String> urls = new HashMap<>();
    Pattern url = Pattern.compile("\\s+(dynamics-gp|dynamics-sl)\\s+(http://\\S+)\\s.*");
    for (String line = simOut.poll(90, TimeUnit.SECONDS); line != null && !line.startsWith("simulate: ready");
        line = simOut.poll(90, TimeUnit.SECONDS)) {
      Matcher m = url.matcher(line);
      if (m.matches()) {
        urls.put(m.group(1), m.group(2));
      }
    }
    assertThat(urls).containsKeys("dynamics-gp", "dynamics-sl");
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(dir.resolve("simulate.env"))) {
      if (!line.startsWith("#") && line.contains("=")) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    List<String> sync = List.of("sync", "--config", dir.resolve("sync.yaml").toString());

    Random random = new Random(SEED);
    int killedMidOrders = 0;
    for (int round = 0; round < 3; round++) {
      Process child = start(sync, env);
      BlockingQueue<String> out = lines(child);
      // wait until it is writing orders, then kill it at a random moment
      for (String line = out.poll(120, TimeUnit.SECONDS); line != null; line = out.poll(120, TimeUnit.SECONDS)) {
        if (line.startsWith("running orders-to-erp")) {
          Thread.sleep(50 + random.nextInt(700));   // a random moment of the run, not a wait for a retry
          break;
        }
      }
      if (child.isAlive()) {
        killedMidOrders++;
      }
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);   // SIGKILL: no shutdown hook, no cleanup
    }
    assertThat(killedMidOrders).as("sync was killed while it ran").isPositive();
    Process last = start(sync, env);
    BlockingQueue<String> lastOut = lines(last);
    assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
    List<String> finalLines = new ArrayList<>();
    lastOut.drainTo(finalLines);
    assertThat(last.exitValue()).as(String.join("\n", finalLines)).isEqualTo(0);

    Map<String, Integer> gp = counts(stats(urls.get("dynamics-gp")).path("salesOrdersByCstponbr"));
    Map<String, Integer> sl = counts(stats(urls.get("dynamics-sl")).path("ordersPerCustOrdNbr"));
    assertThat(gp.values()).as("GP sales orders per storefront order").allMatch(n -> n == 1);
    assertThat(sl.values()).as("SL sales orders per storefront order").allMatch(n -> n == 1);
    // the same world, generated again from the seed, tells which orders had to arrive
    try (DemoWorld twin = DemoWorld.builder().seed(SEED).orders(ORDERS).start()) {
      List<DemoWorld.DemoOrder> expected = twin.orders().stream().filter(DemoWorld.DemoOrder::expectedInErp).toList();
      assertThat(expected).hasSizeGreaterThan(ORDERS / 2);
      for (DemoWorld.DemoOrder o : expected) {
        String number = o.number().toUpperCase(Locale.ROOT);
        assertThat(gp).as("GP has " + number).containsEntry(number, 1);
        assertThat(sl).as("SL has " + number).containsEntry(number, 1);
      }
    }
  }

  private Process start(List<String> args, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.commercesync.cli.CommerceSyncCommand"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    children.add(p);
    return p;
  }

  /** The process's output lines, as they come. */
  private static BlockingQueue<String> lines(Process p) {
    BlockingQueue<String> q = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          q.add(line);
        }
      } catch (IOException closed) {
        // the process was killed
      }
    });
    reader.setDaemon(true);
    reader.start();
    return q;
  }

  private static JsonNode stats(String base) throws Exception {
    HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
        .send(HttpRequest.newBuilder(URI.create(base + "/_sim/stats")).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  private static Map<String, Integer> counts(JsonNode node) {
    Map<String, Integer> out = new HashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey().trim().toUpperCase(Locale.ROOT), e.getValue().asInt()));
    return out;
  }
}
