package io.commercesync.connector.dynamicsgp.webservices;

import com.ctc.wstx.stax.WstxInputFactory;
import io.commercesync.connector.dynamicsgp.internal.dto.ws.WsNames;
import io.commercesync.connector.dynamicsgp.internal.dto.ws.WsTypes;
import io.commercesync.core.codec.SafeXml;
import io.commercesync.core.codec.XmlCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.http.internal.HttpResult;
import io.commercesync.core.http.internal.HttpTransport;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.security.Secret;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Reads customers, items and sales orders through Web Services for Microsoft Dynamics GP, legacy endpoint
 * (BasicHttpBinding, SOAP 1.1, reference §6): {@code GetCustomerByKey}, {@code GetItemByKey},
 * {@code GetSalesOrderByKey}, and {@code GetCustomerList} paged past the 1,000-row cap of one call. Every call
 * carries a {@code Context} whose {@code OrganizationKey} ({@code CompanyKey/Id}) selects the company.
 *
 * <pre>{@code
 * GpWebServicesClient ws = GpWebServicesClient.builder()
 *     .endpoint(URI.create("https://gp-ws.corp:48620/DynamicsGPWebServices/DynamicsGPService.asmx"))
 *     .organizationKey(-1)
 *     .build();
 * Optional<Customer> c = ws.customerByKey("AARONFIT0001");
 * }</pre>
 *
 * <p>Authentication: the legacy endpoint normally uses Windows authentication; this client sends HTTP basic
 * credentials when given ({@link Builder#basicAuth}), e.g. behind a reverse proxy that translates them. NTLM
 * is not implemented.
 */
public final class GpWebServicesClient {

  /** GetList returns at most this many rows per call (reference §6, LRN cc508732). */
  public static final int LIST_CAP = 1000;
  private static final MediaType XML = MediaType.get("text/xml; charset=utf-8");
  private static final XmlCodec CODEC = XmlCodec.of(SystemId.DYNAMICS_GP, new WstxInputFactory(), WsTypes.Envelope.class);

  private final URI endpoint;
  private final int organizationKey;
  private final String culture;
  private final String authorization;
  private final HttpTransport http;

  private GpWebServicesClient(Builder b) {
    this.endpoint = b.endpoint;
    this.organizationKey = b.organizationKey;
    this.culture = b.culture;
    this.authorization = b.user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (b.user + ":" + b.password.reveal()).getBytes(StandardCharsets.UTF_8));
    this.http = new HttpTransport(SystemId.DYNAMICS_GP, HttpTransport.newClient(b.settings).build(), b.settings, b.clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code GetCustomerByKey}. */
  public Optional<Customer> customerByKey(String id) {
    WsTypes.GetCustomerByKeyResponse r = call("GetCustomerByKey", id, w -> key(w, "key", id), WsTypes.GetCustomerByKeyResponse.class);
    if (r == null || r.result == null || r.result.key == null) {
      return Optional.empty();
    }
    WsTypes.Customer c = r.result;
    return Optional.of(Customer.builder().ref(ExternalRef.of(SystemId.DYNAMICS_GP, c.key.id.strip()))
        .company(c.name).group(c.classKey == null ? null : c.classKey.id)
        .onHold(Boolean.TRUE.equals(c.isOnHold)).updatedAt(instant(c.modifiedDate)).build());
  }

  /** {@code GetItemByKey}. */
  public Optional<Item> itemByKey(String id) {
    WsTypes.GetItemByKeyResponse r = call("GetItemByKey", id, w -> key(w, "key", id), WsTypes.GetItemByKeyResponse.class);
    if (r == null || r.result == null || r.result.key == null) {
      return Optional.empty();
    }
    WsTypes.Item i = r.result;
    return Optional.of(Item.builder().ref(ExternalRef.of(SystemId.DYNAMICS_GP, i.key.id.strip())).sku(i.key.id.strip())
        .name(i.description).shortDescription(i.shortDescription)
        .status(Boolean.TRUE.equals(i.isDiscontinued) ? ItemStatus.DISCONTINUED : ItemStatus.ACTIVE)
        .updatedAt(instant(i.modifiedDate)).build());
  }

  /** {@code GetSalesOrderByKey}. */
  public Optional<GpSalesOrderSummary> salesOrderByKey(String sopnumbe) {
    WsTypes.GetSalesOrderByKeyResponse r = call("GetSalesOrderByKey", sopnumbe, w -> key(w, "key", sopnumbe),
        WsTypes.GetSalesOrderByKeyResponse.class);
    if (r == null || r.result == null || r.result.key == null) {
      return Optional.empty();
    }
    WsTypes.SalesOrder o = r.result;
    Money total = o.totalAmount == null || o.totalAmount.value == null ? null
        : Money.of(o.totalAmount.value, java.util.Currency.getInstance(
            o.totalAmount.currency != null && o.totalAmount.currency.matches("[A-Z]{3}") ? o.totalAmount.currency : "USD"));
    return Optional.of(new GpSalesOrderSummary(o.key.id.strip(), o.customerKey == null ? null : o.customerKey.id,
        o.customerPoNumber, o.date == null ? null : LocalDate.parse(o.date.substring(0, 10)), total));
  }

  /**
   * Every customer, through {@code GetCustomerList} pages of up to {@value #LIST_CAP}: each next page asks for
   * {@code Id GreaterThan} the highest key of the previous one, until a page comes back short.
   */
  public List<Customer> customers() {
    List<Customer> out = new ArrayList<>();
    String after = null;
    while (true) {
      String from = after;
      WsTypes.GetCustomerListResponse r = call("GetCustomerList", "page after " + from, w -> {
        w.writeStartElement(WsNames.GP, "criteria");
        if (from != null) {
          w.writeStartElement(WsNames.GP, "Id");
          text(w, "GreaterThan", from);
          w.writeEndElement();
        }
        w.writeEndElement();
      }, WsTypes.GetCustomerListResponse.class);
      List<WsTypes.CustomerSummary> page = r == null ? List.of() : r.result;
      for (WsTypes.CustomerSummary s : page) {
        out.add(Customer.builder().ref(ExternalRef.of(SystemId.DYNAMICS_GP, s.key.id.strip())).company(s.name)
            .group(s.customerClassKey == null ? null : s.customerClassKey.id).onHold(Boolean.TRUE.equals(s.isOnHold))
            .updatedAt(instant(s.modifiedDate)).build());
      }
      if (page.size() < LIST_CAP) {
        return out;
      }
      String max = page.stream().map(s -> s.key.id.strip()).max(Comparator.naturalOrder()).orElseThrow();
      if (max.equals(after)) {
        return out;   // the service ignored the restriction: stop rather than loop
      }
      after = max;
    }
  }

  @FunctionalInterface
  private interface Writer {
    void write(XMLStreamWriter w) throws XMLStreamException;
  }

  private static void key(XMLStreamWriter w, String element, String id) throws XMLStreamException {
    w.writeStartElement(WsNames.GP, element);
    text(w, "Id", id);
    w.writeEndElement();
  }

  private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
    w.writeStartElement(WsNames.GP, element);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  /** The SOAP 1.1 request for {@code operation}: arguments, then the Context. */
  String envelope(String operation, Writer arguments) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter w = SafeXml.outputFactory().createXMLStreamWriter(out);
      w.writeStartDocument("utf-8", "1.0");
      w.setPrefix("soap", WsNames.SOAP);
      w.writeStartElement("soap", "Envelope", WsNames.SOAP);
      w.writeNamespace("soap", WsNames.SOAP);
      w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
      w.writeStartElement(WsNames.SOAP, "Body");
      w.setDefaultNamespace(WsNames.GP);
      w.writeStartElement(WsNames.GP, operation);
      w.writeDefaultNamespace(WsNames.GP);
      arguments.write(w);
      w.writeStartElement(WsNames.GP, "context");
      w.writeStartElement(WsNames.GP, "OrganizationKey");
      w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "type", "CompanyKey");
      text(w, "Id", Integer.toString(organizationKey));
      w.writeEndElement();
      text(w, "CultureName", culture);
      text(w, "CurrencyType", "Transactional");
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the SOAP request for " + operation, e);
    }
  }

  private <T> T call(String operation, String recordKey, Writer arguments, Class<T> type) {
    Request.Builder request = new Request.Builder().url(endpoint.toString())
        .post(RequestBody.create(envelope(operation, arguments).getBytes(StandardCharsets.UTF_8), XML))
        .header("SOAPAction", "\"" + WsNames.GP + "/" + operation + "\"");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    Request built = request.build();
    HttpResult result = http.execute(built, recordKey);
    String op = "SOAP " + operation;
    if (!result.successful() && result.status() != 500) {
      throw HttpTransport.classify(result, http.errorFor(result, op, recordKey));
    }
    WsTypes.Envelope envelope = CODEC.read(result.body(), WsTypes.Envelope.class, operation + " response");
    Object content = envelope.body == null ? null : envelope.body.content;
    if (content instanceof WsTypes.Fault fault) {
      boolean validation = fault.detail != null && fault.detail.message != null && !fault.detail.message.isBlank();
      throw RemoteSystemException.builder(SystemId.DYNAMICS_GP, op).recordKey(recordKey).status(result.status())
          .remoteCode(validation ? "validation" : "system")
          .remoteMessage(fault.faultstring)
          .requestId(validation ? fault.detail.message.strip() : null)
          .retryable(false).build();
    }
    if (!result.successful()) {
      throw HttpTransport.classify(result, http.errorFor(result, op, recordKey));
    }
    return type.isInstance(content) ? type.cast(content) : null;
  }

  private static java.time.Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (RuntimeException e) {
      return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
    }
  }

  @Override
  public String toString() {
    return "GpWebServicesClient[" + endpoint + ", organizationKey=" + organizationKey + "]";
  }

  /** Builds a {@link GpWebServicesClient}. */
  public static final class Builder {
    private URI endpoint;
    private int organizationKey = -1;
    private String culture = "en-US";
    private String user;
    private Secret password;
    private HttpSettings settings = HttpSettings.DEFAULT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The legacy endpoint, e.g. {@code https://host:48620/DynamicsGPWebServices/DynamicsGPService.asmx} [U: default path]. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** The company: {@code Context.OrganizationKey} ({@code CompanyKey/Id}; GP's sample company is -1). */
    public Builder organizationKey(int organizationKey) {
      this.organizationKey = organizationKey;
      return this;
    }

    /** {@code Context.CultureName}; default en-US. */
    public Builder culture(String culture) {
      this.culture = Objects.requireNonNull(culture, "culture");
      return this;
    }

    /** HTTP basic credentials (sent only over HTTPS or to loopback). */
    public Builder basicAuth(String user, Secret password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    public Builder httpSettings(HttpSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public GpWebServicesClient build() {
      if (endpoint == null) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "webServices.endpoint", "is required");
      }
      boolean loopback = String.valueOf(endpoint.getHost()).startsWith("127.") || "localhost".equals(endpoint.getHost());
      if (user != null && !"https".equalsIgnoreCase(endpoint.getScheme()) && !loopback) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "webServices.endpoint",
            "must be https when credentials are sent (was " + endpoint.getScheme() + ")");
      }
      return new GpWebServicesClient(this);
    }
  }
}
