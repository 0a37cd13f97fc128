package io.commercesync.connector.dynamicssl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.commercesync.core.error.RateLimitedException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.error.TransportException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.JournalEntry;
import io.commercesync.core.model.JournalLine;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.security.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract tests replaying the shared SL samples through WireMock. */
class SlWireMockContractTest {

  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  private SlClient client;

  @BeforeEach
  void start() {
    wm.start();
    client = SlFixtures.client(URI.create(wm.baseUrl())).build();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private static String text(String sample) {
    return new String(SlFixtures.sample(sample), StandardCharsets.UTF_8);
  }

  private static IdempotencyKey key() {
    return IdempotencyKey.of(SystemId.CLARITY, "order", "CS-100045", "sl-sales-order");
  }

  @Test
  void createSalesOrder_sendsTheSampleBody_andReadsTheAssignedOrdNbr() {
    // SlsAcct, SlsSub and TaxCat of the sample lines are SL defaults from the item: the client leaves them to SL
    String expected = text("salesorder-create-request.json")
        .replaceAll(",\\s*\"SlsAcct\": \"4010\",\\s*\"SlsSub\": \"01-000-00\",\\s*\"TaxCat\": \"TAXABLE\"", "");
    wm.stubFor(post(urlPathEqualTo("/api/SalesOrder"))
        .withHeader("X-SL-CpnyID", equalTo("0060"))
        .withHeader("X-API-Key", equalTo("sim-key"))
        .withHeader("X-API-Secret", equalTo("sim-secret"))
        .withHeader("Idempotency-Key", equalTo("clarity/order/CS-100045/sl-sales-order"))
        .withQueryParam("CpnyID", equalTo("0060"))
        .withRequestBody(equalToJson(expected, false, true))
        .withRequestBody(matchingJsonPath("$.SOHeader.OrdNbr", absent()))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(text("salesorder-response.json"))));
    String ordNbr = client.createSalesOrder(SlFixtures.request(SlFixtures.order("CS-100045")), key());
    assertThat(ordNbr).isEqualTo("WO004512");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/SalesOrder"))
        .withRequestBody(matchingJsonPath("$.SOHeader.CuryTotTax", equalTo("7.6"))));
  }

  @Test
  void problemDocument_becomesTypedFieldErrors() {
    wm.stubFor(post(urlPathEqualTo("/api/SalesOrder")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/problem+json").withBody(text("error-400.json"))));
    SlApiException e = catchThrowableOfType(SlApiException.class,
        () -> client.createSalesOrder(SlFixtures.request(SlFixtures.order("CS-100045")), key()));
    assertThat(e.problemType()).isEqualTo("https://sl-api.example.com/problems/validation-error");
    assertThat(e.requestId()).hasValue("req_01HXZ8K6Q2VB7");
    assertThat(e.remoteCode()).hasValue("VALIDATION_FAILED");
    assertThat(e.fieldErrors()).containsExactly(
        new SlFieldError("/SOLine/1/InvtID", "SOLine", "InvtID", "MAX_LENGTH_EXCEEDED", 30, 34,
            "InvtID is 34 characters; SOLine.InvtID is char(30)."),
        new SlFieldError("/SOHeader/ShipViaID", "SOHeader", "ShipViaID", "NOT_FOUND", null, null,
            "ShipViaID 'FEDEX-2DAY' does not exist for CpnyID '0060'."));
    assertThat(e.getMessage()).contains("/SOLine/1/InvtID: MAX_LENGTH_EXCEEDED", "[CS-100045]");
  }

  @Test
  void salesOrderResponse_mapsToACanonicalOrderWhoseTotalsReconcile() {
    wm.stubFor(get(urlPathEqualTo("/api/SalesOrder/WO004512")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(text("salesorder-response.json"))));
    Order order = client.salesOrder(null, "WO004512").orElseThrow();
    assertThat(order.number()).isEqualTo("CS-100045");
    assertThat(order.status()).isEqualTo(OrderStatus.PROCESSING);
    assertThat(order.subtotal()).isEqualTo(Money.of("104.97", "USD"));
    assertThat(order.discount()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(order.tax()).isEqualTo(Money.of("7.60", "USD"));
    assertThat(order.grandTotal()).isEqualTo(Money.of("111.52", "USD"));
    assertThat(order.totalsReconcile()).isTrue();
    assertThat(order.placedAt()).isEqualTo(Instant.parse("2024-05-14T05:00:00Z"));
    assertThat(order.updatedAt()).isEqualTo(Instant.parse("2024-05-14T15:42:00Z"));
    assertThat(client.salesOrder(null, "NOPE")).isEmpty();
  }

  @Test
  void inventorySample_givesOneLevelPerSite_withSlsQtyAvail() {
    wm.stubFor(get(urlPathEqualTo("/api/Inventory")).withQueryParam("InvtID", equalTo("WID-100-BLK"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(text("inventory-by-site.json"))));
    List<InventoryLevel> levels = client.stock("WID-100-BLK", null);
    assertThat(levels).extracting(l -> l.location() + " " + l.onHand() + "/" + l.allocated() + "/" + l.available())
        .containsExactly("AUSTIN 140/12/128", "DALLAS 35/4/31");
    assertThat(levels.get(0).asOf()).isEqualTo(Instant.parse("2024-05-14T14:15:00Z"));
  }

  @Test
  void productSample_mapsToAnItemAndABasePrice() {
    wm.stubFor(get(urlPathEqualTo("/api/Product/WID-100-BLK")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(text("product.json"))));
    Item item = client.product("WID-100-BLK").orElseThrow();
    assertThat(item.name()).isEqualTo("Widget 100, black");
    assertThat(item.status()).isEqualTo(ItemStatus.ACTIVE);
    assertThat(item.weight()).isEqualByComparingTo("1.25");
    assertThat(item.unitOfMeasure()).isEqualTo("EA");
    assertThat(item.taxClass()).isEqualTo("TAXABLE");
    assertThat(item.basePrice()).isEqualTo(Money.of("24.99", "USD"));
    assertThat(item.attributes()).containsEntry("Color", "Black").containsEntry("UPCCode", "012345678905");
    assertThat(client.basePrice("WID-100-BLK").orElseThrow().amount()).isEqualTo(Money.of("24.99", "USD"));
  }

  @Test
  void customerSample_mapsToACustomerWithItsShipTos() {
    wm.stubFor(get(urlPathEqualTo("/api/Customer/C20311")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(text("customer.json"))));
    Customer c = client.customer("C20311").orElseThrow();
    assertThat(c.ref(SystemId.DYNAMICS_SL).orElseThrow().id()).isEqualTo("C20311");
    assertThat(c.firstName()).isEqualTo("Maria");
    assertThat(c.lastName()).isEqualTo("Lopez");
    assertThat(c.email()).isEqualTo("maria.lopez@example.com");
    assertThat(c.group()).isEqualTo("WEB");
    assertThat(c.paymentTerms()).isEqualTo("CC");
    assertThat(c.creditLimit()).isNull();
    assertThat(c.addresses()).hasSize(3);
    assertThat(c.defaultShipping().orElseThrow().key()).isEqualTo("DEFAULT");
    assertThat(c.defaultBilling().orElseThrow().address().lines()).containsExactly("1200 Congress Ave", "Suite 410");
    assertThat(c.addresses().get(2).address().countryCode()).isEqualTo("US");
  }

  @Test
  void journalEntry_isSentAsTheSampleGlBatch() {
    // RefNbr (char(10)) is derived from the entry reference, which travels whole in ExtRefNbr (char(15), the
    // look-up key); the sample's hand-picked STL0514 is replaced by the derived number
    String derived = io.commercesync.connector.dynamicssl.internal.mapping.SlReferences.refNbr("stl_2024_05_14");
    assertThat(derived).hasSize(10);
    String expected = text("gl-transaction-request.json").replace("\"STL0514\"", "\"" + derived + "\"");
    wm.stubFor(post(urlPathEqualTo("/api/GeneralLedger/Transactions"))
        .withRequestBody(equalToJson(expected, false, false))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(expected.replace("\"Module\": \"GL\",", "\"Module\": \"GL\", \"BatNbr\": \"012001\","))));
    JournalEntry entry = JournalEntry.builder().reference("stl_2024_05_14").date(LocalDate.of(2024, 5, 14))
        .description("Web card settlement 2024-05-14").currency(Money.currency("USD"))
        .addLine(JournalLine.debit("1010", Money.of("1082.40", "USD"), "Card settlement deposit"))
        .addLine(JournalLine.debit("6150", Money.of("31.69", "USD"), "Card processing fees"))
        .addLine(JournalLine.credit("1205", Money.of("1114.09", "USD"), "Clear web receipts 2024-05-14"))
        .build();
    String batNbr = client.postJournal(entry, null, key());
    assertThat(batNbr).isEqualTo("012001");
  }

  private static final String AR_CREDIT_MEMO = """
      {"ARDoc": {"CpnyID": "0060", "CustId": "C20311", "DocType": "CM", "RefNbr": "000000091",
                 "DocDate": "2024-05-21", "CuryOrigDocAmt": 14.67, "CuryId": "USD", "PerPost": "202405",
                 "CustOrdNbr": "CS-100045", "DocDesc": "Refund 000000091"},
       "ARTran": [
         {"CpnyID": "0060", "CustId": "C20311", "TranType": "CM", "RefNbr": "000000091", "LineNbr": 1,
          "Acct": "4900", "Sub": "01-000-00", "CuryTranAmt": 5.00, "DrCr": "D", "TranDesc": "Adjustment refund",
          "ExtRefNbr": "000000091", "TranDate": "2024-05-21", "PerPost": "202405", "CuryId": "USD"},
         {"CpnyID": "0060", "CustId": "C20311", "TranType": "CM", "RefNbr": "000000091", "LineNbr": 2,
          "Acct": "4050", "Sub": "01-000-00", "CuryTranAmt": 8.95, "DrCr": "D", "TranDesc": "Shipping refund",
          "ExtRefNbr": "000000091", "TranDate": "2024-05-21", "PerPost": "202405", "CuryId": "USD"},
         {"CpnyID": "0060", "CustId": "C20311", "TranType": "CM", "RefNbr": "000000091", "LineNbr": 3,
          "Acct": "2300", "Sub": "01-000-00", "CuryTranAmt": 0.72, "DrCr": "D", "TranDesc": "Tax refund",
          "ExtRefNbr": "000000091", "TranDate": "2024-05-21", "PerPost": "202405", "CuryId": "USD"}]}
      """;

  private static IdempotencyKey returnKey() {
    return IdempotencyKey.of(SystemId.MAGENTO, "return", "000000091", "erp-return:dynamics-sl");
  }

  @Test
  void arCreditMemo_isSentAsArDocCmWithOneArTranPerComponent_andReadsTheRefNbr() {
    SlClient accounts = SlFixtures.client(URI.create(wm.baseUrl())).creditMemoAccounts(SlFixtures.ACCOUNTS).build();
    // the refunded order is not in SL: OrdNbr is left out
    wm.stubFor(get(urlPathEqualTo("/api/SalesOrder")).withQueryParam("CustOrdNbr", equalTo("CS-100045"))
        .withQueryParam("SOTypeID", equalTo("SO"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
    wm.stubFor(post(urlPathEqualTo("/api/AccountsReceivable/CreditMemo"))
        .withHeader("X-SL-CpnyID", equalTo("0060"))
        .withHeader("Idempotency-Key", equalTo("magento/return/000000091/erp-return:dynamics-sl"))
        .withRequestBody(equalToJson(AR_CREDIT_MEMO, false, false))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            // SL answers with padded CHAR values and the BatNbr it assigned
            .withBody(AR_CREDIT_MEMO.replace("\"RefNbr\": \"000000091\",\n",
                "\"RefNbr\": \"000000091 \", \"BatNbr\": \"003001\",\n"))));
    var request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000091", "8.95", "5.00", "0.72"));
    assertThat(accounts.createArCreditMemo(request, returnKey())).isEqualTo("000000091");
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/AccountsReceivable/CreditMemo"))
        .withRequestBody(matchingJsonPath("$.ARDoc.OrdNbr", absent())));
  }

  @Test
  void arCreditMemo_409Duplicate_isADuplicateDetected_whenSlHoldsThisRefund() {
    SlClient accounts = SlFixtures.client(URI.create(wm.baseUrl())).creditMemoAccounts(SlFixtures.ACCOUNTS).build();
    wm.stubFor(get(urlPathEqualTo("/api/SalesOrder"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[]")));
    wm.stubFor(post(urlPathEqualTo("/api/AccountsReceivable/CreditMemo")).willReturn(aResponse().withStatus(409)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"type\": \"https://sl-api.example.com/"
            + "problems/duplicate\", \"title\": \"Credit memo exists\", \"status\": 409, \"code\": \"DUPLICATE\","
            + " \"detail\": \"Credit memo 000000091 already exists for CustId 'C20311'.\"}")));
    wm.stubFor(get(urlPathEqualTo("/api/AccountsReceivable/CreditMemo")).withQueryParam("CustId", equalTo("C20311"))
        .withQueryParam("DocType", equalTo("CM")).withQueryParam("RefNbr", equalTo("000000091"))
        .withQueryParam("CpnyID", equalTo("0060"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("[{\"ARDoc\": {\"CustId\": \"C20311         \", \"DocType\": \"CM\", \"RefNbr\": \"000000091 \","
                + " \"CustOrdNbr\": \"CS-100045                \", \"OrdNbr\": \" \", \"CuryOrigDocAmt\": 14.67,"
                + " \"CuryDocBal\": 0.0, \"CuryId\": \"USD \"}, \"ARTran\": []}]")));
    var sink = SlConnector.builder().client(accounts).build().require(io.commercesync.core.spi.ReturnSink.class);
    var request = SlFixtures.moneyOnlyRequest(SlFixtures.moneyOnly("000000091", "8.95", "5.00", "0.72"));
    var dup = catchThrowableOfType(io.commercesync.core.error.DuplicateDetectedException.class,
        () -> sink.write(request, returnKey()));
    assertThat(dup.existingId()).hasValue("000000091");
    // read back trimmed: blanks absent, the balance as SL keeps it (applied already)
    assertThat(accounts.findArCreditMemo(null, "C20311", "000000091")).hasValue(new SlArCreditMemo("000000091",
        "C20311", "CS-100045", null, Money.of("14.67", "USD"), Money.of("0.00", "USD"), null));
    assertThat(sink.lookup(request, returnKey())).get().extracting(r -> r.remoteId()).isEqualTo("000000091");
  }

  @Test
  void bearerTokenSource_isAskedAgainOnceAfterA401() {
    AtomicInteger fetched = new AtomicInteger();
    SlClient bearer = SlClient.builder().baseUrl(URI.create(wm.baseUrl())).company("0060")
        .bearerTokenSource(() -> Secret.of("token-" + fetched.incrementAndGet())).build();
    wm.stubFor(get(urlPathEqualTo("/api/Product/WID-100-BLK")).withHeader("Authorization", equalTo("Bearer token-1"))
        .willReturn(aResponse().withStatus(401)));
    wm.stubFor(get(urlPathEqualTo("/api/Product/WID-100-BLK")).withHeader("Authorization", equalTo("Bearer token-2"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(text("product.json"))));
    assertThat(bearer.product("WID-100-BLK")).isPresent();
    assertThat(fetched.get()).isEqualTo(2);
  }

  @Test
  void throttlingUnavailabilityAndGarbage_areTypedAndRetryable() {
    wm.stubFor(get(urlPathEqualTo("/api/Product/A")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    RateLimitedException limited = catchThrowableOfType(RateLimitedException.class, () -> client.product("A"));
    assertThat(limited.retryAfter()).hasValue(Duration.ofSeconds(7));
    wm.stubFor(get(urlPathEqualTo("/api/Product/B")).willReturn(aResponse().withStatus(503)));
    RemoteSystemException down = catchThrowableOfType(RemoteSystemException.class, () -> client.product("B"));
    assertThat(down.retryable()).isTrue();
    wm.stubFor(get(urlPathEqualTo("/api/Product/C")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"Inventory\": {\"InvtID\": ")));
    TransportException garbled = catchThrowableOfType(TransportException.class, () -> client.product("C"));
    assertThat(garbled.retryable()).isTrue();
    assertThat(garbled.getMessage()).contains("GET /api/Product/C");
  }

  @Test
  void amounts_withMoreDecimalsThanTheCurrency_areRefusedNotRounded() {
    Order order = SlFixtures.order("CS-100046");
    Order odd = order.toBuilder().shipping(Money.of("8.955", "USD")).grandTotal(Money.of("111.525", "USD")).build();
    var e = catchThrowableOfType(io.commercesync.core.error.InvalidRecordException.class,
        () -> client.createSalesOrder(SlFixtures.request(odd), key()));
    assertThat(e.violations()).extracting(v -> v.path()).containsExactly("shipping");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void paddedCharValuesAndBlankDates_areTrimmedAndReadAsAbsent() {
    wm.stubFor(get(urlPathEqualTo("/api/Shipper/S001201")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"SOShipHeader\":{\"CpnyID\":\"0060      \","
            + "\"ShipperID\":\"S001201        \",\"CustOrdNbr\":\"CS-100045                \",\"OrdNbr\":\"WO004512       \","
            + "\"ShipViaID\":\" \",\"SiteID\":\"AUSTIN    \",\"TrackingNbr\":\"                         \","
            + "\"ShipDateAct\":\"1900-01-01\"},\"SOShipLine\":[],\"SOShipPack\":[{\"BoxRef\":\"00001\","
            + "\"TrackingNbr\":\"1Z999AA10123456784  \"},{\"BoxRef\":\"00002\",\"TrackingNbr\":\" \"}]}")));
    var shipment = client.shipper(null, "S001201").orElseThrow();
    assertThat(shipment.refs().get(0).id()).isEqualTo("S001201");
    assertThat(shipment.orderNumber()).isEqualTo("CS-100045");
    assertThat(shipment.service()).isNull();
    assertThat(shipment.location()).isEqualTo("AUSTIN");
    assertThat(shipment.shippedAt()).isNull();
    assertThat(shipment.trackingNumbers()).containsExactly("1Z999AA10123456784");
  }
}
