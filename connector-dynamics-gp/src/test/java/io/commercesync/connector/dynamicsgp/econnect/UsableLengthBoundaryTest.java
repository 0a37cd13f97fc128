package io.commercesync.connector.dynamicsgp.econnect;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.error.FieldViolation;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every usable (eConnect) length, at its boundary: a value of exactly n characters is accepted and one of
 * n + 1 is rejected with the node, the GP field and the limit named. Fields are taken from each node's own
 * field table, so a new field cannot escape the test.
 */
class UsableLengthBoundaryTest {

  /** (sample, transaction type, node element, node index within its parent list) */
  record Host(String sample, String node, java.util.function.Supplier<Object> blank) {}

  static final List<Host> HOSTS = List.of(
      new Host("sop-order.xml", "taSopHdrIvcInsert", () -> TaSopHdrIvcInsert.builder().build()),
      new Host("sop-order.xml", "taSopLineIvcInsert", () -> TaSopLineIvcInsert.builder().build()),
      new Host("sop-order.xml", "taSopLineIvcTaxInsert", () -> TaSopLineIvcTaxInsert.builder().build()),
      new Host("sop-order.xml", "eConnectProcessInfo", () -> EConnectProcessInfo.builder().build()),
      new Host("sop-tracking.xml", "taSopTrackingNum", () -> TaSopTrackingNum.builder().build()),
      new Host("sop-tracking.xml", "taSopUserDefined", () -> TaSopUserDefined.builder().build()),
      new Host("customer.xml", "taUpdateCreateCustomerRcd", () -> TaUpdateCreateCustomerRcd.builder().build()),
      new Host("customer.xml", "taCreateCustomerAddress", () -> TaCreateCustomerAddress.builder().build()),
      new Host("customer.xml", "taCreateInternetAddresses", () -> TaCreateInternetAddresses.builder().build()),
      new Host("item.xml", "taUpdateCreateItemRcd", () -> TaUpdateCreateItemRcd.builder().build()),
      new Host("cash-receipt.xml", "taRMCashReceiptInsert", () -> TaRmCashReceiptInsert.builder().build()),
      new Host("rm-apply.xml", "taRMApply", () -> TaRmApply.builder().build()),
      new Host("rm-credit-memo.xml", "taRMTransaction", () -> TaRmTransaction.builder().build()),
      new Host("rm-credit-memo.xml", "taRMTransactionTaxInsert", () -> TaRmTransactionTaxInsert.builder().build()),
      new Host("gl-entry.xml", "taGLTransactionLineInsert", () -> TaGlTransactionLineInsert.builder().build()),
      new Host("gl-entry.xml", "taGLTransactionHeaderInsert", () -> TaGlTransactionHeaderInsert.builder().build()));

  record Limit(String element, EConnectField.Kind kind, int max) {}

  static List<Limit> limits(Object node) {
    List<Limit> out = new ArrayList<>();
    EConnectField.Visitor v = (element, kind, max, required, value) -> {
      if (max > 0) {
        out.add(new Limit(element, kind, max));
      }
    };
    try {
      node.getClass().getDeclaredMethod("visit", EConnectField.Visitor.class).invoke(node, v);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static Stream<Arguments> everyLimitedField() {
    return HOSTS.stream().flatMap(h -> limits(h.blank().get()).stream()
        .map(l -> Arguments.of(h.sample(), h.node(), l.element(), l.kind(), l.max())));
  }

  @ParameterizedTest(name = "{1}.{2} <= {4}")
  @MethodSource("everyLimitedField")
  void usableLength_nAccepted_nPlusOneRejectedNamingTheField(
      String sample, String node, String element, EConnectField.Kind kind, int max) {
    assertThat(violationsAt(sample, node, element, value(kind, max))).as("%d characters", max).isEmpty();
    List<FieldViolation> over = violationsAt(sample, node, element, value(kind, max + 1));
    assertThat(over).as("%d characters", max + 1).hasSize(1);
    assertThat(over.get(0).rule()).isEqualTo(FieldViolation.RULE_MAX_LENGTH);
    assertThat(over.get(0).toString()).contains(element).contains("at most " + max + " characters");
  }

  static String value(EConnectField.Kind kind, int length) {
    return (kind == EConnectField.Kind.TEXT ? "x" : "X").repeat(length);
  }

  /** The violations on {@code node[0].element} after setting it to {@code value} in {@code sample}. */
  static List<FieldViolation> violationsAt(String sample, String node, String element, String value) {
    Document dom = Samples.dom(Samples.bytes(sample));
    Element target = (Element) dom.getElementsByTagName(node).item(0);
    if (target == null) {
      throw new IllegalStateException(sample + " has no " + node);
    }
    Element field = null;
    for (org.w3c.dom.Node n = target.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(element)) {
        field = e;
      }
    }
    if (field == null) {
      field = dom.createElement(element);
      target.appendChild(field);
    }
    field.setTextContent(value);
    EConnect doc = EConnectCodec.shared().read(serialise(dom));
    List<FieldViolation> all = new ArrayList<>();
    doc.transactions().forEach(tx -> all.addAll(EConnectValidator.check(tx, ValidationContext.DEFAULT)));
    return all.stream()
        .filter(v -> v.path().equals(node + "." + element) || v.path().equals(node + "[0]." + element))
        .filter(v -> !v.rule().equals(FieldViolation.RULE_CONSISTENCY) && !v.rule().equals(FieldViolation.RULE_RANGE))
        .toList();
  }

  static byte[] serialise(Document dom) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TransformerFactory.newInstance().newTransformer().transform(new DOMSource(dom), new StreamResult(out));
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
