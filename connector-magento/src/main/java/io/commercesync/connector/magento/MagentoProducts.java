package io.commercesync.connector.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.internal.dto.ProductDto;
import io.commercesync.connector.magento.internal.dto.ProductWriteDto;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.http.RecordShape;
import io.commercesync.connector.magento.internal.mapping.ProductMapper;
import io.commercesync.connector.magento.internal.mapping.WireMapper;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Item;
import java.util.Optional;

/**
 * Products: {@code GET /V1/products/{sku}}, {@code GET /V1/products?searchCriteria}, partial
 * {@code PUT /V1/products/{sku}} and {@code POST /V1/products}, each in the scope the caller names.
 *
 * <p>Partial and scoped (reference §8, RELIABILITY #4): only the attributes of the {@link ProductUpdate}
 * are sent, never {@code media_gallery_entries} unless asked. The scope decides where values land:
 * {@link StoreScope#ALL} writes global values; a store code writes store-view overrides — use it only for
 * localized text. SKUs are percent-encoded as one path segment.
 *
 * <pre>{@code
 * client.products().update(StoreScope.ALL, ProductUpdate.builder("CS-MUG-12OZ").price(new BigDecimal("15.5")).build());
 * }</pre>
 */
public final class MagentoProducts {

  private final Core core;
  private final WireMapper wire = WireMapper.INSTANCE;

  MagentoProducts(Core core) {
    this.core = core;
  }

  /** The product {@code sku} in {@code scope}, as a canonical {@link Item} (price in the base currency). */
  public Item get(StoreScope scope, String sku) {
    return decode(record(scope, sku));
  }

  /** The product {@code sku} in {@code scope}, as Magento sent it; a 404 is thrown. */
  public MagentoRecord record(StoreScope scope, String sku) {
    JsonNode node = core.http.call("GET", MagentoHttp.path(scope, "products", sku), null, null, "sku " + sku,
        JsonNode.class, "product");
    return RecordShape.PRODUCT.toRecord(node, core.codec());
  }

  /** The product {@code sku}, or empty when Magento answers 404. */
  public Optional<MagentoRecord> find(StoreScope scope, String sku) {
    try {
      return Optional.of(record(scope, sku));
    } catch (RemoteSystemException e) {
      if (e.status().orElse(0) == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Decodes a record into a canonical {@link Item}. */
  public Item decode(MagentoRecord record) {
    return ProductMapper.INSTANCE.toItem(core.codec().read(record.json(), ProductDto.class, "product"),
        core.baseCurrency);
  }

  /** A streaming search over {@code GET /V1/products}. */
  public MagentoPager search(StoreScope scope, SearchCriteria criteria) {
    return core.search(scope, "products", criteria, RecordShape.PRODUCT);
  }

  /** {@code PUT /rest/<scope>/V1/products/{sku}} with only what {@code update} names. */
  public void update(StoreScope scope, ProductUpdate update) {
    core.http.call("PUT", MagentoHttp.path(scope, "products", update.sku()), null,
        new ProductWriteDto.Request(wire.toDto(update), null), "sku " + update.sku(), JsonNode.class,
        "product");
  }

  /**
   * {@code POST /rest/<scope>/V1/products}: creates the product. Magento's save is an upsert (an existing
   * sku is updated, #4952), so check with {@link #find} first when that matters.
   */
  public void create(StoreScope scope, ProductUpdate product) {
    core.http.call("POST", MagentoHttp.path(scope, "products"), null,
        new ProductWriteDto.Request(wire.toDto(product), null), "sku " + product.sku(), JsonNode.class,
        "product");
  }
}
