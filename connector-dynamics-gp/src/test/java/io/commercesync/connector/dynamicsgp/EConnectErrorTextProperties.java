package io.commercesync.connector.dynamicsgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EConnectErrorTextProperties {

  @Provide
  Arbitrary<List<EConnectError>> errors() {
    Arbitrary<String> procs = Arbitraries.of("taSopHdrIvcInsert", "taSopLineIvcInsert", "taRMCashReceiptInsert",
        "taGLTransactionHeaderInsert", "taCustomPost");
    Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '(', ')', '-', '.')
        .ofMinLength(1).ofMaxLength(60).map(String::strip).filter(s -> !s.isEmpty());
    Arbitrary<Map<String, String>> fields = Arbitraries.maps(
        Arbitraries.of("SOPNUMBE", "SOPTYPE", "CUSTNMBR", "ITEMNMBR", "DOCNUMBR", "JRNENTRY"),
        Arbitraries.strings().withCharRange('A', 'Z').numeric().ofMinLength(1).ofMaxLength(15)).ofMaxSize(3)
        .map(LinkedHashMap::new);
    return Combinators.combine(Arbitraries.integers().between(1, 40000), procs, words, fields, fields)
        .as(EConnectError::of).list().ofMinSize(1).ofMaxSize(4)
        // one block per procedure: errors of the same procedure share their parameter blocks in eConnect's text
        .filter(list -> list.stream().map(EConnectError::procedure).distinct().count() == list.size());
  }

  @Property(tries = 300)
  void renderedText_parsesBackToTheSameErrors(@ForAll("errors") List<EConnectError> errors) {
    assertThat(EConnectErrorText.parse(EConnectErrorText.render(errors))).isEqualTo(errors);
  }

  @Property(tries = 300)
  void retryable_dependsOnTheNumberOnly(@ForAll("errors") List<EConnectError> errors) {
    for (EConnectError e : EConnectErrorText.parse(EConnectErrorText.render(errors))) {
      assertThat(e.retryable()).isEqualTo(e.number() == 2079 || e.number() == 2022 || e.number() == 1205);
    }
  }
}
