package io.commercesync.connector.magento.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.magento.Samples;
import io.commercesync.connector.magento.internal.dto.SalesDocumentDto;
import io.commercesync.core.codec.CanonicalJson;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.ReturnLine;
import io.commercesync.core.model.SystemId;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Credit memos → {@link Return}: Adobe Commerce store credit and gift card refunds, money-only refunds. */
class CreditMemoMapperTest {

  static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();
  static final ObjectMapper TREE = new ObjectMapper();
  static final Currency USD = Currency.getInstance("USD");

  private final CreditMemoMapper mapper = new CreditMemoMapper();

  Return map(ObjectNode memo, String orderNumber) {
    return mapper.toReturn(JSON.read(memo.toString(), SalesDocumentDto.class, "creditmemo"), orderNumber, USD);
  }

  static ObjectNode sample(String name) throws Exception {
    return (ObjectNode) TREE.readTree(Samples.bytes(name));
  }

  /** lines + shipping + adjustment + tax: what the ERPs' return total checks add up. */
  static Money computed(Return r) {
    return Money.sum(r.currency(), r.lines().stream().map(ReturnLine::total).toList()).plus(r.shipping())
        .plus(r.adjustment()).plus(r.tax());
  }

  @Test
  void refundToStoreCreditAndGiftCards_countsInTheTotal_soTheTotalsAddUp() throws Exception {
    Return r = map(sample("creditmemo-adobe-tenders.json"), "000001044");

    assertThat(r.number()).isEqualTo("000000212");
    assertThat(r.orderNumber()).isEqualTo("000001044");
    assertThat(r.lines()).extracting(ReturnLine::sku).containsExactly("CS-TEE-HBR-M-BLU", "CS-SOCK-WOOL-L");
    assertThat(r.shipping()).isEqualTo(Money.of("10", "USD"));
    assertThat(r.tax()).isEqualTo(Money.of("2.93", "USD"));
    assertThat(r.total()).as("22.23 to the card + 12.50 store credit + 25.00 gift cards")
        .isEqualTo(Money.of("59.73", "USD"));
    assertThat(computed(r)).isEqualTo(r.total());
  }

  @Test
  void openSourceCreditMemo_totalIsGrandTotal() throws Exception {
    ObjectNode memo = sample("creditmemo-adobe-tenders.json");
    memo.remove("extension_attributes");
    assertThat(map(memo, "000001044").total()).isEqualTo(Money.of("22.23", "USD"));
  }

  @Test
  void moneyOnlyCreditMemo_zeroQuantityRows_isAReturnWithoutLines() throws Exception {
    Return r = map(sample("creditmemo-adjustment-only.json"), "000001043");
    assertThat(r.lines()).isEmpty();
    assertThat(r.adjustment()).isEqualTo(Money.of("5", "USD"));
    assertThat(r.shipping()).isEqualTo(Money.of("10", "USD"));
    assertThat(r.total()).isEqualTo(Money.of("15", "USD"));
    assertThat(computed(r)).isEqualTo(r.total());
    assertThat(CanonicalJson.writePretty(r)).as("as the mapper read it before tenders existed")
        .isEqualTo(Samples.text("canonical/creditmemo-adjustment-only.canonical.json"));
  }

  @Test
  void moneyOnlyCreditMemo_noItemsAtAll_isAReturnWithoutLines() throws Exception {
    ObjectNode memo = sample("creditmemo-adjustment-only.json");
    memo.putArray("items");
    Return r = map(memo, "000001043");
    assertThat(r.lines()).isEmpty();
    assertThat(r.total()).isEqualTo(Money.of("15", "USD"));
    memo.remove("items");
    assertThat(map(memo, "000001043").lines()).isEmpty();
  }

  @Test
  void negativeStoreCreditRefund_isAnInvalidCreditMemo() throws Exception {
    ObjectNode memo = sample("creditmemo-adobe-tenders.json");
    ((ObjectNode) memo.get("extension_attributes")).put("customer_balance_amount", -12.5);
    InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> map(memo, "000001044"));
    assertThat(e.recordSystem()).isEqualTo(SystemId.MAGENTO);
    assertThat(e.entity()).isEqualTo("creditmemo");
    assertThat(e.recordId()).contains("000000212");
    assertThat(e.violations()).extracting(v -> v.path())
        .containsExactly("extension_attributes.customer_balance_amount");
  }
}
