package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.v1.V1Return;
import io.commercesync.connector.clarity.internal.dto.v1.V1ReturnLine;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Builds a canonical {@link Return} from a v1 return. The resource is <strong>CommerceSync's proposal
 * [P+]</strong> ({@code GET /api/v1/returns}, see {@code V1Return}): the reference's §4 has none.
 *
 * <table>
 *   <caption>Return fields</caption>
 *   <tr><th>v1 [P+]</th><th>canonical</th></tr>
 *   <tr><td>{@code returnNumber} (else {@code returnId})</td><td>{@code number}</td></tr>
 *   <tr><td>{@code returnId}</td><td>{@code refs[clarity]}</td></tr>
 *   <tr><td>{@code orderNumber}</td><td>{@code orderNumber}</td></tr>
 *   <tr><td>{@code createdAt / currency / reason}</td><td>{@code createdAt / currency / reason}</td></tr>
 *   <tr><td>{@code lineItems[]} ({@link V1Mapper#returnLine})</td><td>{@code lines}</td></tr>
 *   <tr><td>{@code shippingAmount / adjustmentAmount / taxAmount / totalAmount}</td><td>{@code shipping / adjustment / tax / total}</td></tr>
 * </table>
 */
public final class V1ReturnAssembler {

  private static final String ENTITY = "return";

  private final V1Mapper mapper = V1Mapper.INSTANCE;

  /** The return's key: {@code returnNumber}, else {@code returnId}. */
  public static String key(V1Return r) {
    if (r.returnNumber() != null && !r.returnNumber().isBlank()) {
      return r.returnNumber();
    }
    return r.returnId();
  }

  public Return toReturn(V1Return r) {
    String key = key(r);
    InvalidRecordException.Builder problems = InvalidRecordException.builder(SystemId.CLARITY, ENTITY).recordId(key);
    if (key == null || key.isBlank()) {
      problems.violation(FieldViolation.required("returnNumber"));
    }
    if (r.orderNumber() == null || r.orderNumber().isBlank()) {
      problems.violation(FieldViolation.required("orderNumber"));
    }
    if (r.createdAt() == null) {
      problems.violation(FieldViolation.required("createdAt"));
    }
    if (r.currency() == null) {
      problems.violation(FieldViolation.required("currency"));
    }
    if (r.totalAmount() == null) {
      problems.violation(FieldViolation.required("totalAmount"));
    }
    problems.throwIfAny();
    Currency currency;
    try {
      currency = Money.currency(r.currency());
    } catch (InvalidRecordException e) {
      throw InvalidRecordException.of(SystemId.CLARITY, ENTITY, key, FieldViolation.of("currency",
          FieldViolation.RULE_FORMAT, r.currency(), "must be an ISO 4217 currency code"));
    }
    try {
      List<ReturnLine> lines = new ArrayList<>();
      List<V1ReturnLine> items = r.lineItems() == null ? List.of() : r.lineItems();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) == null) {
          continue;
        }
        try {
          lines.add(mapper.returnLine(items.get(i), lines.size() + 1, currency));
        } catch (InvalidRecordException e) {
          throw e.relabel(SystemId.CLARITY, ENTITY, key, "lineItems[" + i + "]");
        }
      }
      Return.Builder b = Return.builder()
          .number(key)
          .orderNumber(r.orderNumber())
          .createdAt(r.createdAt())
          .currency(currency)
          .lines(lines)
          .shipping(MoneyMapping.money(r.shippingAmount(), currency))
          .adjustment(MoneyMapping.money(r.adjustmentAmount(), currency))
          .tax(MoneyMapping.money(r.taxAmount(), currency))
          .total(Money.of(r.totalAmount(), currency))
          .reason(MoneyMapping.blankToNull(r.reason()));
      if (r.returnId() != null && !r.returnId().isBlank()) {
        b.ref(ExternalRef.of(SystemId.CLARITY, r.returnId()));
      }
      return b.build();
    } catch (InvalidRecordException e) {
      if (SystemId.CANONICAL.equals(e.recordSystem())) {
        throw e.relabel(SystemId.CLARITY, ENTITY, key, null);
      }
      throw e;
    }
  }
}
