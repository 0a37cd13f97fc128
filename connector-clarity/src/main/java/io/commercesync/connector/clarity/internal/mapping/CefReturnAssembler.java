package io.commercesync.connector.clarity.internal.mapping;

import io.commercesync.connector.clarity.internal.dto.cef.CefSalesReturn;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesReturnItem;
import io.commercesync.connector.clarity.internal.dto.cef.CefSalesReturnSalesOrder;
import io.commercesync.connector.clarity.internal.dto.cef.CefTotals;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Builds a canonical {@link Return} from a native {@code SalesReturnModel}
 * (S1 {@code 02.Interfaces/02.Clarity.Ecommerce.Interfaces.Models/Returning/ISalesReturnModel.extended.cs}).
 *
 * <table>
 *   <caption>Return fields</caption>
 *   <tr><th>CEF</th><th>canonical</th></tr>
 *   <tr><td>{@code CustomKey} (else {@code ID})</td><td>{@code number}</td></tr>
 *   <tr><td>{@code ID}</td><td>{@code refs[clarity]}</td></tr>
 *   <tr><td>{@code SalesOrderIDs[0]} (else {@code AssociatedSalesOrders[0].SlaveID} [I]) → that order's {@code CustomKey} (else {@code ID}), looked up while reading</td><td>{@code orderNumber}</td></tr>
 *   <tr><td>{@code CreatedDate}</td><td>{@code createdAt}</td></tr>
 *   <tr><td>{@code SalesItems[].SellingCurrencyKey} (else {@code OriginalCurrencyKey}, else the configured currency)</td><td>{@code currency}</td></tr>
 *   <tr><td>{@code SalesItems[]} ({@link CefMapper#returnLine})</td><td>{@code lines}</td></tr>
 *   <tr><td>{@code Totals.Shipping / Totals.Tax}</td><td>{@code shipping / tax}</td></tr>
 *   <tr><td>− Σ {@code SalesItems[].RestockingFeeAmount} [I]</td><td>{@code adjustment} (a fee kept)</td></tr>
 *   <tr><td>{@code RefundAmount} (else {@code Totals.Total}) [I]</td><td>{@code total}</td></tr>
 * </table>
 *
 * <p>CEF has no return-level reason field on the model (reasons are {@code SalesReturnReason} rows behind
 * the items, not mapped out [C, S1 {@code …/DataModel.Shared/Models/Returning/SalesReturnItem.cs}]), so
 * {@code reason} stays empty. The status is not mapped here: which statuses are refunds is the source's
 * filter ({@code ClarityReturnStatuses}).
 */
public final class CefReturnAssembler {

  private static final String ENTITY = "return";

  private final MappingSettings settings;
  private final CefMapper mapper = CefMapper.INSTANCE;

  public CefReturnAssembler(MappingSettings settings) {
    this.settings = settings;
  }

  /** The return's key: {@code CustomKey}, else its {@code ID}. */
  public static String key(CefSalesReturn r) {
    return CefKeys.key(r.customKey(), r.id());
  }

  /** The native ID of the order the return refunds: {@code SalesOrderIDs[0]}, else the first association's {@code SlaveID}. */
  public static Integer orderId(CefSalesReturn r) {
    if (r.salesOrderIDs() != null) {
      for (Integer id : r.salesOrderIDs()) {
        if (id != null) {
          return id;
        }
      }
    }
    if (r.associatedSalesOrders() != null) {
      for (CefSalesReturnSalesOrder a : r.associatedSalesOrders()) {
        if (a != null && a.slaveID() != null) {
          return a.slaveID();
        }
      }
    }
    return null;
  }

  /**
   * @param r the return as read
   * @param orderNumber the refunded order's number, looked up while reading; null when it was not found
   */
  public Return toReturn(CefSalesReturn r, String orderNumber) {
    String key = key(r);
    InvalidRecordException.Builder problems = InvalidRecordException.builder(SystemId.CLARITY, ENTITY).recordId(key);
    if (key == null) {
      problems.violation(FieldViolation.required("CustomKey"));
      problems.throwIfAny();
    }
    if (orderNumber == null || orderNumber.isBlank()) {
      Integer orderId = orderId(r);
      problems.violation(orderId == null ? FieldViolation.required("SalesOrderIDs")
          : FieldViolation.of("SalesOrderIDs[0]", FieldViolation.RULE_UNKNOWN_REFERENCE, orderId,
              "is not a sales order in Clarity"));
    }
    if (r.createdDate() == null || r.createdDate().isBlank()) {
      problems.violation(FieldViolation.required("CreatedDate"));
    }
    CefTotals t = r.totals();
    BigDecimal total = r.refundAmount() != null ? r.refundAmount() : t == null ? null : t.total();
    if (total == null) {
      problems.violation(FieldViolation.required("RefundAmount"));
    }
    Currency currency = currency(r, problems);
    problems.throwIfAny();
    try {
      List<ReturnLine> lines = new ArrayList<>();
      List<CefSalesReturnItem> items = r.salesItems() == null ? List.of() : r.salesItems();
      BigDecimal fees = null;
      for (int i = 0; i < items.size(); i++) {
        CefSalesReturnItem item = items.get(i);
        if (item == null) {
          continue;
        }
        try {
          lines.add(mapper.returnLine(item, lines.size() + 1, currency));
        } catch (InvalidRecordException e) {
          throw e.relabel(SystemId.CLARITY, ENTITY, key, "SalesItems[" + i + "]");
        }
        if (item.restockingFeeAmount() != null) {
          fees = (fees == null ? BigDecimal.ZERO : fees).add(item.restockingFeeAmount().abs());
        }
      }
      Return.Builder b = Return.builder()
          .number(key)
          .orderNumber(orderNumber)
          .createdAt(CefDates.instant(r.createdDate(), ENTITY, key, "CreatedDate"))
          .currency(currency)
          .lines(lines)
          .shipping(t == null ? null : MoneyMapping.money(t.shipping(), currency))
          .tax(t == null ? null : MoneyMapping.money(t.tax(), currency))
          .adjustment(fees == null ? null : Money.of(fees.negate(), currency))
          .total(Money.of(total, currency));
      if (r.id() != null) {
        b.ref(ExternalRef.of(SystemId.CLARITY, String.valueOf(r.id())));
      }
      return b.build();
    } catch (InvalidRecordException e) {
      if (SystemId.CANONICAL.equals(e.recordSystem())) {
        throw e.relabel(SystemId.CLARITY, ENTITY, key, null);
      }
      throw e;
    }
  }

  private Currency currency(CefSalesReturn r, InvalidRecordException.Builder problems) {
    List<CefSalesReturnItem> items = r.salesItems() == null ? List.of() : r.salesItems();
    for (int i = 0; i < items.size(); i++) {
      CefSalesReturnItem item = items.get(i);
      if (item == null) {
        continue;
      }
      String code = item.sellingCurrencyKey() != null ? item.sellingCurrencyKey() : item.originalCurrencyKey();
      if (code != null && !code.isBlank()) {
        try {
          return Money.currency(code);
        } catch (InvalidRecordException e) {
          problems.violation(FieldViolation.of("SalesItems[" + i + "].SellingCurrencyKey",
              FieldViolation.RULE_FORMAT, code, "must be an ISO 4217 currency code"));
          return null;
        }
      }
    }
    return settings.defaultCurrency();
  }
}
