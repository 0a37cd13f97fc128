package io.commercesync.core.spi;

import io.commercesync.core.pipeline.Sink;

/** A storefront's order statuses and history comments (Magento {@code /V1/orders/{id}/comments}, Clarity workflow routes). */
public interface OrderStatusSink extends Sink<OrderStatusUpdate> {}
