package io.commercesync.core.pipeline;

import io.commercesync.core.error.FieldViolation;
import java.util.List;

/**
 * Checks a mapped record against the target system's rules (lengths, codes, totals) before anything is
 * sent. Returns the violations found, never throws for invalid data; an empty list means valid. A record
 * with violations is dead-lettered as an {@link io.commercesync.core.error.InvalidRecordException}
 * naming the target system.
 *
 * @param <T> what the sink writes
 */
@FunctionalInterface
public interface Validator<T> {

  List<FieldViolation> validate(T record);
}
