package io.commercesync.connector.clarity.internal.dto.v1;

/** {@code packages[]} of a shipment: one tracking number each. */
public record V1Package(String trackingNumber, String trackingUrl, V1Weight weight) {}
