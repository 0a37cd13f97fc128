package io.commercesync.connector.magento;

import java.util.List;

/**
 * A row Magento refused in a price-storage call. These calls answer HTTP 200 even when rows fail: the
 * valid rows are saved and the failures listed as {@code {"message":"Invalid attribute %fieldName =
 * %fieldValue.","parameters":...}} (reference §3).
 *
 * @param sku the sku the failure concerns, when one of the submitted skus appears in it, else null
 * @param message the message with its placeholders filled in
 * @param parameters the parameter values as sent
 */
public record PriceFailure(String sku, String message, List<String> parameters) {
  public PriceFailure {
    parameters = List.copyOf(parameters);
  }
}
