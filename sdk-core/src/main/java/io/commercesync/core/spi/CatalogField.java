package io.commercesync.core.spi;

/** The product fields a catalog update may carry; everything not named is left untouched. */
public enum CatalogField {
  NAME,
  SHORT_DESCRIPTION,
  LONG_DESCRIPTION,
  UNIT_OF_MEASURE,
  WEIGHT,
  STATUS,
  TAX_CLASS,
  PRICE
}
