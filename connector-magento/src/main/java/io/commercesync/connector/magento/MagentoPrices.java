package io.commercesync.connector.magento;

import io.commercesync.connector.magento.internal.dto.BasePriceDto;
import io.commercesync.connector.magento.internal.dto.PriceUpdateResultDto;
import io.commercesync.connector.magento.internal.dto.PricesRequestDto;
import io.commercesync.connector.magento.internal.dto.SkusRequestDto;
import io.commercesync.connector.magento.internal.dto.TierPriceDto;
import io.commercesync.connector.magento.internal.http.MagentoErrors;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.mapping.WireMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Price storage: {@code POST /V1/products/base-prices}, {@code POST|PUT /V1/products/tier-prices} and their
 * {@code *-information} reads, chunked to {@link MagentoLimits#maxSyncEntities()} rows per call.
 *
 * <p>These endpoints answer HTTP 200 even when rows fail: valid rows are saved and the failures are
 * returned as {@link PriceFailure}s (reference §3), which callers must check.
 *
 * <pre>{@code
 * List<PriceFailure> failed = client.prices().saveBasePrices(StoreScope.ALL,
 *     List.of(new BasePrice("CS-MUG-12OZ", new BigDecimal("15.50"), 0)));
 * }</pre>
 */
public final class MagentoPrices {

  private final Core core;
  private final WireMapper wire = WireMapper.INSTANCE;

  MagentoPrices(Core core) {
    this.core = core;
  }

  /** Saves base prices; returns the rows Magento refused. */
  public List<PriceFailure> saveBasePrices(StoreScope scope, List<BasePrice> prices) {
    List<PriceFailure> failures = new ArrayList<>();
    for (List<BasePrice> chunk : Core.chunks(prices, core.limits.maxSyncEntities())) {
      List<PriceUpdateResultDto> result = core.http.callList("POST",
          MagentoHttp.path(scope, "products/base-prices"), null,
          new PricesRequestDto<>(chunk.stream().map(wire::toDto).toList()), key(chunk.get(0).sku(), chunk.size()),
          PriceUpdateResultDto.class, "price update result");
      failures.addAll(failures(result, chunk.stream().map(BasePrice::sku).collect(Collectors.toSet())));
    }
    return failures;
  }

  /** {@code POST /V1/products/base-prices-information}. */
  public List<BasePrice> basePrices(StoreScope scope, List<String> skus) {
    List<BasePrice> out = new ArrayList<>();
    for (List<String> chunk : Core.chunks(skus, core.limits.maxSyncEntities())) {
      core.http.callList("POST", MagentoHttp.path(scope, "products/base-prices-information"), null,
          new SkusRequestDto(chunk), key(chunk.get(0), chunk.size()), BasePriceDto.class, "base price")
          .forEach(p -> out.add(new BasePrice(p.sku(), p.price(), p.storeId() == null ? 0 : p.storeId())));
    }
    return out;
  }

  /** {@code POST /V1/products/tier-prices}: adds or updates tier prices; returns refused rows. */
  public List<PriceFailure> saveTierPrices(StoreScope scope, List<TierPrice> prices) {
    return tier("POST", scope, prices);
  }

  /** {@code PUT /V1/products/tier-prices}: replaces <em>all</em> tier prices of the skus named. */
  public List<PriceFailure> replaceTierPrices(StoreScope scope, List<TierPrice> prices) {
    return tier("PUT", scope, prices);
  }

  private List<PriceFailure> tier(String method, StoreScope scope, List<TierPrice> prices) {
    List<PriceFailure> failures = new ArrayList<>();
    for (List<TierPrice> chunk : Core.chunks(prices, core.limits.maxSyncEntities())) {
      List<PriceUpdateResultDto> result = core.http.callList(method,
          MagentoHttp.path(scope, "products/tier-prices"), null,
          new PricesRequestDto<>(chunk.stream().map(wire::toDto).toList()), key(chunk.get(0).sku(), chunk.size()),
          PriceUpdateResultDto.class, "price update result");
      failures.addAll(failures(result, chunk.stream().map(TierPrice::sku).collect(Collectors.toSet())));
    }
    return failures;
  }

  /** {@code POST /V1/products/tier-prices-information}. */
  public List<TierPrice> tierPrices(StoreScope scope, List<String> skus) {
    List<TierPrice> out = new ArrayList<>();
    for (List<String> chunk : Core.chunks(skus, core.limits.maxSyncEntities())) {
      core.http.callList("POST", MagentoHttp.path(scope, "products/tier-prices-information"), null,
          new SkusRequestDto(chunk), key(chunk.get(0), chunk.size()), TierPriceDto.class, "tier price")
          .forEach(p -> out.add(wire.fromDto(p)));
    }
    return out;
  }

  private static List<PriceFailure> failures(List<PriceUpdateResultDto> result, Set<String> skus) {
    List<PriceFailure> out = new ArrayList<>();
    for (PriceUpdateResultDto r : result) {
      if (r == null) {
        continue;
      }
      List<String> values = MagentoErrors.values(r.parameters());
      String sku = values.stream().filter(skus::contains).findFirst().orElse(null);
      out.add(new PriceFailure(sku, MagentoErrors.render(r.message(), r.parameters()), values));
    }
    return out;
  }

  private static String key(String first, int size) {
    return size == 1 ? "sku " + first : "sku " + first + " (+" + (size - 1) + " more)";
  }
}
