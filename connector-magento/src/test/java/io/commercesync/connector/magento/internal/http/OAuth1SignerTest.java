package io.commercesync.connector.magento.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.magento.MagentoAuth;
import io.commercesync.core.security.Secret;
import java.time.Clock;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class OAuth1SignerTest {

  /** The widely published OAuth 1.0a worked example (Twitter's "Creating a signature"), HMAC-SHA1. */
  @Test
  void baseStringAndSignature_matchThePublishedVector() {
    List<OAuth1Signer.Param> params = List.of(
        new OAuth1Signer.Param("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
        new OAuth1Signer.Param("include_entities", "true"),
        new OAuth1Signer.Param("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"),
        new OAuth1Signer.Param("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
        new OAuth1Signer.Param("oauth_signature_method", "HMAC-SHA1"),
        new OAuth1Signer.Param("oauth_timestamp", "1318622958"),
        new OAuth1Signer.Param("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
        new OAuth1Signer.Param("oauth_version", "1.0"));
    String base = OAuth1Signer.baseString("POST", "https://api.twitter.com/1.1/statuses/update.json", params);
    assertThat(base).isEqualTo("POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&"
        + "include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26"
        + "oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26"
        + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26"
        + "oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26"
        + "oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen"
        + "%252C%2520a%2520signed%2520OAuth%2520request%2521");
    assertThat(OAuth1Signer.sign(OAuth1Signer.Method.HMAC_SHA1, base,
        "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"))
        .isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
  }

  @Test
  void header_isHmacSha256_signsQueryParameters_andOmitsDefaultPorts() {
    OAuth1Authenticator auth = new OAuth1Authenticator((MagentoAuth.OAuth1) MagentoAuth.oauth1(Secret.of("ck"),
        Secret.of("cs"), Secret.of("at"), Secret.of("ats")), Clock.systemUTC());
    HttpUrl url = HttpUrl.get("https://Shop.Example.com:443/rest/default/V1/orders?searchCriteria[pageSize]=2");
    String header = auth.header("GET", url, "abc", "1700000000");
    assertThat(header).startsWith("OAuth oauth_consumer_key=\"ck\", oauth_nonce=\"abc\", "
        + "oauth_signature_method=\"HMAC-SHA256\", oauth_timestamp=\"1700000000\", oauth_token=\"at\", "
        + "oauth_version=\"1.0\", oauth_signature=\"");
    assertThat(OAuth1Authenticator.baseUri(url)).isEqualTo("https://shop.example.com/rest/default/V1/orders");
    String expected = OAuth1Signer.sign(OAuth1Signer.Method.HMAC_SHA256, OAuth1Signer.baseString("GET",
        "https://shop.example.com/rest/default/V1/orders", List.of(
            new OAuth1Signer.Param("oauth_consumer_key", "ck"), new OAuth1Signer.Param("oauth_nonce", "abc"),
            new OAuth1Signer.Param("oauth_signature_method", "HMAC-SHA256"),
            new OAuth1Signer.Param("oauth_timestamp", "1700000000"), new OAuth1Signer.Param("oauth_token", "at"),
            new OAuth1Signer.Param("oauth_version", "1.0"),
            new OAuth1Signer.Param("searchCriteria[pageSize]", "2"))), "cs", "ats");
    assertThat(header).endsWith("oauth_signature=\"" + OAuth1Signer.encode(expected) + "\"");
  }
}
