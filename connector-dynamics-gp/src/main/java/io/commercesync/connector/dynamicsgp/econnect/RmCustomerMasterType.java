package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code <RMCustomerMasterType>}: a customer ({@code taUpdateCreateCustomerRcd}, RM00101), its extra
 * addresses ({@code taCreateCustomerAddress_Items}, RM00102) and its e-mail
 * ({@code taCreateInternetAddresses_Items}, SY01200), in that order.
 *
 * <pre>{@code
 * RmCustomerMasterType customer = RmCustomerMasterType.builder()
 *     .customer(TaUpdateCreateCustomerRcd.builder().custnmbr("WEBJSMITH0001").custname("Jane Smith")
 *         .adrscode("PRIMARY").updateIfExists(1).build())
 *     .build();
 * }</pre>
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "RMCustomerMasterType", propOrder = {"processInfo", "customer", "addresses", "internetAddresses"})
public final class RmCustomerMasterType implements EConnectTransaction {

  /** The element name. */
  public static final String TYPE = "RMCustomerMasterType";

  @XmlElement(name = "eConnectProcessInfo")
  private EConnectProcessInfo processInfo;

  @XmlElement(name = "taUpdateCreateCustomerRcd")
  private TaUpdateCreateCustomerRcd customer;

  @XmlElementWrapper(name = "taCreateCustomerAddress_Items")
  @XmlElement(name = "taCreateCustomerAddress")
  private List<TaCreateCustomerAddress> addresses;

  @XmlElementWrapper(name = "taCreateInternetAddresses_Items")
  @XmlElement(name = "taCreateInternetAddresses")
  private List<TaCreateInternetAddresses> internetAddresses;

  private RmCustomerMasterType() {}

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public EConnectProcessInfo processInfo() {
    return processInfo;
  }

  /** {@code taUpdateCreateCustomerRcd}. */
  public TaUpdateCreateCustomerRcd customer() {
    return customer;
  }

  /** {@code taCreateCustomerAddress} rows. */
  public List<TaCreateCustomerAddress> addresses() {
    return SopTransactionType.view(addresses);
  }

  /** {@code taCreateInternetAddresses} rows. */
  public List<TaCreateInternetAddresses> internetAddresses() {
    return SopTransactionType.view(internetAddresses);
  }

  @Override
  public String documentKey() {
    return customer == null ? null : customer.custnmbr();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RmCustomerMasterType that
        && Objects.equals(processInfo, that.processInfo)
        && Objects.equals(customer, that.customer)
        && addresses().equals(that.addresses())
        && internetAddresses().equals(that.internetAddresses());
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentKey());
  }

  @Override
  public String toString() {
    return TYPE + "[CUSTNMBR=" + documentKey() + "]";
  }

  /** Builds a {@link RmCustomerMasterType}. Not thread-safe. */
  public static final class Builder {
    private EConnectProcessInfo processInfo;
    private TaUpdateCreateCustomerRcd customer;
    private final List<TaCreateCustomerAddress> addresses = new ArrayList<>();
    private final List<TaCreateInternetAddresses> internetAddresses = new ArrayList<>();

    private Builder() {}

    public Builder processInfo(EConnectProcessInfo processInfo) {
      this.processInfo = processInfo;
      return this;
    }

    public Builder customer(TaUpdateCreateCustomerRcd customer) {
      this.customer = customer;
      return this;
    }

    public Builder addAddress(TaCreateCustomerAddress address) {
      addresses.add(Objects.requireNonNull(address, "address"));
      return this;
    }

    public Builder addInternetAddresses(TaCreateInternetAddresses inet) {
      internetAddresses.add(Objects.requireNonNull(inet, "inet"));
      return this;
    }

    public RmCustomerMasterType build() {
      RmCustomerMasterType t = new RmCustomerMasterType();
      t.processInfo = processInfo;
      t.customer = customer;
      t.addresses = SopTransactionType.stored(addresses);
      t.internetAddresses = SopTransactionType.stored(internetAddresses);
      return t;
    }
  }
}
