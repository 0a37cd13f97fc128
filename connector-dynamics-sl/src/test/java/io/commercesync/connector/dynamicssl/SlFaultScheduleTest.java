package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.OrderSink;
import io.commercesync.core.spi.SalesOrderRequest;
import io.commercesync.testkit.dynamicssl.SlSimulator;
import io.commercesync.testkit.fault.Fault;
import io.commercesync.testkit.fault.FaultSchedule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The order sink under the shared seeded fault schedule, driven the way the pipeline drives a sink:
 * look up before every retry, retry only what the typed error says is retryable. Every storefront
 * order ends as exactly one SL order.
 */
class SlFaultScheduleTest {

  @Test
  void seededFaults_neverProduceADuplicateOrALostOrder() {
    FaultSchedule faults = FaultSchedule.seeded(42).rate(0.35).kinds(Fault.Kind.RATE_LIMITED,
        Fault.Kind.UNAVAILABLE, Fault.Kind.RESET_BEFORE, Fault.Kind.RESET_AFTER_COMMIT, Fault.Kind.TRUNCATED_BODY,
        Fault.Kind.MALFORMED_BODY).build();
    try (SlSimulator sim = SlSimulator.builder().faults(faults).start()) {
      OrderSink sink = SlConnector.builder().client(SlFixtures.client(sim.baseUri()).build()).build()
          .require(OrderSink.class);
      Map<String, String> written = new LinkedHashMap<>();
      int retries = 0;
      for (int i = 0; i < 25; i++) {
        String number = String.format("CS-F%04d", i);
        SalesOrderRequest request = SlFixtures.request(SlFixtures.order(number));
        IdempotencyKey key = IdempotencyKey.of(SystemId.CLARITY, "order", number, "sl-sales-order");
        for (int attempt = 0; ; attempt++) {
          assertThat(attempt).as("attempts for " + number).isLessThan(40);
          try {
            Optional<WriteResult> done = attempt == 0 ? Optional.empty() : sink.lookup(request, key);
            WriteResult result = done.isPresent() ? done.get() : sink.write(request, key);
            written.put(number, result.remoteId());
            break;
          } catch (CommerceSyncException e) {
            assertThat(e.retryable()).as(e.getMessage()).isTrue();
            retries++;
          }
        }
      }
      assertThat(retries).as("the schedule injected faults").isGreaterThan(5);
      assertThat(written).hasSize(25);
      assertThat(sim.ordersPerCustOrdNbr()).hasSize(25).allSatisfy((ref, count) -> assertThat(count).isEqualTo(1));
      assertThat(written.values()).doesNotHaveDuplicates();
    }
  }
}
