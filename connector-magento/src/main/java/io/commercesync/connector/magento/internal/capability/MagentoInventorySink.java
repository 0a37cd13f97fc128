package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.SourceItem;
import io.commercesync.connector.magento.StockItem;
import io.commercesync.connector.magento.internal.mapping.StockMapper;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.InventorySink;
import io.commercesync.core.spi.StockUpdate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stock per MSI source ({@code POST /V1/inventory/source-items}, at most the sync limit per call): each
 * {@link StockUpdate} becomes {@code {sku, source_code: location, quantity, status}} with {@code status}
 * sent explicitly. The quantity is written as the source's quantity: Magento subtracts its own open
 * reservations to get the salable quantity, so the sink never subtracts them; it tells the inventory flow
 * what it holds reserved ({@link #openReservations}), and the flow adds that back up to the ERP's
 * allocation for those orders, so they are deducted once (RELIABILITY 13). In legacy mode the default
 * stock item is written instead ({@code PUT /V1/products/{sku}/stockItems/{itemId}}) and nothing is
 * reserved.
 */
public final class MagentoInventorySink implements InventorySink {

  private final StorefrontSettings s;

  public MagentoInventorySink(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  @Override
  public int maxBatchSize() {
    return s.client().limits().maxSyncEntities();
  }

  static String id(StockUpdate u) {
    return u.sku() + "@" + u.location();
  }

  @Override
  public WriteResult write(StockUpdate update, IdempotencyKey key) {
    if (s.legacyStock()) {
      StockItem item = s.client().inventory().stockItem(s.stockScope(), update.sku());
      s.client().inventory().updateStockItem(s.stockScope(), update.sku(), item.itemId(), update.quantity(),
          update.inStock());
      return WriteResult.updated(id(update));
    }
    s.client().inventory().saveSourceItems(s.stockScope(), List.of(item(update)));
    return WriteResult.updated(id(update));
  }

  private static SourceItem item(StockUpdate u) {
    return StockMapper.INSTANCE.toSourceItem(u);
  }

  /** One call per chunk of {@link #maxBatchSize()}; a refused call is thrown (the pipeline retries per record). */
  @Override
  public List<BatchOutcome> writeBatch(List<Keyed<StockUpdate>> records) {
    List<BatchOutcome> out = new ArrayList<>();
    if (s.legacyStock()) {
      for (Keyed<StockUpdate> r : records) {
        out.add(BatchOutcome.written(r.key(), write(r.record(), r.key())));
      }
      return out;
    }
    s.client().inventory().saveSourceItems(s.stockScope(), records.stream().map(r -> item(r.record())).toList());
    for (Keyed<StockUpdate> r : records) {
      out.add(BatchOutcome.written(r.key(), WriteResult.updated(id(r.record()))));
    }
    return out;
  }

  /**
   * Magento's open reservations per sku in the storefront's stock: the in-stock source quantities
   * ({@code GET /V1/inventory/source-items}, 300 skus per page) minus the salable quantity
   * ({@code GET /V1/inventory/get-product-salable-quantity/{sku}/{stockId}}), which is source quantity −
   * reservations (reference §9). Assumes every source of those skus is assigned to that stock and an
   * out-of-stock threshold of 0; skus without reservations are left out. The salable quantity is read
   * before and after the source items, and a sku whose salable quantity moved in between (a source
   * written meanwhile) is read again. Two salable-quantity calls per sku: the flow asks only for skus the
   * ERP has allocations for at the order site.
   */
  @Override
  public Map<String, BigDecimal> openReservations(Collection<String> skus) {
    if (s.legacyStock() || skus.isEmpty()) {
      return Map.of();
    }
    List<String> asked = List.copyOf(skus);
    Map<String, BigDecimal> before = salable(asked);
    Map<String, BigDecimal> sources = inStock(s.client().inventory().sourceItems(s.stockScope(), asked));
    Map<String, BigDecimal> after = salable(asked);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (String sku : asked) {
      BigDecimal salable = after.get(sku);
      BigDecimal inStock = sources.getOrDefault(sku, BigDecimal.ZERO);
      // the two reads are not atomic: a write to one of the sku's sources (another batch of the same run,
      // another process) between them shows as a moved salable quantity; read that sku again
      for (int attempt = 0; attempt < 3 && before.get(sku).compareTo(salable) != 0; attempt++) {
        before.put(sku, salable);
        inStock = inStock(s.client().inventory().sourceItems(s.stockScope(), sku)).getOrDefault(sku, BigDecimal.ZERO);
        salable = s.client().inventory().salableQuantity(s.stockScope(), sku, s.stockId());
      }
      // no in-stock source is no reason to skip: the salable quantity is then negative by what is reserved
      BigDecimal reserved = inStock.subtract(salable);
      if (reserved.signum() > 0) {
        out.put(sku, reserved);
      }
    }
    return out;
  }

  private Map<String, BigDecimal> salable(List<String> skus) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (String sku : skus) {
      out.put(sku, s.client().inventory().salableQuantity(s.stockScope(), sku, s.stockId()));
    }
    return out;
  }

  private static Map<String, BigDecimal> inStock(List<SourceItem> items) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (SourceItem item : items) {
      if (item.inStock()) {
        out.merge(item.sku(), item.quantity(), BigDecimal::add);
      }
    }
    return out;
  }

  /** Already applied when the source item holds this quantity and status. */
  @Override
  public Optional<WriteResult> lookup(StockUpdate update, IdempotencyKey key) {
    if (s.legacyStock()) {
      StockItem item = s.client().inventory().stockItem(s.stockScope(), update.sku());
      return item.qty() != null && item.qty().compareTo(update.quantity()) == 0 && item.inStock() == update.inStock()
          ? Optional.of(WriteResult.alreadyApplied(id(update))) : Optional.empty();
    }
    return s.client().inventory().sourceItems(s.stockScope(), update.sku()).stream()
        .filter(i -> i.sourceCode().equals(update.location()))
        .filter(i -> i.quantity().compareTo(update.quantity()) == 0 && i.inStock() == update.inStock())
        .findFirst().map(i -> WriteResult.alreadyApplied(id(update)));
  }
}
