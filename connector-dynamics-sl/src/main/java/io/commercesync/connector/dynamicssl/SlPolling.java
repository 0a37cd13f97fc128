package io.commercesync.connector.dynamicssl;

import io.commercesync.connector.dynamicssl.internal.dto.ArDoc;
import io.commercesync.connector.dynamicssl.internal.dto.CustomerDocument;
import io.commercesync.connector.dynamicssl.internal.dto.CustomerDto;
import io.commercesync.connector.dynamicssl.internal.dto.InventoryDocument;
import io.commercesync.connector.dynamicssl.internal.dto.InventoryDto;
import io.commercesync.connector.dynamicssl.internal.dto.ItemSite;
import io.commercesync.connector.dynamicssl.internal.dto.ProductDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SalesOrderDocument;
import io.commercesync.connector.dynamicssl.internal.dto.ShipperDocument;
import io.commercesync.connector.dynamicssl.internal.dto.SoAddress;
import io.commercesync.connector.dynamicssl.internal.dto.SoHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoLine;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipLine;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipPack;
import io.commercesync.connector.dynamicssl.internal.jdbc.SlChangeSource;
import io.commercesync.connector.dynamicssl.internal.jdbc.SlChangeSource.Query;
import io.commercesync.connector.dynamicssl.internal.jdbc.SlJdbc;
import io.commercesync.connector.dynamicssl.internal.mapping.SlCustomerMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlInventoryMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlLedgerMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlMappingContext;
import io.commercesync.connector.dynamicssl.internal.mapping.SlOrderMapper;
import io.commercesync.connector.dynamicssl.internal.mapping.SlShipmentMapper;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Invoice;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.Shipment;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Read-only change polling of SL's own tables over JDBC, by {@code LUpd_DateTime}: shippers
 * ({@code SOShipHeader} + {@code SOShipLine} + {@code SOShipPack}, a box added later counts as a change),
 * stock ({@code ItemSite} per {@code SiteID}), items and base prices ({@code Inventory}), customers
 * ({@code Customer} + {@code SOAddress}), invoices ({@code ARDoc} type {@code IN}) and sales orders
 * ({@code SOHeader} + {@code SOLine}).
 *
 * <p>{@code LUpd_DateTime} is the SL server's local time at minute precision: give the server's zone;
 * each poll re-reads {@code overlap} before its cursor, widened across a daylight-saving change when
 * the clocks went back, and records are de-duplicated by key. Only {@code SELECT} is ever issued: writes
 * go through the REST layer, since SQL inserts would bypass SL's screen logic.
 *
 * <pre>{@code
 * SlPolling polling = SlPolling.builder()
 *     .dataSource(slAppDb)                          // e.g. a read-only SQL Server login
 *     .serverZone(ZoneId.of("America/Chicago"))
 *     .overlap(Duration.ofMinutes(2))
 *     .build();
 * Source<Shipment> shipments = polling.shipments("0060");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SlPolling {

  private static final JsonCodec JSON = JsonCodec.builder(SystemId.DYNAMICS_SL).build();

  private final SlChangeSource.Settings settings;
  private final SlMappingContext ctx;

  private SlPolling(Builder b) {
    this.settings = new SlChangeSource.Settings(b.dataSource, b.zone, b.overlap, b.pageSize, b.clock);
    this.ctx = new SlMappingContext(b.zone, b.currency, null, null, null, SlFiscalCalendar.calendarYear(),
        null, null, null);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The SL server's zone. */
  public ZoneId serverZone() {
    return settings.zone();
  }

  /** Shippers of {@code cpnyId} changed since the cursor, with every box's tracking number. */
  public Source<Shipment> shipments(String cpnyId) {
    Query q = new Query("shipment",
        "(SELECT h.*, CASE WHEN p.PackChangedAt IS NOT NULL AND p.PackChangedAt > h.LUpd_DateTime"
            + " THEN p.PackChangedAt ELSE h.LUpd_DateTime END AS ChangedAt FROM SOShipHeader h LEFT JOIN"
            + " (SELECT CpnyID AS PackCpnyID, ShipperID AS PackShipperID, MAX(LUpd_DateTime) AS PackChangedAt"
            + " FROM SOShipPack GROUP BY CpnyID, ShipperID) p ON p.PackCpnyID = h.CpnyID"
            + " AND p.PackShipperID = h.ShipperID) x",
        List.of("ShipperID"), "CpnyID", "Cancelled = 0");
    return new SlChangeSource<>("dynamics-sl:" + cpnyId + ":shipments", q, cpnyId, settings, (c, rs) -> {
      SoShipHeader h = SlJdbc.row(rs, SoShipHeader.class);
      List<SoShipLine> lines = SlJdbc.children(c, "SOShipLine", "CpnyID = ? AND ShipperID = ?", "LineRef",
          SoShipLine.class, rs.getString("CpnyID"), rs.getString("ShipperID"));
      List<SoShipPack> packs = SlJdbc.children(c, "SOShipPack", "CpnyID = ? AND ShipperID = ?", "BoxRef",
          SoShipPack.class, rs.getString("CpnyID"), rs.getString("ShipperID"));
      return JSON.write(new ShipperDocument(h, lines, packs));
    }, raw -> SlShipmentMapper.INSTANCE.shipment(read(raw, ShipperDocument.class), ctx), null);
  }

  /** Stock per site of {@code cpnyId} changed since the cursor; {@code QtyAvail} as SL computed it. */
  public Source<InventoryLevel> inventory(String cpnyId) {
    Query q = new Query("inventory", "(SELECT s.*, s.LUpd_DateTime AS ChangedAt FROM ItemSite s) x",
        List.of("InvtID", "SiteID"), "CpnyID", null);
    return new SlChangeSource<>("dynamics-sl:" + cpnyId + ":inventory", q, cpnyId, settings,
        (c, rs) -> JSON.write(new InventoryDocument(null, List.of(SlJdbc.row(rs, ItemSite.class)))),
        raw -> SlInventoryMapper.INSTANCE.level(read(raw, InventoryDocument.class).itemSite().get(0), ctx,
            settings.clock().instant()), null);
  }

  /** Items ({@code Inventory}) changed since the cursor. */
  public Source<Item> items() {
    return new SlChangeSource<>("dynamics-sl:items", inventoryQuery("item"), null, settings,
        (c, rs) -> JSON.write(new ProductDocument(SlJdbc.row(rs, InventoryDto.class))),
        raw -> SlInventoryMapper.INSTANCE.item(read(raw, ProductDocument.class).inventory(), ctx), null);
  }

  /** Base prices ({@code Inventory.StkBasePrc}) of items changed since the cursor. */
  public Source<Price> prices() {
    return new SlChangeSource<>("dynamics-sl:prices", inventoryQuery("price"), null, settings,
        (c, rs) -> JSON.write(new ProductDocument(SlJdbc.row(rs, InventoryDto.class))),
        raw -> SlInventoryMapper.INSTANCE.basePrice(read(raw, ProductDocument.class).inventory(), ctx), null);
  }

  /** Customers ({@code Customer} + {@code SOAddress}) changed since the cursor. */
  public Source<Customer> customers() {
    Query q = new Query("customer", "(SELECT c.*, c.LUpd_DateTime AS ChangedAt FROM Customer c) x",
        List.of("CustId"), null, null);
    return new SlChangeSource<>("dynamics-sl:customers", q, null, settings, (c, rs) -> {
      CustomerDto dto = SlJdbc.row(rs, CustomerDto.class);
      List<SoAddress> shipTos = SlJdbc.children(c, "SOAddress", "CustId = ?", "ShipToId", SoAddress.class,
          rs.getString("CustId"));
      return JSON.write(new CustomerDocument(dto, shipTos));
    }, raw -> {
      CustomerDocument d = read(raw, CustomerDocument.class);
      return SlCustomerMapper.INSTANCE.customer(d.customer(), d.soAddress(), ctx);
    }, null);
  }

  /** Invoices ({@code ARDoc} type {@code IN}) of {@code cpnyId} changed since the cursor, with their balance. */
  public Source<Invoice> invoices(String cpnyId) {
    Query q = new Query("invoice", "(SELECT d.*, d.LUpd_DateTime AS ChangedAt FROM ARDoc d) x",
        List.of("CustId", "DocType", "RefNbr"), "CpnyID", "DocType = 'IN'");
    return new SlChangeSource<>("dynamics-sl:" + cpnyId + ":invoices", q, cpnyId, settings,
        (c, rs) -> JSON.write(SlJdbc.row(rs, ArDoc.class)),
        raw -> SlLedgerMapper.INSTANCE.invoice(read(raw, ArDoc.class), ctx), null);
  }

  /** Sales orders ({@code SOHeader} + {@code SOLine}) of {@code cpnyId} changed since the cursor. */
  public Source<Order> salesOrders(String cpnyId) {
    Query q = new Query("order", "(SELECT h.*, h.LUpd_DateTime AS ChangedAt FROM SOHeader h) x",
        List.of("OrdNbr"), "CpnyID", null);
    return new SlChangeSource<>("dynamics-sl:" + cpnyId + ":orders", q, cpnyId, settings, (c, rs) -> {
      SoHeader h = SlJdbc.row(rs, SoHeader.class);
      List<SoLine> lines = SlJdbc.children(c, "SOLine", "CpnyID = ? AND OrdNbr = ?", "LineRef", SoLine.class,
          rs.getString("CpnyID"), rs.getString("OrdNbr"));
      return JSON.write(new SalesOrderDocument(h, lines));
    }, raw -> {
      SalesOrderDocument d = read(raw, SalesOrderDocument.class);
      return SlOrderMapper.INSTANCE.order(d.soHeader(), d.soLine(), ctx);
    }, null);
  }

  private static Query inventoryQuery(String entity) {
    return new Query(entity, "(SELECT i.*, i.LUpd_DateTime AS ChangedAt FROM Inventory i) x", List.of("InvtID"),
        null, null);
  }

  private static <D> D read(RawRecord raw, Class<D> type) {
    return JSON.read(raw.payload(), type, raw.entity());
  }

  @Override
  public String toString() {
    return "SlPolling[zone=" + settings.zone() + ", overlap=" + settings.overlap() + "]";
  }

  /**
   * Builds an {@link SlPolling}. Not thread-safe.
   *
   * <p>Defaults: {@code overlap} 2 minutes, {@code pageSize} 200, {@code currency} USD, system clock;
   * {@code dataSource} and {@code serverZone} are required.
   */
  public static final class Builder {
    private DataSource dataSource;
    private ZoneId zone;
    private Duration overlap = Duration.ofMinutes(2);
    private int pageSize = 200;
    private Currency currency = Currency.getInstance("USD");
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The SL application database (a read-only login is enough). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /** The SL server's time zone: {@code LUpd_DateTime} is its local time. */
    public Builder serverZone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** How far before the cursor each poll re-reads; default 2 minutes, at least 1 minute. */
    public Builder overlap(Duration overlap) {
      this.overlap = overlap;
      return this;
    }

    /** Rows per query; default 200. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** The currency of amounts whose row has no currency id; default USD. */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /** The clock (the DST widening needs "now"). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public SlPolling build() {
      SystemId sl = SystemId.DYNAMICS_SL;
      if (dataSource == null) {
        throw ConfigurationException.of(sl, "polling.dataSource", "is required");
      }
      if (zone == null) {
        throw ConfigurationException.of(sl, "polling.serverZone",
            "is required: LUpd_DateTime is the SL server's local time");
      }
      if (overlap == null || overlap.compareTo(Duration.ofMinutes(1)) < 0) {
        throw ConfigurationException.of(sl, "polling.overlap",
            "must be at least 1 minute (SMALLDATETIME has minute precision; was " + overlap + ")");
      }
      if (pageSize < 1 || pageSize > 10_000) {
        throw ConfigurationException.of(sl, "polling.pageSize", "must be 1..10000 (was " + pageSize + ")");
      }
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(clock, "clock");
      return new SlPolling(this);
    }
  }
}
