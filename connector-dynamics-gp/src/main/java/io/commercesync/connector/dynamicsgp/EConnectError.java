package io.commercesync.connector.dynamicsgp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One error eConnect reported: {@code Error Number = 598  Stored Procedure= taSopLineIvcInsert  Error
 * Description = …}, with the node's identifying keys (SOPNUMBE, SOPTYPE) and the related parameters
 * (CUSTNMBR = …).
 *
 * <p>Whether it is worth retrying is decided by number and procedure, never by the wording: record locks
 * (2079/2022, "being edited by another user") and SQL deadlocks (1205) are transient; every other number is
 * a data error (reference §4).
 *
 * <pre>{@code
 * List<EConnectError> errors = EConnectErrorText.parse(exceptionText);
 * if (errors.get(0).is(598, "taSopLineIvcInsert")) { ... unknown customer ... }
 * }</pre>
 *
 * @param number GP's error number (DYNAMICS..taErrorCode.ErrorCode)
 * @param procedure the stored procedure that reported it
 * @param description taErrorCode.ErrorDesc as reported; for people, never matched on
 * @param keyFields the node identifier parameters (e.g. SOPNUMBE, SOPTYPE), in order
 * @param relatedFields the related error-code parameters (e.g. CUSTNMBR), in order
 * @param retryable whether a later retry may succeed (locks, deadlocks)
 */
public record EConnectError(
    int number,
    String procedure,
    String description,
    Map<String, String> keyFields,
    Map<String, String> relatedFields,
    boolean retryable) {

  /** Record lock numbers: the document is being edited by another GP user (SOPSER). */
  public static final Set<Integer> LOCK_ERRORS = Set.of(2079, 2022);
  /** SQL Server's deadlock victim number. */
  public static final int DEADLOCK = 1205;

  public EConnectError {
    Objects.requireNonNull(procedure, "procedure");
    description = description == null ? "" : description;
    keyFields = keyFields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyFields));
    relatedFields = relatedFields == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(relatedFields));
  }

  /** An error classified by {@link #transientError(int, String)}. */
  public static EConnectError of(int number, String procedure, String description,
      Map<String, String> keyFields, Map<String, String> relatedFields) {
    return new EConnectError(number, procedure, description, keyFields, relatedFields,
        transientError(number, procedure));
  }

  /** Whether {@code number} from {@code procedure} is transient: a record lock or a deadlock. */
  public static boolean transientError(int number, String procedure) {
    return LOCK_ERRORS.contains(number) || number == DEADLOCK;
  }

  /** Whether this is error {@code number} of {@code procedure} (case-insensitive procedure name). */
  public boolean is(int number, String procedure) {
    return this.number == number && this.procedure.equalsIgnoreCase(procedure);
  }

  /** {@code 598 taSopLineIvcInsert: <description>}. */
  @Override
  public String toString() {
    return number + " " + procedure + ": " + description;
  }
}
