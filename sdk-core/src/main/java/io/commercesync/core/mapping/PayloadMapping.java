package io.commercesync.core.mapping;

import java.util.Locale;
import java.util.Objects;

/**
 * One conversion the SDK can show: from a system's payload to another's, for one entity. The
 * {@code commercesync map} command lists and runs these, so every connector's mapping can be inspected
 * from the command line.
 *
 * @param from the source format: {@code canonical} or a system id such as {@code magento}
 * @param to the target format: {@code canonical} or a system id such as {@code dynamics-gp}
 * @param entity the entity, lower case: {@code order}, {@code customer}, {@code product}…
 * @param description one line for {@code map --list}
 * @param converter does the conversion
 */
public record PayloadMapping(
    String from, String to, String entity, String description, PayloadConverter converter) {

  public PayloadMapping {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(converter, "converter");
    from = from.toLowerCase(Locale.ROOT);
    to = to.toLowerCase(Locale.ROOT);
    entity = entity.toLowerCase(Locale.ROOT);
    description = description == null ? "" : description;
  }

  /** {@code magento -> canonical (order)}. */
  public String label() {
    return from + " -> " + to + " (" + entity + ")";
  }
}
