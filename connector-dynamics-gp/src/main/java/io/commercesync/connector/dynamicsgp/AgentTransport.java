package io.commercesync.connector.dynamicsgp;

import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectCodec;
import io.commercesync.connector.dynamicsgp.internal.agent.RequestSigner;
import io.commercesync.connector.dynamicsgp.internal.dto.AgentDtos;
import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.connector.dynamicsgp.polling.GpRow;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.IdempotencyConflictException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reaches GP through the CommerceSync on-premise agent ({@link io.commercesync.connector.dynamicsgp.agent.GpAgent})
 * over HTTPS. Every request is signed with HMAC-SHA256 over method, path, timestamp, nonce and the body's
 * SHA-256 ({@code X-CS-Timestamp}, {@code X-CS-Nonce}, {@code X-CS-Signature}); the agent refuses a bad
 * signature, a timestamp outside its replay window and a nonce it has seen. Mutual TLS is optional
 * ({@link Builder#tls}).
 *
 * <p>The client never retries by itself: a failure is a typed exception whose {@code retryable()} the
 * pipeline's resilience layer reads. Re-sending a document is safe: the agent keys every transaction and
 * never executes one twice.
 *
 * <pre>{@code
 * AgentTransport gp = AgentTransport.builder()
 *     .baseUri(URI.create("https://gp-agent.corp:8443"))
 *     .secret(Secret.fromEnv("GP_AGENT_SECRET"))
 *     .company("TWO")
 *     .build();
 * }</pre>
 */
public final class AgentTransport implements GpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(AgentTransport.class);
  private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final JsonCodec JSON = JsonCodec.builder(SystemId.DYNAMICS_GP).build();

  private final URI baseUri;
  private final Secret secret;
  private final String company;
  private final HttpTransport http;
  private final Clock clock;
  private final EConnectCodec codec;

  private AgentTransport(Builder b) {
    this.baseUri = b.baseUri;
    this.secret = b.secret;
    this.company = b.company;
    this.clock = b.clock;
    this.codec = b.codec;
    OkHttpClient.Builder client = HttpTransport.newClient(b.settings);
    if (b.sslSocketFactory != null) {
      client.sslSocketFactory(b.sslSocketFactory, b.trustManager);
    }
    this.http = new HttpTransport(SystemId.DYNAMICS_GP, client.build(), b.settings, b.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String company() {
    return company;
  }

  @Override
  public SubmitResult submit(EConnect document, String documentKey) {
    Objects.requireNonNull(documentKey, "documentKey");
    byte[] body = codec.write(document);
    String path = "/v1/companies/" + company + "/documents";
    HttpResult result = send(path, RequestBody.create(body, XML), body, documentKey, documentKey);
    AgentDtos.SubmitResponse response = JSON.read(result.body(), AgentDtos.SubmitResponse.class, "agent submit response");
    List<TransactionResult> results = new ArrayList<>();
    if (response.transactions() != null) {
      for (AgentDtos.TransactionDto t : response.transactions()) {
        TransactionResult.Status status;
        try {
          status = TransactionResult.Status.valueOf(t.status());
        } catch (RuntimeException e) {
          throw RemoteSystemException.builder(SystemId.DYNAMICS_GP, "POST " + path).recordKey(documentKey)
              .remoteMessage("unknown transaction status " + t.status()).retryable(false).build();
        }
        results.add(new TransactionResult(t.key(), t.type(), t.documentKey(), status,
            t.errorText() == null ? List.of() : EConnectErrorText.parse(t.errorText()), t.errorText()));
      }
    }
    LOG.debug("gp.agent submit company={} key={} statuses={}", company, documentKey,
        results.stream().map(TransactionResult::status).toList());
    return new SubmitResult(documentKey, results);
  }

  @Override
  public List<GpRow> query(GpQuery query, Map<String, ?> parameters) {
    Map<String, Object> params = new LinkedHashMap<>();
    parameters.forEach((k, v) -> params.put(k, v instanceof Instant at ? at.toString() : v));
    byte[] body = JSON.write(new AgentDtos.QueryRequest(params));
    String path = "/v1/companies/" + company + "/queries/" + query.name();
    HttpResult result = send(path, RequestBody.create(body, JSON_TYPE), body, null, query.name());
    AgentDtos.QueryResponse response = JSON.read(result.body(), AgentDtos.QueryResponse.class, "agent query response");
    List<GpRow> rows = new ArrayList<>();
    if (response.rows() != null) {
      for (Map<String, Object> row : response.rows()) {
        rows.add(new GpRow(row));
      }
    }
    return rows;
  }

  @Override
  public int nextJournalEntry() {
    byte[] body = new byte[0];
    String path = "/v1/companies/" + company + "/journal-entries/next";
    HttpResult result = send(path, RequestBody.create(body, JSON_TYPE), body, null, "taGetNextJournalEntry");
    return JSON.read(result.body(), AgentDtos.JournalEntryResponse.class, "agent journal entry").jrnentry();
  }

  private HttpResult send(String path, RequestBody requestBody, byte[] body, String documentKey, String recordKey) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    String nonce = RequestSigner.nonce();
    String signature = RequestSigner.sign(secret, RequestSigner.canonical("POST", path, timestamp, nonce, body));
    Request.Builder request = new Request.Builder().url(baseUri.resolve(path).toString()).post(requestBody)
        .header(RequestSigner.TIMESTAMP, timestamp).header(RequestSigner.NONCE, nonce)
        .header(RequestSigner.SIGNATURE, signature);
    if (documentKey != null) {
      request.header(RequestSigner.DOCUMENT_KEY, documentKey);
    }
    Request built = request.build();
    HttpResult result = http.execute(built, recordKey);
    if (result.successful()) {
      return result;
    }
    String operation = HttpTransport.operation(built);
    AgentDtos.ErrorResponse error = errorBody(result);
    if (result.status() == 409) {
      throw new IdempotencyConflictException(SystemId.DYNAMICS_GP, documentKey != null ? documentKey : recordKey,
          error == null ? null : error.message());
    }
    if (result.status() == 400 && error != null && "invalid-document".equals(error.error())) {
      throw InvalidRecordException.of(SystemId.DYNAMICS_GP, "eConnect document", recordKey,
          io.commercesync.core.error.FieldViolation.of("eConnect", io.commercesync.core.error.FieldViolation.RULE_SYNTAX,
              null, "the agent refused the document: " + error.message()));
    }
    RemoteSystemException.Builder b = http.errorFor(result, operation, recordKey);
    if (error != null) {
      b.remoteCode(error.error()).remoteMessage(error.message());
    }
    throw HttpTransport.classify(result, b);
  }

  private static AgentDtos.ErrorResponse errorBody(HttpResult result) {
    try {
      return JSON.read(result.body(), AgentDtos.ErrorResponse.class, "agent error");
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "AgentTransport[" + baseUri + ", company=" + company + "]";
  }

  /** Builds an {@link AgentTransport}; {@link #build()} names any missing option. */
  public static final class Builder {
    private URI baseUri;
    private Secret secret;
    private String company;
    private HttpSettings settings = HttpSettings.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private SSLSocketFactory sslSocketFactory;
    private X509TrustManager trustManager;
    private EConnectCodec codec = EConnectCodec.shared();

    private Builder() {}

    /** The agent, e.g. {@code https://gp-agent.corp:8443}. Required. */
    public Builder baseUri(URI baseUri) {
      this.baseUri = baseUri;
      return this;
    }

    /** The shared HMAC secret the agent is configured with. Required. */
    public Builder secret(Secret secret) {
      this.secret = secret;
      return this;
    }

    /** The GP company database, e.g. {@code TWO}. Required. */
    public Builder company(String company) {
      this.company = company;
      return this;
    }

    public Builder httpSettings(HttpSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The clock used for request timestamps (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** TLS settings, e.g. with a client certificate for mutual TLS, and the agent's trust anchor. */
    public Builder tls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
      this.sslSocketFactory = Objects.requireNonNull(sslSocketFactory, "sslSocketFactory");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
      return this;
    }

    /** The codec validating documents before they are sent (the company's decimals). */
    public Builder codec(EConnectCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    public AgentTransport build() {
      if (baseUri == null) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.baseUri", "is required");
      }
      String scheme = baseUri.getScheme();
      boolean loopback = "localhost".equalsIgnoreCase(baseUri.getHost()) || String.valueOf(baseUri.getHost()).startsWith("127.");
      if (!"https".equalsIgnoreCase(scheme) && !("http".equalsIgnoreCase(scheme) && loopback)) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.baseUri",
            "must be https (plain http only on the loopback interface, was " + scheme + ")");
      }
      if (secret == null) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.secret", "is required");
      }
      if (company == null || !company.matches("[A-Za-z0-9_]{1,15}")) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.company",
            "is required: the company database name, letters, digits and _ (e.g. TWO)");
      }
      return new AgentTransport(this);
    }
  }
}
