package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.BasePrice;
import io.commercesync.connector.magento.PriceFailure;
import io.commercesync.connector.magento.TierPrice;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.PriceSink;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices through price storage: a base {@link Price} (no list, no group, from quantity 1) →
 * {@code POST /V1/products/base-prices} {@code {price, store_id, sku}}; a group or quantity price →
 * {@code POST /V1/products/tier-prices} {@code {price, price_type: fixed, website_id, sku, customer_group,
 * quantity}} with {@link Price#customerGroup()} as the Magento group code ({@code ALL GROUPS} when only a
 * quantity break is given). Rows Magento refuses (HTTP 200 with a failure list) fail alone; the others are
 * written. Dated prices ({@code validFrom}/{@code validTo}) are refused as invalid: Magento's special
 * prices are not mapped.
 */
public final class MagentoPriceSink implements PriceSink {

  private final StorefrontSettings s;

  public MagentoPriceSink(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  /**
   * Ten synchronous calls' worth: base and tier rows of one batch go to different endpoints, each chunked
   * to the sync limit (20), so a larger batch fills both endpoints' calls instead of sending two half-full
   * ones.
   */
  @Override
  public int maxBatchSize() {
    return s.client().limits().maxSyncEntities() * 10;
  }

  @Override
  public WriteResult write(Price price, IdempotencyKey key) {
    BatchOutcome outcome = writeBatch(List.of(new Keyed<>(price, key))).get(0);
    if (!outcome.succeeded()) {
      throw outcome.failure();
    }
    return outcome.result();
  }

  static String id(Price p) {
    return p.isBase() ? p.sku() : p.sku() + "/" + group(p) + "/" + p.minQuantity().stripTrailingZeros().toPlainString();
  }

  private static String group(Price p) {
    return p.customerGroup() != null ? p.customerGroup() : "ALL GROUPS";
  }

  private static void validate(Price p) {
    InvalidRecordException.Builder e = InvalidRecordException.builder(SystemId.MAGENTO, "price").recordId(p.sku());
    if (p.validFrom() != null || p.validTo() != null) {
      e.violation(FieldViolation.of("validFrom", FieldViolation.RULE_FORMAT, p.validFrom(),
          "dated prices are not supported by the Magento price sink (special prices are not mapped)"));
    }
    if (!p.isBase() && p.priceList() != null && p.customerGroup() == null) {
      e.violation(FieldViolation.of("customerGroup", FieldViolation.RULE_REQUIRED, null,
          "is required for a Magento tier price: map the ERP price level " + p.priceList()
              + " to a customer group code"));
    }
    e.throwIfAny();
  }

  @Override
  public List<BatchOutcome> writeBatch(List<Keyed<Price>> records) {
    Map<Integer, RuntimeException> invalid = new HashMap<>();
    List<BasePrice> base = new ArrayList<>();
    List<TierPrice> tier = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Price p = records.get(i).record();
      try {
        validate(p);
      } catch (InvalidRecordException e) {
        invalid.put(i, e);
        continue;
      }
      if (p.isBase()) {
        base.add(new BasePrice(p.sku(), p.amount().amount(), s.priceStoreId()));
      } else {
        tier.add(new TierPrice(p.sku(), group(p), p.minQuantity(), p.amount().amount(), false, s.tierWebsiteId()));
      }
    }
    List<PriceFailure> failures = new ArrayList<>();
    if (!base.isEmpty()) {
      failures.addAll(s.client().prices().saveBasePrices(s.priceScope(), base));
    }
    if (!tier.isEmpty()) {
      failures.addAll(s.client().prices().saveTierPrices(s.priceScope(), tier));
    }
    List<BatchOutcome> out = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      Keyed<Price> r = records.get(i);
      if (invalid.containsKey(i)) {
        out.add(BatchOutcome.failed(r.key(), invalid.get(i)));
        continue;
      }
      PriceFailure failure = failures.stream().filter(f -> r.record().sku().equals(f.sku())).findFirst().orElse(null);
      if (failure != null) {
        out.add(BatchOutcome.failed(r.key(), RemoteSystemException.builder(SystemId.MAGENTO,
            r.record().isBase() ? "POST /rest/" + s.priceScope() + "/V1/products/base-prices"
                : "POST /rest/" + s.priceScope() + "/V1/products/tier-prices")
            .status(200).recordKey(r.record().sku()).remoteMessage(failure.message()).retryable(false).build()));
      } else {
        out.add(BatchOutcome.written(r.key(), WriteResult.updated(id(r.record()))));
      }
    }
    return out;
  }

  /** Already applied when Magento holds this price for the sku (and group and quantity). */
  @Override
  public Optional<WriteResult> lookup(Price price, IdempotencyKey key) {
    BigDecimal amount = price.amount().amount();
    if (price.isBase()) {
      return s.client().prices().basePrices(s.priceScope(), List.of(price.sku())).stream()
          .filter(b -> b.price().compareTo(amount) == 0).findFirst()
          .map(b -> WriteResult.alreadyApplied(id(price)));
    }
    return s.client().prices().tierPrices(s.priceScope(), List.of(price.sku())).stream()
        .filter(t -> t.customerGroup().equalsIgnoreCase(group(price)) && !t.discount()
            && t.quantity().compareTo(price.minQuantity()) == 0 && t.price().compareTo(amount) == 0)
        .findFirst().map(t -> WriteResult.alreadyApplied(id(price)));
  }
}
