package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.InvoiceRequest;
import io.commercesync.connector.magento.MagentoSales;
import io.commercesync.connector.magento.ShipRequest;
import io.commercesync.connector.magento.internal.dto.OrderItemDto;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.InvoiceLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.InvoiceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Invoices ({@code POST /V1/order/{id}/invoice}): the order found by {@link Invoice#orderNumber()}, item
 * lines by {@code order_item_id} or sku (lines without a sku, such as freight, are not items; an invoice
 * with no item line invoices everything), offline unless capture is configured, with the comment
 * {@code Invoiced from ERP document <number>} that {@link #lookup} searches for.
 */
public final class MagentoInvoiceSink implements InvoiceSink {

  private final StorefrontSettings s;

  public MagentoInvoiceSink(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  static String marker(Invoice invoice) {
    return "Invoiced from ERP document " + invoice.number();
  }

  @Override
  public WriteResult write(Invoice invoice, IdempotencyKey key) {
    if (invoice.orderNumber() == null) {
      throw InvalidRecordException.of(SystemId.MAGENTO, "invoice", invoice.number(),
          FieldViolation.of("orderNumber", FieldViolation.RULE_REQUIRED, null,
              "is required to invoice a Magento order"));
    }
    OrderRef order = OrderRef.find(s, invoice.orderNumber(), "invoice", invoice.number());
    if (invoice.lines().stream().allMatch(l -> l.sku() == null && l.orderLineId() == null) && order.fullyInvoiced()) {
      // invoiced in Magento already (captured at checkout): the ERP's invoice has nothing left to invoice here,
      // and asking would be refused ("The order does not allow an invoice to be created")
      String existing = s.client().sales().invoiceComments(s.store(), order.entityId).stream()
          .map(d -> String.valueOf(d.documentId())).findFirst().orElse("order-" + order.entityId);
      return WriteResult.unchanged(existing);
    }
    InvalidRecordException.Builder errors = InvalidRecordException.builder(SystemId.MAGENTO, "invoice")
        .recordId(invoice.number());
    List<ShipRequest.Line> lines = new ArrayList<>();
    for (int i = 0; i < invoice.lines().size(); i++) {
      InvoiceLine line = invoice.lines().get(i);
      if (line.sku() == null && line.orderLineId() == null) {
        continue;
      }
      if (line.quantity() == null || line.quantity().signum() <= 0) {
        errors.violation(FieldViolation.of("lines[" + i + "].quantity", FieldViolation.RULE_RANGE, line.quantity(),
            "must be > 0 for an item line"));
        continue;
      }
      Optional<OrderItemDto> item = order.item(line.orderLineId(), line.sku());
      if (item.isEmpty()) {
        errors.violation(FieldViolation.of("lines[" + i + "].sku", FieldViolation.RULE_UNKNOWN_REFERENCE, line.sku(),
            "is not a line of Magento order " + invoice.orderNumber()));
      } else {
        lines.add(new ShipRequest.Line(item.get().itemId(), line.quantity()));
      }
    }
    errors.throwIfAny();
    long id = s.client().sales().invoice(s.store(), order.entityId,
        new InvoiceRequest(lines, s.captureInvoices(), marker(invoice), false));
    return WriteResult.created(String.valueOf(id));
  }

  @Override
  public Optional<WriteResult> lookup(Invoice invoice, IdempotencyKey key) {
    if (invoice.orderNumber() == null) {
      return Optional.empty();
    }
    Optional<OrderRef> order = s.client().orders().byIncrementId(s.store(), invoice.orderNumber()).map(OrderRef::of);
    if (order.isEmpty()) {
      return Optional.empty();
    }
    String marker = marker(invoice);
    for (MagentoSales.DocumentSummary existing : s.client().sales().invoiceComments(s.store(), order.get().entityId)) {
      if (existing.comments().stream().anyMatch(c -> c.contains(marker))) {
        return Optional.of(WriteResult.alreadyApplied(String.valueOf(existing.documentId())));
      }
    }
    return Optional.empty();
  }
}
