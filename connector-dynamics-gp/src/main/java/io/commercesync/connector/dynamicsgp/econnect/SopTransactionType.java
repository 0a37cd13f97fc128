package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code <SOPTransactionType>}: one sales document (quote, order, invoice, return…) with its lines, tracking
 * numbers, tax rows, user-defined fields and header, in the eConnect serializer's order (reference §2:
 * eConnectProcessInfo, taSopLineIvcInsert_Items, taSopTrackingNum_Items, taSopLineIvcTaxInsert_Items,
 * taSopUserDefined, taSopHdrIvcInsert). Lines are processed before the header, which then checks its
 * totals against them.
 *
 * <pre>{@code
 * SopTransactionType order = SopTransactionType.builder()
 *     .processInfo(EConnectProcessInfo.builder().messageId("magento/order/100045871/erp-sales-order").build())
 *     .addLine(line1).addLine(line2)
 *     .addTax(headerLevelTaxRow)
 *     .header(header)
 *     .build();
 * }</pre>
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "SOPTransactionType", propOrder = {
  "processInfo", "lines", "trackingNumbers", "taxes", "userDefined", "header"
})
public final class SopTransactionType implements EConnectTransaction {

  /** The element name. */
  public static final String TYPE = "SOPTransactionType";

  @XmlElement(name = "eConnectProcessInfo")
  private EConnectProcessInfo processInfo;

  @XmlElementWrapper(name = "taSopLineIvcInsert_Items")
  @XmlElement(name = "taSopLineIvcInsert")
  private List<TaSopLineIvcInsert> lines;

  @XmlElementWrapper(name = "taSopTrackingNum_Items")
  @XmlElement(name = "taSopTrackingNum")
  private List<TaSopTrackingNum> trackingNumbers;

  @XmlElementWrapper(name = "taSopLineIvcTaxInsert_Items")
  @XmlElement(name = "taSopLineIvcTaxInsert")
  private List<TaSopLineIvcTaxInsert> taxes;

  @XmlElement(name = "taSopUserDefined")
  private TaSopUserDefined userDefined;

  @XmlElement(name = "taSopHdrIvcInsert")
  private TaSopHdrIvcInsert header;

  private SopTransactionType() {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().processInfo(processInfo).userDefined(userDefined).header(header);
    b.lines.addAll(lines());
    b.trackingNumbers.addAll(trackingNumbers());
    b.taxes.addAll(taxes());
    return b;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public EConnectProcessInfo processInfo() {
    return processInfo;
  }

  /** The {@code taSopLineIvcInsert} lines, in order. */
  public List<TaSopLineIvcInsert> lines() {
    return view(lines);
  }

  /** The {@code taSopTrackingNum} rows. */
  public List<TaSopTrackingNum> trackingNumbers() {
    return view(trackingNumbers);
  }

  /** The {@code taSopLineIvcTaxInsert} rows. */
  public List<TaSopLineIvcTaxInsert> taxes() {
    return view(taxes);
  }

  /** {@code taSopUserDefined}, or null. */
  public TaSopUserDefined userDefined() {
    return userDefined;
  }

  /** {@code taSopHdrIvcInsert}, or null (a document without one is invalid). */
  public TaSopHdrIvcInsert header() {
    return header;
  }

  @Override
  public String documentKey() {
    if (header != null && header.sopnumbe() != null) {
      return header.sopnumbe();
    }
    return lines().isEmpty() ? null : lines().get(0).sopnumbe();
  }

  static <T> List<T> view(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  static <T> List<T> stored(List<T> list) {
    return list.isEmpty() ? null : new ArrayList<>(list);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SopTransactionType that
        && Objects.equals(processInfo, that.processInfo)
        && lines().equals(that.lines())
        && trackingNumbers().equals(that.trackingNumbers())
        && taxes().equals(that.taxes())
        && Objects.equals(userDefined, that.userDefined)
        && Objects.equals(header, that.header);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentKey(), lines().size());
  }

  @Override
  public String toString() {
    return TYPE + "[SOPNUMBE=" + documentKey() + ", lines=" + lines().size() + "]";
  }

  /** Builds a {@link SopTransactionType}. Not thread-safe. */
  public static final class Builder {
    private EConnectProcessInfo processInfo;
    private final List<TaSopLineIvcInsert> lines = new ArrayList<>();
    private final List<TaSopTrackingNum> trackingNumbers = new ArrayList<>();
    private final List<TaSopLineIvcTaxInsert> taxes = new ArrayList<>();
    private TaSopUserDefined userDefined;
    private TaSopHdrIvcInsert header;

    private Builder() {}

    public Builder processInfo(EConnectProcessInfo processInfo) {
      this.processInfo = processInfo;
      return this;
    }

    public Builder addLine(TaSopLineIvcInsert line) {
      lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    public Builder lines(List<TaSopLineIvcInsert> lines) {
      this.lines.clear();
      lines.forEach(this::addLine);
      return this;
    }

    public Builder addTrackingNumber(TaSopTrackingNum tracking) {
      trackingNumbers.add(Objects.requireNonNull(tracking, "tracking"));
      return this;
    }

    public Builder addTax(TaSopLineIvcTaxInsert tax) {
      taxes.add(Objects.requireNonNull(tax, "tax"));
      return this;
    }

    public Builder taxes(List<TaSopLineIvcTaxInsert> taxes) {
      this.taxes.clear();
      taxes.forEach(this::addTax);
      return this;
    }

    public Builder userDefined(TaSopUserDefined userDefined) {
      this.userDefined = userDefined;
      return this;
    }

    public Builder header(TaSopHdrIvcInsert header) {
      this.header = header;
      return this;
    }

    public SopTransactionType build() {
      SopTransactionType t = new SopTransactionType();
      t.processInfo = processInfo;
      t.lines = stored(lines);
      t.trackingNumbers = stored(trackingNumbers);
      t.taxes = stored(taxes);
      t.userDefined = userDefined;
      t.header = header;
      return t;
    }
  }
}
