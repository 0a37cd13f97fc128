package io.commercesync.connector.clarity.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.commercesync.connector.clarity.ClarityAuth;
import io.commercesync.connector.clarity.ClarityClient;
import io.commercesync.connector.clarity.ClarityStorefront;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.security.Secret;
import io.commercesync.core.spi.ReturnSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The return reads of both dialects against WireMock: what is asked for, and typed errors for bad money. */
class ReturnWireMockContractTest {

  static final String NATIVE = "/DesktopModules/ClarityEcommerce/API";

  static final String CEF_RETURN = """
      {"ID":5001,"CustomKey":"CS-100045-R1","Active":true,"CreatedDate":"2024-05-20T10:00:00.0000000Z",
       "UpdatedDate":"2024-05-20T10:05:00.0000000Z","StatusID":6,"StatusKey":"Completed","StatusName":"Completed",
       "SalesOrderIDs":[10045],"RefundAmount":%s,
       "Totals":{"SubTotal":24.99,"Shipping":0,"Handling":0,"Fees":0,"Discounts":0,"Tax":2.06,"Total":27.05},
       "SalesItems":[{"ID":500101,"MasterID":5001,"Name":"Widget","Sku":"WID-100","Quantity":1,
         "UnitCorePrice":24.99,"UnitSoldPrice":24.99,"ExtendedPrice":24.99,"ExtendedTaxAmount":2.06,
         "RestockingFeeAmount":0,"SellingCurrencyKey":"USD"}]}""";

  static final String V1_RETURN = """
      {"returnId":"ret_5001","returnNumber":"CS-100045-R1","orderId":"ord_10045","orderNumber":"CS-100045",
       "status":"refunded","reason":"damaged","currency":"USD","createdAt":"2024-05-20T10:00:00Z",
       "updatedAt":"2024-05-20T10:05:00Z",
       "lineItems":[{"lineId":"rli_1","orderLineId":"li_1","sku":"WID-100","quantity":1,"unitPrice":24.99,
         "totalAmount":24.99,"restock":true}],
       "shippingAmount":0,"adjustmentAmount":-2.50,"taxAmount":2.06,"totalAmount":%s}""";

  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  ReturnSource nativeSource() {
    wm.stubFor(post(NATIVE + "/auth/credentials").willReturn(okJson("{\"SessionId\":\"sess-1\",\"UserName\":\"integration\"}")));
    wm.stubFor(get(NATIVE + "/Ordering/SalesOrder/ID/10045").willReturn(okJson("{\"ID\":10045,\"CustomKey\":\"CS-100045\"}")));
    ClarityClient client = ClarityClient.builder().baseUrl(wm.baseUrl()).allowInsecureHttp(true)
        .auth(ClarityAuth.session("integration", Secret.of("P@ssw0rd-cef"))).build();
    return ClarityStorefront.of(client).require(ReturnSource.class);
  }

  ReturnSource v1Source() {
    wm.stubFor(post("/api/v1/oauth/token").willReturn(okJson(
        "{\"access_token\":\"tok_abc123456789\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"orders:read\"}")));
    ClarityClient client = ClarityClient.builder().baseUrl(wm.baseUrl()).allowInsecureHttp(true)
        .auth(ClarityAuth.oauth2("commercesync", Secret.of("cs_secret_value_77"), "orders:read")).build();
    return ClarityStorefront.of(client).require(ReturnSource.class);
  }

  static List<RawRecord> readAll(ReturnSource source, Cursor from) {
    List<RawRecord> out = new ArrayList<>();
    try (RecordStream s = source.read(from)) {
      s.forEachRemaining(out::add);
    }
    return out;
  }

  static String cefPage(String record) {
    return "{\"Results\":[" + record + "],\"CurrentPage\":1,\"TotalPages\":1,\"TotalCount\":1}";
  }

  static String v1Page(String record) {
    return "{\"data\":[" + record + "],\"pagination\":{\"page\":1,\"pageSize\":50,\"totalCount\":1,\"totalPages\":1}}";
  }

  @Test
  void native_readsSalesReturnsByModifiedSince_looksUpTheOrderKey_andDecodes() {
    ReturnSource returns = nativeSource();
    wm.stubFor(get(urlPathEqualTo(NATIVE + "/Returning/SalesReturns")).willReturn(okJson(cefPage(CEF_RETURN.formatted("27.05")))));
    List<RawRecord> read = readAll(returns, Cursor.of("2024-05-20T10:05:00Z|5001"));
    assertThat(read).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo("CS-100045-R1"));
    Return ret = returns.decode(read.get(0));
    assertThat(ret.orderNumber()).isEqualTo("CS-100045");
    assertThat(ret.total().amount()).isEqualByComparingTo("27.05");
    assertThat(ret.tax().amount()).isEqualByComparingTo("2.06");
    assertThat(ret.lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo("WID-100"));
    wm.verify(getRequestedFor(urlPathEqualTo(NATIVE + "/Returning/SalesReturns"))
        .withQueryParam("Paging", equalTo("{StartIndex:1,Size:50}"))
        .withQueryParam("ModifiedSince", equalTo("2024-05-20T10:04:55Z"))
        .withQueryParam("Sorts", equalTo("[{Name:UpdatedDate,Direction:Ascending},{Name:ID,Direction:Ascending}]"))
        .withHeader("X-ss-id", equalTo("sess-1")));
  }

  @Test
  void native_malformedRefundAmount_isATypedErrorNamingClarityTheReturnAndTheField() {
    ReturnSource returns = nativeSource();
    wm.stubFor(get(urlPathEqualTo(NATIVE + "/Returning/SalesReturns"))
        .willReturn(okJson(cefPage(CEF_RETURN.formatted("\"27,05 USD\"")))));
    RawRecord raw = readAll(returns, Cursor.START).get(0);
    assertThatThrownBy(() -> returns.decode(raw)).isInstanceOfSatisfying(InvalidRecordException.class, e -> {
      assertThat(e.recordSystem()).isEqualTo(SystemId.CLARITY);
      assertThat(e.entity()).isEqualTo("return");
      assertThat(e.recordId()).contains("CS-100045-R1");
      assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.path()).isEqualTo("RefundAmount"));
    });
  }

  @Test
  void native_orderNotFound_isAnUnknownReferenceOnSalesOrderIDs() {
    ReturnSource returns = nativeSource();
    wm.stubFor(get(NATIVE + "/Ordering/SalesOrder/ID/10045").willReturn(com.github.tomakehurst.wiremock.client.WireMock
        .aResponse().withStatus(404)));
    wm.stubFor(get(urlPathEqualTo(NATIVE + "/Returning/SalesReturns")).willReturn(okJson(cefPage(CEF_RETURN.formatted("27.05")))));
    RawRecord raw = readAll(returns, Cursor.START).get(0);
    assertThatThrownBy(() -> returns.decode(raw)).isInstanceOfSatisfying(InvalidRecordException.class, e -> {
      assertThat(e.recordId()).contains("CS-100045-R1");
      assertThat(e.violations()).extracting(v -> v.path()).containsExactly("SalesOrderIDs[0]");
    });
  }

  @Test
  void v1_readsReturnsByUpdatedSince_andDecodes() {
    ReturnSource returns = v1Source();
    wm.stubFor(get(urlPathEqualTo("/api/v1/returns")).willReturn(okJson(v1Page(V1_RETURN.formatted("24.55")))));
    List<RawRecord> read = readAll(returns, Cursor.of("2024-05-20T10:05:00Z|ret_5001"));
    Return ret = returns.decode(read.get(0));
    assertThat(ret.number()).isEqualTo("CS-100045-R1");
    assertThat(ret.orderNumber()).isEqualTo("CS-100045");
    assertThat(ret.reason()).isEqualTo("damaged");
    assertThat(ret.adjustment().amount()).isEqualByComparingTo(new BigDecimal("-2.50"));
    assertThat(ret.lines()).singleElement().satisfies(l -> {
      assertThat(l.orderLineId()).isEqualTo("li_1");
      assertThat(l.backToStock()).isTrue();
    });
    wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/returns"))
        .withQueryParam("updatedSince", equalTo("2024-05-20T10:04:55Z"))
        .withQueryParam("page", equalTo("1"))
        .withQueryParam("pageSize", equalTo("50"))
        .withQueryParam("sort", equalTo("updatedAt,id"))
        .withHeader("Authorization", equalTo("Bearer tok_abc123456789")));
  }

  @Test
  void v1_amountAsString_isATypedErrorNamingClarityTheReturnAndTheField() {
    ReturnSource returns = v1Source();
    wm.stubFor(get(urlPathEqualTo("/api/v1/returns")).willReturn(okJson(v1Page(V1_RETURN.formatted("\"24.550\"")))));
    RawRecord raw = readAll(returns, Cursor.START).get(0);
    assertThatThrownBy(() -> returns.decode(raw)).isInstanceOfSatisfying(InvalidRecordException.class, e -> {
      assertThat(e.recordSystem()).isEqualTo(SystemId.CLARITY);
      assertThat(e.entity()).isEqualTo("return");
      assertThat(e.recordId()).contains("CS-100045-R1");
      assertThat(e.violations()).singleElement().satisfies(v -> {
        assertThat(v.path()).isEqualTo("totalAmount");
        assertThat(v.message()).isEqualTo("must be a number");
      });
    });
  }
}
