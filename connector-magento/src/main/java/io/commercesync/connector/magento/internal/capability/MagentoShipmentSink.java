package io.commercesync.connector.magento.internal.capability;

import io.commercesync.connector.magento.MagentoSales;
import io.commercesync.connector.magento.ShipRequest;
import io.commercesync.connector.magento.internal.dto.OrderItemDto;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.ShipmentLine;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.IdempotencyKey;
import io.commercesync.core.pipeline.WriteResult;
import io.commercesync.core.spi.ShipmentSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Shipments ({@code POST /V1/order/{id}/ship}): the order found by its {@code increment_id}, lines by
 * {@code order_item_id} (or sku, the configurable parent for a child sku), one track per tracking number
 * (carrier codes {@code ups}, {@code usps}, {@code fedex}, {@code dhl}, else {@code custom}), the MSI
 * source from the shipment's location (or the default source), and a comment naming the ERP shipment.
 *
 * <p>{@link #lookup} answers "does this order already have a shipment with these tracking numbers?" (or,
 * without tracking numbers, one whose comment names this ERP shipment).
 */
public final class MagentoShipmentSink implements ShipmentSink {

  private static final Set<String> CARRIERS = Set.of("ups", "usps", "fedex", "dhl");

  private final StorefrontSettings s;

  public MagentoShipmentSink(StorefrontSettings settings) {
    this.s = settings;
  }

  @Override
  public SystemId system() {
    return SystemId.MAGENTO;
  }

  /** The text that identifies this shipment in its Magento comment. */
  static String marker(Shipment shipment, IdempotencyKey key) {
    String erp = shipment.refs().stream().filter(r -> !r.system().equals(SystemId.MAGENTO))
        .map(ExternalRef::id).findFirst().orElse(null);
    return erp != null ? "ERP shipment " + erp : "CommerceSync " + key.value();
  }

  @Override
  public WriteResult write(Shipment shipment, IdempotencyKey key) {
    OrderRef order = OrderRef.find(s, shipment.orderNumber(), "shipment", shipment.orderNumber());
    InvalidRecordException.Builder errors = InvalidRecordException.builder(SystemId.MAGENTO, "shipment")
        .recordId(shipment.orderNumber());
    List<ShipRequest.Line> lines = new ArrayList<>();
    for (int i = 0; i < shipment.lines().size(); i++) {
      ShipmentLine line = shipment.lines().get(i);
      Optional<OrderItemDto> item = order.item(line.orderLineId(), line.sku());
      if (item.isEmpty()) {
        errors.violation(FieldViolation.of("lines[" + i + "]." + (line.orderLineId() != null ? "orderLineId" : "sku"),
            FieldViolation.RULE_UNKNOWN_REFERENCE, line.orderLineId() != null ? line.orderLineId() : line.sku(),
            "is not a line of Magento order " + shipment.orderNumber()));
      } else {
        lines.add(new ShipRequest.Line(item.get().itemId(), line.quantity()));
      }
    }
    errors.throwIfAny();
    List<ShipRequest.Track> tracks = new ArrayList<>();
    String carrier = shipment.carrier() == null ? null : shipment.carrier().trim().toLowerCase(Locale.ROOT);
    String code = carrier != null && CARRIERS.contains(carrier) ? carrier : "custom";
    String title = shipment.service() != null ? shipment.service()
        : shipment.carrier() != null ? shipment.carrier() : "Carrier";
    for (String number : shipment.trackingNumbers()) {
      tracks.add(new ShipRequest.Track(number, title, code));
    }
    String source = shipment.location() != null ? shipment.location() : s.defaultSource();
    long id = s.client().sales().ship(s.store(), order.entityId, new ShipRequest(lines, tracks, source,
        marker(shipment, key), false, s.notifyCustomers()));
    return WriteResult.created(String.valueOf(id));
  }

  @Override
  public Optional<WriteResult> lookup(Shipment shipment, IdempotencyKey key) {
    Optional<OrderRef> order = s.client().orders().byIncrementId(s.store(), shipment.orderNumber()).map(OrderRef::of);
    if (order.isEmpty()) {
      return Optional.empty();
    }
    List<MagentoSales.DocumentSummary> shipments = s.client().sales().shipmentTracks(s.store(), order.get().entityId);
    String marker = marker(shipment, key);
    for (MagentoSales.DocumentSummary existing : shipments) {
      boolean byTracks = !shipment.trackingNumbers().isEmpty()
          && existing.trackNumbers().containsAll(shipment.trackingNumbers());
      boolean byComment = existing.comments().stream().anyMatch(c -> c.contains(marker));
      if (byTracks || byComment) {
        return Optional.of(WriteResult.alreadyApplied(String.valueOf(existing.documentId())));
      }
    }
    return Optional.empty();
  }
}
