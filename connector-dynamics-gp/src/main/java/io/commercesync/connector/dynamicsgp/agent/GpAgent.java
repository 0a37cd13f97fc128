package io.commercesync.connector.dynamicsgp.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.commercesync.connector.dynamicsgp.JdbcEconnectTransport;
import io.commercesync.connector.dynamicsgp.TransactionResult;
import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectCodec;
import io.commercesync.connector.dynamicsgp.econnect.EConnectTransaction;
import io.commercesync.connector.dynamicsgp.internal.agent.AgentInbox;
import io.commercesync.connector.dynamicsgp.internal.agent.RequestSigner;
import io.commercesync.connector.dynamicsgp.internal.dto.AgentDtos;
import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.connector.dynamicsgp.polling.GpRow;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CommerceSync on-premise agent: runs next to GP (inside the firewall), accepts signed eConnect
 * documents over HTTPS from the SDK's {@link io.commercesync.connector.dynamicsgp.AgentTransport}, and runs
 * them through the JDBC transport.
 *
 * <ul>
 *   <li>Every request is verified: HMAC-SHA256 signature, timestamp within the replay window, nonce not seen
 *       before; optional mutual TLS.
 *   <li>Every transaction is written to a durable SQLite inbox before it runs. While GP is unreachable it stays
 *       queued (answer 202, status QUEUED) and is executed when GP returns (store-and-forward).
 *   <li>Transactions are keyed ({@code eConnectProcessInfo/MessageID}, else document key + index): one already
 *       applied is never executed again, whatever the client re-sends; the same key with another payload is
 *       refused (409).
 *   <li>Only the named read-only queries of {@link GpQuery} can be run; no client SQL.
 * </ul>
 *
 * <pre>
 * java -jar connector-dynamics-gp-&lt;version&gt;-agent.jar gp-agent --config agent.json
 * </pre>
 */
public final class GpAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GpAgent.class);
  private static final JsonCodec JSON = JsonCodec.builder(SystemId.DYNAMICS_GP).build();
  private static final int MAX_BODY = 16 << 20;

  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService retries;
  private final Map<String, AgentBackend> backends;
  private final AgentInbox inbox;
  private final RequestSigner.Verifier verifier;
  private final boolean https;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  private GpAgent(HttpServer server, boolean https, GpAgentConfig config, Secret secret,
      Map<String, AgentBackend> backends, Clock clock) {
    this.server = server;
    this.https = https;
    this.backends = Map.copyOf(backends);
    this.inbox = new AgentInbox(config.inbox(), clock);
    this.verifier = new RequestSigner.Verifier(secret, config.replayWindow(), clock);
    this.executor = Executors.newFixedThreadPool(8, daemon("gp-agent-http"));
    this.retries = Executors.newSingleThreadScheduledExecutor(daemon("gp-agent-retry"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Starts an agent with explicit backends (tests, embedding). Queued transactions are retried every
   * {@link GpAgentConfig#retryInterval()}.
   */
  public static GpAgent start(GpAgentConfig config, Secret secret, Map<String, AgentBackend> backends, Clock clock) {
    Objects.requireNonNull(secret, "secret");
    try {
      InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
      HttpServer server;
      boolean https = config.tls() != null;
      if (https) {
        HttpsServer s = HttpsServer.create(address, 64);
        SSLContext ssl = sslContext(config.tls());
        boolean needClient = config.tls().requireClientCertificate();
        s.setHttpsConfigurator(new HttpsConfigurator(ssl) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = ssl.getDefaultSSLParameters();
            p.setNeedClientAuth(needClient);
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            params.setSSLParameters(p);
          }
        });
        server = s;
      } else {
        server = HttpServer.create(address, 64);
      }
      GpAgent agent = new GpAgent(server, https, config, secret, backends, clock);
      server.setExecutor(agent.executor);
      server.createContext("/", agent::handle);
      server.start();
      long every = config.retryInterval().toMillis();
      agent.retries.scheduleWithFixedDelay(agent::drainQuietly, every, every, TimeUnit.MILLISECONDS);
      LOG.debug("gp.agent started address={} https={} companies={}", server.getAddress(), https, backends.keySet());
      return agent;
    } catch (IOException e) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.port", "cannot listen: " + e.getMessage(), e);
    }
  }

  /** Starts an agent from its configuration file, with JDBC backends and secrets from the environment. */
  public static GpAgent fromConfig(GpAgentConfig config, Map<String, String> environment) {
    Map<String, AgentBackend> backends = new LinkedHashMap<>();
    config.companies().forEach((name, c) -> backends.put(name, AgentBackend.jdbc(JdbcEconnectTransport.builder()
        .company(name).url(c.jdbcUrl()).user(c.user())
        .password(c.passwordEnv() == null ? null : Secret.fromEnv(c.passwordEnv(), environment)).build())));
    if (config.secretEnv() == null) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.secretEnv", "is required");
    }
    return start(config, Secret.fromEnv(config.secretEnv(), environment), backends, Clock.systemUTC());
  }

  /** {@code gp-agent --config agent.json}. */
  public static void main(String[] args) throws InterruptedException {
    List<String> list = new ArrayList<>(List.of(args));
    if (!list.isEmpty() && list.get(0).equals("gp-agent")) {
      list.remove(0);
    }
    int at = list.indexOf("--config");
    if (at < 0 || at + 1 >= list.size()) {
      System.err.println("usage: gp-agent --config agent.json");
      System.exit(2);
      return;
    }
    GpAgent agent = fromConfig(GpAgentConfig.read(Path.of(list.get(at + 1))), System.getenv());
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "gp-agent-shutdown"));
    System.out.println("gp-agent listening on " + agent.baseUri());
    Thread.currentThread().join();
  }

  private static SSLContext sslContext(GpAgentConfig.Tls tls) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      char[] keyPassword = Secret.fromEnv(tls.keyStorePasswordEnv()).reveal().toCharArray();
      try (InputStream in = Files.newInputStream(Path.of(tls.keyStore()))) {
        keys.load(in, keyPassword);
      }
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, keyPassword);
      TrustManagerFactory tmf = null;
      if (tls.trustStore() != null) {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(tls.trustStore()))) {
          trust.load(in, Secret.fromEnv(tls.trustStorePasswordEnv()).reveal().toCharArray());
        }
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
      return ssl;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.tls", "cannot load the key or trust store: "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** {@code http(s)://127.0.0.1:<port>}. */
  public URI baseUri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    return URI.create((https ? "https" : "http") + "://" + host + ":" + a.getPort());
  }

  // ---- documents -------------------------------------------------------------------------------

  /** Runs every queued transaction, oldest first, until GP is unavailable; returns how many were applied. */
  public int drainOnce() {
    int applied = 0;
    for (AgentInbox.Entry e : inbox.queued()) {
      AgentBackend backend = backends.get(e.company());
      if (backend == null) {
        continue;
      }
      EConnectTransaction tx = EConnectCodec.shared().read(e.xml()).transactions().get(0);
      ReentrantLock lock = lock(e.company());
      lock.lock();
      try {
        AgentInbox.Entry now = inbox.find(e.company(), e.key()).orElse(e);
        if (!"QUEUED".equals(now.status())) {
          continue;
        }
        TransactionResult r = run(backend, e.company(), tx, e.key());
        if (r.status() == TransactionResult.Status.QUEUED) {
          break;
        }
        if (r.status() == TransactionResult.Status.APPLIED) {
          applied++;
        }
      } finally {
        lock.unlock();
      }
    }
    return applied;
  }

  private void drainQuietly() {
    try {
      int n = drainOnce();
      if (n > 0) {
        LOG.debug("gp.agent drained applied={}", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("gp.agent drain failed: {}", e.toString());
    }
  }

  private ReentrantLock lock(String company) {
    return locks.computeIfAbsent(company, c -> new ReentrantLock());
  }

  /** Executes and records one transaction; caller holds the company lock. */
  private TransactionResult run(AgentBackend backend, String company, EConnectTransaction tx, String key) {
    TransactionResult r;
    try {
      r = backend.execute(tx, key);
    } catch (JdbcEconnectTransport.Unavailable down) {
      inbox.update(company, key, "QUEUED", null, true);
      LOG.debug("gp.agent company={} key={} status=queued reason=gp-unavailable", company, key);
      return new TransactionResult(key, tx.typeName(), tx.documentKey(), TransactionResult.Status.QUEUED, List.of(), null);
    }
    inbox.update(company, key, r.status() == TransactionResult.Status.APPLIED ? "APPLIED" : "FAILED", r.errorText(), true);
    return r;
  }

  AgentDtos.SubmitResponse submit(String company, String documentKey, byte[] body) {
    AgentBackend backend = backends.get(company);
    EConnect doc = EConnectCodec.shared().read(body);
    List<AgentDtos.TransactionDto> out = new ArrayList<>();
    List<EConnectTransaction> txs = doc.transactions();
    for (int i = 0; i < txs.size(); i++) {
      EConnectTransaction tx = txs.get(i);
      String key = tx.messageId() != null ? tx.messageId() : documentKey + "#" + i;
      byte[] xml = EConnectCodec.shared().writeUnchecked(EConnect.of(tx));
      String hash = HexFormat.of().formatHex(RequestSigner.sha256(xml));
      ReentrantLock lock = lock(company);
      lock.lock();
      try {
        AgentInbox.Entry existing = inbox.find(company, key).orElse(null);
        if (existing != null && !existing.hash().equals(hash)) {
          throw new Conflict("transaction " + key + " was already received with a different payload");
        }
        if (existing != null && "APPLIED".equals(existing.status())) {
          out.add(new AgentDtos.TransactionDto(key, tx.typeName(), tx.documentKey(), "ALREADY_APPLIED", null));
          continue;
        }
        if (existing == null) {
          inbox.insert(new AgentInbox.Entry(company, key, documentKey, tx.typeName(), tx.documentKey(), hash, xml,
              "QUEUED", null, 0));
        }
        TransactionResult r = run(backend, company, tx, key);
        out.add(new AgentDtos.TransactionDto(key, tx.typeName(), tx.documentKey(), r.status().name(), r.errorText()));
      } finally {
        lock.unlock();
      }
    }
    return new AgentDtos.SubmitResponse(documentKey, out);
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict(String message) {
      super(message, null, false, false);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      if (method.equals("GET") && path.equals("/v1/health")) {
        respond(exchange, 200, new AgentDtos.ErrorResponse("ok", "gp-agent is running"));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        respond(exchange, 413, new AgentDtos.ErrorResponse("too-large", "body exceeds " + MAX_BODY + " bytes"));
        return;
      }
      var headers = exchange.getRequestHeaders();
      RequestSigner.Verdict verdict = verifier.verify(method, path, headers.getFirst(RequestSigner.TIMESTAMP),
          headers.getFirst(RequestSigner.NONCE), headers.getFirst(RequestSigner.SIGNATURE), body);
      if (verdict != RequestSigner.Verdict.OK) {
        LOG.debug("gp.agent refused path={} verdict={}", path, verdict);
        respond(exchange, 401, new AgentDtos.ErrorResponse(verdict.name().toLowerCase(java.util.Locale.ROOT)
            .replace('_', '-'), "request refused: " + verdict));
        return;
      }
      String[] parts = path.split("/");
      // /v1/companies/{company}/documents | /queries/{name} | /journal-entries/next
      if (parts.length < 5 || !parts[1].equals("v1") || !parts[2].equals("companies") || !method.equals("POST")) {
        respond(exchange, 404, new AgentDtos.ErrorResponse("not-found", "no such route"));
        return;
      }
      String company = parts[3];
      AgentBackend backend = backends.get(company);
      if (backend == null) {
        respond(exchange, 404, new AgentDtos.ErrorResponse("unknown-company", "company " + company + " is not configured"));
        return;
      }
      try {
        if (parts.length == 5 && parts[4].equals("documents")) {
          String key = headers.getFirst(RequestSigner.DOCUMENT_KEY);
          if (key == null || key.isBlank()) {
            respond(exchange, 400, new AgentDtos.ErrorResponse("missing-document-key", RequestSigner.DOCUMENT_KEY + " is required"));
            return;
          }
          AgentDtos.SubmitResponse response = submit(company, key, body);
          boolean queued = response.transactions().stream().anyMatch(t -> t.status().equals("QUEUED"));
          respond(exchange, queued ? 202 : 200, response);
        } else if (parts.length == 6 && parts[4].equals("queries")) {
          GpQuery query;
          try {
            query = GpQuery.valueOf(parts[5]);
          } catch (IllegalArgumentException e) {
            respond(exchange, 404, new AgentDtos.ErrorResponse("unknown-query", "no query " + parts[5]));
            return;
          }
          AgentDtos.QueryRequest request = JSON.read(body, AgentDtos.QueryRequest.class, "query request");
          Map<String, Object> params = new LinkedHashMap<>();
          if (request.params() != null) {
            request.params().forEach((k, v) -> params.put(k, v instanceof String s && s.matches("\\d{4}-\\d\\d-\\d\\dT.*Z")
                ? Instant.parse(s) : v));
          }
          List<Map<String, Object>> rows = new ArrayList<>();
          for (GpRow row : backend.query(query, params)) {
            Map<String, Object> r = new LinkedHashMap<>();
            row.columns().forEach((k, v) -> r.put(k, v instanceof Instant at ? at.toString() : v));
            rows.add(r);
          }
          respond(exchange, 200, new AgentDtos.QueryResponse(rows));
        } else if (parts.length == 6 && parts[4].equals("journal-entries") && parts[5].equals("next")) {
          respond(exchange, 200, new AgentDtos.JournalEntryResponse(backend.nextJournalEntry()));
        } else {
          respond(exchange, 404, new AgentDtos.ErrorResponse("not-found", "no such route"));
        }
      } catch (Conflict e) {
        respond(exchange, 409, new AgentDtos.ErrorResponse("conflict", e.getMessage()));
      } catch (InvalidRecordException e) {
        respond(exchange, 400, new AgentDtos.ErrorResponse("invalid-document", e.getMessage()));
      } catch (io.commercesync.core.error.RemoteSystemException e) {
        respond(exchange, e.retryable() ? 503 : 500, new AgentDtos.ErrorResponse("gp-error", e.getMessage()));
      } catch (RuntimeException e) {
        LOG.warn("gp.agent path={} failed: {}", path, e.toString());
        respond(exchange, 500, new AgentDtos.ErrorResponse("internal", e.getClass().getSimpleName()));
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.write(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    retries.shutdownNow();
    executor.shutdownNow();
    inbox.close();
  }
}
