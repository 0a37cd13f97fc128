package io.commercesync.connector.dynamicsgp;

/**
 * How a sales document carries its tax; GP accepts exactly one model per document (reference §9 pitfall 4).
 */
public enum GpTaxModel {
  /**
   * The storefront's tax as one header-level {@code taSopLineIvcTaxInsert} row (LNITMSEQ 0,
   * {@code USINGHEADERLEVELTAXES 1}, {@code CREATETAXES 0}) whose STAXAMNT equals TAXAMNT. The default:
   * the customer is charged what the storefront computed, to the cent.
   */
  STOREFRONT_HEADER_LEVEL,
  /**
   * GP computes tax from its tax schedules ({@code CREATETAXES 1}); no tax amounts are sent. Use when GP's
   * tax setup is the reference; the GP total may then differ from what the storefront charged.
   */
  GP_CALCULATED
}
