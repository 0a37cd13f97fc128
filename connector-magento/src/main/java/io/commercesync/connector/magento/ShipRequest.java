package io.commercesync.connector.magento;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What to ship with {@code POST /V1/order/{orderId}/ship}: lines by {@code order_item_id} (empty = every
 * line not yet shipped; for a configurable or a bundle shipped together, the parent line), tracks, the MSI
 * {@code source_code}, a comment.
 *
 * <pre>{@code
 * ShipRequest ship = new ShipRequest(List.of(new ShipRequest.Line(2110, BigDecimal.ONE)),
 *     List.of(new ShipRequest.Track("1Z999AA10123456784", "United Parcel Service", "ups")),
 *     "wh_austin", "Shipped from Austin DC", true, true);
 * }</pre>
 *
 * @param lines {@code items[]}: order item id and quantity; empty ships everything
 * @param tracks {@code tracks[]}
 * @param sourceCode MSI source ({@code arguments.extension_attributes.source_code}), or null
 * @param comment a comment appended to the shipment, or null
 * @param commentVisibleOnFront {@code comment.is_visible_on_front}: whether the customer sees the comment
 * @param notifyCustomer {@code notify}: whether Magento e-mails the customer
 */
public record ShipRequest(List<Line> lines, List<Track> tracks, String sourceCode, String comment,
    boolean commentVisibleOnFront, boolean notifyCustomer) {

  public ShipRequest {
    lines = lines == null ? List.of() : List.copyOf(lines);
    tracks = tracks == null ? List.of() : List.copyOf(tracks);
  }

  /** {@code {"order_item_id","qty"}}. */
  public record Line(long orderItemId, BigDecimal qty) {
    public Line {
      Objects.requireNonNull(qty, "qty");
    }
  }

  /**
   * {@code {"track_number","title","carrier_code"}}.
   *
   * @param trackNumber the tracking number
   * @param title the carrier as shown to the customer
   * @param carrierCode Magento's carrier code ({@code ups}, {@code fedex}, {@code usps}, {@code dhl}, or
   *     {@code custom})
   */
  public record Track(String trackNumber, String title, String carrierCode) {
    public Track {
      Objects.requireNonNull(trackNumber, "trackNumber");
      Objects.requireNonNull(carrierCode, "carrierCode");
    }
  }
}
