package io.commercesync.it.ordertocash;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.state.DeadLetter;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.core.state.StateStore;
import io.commercesync.testkit.demo.DemoWorld;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead-lettered order (a sku no mapping knows) is replayed after the fix: it reaches the ERP once, its
 * letter is closed, and a second replay does nothing. The store is a SQLite file reopened in between, as an
 * operator's {@code dlq replay} would find it.
 */
class DeadLetterReplayTest {

  @TempDir
  Path dir;

  @Test
  void replayAfterTheFix_goesThroughOnce_andASecondReplayDoesNothing() {
    try (DemoWorld world = DemoWorld.builder().seed(41).orders(16).start(); Pairs pairs = new Pairs(world)) {
      Pairs.Pair pair = Pairs.Pair.MAGENTO_SL;
      List<DemoWorld.DemoOrder> invalid = world.orders(pair.storefront).stream()
          .filter(DemoWorld.DemoOrder::mustNeverReachErp).toList();
      assertThat(invalid).isNotEmpty();
      String flowName;
      try (StateStore store = StateStore.sqlite(dir.resolve("commercesync.db"))) {
        SyncFlow orders = Flows.ordersToErp(pairs.magento, pairs.sl, pairs.options(pair, store));
        flowName = orders.name();
        orders.runOnce();
        assertThat(store.deadLetters().list(DeadLetterFilter.OPEN.withFlow(flowName))).extracting(DeadLetter::recordKey)
            .containsAll(invalid.stream().map(DemoWorld.DemoOrder::number).toList());
        // replaying before the fix fails the same way and keeps the letter open
        RunReport tooEarly = orders.replay(DeadLetterFilter.OPEN.withFlow(flowName));
        assertThat(tooEarly.written()).isZero();
        assertThat(store.deadLetters().count(DeadLetterFilter.OPEN.withFlow(flowName))).isEqualTo(invalid.size());
      }
      invalid.forEach(o -> assertThat(world.sl().ordersPerCustOrdNbr()).doesNotContainKey(o.number()));

      // the fix: the discontinued sku now maps to an SL item
      String json = world.mappingsJson(pair.storefront, pair.erp).replaceFirst("\"skus\" : \\{",
          "\"skus\" : { \"" + DemoWorld.UNKNOWN_SKU + "\" : \"WID-100-BLK\",");
      FlowMappings fixed = FlowMappings.fromJson(json.getBytes(StandardCharsets.UTF_8));
      assertThat(fixed.skus()).containsEntry(DemoWorld.UNKNOWN_SKU, "WID-100-BLK");
      try (StateStore store = StateStore.sqlite(dir.resolve("commercesync.db"))) {
        FlowOptions options = FlowOptions.builder().mappings(fixed).store(store).resilience(pairs.resilience).build();
        SyncFlow orders = Flows.ordersToErp(pairs.magento, pairs.sl, options);

        RunReport replay = orders.replay(DeadLetterFilter.OPEN.withFlow(flowName));
        RunReport again = orders.replay(DeadLetterFilter.OPEN.withFlow(flowName));

        assertThat(replay.written()).isEqualTo(invalid.size());
        assertThat(store.deadLetters().count(DeadLetterFilter.OPEN.withFlow(flowName))).isZero();
        assertThat(again.read()).isZero();
        assertThat(again.written()).isZero();
        invalid.forEach(o -> assertThat(world.sl().ordersPerCustOrdNbr()).containsEntry(o.number(), 1));
        // and the next regular run does not send them again either
        orders.runOnce();
        invalid.forEach(o -> assertThat(world.sl().ordersPerCustOrdNbr()).containsEntry(o.number(), 1));
      }
    }
  }
}
