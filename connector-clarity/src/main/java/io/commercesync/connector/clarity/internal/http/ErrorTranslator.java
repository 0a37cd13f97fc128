package io.commercesync.connector.clarity.internal.http;

import io.commercesync.core.error.CommerceSyncException;
import io.commercesync.core.http.internal.HttpResult;

/** Turns a non-2xx answer into the typed exception, reading the dialect's error body. */
public interface ErrorTranslator {

  /**
   * @param result the answer
   * @param operation {@code PUT /api/v1/products/WID-100-BLK}
   * @param entity the record kind ({@code product}), for invalid-record errors
   * @param recordKey the record's key, or null
   */
  CommerceSyncException translate(HttpResult result, String operation, String entity, String recordKey);
}
