package io.commercesync.connector.dynamicsgp.webservices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.SystemId;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Web Services for GP (legacy SOAP 1.1 endpoint) against recorded-shape responses in WireMock. */
class GpWebServicesClientTest {

  static final String PATH = "/DynamicsGPWebServices/DynamicsGPService.asmx";
  static final String NS = "http://schemas.microsoft.com/dynamics/gp/2006/01";

  WireMockServer wm;
  GpWebServicesClient ws;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().dynamicPort());
    wm.start();
    ws = GpWebServicesClient.builder().endpoint(URI.create("http://127.0.0.1:" + wm.port() + PATH)).organizationKey(-1).build();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  static String envelope(String body) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soap:Body>" + body + "</soap:Body></soap:Envelope>";
  }

  @Test
  void customerByKey_sendsTheContextAndMapsTheCustomer() {
    wm.stubFor(post(urlEqualTo(PATH)).withHeader("SOAPAction", equalTo("\"" + NS + "/GetCustomerByKey\""))
        .willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=utf-8").withBody(envelope(
            "<GetCustomerByKeyResponse xmlns=\"" + NS + "\"><GetCustomerByKeyResult><Key><Id>AARONFIT0001   </Id></Key>"
                + "<Name>Aaron Fitz Electrical</Name><ClassKey><Id>USA-ILMO-T1</Id></ClassKey><IsOnHold>false</IsOnHold>"
                + "<SomethingNew>ignored</SomethingNew><ModifiedDate>2024-03-15T16:02:11Z</ModifiedDate>"
                + "</GetCustomerByKeyResult></GetCustomerByKeyResponse>"))));
    Customer c = ws.customerByKey("AARONFIT0001").orElseThrow();
    assertThat(c.ref(SystemId.DYNAMICS_GP).orElseThrow().id()).isEqualTo("AARONFIT0001");
    assertThat(c.company()).isEqualTo("Aaron Fitz Electrical");
    assertThat(c.group()).isEqualTo("USA-ILMO-T1");
    wm.verify(postRequestedFor(urlEqualTo(PATH))
        .withRequestBody(containing("<GetCustomerByKey xmlns=\"" + NS + "\"><key><Id>AARONFIT0001</Id></key>"))
        .withRequestBody(containing("<OrganizationKey xsi:type=\"CompanyKey\"><Id>-1</Id></OrganizationKey>"))
        .withRequestBody(containing("<CultureName>en-US</CultureName>")));
  }

  @Test
  void itemAndSalesOrderByKey() {
    wm.stubFor(post(urlEqualTo(PATH)).withHeader("SOAPAction", containing("GetItemByKey")).willReturn(aResponse().withBody(
        envelope("<GetItemByKeyResponse xmlns=\"" + NS + "\"><GetItemByKeyResult><Key><Id>WDG-1001-BLU</Id></Key>"
            + "<Description>Widget, blue, 10 cm</Description><IsDiscontinued>false</IsDiscontinued>"
            + "</GetItemByKeyResult></GetItemByKeyResponse>"))));
    wm.stubFor(post(urlEqualTo(PATH)).withHeader("SOAPAction", containing("GetSalesOrderByKey")).willReturn(aResponse()
        .withBody(envelope("<GetSalesOrderByKeyResponse xmlns=\"" + NS + "\"><GetSalesOrderByKeyResult><Key><Id>WEB100045871"
            + "</Id></Key><CustomerKey><Id>WEBJSMITH0001</Id></CustomerKey><CustomerPONumber>WEB-100045871</CustomerPONumber>"
            + "<Date>2024-03-14T00:00:00</Date><TotalAmount><Currency>USD</Currency><Value>75.05</Value></TotalAmount>"
            + "</GetSalesOrderByKeyResult></GetSalesOrderByKeyResponse>"))));
    assertThat(ws.itemByKey("WDG-1001-BLU").orElseThrow().name()).isEqualTo("Widget, blue, 10 cm");
    GpSalesOrderSummary order = ws.salesOrderByKey("WEB100045871").orElseThrow();
    assertThat(order.customerPoNumber()).isEqualTo("WEB-100045871");
    assertThat(order.total().amount()).isEqualByComparingTo("75.05");
  }

  @Test
  void customerList_pagesPastThe1000RowCap_byKey() {
    StringBuilder first = new StringBuilder();
    for (int i = 1; i <= 1000; i++) {
      first.append(summary(String.format("C%05d", i)));
    }
    wm.stubFor(post(urlEqualTo(PATH)).withRequestBody(notContaining("<GreaterThan>")).willReturn(aResponse()
        .withBody(envelope(list(first.toString())))));
    wm.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing("<GreaterThan>C01000</GreaterThan>")).willReturn(
        aResponse().withBody(envelope(list(summary("C01001") + summary("C01002") + summary("C01003"))))));
    List<Customer> all = ws.customers();
    assertThat(all).hasSize(1003);
    assertThat(all.get(1002).ref(SystemId.DYNAMICS_GP).orElseThrow().id()).isEqualTo("C01003");
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void validationFault_isPermanent_andCarriesTheLoggedExceptionId() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody(envelope(
        "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Business object not found.</faultstring>"
            + "<detail><Message>5c6d2a1e-2f5b-4a43-8d0e-4b2b7c1e9a10</Message></detail></soap:Fault>"))));
    assertThatThrownBy(() -> ws.customerByKey("NOPE"))
        .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.remoteCode()).contains("validation");
          assertThat(e.requestId()).contains("5c6d2a1e-2f5b-4a43-8d0e-4b2b7c1e9a10");
          assertThat(e.getMessage()).contains("dynamics-gp SOAP GetCustomerByKey [NOPE]");
        });
  }

  static String summary(String id) {
    return "<CustomerSummary><Key><Id>" + id + "</Id></Key><Name>Customer " + id + "</Name><IsActive>true</IsActive>"
        + "<IsOnHold>false</IsOnHold></CustomerSummary>";
  }

  static String list(String summaries) {
    return "<GetCustomerListResponse xmlns=\"" + NS + "\"><GetCustomerListResult>" + summaries
        + "</GetCustomerListResult></GetCustomerListResponse>";
  }
}
