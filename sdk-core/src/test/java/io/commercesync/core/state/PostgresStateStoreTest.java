package io.commercesync.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.StateStoreException;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.security.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The contract on a real PostgreSQL server. {@code scripts/test-all.sh} starts a throwaway one and sets
 * {@code COMMERCESYNC_TEST_PG_URL}, {@code _USER} and {@code _PASSWORD}; without them these tests FAIL
 * (they are never skipped). Each test works in a schema of its own, dropped afterwards.
 */
class PostgresStateStoreTest extends DurableStateStoreContract {

  static final String URL_VARIABLE = "COMMERCESYNC_TEST_PG_URL";

  String schema;
  final List<String> schemas = new ArrayList<>();

  static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      fail(name + " is not set. The PostgreSQL state-store tests need a server: run them through"
          + " `bash scripts/test-all.sh` (it starts a throwaway PostgreSQL and sets " + URL_VARIABLE
          + ", COMMERCESYNC_TEST_PG_USER and COMMERCESYNC_TEST_PG_PASSWORD), or set those three to a database"
          + " of your own.");
    }
    return value;
  }

  static String baseUrl() {
    return env(URL_VARIABLE);
  }

  static String user() {
    return env("COMMERCESYNC_TEST_PG_USER");
  }

  static Secret password() {
    return Secret.of(env("COMMERCESYNC_TEST_PG_PASSWORD"));
  }

  String url() {
    return baseUrl() + (baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @Override
  void newLocation() throws SQLException {
    schema = "cs_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    schemas.add(schema);
    try (Connection c = DriverManager.getConnection(baseUrl(), user(), password().reveal());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  @Override
  void dropLocation() throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl(), user(), password().reveal());
        Statement s = c.createStatement()) {
      for (String created : schemas) {
        s.execute("DROP SCHEMA " + created + " CASCADE");
      }
    }
    schemas.clear();
  }

  @Override
  StateStore openAt(Clock clock) {
    return StateStore.postgres(url(), user(), password(), PostgresOptions.builder().clock(clock).build());
  }

  @Override
  Connection jdbc() throws SQLException {
    return DriverManager.getConnection(url(), user(), password().reveal());
  }

  @Test
  void dataSourceFactory_sharesTheDataWithTheUrlFactory() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url());
    ds.setUser(user());
    ds.setPassword(password().reveal());
    StateStore pooled = StateStore.postgres(ds, PostgresOptions.builder().clock(clock).build());
    try {
      pooled.checkpoints().put("magento:orders", Cursor.of("from-the-pool"));
      pooled.ledger().begin(key("ds"), "h");
      assertThat(store.checkpoints().get("magento:orders")).contains(Cursor.of("from-the-pool"));
      assertThat(store.ledger().get(key("ds"))).isPresent();
    } finally {
      pooled.close();
    }
  }

  @Test
  void wrongPassword_isTypedErrorWithoutThePasswordOrUrl() {
    String wrong = "not-the-password-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    String urlWithSecret = url() + "&options=-c%20application_name%3Dx";
    assertThatThrownBy(() -> StateStore.postgres(urlWithSecret, user(), Secret.of(wrong)))
        .isInstanceOf(StateStoreException.class)
        .satisfies(e -> {
          StateStoreException s = (StateStoreException) e;
          assertThat(s.backend()).isEqualTo("postgresql");
          assertThat(s.retryable()).isFalse();
          assertThat(s.sqlState()).contains("28P01");
          for (Throwable t = s; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(wrong).doesNotContain(urlWithSecret);
          }
        });
  }

  @Test
  void unreachableServer_isRetryableTypedError() {
    // port 1 on loopback: nothing listens there, the connection is refused at once
    String url = "jdbc:postgresql://127.0.0.1:1/commercesync?password=in-the-url";
    assertThatThrownBy(() -> StateStore.postgres(url, "u", Secret.of("pw")))
        .isInstanceOf(StateStoreException.class)
        .hasMessageStartingWith("state store (postgresql) open: ")
        .hasMessageNotContaining(url).hasMessageNotContaining("in-the-url")
        .satisfies(e -> assertThat(((StateStoreException) e).retryable()).isTrue());
  }

  @Test
  void connectionsKilledByTheServer_failOnceRetryably_thenTheStoreReconnects() throws Exception {
    store.checkpoints().put("magento:orders", Cursor.of("c-0"));
    store.ledger().begin(key("before"), "h");
    try (Connection admin = jdbc(); Statement s = admin.createStatement()) {
      // what a server restart or a failover does to the store's open connections
      s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE application_name = 'commercesync' AND pid <> pg_backend_pid()").close();
    }
    retryOnce(() -> store.checkpoints().put("magento:orders", Cursor.of("c-1")));
    retryOnce(() -> store.ledger().begin(key("after"), "h"));
    assertThat(store.checkpoints().get("magento:orders")).contains(Cursor.of("c-1"));
    assertThat(store.ledger().get(key("after"))).isPresent();
  }

  /** Runs {@code action}; if it fails, the failure must be retryable and the second try must pass. */
  private static void retryOnce(Runnable action) {
    try {
      action.run();
    } catch (StateStoreException e) {
      assertThat(e.retryable()).as("first failure after the server dropped us: %s", e.getMessage()).isTrue();
      action.run();
    }
  }

  @Test
  void urlNoDriverAccepts_isConfigurationError() {
    assertThatThrownBy(() -> StateStore.postgres("jdbc:nosuchdb://host/db", "u", Secret.of("pw")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("postgres.jdbcUrl")
        .hasMessageNotContaining("nosuchdb");
  }

  @Test
  void options_rejectBadValuesNamingTheOption() {
    assertThatThrownBy(() -> PostgresOptions.builder().maxConnections(1).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("postgres.maxConnections");
    assertThatThrownBy(() -> PostgresOptions.builder().maxBatchSize(0).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("postgres.maxBatchSize");
    assertThat(PostgresOptions.defaults().toBuilder().maxConnections(9).build().maxConnections()).isEqualTo(9);
  }
}
