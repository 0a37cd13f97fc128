package io.commercesync.connector.dynamicsgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.dynamicsgp.internal.mapping.CanonicalSamples;
import io.commercesync.core.error.DuplicateDetectedException;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.Source;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.resilience.DelayScheduler;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.RetrySettings;
import io.commercesync.core.resilience.SystemPolicy;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.ReturnRequest;
import io.commercesync.core.spi.ReturnSink;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.state.Checkpoints;
import io.commercesync.core.state.CrossReferences;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.DeadLetters;
import io.commercesync.core.state.Fingerprints;
import io.commercesync.core.state.IdempotencyLedger;
import io.commercesync.core.state.LedgerEntry;
import io.commercesync.core.state.Leases;
import io.commercesync.core.state.ReceivedEvents;
import io.commercesync.core.state.RunHistory;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.dynamicsgp.GpSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Storefront refunds without lines as GP receivables credit memos (RMTransactionType, taRMTransaction
 * RMDTYPAL 7), against the GP simulator through the agent protocol: one credit memo whatever is retried, lost,
 * replayed or crashes, GP's and our own refusals as typed errors, and returns with lines still SOP returns.
 */
class GpCreditMemoReturnSinkTest {

  static final Instant NOW = Instant.parse("2024-03-20T12:00:00Z");
  static final String SECRET = "credit-memo-sim-secret";

  final FaultSchedule faults = FaultSchedule.none();
  final GpSimulator sim = GpSimulator.start(GpSimulator.options().secret(SECRET).faults(faults)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC)));
  final GpConnector gp = GpConnector.builder().agent(sim.baseUri(), Secret.of(SECRET)).company("TWO")
      .settings(CanonicalSamples.settings()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  final ReturnSink returns = gp.require(ReturnSink.class);
  final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void close() {
    timer.shutdownNow();
    gp.close();
    sim.close();
  }

  /** A Magento credit memo {@code number} refunding no line of order {@code order}. */
  static Return refund(String number, String order, String shipping, String adjustment, String tax, String total) {
    return Return.builder().number(number).orderNumber(order).createdAt(Instant.parse("2024-03-20T09:30:00Z"))
        .currency(Currency.getInstance("USD")).shipping(Money.of(shipping, "USD"))
        .adjustment(Money.of(adjustment, "USD")).tax(Money.of(tax, "USD")).total(Money.of(total, "USD")).build();
  }

  static ReturnRequest moneyOnly(Return ret) {
    return new ReturnRequest(ret, "WEBJSMITH0001", List.of(), null);
  }

  static IdempotencyKey key(String number) {
    return IdempotencyKey.of(SystemId.MAGENTO, "return", number, "erp-return:dynamics-gp");
  }

  /** RM credit memos with DOCNUMBR {@code docnumbr}, unposted or open. */
  int memos(String docnumbr) {
    return sim.query("SELECT DOCNUMBR FROM RM10301 WHERE RMDTYPAL = 7 AND DOCNUMBR = ? UNION ALL"
        + " SELECT DOCNUMBR FROM RM20101 WHERE RMDTYPAL = 7 AND DOCNUMBR = ?", docnumbr, docnumbr).size();
  }

  Map<String, Object> unposted(String docnumbr) {
    return sim.query("SELECT CUSTNMBR, CSTPONBR, SLSAMNT, TRDISAMT, FRTAMNT, MISCAMNT, TAXAMNT, DOCAMNT, BACHNUMB"
        + " FROM RM10301 WHERE RMDTYPAL = 7 AND DOCNUMBR = ?", docnumbr).get(0);
  }

  /** eConnect documents the agent protocol received, whatever became of them. */
  long documentsPosted() {
    return sim.server().log().count("POST", "/v1/companies/{company}/documents");
  }

  int executed() {
    return (Integer) sim.stats().get("executed");
  }

  @Test
  void moneyOnlyRefund_isOneCreditMemo_foundAgainByCustomerTypeAndNumber() {
    ReturnRequest r = moneyOnly(refund("000000101", "WEB-100045871", "7.95", "5.00", "0.64", "13.59"));
    assertThat(returns.lookup(r, key("000000101"))).isEmpty();
    assertThat(returns.write(r, key("000000101"))).isEqualTo(WriteResult.created("WEBCM000000101"));
    Map<String, Object> row = unposted("WEBCM000000101");
    assertThat(row.get("CUSTNMBR")).isEqualTo("WEBJSMITH0001");
    assertThat(row.get("CSTPONBR")).isEqualTo("WEB-100045871");
    assertThat((BigDecimal) row.get("DOCAMNT")).isEqualByComparingTo("13.59");
    assertThat((BigDecimal) row.get("SLSAMNT")).isEqualByComparingTo("5.00");
    assertThat((BigDecimal) row.get("FRTAMNT")).isEqualByComparingTo("7.95");
    assertThat((BigDecimal) row.get("TAXAMNT")).isEqualByComparingTo("0.64");
    assertThat(row.get("BACHNUMB")).isEqualTo("WEBCM240320");
    assertThat(sim.query("SELECT TAXAMNT FROM RM10601 WHERE DOCNUMBR = 'WEBCM000000101'")).hasSize(1);

    assertThat(returns.lookup(r, key("000000101"))).contains(WriteResult.alreadyApplied("WEBCM000000101"));
    assertThat(returns.write(r, key("000000101")).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(returns.lookup(new ReturnRequest(r.ret(), "WEBAPATEL0002", List.of(), null), key("000000101")))
        .as("another customer's number is not this refund").isEmpty();
    // a replay under another key: GP refuses the used number (7148 from the tax row, the memo being unposted)
    assertThatThrownBy(() -> returns.write(r, IdempotencyKey.of(SystemId.MAGENTO, "return", "000000101", "replayed")))
        .isInstanceOfSatisfying(DuplicateDetectedException.class,
            e -> assertThat(e.existingId()).contains("WEBCM000000101"));
    assertThat(sim.creditMemos("WEB-100045871")).isEqualTo(1);
    assertThat(sim.stats()).containsEntry("rmCreditMemos", 1).containsEntry("rmDuplicatesRefused", 1);
    assertThat(sim.query("SELECT 1 FROM SOP10100 WHERE SOPTYPE = 4")).as("no SOP return").isEmpty();
  }

  @Test
  void lostResponseAfterCommit_theRetryFindsTheCreditMemo_andEntersNoSecond() {
    ReturnRequest r = moneyOnly(refund("000000102", "WEB-100045872", "4.95", "0", "0", "4.95"));
    faults.enqueue(call -> call.path().endsWith("/documents"), Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    assertThatThrownBy(() -> returns.write(r, key("000000102")))
        .isInstanceOfSatisfying(RemoteSystemException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(returns.lookup(r, key("000000102"))).contains(WriteResult.alreadyApplied("WEBCM000000102"));
    assertThat(returns.write(r, key("000000102")).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(memos("WEBCM000000102")).isEqualTo(1);
  }

  @Test
  void postedCreditMemo_isStillFound_andAnotherKeyIsADuplicate190() {
    ReturnRequest r = moneyOnly(refund("000000103", "WEB-100045873", "0", "12.00", "0", "12.00"));
    returns.write(r, key("000000103"));
    assertThat(sim.postCreditMemos()).isEqualTo(1);
    assertThat(returns.lookup(r, key("000000103"))).contains(WriteResult.alreadyApplied("WEBCM000000103"));
    assertThatThrownBy(() -> returns.write(r, IdempotencyKey.of(SystemId.MAGENTO, "return", "000000103", "again")))
        .isInstanceOf(DuplicateDetectedException.class);
    assertThat(memos("WEBCM000000103")).isEqualTo(1);
    assertThat(sim.query("SELECT CURTRXAM FROM RM20101 WHERE RMDTYPAL = 7 AND DOCNUMBR = 'WEBCM000000103'").get(0))
        .satisfies(row -> assertThat((BigDecimal) row.get("CURTRXAM")).isEqualByComparingTo("12.00"));
  }

  @Test
  void shippingOnlyRefund_isFreightAlone() {
    returns.write(moneyOnly(refund("000000104", "WEB-100045874", "7.95", "0", "0", "7.95")), key("000000104"));
    Map<String, Object> row = unposted("WEBCM000000104");
    assertThat((BigDecimal) row.get("FRTAMNT")).isEqualByComparingTo("7.95");
    assertThat((BigDecimal) row.get("SLSAMNT")).isEqualByComparingTo("0");
    assertThat((BigDecimal) row.get("TAXAMNT")).isEqualByComparingTo("0");
    assertThat((BigDecimal) row.get("DOCAMNT")).isEqualByComparingTo("7.95");
    assertThat(sim.query("SELECT 1 FROM RM10601 WHERE DOCNUMBR = 'WEBCM000000104'")).isEmpty();
  }

  @Test
  void feeKept_isATradeDiscountOnTheCreditMemo() {
    returns.write(moneyOnly(refund("000000105", "WEB-100045875", "10.00", "-2.50", "0", "7.50")), key("000000105"));
    Map<String, Object> row = unposted("WEBCM000000105");
    assertThat((BigDecimal) row.get("TRDISAMT")).isEqualByComparingTo("2.50");
    assertThat((BigDecimal) row.get("SLSAMNT")).isEqualByComparingTo("0");
    assertThat((BigDecimal) row.get("DOCAMNT")).isEqualByComparingTo("7.50");
  }

  @Test
  void unknownCustomer_isRefusedBeforeAnythingIsSent_namingCustnmbr() {
    // GP's taRMTransaction would accept it, enter nothing and use up the number (see the simulator's tests)
    ReturnRequest r = new ReturnRequest(refund("000000106", "WEB-100045876", "7.95", "0", "0", "7.95"), "WEBNOBODY0001",
        List.of(), null);
    assertThatThrownBy(() -> returns.write(r, key("000000106")))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
          assertThat(e.system()).contains(SystemId.DYNAMICS_GP);
          assertThat(e.entity()).isEqualTo("return");
          assertThat(e.retryable()).isFalse();
          assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("CUSTNMBR");
            assertThat(v.rule()).isEqualTo(FieldViolation.RULE_UNKNOWN_REFERENCE);
            assertThat(v.message()).contains("RM00101");
          });
        });
    assertThat(executed()).isZero();
    assertThat(sim.stats()).containsEntry("rmCreditMemoNumbersWithoutDocument", 0);
    assertThat(sim.query("SELECT 1 FROM RM00401")).isEmpty();
  }

  @Test
  void totalNotAboveZero_isRefusedBeforeSending() {
    ReturnRequest nothing = moneyOnly(refund("000000107", "WEB-100045877", "3.00", "-3.00", "0", "0"));
    assertThatThrownBy(() -> returns.write(nothing, key("000000107")))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
          assertThat(e.entity()).isEqualTo("return");
          assertThat(e.violations()).extracting(FieldViolation::path).containsExactly("total");
        });
    assertThat(executed()).isZero();
  }

  @Test
  void gpRefusal_isAGpDocumentRejectedException_withGpsNumbers_notRetryable() {
    sim.execute("INSERT INTO SY00500 (BACHNUMB, BCHSOURC, MKDTOPST, NUMOFTRX) VALUES ('WEBCM240320', 'RM_Sales', 1, 0)");
    assertThatThrownBy(() -> returns.write(moneyOnly(refund("000000108", "WEB-100045878", "7.95", "0", "0", "7.95")),
        key("000000108")))
        .isInstanceOfSatisfying(GpDocumentRejectedException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.errors()).anySatisfy(err -> assertThat(err.is(202, "taRMTransaction")).isTrue());
          assertThat(e.getMessage()).contains("dynamics-gp").contains("submit RMTransactionType")
              .contains("WEBCM000000108").contains("202");
        });
    assertThat(memos("WEBCM000000108")).isZero();
  }

  @Test
  void gpDown_isQueued_thenEnteredOnceWhenItReturns() {
    ReturnRequest r = moneyOnly(refund("000000109", "WEB-100045879", "7.95", "0", "0", "7.95"));
    sim.gpDown(true);
    assertThatThrownBy(() -> returns.write(r, key("000000109")))
        .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.remoteCode()).contains("QUEUED");
        });
    assertThat(returns.lookup(r, key("000000109"))).isEmpty();
    sim.gpDown(false);
    assertThat(returns.lookup(r, key("000000109"))).isPresent();
    assertThat(returns.write(r, key("000000109")).outcome()).isEqualTo(WriteResult.Outcome.ALREADY_APPLIED);
    assertThat(memos("WEBCM000000109")).isEqualTo(1);
  }

  @Test
  void returnWithLines_isStillASopReturn_andNoCreditMemo() {
    Return withLine = refund("000000110", "WEB-100045880", "0", "0", "2.02", "26.52").toBuilder()
        .lines(List.of(new ReturnLine(1, "WDG-1001-BLU", BigDecimal.ONE, Money.of("24.50", "USD"),
            Money.of("24.50", "USD"), null, true))).build();
    ReturnRequest r = new ReturnRequest(withLine, "WEBJSMITH0001", List.of(new SalesLine(1, "WDG-1001-BLU", "MAIN",
        "EACH")), null);
    assertThat(returns.write(r, key("000000110"))).isEqualTo(WriteResult.created("WEBR000000110"));
    assertThat(returns.lookup(r, key("000000110"))).contains(WriteResult.alreadyApplied("WEBR000000110"));
    assertThat(sim.query("SELECT CSTPONBR FROM SOP10100 WHERE SOPTYPE = 4 AND SOPNUMBE = 'WEBR000000110'"))
        .singleElement().satisfies(row -> assertThat(row.get("CSTPONBR")).isEqualTo("WEB-100045880"));
    assertThat(sim.stats()).containsEntry("rmCreditMemos", 0);
  }

  // ---- through the pipeline: retries, replay of a dead letter, crash before the ledger ---------------

  /** A source of the given refunds, by key (the storefront credit memo number). */
  static Source<Return> source(List<Return> refunds) {
    return new Source<>() {
      @Override
      public SystemId system() {
        return SystemId.MAGENTO;
      }

      @Override
      public String name() {
        return "magento:test:returns";
      }

      @Override
      public RecordStream read(Cursor from) {
        return RecordStream.of(records(refunds));
      }

      @Override
      public Return decode(RawRecord record) {
        return refunds.stream().filter(r -> r.number().equals(record.key())).findFirst().orElseThrow();
      }
    };
  }

  static List<RawRecord> records(List<Return> refunds) {
    return refunds.stream().map(r -> RawRecord.json(r.number(), Cursor.of(r.number()), "return",
        ("{\"number\":\"" + r.number() + "\"}").getBytes(StandardCharsets.UTF_8))).toList();
  }

  Pipeline<Return, ReturnRequest> pipeline(List<Return> refunds, StateStore store, int attempts, int pendingRuns) {
    DelayScheduler noWaiting = (task, delay) -> timer.schedule(task, 0, TimeUnit.MILLISECONDS);
    Resilience resilience = Resilience.builder().scheduler(noWaiting)
        .policy(SystemPolicy.builder(SystemId.DYNAMICS_GP).retry(RetrySettings.DEFAULT.withMaxAttempts(attempts))
            .requestsPerSecond(1_000).build())
        .build();
    return Pipeline.<Return, ReturnRequest>named("returns-to-erp:test")
        .source(source(refunds)).map(GpCreditMemoReturnSinkTest::moneyOnly).sink(returns)
        .keys((raw, request) -> key(raw.key())).store(store).resilience(resilience)
        .maxPendingAttempts(pendingRuns).build();
  }

  @Test
  void pipeline_retryAfterALostResponse_looksUpAndEntersTheCreditMemoOnce() {
    List<Return> refunds = List.of(refund("000000201", "WEB-100045881", "7.95", "0", "0", "7.95"));
    faults.enqueue(call -> call.path().endsWith("/documents"), Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    try (StateStore store = StateStore.inMemory()) {
      RunReport report = pipeline(refunds, store, 3, 10).process(records(refunds));
      assertThat(report.deadLettered()).isZero();
      assertThat(report.pending()).isZero();
      assertThat(report.retried()).isPositive();
      assertThat(store.ledger().get(key("000000201"))).hasValueSatisfying(e -> {
        assertThat(e.state()).isEqualTo(LedgerEntry.State.DONE);
        assertThat(e.remoteId()).isEqualTo("WEBCM000000201");
      });
    }
    assertThat(memos("WEBCM000000201")).isEqualTo(1);
    assertThat(sim.creditMemos("WEB-100045881")).isEqualTo(1);
    assertThat(documentsPosted()).as("the retry looked the memo up instead of sending it again").isEqualTo(1);
  }

  @Test
  void pipeline_replayOfADeadLetter_whoseCreditMemoGpEnteredAnyway_isClosedWithoutASecond() {
    List<Return> refunds = List.of(refund("000000202", "WEB-100045882", "0", "9.00", "0.72", "9.72"));
    // the only attempt commits in GP but its answer is lost; with one run allowed, the record is dead-lettered
    faults.enqueue(call -> call.path().endsWith("/documents"), Fault.of(Fault.Kind.RESET_AFTER_COMMIT));
    try (StateStore store = StateStore.inMemory()) {
      Pipeline<Return, ReturnRequest> p = pipeline(refunds, store, 1, 1);
      assertThat(p.process(records(refunds)).deadLettered()).isEqualTo(1);
      assertThat(memos("WEBCM000000202")).as("GP has it all the same").isEqualTo(1);
      assertThat(documentsPosted()).isEqualTo(1);

      RunReport replay = p.replay(DeadLetterFilter.ALL);
      assertThat(replay.deadLettered()).isZero();
      assertThat(store.deadLetters().count(DeadLetterFilter.OPEN)).isZero();
      assertThat(store.ledger().get(key("000000202"))).hasValueSatisfying(
          e -> assertThat(e.state()).isEqualTo(LedgerEntry.State.DONE));
      assertThat(p.replay(DeadLetterFilter.ALL).written()).as("replaying again does nothing").isZero();
    }
    assertThat(memos("WEBCM000000202")).isEqualTo(1);
    assertThat(documentsPosted()).as("the replay looked the memo up instead of sending it again").isEqualTo(1);
  }

  @Test
  void pipeline_crashAfterGpEnteredTheCreditMemo_beforeTheLedgerKnew_resumesWithoutASecond() {
    List<Return> refunds = List.of(refund("000000203", "WEB-100045883", "5.00", "0", "0", "5.00"),
        refund("000000204", "WEB-100045884", "6.00", "0", "0", "6.00"));
    try (StateStore durable = StateStore.inMemory()) {
      // the first process writes to GP, then dies before its ledger marks anything done
      pipeline(refunds, new LosesLedgerCommits(durable), 3, 10).process(records(refunds));
      assertThat(memos("WEBCM000000203") + memos("WEBCM000000204")).isEqualTo(2);
      assertThat(documentsPosted()).isEqualTo(2);
      assertThat(durable.ledger().get(key("000000203"))).hasValueSatisfying(
          e -> assertThat(e.state()).isNotEqualTo(LedgerEntry.State.DONE));

      // the restarted process, on the same store
      RunReport resumed = pipeline(refunds, durable, 3, 10).process(records(refunds));
      assertThat(resumed.duplicatesPrevented()).isEqualTo(2);
      assertThat(resumed.written()).isZero();
      assertThat(durable.ledger().get(key("000000204"))).hasValueSatisfying(e -> {
        assertThat(e.state()).isEqualTo(LedgerEntry.State.DONE);
        assertThat(e.remoteId()).isEqualTo("WEBCM000000204");
      });
    }
    assertThat(memos("WEBCM000000203")).isEqualTo(1);
    assertThat(memos("WEBCM000000204")).isEqualTo(1);
    assertThat(documentsPosted()).as("the resumed process looked both up and sent nothing").isEqualTo(2);
    assertThat(sim.stats()).containsEntry("rmCreditMemos", 2).containsEntry("rmDuplicatesRefused", 0);
  }

  /** A store whose ledger never makes "done" durable: a process killed right after each remote write. */
  static final class LosesLedgerCommits implements StateStore {
    private final StateStore store;

    LosesLedgerCommits(StateStore store) {
      this.store = store;
    }

    @Override
    public IdempotencyLedger ledger() {
      IdempotencyLedger ledger = store.ledger();
      return new IdempotencyLedger() {
        @Override
        public Optional<LedgerEntry> get(IdempotencyKey key) {
          return ledger.get(key);
        }

        @Override
        public LedgerEntry begin(IdempotencyKey key, String payloadHash) {
          return ledger.begin(key, payloadHash);
        }

        @Override
        public void markDone(IdempotencyKey key, String remoteId) {
          // lost: the process died before this reached the disk
        }

        @Override
        public void markFailed(IdempotencyKey key) {
          ledger.markFailed(key);
        }
      };
    }

    @Override
    public Checkpoints checkpoints() {
      return store.checkpoints();
    }

    @Override
    public DeadLetters deadLetters() {
      return store.deadLetters();
    }

    @Override
    public CrossReferences crossReferences() {
      return store.crossReferences();
    }

    @Override
    public Fingerprints fingerprints() {
      return store.fingerprints();
    }

    @Override
    public ReceivedEvents receivedEvents() {
      return store.receivedEvents();
    }

    @Override
    public Leases leases() {
      return store.leases();
    }

    @Override
    public RunHistory runHistory() {
      return store.runHistory();
    }

    @Override
    public void close() {
      // the durable store outlives the "killed" process
    }
  }
}
