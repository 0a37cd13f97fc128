package io.commercesync.connector.dynamicsgp.econnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.error.FieldViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The application's rules as properties: an amount passes exactly when it is above zero, has at most the
 * receipt currency's decimals and is at most the receipt's amount; an invoice number passes exactly when it is
 * 1..21 upper-case characters; a valid application always survives the codec unchanged.
 */
class RmApplyProperties {

  static final ValidationContext CTX = ValidationContext.DEFAULT.withCurrencyDecimals(Map.of("Z-JP¥", 0, "Z-BHD", 3));

  @Provide
  Arbitrary<BigDecimal> amounts() {
    return Arbitraries.bigDecimals().between(new BigDecimal("-1000"), new BigDecimal("100000")).ofScale(5)
        .flatMap(d -> Arbitraries.integers().between(0, 5).map(places ->
            d.setScale(places, java.math.RoundingMode.DOWN)));
  }

  @Provide
  Arbitrary<String> currencies() {
    return Arbitraries.of("Z-US$", "Z-JP¥", "Z-BHD");
  }

  static TaRmCashReceiptInsert receipt(String currency, BigDecimal amount) {
    return ((RmCashReceiptsType) Samples.document("cash-receipt.xml").transactions().get(0)).receipt().toBuilder()
        .curncyid(currency).ortrxamt(amount).build();
  }

  static TaRmApply application(String invoice, BigDecimal amount) {
    return ((RmApplyType) Samples.document("rm-apply.xml").transactions().get(0)).apply().toBuilder()
        .aptodcnm(invoice).apptoamt(amount).build();
  }

  static List<FieldViolation> at(RmApplyType tx, String element) {
    return EConnectValidator.check(tx, CTX).stream().filter(v -> v.path().equals("taRMApply." + element)).toList();
  }

  @Property(tries = 500)
  void amount_passesIffPositive_withinTheCurrencyDecimals_andAtMostTheReceipt(
      @ForAll("amounts") BigDecimal amount, @ForAll("amounts") BigDecimal receiptAmount,
      @ForAll("currencies") String currency) {
    RmApplyType tx = RmApplyType.forReceipt(null, receipt(currency, receiptAmount.abs().max(BigDecimal.ONE)),
        application("INV00031877", amount));
    BigDecimal ceiling = receiptAmount.abs().max(BigDecimal.ONE);
    boolean expected = amount.signum() > 0
        && Math.max(0, amount.stripTrailingZeros().scale()) <= CTX.currencyDecimals(currency)
        && amount.compareTo(ceiling) <= 0;
    assertThat(at(tx, "APPTOAMT").isEmpty()).as("%s of %s %s", amount, ceiling, currency).isEqualTo(expected);
  }

  @Property(tries = 300)
  void invoiceNumber_passesIffOneToTwentyOneUpperCaseCharacters(
      @ForAll @IntRange(min = 0, max = 30) int length, @ForAll boolean lowerCase) {
    String invoice = (lowerCase ? "i" : "I") + "N".repeat(Math.max(0, length - 1));
    invoice = invoice.substring(0, length);
    RmApplyType tx = RmApplyType.of(null, application(invoice, new BigDecimal("75.05")));
    boolean expected = length >= 1 && length <= 21 && !(lowerCase && length >= 1);
    assertThat(at(tx, "APTODCNM").isEmpty()).as("%d characters, lower case %s", length, lowerCase).isEqualTo(expected);
    if (length > 21) {
      assertThat(at(tx, "APTODCNM")).anySatisfy(v -> assertThat(v.rule()).isEqualTo(FieldViolation.RULE_MAX_LENGTH));
    }
  }

  @Property(tries = 200)
  void aValidApplication_roundTripsThroughTheCodec(
      @ForAll @IntRange(min = 1, max = 21) int length, @ForAll("amounts") BigDecimal amount) {
    BigDecimal positive = amount.abs().setScale(2, java.math.RoundingMode.DOWN).add(new BigDecimal("0.01"));
    RmApplyType tx = RmApplyType.of(null, application("9".repeat(length), positive));
    EConnect doc = EConnect.of(tx);
    byte[] xml = EConnectCodec.withContext(CTX).write(doc);
    assertThat(EConnectCodec.shared().read(xml)).isEqualTo(doc);
  }
}
