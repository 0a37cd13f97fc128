package io.commercesync.connector.dynamicsgp.agent;

import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The agent's configuration file (JSON; YAML would need another dependency). Secrets are never in the file:
 * it names the environment variables that hold them.
 *
 * <pre>
 * {
 *   "host": "0.0.0.0", "port": 8443,
 *   "tls": { "keyStore": "C:/ProgramData/CommerceSync/agent.p12", "keyStorePasswordEnv": "GP_AGENT_KEYSTORE_PASSWORD",
 *            "trustStore": "C:/ProgramData/CommerceSync/clients.p12", "trustStorePasswordEnv": "GP_AGENT_TRUSTSTORE_PASSWORD",
 *            "requireClientCertificate": true },
 *   "secretEnv": "GP_AGENT_SECRET",
 *   "replayWindow": "PT5M",
 *   "inbox": "C:/ProgramData/CommerceSync/gp-agent-inbox.db",
 *   "retryInterval": "PT30S",
 *   "companies": { "TWO": { "jdbcUrl": "jdbc:sqlserver://localhost;databaseName=TWO;encrypt=true",
 *                           "user": "commercesync", "passwordEnv": "GP_SQL_PASSWORD" } }
 * }
 * </pre>
 *
 * @param host interface to listen on; plain HTTP is only allowed on a loopback address
 * @param port port (0 picks a free one)
 * @param tls TLS settings; required unless {@code host} is loopback
 * @param secretEnv environment variable holding the shared HMAC secret
 * @param replayWindow how far a request timestamp may be from the agent's clock, and how long nonces are kept
 * @param inbox path of the SQLite inbox file
 * @param retryInterval how often queued transactions are retried while GP is down
 * @param companies company database name → connection
 */
public record GpAgentConfig(
    String host,
    int port,
    Tls tls,
    String secretEnv,
    Duration replayWindow,
    String inbox,
    Duration retryInterval,
    Map<String, Company> companies) {

  /**
   * @param keyStore PKCS#12 file with the agent's certificate and key
   * @param keyStorePasswordEnv variable holding its password
   * @param trustStore PKCS#12 file with the client certificates (or their CA) accepted for mutual TLS
   * @param trustStorePasswordEnv variable holding its password
   * @param requireClientCertificate whether a client certificate is required (mutual TLS)
   */
  public record Tls(String keyStore, String keyStorePasswordEnv, String trustStore, String trustStorePasswordEnv,
      boolean requireClientCertificate) {}

  /**
   * @param jdbcUrl the company database, e.g. {@code jdbc:sqlserver://localhost;databaseName=TWO;encrypt=true}
   * @param user a login in the DYNGRP role
   * @param passwordEnv variable holding its password
   */
  public record Company(String jdbcUrl, String user, String passwordEnv) {}

  public GpAgentConfig {
    host = host == null ? "127.0.0.1" : host;
    replayWindow = replayWindow == null ? Duration.ofMinutes(5) : replayWindow;
    retryInterval = retryInterval == null ? Duration.ofSeconds(30) : retryInterval;
    companies = companies == null ? Map.of() : Map.copyOf(companies);
    if (port < 0 || port > 65535) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.port", "must be 0..65535 (was " + port + ")");
    }
    if (replayWindow.isNegative() || replayWindow.isZero() || replayWindow.toMinutes() > 60) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.replayWindow", "must be between 1 s and 60 min");
    }
    if (inbox == null || inbox.isBlank()) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.inbox", "is required (a SQLite file path)");
    }
    boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    if (tls == null && !loopback) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "agent.tls",
          "is required when listening on " + host + " (plain HTTP only on the loopback interface)");
    }
  }

  /** Reads a configuration file. */
  public static GpAgentConfig read(Path file) {
    try {
      return JsonCodec.builder(SystemId.DYNAMICS_GP).failOnUnknown(true).build()
          .read(Files.readAllBytes(file), GpAgentConfig.class, "agent configuration");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the agent configuration " + file, e);
    }
  }
}
