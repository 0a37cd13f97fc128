package io.commercesync.core.flow;

import io.commercesync.core.pipeline.PipelineSchedule;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.state.DeadLetterFilter;
import java.time.Duration;

/**
 * A ready-made flow between a storefront and an ERP, built by {@link Flows}: run it once, on a
 * schedule, for one record a webhook named, or replay its dead letters.
 *
 * <pre>{@code
 * SyncFlow orders = Flows.ordersToErp(magento, gp).mappings(mappings).store(store).build();
 * RunReport report = orders.runOnce();
 * }</pre>
 */
public interface SyncFlow {

  /** The flow's name, e.g. {@code orders-to-erp:magento>dynamics-gp}; its dead letters carry it. */
  String name();

  /** Reads everything new since the last checkpoint and moves it. */
  RunReport runOnce();

  /**
   * Reads everything again, not just the changes since the checkpoint, and moves what differs from what
   * was last sent (the delta flows' fingerprints keep unchanged records free): the full reconciliation
   * that catches what change polling missed. Flows without a checkpointed source just run once.
   */
  default RunReport reconcile() {
    return runOnce();
  }

  /** Runs every {@code interval} until the handle is closed. */
  PipelineSchedule schedule(Duration interval);

  /** Moves the one record with key {@code key} now (a webhook said it changed). */
  RunReport process(String key);

  /** Replays this flow's open dead letters matching {@code filter}. */
  RunReport replay(DeadLetterFilter filter);
}
