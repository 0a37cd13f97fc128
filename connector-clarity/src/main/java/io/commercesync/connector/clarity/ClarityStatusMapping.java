package io.commercesync.connector.clarity;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Order statuses are data in Clarity: sites add their own rows ({@code StatusKey}/{@code StatusName},
 * reference §2.5 [C]). This table maps them by key, both ways, and is configuration, not code.
 *
 * <p>Inbound, a key no entry names is <em>reported, never thrown</em>: the order decodes with
 * {@link OrderStatus#UNKNOWN}, keeps the raw key in {@code Order.sourceStatus()}, and the client's
 * {@link ClarityClient.Builder#onUnmappedStatus unmapped-status listener} is told. Keys match
 * case-insensitively, ignoring spaces, dashes and underscores ({@code On Hold} = {@code on_hold}).
 *
 * <p>Outbound, a canonical status names what to send: for the native dialect a sales-order workflow
 * route ({@code Confirm}, {@code Hold}, {@code Ship}, {@code Complete}, {@code Void}, {@code Pending},
 * {@code Backorder}, {@code ReadyForPickup}, {@code DropShip}: {@code PATCH /Ordering/SalesOrder/<Route>/{ID}}
 * [C]); for v1 a status code of §4.8 ({@code processing}, {@code on_hold}, {@code cancelled}…).
 *
 * <pre>{@code
 * ClarityStatusMapping statuses = ClarityStatusMapping.nativeDefaults().toBuilder()
 *     .inbound("Awaiting Credit Check", OrderStatus.ON_HOLD)     // a site-specific status row
 *     .outbound(OrderStatus.PARTIALLY_SHIPPED, "Ship")
 *     .build();
 * }</pre>
 */
public final class ClarityStatusMapping {

  private final Map<String, OrderStatus> inbound;
  private final Map<String, String> inboundLabels;
  private final Map<OrderStatus, String> outbound;

  private ClarityStatusMapping(Builder b) {
    this.inbound = Collections.unmodifiableMap(new LinkedHashMap<>(b.inbound));
    this.inboundLabels = Collections.unmodifiableMap(new LinkedHashMap<>(b.inboundLabels));
    this.outbound = Collections.unmodifiableMap(new EnumMap<>(b.outbound));
  }

  /**
   * The CEF workflow statuses (reference §2.5 [C]) and routes: {@code Pending} → PENDING,
   * {@code Confirmed}/{@code Processing}/{@code Backordered}/{@code Ready for Pickup}/{@code Split}/
   * {@code Full Payment Received} → PROCESSING, {@code Partial Payment Received} → PENDING_PAYMENT,
   * {@code On Hold} → ON_HOLD, {@code Shipped}/{@code Shipped from Vendor}/{@code Completed} → COMPLETE,
   * {@code Void} → CANCELED. Outbound: PENDING → {@code Pending}, PROCESSING → {@code Confirm}, ON_HOLD →
   * {@code Hold}, COMPLETE → {@code Complete}, CANCELED → {@code Void}.
   */
  public static ClarityStatusMapping nativeDefaults() {
    return builder()
        .inbound("Pending", OrderStatus.PENDING)
        .inbound("Confirmed", OrderStatus.PROCESSING)
        .inbound("Processing", OrderStatus.PROCESSING)
        .inbound("Backordered", OrderStatus.PROCESSING)
        .inbound("Ready for Pickup", OrderStatus.PROCESSING)
        .inbound("Split", OrderStatus.PROCESSING)
        .inbound("Full Payment Received", OrderStatus.PROCESSING)
        .inbound("Partial Payment Received", OrderStatus.PENDING_PAYMENT)
        .inbound("On Hold", OrderStatus.ON_HOLD)
        .inbound("Shipped", OrderStatus.COMPLETE)
        .inbound("Shipped from Vendor", OrderStatus.COMPLETE)
        .inbound("Completed", OrderStatus.COMPLETE)
        .inbound("Void", OrderStatus.CANCELED)
        .outbound(OrderStatus.PENDING, "Pending")
        .outbound(OrderStatus.PROCESSING, "Confirm")
        .outbound(OrderStatus.ON_HOLD, "Hold")
        .outbound(OrderStatus.COMPLETE, "Complete")
        .outbound(OrderStatus.CANCELED, "Void")
        .build();
  }

  /**
   * The §4.8 vocabulary [P]: {@code pending}, {@code confirmed}, {@code on_hold}, {@code processing},
   * {@code backordered}, {@code partially_shipped}, {@code shipped}, {@code ready_for_pickup},
   * {@code completed}, {@code cancelled}; outbound the same codes.
   */
  public static ClarityStatusMapping v1Defaults() {
    return builder()
        .inbound("pending", OrderStatus.PENDING)
        .inbound("confirmed", OrderStatus.PROCESSING)
        .inbound("processing", OrderStatus.PROCESSING)
        .inbound("backordered", OrderStatus.PROCESSING)
        .inbound("ready_for_pickup", OrderStatus.PROCESSING)
        .inbound("on_hold", OrderStatus.ON_HOLD)
        .inbound("partially_shipped", OrderStatus.PARTIALLY_SHIPPED)
        .inbound("shipped", OrderStatus.COMPLETE)
        .inbound("completed", OrderStatus.COMPLETE)
        .inbound("cancelled", OrderStatus.CANCELED)
        .outbound(OrderStatus.PENDING, "pending")
        .outbound(OrderStatus.PENDING_PAYMENT, "pending")
        .outbound(OrderStatus.PROCESSING, "processing")
        .outbound(OrderStatus.ON_HOLD, "on_hold")
        .outbound(OrderStatus.PARTIALLY_SHIPPED, "partially_shipped")
        .outbound(OrderStatus.COMPLETE, "completed")
        .outbound(OrderStatus.CANCELED, "cancelled")
        .build();
  }

  /** The defaults of {@code dialect}. */
  public static ClarityStatusMapping defaults(ClarityDialect dialect) {
    return dialect == ClarityDialect.NATIVE ? nativeDefaults() : v1Defaults();
  }

  /** An empty table. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this table, to extend it. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.inbound.putAll(inbound);
    b.inboundLabels.putAll(inboundLabels);
    b.outbound.putAll(outbound);
    return b;
  }

  /** The canonical status for Clarity status key {@code sourceStatus}, or empty when no entry names it. */
  public Optional<OrderStatus> toCanonical(String sourceStatus) {
    if (sourceStatus == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(inbound.get(normalise(sourceStatus)));
  }

  /** What to send to Clarity to reach {@code status} (a workflow route or a v1 code), if mapped. */
  public Optional<String> toClarity(OrderStatus status) {
    return Optional.ofNullable(outbound.get(status));
  }

  /** Every inbound key as configured (for documentation and diagnostics). */
  public Map<String, OrderStatus> inboundEntries() {
    Map<String, OrderStatus> out = new LinkedHashMap<>();
    inboundLabels.forEach((norm, label) -> out.put(label, inbound.get(norm)));
    return Collections.unmodifiableMap(out);
  }

  /** Every outbound entry. */
  public Map<OrderStatus, String> outboundEntries() {
    return outbound;
  }

  static String normalise(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (char c : key.trim().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c != ' ' && c != '_' && c != '-') {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "ClarityStatusMapping[inbound=" + inboundEntries() + ", outbound=" + outbound + "]";
  }

  /** Builds a {@link ClarityStatusMapping}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, OrderStatus> inbound = new LinkedHashMap<>();
    private final Map<String, String> inboundLabels = new LinkedHashMap<>();
    private final Map<OrderStatus, String> outbound = new EnumMap<>(OrderStatus.class);

    private Builder() {}

    /** Maps Clarity status key {@code key} to {@code status}, replacing an earlier entry for it. */
    public Builder inbound(String key, OrderStatus status) {
      if (key == null || key.isBlank()) {
        throw ConfigurationException.of(SystemId.CLARITY, "statusMapping.inbound", "key must not be blank");
      }
      Objects.requireNonNull(status, "status");
      if (status == OrderStatus.UNKNOWN) {
        throw ConfigurationException.of(SystemId.CLARITY, "statusMapping.inbound",
            "cannot map " + key + " to UNKNOWN; leave it unmapped instead");
      }
      String norm = normalise(key);
      inbound.put(norm, status);
      inboundLabels.put(norm, key.trim());
      return this;
    }

    /** Sends {@code value} (a workflow route or v1 code) to reach {@code status}. */
    public Builder outbound(OrderStatus status, String value) {
      Objects.requireNonNull(status, "status");
      if (value == null || value.isBlank()) {
        throw ConfigurationException.of(SystemId.CLARITY, "statusMapping.outbound",
            "value for " + status + " must not be blank");
      }
      outbound.put(status, value.trim());
      return this;
    }

    public ClarityStatusMapping build() {
      return new ClarityStatusMapping(this);
    }
  }
}
