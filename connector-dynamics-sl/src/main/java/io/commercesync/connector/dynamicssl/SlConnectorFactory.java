package io.commercesync.connector.dynamicssl;

import io.commercesync.core.config.ConnectorFactory;
import io.commercesync.core.config.Settings;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.Connector;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Month;
import java.time.ZoneId;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Builds an {@link SlConnector} from configuration ({@code type: dynamics-sl}):
 *
 * <pre>
 * baseUrl: https://sl-api.corp.example/
 * apiKey: env:SL_API_KEY               # with apiSecret; or bearerToken: env:NAME
 * apiSecret: env:SL_API_SECRET
 * company: "0060"                      # CpnyID
 * serverZone: America/Chicago          # SL timestamps are server-local
 * fiscalYearStart: JULY
 * defaultSubaccount: 01-000-00
 * creditMemoOrderType: CM              # SOTypeID of returns with lines (default CM)
 * creditMemoAccounts:                  # optional: money-only refunds as AR credit memos (else refused)
 *   refunds: 4900/01-000-00            # Acct/Sub, or Acct with defaultSubaccount; required in the block
 *   freight: 4050/01-000-00            # shipping refunded (default: refunds)
 *   tax: 2300/01-000-00                # tax refunded (default: refunds)
 * polling:                             # optional: shippers, stock, items, prices, invoices by SQL
 *   jdbcUrl: jdbc:sqlserver://sl-db;databaseName=SLAPP
 *   user: commercesync_ro
 *   password: env:SL_DB_PASSWORD
 * </pre>
 */
public final class SlConnectorFactory implements ConnectorFactory {

  private static final java.util.List<String> ACCOUNT_KEYS = java.util.List.of("refunds", "freight", "tax");

  @Override
  public String type() {
    return SystemId.DYNAMICS_SL.value();
  }

  @Override
  public Connector create(Settings s) {
    SlClient.Builder client = SlClient.builder().baseUrl(s.uri("baseUrl"));
    if (s.has("bearerToken")) {
      client.bearerToken(s.secret("bearerToken"));
    } else {
      client.apiKey(s.secret("apiKey"), s.secret("apiSecret"));
    }
    client.company(s.string("company"));
    ZoneId zone = s.optionalString("serverZone").map(ZoneId::of).orElse(ZoneId.systemDefault());
    client.serverZone(zone);
    s.optionalString("fiscalYearStart").map(m -> Month.valueOf(m.toUpperCase(java.util.Locale.ROOT)))
        .ifPresent(client::fiscalYearStart);
    s.optionalString("defaultSubaccount").ifPresent(client::defaultSubaccount);
    s.optionalString("defaultSite").ifPresent(client::defaultSite);
    s.optionalString("creditMemoOrderType").ifPresent(client::creditMemoOrderType);
    Settings accounts = s.block("creditMemoAccounts");
    if (!accounts.keys().isEmpty()) {
      for (String k : accounts.keys()) {
        if (!ACCOUNT_KEYS.contains(k)) {
          throw accounts.bad(k, "is not a creditMemoAccounts option; use " + ACCOUNT_KEYS);
        }
      }
      client.creditMemoAccounts(SlCreditMemoAccounts.of(accounts.string("refunds"),
          accounts.optionalString("freight").orElse(null), accounts.optionalString("tax").orElse(null)));
    }
    SlConnector.Builder connector = SlConnector.builder().client(client.build());
    Settings polling = s.block("polling");
    if (polling.has("jdbcUrl")) {
      String url = polling.string("jdbcUrl");
      String user = polling.optionalString("user").orElse(null);
      String password = polling.optionalSecret("password").map(p -> p.reveal()).orElse(null);
      connector.polling(SlPolling.builder().dataSource(new DriverDataSource(url, user, password))
          .serverZone(zone).build());
    }
    return connector.build();
  }

  /** A minimal DataSource over {@link DriverManager}; the URL and password never reach a message. */
  static final class DriverDataSource implements DataSource {
    private final String url;
    private final String user;
    private final String password;

    DriverDataSource(String url, String user, String password) {
      this.url = url;
      this.user = user;
      this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
      return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
      return DriverManager.getConnection(url, u, p);
    }

    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) {}
    @Override public void setLoginTimeout(int seconds) {}
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }

    @Override
    public String toString() {
      return "DriverDataSource[" + (url.contains(";") ? url.substring(0, url.indexOf(';')) : url) + "]";
    }
  }
}
