package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;

/**
 * Field limits of CEF's data model, checked before a record is sent so the operator sees the field,
 * not a database error. Source: samples/clarity/README.md "Field limits worth validating on the way
 * into Clarity" and reference clarity.md §2.5 ({@code Base.cs}/{@code NameableBase.cs} and the model
 * classes of S1) [C]. The v1 contract publishes no limits of its own; the same ones are applied there
 * since it fronts the same data [I].
 */
public final class ClarityLimits {

  /** {@code CustomKey} varchar(128). */
  public static final int CUSTOM_KEY = 128;
  /** {@code Name} varchar(256). */
  public static final int NAME = 256;
  /** Sales-item {@code Sku} varchar(1000). */
  public static final int SKU = 1000;
  /** {@code UnitOfMeasure} varchar(100). */
  public static final int UNIT_OF_MEASURE = 100;
  /** Contact {@code FirstName}/{@code LastName} nvarchar(100). */
  public static final int PERSON_NAME = 100;
  /** Contact {@code Email1} varchar(1000). */
  public static final int EMAIL = 1000;
  /** Contact {@code Phone1} varchar(50). */
  public static final int PHONE = 50;
  /** Address {@code Street1} varchar(255). */
  public static final int STREET = 255;
  /** Address {@code City} varchar(100). */
  public static final int CITY = 100;
  /** Address {@code PostalCode} varchar(50). */
  public static final int POSTAL_CODE = 50;
  /** Shipment {@code TrackingNumber} varchar(100). */
  public static final int TRACKING_NUMBER = 100;

  private final InvalidRecordException.Builder errors;

  private ClarityLimits(String entity, String recordKey) {
    this.errors = InvalidRecordException.builder(SystemId.CLARITY, entity).recordId(recordKey);
  }

  /** Starts checking one {@code entity} record. */
  public static ClarityLimits check(String entity, String recordKey) {
    return new ClarityLimits(entity, recordKey);
  }

  /** A violation when {@code value} is longer than {@code max}. */
  public ClarityLimits max(String path, String value, int max) {
    if (value != null && value.length() > max) {
      errors.violation(FieldViolation.tooLong(path, value, max));
    }
    return this;
  }

  /** A violation when {@code value} is missing or blank. */
  public ClarityLimits required(String path, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      errors.violation(FieldViolation.required(path));
    }
    return this;
  }

  /** Adds {@code violation}. */
  public ClarityLimits violation(FieldViolation violation) {
    errors.violation(violation);
    return this;
  }

  /** Throws an {@link InvalidRecordException} naming every field at fault, if any. */
  public void throwIfAny() {
    errors.throwIfAny();
  }
}
