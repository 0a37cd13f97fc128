package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.internal.dto.InventoryDto;
import io.commercesync.connector.dynamicssl.internal.dto.ItemSite;
import io.commercesync.core.model.ExternalRef;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import io.commercesync.core.model.Price;
import io.commercesync.core.model.SystemId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapstruct.Builder;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;
import org.mapstruct.factory.Mappers;

/**
 * SL {@code ItemSite} → {@link InventoryLevel} and {@code Inventory} → {@link Item} / {@link Price}
 * (reference §2.5, §2.6).
 *
 * <p>{@code QtyAvail} is published as SL computed it, negative included (its formula depends on SL
 * setup, so it is never recomputed here); the inventory flow floors it at zero and warns.
 * {@code TranStatusCode}: {@code AC}/{@code NP} → active, {@code NU}/{@code OH}/{@code IN} → inactive,
 * {@code DE} → discontinued. The base price is {@code StkBasePrc} (SL's price tables were not
 * confirmed, reference §2.5).
 */
@Mapper(componentModel = "default", unmappedTargetPolicy = ReportingPolicy.IGNORE,
    builder = @Builder(disableBuilder = true), imports = {SlConversions.class, Instant.class, ExternalRef.class, SystemId.class})
public interface SlInventoryMapper {

  SlInventoryMapper INSTANCE = Mappers.getMapper(SlInventoryMapper.class);

  @Mapping(target = "sku", source = "invtID")
  @Mapping(target = "location", source = "siteID")
  @Mapping(target = "onHand", expression = "java(SlConversions.quantity(site.qtyOnHand()))")
  @Mapping(target = "allocated", expression = "java(SlConversions.quantity(site.qtyAlloc()))")
  @Mapping(target = "available", expression = "java(SlConversions.quantity(site.qtyAvail()))")
  @Mapping(target = "asOf", expression = "java(asOf(site, ctx, now))")
  InventoryLevel level(ItemSite site, @Context SlMappingContext ctx, @Context Instant now);

  default Instant asOf(ItemSite site, SlMappingContext ctx, Instant now) {
    Instant at = SlConversions.instant(site.lUpdDateTime(), ctx.zone());
    return at != null ? at : now;
  }

  @Mapping(target = "refs", expression = "java(java.util.List.of(ExternalRef.of(SystemId.DYNAMICS_SL, inventory.invtID())))")
  @Mapping(target = "sku", source = "invtID")
  @Mapping(target = "name", expression = "java(SlConversions.blankToNull(inventory.descr()))")
  @Mapping(target = "unitOfMeasure", expression = "java(SlConversions.blankToNull(inventory.dfltSOUnit()) != null ? inventory.dfltSOUnit() : SlConversions.blankToNull(inventory.stkUnit()))")
  @Mapping(target = "weight", expression = "java(inventory.stkWt() == null || inventory.stkWt().signum() == 0 ? null : SlConversions.quantity(inventory.stkWt()))")
  @Mapping(target = "status", expression = "java(status(inventory.tranStatusCode()))")
  @Mapping(target = "taxClass", expression = "java(SlConversions.blankToNull(inventory.taxCat()))")
  @Mapping(target = "basePrice", expression = "java(SlConversions.money(inventory.stkBasePrc(), ctx.baseCurrency()))")
  @Mapping(target = "attributes", expression = "java(attributes(inventory))")
  @Mapping(target = "updatedAt", expression = "java(SlConversions.instant(inventory.lUpdDateTime(), ctx.zone()))")
  @Mapping(target = "shortDescription", ignore = true)
  @Mapping(target = "longDescription", ignore = true)
  Item item(InventoryDto inventory, @Context SlMappingContext ctx);

  @Mapping(target = "sku", source = "invtID")
  @Mapping(target = "amount", expression = "java(SlConversions.money(inventory.stkBasePrc() == null ? java.math.BigDecimal.ZERO : inventory.stkBasePrc(), ctx.baseCurrency()))")
  @Mapping(target = "unitOfMeasure", expression = "java(SlConversions.blankToNull(inventory.stkUnit()))")
  @Mapping(target = "priceList", ignore = true)
  @Mapping(target = "customerGroup", ignore = true)
  @Mapping(target = "minQuantity", ignore = true)
  @Mapping(target = "validFrom", ignore = true)
  @Mapping(target = "validTo", ignore = true)
  Price basePrice(InventoryDto inventory, @Context SlMappingContext ctx);

  /** Item → the Inventory fields the layer's {@code PUT /api/Product} accepts. */
  @Mapping(target = "invtID", source = "sku")
  @Mapping(target = "descr", source = "name")
  @Mapping(target = "stkUnit", source = "unitOfMeasure")
  @Mapping(target = "stkWt", source = "weight")
  @Mapping(target = "taxCat", source = "taxClass")
  @Mapping(target = "stkBasePrc", expression = "java(SlConversions.amount(item.basePrice()))")
  @Mapping(target = "tranStatusCode", expression = "java(tranStatusCode(item.status()))")
  InventoryDto inventory(Item item);

  default ItemStatus status(String tranStatusCode) {
    String code = SlConversions.blankToNull(tranStatusCode);
    if (code == null) {
      return ItemStatus.ACTIVE;
    }
    return switch (code) {
      case "AC", "NP" -> ItemStatus.ACTIVE;
      case "DE" -> ItemStatus.DISCONTINUED;
      default -> ItemStatus.INACTIVE;
    };
  }

  default String tranStatusCode(ItemStatus status) {
    return switch (status) {
      case ACTIVE -> "AC";
      case INACTIVE -> "IN";
      case DISCONTINUED -> "DE";
    };
  }

  /** Further columns as attributes, keyed by the SL column name. */
  default Map<String, String> attributes(InventoryDto inventory) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "UPCCode", inventory.uPCCode());
    put(out, "Color", inventory.color());
    put(out, "Size", inventory.size());
    put(out, "ClassID", inventory.classID());
    put(out, "PriceClassID", inventory.priceClassID());
    put(out, "DfltSite", inventory.dfltSite());
    return out;
  }

  private static void put(Map<String, String> out, String key, String value) {
    String v = SlConversions.blankToNull(value);
    if (v != null) {
      out.put(key, v);
    }
  }

  default List<InventoryLevel> levels(List<ItemSite> sites, @Context SlMappingContext ctx, @Context Instant now) {
    return sites == null ? List.of() : sites.stream().map(s -> level(s, ctx, now)).toList();
  }
}
