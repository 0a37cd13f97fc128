package io.commercesync.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Goods that left a warehouse for an order, with the carrier and tracking numbers.
 *
 * <p>Maps from: GP {@code SOP30200} (invoice history, {@code CSTPONBR} = storefront order number,
 * {@code SHIPMTHD}, {@code ACTLSHIP}) joined to {@code SOP10107} ({@code Tracking_Number}); SL
 * {@code SOShipHeader} ({@code ShipperID}, {@code CustOrdNbr}, {@code ShipViaID}, {@code TrackingNbr})
 * with {@code SOShipPack} tracking numbers per box. Maps to Magento {@code POST /V1/order/{id}/ship}
 * ({@code items[].order_item_id}, {@code tracks[]}, MSI {@code source_code}) and Clarity shipments.
 *
 * @param refs the shipment's ids per system (GP invoice number, SL {@code ShipperID})
 * @param orderNumber the storefront order number it ships
 * @param lines what was shipped; empty means "everything not yet shipped"
 * @param carrier carrier code ({@code ups}, {@code fedex}), optional
 * @param service service or method ({@code UPS GROUND}), optional
 * @param trackingNumbers tracking numbers, one per package, possibly none
 * @param shippedAt when it shipped, optional
 * @param location the warehouse / MSI source it left from, optional
 */
public record Shipment(
    List<ExternalRef> refs,
    String orderNumber,
    List<ShipmentLine> lines,
    String carrier,
    String service,
    List<String> trackingNumbers,
    Instant shippedAt,
    String location) {

  public Shipment {
    Constraints c = Constraints.of("shipment");
    refs = c.list(refs, "refs");
    lines = c.list(lines, "lines");
    trackingNumbers = c.list(trackingNumbers, "trackingNumbers");
    c.require(orderNumber, "orderNumber");
    for (int i = 0; i < trackingNumbers.size(); i++) {
      c.require(trackingNumbers.get(i), "trackingNumbers[" + i + "]");
    }
    c.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The shipment's id in {@code system}, if known. */
  public Optional<ExternalRef> ref(SystemId system) {
    return refs.stream().filter(r -> r.system().equals(system)).findFirst();
  }

  /** Builds a {@link Shipment}. Not thread-safe. */
  public static final class Builder {
    private List<ExternalRef> refs = new ArrayList<>();
    private String orderNumber;
    private List<ShipmentLine> lines = new ArrayList<>();
    private String carrier;
    private String service;
    private List<String> trackingNumbers = new ArrayList<>();
    private Instant shippedAt;
    private String location;

    private Builder() {}

    private Builder(Shipment s) {
      refs = new ArrayList<>(s.refs);
      orderNumber = s.orderNumber;
      lines = new ArrayList<>(s.lines);
      carrier = s.carrier;
      service = s.service;
      trackingNumbers = new ArrayList<>(s.trackingNumbers);
      shippedAt = s.shippedAt;
      location = s.location;
    }

    public Builder refs(List<ExternalRef> refs) {
      this.refs = refs == null ? new ArrayList<>() : new ArrayList<>(refs);
      return this;
    }

    /** Adds {@code ref}, replacing an existing ref of the same system. */
    public Builder ref(ExternalRef ref) {
      this.refs.removeIf(r -> r.system().equals(ref.system()));
      this.refs.add(ref);
      return this;
    }

    public Builder orderNumber(String orderNumber) {
      this.orderNumber = orderNumber;
      return this;
    }

    public Builder lines(List<ShipmentLine> lines) {
      this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
      return this;
    }

    public Builder addLine(ShipmentLine line) {
      this.lines.add(line);
      return this;
    }

    public Builder carrier(String carrier) {
      this.carrier = carrier;
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder trackingNumbers(List<String> trackingNumbers) {
      this.trackingNumbers = trackingNumbers == null ? new ArrayList<>() : new ArrayList<>(trackingNumbers);
      return this;
    }

    public Builder addTrackingNumber(String trackingNumber) {
      this.trackingNumbers.add(trackingNumber);
      return this;
    }

    public Builder shippedAt(Instant shippedAt) {
      this.shippedAt = shippedAt;
      return this;
    }

    public Builder location(String location) {
      this.location = location;
      return this;
    }

    public Shipment build() {
      return new Shipment(refs, orderNumber, lines, carrier, service, trackingNumbers, shippedAt, location);
    }
  }
}
