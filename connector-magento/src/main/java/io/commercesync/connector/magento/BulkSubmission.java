package io.commercesync.connector.magento;

import java.util.List;
import java.util.Objects;

/**
 * What an async bulk call answered (HTTP 202): the {@code bulk_uuid} to poll and how many operations were
 * queued. {@code accepted} only means queued: poll {@link MagentoBulk#status} for the outcome.
 *
 * @param scope the scope the bulk was submitted in
 * @param bulkUuid {@code bulk_uuid}
 * @param operations how many operations the call queued
 * @param rejected messages of operations refused at submission ({@code request_items[].status} other
 *     than {@code accepted}), usually empty
 */
public record BulkSubmission(StoreScope scope, String bulkUuid, int operations, List<String> rejected) {
  public BulkSubmission {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(bulkUuid, "bulkUuid");
    rejected = List.copyOf(rejected);
  }
}
