package io.commercesync.connector.clarity;

/**
 * Told whenever a Clarity record carries a status that the {@link ClarityStatusMapping} does not know.
 * The record still decodes (status {@code UNKNOWN}, raw key kept); this is how a run surfaces the
 * status to an operator instead of failing. Also told, with entity {@code return}, about every return the
 * {@code ReturnSource} skips because its status is not one of the {@link ClarityReturnStatuses refunded
 * statuses} (pending, rejected, or a status nobody configured). Called on the reading thread; keep it quick.
 *
 * <pre>{@code
 * ClarityClient.builder()...onUnmappedStatus((entity, key, status) ->
 *     metrics.counter("clarity.unmapped_status", "status", status).increment())
 * }</pre>
 */
@FunctionalInterface
public interface UnmappedStatusListener {

  /**
   * @param entity the kind of record ({@code order}, {@code return})
   * @param recordKey the record's key (order number, return number)
   * @param sourceStatus the status as Clarity wrote it ({@code StatusKey} or v1 {@code status})
   */
  void unmapped(String entity, String recordKey, String sourceStatus);
}
