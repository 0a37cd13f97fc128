package io.commercesync.connector.magento.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /V1/order/{orderId}/invoice} (InvoiceOrderInterface::execute): {@code capture}
 * (true = online capture through the gateway, false = offline), items by {@code order_item_id} (omit =
 * invoice everything), {@code notify}, {@code appendComment}, {@code comment}.
 */
public record InvoiceOrderRequestDto(
    Boolean capture,
    List<ItemQtyDto> items,
    @JsonProperty("notify") Boolean notifyCustomer,
    @JsonProperty("appendComment") Boolean appendComment,
    CommentDto comment) {}
