package io.commercesync.connector.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.commercesync.connector.magento.SearchCriteria.Condition;
import io.commercesync.connector.magento.SearchCriteria.Direction;
import io.commercesync.connector.magento.SearchCriteria.Filter;
import io.commercesync.core.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

  @Test
  void toQueryString_isMagentosExactSyntax() {
    SearchCriteria c = SearchCriteria.builder()
        .where("updated_at", Condition.GTEQ, "2025-03-01 00:00:00")
        .whereAny(Filter.of("status", Condition.EQ, "pending"), Filter.of("status", Condition.EQ, "processing"))
        .sortBy("updated_at", Direction.ASC).sortBy("entity_id", Direction.ASC)
        .pageSize(100).currentPage(2).build();
    assertThat(c.toQueryString().split("&")).containsExactly(
        "searchCriteria[filter_groups][0][filters][0][field]=updated_at",
        "searchCriteria[filter_groups][0][filters][0][value]=2025-03-01%2000%3A00%3A00",
        "searchCriteria[filter_groups][0][filters][0][condition_type]=gteq",
        "searchCriteria[filter_groups][1][filters][0][field]=status",
        "searchCriteria[filter_groups][1][filters][0][value]=pending",
        "searchCriteria[filter_groups][1][filters][0][condition_type]=eq",
        "searchCriteria[filter_groups][1][filters][1][field]=status",
        "searchCriteria[filter_groups][1][filters][1][value]=processing",
        "searchCriteria[filter_groups][1][filters][1][condition_type]=eq",
        "searchCriteria[sortOrders][0][field]=updated_at",
        "searchCriteria[sortOrders][0][direction]=ASC",
        "searchCriteria[sortOrders][1][field]=entity_id",
        "searchCriteria[sortOrders][1][direction]=ASC",
        "searchCriteria[pageSize]=100",
        "searchCriteria[currentPage]=2");
  }

  @Test
  void values_arePercentEncoded_likeAndInKeepTheirMeaning() {
    assertThat(SearchCriteria.builder().where("sku", Condition.LIKE, "CS-MUG%").build().toQueryString())
        .contains("[value]=CS-MUG%25").contains("[condition_type]=like");
    assertThat(SearchCriteria.builder().whereAny(Filter.in("sku", List.of("A B", "C+D/E"))).build().toQueryString())
        .contains("[value]=A%20B%2CC%2BD%2FE").contains("[condition_type]=in");
    assertThat(SearchCriteria.builder().where("name", Condition.EQ, "Chloé").build().toQueryString())
        .contains("[value]=Chlo%C3%A9");
    assertThat(SearchCriteria.all().toQueryString()).isEqualTo("searchCriteria=");
  }

  @Test
  void pageSizeAbove300_isRefusedWithTheOptionNamed() {
    assertThatThrownBy(() -> SearchCriteria.builder().pageSize(301).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("searchCriteria.pageSize").hasMessageContaining("1..300");
    assertThatThrownBy(() -> SearchCriteria.builder().currentPage(0).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("currentPage");
  }
}
