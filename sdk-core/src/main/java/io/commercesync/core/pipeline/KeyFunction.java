package io.commercesync.core.pipeline;

/**
 * Derives the idempotency key of a record's effect. It must be deterministic: the same source record
 * and the same intended effect always give the same key (never a random UUID), so a crash, a retry or a
 * replay cannot create a second effect. Include a version (e.g. a fingerprint) only for effects that
 * should be applied again when the record changes, such as a catalog update.
 *
 * @param <T> what the sink writes
 */
@FunctionalInterface
public interface KeyFunction<T> {

  IdempotencyKey keyFor(RawRecord raw, T mapped);
}
