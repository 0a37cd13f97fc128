package io.commercesync.connector.dynamicssl.internal.mapping;

import io.commercesync.connector.dynamicssl.SlCreditMemoAccounts;
import io.commercesync.connector.dynamicssl.SlFiscalCalendar;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * What the mappers need besides the record: the SL server's zone, the currency of amounts without a
 * currency id, the fiscal calendar and the site-defined codes used as defaults.
 *
 * @param zone the SL server's zone (SL timestamps are local time)
 * @param baseCurrency currency of amounts whose SL row carries no currency id
 * @param cpnyId the default company ({@code CpnyID})
 * @param soTypeId the order type for new orders ({@code SOTypeID}, site-defined, e.g. {@code SO})
 * @param defaultSiteId the site for lines that name none ({@code SiteID}), or null for SL's default
 * @param fiscalCalendar how a date becomes {@code PerPost}
 * @param jrnlType GL journal type ({@code JrnlType}, site-defined, e.g. {@code GJ})
 * @param ledgerId GL ledger ({@code LedgerID}, site-defined, e.g. {@code ACTUAL})
 * @param defaultSub the subaccount used when an account carries none ({@code Sub})
 * @param creditMemoTypeId the order type of credit memos ({@code SOTypeID}, site-defined; default {@code CM},
 *     an order type whose {@code SOType.Behavior} is {@code CM})
 * @param creditMemoAccounts the accounts of AR credit memos (money-only refunds), or null when not configured
 */
public record SlMappingContext(
    ZoneId zone,
    Currency baseCurrency,
    String cpnyId,
    String soTypeId,
    String defaultSiteId,
    SlFiscalCalendar fiscalCalendar,
    String jrnlType,
    String ledgerId,
    String defaultSub,
    String creditMemoTypeId,
    SlCreditMemoAccounts creditMemoAccounts) {

  /** The default credit-memo order type ({@code SOTypeID}). */
  public static final String CREDIT_MEMO_TYPE = "CM";

  public SlMappingContext {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(baseCurrency, "baseCurrency");
    Objects.requireNonNull(fiscalCalendar, "fiscalCalendar");
    creditMemoTypeId = creditMemoTypeId == null ? CREDIT_MEMO_TYPE : creditMemoTypeId;
  }

  /** A context without AR credit memo accounts. */
  public SlMappingContext(ZoneId zone, Currency baseCurrency, String cpnyId, String soTypeId, String defaultSiteId,
      SlFiscalCalendar fiscalCalendar, String jrnlType, String ledgerId, String defaultSub, String creditMemoTypeId) {
    this(zone, baseCurrency, cpnyId, soTypeId, defaultSiteId, fiscalCalendar, jrnlType, ledgerId, defaultSub,
        creditMemoTypeId, null);
  }

  /** A context with the default credit-memo order type {@value #CREDIT_MEMO_TYPE}. */
  public SlMappingContext(ZoneId zone, Currency baseCurrency, String cpnyId, String soTypeId, String defaultSiteId,
      SlFiscalCalendar fiscalCalendar, String jrnlType, String ledgerId, String defaultSub) {
    this(zone, baseCurrency, cpnyId, soTypeId, defaultSiteId, fiscalCalendar, jrnlType, ledgerId, defaultSub,
        CREDIT_MEMO_TYPE, null);
  }

  /** This context with AR credit memos booked to {@code accounts}. */
  public SlMappingContext withCreditMemoAccounts(SlCreditMemoAccounts accounts) {
    return new SlMappingContext(zone, baseCurrency, cpnyId, soTypeId, defaultSiteId, fiscalCalendar, jrnlType,
        ledgerId, defaultSub, creditMemoTypeId, accounts);
  }

  /** Defaults for examples and the CLI: UTC, USD, company {@code 0060}, type {@code SO}, calendar year. */
  public static SlMappingContext defaults() {
    return new SlMappingContext(ZoneId.of("UTC"), Currency.getInstance("USD"), "0060", "SO", null,
        SlFiscalCalendar.calendarYear(), "GJ", "ACTUAL", null);
  }
}
