package io.commercesync.connector.clarity;

import io.commercesync.core.config.ConnectorFactory;
import io.commercesync.core.config.Settings;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.Connector;

/**
 * Builds a {@link ClarityStorefront} from configuration ({@code type: clarity}):
 *
 * <pre>
 * baseUrl: https://shop.example.com
 * auth: oauth2                         # oauth2 | api-key (v1 dialect) | session | basic (native dialect)
 * clientId: commercesync               # oauth2
 * clientSecret: env:CLARITY_CLIENT_SECRET
 * scope: "orders:read orders:write ..."
 * # api-key: key: env:NAME     session / basic: user: NAME, password: env:NAME
 * currency: USD                        # native orders carry none
 * erpSystem: dynamics-sl               # whose keys CustomKey holds
 * allowInsecureHttp: false             # only for local simulators
 * returnStatuses: [Completed]          # return statuses that count as refunded (default per dialect:
 *                                      # native Payment Sent, Completed; v1 refunded)
 * </pre>
 */
public final class ClarityConnectorFactory implements ConnectorFactory {

  @Override
  public String type() {
    return "clarity";
  }

  @Override
  public Connector create(Settings s) {
    ClarityClient.Builder client = ClarityClient.builder().baseUrl(s.uri("baseUrl"));
    String auth = s.string("auth");
    switch (auth) {
      case "oauth2" -> client.auth(ClarityAuth.oauth2(s.string("clientId"), s.secret("clientSecret"),
          s.optionalString("scope").orElse("orders:read orders:write customers:read customers:write"
              + " products:write inventory:write shipments:write")));
      case "api-key" -> client.auth(ClarityAuth.apiKey(s.secret("key")));
      case "session" -> client.auth(ClarityAuth.session(s.string("user"), s.secret("password")));
      case "basic" -> client.auth(ClarityAuth.basic(s.string("user"), s.secret("password")));
      default -> throw s.bad("auth", "must be oauth2, api-key, session or basic (was " + auth + ")");
    }
    s.optionalString("currency").ifPresent(client::currency);
    s.optionalString("erpSystem").map(SystemId::of).ifPresent(client::erpSystem);
    s.bool("allowInsecureHttp").ifPresent(client::allowInsecureHttp);
    s.duration("pollOverlap").ifPresent(client::pollOverlap);
    s.optionalString("inventorySource").ifPresent(client::inventorySource);
    if (s.has("returnStatuses")) {
      client.returnStatuses(ClarityReturnStatuses.of(s.strings("returnStatuses").toArray(String[]::new)));
    }
    return ClarityStorefront.of(client.build());
  }
}
