package io.commercesync.connector.magento;

import io.commercesync.connector.magento.internal.dto.BulkAcceptedDto;
import io.commercesync.connector.magento.internal.dto.BulkStatusDto;
import io.commercesync.connector.magento.internal.dto.ProductWriteDto;
import io.commercesync.connector.magento.internal.dto.SourceItemsRequestDto;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.mapping.WireMapper;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asynchronous bulk writes ({@code /rest/<scope>/async/bulk/V1/…}, reference §3): submit up to
 * {@link MagentoLimits#maxAsyncEntities()} operations per call (default 5,000), then poll
 * {@code GET /V1/bulk/{uuid}/status} until no operation is open. {@code accepted} only means queued: the
 * outcome of each operation is in the {@link BulkStatus}.
 *
 * <pre>{@code
 * List<BulkSubmission> sent = client.bulk().updateProducts(StoreScope.ALL, updates);
 * for (BulkSubmission s : sent) {
 *   BulkStatus status = client.bulk().await(s, Duration.ofMinutes(10));
 * }
 * }</pre>
 *
 * <p>Needs the {@code async.operations.all} consumer running on the store.
 */
public final class MagentoBulk {

  private final Core core;
  private final WireMapper wire = WireMapper.INSTANCE;

  MagentoBulk(Core core) {
    this.core = core;
  }

  /** {@code PUT /rest/<scope>/async/bulk/V1/products/bySku}: one operation per partial update. */
  public List<BulkSubmission> updateProducts(StoreScope scope, List<ProductUpdate> updates) {
    List<BulkSubmission> out = new ArrayList<>();
    for (List<ProductUpdate> chunk : Core.chunks(updates, core.limits.maxAsyncEntities())) {
      List<Object> bodies = new ArrayList<>();
      chunk.forEach(u -> bodies.add(new ProductWriteDto.Request(wire.toDto(u), null)));
      out.add(submit(scope, "PUT", "products/bySku", bodies, "sku " + chunk.get(0).sku()));
    }
    return out;
  }

  /**
   * {@code POST /rest/<scope>/async/bulk/V1/products}: one operation per new product. Magento's save is
   * an upsert (#4952): check which skus exist first when that matters.
   */
  public List<BulkSubmission> createProducts(StoreScope scope, List<ProductUpdate> products) {
    List<BulkSubmission> out = new ArrayList<>();
    for (List<ProductUpdate> chunk : Core.chunks(products, core.limits.maxAsyncEntities())) {
      List<Object> bodies = new ArrayList<>();
      chunk.forEach(u -> bodies.add(new ProductWriteDto.Request(wire.toDto(u), null)));
      out.add(submit(scope, "POST", "products", bodies, "sku " + chunk.get(0).sku()));
    }
    return out;
  }

  /** {@code POST /rest/<scope>/async/bulk/V1/inventory/source-items}: one operation per source item. */
  public List<BulkSubmission> saveSourceItems(StoreScope scope, List<SourceItem> items) {
    List<BulkSubmission> out = new ArrayList<>();
    for (List<SourceItem> chunk : Core.chunks(items, core.limits.maxAsyncEntities())) {
      List<Object> bodies = new ArrayList<>();
      chunk.forEach(i -> bodies.add(new SourceItemsRequestDto(List.of(wire.toDto(i)))));
      out.add(submit(scope, "POST", "inventory/source-items", bodies, "sku " + chunk.get(0).sku()));
    }
    return out;
  }

  private BulkSubmission submit(StoreScope scope, String method, String route, List<Object> bodies, String key) {
    String path = MagentoHttp.bulkPath(scope, route);
    BulkAcceptedDto accepted = core.http.call(method, path, null, bodies, key, BulkAcceptedDto.class,
        "bulk submission");
    if (accepted.bulkUuid() == null) {
      throw RemoteSystemException.builder(SystemId.MAGENTO, method + " " + path).recordKey(key)
          .remoteMessage("bulk answer without bulk_uuid").retryable(false).build();
    }
    List<String> rejected = new ArrayList<>();
    if (accepted.requestItems() != null) {
      accepted.requestItems().stream().filter(Objects::nonNull)
          .filter(i -> !"accepted".equals(i.status()))
          .forEach(i -> rejected.add("operation " + i.id() + ": " + i.status()
              + (i.errorMessage() != null ? " " + i.errorMessage() : "")));
    }
    return new BulkSubmission(scope, accepted.bulkUuid(), bodies.size(), rejected);
  }

  /** {@code GET /rest/<scope>/V1/bulk/{uuid}/status}. */
  public BulkStatus status(BulkSubmission submission) {
    return status(submission.scope(), submission.bulkUuid());
  }

  /** {@code GET /rest/<scope>/V1/bulk/{uuid}/status}. */
  public BulkStatus status(StoreScope scope, String bulkUuid) {
    BulkStatusDto dto = core.http.call("GET", MagentoHttp.path(scope, "bulk", bulkUuid, "status"), null, null,
        "bulk " + bulkUuid, BulkStatusDto.class, "bulk status");
    List<BulkStatus.Operation> ops = new ArrayList<>();
    if (dto.operationsList() != null) {
      for (BulkStatusDto.Operation o : dto.operationsList()) {
        if (o != null) {
          ops.add(new BulkStatus.Operation(o.id() == null ? -1 : o.id(),
              BulkStatus.OperationStatus.of(o.status()), o.resultMessage(), o.errorCode()));
        }
      }
    }
    return new BulkStatus(bulkUuid, ops);
  }

  /**
   * Polls {@link #status} every poll interval (a client setting) until no operation is open, or until
   * {@code timeout} has passed, then answers the last status (check {@link BulkStatus#done()}).
   */
  public BulkStatus await(BulkSubmission submission, Duration timeout) {
    Instant deadline = core.clock.instant().plus(timeout);
    BulkStatus status = status(submission);
    while (!status.done() && core.clock.instant().isBefore(deadline)) {
      try {
        Thread.sleep(core.bulkPollInterval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return status;
      }
      status = status(submission);
    }
    return status;
  }
}
