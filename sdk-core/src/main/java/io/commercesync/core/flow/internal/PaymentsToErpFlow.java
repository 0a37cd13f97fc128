package io.commercesync.core.flow.internal;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.PaymentAccount;
import io.commercesync.core.flow.SyncFlow;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.JournalLine;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.Pipeline;
import io.commercesync.core.pipeline.Sink;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.CustomerStore;
import io.commercesync.core.spi.Erp;
import io.commercesync.core.spi.JournalSink;
import io.commercesync.core.spi.OrderSource;
import io.commercesync.core.spi.PaymentSink;
import io.commercesync.core.spi.Storefront;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PaymentsToErp: every captured payment of a storefront order becomes an ERP cash receipt in the
 * checkbook its payment method maps to (split payments become several receipts), applied to the ERP
 * invoice it names, if any; a processor fee becomes a balanced GL entry (fee expense debited, clearing
 * account credited) when the method's accounts are configured.
 */
public final class PaymentsToErpFlow {

  private PaymentsToErpFlow() {}

  /** One payment and the order it belongs to. */
  public record OrderPayment(Order order, int index, Payment payment) {}

  /** A receipt and, when fees are posted, its GL entry. */
  record ReceiptWithFee(CashReceipt receipt, JournalEntry fee) {}

  public static SyncFlow create(Storefront storefront, Erp erp, FlowOptions options) {
    OrderSource orders = storefront.require(OrderSource.class);
    PaymentSink receipts = erp.require(PaymentSink.class);
    Optional<JournalSink> journal = erp.capability(JournalSink.class);
    CustomerResolver customers = new CustomerResolver(storefront.system(), erp.system(),
        erp.require(CustomerStore.class), options.store().crossReferences(), options.resilience());
    ExpandingSource<Order, OrderPayment> payments = new ExpandingSource<>(orders, "payments", "payment",
        OrderPayment.class, PaymentsToErpFlow::captured);
    String name = "payments-to-erp:" + storefront.system() + ">" + erp.system();
    Pipeline<OrderPayment, ReceiptWithFee> pipeline = Pipeline.<OrderPayment, ReceiptWithFee>named(name)
        .source(FlowSource.of(payments, name))
        .map(p -> toReceipt(p, storefront.system(), customers, options, journal.isPresent()))
        .sink(new ReceiptSink(receipts, journal.orElse(null)))
        .keys((raw, r) -> IdempotencyKey.of(storefront.system(), "payment", raw.key(), "erp-cash-receipt:" + erp.system()))
        .store(options.store()).resilience(options.resilience()).concurrency(options.concurrency())
        .listener(options.listener()).clock(options.clock())
        .build();
    return new PipelineFlow(pipeline);
  }

  static List<ExpandingSource.Derived<OrderPayment>> captured(Order order) {
    List<ExpandingSource.Derived<OrderPayment>> out = new ArrayList<>();
    for (int i = 0; i < order.payments().size(); i++) {
      Payment p = order.payments().get(i);
      if (p.captured() && p.amount().isPositive()) {
        String id = p.id() != null ? p.id() : String.valueOf(i + 1);
        out.add(new ExpandingSource.Derived<>(order.number() + "/" + id, new OrderPayment(order, i, p)));
      }
    }
    return out;
  }

  static ReceiptWithFee toReceipt(OrderPayment p, SystemId storefront, CustomerResolver customers,
      FlowOptions options, boolean canPostFees) {
    Payment payment = p.payment();
    PaymentAccount account = options.mappings().paymentMethods().get(payment.method());
    if (account == null) {
      throw InvalidRecordException.of(storefront, "payment", p.order().number(), FieldViolation.of(
          "payments[" + p.index() + "].method", FieldViolation.RULE_UNKNOWN_REFERENCE, payment.method(),
          "no ERP checkbook is mapped for this payment method (add it to mappings.paymentMethods)"));
    }
    String customerId = customers.erpCustomerId(p.order());
    String company = p.order().storeCode() == null ? null : options.mappings().companies().get(p.order().storeCode());
    java.time.LocalDate date = (payment.capturedAt() != null ? payment.capturedAt() : p.order().placedAt())
        .atZone(ZoneOffset.UTC).toLocalDate();
    Payment withOrder = payment.orderNumber() == null ? payment.toBuilder().orderNumber(p.order().number()).build() : payment;
    CashReceipt receipt = new CashReceipt(withOrder, customerId, account.checkbookId(), account.cardName(),
        payment.invoiceNumber(), date, company);
    JournalEntry fee = null;
    if (canPostFees && account.postsFees() && payment.fee() != null && payment.fee().isPositive()) {
      fee = JournalEntry.builder()
          .reference(("FEE " + p.order().number()).substring(0, Math.min(30, 4 + p.order().number().length())))
          .date(date).description("Processor fee " + payment.method()).currency(payment.fee().currency())
          .addLine(JournalLine.debit(account.feeExpenseAccount(), payment.fee(), "processor fee"))
          .addLine(JournalLine.credit(account.clearingAccount(), payment.fee(), "processor clearing"))
          .build();
    }
    return new ReceiptWithFee(receipt, fee);
  }

  /** Writes the receipt, then its fee entry under its own key; lookup reconciles both. */
  static final class ReceiptSink implements Sink<ReceiptWithFee> {
    private final PaymentSink receipts;
    private final JournalSink journal;

    ReceiptSink(PaymentSink receipts, JournalSink journal) {
      this.receipts = receipts;
      this.journal = journal;
    }

    @Override
    public SystemId system() {
      return receipts.system();
    }

    @Override
    public WriteResult write(ReceiptWithFee record, IdempotencyKey key) {
      WriteResult result = receipts.write(record.receipt(), key);
      postFee(record, key);
      return result;
    }

    @Override
    public Optional<WriteResult> lookup(ReceiptWithFee record, IdempotencyKey key) {
      Optional<WriteResult> found = receipts.lookup(record.receipt(), key);
      found.ifPresent(r -> postFee(record, key));
      return found;
    }

    private void postFee(ReceiptWithFee record, IdempotencyKey key) {
      if (record.fee() == null || journal == null) {
        return;
      }
      IdempotencyKey feeKey = key.step("fee");
      if (journal.lookup(record.fee(), feeKey).isEmpty()) {
        journal.write(record.fee(), feeKey);
      }
    }
  }
}
