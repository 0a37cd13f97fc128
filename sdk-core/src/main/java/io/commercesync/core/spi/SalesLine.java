package io.commercesync.core.spi;

import java.util.Objects;

/**
 * Where one canonical order line goes in the ERP: which item, from which site, in which unit.
 *
 * @param lineNumber the canonical {@link io.commercesync.core.model.OrderLine#lineNumber()}
 * @param itemNumber the ERP item (GP {@code ITEMNMBR}, SL {@code InvtID}) the sku maps to
 * @param site the ERP warehouse (GP {@code LOCNCODE}, SL {@code SiteID}), or null for the ERP default
 * @param unitOfMeasure the ERP unit (GP {@code UOFM}, SL {@code UnitDesc}), or null for the item default
 */
public record SalesLine(int lineNumber, String itemNumber, String site, String unitOfMeasure) {

  public SalesLine {
    Objects.requireNonNull(itemNumber, "itemNumber");
  }
}
