package io.commercesync.connector.dynamicsgp;

import io.commercesync.connector.dynamicsgp.econnect.ValidationContext;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How canonical records become GP documents in one company: document ids, batch and number prefixes, the
 * default site, the tax model and the currency ids. Every id is checked against GP's usable length in
 * {@link Builder#build()}.
 *
 * <pre>{@code
 * GpSettings settings = GpSettings.builder()
 *     .orderDocId("STDORD").returnDocId("STDRTN").defaultSite("MAIN")
 *     .taxScheduleId("WEBTAX").taxDetailId("WEBSALESTAX")
 *     .currency("USD", "Z-US$")
 *     .build();
 * }</pre>
 *
 * <table>
 *   <caption>Settings, GP field and default</caption>
 *   <tr><th>setting</th><th>GP field</th><th>default</th></tr>
 *   <tr><td>orderDocId / returnDocId</td><td>DOCID (SOP40200)</td><td>STDORD / STDRTN</td></tr>
 *   <tr><td>sopNumberPrefix / returnNumberPrefix</td><td>SOPNUMBE = prefix + storefront number</td><td>WEB / WEBR</td></tr>
 *   <tr><td>orderBatchPrefix / cashBatchPrefix / journalBatchPrefix</td><td>BACHNUMB = prefix + date</td><td>WEB / WEBCASH / WEBGL</td></tr>
 *   <tr><td>receiptPrefix</td><td>DOCNUMBR of cash receipts (≤ 17)</td><td>PMT</td></tr>
 *   <tr><td>creditMemoPrefix</td><td>DOCNUMBR of RM credit memos for refunds without lines (≤ 17)</td><td>WEBCM</td></tr>
 *   <tr><td>creditMemoBatchPrefix</td><td>BACHNUMB of those credit memos = prefix + yyMMdd (batch source RM_Sales)</td>
 *       <td>WEBCM</td></tr>
 *   <tr><td>customerPrefix</td><td>generated CUSTNMBR</td><td>WEB</td></tr>
 *   <tr><td>defaultSite</td><td>LOCNCODE</td><td>MAIN</td></tr>
 *   <tr><td>defaultUnitOfMeasure</td><td>UOFM</td><td>EACH</td></tr>
 *   <tr><td>addressCode</td><td>ADRSCODE / PRBTADCD / PRSTADCD</td><td>PRIMARY</td></tr>
 *   <tr><td>taxModel</td><td>CREATETAXES / USINGHEADERLEVELTAXES</td><td>storefront tax, header level</td></tr>
 *   <tr><td>taxScheduleId / taxDetailId</td><td>TAXSCHID / TAXDTLID</td><td>none / WEBSALESTAX</td></tr>
 *   <tr><td>currencies</td><td>ISO code to CURNCYID (MC40200)</td><td>USD to Z-US$</td></tr>
 *   <tr><td>zone</td><td>zone for document dates</td><td>UTC</td></tr>
 * </table>
 */
public final class GpSettings {

  private final String orderDocId;
  private final String returnDocId;
  private final String sopNumberPrefix;
  private final String returnNumberPrefix;
  private final String orderBatchPrefix;
  private final String cashBatchPrefix;
  private final String journalBatchPrefix;
  private final String receiptPrefix;
  private final String creditMemoPrefix;
  private final String creditMemoBatchPrefix;
  private final String customerPrefix;
  private final String defaultSite;
  private final String defaultUnitOfMeasure;
  private final String addressCode;
  private final GpTaxModel taxModel;
  private final String taxScheduleId;
  private final String taxDetailId;
  private final String paymentTermsId;
  private final String customerClass;
  private final Map<String, String> currencies;
  private final ZoneId zone;
  private final ValidationContext validation;

  private GpSettings(Builder b) {
    orderDocId = b.orderDocId;
    returnDocId = b.returnDocId;
    sopNumberPrefix = b.sopNumberPrefix;
    returnNumberPrefix = b.returnNumberPrefix;
    orderBatchPrefix = b.orderBatchPrefix;
    cashBatchPrefix = b.cashBatchPrefix;
    journalBatchPrefix = b.journalBatchPrefix;
    receiptPrefix = b.receiptPrefix;
    creditMemoPrefix = b.creditMemoPrefix;
    creditMemoBatchPrefix = b.creditMemoBatchPrefix;
    customerPrefix = b.customerPrefix;
    defaultSite = b.defaultSite;
    defaultUnitOfMeasure = b.defaultUnitOfMeasure;
    addressCode = b.addressCode;
    taxModel = b.taxModel;
    taxScheduleId = b.taxScheduleId;
    taxDetailId = b.taxDetailId;
    paymentTermsId = b.paymentTermsId;
    customerClass = b.customerClass;
    currencies = Map.copyOf(b.currencies);
    zone = b.zone;
    validation = b.validation;
  }

  /** The defaults of the table above. */
  public static GpSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.orderDocId = orderDocId;
    b.returnDocId = returnDocId;
    b.sopNumberPrefix = sopNumberPrefix;
    b.returnNumberPrefix = returnNumberPrefix;
    b.orderBatchPrefix = orderBatchPrefix;
    b.cashBatchPrefix = cashBatchPrefix;
    b.journalBatchPrefix = journalBatchPrefix;
    b.receiptPrefix = receiptPrefix;
    b.creditMemoPrefix = creditMemoPrefix;
    b.creditMemoBatchPrefix = creditMemoBatchPrefix;
    b.customerPrefix = customerPrefix;
    b.defaultSite = defaultSite;
    b.defaultUnitOfMeasure = defaultUnitOfMeasure;
    b.addressCode = addressCode;
    b.taxModel = taxModel;
    b.taxScheduleId = taxScheduleId;
    b.taxDetailId = taxDetailId;
    b.paymentTermsId = paymentTermsId;
    b.customerClass = customerClass;
    b.currencies = new LinkedHashMap<>(currencies);
    b.zone = zone;
    b.validation = validation;
    return b;
  }

  public String orderDocId() {
    return orderDocId;
  }

  public String returnDocId() {
    return returnDocId;
  }

  public String sopNumberPrefix() {
    return sopNumberPrefix;
  }

  public String returnNumberPrefix() {
    return returnNumberPrefix;
  }

  public String orderBatchPrefix() {
    return orderBatchPrefix;
  }

  public String cashBatchPrefix() {
    return cashBatchPrefix;
  }

  public String journalBatchPrefix() {
    return journalBatchPrefix;
  }

  public String receiptPrefix() {
    return receiptPrefix;
  }

  /**
   * DOCNUMBR prefix of the RM credit memos (RMDTYPAL 7) a refund without lines becomes: prefix + the letters and
   * digits of the storefront credit memo number, or prefix + hex of its SHA-256 when that exceeds 17.
   */
  public String creditMemoPrefix() {
    return creditMemoPrefix;
  }

  /** BACHNUMB prefix of those credit memos: prefix + yyMMdd, in GP batch source RM_Sales. */
  public String creditMemoBatchPrefix() {
    return creditMemoBatchPrefix;
  }

  public String customerPrefix() {
    return customerPrefix;
  }

  public String defaultSite() {
    return defaultSite;
  }

  public String defaultUnitOfMeasure() {
    return defaultUnitOfMeasure;
  }

  public String addressCode() {
    return addressCode;
  }

  public GpTaxModel taxModel() {
    return taxModel;
  }

  /** TAXSCHID for the header, if any. */
  public Optional<String> taxScheduleId() {
    return Optional.ofNullable(taxScheduleId);
  }

  public String taxDetailId() {
    return taxDetailId;
  }

  /** PYMTRMID for new customers and orders, if any. */
  public Optional<String> paymentTermsId() {
    return Optional.ofNullable(paymentTermsId);
  }

  /** CUSTCLAS for new customers, if any. */
  public Optional<String> customerClass() {
    return Optional.ofNullable(customerClass);
  }

  public ZoneId zone() {
    return zone;
  }

  public ValidationContext validation() {
    return validation;
  }

  /** ISO 4217 code to GP CURNCYID. */
  public Map<String, String> currencies() {
    return currencies;
  }

  /** The GP CURNCYID for {@code iso}, or the ISO code itself when none is configured. */
  public String currencyId(String iso) {
    return currencies.getOrDefault(iso, iso);
  }

  /** The ISO code for GP {@code curncyid}, if configured (or if it already is an ISO code). */
  public Optional<String> isoCurrency(String curncyid) {
    if (curncyid == null || curncyid.isBlank()) {
      return Optional.empty();
    }
    String trimmed = curncyid.trim();
    for (Map.Entry<String, String> e : currencies.entrySet()) {
      if (e.getValue().equalsIgnoreCase(trimmed)) {
        return Optional.of(e.getKey());
      }
    }
    return trimmed.matches("[A-Z]{3}") ? Optional.of(trimmed) : Optional.empty();
  }

  /** Builds {@link GpSettings}; {@link #build()} checks every id against GP's usable length. */
  public static final class Builder {
    private String orderDocId = "STDORD";
    private String returnDocId = "STDRTN";
    private String sopNumberPrefix = "WEB";
    private String returnNumberPrefix = "WEBR";
    private String orderBatchPrefix = "WEB";
    private String cashBatchPrefix = "WEBCASH";
    private String journalBatchPrefix = "WEBGL";
    private String receiptPrefix = "PMT";
    private String creditMemoPrefix = "WEBCM";
    private String creditMemoBatchPrefix = "WEBCM";
    private String customerPrefix = "WEB";
    private String defaultSite = "MAIN";
    private String defaultUnitOfMeasure = "EACH";
    private String addressCode = "PRIMARY";
    private GpTaxModel taxModel = GpTaxModel.STOREFRONT_HEADER_LEVEL;
    private String taxScheduleId;
    private String taxDetailId = "WEBSALESTAX";
    private String paymentTermsId;
    private String customerClass;
    private Map<String, String> currencies = new LinkedHashMap<>(Map.of("USD", "Z-US$"));
    private ZoneId zone = ZoneId.of("UTC");
    private ValidationContext validation = ValidationContext.DEFAULT;

    private Builder() {}

    public Builder orderDocId(String v) {
      orderDocId = v;
      return this;
    }

    public Builder returnDocId(String v) {
      returnDocId = v;
      return this;
    }

    public Builder sopNumberPrefix(String v) {
      sopNumberPrefix = v;
      return this;
    }

    public Builder returnNumberPrefix(String v) {
      returnNumberPrefix = v;
      return this;
    }

    public Builder orderBatchPrefix(String v) {
      orderBatchPrefix = v;
      return this;
    }

    public Builder cashBatchPrefix(String v) {
      cashBatchPrefix = v;
      return this;
    }

    public Builder journalBatchPrefix(String v) {
      journalBatchPrefix = v;
      return this;
    }

    public Builder receiptPrefix(String v) {
      receiptPrefix = v;
      return this;
    }

    /** DOCNUMBR prefix of RM credit memos (refunds without lines); 1..5 upper-case characters. */
    public Builder creditMemoPrefix(String v) {
      creditMemoPrefix = v;
      return this;
    }

    /** BACHNUMB prefix of RM credit memos, before yyMMdd; 1..9 upper-case characters. */
    public Builder creditMemoBatchPrefix(String v) {
      creditMemoBatchPrefix = v;
      return this;
    }

    public Builder customerPrefix(String v) {
      customerPrefix = v;
      return this;
    }

    public Builder defaultSite(String v) {
      defaultSite = v;
      return this;
    }

    public Builder defaultUnitOfMeasure(String v) {
      defaultUnitOfMeasure = v;
      return this;
    }

    public Builder addressCode(String v) {
      addressCode = v;
      return this;
    }

    public Builder taxModel(GpTaxModel v) {
      taxModel = v;
      return this;
    }

    public Builder taxScheduleId(String v) {
      taxScheduleId = v;
      return this;
    }

    public Builder taxDetailId(String v) {
      taxDetailId = v;
      return this;
    }

    public Builder paymentTermsId(String v) {
      paymentTermsId = v;
      return this;
    }

    public Builder customerClass(String v) {
      customerClass = v;
      return this;
    }

    /** Maps ISO currency {@code iso} to GP currency id {@code curncyid} (MC40200.CURNCYID). */
    public Builder currency(String iso, String curncyid) {
      currencies.put(iso.toUpperCase(Locale.ROOT), curncyid);
      return this;
    }

    public Builder zone(ZoneId v) {
      zone = v;
      return this;
    }

    public Builder validation(ValidationContext v) {
      validation = v;
      return this;
    }

    public GpSettings build() {
      // usable lengths: reference §3 (DOCID, BACHNUMB, LOCNCODE, TAXSCHID, TAXDTLID 15; PYMTRMID 20; UOFM 8)
      id("orderDocId", orderDocId, 15);
      id("returnDocId", returnDocId, 15);
      id("sopNumberPrefix", sopNumberPrefix, 8);
      id("returnNumberPrefix", returnNumberPrefix, 8);
      id("orderBatchPrefix", orderBatchPrefix, 7);   // + yyyyMMdd = 15
      id("cashBatchPrefix", cashBatchPrefix, 9);     // + yyMMdd = 15
      id("journalBatchPrefix", journalBatchPrefix, 9);
      id("receiptPrefix", receiptPrefix, 5);
      id("creditMemoPrefix", creditMemoPrefix, 5);          // + 12 hex digits = 17 (taRMTransaction, error 12003)
      id("creditMemoBatchPrefix", creditMemoBatchPrefix, 9); // + yyMMdd = 15
      id("customerPrefix", customerPrefix, 5);
      id("defaultSite", defaultSite, 10);
      id("addressCode", addressCode, 15);
      id("taxDetailId", taxDetailId, 15);
      if (taxScheduleId != null) {
        id("taxScheduleId", taxScheduleId, 15);
      }
      if (paymentTermsId != null) {
        id("paymentTermsId", paymentTermsId, 20);
      }
      if (customerClass != null) {
        id("customerClass", customerClass, 15);
      }
      if (defaultUnitOfMeasure == null || defaultUnitOfMeasure.isBlank() || defaultUnitOfMeasure.length() > 8) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, "defaultUnitOfMeasure", "must be 1..8 characters (UOFM)");
      }
      Objects.requireNonNull(taxModel, "taxModel");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(validation, "validation");
      currencies.forEach((iso, id) -> id("currencies[" + iso + "]", id, 15));
      return new GpSettings(this);
    }

    private static void id(String setting, String value, int max) {
      if (value == null || value.isBlank()) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, setting, "is required");
      }
      if (value.length() > max) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, setting,
            "must be at most " + max + " characters (was " + value.length() + ")");
      }
      if (!value.equals(value.toUpperCase(Locale.ROOT))) {
        throw ConfigurationException.of(SystemId.DYNAMICS_GP, setting, "must be upper case (was " + value + ")");
      }
    }
  }
}
