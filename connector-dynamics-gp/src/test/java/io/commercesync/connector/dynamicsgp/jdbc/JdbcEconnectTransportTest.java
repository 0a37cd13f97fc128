package io.commercesync.connector.dynamicsgp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.dynamicsgp.JdbcEconnectTransport;
import io.commercesync.connector.dynamicsgp.ProcedureCallDialect;
import io.commercesync.connector.dynamicsgp.SubmitResult;
import io.commercesync.connector.dynamicsgp.TransactionResult;
import io.commercesync.connector.dynamicsgp.agent.AgentBackend;
import io.commercesync.connector.dynamicsgp.agent.GpAgent;
import io.commercesync.connector.dynamicsgp.agent.GpAgentConfig;
import io.commercesync.connector.dynamicsgp.AgentTransport;
import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectProcedures;
import io.commercesync.connector.dynamicsgp.econnect.ProcedureCall;
import io.commercesync.connector.dynamicsgp.econnect.Samples;
import io.commercesync.connector.dynamicsgp.econnect.RmTransactionType;
import io.commercesync.connector.dynamicsgp.econnect.SopTransactionType;
import io.commercesync.connector.dynamicsgp.GpConnector;
import io.commercesync.connector.dynamicsgp.internal.mapping.CanonicalSamples;
import io.commercesync.connector.dynamicsgp.polling.GpQuery;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.ReturnSink;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.security.Secret;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC transport against H2 stand-in procedures on GP-shaped tables (the simulator's company database).
 * What this proves: one SQL transaction per transaction type, procedures in serializer order, every value
 * bound, the error state and string read back, numbers resolved through taErrorCode, rollback at the first
 * error, an unreachable database reported as retryable. What it cannot prove without SQL Server: the T-SQL of
 * {@link ProcedureCallDialect#SQL_SERVER} against the real eConnect procedures (its text is checked below).
 * For RM credit memos (taRMTransactionTaxInsert, taRMTransaction) the stand-ins only know GP's duplicate
 * checks; the procedures' other rules are exercised against the GP simulator, not over JDBC.
 */
class JdbcEconnectTransportTest {

  final GpSimulator sim = GpSimulator.start(GpSimulator.options());

  /** H2: {@code CALL ECONNECT_STANDIN(?, ?, ?...)}: procedure, parameter names, values (all bound). */
  static final ProcedureCallDialect H2_STAND_IN = new ProcedureCallDialect() {
    @Override
    public String callSql(ProcedureCall call) {
      String marks = call.parameters().keySet().stream().map(k -> ", ?").collect(Collectors.joining());
      return "CALL ECONNECT_STANDIN('" + call.procedure() + "', '" + String.join(",", call.parameters().keySet()) + "'"
          + marks + ")";
    }

    @Override
    public String errorCodeSql() {
      return "SELECT ErrorCode, SourceProc, ErrorDesc, '' AS ErrorKeyFields, 'CUSTNMBR ITEMNMBR' AS ErrorParms"
          + " FROM taErrorCode WHERE ErrorCode = ?";
    }
  };

  @BeforeEach
  void standIns() throws SQLException {
    try (Connection c = DriverManager.getConnection(sim.jdbcUrl(), "sa", ""); Statement s = c.createStatement()) {
      s.execute("CREATE ALIAS IF NOT EXISTS ECONNECT_STANDIN FOR \"" + H2StandInProcedures.class.getName() + ".call\"");
    }
    H2StandInProcedures.CALLS.clear();
  }

  @AfterEach
  void close() {
    sim.close();
  }

  JdbcEconnectTransport transport(DataSource source) {
    return JdbcEconnectTransport.builder().company("TWO").dataSource(source).dialect(H2_STAND_IN).build();
  }

  JdbcEconnectTransport transport() {
    return JdbcEconnectTransport.builder().company("TWO").url(sim.jdbcUrl()).user("sa").dialect(H2_STAND_IN).build();
  }

  static SopTransactionType order(String number) {
    String xml = Samples.text("sop-order.xml").replace("100045871", number);
    return (SopTransactionType) io.commercesync.connector.dynamicsgp.econnect.EConnectCodec.shared()
        .read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).transactions().get(0);
  }

  int count(String sql, Object... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(sim.jdbcUrl(), "sa", ""); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void document_runsInSerializerOrder_andCommits() throws SQLException {
    SubmitResult r = transport().submit(EConnect.of(order("700001")), "doc-1");
    assertThat(r.transactions()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TransactionResult.Status.APPLIED));
    assertThat(H2StandInProcedures.CALLS).containsExactly("taSopLineIvcInsert", "taSopLineIvcInsert",
        "taSopLineIvcTaxInsert", "taSopHdrIvcInsert");
    assertThat(count("SELECT COUNT(*) FROM SOP10100 WHERE SOPNUMBE = 'WEB700001'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM SOP10200 WHERE SOPNUMBE = 'WEB700001'")).isEqualTo(2);
  }

  @Test
  void firstError_rollsBackEverything_andIsResolvedThroughTaErrorCode() throws SQLException {
    SopTransactionType sop = order("700002");
    SopTransactionType bad = sop.toBuilder().lines(List.of(sop.lines().get(0),
        sop.lines().get(1).toBuilder().itemnmbr("NO-SUCH-ITEM").build())).build();
    TransactionResult r = transport().submit(EConnect.of(bad), "doc-2").transactions().get(0);
    assertThat(r.status()).isEqualTo(TransactionResult.Status.FAILED);
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.is(108, "taSopLineIvcInsert")).isTrue();
      assertThat(e.description()).startsWith("The Item Number (ITEMNMBR) does not exist");
      assertThat(e.keyFields()).containsEntry("SOPNUMBE", "WEB700002").containsEntry("LNITMSEQ", "32768");
      assertThat(e.relatedFields()).containsEntry("ITEMNMBR", "NO-SUCH-ITEM");
      assertThat(e.retryable()).isFalse();
    });
    assertThat(r.errorText()).contains("Error Number = 108  Stored Procedure= taSopLineIvcInsert");
    assertThat(H2StandInProcedures.CALLS).containsExactly("taSopLineIvcInsert", "taSopLineIvcInsert");
    assertThat(count("SELECT COUNT(*) FROM SOP10200 WHERE SOPNUMBE = 'WEB700002'")).as("first line rolled back").isZero();
    assertThat(count("SELECT COUNT(*) FROM SOP10100 WHERE SOPNUMBE = 'WEB700002'")).isZero();
  }

  @Test
  void unreachableDatabase_isARetryableTransportFailure() {
    JdbcEconnectTransport down = transport(new Flaky(null, true));
    assertThatThrownBy(() -> down.submit(EConnect.of(order("700003")), "doc-3"))
        .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("dynamics-gp").contains("WEB700003");
        });
  }

  @Test
  void sqlServerDialect_namesEveryParameter_andBindsValuesNeverInlined() {
    SopTransactionType sop = order("700004");
    SopTransactionType hostile = sop.toBuilder().header(sop.header().toBuilder().custname("x'; DROP TABLE SOP10100;--").build())
        .build();
    ProcedureCall header = EConnectProcedures.calls(hostile).get(3);
    String sql = ProcedureCallDialect.SQL_SERVER.callSql(header);
    assertThat(sql).startsWith("SET NOCOUNT ON; DECLARE @rv int, @e int, @s varchar(255); EXEC @rv = dbo.taSopHdrIvcInsert ")
        .contains("@I_vSOPTYPE = ?, @I_vDOCID = ?, @I_vSOPNUMBE = ?").contains("@I_vCUSTNAME = ?")
        .contains("@O_iErrorState = @e OUTPUT, @oErrString = @s OUTPUT")
        .endsWith("SELECT COALESCE(NULLIF(@e, 0), @rv, 0) AS ErrorState, @s AS ErrString;")
        .doesNotContain("DROP TABLE");
    assertThat(sql.chars().filter(ch -> ch == '?').count()).isEqualTo(header.parameters().size());
  }

  static RmTransactionType creditMemo(String number) {
    String xml = Samples.text("rm-credit-memo.xml").replace("000000012", number);
    return (RmTransactionType) io.commercesync.connector.dynamicsgp.econnect.EConnectCodec.shared()
        .read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).transactions().get(0);
  }

  @Test
  void creditMemo_runsItsTaxRowThenTheDocument_inOneTransaction_andCommits() throws SQLException {
    SubmitResult r = transport().submit(EConnect.of(creditMemo("000000701")), "doc-rm-1");
    assertThat(r.transactions()).singleElement().satisfies(t -> {
      assertThat(t.status()).isEqualTo(TransactionResult.Status.APPLIED);
      assertThat(t.documentKey()).isEqualTo("WEBCM000000701");
    });
    assertThat(H2StandInProcedures.CALLS).containsExactly("taRMTransactionTaxInsert", "taRMTransaction");
    assertThat(count("SELECT COUNT(*) FROM RM10601 WHERE DOCNUMBR = 'WEBCM000000701'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM RM10301 WHERE DOCNUMBR = 'WEBCM000000701'")).isEqualTo(1);
  }

  @Test
  void creditMemo_refusedDocument_rollsItsTaxRowBack_andGpsNumberIsResolved() throws SQLException {
    // a GP user entered WEBCM000000702 by hand, without tax rows: the tax row goes in, the document is refused
    sim.execute("INSERT INTO RM10301 (DOCTYPE, RMDTYPAL, RMDNUMWK, DOCNUMBR, DOCDATE, BACHNUMB, CUSTNMBR, DOCAMNT,"
        + " DUEDATE, DISCDATE, DEX_ROW_TS) VALUES (6, 7, 'WEBCM000000702', 'WEBCM000000702', '2024-03-20', 'MANUAL',"
        + " 'WEBAPATEL0002', 1, '2024-03-20', '2024-03-20', '2024-03-20')");
    TransactionResult r = transport().submit(EConnect.of(creditMemo("000000702")), "doc-rm-2").transactions().get(0);
    assertThat(r.status()).isEqualTo(TransactionResult.Status.FAILED);
    assertThat(r.errors()).singleElement().satisfies(e -> {
      assertThat(e.is(190, "taRMTransaction")).isTrue();
      assertThat(e.description()).startsWith("The document number (DOCNUMBR) already exists");
      assertThat(e.keyFields()).containsEntry("DOCNUMBR", "WEBCM000000702").containsEntry("RMDTYPAL", "7");
      assertThat(e.retryable()).isFalse();
    });
    assertThat(count("SELECT COUNT(*) FROM RM10601 WHERE DOCNUMBR = 'WEBCM000000702'")).as("rolled back").isZero();
  }

  @Test
  void sqlServerDialect_namesEveryCreditMemoParameter_andBindsValuesNeverInlined() {
    RmTransactionType memo = creditMemo("000000703");
    RmTransactionType hostile = memo.toBuilder().transaction(memo.transaction().toBuilder()
        .docdescr("x'; DELETE FROM RM10301;--").build()).build();
    List<ProcedureCall> calls = EConnectProcedures.calls(hostile);
    String tax = ProcedureCallDialect.SQL_SERVER.callSql(calls.get(0));
    String document = ProcedureCallDialect.SQL_SERVER.callSql(calls.get(1));
    assertThat(tax).contains("EXEC @rv = dbo.taRMTransactionTaxInsert @I_vCUSTNMBR = ?, @I_vDOCNUMBR = ?, @I_vRMDTYPAL = ?");
    assertThat(document).contains("EXEC @rv = dbo.taRMTransaction @I_vRMDTYPAL = ?, @I_vDOCNUMBR = ?, @I_vDOCDATE = ?")
        .contains("@I_vDOCDESCR = ?").contains("@I_vCREATEDIST = ?")
        .contains("@O_iErrorState = @e OUTPUT, @oErrString = @s OUTPUT").doesNotContain("DELETE FROM");
    assertThat(document.chars().filter(ch -> ch == '?').count()).isEqualTo(calls.get(1).parameters().size());
    assertThat(tax.chars().filter(ch -> ch == '?').count()).isEqualTo(calls.get(0).parameters().size());
  }

  @Test
  void creditMemoLookUp_runsOverJdbc_unpostedOpenAndOtherCustomers() throws SQLException {
    JdbcEconnectTransport t = transport();
    t.submit(EConnect.of(creditMemo("000000704")), "doc-rm-4");
    Map<String, Object> jane = Map.of("custnmbr", "WEBJSMITH0001", "docnumbr", "WEBCM000000704");
    assertThat(t.query(GpQuery.CREDIT_MEMO_BY_NUMBER, jane)).singleElement()
        .satisfies(row -> assertThat(row.string("CSTPONBR")).isEqualTo("WEB-100045871"));
    assertThat(t.query(GpQuery.CREDIT_MEMO_BY_NUMBER, Map.of("custnmbr", "WEBAPATEL0002", "docnumbr", "WEBCM000000704")))
        .isEmpty();
    sim.execute("INSERT INTO RM20101 (CUSTNMBR, RMDTYPAL, DOCNUMBR, DOCDATE, DUEDATE, ORTRXAMT, CURTRXAM, CSPORNBR,"
        + " DEX_ROW_TS) VALUES ('WEBJSMITH0001', 7, 'WEBCM000000705', '2024-03-20', '2024-03-20', 9.5, 9.5, 'WEB-7',"
        + " '2024-03-20')");
    assertThat(t.query(GpQuery.CREDIT_MEMO_BY_NUMBER, Map.of("custnmbr", "WEBJSMITH0001", "docnumbr", "WEBCM000000705")))
        .singleElement().satisfies(row -> {
          assertThat(row.string("CSTPONBR")).isEqualTo("WEB-7");
          assertThat(row.decimal("DOCAMNT")).isEqualByComparingTo("9.5");
        });
  }

  @Test
  void returnSinkOverJdbc_entersTheCreditMemoOnce_aSecondWriteIsGpsDuplicate_andTheLookUpFindsIt() {
    // JDBC has no MessageID de-duplication: GP's own refusal and the look-up are what keep it to one
    try (GpConnector gp = GpConnector.builder().transport(transport()).settings(CanonicalSamples.settings()).build()) {
      ReturnSink returns = gp.require(ReturnSink.class);
      Return ret = Return.builder().number("000000706").orderNumber("WEB-100045871")
          .createdAt(java.time.Instant.parse("2024-03-20T09:00:00Z")).currency(java.util.Currency.getInstance("USD"))
          .shipping(Money.of("7.95", "USD")).tax(Money.of("0.64", "USD")).total(Money.of("8.59", "USD")).build();
      ReturnRequest r = new ReturnRequest(ret, "WEBJSMITH0001", List.of(), null);
      IdempotencyKey key = IdempotencyKey.of(SystemId.MAGENTO, "return", "000000706", "erp-return:dynamics-gp");
      assertThat(returns.write(r, key)).isEqualTo(WriteResult.created("WEBCM000000706"));
      assertThatThrownBy(() -> returns.write(r, key)).isInstanceOf(DuplicateDetectedException.class);
      assertThat(returns.lookup(r, key)).contains(WriteResult.alreadyApplied("WEBCM000000706"));
      assertThat(count("SELECT COUNT(*) FROM RM10301 WHERE DOCNUMBR = 'WEBCM000000706'")).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void agentOverJdbc_queuesWhileGpIsDown_andAppliesOnceWhenItReturns(@TempDir Path dir) throws SQLException {
    Flaky source = new Flaky(sim.jdbcUrl(), true);
    GpAgent agent = GpAgent.start(new GpAgentConfig("127.0.0.1", 0, null, null, Duration.ofMinutes(5),
        dir.resolve("inbox.db").toString(), Duration.ofHours(1), Map.of()), Secret.of("k3y-for-the-agent"),
        Map.of("TWO", AgentBackend.jdbc(transport(source))), Clock.systemUTC());
    try {
      AgentTransport client = AgentTransport.builder().baseUri(agent.baseUri()).secret(Secret.of("k3y-for-the-agent"))
          .company("TWO").build();
      assertThat(client.submit(EConnect.of(order("700005")), "d").transactions().get(0).status())
          .isEqualTo(TransactionResult.Status.QUEUED);
      assertThat(agent.drainOnce()).isZero();
      source.down = false;
      assertThat(agent.drainOnce()).isEqualTo(1);
      assertThat(client.submit(EConnect.of(order("700005")), "d").transactions().get(0).status())
          .isEqualTo(TransactionResult.Status.ALREADY_APPLIED);
      assertThat(count("SELECT COUNT(*) FROM SOP10100 WHERE SOPNUMBE = 'WEB700005'")).isEqualTo(1);
    } finally {
      agent.close();
    }
  }

  @Test
  void agentOverJdbc_entersACreditMemoOnce_andAnswersItsLookUpQuery(@TempDir Path dir) throws SQLException {
    GpAgent agent = GpAgent.start(new GpAgentConfig("127.0.0.1", 0, null, null, Duration.ofMinutes(5),
        dir.resolve("inbox.db").toString(), Duration.ofHours(1), Map.of()), Secret.of("k3y-for-the-agent"),
        Map.of("TWO", AgentBackend.jdbc(transport())), Clock.systemUTC());
    try {
      AgentTransport client = AgentTransport.builder().baseUri(agent.baseUri()).secret(Secret.of("k3y-for-the-agent"))
          .company("TWO").build();
      assertThat(client.submit(EConnect.of(creditMemo("000000707")), "d").transactions().get(0).status())
          .isEqualTo(TransactionResult.Status.APPLIED);
      assertThat(client.submit(EConnect.of(creditMemo("000000707")), "d").transactions().get(0).status())
          .isEqualTo(TransactionResult.Status.ALREADY_APPLIED);
      assertThat(client.query(GpQuery.CREDIT_MEMO_BY_NUMBER,
          Map.of("custnmbr", "WEBJSMITH0001", "docnumbr", "WEBCM000000707"))).hasSize(1);
      assertThat(H2StandInProcedures.CALLS).containsExactly("taRMTransactionTaxInsert", "taRMTransaction");
    } finally {
      agent.close();
    }
  }

  /** A data source that refuses connections while {@code down}. */
  static final class Flaky implements DataSource {
    final String url;
    volatile boolean down;

    Flaky(String url, boolean down) {
      this.url = url;
      this.down = down;
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (down) {
        throw new SQLException("Connection refused: connect", "08001");
      }
      return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

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
      throw new SQLException("no");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
