package io.commercesync.connector.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.internal.dto.SearchResultDto;
import io.commercesync.connector.magento.internal.dto.SourceDto;
import io.commercesync.connector.magento.internal.dto.SourceItemDto;
import io.commercesync.connector.magento.internal.dto.SourceItemsRequestDto;
import io.commercesync.connector.magento.internal.dto.StockItemDto;
import io.commercesync.connector.magento.internal.dto.StockItemRequestDto;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.mapping.WireMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Stock: MSI sources and source items ({@code GET /V1/inventory/sources},
 * {@code POST /V1/inventory/source-items}, {@code GET /V1/inventory/source-items},
 * {@code POST /V1/inventory/source-items-delete}), salable quantity, and the legacy single-source stock
 * item ({@code GET /V1/stockItems/{sku}}, {@code PUT /V1/products/{sku}/stockItems/{itemId}}).
 *
 * <p>Writes are chunked to {@link MagentoLimits#maxSyncEntities()} source items per call (default 20,
 * Magento's input limit). Source items are global: pass {@link StoreScope#ALL}.
 *
 * <pre>{@code
 * client.inventory().saveSourceItems(StoreScope.ALL, List.of(new SourceItem("CS-MUG-12OZ", "wh_austin", qty, true)));
 * }</pre>
 */
public final class MagentoInventory {

  private final Core core;
  private final WireMapper wire = WireMapper.INSTANCE;

  MagentoInventory(Core core) {
    this.core = core;
  }

  /** {@code GET /V1/inventory/sources}. */
  public List<MagentoSource> sources(StoreScope scope) {
    SearchResultDto page = core.page(scope, "inventory/sources", SearchCriteria.all(), "source");
    List<MagentoSource> out = new ArrayList<>();
    if (page.items() != null) {
      for (JsonNode item : page.items()) {
        SourceDto s = core.codec().read(core.codec().write(item), SourceDto.class, "source");
        out.add(new MagentoSource(s.sourceCode(), s.name(), !Boolean.FALSE.equals(s.enabled()), s.countryId(),
            s.postcode()));
      }
    }
    return out;
  }

  /** {@code POST /V1/inventory/source-items}, at most {@code maxSyncEntities} per call; an upsert per (sku, source). */
  public void saveSourceItems(StoreScope scope, List<SourceItem> items) {
    for (List<SourceItem> chunk : Core.chunks(items, core.limits.maxSyncEntities())) {
      core.http.call("POST", MagentoHttp.path(scope, "inventory/source-items"), null,
          new SourceItemsRequestDto(chunk.stream().map(wire::toDto).toList()), keys(chunk), JsonNode.class,
          "source items result");
    }
  }

  /** {@code POST /V1/inventory/source-items-delete}, chunked like {@link #saveSourceItems}. */
  public void deleteSourceItems(StoreScope scope, List<SourceItem> items) {
    for (List<SourceItem> chunk : Core.chunks(items, core.limits.maxSyncEntities())) {
      core.http.call("POST", MagentoHttp.path(scope, "inventory/source-items-delete"), null,
          new SourceItemsRequestDto(chunk.stream().map(wire::toDto).toList()), keys(chunk), JsonNode.class,
          "source items result");
    }
  }

  /** The source items of {@code sku} ({@code GET /V1/inventory/source-items?searchCriteria} by sku). */
  public List<SourceItem> sourceItems(StoreScope scope, String sku) {
    List<SourceItem> out = new ArrayList<>();
    try (MagentoPager pager = core.search(scope, "inventory/source-items", SearchCriteria.builder()
        .where("sku", SearchCriteria.Condition.EQ, sku).build(),
        io.commercesync.connector.magento.internal.http.RecordShape.SOURCE_ITEM)) {
      while (pager.hasNext()) {
        out.add(wire.fromDto(core.codec().read(pager.next().json(), SourceItemDto.class, "source item")));
      }
    }
    return out;
  }

  /**
   * The source items of {@code skus} ({@code GET /V1/inventory/source-items?searchCriteria} by
   * {@code sku in (…)}, 300 skus per request; a sku containing a comma, which {@code in} would split, is
   * asked for alone).
   */
  public List<SourceItem> sourceItems(StoreScope scope, List<String> skus) {
    List<SourceItem> out = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    for (String sku : skus) {
      if (sku.indexOf(',') >= 0) {
        out.addAll(sourceItems(scope, sku));
      } else {
        plain.add(sku);
      }
    }
    for (List<String> chunk : Core.chunks(plain, core.limits.maxPageSize())) {
      try (MagentoPager pager = core.search(scope, "inventory/source-items", SearchCriteria.builder()
          .where("sku", SearchCriteria.Condition.IN, String.join(",", chunk)).pageSize(core.limits.maxPageSize())
          .build(), io.commercesync.connector.magento.internal.http.RecordShape.SOURCE_ITEM)) {
        while (pager.hasNext()) {
          out.add(wire.fromDto(core.codec().read(pager.next().json(), SourceItemDto.class, "source item")));
        }
      }
    }
    return out;
  }

  /** {@code GET /V1/inventory/get-product-salable-quantity/{sku}/{stockId}}: source quantity minus reservations. */
  public BigDecimal salableQuantity(StoreScope scope, String sku, long stockId) {
    JsonNode qty = core.http.call("GET", MagentoHttp.path(scope, "inventory/get-product-salable-quantity", sku,
        String.valueOf(stockId)), null, null, "sku " + sku, JsonNode.class, "salable quantity");
    return qty.decimalValue();
  }

  /** {@code GET /V1/stockItems/{sku}}: the legacy stock item. */
  public StockItem stockItem(StoreScope scope, String sku) {
    return wire.fromDto(core.http.call("GET", MagentoHttp.path(scope, "stockItems", sku), null, null,
        "sku " + sku, StockItemDto.class, "stock item"));
  }

  /**
   * {@code PUT /V1/products/{sku}/stockItems/{itemId}}: the legacy stock item's quantity and status.
   * Magento answers 200 but changes nothing for configurable products or {@code manage_stock} 0 (#2392).
   */
  public void updateStockItem(StoreScope scope, String sku, long itemId, BigDecimal qty, boolean inStock) {
    core.http.call("PUT", MagentoHttp.path(scope, "products", sku, "stockItems", String.valueOf(itemId)), null,
        new StockItemRequestDto(new StockItemRequestDto.Entry(qty, inStock)), "sku " + sku, JsonNode.class,
        "stock item id");
  }

  private static String keys(List<SourceItem> chunk) {
    if (chunk.size() == 1) {
      return chunk.get(0).sku() + "@" + chunk.get(0).sourceCode();
    }
    return chunk.get(0).sku() + "@" + chunk.get(0).sourceCode() + " (+" + (chunk.size() - 1) + " more)";
  }
}
