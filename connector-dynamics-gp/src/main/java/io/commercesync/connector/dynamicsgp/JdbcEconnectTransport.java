package io.commercesync.connector.dynamicsgp;

import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectProcedures;
import io.commercesync.connector.dynamicsgp.econnect.EConnectTransaction;
import io.commercesync.connector.dynamicsgp.econnect.ProcedureCall;
import io.commercesync.connector.dynamicsgp.internal.jdbc.JdbcRows;
import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.connector.dynamicsgp.polling.GpRow;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.SQLRecoverableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs eConnect documents straight against a GP company database's eConnect stored procedures over JDBC
 * (mssql-jdbc, an optional dependency): one SQL transaction per transaction type, the procedures in
 * serializer order ({@link EConnectProcedures}), every value bound through a PreparedStatement with named
 * {@code @I_v…} parameters, {@code @O_iErrorState}/{@code @oErrString} read back, the numbers resolved through
 * {@code DYNAMICS..taErrorCode}, and a rollback at the first error. Record locks (2079/2022) and deadlocks are
 * transient, every other error permanent; an unreachable server is a retryable transport failure.
 *
 * <p>The login must be a member of the company database's {@code DYNGRP} role (reference §5).
 *
 * <pre>{@code
 * JdbcEconnectTransport gp = JdbcEconnectTransport.builder()
 *     .company("TWO")
 *     .url("jdbc:sqlserver://gp-sql:1433;databaseName=TWO;encrypt=true")
 *     .user("commercesync").password(Secret.fromEnv("GP_SQL_PASSWORD"))
 *     .build();
 * }</pre>
 */
public final class JdbcEconnectTransport implements GpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcEconnectTransport.class);

  private final String company;
  private final DataSource dataSource;
  private final ProcedureCallDialect dialect;

  private JdbcEconnectTransport(Builder b) {
    this.company = b.company;
    this.dataSource = b.dataSource != null ? b.dataSource : new DriverManagerSource(b.url, b.user, b.password);
    this.dialect = b.dialect;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String company() {
    return company;
  }

  /** Thrown inside the agent when GP cannot be reached at all, so the transaction stays queued. */
  public static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public SubmitResult submit(EConnect document, String documentKey) {
    List<TransactionResult> results = new ArrayList<>();
    List<EConnectTransaction> txs = document.transactions();
    for (int i = 0; i < txs.size(); i++) {
      EConnectTransaction tx = txs.get(i);
      String key = tx.messageId() != null ? tx.messageId() : documentKey + "#" + i;
      try {
        results.add(execute(tx, key));
      } catch (Unavailable e) {
        throw RemoteSystemException.builder(SystemId.DYNAMICS_GP, "JDBC " + company)
            .recordKey(tx.documentKey()).remoteMessage(e.getMessage()).cause(e.getCause()).buildTransport(false);
      }
    }
    return new SubmitResult(documentKey, results);
  }

  /**
   * Executes one transaction in its own SQL transaction.
   *
   * @throws Unavailable when no connection can be made or it breaks (the caller may queue and retry)
   */
  public TransactionResult execute(EConnectTransaction tx, String key) {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new Unavailable("cannot connect to company " + company + ": " + e.getClass().getSimpleName()
          + (e.getSQLState() != null ? " SQLState " + e.getSQLState() : ""), e);
    }
    try (connection) {
      connection.setAutoCommit(false);
      List<EConnectError> errors = new ArrayList<>();
      for (ProcedureCall call : EConnectProcedures.calls(tx)) {
        Outcome outcome = call(connection, call);
        if (outcome.errorState() != 0) {
          errors.addAll(resolve(connection, call, outcome));
          break;
        }
      }
      if (errors.isEmpty()) {
        connection.commit();
        LOG.debug("gp.jdbc company={} type={} key={} status=applied", company, tx.typeName(), tx.documentKey());
        return new TransactionResult(key, tx.typeName(), tx.documentKey(), TransactionResult.Status.APPLIED, List.of(), null);
      }
      connection.rollback();
      LOG.debug("gp.jdbc company={} type={} key={} status=failed errors={}", company, tx.typeName(), tx.documentKey(),
          errors.stream().map(EConnectError::number).toList());
      return new TransactionResult(key, tx.typeName(), tx.documentKey(), TransactionResult.Status.FAILED, errors,
          EConnectErrorText.render(errors));
    } catch (SQLException e) {
      rollbackQuietly(connection);
      if (deadlock(e)) {
        EConnectError error = EConnectError.of(EConnectError.DEADLOCK, "sql", "deadlock victim, rolled back",
            Map.of(), Map.of());
        return new TransactionResult(key, tx.typeName(), tx.documentKey(), TransactionResult.Status.FAILED,
            List.of(error), EConnectErrorText.render(List.of(error)));
      }
      if (connectionLost(e)) {
        throw new Unavailable("connection to company " + company + " lost: SQLState " + e.getSQLState(), e);
      }
      throw RemoteSystemException.builder(SystemId.DYNAMICS_GP, "JDBC " + company + " " + tx.typeName())
          .recordKey(tx.documentKey()).remoteCode(e.getSQLState())
          .remoteMessage("SQL error " + e.getErrorCode()).retryable(false).cause(e).build();
    }
  }

  private record Outcome(int errorState, String errorString) {}

  private Outcome call(Connection connection, ProcedureCall call) throws SQLException {
    String sql = dialect.callSql(call);
    try (PreparedStatement ps = sql.startsWith("{") ? connection.prepareCall(sql) : connection.prepareStatement(sql)) {
      int i = 1;
      for (Object value : call.parameters().values()) {
        JdbcRows.bind(ps, i++, value);
      }
      boolean isResult = ps.execute();
      while (true) {
        if (isResult) {
          try (ResultSet rs = ps.getResultSet()) {
            if (rs.next()) {
              int state = rs.getInt(1);
              String text = rs.getString(2);
              return new Outcome(state, text == null ? "" : text.trim());
            }
          }
        } else if (ps.getUpdateCount() == -1) {
          break;
        }
        isResult = ps.getMoreResults();
      }
      return new Outcome(0, "");
    }
  }

  private List<EConnectError> resolve(Connection connection, ProcedureCall call, Outcome outcome) throws SQLException {
    List<Integer> numbers = new ArrayList<>();
    for (String part : outcome.errorString().split("[\\s,]+")) {
      if (part.matches("\\d+")) {
        numbers.add(Integer.parseInt(part));
      }
    }
    if (numbers.isEmpty()) {
      numbers.add(outcome.errorState());
    }
    List<EConnectError> errors = new ArrayList<>();
    for (int number : numbers) {
      String description = "";
      String related = "";
      try (PreparedStatement ps = connection.prepareStatement(dialect.errorCodeSql())) {
        ps.setInt(1, number);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String proc = trim(rs.getString(2));
            if (description.isEmpty() || call.procedure().equalsIgnoreCase(proc)) {
              description = trim(rs.getString(3));
              related = trim(rs.getString(5));
            }
          }
        }
      }
      Map<String, String> relatedValues = new LinkedHashMap<>();
      for (String field : related.split("[\\s,;]+")) {
        Object v = field.isEmpty() ? null : call.parameters().get(field);
        if (v != null) {
          relatedValues.put(field, String.valueOf(v));
        }
      }
      errors.add(EConnectError.of(number, call.procedure(), description, call.keyValues(), relatedValues));
    }
    return errors;
  }

  private static String trim(String s) {
    return s == null ? "" : s.strip();
  }

  static boolean deadlock(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s.getErrorCode() == EConnectError.DEADLOCK || "40001".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static boolean connectionLost(SQLException e) {
    return e instanceof SQLRecoverableException || e instanceof SQLTransientException
        || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken: the server rolls the transaction back itself
    }
  }

  @Override
  public List<GpRow> query(GpQuery query, Map<String, ?> parameters) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setReadOnly(true);
      return JdbcRows.run(connection, query, parameters);
    } catch (SQLException e) {
      RemoteSystemException.Builder b = RemoteSystemException.builder(SystemId.DYNAMICS_GP, "JDBC " + company + " " + query)
          .remoteCode(e.getSQLState()).remoteMessage("SQL error " + e.getErrorCode() + " " + e.getClass().getSimpleName())
          .cause(e);
      throw connectionLost(e) || deadlock(e) ? b.buildTransport(false) : b.retryable(false).build();
    }
  }

  @Override
  public int nextJournalEntry() {
    String sql = "SET NOCOUNT ON; DECLARE @n char(13), @e int; EXEC dbo.taGetNextJournalEntry @I_vInc_Dec = 1,"
        + " @O_vJournalEntryNumber = @n OUTPUT, @O_iErrorState = @e OUTPUT; SELECT CAST(@n AS int), @e;";
    try (Connection connection = dataSource.getConnection(); PreparedStatement ps = connection.prepareStatement(sql)) {
      boolean isResult = ps.execute();
      while (!isResult && ps.getUpdateCount() != -1) {
        isResult = ps.getMoreResults();
      }
      try (ResultSet rs = ps.getResultSet()) {
        if (rs != null && rs.next() && rs.getInt(2) == 0) {
          return rs.getInt(1);
        }
      }
      throw RemoteSystemException.builder(SystemId.DYNAMICS_GP, "JDBC " + company + " taGetNextJournalEntry")
          .remoteMessage("no journal entry number returned").retryable(true).build();
    } catch (SQLException e) {
      throw RemoteSystemException.builder(SystemId.DYNAMICS_GP, "JDBC " + company + " taGetNextJournalEntry")
          .remoteCode(e.getSQLState()).cause(e).buildTransport(false);
    }
  }

  @Override
  public String toString() {
    return "JdbcEconnectTransport[company=" + company + "]";
  }

  /** Opens a connection per call through {@link DriverManager}; the password stays a {@link Secret}. */
  private record DriverManagerSource(String url, String user, Secret password) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url, user, password == null ? null : password.reveal());
    }

    @Override
    public Connection getConnection(String u, String p) throws SQLException {
      return DriverManager.getConnection(url, u, p);
    }

    @Override
    public java.io.PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(java.io.PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() {
      return java.util.logging.Logger.getGlobal();
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
      return "DriverManagerSource[url=" + url + "]";
    }
  }

  /** Builds a {@link JdbcEconnectTransport}. */
  public static final class Builder {
    private String company;
    private String url;
    private String user;
    private Secret password;
    private DataSource dataSource;
    private ProcedureCallDialect dialect = ProcedureCallDialect.SQL_SERVER;

    private Builder() {}

    /** The GP company database, e.g. {@code TWO}. Required. */
    public Builder company(String company) {
      this.company = company;
      return this;
    }

    /** A JDBC URL (with {@link #user}/{@link #password}); or give a {@link #dataSource}. */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder password(Secret password) {
      this.password = password;
      return this;
    }

    /** A pooled data source for the company database. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** How procedure calls are written; default {@link ProcedureCallDialect#SQL_SERVER}. */
    public Builder dialect(ProcedureCallDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    public JdbcEconnectTransport build() {
      if (company == null || company.isBlank()) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "jdbc.company", "is required (e.g. TWO)");
      }
      if (dataSource == null && (url == null || url.isBlank())) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "jdbc.url", "is required unless a dataSource is given");
      }
      return new JdbcEconnectTransport(this);
    }
  }
}
