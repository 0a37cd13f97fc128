package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * {@code <IVItemMasterType>}: an item ({@code taUpdateCreateItemRcd}, IV00101).
 *
 * <pre>{@code
 * IvItemMasterType item = IvItemMasterType.of(null,
 *     TaUpdateCreateItemRcd.builder().itemnmbr("WDG-1001-BLU").itemdesc("Widget, blue").build());
 * }</pre>
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "IVItemMasterType", propOrder = {"processInfo", "item"})
public final class IvItemMasterType implements EConnectTransaction {

  /** The element name. */
  public static final String TYPE = "IVItemMasterType";

  @XmlElement(name = "eConnectProcessInfo")
  private EConnectProcessInfo processInfo;

  @XmlElement(name = "taUpdateCreateItemRcd")
  private TaUpdateCreateItemRcd item;

  private IvItemMasterType() {}

  /** An item transaction. */
  public static IvItemMasterType of(EConnectProcessInfo processInfo, TaUpdateCreateItemRcd item) {
    IvItemMasterType t = new IvItemMasterType();
    t.processInfo = processInfo;
    t.item = item;
    return t;
  }

  @Override
  public String typeName() {
    return TYPE;
  }

  @Override
  public EConnectProcessInfo processInfo() {
    return processInfo;
  }

  /** {@code taUpdateCreateItemRcd}. */
  public TaUpdateCreateItemRcd item() {
    return item;
  }

  @Override
  public String documentKey() {
    return item == null ? null : item.itemnmbr();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IvItemMasterType that
        && Objects.equals(processInfo, that.processInfo) && Objects.equals(item, that.item);
  }

  @Override
  public int hashCode() {
    return Objects.hash(documentKey());
  }

  @Override
  public String toString() {
    return TYPE + "[ITEMNMBR=" + documentKey() + "]";
  }
}
