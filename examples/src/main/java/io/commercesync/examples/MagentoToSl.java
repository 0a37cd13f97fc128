package io.commercesync.examples;

import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.commercesync.connector.dynamicssl.SlClient;
import io.commercesync.connector.dynamicssl.SlConnector;
import io.commercesync.connector.dynamicssl.SlCreditMemoAccounts;
import io.commercesync.connector.dynamicssl.SlPolling;
import io.commercesync.connector.magento.MagentoClient;
import io.commercesync.connector.magento.MagentoStorefront;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.security.Secret;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.demo.DemoWorld;
import java.net.URI;
import java.time.ZoneId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Magento 2 → Microsoft Dynamics SL: customers (both ways), orders, payments, shipments, invoices and returns
 * (credit memos with lines as SL credit memo orders, money-only ones as AR credit memos).
 *
 * <p>Against real systems, set: {@code MAGENTO_URL}, {@code MAGENTO_CONSUMER_KEY},
 * {@code MAGENTO_CONSUMER_SECRET}, {@code MAGENTO_ACCESS_TOKEN}, {@code MAGENTO_ACCESS_TOKEN_SECRET} (a Magento
 * integration's OAuth credentials), {@code SL_URL}, {@code SL_API_KEY}, {@code SL_API_SECRET} (the SL REST
 * layer), {@code SL_COMPANY} (default 0060), {@code SL_ZONE}, {@code SL_JDBC_URL} (+ {@code SL_JDBC_USER},
 * {@code SL_JDBC_PASSWORD}: read-only polling), optionally {@code SL_REFUND_ACCOUNT} (+
 * {@code SL_FREIGHT_REFUND_ACCOUNT}, {@code SL_TAX_REFUND_ACCOUNT}: where money-only refunds are booked) and
 * {@code MAGENTO_SL_MAPPINGS} (a mappings JSON file, see docs/flows.md).
 * Without {@code MAGENTO_URL} it starts the simulators and runs against them.
 *
 * <pre>
 * mvn -q -pl examples -am verify -DskipTests -Dexample=MagentoToSl
 * </pre>
 */
public final class MagentoToSl {

  private MagentoToSl() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    DemoWorld simulators = null;
    if (env.get("MAGENTO_URL") == null) {
      // no real systems named: start the simulators and use their endpoints and test credentials
      simulators = DemoWorld.builder().orders(40).start();
      env = simulators.environment(Path.of("target", "example-mappings"));
    }
    try {
      for (RunReport report : run(env, Path.of(env.getOrDefault("COMMERCESYNC_STORE", "target/magento-sl.db")))) {
        System.out.println(report.summary());
      }
    } finally {
      if (simulators != null) {
        simulators.close();
      }
    }
  }

  /** Builds the clients, the store and the flows from {@code env}, runs every flow once, returns their reports. */
  public static List<RunReport> run(Map<String, String> env, Path storeFile) {
    // 1. the storefront: one immutable client, OAuth 1.0a with the integration's four credentials
    MagentoClient magento = MagentoClient.builder()
        .baseUrl(env.get("MAGENTO_URL"))
        .oauth1(Secret.fromEnv("MAGENTO_CONSUMER_KEY", env), Secret.fromEnv("MAGENTO_CONSUMER_SECRET", env),
            Secret.fromEnv("MAGENTO_ACCESS_TOKEN", env), Secret.fromEnv("MAGENTO_ACCESS_TOKEN_SECRET", env))
        .build();
    MagentoStorefront shop = MagentoStorefront.builder(magento).store("default").build();

    // 2. the ERP: its REST layer, and its own tables for change polling (shippers, invoices, stock)
    ZoneId slZone = ZoneId.of(env.getOrDefault("SL_ZONE", "America/Chicago"));   // SL stamps in server time
    SlClient.Builder slClient = SlClient.builder().baseUrl(URI.create(env.get("SL_URL")))
        .apiKey(Secret.fromEnv("SL_API_KEY", env), Secret.fromEnv("SL_API_SECRET", env))
        .company(env.getOrDefault("SL_COMPANY", "0060")).serverZone(slZone);
    if (env.containsKey("SL_REFUND_ACCOUNT")) {   // money-only refunds as AR credit memos (else dead-lettered)
      slClient.creditMemoAccounts(SlCreditMemoAccounts.of(env.get("SL_REFUND_ACCOUNT"),
          env.get("SL_FREIGHT_REFUND_ACCOUNT"), env.get("SL_TAX_REFUND_ACCOUNT")));
    }
    SlConnector sl = SlConnector.builder().client(slClient.build())
        .polling(SlPolling.builder().dataSource(slTables(env)).serverZone(slZone).build())
        .build();

    // 3. a durable state store; 4. retries, breakers, rate limits
    try (StateStore store = StateStore.sqlite(storeFile);
        Resilience resilience = Resilience.defaults()) {

      // 5. the business mappings: skus, sites, payment methods → checkbooks, price levels
      FlowMappings mappings = FlowMappings.fromJson(Path.of(env.get("MAGENTO_SL_MAPPINGS")));
      FlowOptions options = FlowOptions.builder().mappings(mappings).store(store).resilience(resilience)
          .concurrency(4).build();

      // 6. the flows: order to cash (customers, orders, payments, shipments, invoices), then SL's customers
      List<SyncFlow> flows = new ArrayList<>(Flows.orderToCash(shop, sl, options));
      flows.add(Flows.customersToStorefront(sl, shop, options));

      // 7. run each once (in a service: flow.schedule(Duration.ofMinutes(1)) instead)
      List<RunReport> reports = new ArrayList<>();
      for (SyncFlow flow : flows) {
        reports.add(flow.runOnce());
      }
      return reports;
    }
  }

  /** SL's application database for change polling: SQL Server for a real SL, the simulator's H2 mirror here. */
  private static DataSource slTables(Map<String, String> env) {
    String url = env.get("SL_JDBC_URL");
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      return h2;
    }
    SQLServerDataSource sqlServer = new SQLServerDataSource();   // a read-only login is enough
    sqlServer.setURL(url);
    sqlServer.setUser(env.get("SL_JDBC_USER"));
    sqlServer.setPassword(Secret.fromEnv("SL_JDBC_PASSWORD", env).reveal());
    return sqlServer;
  }
}
