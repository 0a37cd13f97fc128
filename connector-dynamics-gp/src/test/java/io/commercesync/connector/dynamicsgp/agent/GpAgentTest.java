package io.commercesync.connector.dynamicsgp.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.dynamicsgp.AgentTransport;
import io.commercesync.connector.dynamicsgp.EConnectError;
import io.commercesync.connector.dynamicsgp.EConnectErrorText;
import io.commercesync.connector.dynamicsgp.JdbcEconnectTransport;
import io.commercesync.connector.dynamicsgp.SubmitResult;
import io.commercesync.connector.dynamicsgp.TransactionResult;
import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectCodec;
import io.commercesync.connector.dynamicsgp.econnect.EConnectTransaction;
import io.commercesync.connector.dynamicsgp.econnect.Samples;
import io.commercesync.connector.dynamicsgp.econnect.SopTransactionType;
import io.commercesync.connector.dynamicsgp.internal.agent.RequestSigner;
import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.connector.dynamicsgp.polling.GpRow;
import io.commercesync.core.error.AuthenticationException;
import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.security.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpAgentTest {

  static final Secret SECRET = Secret.of("s3cr3t-agent-key-for-tests");
  static final Instant NOW = Instant.parse("2024-03-14T15:00:00Z");

  /** GP as the agent sees it: records what ran; can be down; rejects customer NOPE with 598. */
  static final class FakeGp implements AgentBackend {
    final List<String> executed = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public TransactionResult execute(EConnectTransaction tx, String key) {
      if (down) {
        throw new JdbcEconnectTransport.Unavailable("connection refused", null);
      }
      if (tx instanceof SopTransactionType sop && "NOPE".equals(sop.header().custnmbr())) {
        List<EConnectError> errors = List.of(EConnectError.of(598, "taSopLineIvcInsert", "customer does not exist",
            Map.of("SOPNUMBE", sop.documentKey()), Map.of("CUSTNMBR", "NOPE")));
        return new TransactionResult(key, tx.typeName(), tx.documentKey(), TransactionResult.Status.FAILED, errors,
            EConnectErrorText.render(errors));
      }
      executed.add(key);
      return new TransactionResult(key, tx.typeName(), tx.documentKey(), TransactionResult.Status.APPLIED, List.of(), null);
    }

    @Override
    public List<GpRow> query(GpQuery query, Map<String, ?> parameters) {
      return List.of(new GpRow(Map.of("SOPNUMBE", "WEB100045871", "DEX_ROW_TS", Instant.parse("2024-03-15T16:02:11.417Z"),
          "echo", String.valueOf(parameters.get("since")))));
    }

    @Override
    public int nextJournalEntry() {
      return 40217;
    }
  }

  @TempDir Path dir;
  final FakeGp gp = new FakeGp();
  final List<GpAgent> agents = new ArrayList<>();

  @AfterEach
  void stop() {
    agents.forEach(GpAgent::close);
  }

  GpAgent agent() {
    GpAgentConfig config = new GpAgentConfig("127.0.0.1", 0, null, null, Duration.ofMinutes(5),
        dir.resolve("inbox.db").toString(), Duration.ofHours(1), Map.of());
    GpAgent agent = GpAgent.start(config, SECRET, Map.of("TWO", gp), Clock.fixed(NOW, ZoneOffset.UTC));
    agents.add(agent);
    return agent;
  }

  static AgentTransport client(GpAgent agent, Secret secret, Instant clock) {
    return AgentTransport.builder().baseUri(agent.baseUri()).secret(secret).company("TWO")
        .clock(Clock.fixed(clock, ZoneOffset.UTC)).build();
  }

  static EConnect order() {
    return Samples.document("sop-order.xml");
  }

  @Test
  void submit_appliesOnce_andAReSentDocumentIsNeverExecutedTwice() {
    AgentTransport client = client(agent(), SECRET, NOW);
    SubmitResult first = client.submit(order(), "magento/order/100045871/erp-sales-order");
    assertThat(first.transactions()).extracting(TransactionResult::status).containsExactly(TransactionResult.Status.APPLIED);
    assertThat(first.transactions().get(0).key()).isEqualTo("WEB-100045871");
    SubmitResult again = client.submit(order(), "magento/order/100045871/erp-sales-order");
    assertThat(again.transactions()).extracting(TransactionResult::status)
        .containsExactly(TransactionResult.Status.ALREADY_APPLIED);
    assertThat(gp.executed).containsExactly("WEB-100045871");
  }

  @Test
  void gpDown_documentsAreQueued_andAppliedOnceWhenItReturns() {
    GpAgent agent = agent();
    AgentTransport client = client(agent, SECRET, NOW);
    gp.down = true;
    SubmitResult queued = client.submit(order(), "k1");
    assertThat(queued.transactions().get(0).status()).isEqualTo(TransactionResult.Status.QUEUED);
    assertThat(queued.transactions().get(0).retryable()).isTrue();
    assertThat(client.submit(order(), "k1").transactions().get(0).status()).isEqualTo(TransactionResult.Status.QUEUED);
    assertThat(agent.drainOnce()).isZero();
    gp.down = false;
    assertThat(agent.drainOnce()).isEqualTo(1);
    assertThat(agent.drainOnce()).isZero();
    assertThat(client.submit(order(), "k1").transactions().get(0).status())
        .isEqualTo(TransactionResult.Status.ALREADY_APPLIED);
    assertThat(gp.executed).containsExactly("WEB-100045871");
  }

  @Test
  void inbox_survivesAnAgentRestart() {
    GpAgent first = agent();
    gp.down = true;
    client(first, SECRET, NOW).submit(order(), "k1");
    first.close();
    agents.remove(first);
    gp.down = false;
    GpAgent second = agent();
    assertThat(second.drainOnce()).isEqualTo(1);
    assertThat(gp.executed).containsExactly("WEB-100045871");
  }

  @Test
  void failedTransaction_reportsStructuredErrors_andMayBeReSent() {
    AgentTransport client = client(agent(), SECRET, NOW);
    SopTransactionType sop = (SopTransactionType) order().transactions().get(0);
    SopTransactionType nope = sop.toBuilder()
        .header(sop.header().toBuilder().custnmbr("NOPE").build())
        .lines(sop.lines().stream().map(l -> l.toBuilder().custnmbr("NOPE").build()).toList())
        .taxes(sop.taxes().stream().map(t -> t.toBuilder().custnmbr("NOPE").build()).toList()).build();
    TransactionResult r = client.submit(EConnect.of(nope), "k2").transactions().get(0);
    assertThat(r.status()).isEqualTo(TransactionResult.Status.FAILED);
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.is(598, "taSopLineIvcInsert")).isTrue();
      assertThat(e.relatedFields()).containsEntry("CUSTNMBR", "NOPE");
    });
    assertThat(r.retryable()).isFalse();
  }

  @Test
  void sameKeyWithAnotherPayload_isAConflict() {
    AgentTransport client = client(agent(), SECRET, NOW);
    client.submit(order(), "k1");
    SopTransactionType sop = (SopTransactionType) order().transactions().get(0);
    SopTransactionType changed = sop.toBuilder().header(sop.header().toBuilder().refrence("changed").build()).build();
    assertThatThrownBy(() -> client.submit(EConnect.of(changed), "k1"))
        .isInstanceOf(IdempotencyConflictException.class);
  }

  @Test
  void badSignature_isRefused_withoutTheSecretInTheMessage() {
    AgentTransport client = client(agent(), Secret.of("wrong-secret-value"), NOW);
    assertThatThrownBy(() -> client.submit(order(), "k1"))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("bad-signature")
        .hasMessageNotContaining("wrong-secret-value").hasMessageNotContaining(SECRET.reveal());
    assertThat(gp.executed).isEmpty();
  }

  @Test
  void noSecretInToStringOrMessages() {
    GpAgent agent = agent();
    AgentTransport client = client(agent, SECRET, NOW);
    io.commercesync.connector.dynamicsgp.GpConnector gp = io.commercesync.connector.dynamicsgp.GpConnector.builder()
        .agent(agent.baseUri(), SECRET).company("TWO").build();
    assertThat(client.toString()).doesNotContain(SECRET.reveal()).contains("company=TWO");
    assertThat(gp.toString()).doesNotContain(SECRET.reveal());
    assertThatThrownBy(() -> AgentTransport.builder().baseUri(URI.create("http://gp.example.com")).secret(SECRET)
        .company("TWO").build()).hasMessageContaining("agent.baseUri").hasMessageNotContaining(SECRET.reveal());
  }

  @Test
  void staleTimestamp_isRefused() {
    AgentTransport client = client(agent(), SECRET, NOW.minus(Duration.ofMinutes(6)));
    assertThatThrownBy(() -> client.submit(order(), "k1"))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("stale-timestamp");
    assertThat(gp.executed).isEmpty();
  }

  @Test
  void replayedNonce_isRefused() throws Exception {
    GpAgent agent = agent();
    byte[] body = EConnectCodec.shared().write(order());
    String path = "/v1/companies/TWO/documents";
    String ts = Long.toString(NOW.getEpochSecond());
    String nonce = RequestSigner.nonce();
    HttpRequest request = HttpRequest.newBuilder(URI.create(agent.baseUri() + path))
        .header(RequestSigner.TIMESTAMP, ts).header(RequestSigner.NONCE, nonce)
        .header(RequestSigner.SIGNATURE, RequestSigner.sign(SECRET, RequestSigner.canonical("POST", path, ts, nonce, body)))
        .header(RequestSigner.DOCUMENT_KEY, "k1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpClient http = HttpClient.newHttpClient();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("replayed-nonce");
    assertThat(gp.executed).hasSize(1);
  }

  @Test
  void queries_andJournalNumbers_travelThroughTheAgent() {
    AgentTransport client = client(agent(), SECRET, NOW);
    List<GpRow> rows = client.query(GpQuery.SHIPMENTS_CHANGED,
        Map.of("since", Instant.parse("2024-03-15T00:00:00Z"), "limit", 10));
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.string("SOPNUMBE")).isEqualTo("WEB100045871");
      assertThat(r.instant("DEX_ROW_TS")).isEqualTo(Instant.parse("2024-03-15T16:02:11.417Z"));
      assertThat(r.string("echo")).isEqualTo("2024-03-15T00:00:00Z");
    });
    assertThat(client.nextJournalEntry()).isEqualTo(40217);
  }
}
