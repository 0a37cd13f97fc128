package io.commercesync.connector.magento.internal.mapping;

import io.commercesync.connector.magento.internal.dto.SalesDocumentDto;
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
 * Magento credit memo ({@code GET /V1/creditmemo/{id}}) → canonical {@link Return}: {@code increment_id}
 * → number, the order's {@code increment_id} (a credit memo only carries {@code order_id}, so the caller
 * looks it up) → order number, {@code created_at}, {@code order_currency_code}, {@code items[]} with a
 * quantity (zero-priced configurable child rows and zero-quantity rows dropped) → lines, each line's total
 * the refunded {@code row_total − discount_amount},
 * {@code shipping_amount}, {@code adjustment_positive − adjustment_negative} → adjustment,
 * {@code tax_amount}, {@code grand_total} → total, {@code customer_note} → reason.
 *
 * <p>A money-only credit memo (no items, or only zero-quantity rows; {@code adjustment_positive} and
 * perhaps {@code shipping_amount}) becomes a {@link Return} without lines.
 *
 * <p>Adobe Commerce: what a credit memo gives back to store credit
 * ({@code extension_attributes.customer_balance_amount}) and to gift card accounts
 * ({@code extension_attributes.gift_cards_amount}) is deducted from its {@code grand_total} [C: the
 * {@code collect()} of {@code Magento\CustomerBalance\Model\Total\Creditmemo\Customerbalance} and
 * {@code Magento\GiftCardAccount\Model\Total\Creditmemo\Giftcardaccount} set the grand total to
 * {@code grand_total − amount}, Adobe Commerce sources in the public code index; fields from the 2.2.10
 * OpenAPI {@code SalesDataCreditmemoExtensionInterface}]. The canonical total is what is refunded in all,
 * {@code grand_total + customer_balance_amount + gift_cards_amount}, so that lines + shipping + adjustment +
 * tax = total holds as on Magento Open Source (where both are absent and the total is {@code grand_total}).
 * Reward points a credit memo returns are deducted too (Magento_Reward's credit memo collector), but the
 * REST schema exposes no amount for them: such a credit memo's total stays short, and the ERPs' total
 * check refuses it with a clear error (a known gap).
 */
public final class CreditMemoMapper {

  public Return toReturn(SalesDocumentDto memo, String orderNumber, Currency fallbackCurrency) {
    String number = memo.incrementId();
    try {
      Currency currency = memo.orderCurrencyCode() != null ? Money.currency(memo.orderCurrencyCode())
          : fallbackCurrency;
      List<ReturnLine> lines = new ArrayList<>();
      int n = 1;
      if (memo.items() != null) {
        for (SalesDocumentDto.Item item : memo.items()) {
          if (item == null || item.qty() == null || item.qty().signum() <= 0 || item.sku() == null) {
            continue;
          }
          BigDecimal row = item.rowTotal() != null ? item.rowTotal()
              : (item.price() == null ? BigDecimal.ZERO : item.price().multiply(item.qty()));
          // what is refunded for the line: its row less its share of the order's discount (Magento keeps
          // the discount per item, positive), so lines + shipping + adjustment + tax make grand_total
          BigDecimal refunded = item.discountAmount() == null ? row : row.subtract(item.discountAmount().abs());
          if (item.price() != null && item.price().signum() == 0 && row.signum() == 0) {
            continue;
          }
          lines.add(new ReturnLine(n++, item.sku(), MagentoValues.clean(item.qty()),
              MagentoValues.money(item.price(), currency), MagentoValues.money(refunded, currency),
              MagentoValues.id(item.orderItemId()), false));
        }
      }
      BigDecimal adjustment = (memo.adjustmentPositive() == null ? BigDecimal.ZERO : memo.adjustmentPositive())
          .subtract(memo.adjustmentNegative() == null ? BigDecimal.ZERO : memo.adjustmentNegative());
      Return.Builder ret = Return.builder()
          .number(number)
          .orderNumber(orderNumber)
          .createdAt(MagentoValues.instant(memo.createdAt(), "creditmemo", number, "created_at"))
          .currency(currency)
          .lines(lines)
          .shipping(MagentoValues.money(memo.shippingAmount(), currency))
          .adjustment(MagentoValues.money(adjustment, currency))
          .tax(MagentoValues.money(memo.taxAmount(), currency))
          .total(memo.grandTotal() == null ? null : MagentoValues.money(refunded(memo), currency))
          .reason(memo.customerNote());
      if (memo.entityId() != null) {
        ret.ref(ExternalRef.of(SystemId.MAGENTO, String.valueOf(memo.entityId())));
      }
      return ret.build();
    } catch (InvalidRecordException e) {
      if (e.recordSystem().equals(SystemId.MAGENTO)) {
        throw e;
      }
      throw e.relabel(SystemId.MAGENTO, "creditmemo", number, null);
    } catch (NullPointerException e) {
      throw InvalidRecordException.of(SystemId.MAGENTO, "creditmemo", number,
          FieldViolation.of("(document)", FieldViolation.RULE_REQUIRED, null, "misses a required field"));
    }
  }

  /** {@code grand_total} plus what went back to store credit and gift cards (Adobe Commerce). */
  private static BigDecimal refunded(SalesDocumentDto memo) {
    BigDecimal total = memo.grandTotal();
    SalesDocumentDto.Extension ext = memo.extensionAttributes();
    if (ext == null) {
      return total;
    }
    String number = memo.incrementId();
    if (ext.customerBalanceAmount() != null) {
      total = total.add(nonNegative(ext.customerBalanceAmount(), number,
          "extension_attributes.customer_balance_amount"));
    }
    if (ext.giftCardsAmount() != null) {
      total = total.add(nonNegative(ext.giftCardsAmount(), number, "extension_attributes.gift_cards_amount"));
    }
    return total;
  }

  private static BigDecimal nonNegative(BigDecimal value, String number, String field) {
    if (value.signum() < 0) {
      throw InvalidRecordException.of(SystemId.MAGENTO, "creditmemo", number, FieldViolation.of(field,
          FieldViolation.RULE_RANGE, value.toPlainString(), "must be an amount ≥ 0 (what the credit memo refunded)"));
    }
    return value;
  }
}
