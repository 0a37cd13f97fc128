package io.commercesync.connector.dynamicsgp;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.dynamicsgp.econnect.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EConnectErrorTextTest {

  @Test
  void sample_single598_withKeyAndRelatedBlocks_andOddLineBreaks() {
    List<EConnectError> errors = EConnectErrorText.parse(Samples.text("econnect-error.txt"));
    assertThat(errors).hasSize(1);
    EConnectError e = errors.get(0);
    assertThat(e.is(598, "taSopLineIvcInsert")).isTrue();
    assertThat(e.description()).startsWith("The Customer Number (CUSTNMBR) does not exist");
    assertThat(e.keyFields()).containsExactly(Map.entry("SOPNUMBE", "WEB100045872"), Map.entry("SOPTYPE", "2"));
    assertThat(e.relatedFields()).containsExactly(Map.entry("CUSTNMBR", "WEBMGARCIA0007"));
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void several_errorsFromTwoProcedures_blocksAttachToTheirProcedure() {
    String text = "Sql procedure error codes returned:\n\r"
        + "Error Number = 67  Stored Procedure= taSopHdrIvcInsert  Error Description = Subtotal does not match the line item totals\r\n"
        + "Error Number = 235  Stored Procedure= taSopHdrIvcInsert  Error Description = Document amount wrong\r\n"
        + "Node Identifier Parameters: taSopHdrIvcInsert\r\nSOPNUMBE = WEB1\r\nSOPTYPE = 2\r\n"
        + "Related Error Code Parameters for Node : taSopHdrIvcInsert\r\nSUBTOTAL = 10\r\n\r\n"
        + "Error Number = 2079  Stored Procedure= taSopLineIvcInsert  Error Description = being edited\r\n"
        + "Node Identifier Parameters: taSopLineIvcInsert\r\nSOPNUMBE = WEB1\r\n\r\n<taSopLineIvcInsert>\r\n<X>1</X>";
    List<EConnectError> errors = EConnectErrorText.parse(text);
    assertThat(errors).extracting(EConnectError::number).containsExactly(67, 235, 2079);
    assertThat(errors.get(0).keyFields()).containsEntry("SOPNUMBE", "WEB1");
    assertThat(errors.get(1).relatedFields()).containsEntry("SUBTOTAL", "10");
    assertThat(errors.get(2).keyFields()).containsExactly(Map.entry("SOPNUMBE", "WEB1"));
    assertThat(errors.get(2).relatedFields()).isEmpty();
    assertThat(errors).extracting(EConnectError::retryable).containsExactly(false, false, true);
  }

  @Test
  void unknownNumber_isKept_asAPermanentError() {
    List<EConnectError> errors = EConnectErrorText.parse(
        "Error Number = 31999  Stored Procedure= taCustomPre  Error Description = Custom rule failed");
    assertThat(errors).containsExactly(new EConnectError(31999, "taCustomPre", "Custom rule failed", Map.of(), Map.of(), false));
  }

  @Test
  void classification_byNumberAndProcedure_neverByWording() {
    String lockWorded = "Error Number = 108  Stored Procedure= taSopLineIvcInsert  Error Description = record is locked, try again";
    assertThat(EConnectErrorText.parse(lockWorded).get(0).retryable()).isFalse();
    String lock = "Error Number = 2022  Stored Procedure= taSopHdrIvcInsert  Error Description = whatever";
    assertThat(EConnectErrorText.parse(lock).get(0).retryable()).isTrue();
  }

  @Test
  void render_thenParse_roundTrips() {
    List<EConnectError> errors = List.of(
        EConnectError.of(56, "taSopHdrIvcInsert", "Duplicate document number", Map.of("SOPNUMBE", "WEB9", "SOPTYPE", "2"), Map.of()),
        EConnectError.of(108, "taSopLineIvcInsert", "Item does not exist", Map.of("SOPNUMBE", "WEB9"), Map.of("ITEMNMBR", "NOPE")));
    assertThat(EConnectErrorText.parse(EConnectErrorText.render(errors))).isEqualTo(errors);
    assertThat(EConnectErrorText.parse("no errors here")).isEmpty();
  }
}
