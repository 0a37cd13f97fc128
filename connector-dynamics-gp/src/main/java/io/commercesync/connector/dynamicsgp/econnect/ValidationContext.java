package io.commercesync.connector.dynamicsgp.econnect;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.util.Map;
import java.util.Objects;

/**
 * What the validator needs to know about the company's setup: decimal places per GP currency (MC40200
 * {@code DECPLCUR}) and per item quantity (IV00101 {@code DECPLQTY}). Both GP columns store decimals + 1;
 * the values here are the real number of places.
 *
 * <pre>{@code
 * ValidationContext ctx = ValidationContext.DEFAULT
 *     .withCurrencyDecimals(Map.of("Z-US$", 2, "Z-JP¥", 0))
 *     .withQuantityDecimals(Map.of("WDG-1001-BLU", 0));
 * }</pre>
 *
 * @param defaultCurrencyDecimals places for a currency not in {@code currencyDecimals}; default 2
 * @param currencyDecimals places per GP {@code CURNCYID}
 * @param defaultQuantityDecimals places for an item not in {@code quantityDecimals}; default 5
 *     (numeric(19,5)), since GP's item setting is only known when configured
 * @param quantityDecimals places per {@code ITEMNMBR}
 */
public record ValidationContext(
    int defaultCurrencyDecimals,
    Map<String, Integer> currencyDecimals,
    int defaultQuantityDecimals,
    Map<String, Integer> quantityDecimals) {

  /** Two places for amounts, five for quantities. */
  public static final ValidationContext DEFAULT = new ValidationContext(2, Map.of(), 5, Map.of());

  public ValidationContext {
    currencyDecimals = Map.copyOf(Objects.requireNonNull(currencyDecimals, "currencyDecimals"));
    quantityDecimals = Map.copyOf(Objects.requireNonNull(quantityDecimals, "quantityDecimals"));
    if (defaultCurrencyDecimals < 0 || defaultCurrencyDecimals > 5) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "validation.defaultCurrencyDecimals",
          "must be 0..5, numeric(19,5) (was " + defaultCurrencyDecimals + ")");
    }
    if (defaultQuantityDecimals < 0 || defaultQuantityDecimals > 5) {
      throw ConfigurationException.of(SystemId.DYNAMICS_GP, "validation.defaultQuantityDecimals",
          "must be 0..5, numeric(19,5) (was " + defaultQuantityDecimals + ")");
    }
  }

  public ValidationContext withCurrencyDecimals(Map<String, Integer> decimals) {
    return new ValidationContext(defaultCurrencyDecimals, decimals, defaultQuantityDecimals, quantityDecimals);
  }

  public ValidationContext withQuantityDecimals(Map<String, Integer> decimals) {
    return new ValidationContext(defaultCurrencyDecimals, currencyDecimals, defaultQuantityDecimals, decimals);
  }

  /** Decimal places allowed for amounts in {@code curncyid} (null: the default). */
  public int currencyDecimals(String curncyid) {
    return curncyid == null ? defaultCurrencyDecimals
        : currencyDecimals.getOrDefault(curncyid.trim(), defaultCurrencyDecimals);
  }

  /** Decimal places allowed for quantities of {@code itemnmbr}. */
  public int quantityDecimals(String itemnmbr) {
    return itemnmbr == null ? defaultQuantityDecimals
        : quantityDecimals.getOrDefault(itemnmbr.trim(), defaultQuantityDecimals);
  }
}
