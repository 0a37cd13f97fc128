package io.commercesync.connector.clarity;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which Clarity return statuses count as <em>refunded</em>, i.e. a return the ERP must book. Return
 * statuses are data rows in Clarity ({@code SalesReturnStatus}: {@code StatusKey}/{@code StatusName}), so
 * this is configuration, not code.
 *
 * <p>A return whose status is not in the set is <em>skipped and reported, never thrown</em>: the
 * {@code ReturnSource} does not hand it to the pipeline and tells the client's
 * {@link ClarityClient.Builder#onUnmappedStatus unmapped-status listener} (entity {@code return}, the return
 * number, the raw status). A return still pending comes back by itself when it is approved, since its
 * change time moves [I: CEF saves the status change on the entity]. Keys match case-insensitively, ignoring
 * spaces, dashes and underscores ({@code Payment Sent} = {@code payment_sent}).
 *
 * <pre>{@code
 * ClarityClient.builder()...returnStatuses(ClarityReturnStatuses.of("Completed"))   // refunds booked on completion only
 * }</pre>
 */
public final class ClarityReturnStatuses {

  private final Map<String, String> refunded;

  private ClarityReturnStatuses(Map<String, String> refunded) {
    this.refunded = Collections.unmodifiableMap(refunded);
  }

  /**
   * The native defaults: {@code Payment Sent} and {@code Completed}. CEF seeds the return statuses
   * {@code Pending}, {@code Confirmed}, {@code Shipped}, {@code Payment Sent}, {@code Rejected},
   * {@code Completed} and {@code Void} [C, S1: the database seeder's {@code AddSalesReturnStatuses()}];
   * only the two after the money went out are refunds.
   */
  public static ClarityReturnStatuses nativeDefaults() {
    return of("Payment Sent", "Completed");
  }

  /**
   * The v1 defaults: {@code refunded}. The v1 return vocabulary ({@code requested}, {@code approved},
   * {@code received}, {@code refunded}, {@code rejected}, {@code cancelled}) is CommerceSync's proposal [P+].
   */
  public static ClarityReturnStatuses v1Defaults() {
    return of("refunded");
  }

  /** The defaults of {@code dialect}. */
  public static ClarityReturnStatuses defaults(ClarityDialect dialect) {
    return dialect == ClarityDialect.NATIVE ? nativeDefaults() : v1Defaults();
  }

  /** Exactly these statuses count as refunded. */
  public static ClarityReturnStatuses of(String... refundedStatuses) {
    Map<String, String> map = new LinkedHashMap<>();
    if (refundedStatuses == null || refundedStatuses.length == 0) {
      throw ConfigurationException.of(SystemId.CLARITY, "returnStatuses",
          "must name at least one refunded status (else no return would ever reach the ERP)");
    }
    for (String s : refundedStatuses) {
      if (s == null || s.isBlank()) {
        throw ConfigurationException.of(SystemId.CLARITY, "returnStatuses", "a status must not be blank");
      }
      map.put(ClarityStatusMapping.normalise(s), s.trim());
    }
    return new ClarityReturnStatuses(map);
  }

  /** Whether a return in status {@code status} ({@code StatusKey}/{@code StatusName} or v1 {@code status}) is refunded. */
  public boolean isRefunded(String status) {
    return status != null && refunded.containsKey(ClarityStatusMapping.normalise(status));
  }

  /** The refunded statuses as configured. */
  public Set<String> refunded() {
    return Set.copyOf(refunded.values());
  }

  @Override
  public String toString() {
    return "ClarityReturnStatuses[refunded=" + refunded.values() + "]";
  }
}
