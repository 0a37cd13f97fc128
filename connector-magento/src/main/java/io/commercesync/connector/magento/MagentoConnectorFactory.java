package io.commercesync.connector.magento;

import io.commercesync.core.config.ConnectorFactory;
import io.commercesync.core.config.Settings;
import io.commercesync.core.http.HttpSettings;
import io.commercesync.core.spi.Connector;

/**
 * Builds a {@link MagentoStorefront} from configuration ({@code type: magento}):
 *
 * <pre>
 * baseUrl: https://shop.example.com
 * store: default                       # the store view orders are read from
 * auth: oauth1                         # oauth1 (default) | bearer | admin-token
 * consumerKey: env:MAGENTO_CONSUMER_KEY
 * consumerSecret: env:MAGENTO_CONSUMER_SECRET
 * accessToken: env:MAGENTO_ACCESS_TOKEN
 * accessTokenSecret: env:MAGENTO_ACCESS_TOKEN_SECRET
 * # bearer: token: env:NAME          admin-token: username: NAME, password: env:NAME
 * overlap: PT5M                        # re-read window for updated_at
 * defaultSource: default               # MSI source for shipments without one
 * stockId: 1                           # MSI stock the store sells from (its reservations)
 * catalogBulkFrom: 20                  # catalog batches this large use the async bulk API; 0 = off
 * bulkTimeout: PT10M                   # how long a catalog bulk is polled
 * legacyStock: false                   # true: the single-source stock item instead of MSI source items
 * readTimeout: PT30S
 * </pre>
 */
public final class MagentoConnectorFactory implements ConnectorFactory {

  @Override
  public String type() {
    return "magento";
  }

  @Override
  public Connector create(Settings s) {
    MagentoClient.Builder client = MagentoClient.builder().baseUrl(s.uri("baseUrl"));
    String auth = s.optionalString("auth").orElse("oauth1");
    switch (auth) {
      case "oauth1" -> client.oauth1(s.secret("consumerKey"), s.secret("consumerSecret"), s.secret("accessToken"),
          s.secret("accessTokenSecret"));
      case "bearer" -> client.bearer(s.secret("token"));
      case "admin-token" -> client.adminToken(s.string("username"), s.secret("password"));
      default -> throw s.bad("auth", "must be oauth1, bearer or admin-token (was " + auth + ")");
    }
    HttpSettings http = HttpSettings.DEFAULT;
    http = s.duration("readTimeout").map(http::withReadTimeout).orElse(http);
    http = s.duration("connectTimeout").map(http::withConnectTimeout).orElse(http);
    client.http(http);
    s.optionalString("baseCurrency").ifPresent(client::baseCurrency);
    MagentoStorefront.Builder storefront = MagentoStorefront.builder(client.build())
        .store(s.optionalString("store").orElse("default"));
    s.duration("overlap").ifPresent(storefront::overlap);
    s.optionalString("defaultSource").ifPresent(storefront::defaultSource);
    s.integer("websiteId").ifPresent(storefront::websiteId);
    s.integer("stockId").ifPresent(storefront::stockId);
    s.integer("catalogBulkFrom").ifPresent(storefront::catalogBulkFrom);
    s.duration("bulkTimeout").ifPresent(storefront::bulkTimeout);
    s.bool("legacyStock").ifPresent(storefront::legacyStock);
    return storefront.build();
  }
}
