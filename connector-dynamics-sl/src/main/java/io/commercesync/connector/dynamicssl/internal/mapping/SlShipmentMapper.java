package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.internal.dto.ShipperDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipLine;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipPack;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.model.SystemId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mapstruct.Builder;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * SL shipper ({@code SOShipHeader} + {@code SOShipLine} + {@code SOShipPack}, reference §2.7) →
 * {@link Shipment}.
 *
 * <p>Every box's {@code SOShipPack.TrackingNbr} (char(20)) becomes a tracking number, in box order,
 * followed by {@code SOShipHeader.TrackingNbr} (char(25)) when it is set and not one of them. The
 * storefront order number is {@code CustOrdNbr}; the ref is {@code ShipperID}. {@code ShipViaID} is
 * the service; the carrier is left to the fulfilment flow's mapping.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE,
    builder = @Builder(disableBuilder = true), imports = {SlConversions.class})
public interface SlShipmentMapper {

  SlShipmentMapper INSTANCE = Mappers.getMapper(SlShipmentMapper.class);

  @Mapping(target = "refs", expression = "java(refs(header))")
  @Mapping(target = "orderNumber", expression = "java(orderNumber(header))")
  @Mapping(target = "lines", expression = "java(lines(lines))")
  @Mapping(target = "carrier", ignore = true)
  @Mapping(target = "service", expression = "java(SlConversions.blankToNull(header.shipViaID()))")
  @Mapping(target = "trackingNumbers", expression = "java(trackingNumbers(header, packs))")
  @Mapping(target = "shippedAt", expression = "java(SlConversions.startOfDay(header.shipDateAct(), ctx.zone()))")
  @Mapping(target = "location", expression = "java(SlConversions.blankToNull(header.siteID()))")
  Shipment shipment(SoShipHeader header, List<SoShipLine> lines, List<SoShipPack> packs,
      @Context SlMappingContext ctx);

  default Shipment shipment(ShipperDocument doc, SlMappingContext ctx) {
    return shipment(doc.soShipHeader(), doc.soShipLine(), doc.soShipPack(), ctx);
  }

  default List<ExternalRef> refs(SoShipHeader header) {
    return List.of(ExternalRef.of(SystemId.DYNAMICS_SL, header.shipperID()));
  }

  default String orderNumber(SoShipHeader header) {
    String ref = SlConversions.blankToNull(header.custOrdNbr());
    return ref != null ? ref : SlConversions.blankToNull(header.ordNbr());
  }

  default List<ShipmentLine> lines(List<SoShipLine> lines) {
    List<ShipmentLine> out = new ArrayList<>();
    if (lines != null) {
      for (SoShipLine l : lines) {
        if (l.qtyShip() != null && l.qtyShip().signum() > 0) {
          out.add(ShipmentLine.of(l.invtID(), SlConversions.quantity(l.qtyShip()),
              SlConversions.blankToNull(l.ordLineRef())));
        }
      }
    }
    return out;
  }

  /** Every box's tracking number, then the header's when it adds one. */
  default List<String> trackingNumbers(SoShipHeader header, List<SoShipPack> packs) {
    Set<String> out = new LinkedHashSet<>();
    if (packs != null) {
      for (SoShipPack p : packs) {
        String t = SlConversions.blankToNull(p.trackingNbr());
        if (t != null) {
          out.add(t);
        }
      }
    }
    String headerNumber = SlConversions.blankToNull(header.trackingNbr());
    if (headerNumber != null) {
      out.add(headerNumber);
    }
    return new ArrayList<>(out);
  }
}
