package io.commercesync.core.error;

import io.commercesync.core.model.SystemId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A record is wrong and will stay wrong however often it is retried: a required field is missing, a
 * value is longer than the target system allows, a payload does not parse.
 *
 * <p>It names the system, the entity, the record and every field at fault, so an operator can fix the
 * source without reading a stack trace:
 *
 * <pre>
 * magento order 000000123: lines[2].qty_ordered: must be >= 0 (was -1)
 * dynamics-gp customer JSMITH0001: CUSTNMBR: must be at most 15 characters (was 17) (was JSMITH00012345678)
 * </pre>
 *
 * <p>The pipeline never retries it: the record goes to the dead-letter store with these violations.
 */
public final class InvalidRecordException extends CommerceSyncException {

  private static final long serialVersionUID = 1L;

  private final transient SystemId recordSystem;
  private final String entity;
  private final String recordId;
  private final transient List<FieldViolation> violations;

  private InvalidRecordException(
      SystemId system, String entity, String recordId, List<FieldViolation> violations, Throwable cause) {
    super(system, render(system, entity, recordId, violations), cause);
    this.recordSystem = system;
    this.entity = entity;
    this.recordId = recordId;
    this.violations = List.copyOf(violations);
  }

  /** Starts an exception about an {@code entity} record (e.g. {@code "order"}) of {@code system}. */
  public static Builder builder(SystemId system, String entity) {
    return new Builder(system, entity);
  }

  /** Shorthand for an exception with a single violation. */
  public static InvalidRecordException of(
      SystemId system, String entity, String recordId, FieldViolation violation) {
    return builder(system, entity).recordId(recordId).violation(violation).build();
  }

  /** The system whose rules or payload the record broke. */
  public SystemId recordSystem() {
    return recordSystem;
  }

  /** The kind of record, such as {@code order}, {@code customer}, {@code SOPTransactionType}. */
  public String entity() {
    return entity;
  }

  /** The record's key in its system ({@code increment_id}, CUSTNMBR, sku), if known. */
  public Optional<String> recordId() {
    return Optional.ofNullable(recordId);
  }

  /** Every violation found, at least one. */
  public List<FieldViolation> violations() {
    return violations;
  }

  /**
   * The same violations seen from a caller with more context: a connector that catches a canonical
   * model's violation while mapping Magento order 000000123 re-labels it with its own system, entity
   * and record id, and puts the paths under the element being built.
   */
  public InvalidRecordException relabel(
      SystemId system, String entity, String recordId, String pathPrefix) {
    UnaryOperator<FieldViolation> move = v -> v.under(pathPrefix);
    return builder(system, entity)
        .recordId(recordId != null ? recordId : this.recordId)
        .violations(violations.stream().map(move).toList())
        .cause(this)
        .build();
  }

  /** The same exception with every path put under {@code prefix}, e.g. {@code lines[2]}. */
  public InvalidRecordException under(String prefix) {
    return builder(recordSystem, entity)
        .recordId(recordId)
        .violations(violations.stream().map(v -> v.under(prefix)).toList())
        .cause(getCause())
        .build();
  }

  @Override
  public boolean retryable() {
    return false;
  }

  private static String render(
      SystemId system, String entity, String recordId, List<FieldViolation> violations) {
    StringBuilder text = new StringBuilder().append(system).append(' ').append(entity);
    if (recordId != null) {
      text.append(' ').append(FieldViolation.display(recordId));
    }
    text.append(": ");
    for (int i = 0; i < violations.size(); i++) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(violations.get(i));
    }
    return text.toString();
  }

  /** Collects violations; {@link #build()} needs at least one. Not thread-safe. */
  public static final class Builder {
    private final SystemId system;
    private final String entity;
    private String recordId;
    private final List<FieldViolation> violations = new ArrayList<>();
    private Throwable cause;

    private Builder(SystemId system, String entity) {
      this.system = Objects.requireNonNull(system, "system");
      this.entity = Objects.requireNonNull(entity, "entity");
    }

    /** The record's key in its system; may be null when the payload did not even parse. */
    public Builder recordId(String recordId) {
      this.recordId = recordId;
      return this;
    }

    public Builder violation(FieldViolation violation) {
      violations.add(Objects.requireNonNull(violation, "violation"));
      return this;
    }

    public Builder violations(List<FieldViolation> more) {
      more.forEach(this::violation);
      return this;
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /** Whether any violation was added. */
    public boolean hasViolations() {
      return !violations.isEmpty();
    }

    public InvalidRecordException build() {
      if (violations.isEmpty()) {
        throw new IllegalStateException("an InvalidRecordException needs at least one violation");
      }
      return new InvalidRecordException(system, entity, recordId, violations, cause);
    }

    /** Throws the exception if any violation was added; otherwise does nothing. */
    public void throwIfAny() {
      if (!violations.isEmpty()) {
        throw build();
      }
    }
  }
}
