package io.commercesync.core.spi;

import io.commercesync.core.model.Order;
import io.commercesync.core.pipeline.Source;

/**
 * A storefront's orders, new or changed since a cursor (Magento: search by {@code updated_at} with an
 * entity-id tie-break; Clarity: {@code ModifiedSince}/{@code updatedSince}), decoded to canonical
 * {@link Order}s. {@link #fetch(String)} reads one order by its number, for webhook-triggered runs:
 * the webhook only says "look", the order is then read through the API.
 */
public interface OrderSource extends Source<Order> {}
