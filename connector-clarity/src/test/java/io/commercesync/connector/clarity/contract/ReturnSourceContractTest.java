package io.commercesync.connector.clarity.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityDialect;
import io.commercesync.connector.clarity.ClarityReturnStatuses;
import io.commercesync.connector.clarity.ClarityStorefront;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.ReturnSource;
import io.commercesync.testkit.clarity.ClaritySimulator;
import io.commercesync.testkit.clarity.ClaritySimulator.RefundLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Clarity {@link ReturnSource} of both dialects against the simulator (which shares no code with the client). */
class ReturnSourceContractTest {

  ClaritySimulator sim;
  final List<String> reported = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  ClarityStorefront start(ClarityDialect dialect, int pageSize, ClarityReturnStatuses statuses) {
    sim = ClaritySimulator.start(ClaritySimulator.options());
    ClarityClient.Builder b = ClarityClient.builder().baseUrl(sim.baseUri()).allowInsecureHttp(true)
        .clock(sim.clock()).pageSize(pageSize).erpSystem(SystemId.DYNAMICS_GP)
        .onUnmappedStatus((entity, key, status) -> reported.add(entity + ":" + key + "=" + status));
    if (statuses != null) {
      b.returnStatuses(statuses);
    }
    b.auth(dialect == ClarityDialect.NATIVE
        ? ClarityAuth.session("integration", Secret.of("integration-password"))
        : ClarityAuth.oauth2("commercesync", Secret.of("commercesync-secret"), "orders:read"));
    return ClarityStorefront.of(b.build());
  }

  static List<RawRecord> readAll(ReturnSource source, Cursor from) {
    List<RawRecord> out = new ArrayList<>();
    try (RecordStream s = source.read(from)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  /** A refunded status by both default tables: the simulator's CEF key, which v1 shows as {@code refunded}. */
  static final String COMPLETED = "Completed";

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void incrementalRead_acrossPages_picksUpEveryNewReturnExactlyOnce(ClarityDialect dialect) {
    ReturnSource returns = start(dialect, 2, null).require(ReturnSource.class);
    List<String> orders = sim.orderNumbers();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(sim.refund(orders.get(i), BigDecimal.ONE, BigDecimal.ZERO));
      if (i % 2 == 1) {
        sim.clock().advance(Duration.ofSeconds(1));   // pairs share a timestamp: the id breaks the tie
      }
    }
    List<RawRecord> first = readAll(returns, Cursor.START);
    assertThat(first).extracting(RawRecord::key).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
    for (int i = 1; i < first.size(); i++) {
      assertThat(first.get(i).position().value().compareTo(first.get(i - 1).position().value()))
          .as("positions never go back").isGreaterThanOrEqualTo(0);
    }
    Cursor checkpoint = first.get(first.size() - 1).position();

    sim.clock().advance(Duration.ofMinutes(10));
    assertThat(readAll(returns, checkpoint)).extracting(RawRecord::key)
        .as("nothing new: only the overlap window is read again").isSubsetOf(created);
    List<String> later = new ArrayList<>();
    for (int i = 5; i < 8; i++) {
      later.add(sim.refund(orders.get(i), BigDecimal.ONE, new BigDecimal("2.50")));
    }
    List<RawRecord> second = readAll(returns, checkpoint);
    assertThat(second).extracting(RawRecord::key).doesNotHaveDuplicates();
    Set<String> fresh = new HashSet<>(second.stream().map(RawRecord::key).toList());
    fresh.removeAll(created);
    assertThat(fresh).containsExactlyInAnyOrderElementsOf(later);
    assertThat(second.subList(second.size() - 3, second.size())).extracting(RawRecord::key)
        .containsExactlyInAnyOrderElementsOf(later);
    assertThat(reported).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void decode_mapsAmountsLinesAndTheOrder_theFlowCanFetchIt(ClarityDialect dialect) {
    ClarityStorefront shop = start(dialect, 5, null);
    ReturnSource returns = shop.require(ReturnSource.class);
    String orderNumber = sim.orderNumbers().get(0);
    String number = sim.refund(orderNumber, COMPLETED, new BigDecimal("2.50"),
        new RefundLine("li_1", BigDecimal.ONE));
    RawRecord raw = returns.fetch(number).orElseThrow();
    Return ret = returns.decode(raw);
    OrderSource orders = shop.require(OrderSource.class);
    Order order = orders.decode(orders.fetch(ret.orderNumber()).orElseThrow());
    assertThat(ret.number()).isEqualTo(number);
    assertThat(ret.orderNumber()).isEqualTo(orderNumber);
    assertThat(order.number()).isEqualTo(orderNumber);
    assertThat(ret.currency()).isEqualTo(order.currency());
    assertThat(ret.ref(SystemId.CLARITY)).isPresent();
    assertThat(ret.lines()).singleElement().satisfies(l -> {
      assertThat(l.sku()).isEqualTo(order.lines().get(0).sku());
      assertThat(l.quantity()).isEqualByComparingTo("1");
      assertThat(l.unitPrice()).isEqualTo(order.lines().get(0).unitPrice());
      assertThat(l.total()).isEqualTo(l.unitPrice());
      if (dialect == ClarityDialect.V1) {
        assertThat(l.orderLineId()).isEqualTo("li_1");
      }
    });
    assertThat(ret.adjustment()).isEqualTo(Money.of(new BigDecimal("-2.50"), ret.currency()));
    Money sum = Money.sum(ret.currency(), ret.lines().stream().map(ReturnLine::total).toList())
        .plus(ret.shipping()).plus(ret.tax()).plus(ret.adjustment());
    assertThat(sum).isEqualTo(ret.total());
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void aReturnNotInARefundedStatus_isSkippedAndReported_thenReadOnceRefunded(ClarityDialect dialect) {
    ReturnSource returns = start(dialect, 2, null).require(ReturnSource.class);
    List<String> orders = sim.orderNumbers();
    String pending = sim.refund(orders.get(0), "Pending", BigDecimal.ZERO, new RefundLine("li_1", BigDecimal.ONE));
    String siteStatus = sim.refund(orders.get(1), "Awaiting Inspection", BigDecimal.ZERO,
        new RefundLine("li_1", BigDecimal.ONE));
    String done = sim.refund(orders.get(2), BigDecimal.ONE, BigDecimal.ZERO);

    List<RawRecord> first = readAll(returns, Cursor.START);
    assertThat(first).extracting(RawRecord::key).containsExactly(done);
    assertThat(reported).anyMatch(r -> r.startsWith("return:" + pending + "="))
        .anyMatch(r -> r.startsWith("return:" + siteStatus + "="));
    assertThat(reported).noneMatch(r -> r.contains(done));
    reported.clear();
    assertThat(returns.fetch(pending)).as("fetch hands on refunded returns only").isEmpty();
    assertThat(reported).singleElement().asString().startsWith("return:" + pending + "=");

    sim.clock().advance(Duration.ofMinutes(5));
    sim.setReturnStatus(pending, dialect == ClarityDialect.NATIVE ? "Payment Sent" : COMPLETED);
    List<RawRecord> second = readAll(returns, first.get(first.size() - 1).position());
    assertThat(second).extracting(RawRecord::key).contains(pending).doesNotContain(siteStatus);
  }

  @ParameterizedTest
  @EnumSource(ClarityDialect.class)
  void refundedStatusesAreConfiguration(ClarityDialect dialect) {
    ClarityReturnStatuses statuses = ClarityReturnStatuses.of(dialect == ClarityDialect.NATIVE
        ? "Awaiting Inspection" : "awaiting_inspection");
    ReturnSource returns = start(dialect, 5, statuses).require(ReturnSource.class);
    String site = sim.refund(sim.orderNumbers().get(0), "Awaiting Inspection", BigDecimal.ZERO,
        new RefundLine("li_1", BigDecimal.ONE));
    String completed = sim.refund(sim.orderNumbers().get(1), BigDecimal.ONE, BigDecimal.ZERO);
    assertThat(readAll(returns, Cursor.START)).extracting(RawRecord::key).containsExactly(site);
    assertThat(reported).singleElement().asString().startsWith("return:" + completed + "=");
  }
}
