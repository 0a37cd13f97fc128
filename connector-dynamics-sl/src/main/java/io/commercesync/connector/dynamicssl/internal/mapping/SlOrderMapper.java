package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.internal.dto.SoHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoLine;
import io.commercesync.core.model.Address;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.Money;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.OrderLine;
import io.commercesync.core.model.OrderStatus;
import io.commercesync.core.model.SystemId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.mapstruct.Builder;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * Canonical {@link Order} ↔ SL {@code SOHeader} + {@code SOLine} (reference §2.3, §2.4).
 *
 * <p>Order → SL: the storefront order number goes to {@code CustOrdNbr} (the de-duplication key);
 * {@code OrdNbr} is never sent (SL assigns it). The whole order discount goes to
 * {@code CuryWholeOrdDisc} (SOLine has no discount-amount column, so lines carry {@code DiscPct} 0),
 * freight to {@code CuryTotFrt}, fees to {@code CuryTotMisc}, tax to {@code CuryTotTax} (the
 * {@code Cury*} form of {@code TotTax}). Ship-to and bill-to are inline ({@code Ship*}, {@code Bill*});
 * {@code ShiptoID} names the customer's SOAddress when the request gives one.
 *
 * <p>SL → Order: {@code CustOrdNbr} is the order number, {@code OrdNbr} a ref, totals from the
 * {@code Cury*} columns.
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE,
    builder = @Builder(disableBuilder = true), imports = {SlConversions.class})
public interface SlOrderMapper {

  SlOrderMapper INSTANCE = Mappers.getMapper(SlOrderMapper.class);

  @Mapping(target = "status", ignore = true)
  @Mapping(target = "custOrdNbr", source = "order.number")
  @Mapping(target = "ordDate", expression = "java(SlConversions.localDate(order.placedAt(), ctx.zone()))")
  @Mapping(target = "shipName", expression = "java(SlConversions.name(order.shippingAddress()))")
  @Mapping(target = "shipAttn", expression = "java(SlConversions.attention(order.shippingAddress()))")
  @Mapping(target = "billAttn", expression = "java(SlConversions.attention(order.billingAddress()))")
  @Mapping(target = "shipAddr1", expression = "java(SlConversions.line(order.shippingAddress(), 0))")
  @Mapping(target = "shipAddr2", expression = "java(SlConversions.line(order.shippingAddress(), 1))")
  @Mapping(target = "shipCity", source = "order.shippingAddress.city")
  @Mapping(target = "shipState", expression = "java(SlConversions.state(order.shippingAddress()))")
  @Mapping(target = "shipZip", source = "order.shippingAddress.postalCode")
  @Mapping(target = "shipCountry", expression = "java(SlConversions.slCountry(order.shippingAddress() == null ? null : order.shippingAddress().countryCode()))")
  @Mapping(target = "shipPhone", source = "order.shippingAddress.phone")
  @Mapping(target = "billName", expression = "java(SlConversions.name(order.billingAddress()))")
  @Mapping(target = "billAddr1", expression = "java(SlConversions.line(order.billingAddress(), 0))")
  @Mapping(target = "billAddr2", expression = "java(SlConversions.line(order.billingAddress(), 1))")
  @Mapping(target = "billCity", source = "order.billingAddress.city")
  @Mapping(target = "billState", expression = "java(SlConversions.state(order.billingAddress()))")
  @Mapping(target = "billZip", source = "order.billingAddress.postalCode")
  @Mapping(target = "billCountry", expression = "java(SlConversions.slCountry(order.billingAddress() == null ? null : order.billingAddress().countryCode()))")
  @Mapping(target = "billPhone", source = "order.billingAddress.phone")
  @Mapping(target = "curyWholeOrdDisc", expression = "java(SlConversions.amount(order.discount()))")
  @Mapping(target = "curyTotFrt", expression = "java(SlConversions.amount(order.shipping()))")
  @Mapping(target = "curyTotMisc", expression = "java(SlConversions.amount(order.fees()))")
  @Mapping(target = "curyTotTax", expression = "java(SlConversions.amount(order.tax()))")
  SoHeader header(Order order, HeaderDefaults defaults, @Context SlMappingContext ctx);

  @Mapping(target = "cpnyId", ignore = true)
  @Mapping(target = "status", ignore = true)
  @Mapping(target = "lineRef", source = "lineRef")
  @Mapping(target = "invtID", source = "invtId")
  @Mapping(target = "siteID", source = "siteId")
  @Mapping(target = "unitDesc", source = "unitDesc")
  @Mapping(target = "descr", source = "line.name")
  @Mapping(target = "qtyOrd", source = "line.quantity")
  @Mapping(target = "curySlsPrice", expression = "java(SlConversions.amount(line.unitPrice()))")
  @Mapping(target = "discPct", constant = "0")
  SoLine line(OrderLine line, String lineRef, String invtId, String siteId, String unitDesc);

  /** {@code header} with {@code OrdNbr} set, for {@code PUT /api/SalesOrder/{OrdNbr}}; audit columns dropped. */
  @Mapping(target = "ordNbr", source = "ordNbr")
  @Mapping(target = "crtdDateTime", ignore = true)
  @Mapping(target = "crtdProg", ignore = true)
  @Mapping(target = "crtdUser", ignore = true)
  @Mapping(target = "lUpdDateTime", ignore = true)
  SoHeader withOrdNbr(SoHeader header, String ordNbr);

  // ---- SL -> canonical ----

  @Mapping(target = "refs", expression = "java(refs(header))")
  @Mapping(target = "number", expression = "java(orderNumber(header))")
  @Mapping(target = "placedAt", expression = "java(placedAt(header, ctx))")
  @Mapping(target = "updatedAt", expression = "java(SlConversions.instant(header.lUpdDateTime(), ctx.zone()))")
  @Mapping(target = "status", expression = "java(status(header))")
  @Mapping(target = "sourceStatus", expression = "java(SlConversions.blankToNull(header.status()))")
  @Mapping(target = "currency", expression = "java(currency(header, ctx))")
  @Mapping(target = "customerRef", expression = "java(customerRef(header))")
  @Mapping(target = "customer", expression = "java(customer(header))")
  @Mapping(target = "billingAddress", expression = "java(billTo(header))")
  @Mapping(target = "shippingAddress", expression = "java(shipTo(header))")
  @Mapping(target = "lines", expression = "java(lines(soLines, currency(header, ctx)))")
  @Mapping(target = "shippingMethod", expression = "java(SlConversions.blankToNull(header.shipViaID()))")
  @Mapping(target = "subtotal", expression = "java(SlConversions.money(header.curyTotMerch(), currency(header, ctx)))")
  @Mapping(target = "discount", expression = "java(discount(header, currency(header, ctx)))")
  @Mapping(target = "shipping", expression = "java(SlConversions.money(header.curyTotFrt(), currency(header, ctx)))")
  @Mapping(target = "tax", expression = "java(SlConversions.money(header.curyTotTax(), currency(header, ctx)))")
  @Mapping(target = "fees", expression = "java(SlConversions.money(header.curyTotMisc(), currency(header, ctx)))")
  @Mapping(target = "grandTotal", expression = "java(SlConversions.money(header.curyTotOrd(), currency(header, ctx)))")
  @Mapping(target = "storeCode", ignore = true)
  @Mapping(target = "shippingDescription", ignore = true)
  @Mapping(target = "payments", ignore = true)
  @Mapping(target = "notes", ignore = true)
  @Mapping(target = "attributes", ignore = true)
  Order order(SoHeader header, List<SoLine> soLines, @Context SlMappingContext ctx);

  @Mapping(target = "lineNumber", source = "lineNumber")
  @Mapping(target = "sourceLineId", source = "line.lineRef")
  @Mapping(target = "sku", source = "line.invtID")
  @Mapping(target = "name", expression = "java(SlConversions.blankToNull(line.descr()))")
  @Mapping(target = "quantity", expression = "java(SlConversions.quantity(line.qtyOrd()))")
  @Mapping(target = "unitPrice", expression = "java(SlConversions.money(line.curySlsPrice(), currency))")
  @Mapping(target = "rowTotal", expression = "java(SlConversions.money(line.curyTotOrd(), currency))")
  @Mapping(target = "unitOfMeasure", expression = "java(SlConversions.blankToNull(line.unitDesc()))")
  @Mapping(target = "location", expression = "java(SlConversions.blankToNull(line.siteID()))")
  @Mapping(target = "discount", ignore = true)
  @Mapping(target = "tax", ignore = true)
  @Mapping(target = "parentLineNumber", ignore = true)
  OrderLine orderLine(SoLine line, int lineNumber, Currency currency);

  default List<OrderLine> lines(List<SoLine> soLines, Currency currency) {
    List<OrderLine> out = new ArrayList<>();
    if (soLines != null) {
      for (int i = 0; i < soLines.size(); i++) {
        out.add(orderLine(soLines.get(i), i + 1, currency));
      }
    }
    return out;
  }

  default List<ExternalRef> refs(SoHeader header) {
    String ordNbr = SlConversions.blankToNull(header.ordNbr());
    return ordNbr == null ? List.of() : List.of(ExternalRef.of(SystemId.DYNAMICS_SL, ordNbr));
  }

  default ExternalRef customerRef(SoHeader header) {
    String id = SlConversions.blankToNull(header.custID());
    return id == null ? null : ExternalRef.of(SystemId.DYNAMICS_SL, id);
  }

  default String orderNumber(SoHeader header) {
    String ref = SlConversions.blankToNull(header.custOrdNbr());
    return ref != null ? ref : SlConversions.blankToNull(header.ordNbr());
  }

  default java.time.Instant placedAt(SoHeader header, SlMappingContext ctx) {
    java.time.Instant at = SlConversions.startOfDay(header.ordDate(), ctx.zone());
    return at != null ? at : SlConversions.instant(header.crtdDateTime(), ctx.zone());
  }

  default Currency currency(SoHeader header, SlMappingContext ctx) {
    String id = SlConversions.blankToNull(header.curyID());
    return id == null ? ctx.baseCurrency() : Money.currency(id);
  }

  /** {@code Cancelled} → canceled; {@code C} → complete; {@code O} → processing (SL accepted it). */
  default OrderStatus status(SoHeader header) {
    if (SlConversions.flag(header.cancelled())) {
      return OrderStatus.CANCELED;
    }
    String s = SlConversions.blankToNull(header.status());
    if (s == null) {
      return OrderStatus.UNKNOWN;
    }
    return switch (s) {
      case "O" -> SlConversions.flag(header.adminHold()) || SlConversions.flag(header.creditHold())
          ? OrderStatus.ON_HOLD : OrderStatus.PROCESSING;
      case "C" -> OrderStatus.COMPLETE;
      default -> OrderStatus.UNKNOWN;
    };
  }

  default Money discount(SoHeader header, Currency currency) {
    Money whole = SlConversions.money(header.curyWholeOrdDisc(), currency);
    Money lines = SlConversions.money(header.curyTotLineDisc(), currency);
    if (whole == null) {
      return lines;
    }
    return lines == null ? whole : whole.plus(lines);
  }

  default Customer customer(SoHeader header) {
    String name = SlConversions.blankToNull(header.billName());
    if (name == null) {
      name = SlConversions.blankToNull(header.shipName());
    }
    Customer.Builder b = Customer.builder().company(name != null ? name : header.custID());
    if (SlConversions.blankToNull(header.custID()) != null) {
      b.ref(ExternalRef.of(SystemId.DYNAMICS_SL, header.custID()));
    }
    return b.build();
  }

  default Address billTo(SoHeader h) {
    return address(h.billName(), h.billAddr1(), h.billAddr2(), h.billCity(), h.billState(), h.billZip(),
        h.billCountry(), h.billPhone());
  }

  default Address shipTo(SoHeader h) {
    return address(h.shipName(), h.shipAddr1(), h.shipAddr2(), h.shipCity(), h.shipState(), h.shipZip(),
        h.shipCountry(), h.shipPhone());
  }

  /** An inline SL address block; null when every column is blank. */
  static Address address(String name, String addr1, String addr2, String city, String state, String zip,
      String country, String phone) {
    List<String> lines = new ArrayList<>();
    if (SlConversions.blankToNull(addr1) != null) {
      lines.add(addr1.strip());
    }
    if (SlConversions.blankToNull(addr2) != null) {
      lines.add(addr2.strip());
    }
    if (SlConversions.blankToNull(name) == null && lines.isEmpty() && SlConversions.blankToNull(city) == null
        && SlConversions.blankToNull(zip) == null) {
      return null;
    }
    return Address.builder().company(SlConversions.blankToNull(name)).lines(lines)
        .city(SlConversions.blankToNull(city)).regionCode(SlConversions.blankToNull(state))
        .postalCode(SlConversions.blankToNull(zip)).countryCode(SlConversions.isoCountry(country))
        .phone(SlConversions.blankToNull(phone)).build();
  }

  /** Merchandise as SL computes it: Σ round(QtyOrd × CurySlsPrice) per line. */
  static BigDecimal merchandise(List<SoLine> lines, int scale) {
    BigDecimal total = BigDecimal.ZERO;
    for (SoLine l : lines) {
      total = total.add(l.qtyOrd().multiply(l.curySlsPrice()).setScale(scale, java.math.RoundingMode.HALF_EVEN));
    }
    return total;
  }
}
