package io.commercesync.connector.dynamicsgp.internal.dto.ws;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Response bindings (only the elements CommerceSync reads; unknown elements are skipped). Element names from
 * the GP web service schema (CustomerSummary, CustomerCriteria, BetweenRestrictionOfString) and the Web
 * Services reference; the sales-order and item fields are marked [U] in docs/dynamics-gp.md.
 */
public final class WsTypes {

  private WsTypes() {}

  /** {@code <soap:Envelope>}. */
  @XmlRootElement(name = "Envelope", namespace = WsNames.SOAP)
  @XmlAccessorType(XmlAccessType.FIELD)
  public static final class Envelope {
    @XmlElement(name = "Body", namespace = WsNames.SOAP)
    public Body body;
  }

  /** {@code <soap:Body>}: one response or a fault. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Body", namespace = WsNames.SOAP)
  public static final class Body {
    @XmlElements({
      @XmlElement(name = "GetCustomerByKeyResponse", namespace = WsNames.GP, type = GetCustomerByKeyResponse.class),
      @XmlElement(name = "GetCustomerListResponse", namespace = WsNames.GP, type = GetCustomerListResponse.class),
      @XmlElement(name = "GetItemByKeyResponse", namespace = WsNames.GP, type = GetItemByKeyResponse.class),
      @XmlElement(name = "GetSalesOrderByKeyResponse", namespace = WsNames.GP, type = GetSalesOrderByKeyResponse.class),
      @XmlElement(name = "Fault", namespace = WsNames.SOAP, type = Fault.class)
    })
    public Object content;
  }

  /** SOAP 1.1 fault; {@code detail/Message} holds the logged validation exception's GUID when there is one. */
  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Fault", namespace = WsNames.SOAP)
  public static final class Fault {
    @XmlElement(name = "faultcode", namespace = "")
    public String faultcode;
    @XmlElement(name = "faultstring", namespace = "")
    public String faultstring;
    @XmlElement(name = "detail", namespace = "")
    public Detail detail;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "FaultDetail", namespace = "")
  public static final class Detail {
    @XmlElement(name = "Message", namespace = "")
    public String message;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Key")
  public static final class Key {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "Id")
    public String id;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "MoneyAmount")
  public static final class MoneyAmount {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "Currency")
    public String currency;
    @XmlElement(name = "Value")
    public BigDecimal value;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Customer")
  public static final class Customer {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "Key")
    public Key key;
    @XmlElement(name = "Name")
    public String name;
    @XmlElement(name = "ShortName")
    public String shortName;
    @XmlElement(name = "ClassKey")
    public Key classKey;
    @XmlElement(name = "IsOnHold")
    public Boolean isOnHold;
    @XmlElement(name = "IsActive")
    public Boolean isActive;
    @XmlElement(name = "ModifiedDate")
    public String modifiedDate;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "CustomerSummary")
  public static final class CustomerSummary {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "Key")
    public Key key;
    @XmlElement(name = "Name")
    public String name;
    @XmlElement(name = "IsActive")
    public Boolean isActive;
    @XmlElement(name = "IsOnHold")
    public Boolean isOnHold;
    @XmlElement(name = "CustomerClassKey")
    public Key customerClassKey;
    @XmlElement(name = "ModifiedDate")
    public String modifiedDate;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "Item")
  public static final class Item {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "Key")
    public Key key;
    @XmlElement(name = "Description")
    public String description;
    @XmlElement(name = "ShortDescription")
    public String shortDescription;
    @XmlElement(name = "IsDiscontinued")
    public Boolean isDiscontinued;
    @XmlElement(name = "ModifiedDate")
    public String modifiedDate;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "SalesOrder")
  public static final class SalesOrder {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "Key")
    public Key key;
    @XmlElement(name = "CustomerKey")
    public Key customerKey;
    @XmlElement(name = "CustomerPONumber")
    public String customerPoNumber;
    @XmlElement(name = "Date")
    public String date;
    @XmlElement(name = "TotalAmount")
    public MoneyAmount totalAmount;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "GetCustomerByKeyResponse")
  public static final class GetCustomerByKeyResponse {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "GetCustomerByKeyResult")
    public Customer result;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "GetItemByKeyResponse")
  public static final class GetItemByKeyResponse {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "GetItemByKeyResult")
    public Item result;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "GetSalesOrderByKeyResponse")
  public static final class GetSalesOrderByKeyResponse {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElement(name = "GetSalesOrderByKeyResult")
    public SalesOrder result;
  }

  @XmlAccessorType(XmlAccessType.FIELD)
  @XmlType(name = "GetCustomerListResponse")
  public static final class GetCustomerListResponse {
    /** Elements CommerceSync does not read (the service returns many). */
    @XmlAnyElement
    public List<Object> other;

    @XmlElementWrapper(name = "GetCustomerListResult")
    @XmlElement(name = "CustomerSummary")
    public List<CustomerSummary> result = new ArrayList<>();
  }
}
