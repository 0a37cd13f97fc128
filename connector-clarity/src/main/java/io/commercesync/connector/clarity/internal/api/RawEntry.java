package io.commercesync.connector.clarity.internal.api;

import java.time.Instant;

/**
 * One record as read, before decoding.
 *
 * @param key the record's stable key (order number, customer id)
 * @param updatedAt when it last changed, or null when the record does not say
 * @param tie a tie-break for records changed in the same instant (the Clarity id)
 * @param payload the record's own JSON
 */
public record RawEntry(String key, Instant updatedAt, String tie, byte[] payload) {}
