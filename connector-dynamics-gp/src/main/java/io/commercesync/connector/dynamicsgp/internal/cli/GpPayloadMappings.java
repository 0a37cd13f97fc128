package io.commercesync.connector.dynamicsgp.internal.cli;

import io.commercesync.connector.dynamicsgp.EConnectErrorText;
import io.commercesync.connector.dynamicsgp.GpCustomerNumbers;
import io.commercesync.connector.dynamicsgp.GpSettings;
import io.commercesync.connector.dynamicsgp.econnect.EConnect;
import io.commercesync.connector.dynamicsgp.econnect.EConnectCodec;
import io.commercesync.connector.dynamicsgp.econnect.EConnectTransaction;
import io.commercesync.connector.dynamicsgp.internal.mapping.GpDocumentMapper;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.mapping.PayloadMapping;
import io.commercesync.core.mapping.PayloadMappingProvider;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Payment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CashReceipt;
import io.commercesync.core.spi.SalesLine;
import io.commercesync.core.spi.SalesOrderRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The GP mappings behind {@code commercesync map}: canonical order, customer, payment and journal entry → the
 * eConnect XML the connector would send (or one violation per line with GP's field and limit), and an eConnect
 * error text → its structured errors as JSON.
 *
 * <p>Options ({@code --option KEY=VALUE}): {@code customer} (CUSTNMBR; default: the customer's dynamics-gp ref,
 * else a generated number), {@code shipmthd} (SHIPMTHD; default none), {@code checkbook} (default OPERATING),
 * {@code card} (CRCARDID; default from the card type: VI/visa → VISA, MC → MASTERCARD, AE/amex → AMEX),
 * {@code date} (receipt date; default the capture date), {@code jrnentry} (default 1).
 */
public final class GpPayloadMappings implements PayloadMappingProvider {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.DYNAMICS_GP).build();

  @Override
  public List<PayloadMapping> mappings() {
    return List.of(
        new PayloadMapping("canonical", "dynamics-gp", "order",
            "canonical Order -> eConnect SOPTransactionType (SOPTYPE 2) as the connector sends it", this::order),
        new PayloadMapping("canonical", "dynamics-gp", "customer",
            "canonical Customer -> eConnect RMCustomerMasterType", this::customer),
        new PayloadMapping("canonical", "dynamics-gp", "payment",
            "canonical Payment -> eConnect RMCashReceiptsType", this::payment),
        new PayloadMapping("canonical", "dynamics-gp", "journal",
            "canonical JournalEntry -> eConnect GLTransactionType", this::journal),
        new PayloadMapping("dynamics-gp", "canonical", "econnect-error",
            "eConnect error text -> structured errors (number, procedure, description, key fields, retryable)",
            (input, options) -> JSON.writePretty(EConnectErrorText.parse(new String(input, StandardCharsets.UTF_8)))));
  }

  private static GpDocumentMapper mapper() {
    return new GpDocumentMapper(GpSettings.defaults());
  }

  private static String xml(EConnectTransaction transaction) {
    return EConnectCodec.shared().writePretty(EConnect.of(transaction));
  }

  private static String customerId(Customer customer, Map<String, String> options) {
    if (options.containsKey("customer")) {
      return options.get("customer");
    }
    return customer.ref(SystemId.DYNAMICS_GP).map(r -> r.id())
        .orElseGet(() -> GpCustomerNumbers.next(GpSettings.defaults().customerPrefix(), customer, id -> false));
  }

  /**
   * A default {@link SalesOrderRequest} for the CLI: the customer as {@link #customerId}, item = sku, site = the
   * line's location, unit = the line's unit, every line assigned.
   */
  private String order(byte[] input, Map<String, String> options) {
    Order order = CanonicalJson.read(input, Order.class);
    List<SalesLine> lines = order.lines().stream()
        .map(l -> new SalesLine(l.lineNumber(), l.sku(), l.location(), l.unitOfMeasure())).toList();
    SalesOrderRequest request = new SalesOrderRequest(order, customerId(order.customer(), options), lines,
        options.get("shipmthd"), Map.of(), options.get("company"));
    return xml(mapper().salesOrder(request, order.number()));
  }

  private String customer(byte[] input, Map<String, String> options) {
    Customer customer = CanonicalJson.read(input, Customer.class);
    return xml(mapper().customer(customer, customerId(customer, options), null));
  }

  private String payment(byte[] input, Map<String, String> options) {
    Payment payment = CanonicalJson.read(input, Payment.class);
    String customer = options.containsKey("customer") ? options.get("customer")
        : payment.customerRef() != null && payment.customerRef().system().equals(SystemId.DYNAMICS_GP)
            ? payment.customerRef().id() : null;
    if (customer == null) {
      throw InvalidRecordException.of(SystemId.DYNAMICS_GP, "payment", payment.id(), FieldViolation.of("CUSTNMBR",
          FieldViolation.RULE_REQUIRED, null, "is required: give --option customer=<CUSTNMBR> or a dynamics-gp customerRef"));
    }
    LocalDate date = options.containsKey("date") ? LocalDate.parse(options.get("date"))
        : payment.capturedAt() != null ? payment.capturedAt().atOffset(ZoneOffset.UTC).toLocalDate() : LocalDate.now(ZoneOffset.UTC);
    String card = options.containsKey("card") ? options.get("card") : cardId(payment.cardType());
    CashReceipt receipt = new CashReceipt(payment, customer, options.getOrDefault("checkbook", "OPERATING"), card, null,
        date, options.get("company"));
    return xml(mapper().cashReceipt(receipt, null));
  }

  private static String cardId(String cardType) {
    if (cardType == null) {
      return null;
    }
    return switch (cardType.trim().toUpperCase(Locale.ROOT)) {
      case "VI", "VISA" -> "VISA";
      case "MC", "MASTERCARD" -> "MASTERCARD";
      case "AE", "AMEX" -> "AMEX";
      default -> cardType.trim().toUpperCase(Locale.ROOT);
    };
  }

  private String journal(byte[] input, Map<String, String> options) {
    JournalEntry entry = CanonicalJson.read(input, JournalEntry.class);
    int jrnentry = Integer.parseInt(options.getOrDefault("jrnentry", "1"));
    return xml(mapper().journal(entry, jrnentry, null));
  }
}
