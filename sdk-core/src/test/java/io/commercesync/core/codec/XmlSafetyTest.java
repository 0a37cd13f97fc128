package io.commercesync.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlSafetyTest {

  @XmlRootElement(name = "taSopHdrIvcInsert")
  @XmlAccessorType(XmlAccessType.FIELD)
  static class Header {
    @XmlElement(name = "SOPNUMBE") String sopNumber;
    @XmlElement(name = "CSTPONBR") String customerPo;
    @XmlElement(name = "DOCAMNT") BigDecimal documentAmount;
  }

  private final XmlCodec codec = XmlCodec.of(SystemId.DYNAMICS_GP, Header.class);

  private InvalidRecordException refused(String xml) {
    Throwable t = catchThrowable(() -> codec.read(xml.getBytes(StandardCharsets.UTF_8), Header.class, "SOP header"));
    assertThat(t).isInstanceOf(InvalidRecordException.class);
    return (InvalidRecordException) t;
  }

  @Test
  void wellFormedDocument_roundTrips() {
    Header h = new Header();
    h.sopNumber = "WEB100045871";
    h.customerPo = "WEB-100045871";
    h.documentAmount = new BigDecimal("75.05");
    byte[] xml = codec.write(h);
    assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<CSTPONBR>WEB-100045871</CSTPONBR>");
    Header back = codec.read(xml, Header.class, "SOP header");
    assertThat(back.documentAmount).isEqualByComparingTo("75.05");
    assertThat(back.sopNumber).isEqualTo("WEB100045871");
  }

  @Test
  void externalEntity_fileRead_isRefused(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    InvalidRecordException e = refused(
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
            + "<taSopHdrIvcInsert><SOPNUMBE>&xxe;</SOPNUMBE></taSopHdrIvcInsert>");
    assertThat(e.getMessage()).doesNotContain("TOP-SECRET-CONTENT").contains("DOCTYPE");
    assertThat(e.violations().get(0).rule()).isEqualTo(FieldViolation.RULE_FORMAT);
  }

  @Test
  void externalDtd_isNeverFetched() {
    InvalidRecordException e = refused(
        "<?xml version=\"1.0\"?><!DOCTYPE taSopHdrIvcInsert SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
            + "<taSopHdrIvcInsert><SOPNUMBE>1</SOPNUMBE></taSopHdrIvcInsert>");
    assertThat(e.getMessage()).contains("DOCTYPE");
  }

  @Test
  void billionLaughs_isRefusedQuickly() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      xml.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        xml.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      xml.append("\">");
    }
    xml.append("]><taSopHdrIvcInsert><SOPNUMBE>&lol9;</SOPNUMBE></taSopHdrIvcInsert>");
    InvalidRecordException e = refused(xml.toString());
    assertThat(e.getMessage()).contains("DOCTYPE");
  }

  @Test
  void badLeafValue_namesTheElementPath() {
    InvalidRecordException e = refused(
        "<taSopHdrIvcInsert><SOPNUMBE>1</SOPNUMBE><DOCAMNT>seventy</DOCAMNT></taSopHdrIvcInsert>");
    assertThat(e.violations().get(0).path()).isEqualTo("/taSopHdrIvcInsert/DOCAMNT");
    assertThat(e.recordSystem()).isEqualTo(SystemId.DYNAMICS_GP);
  }

  @Test
  void truncatedXml_isASyntaxViolation() {
    InvalidRecordException e = refused("<taSopHdrIvcInsert><SOPNUMBE>1</SOPNUMBE><DOCAMNT>7");
    assertThat(e.violations().get(0).rule()).isEqualTo(FieldViolation.RULE_SYNTAX);
    assertThat(e.violations().get(0).path()).startsWith("/taSopHdrIvcInsert");
  }

  @Test
  void domParser_refusesDoctypes(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    DocumentBuilder builder = SafeXml.documentBuilderFactory().newDocumentBuilder();
    builder.setErrorHandler(null);
    String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><x>&xxe;</x>";
    Throwable t = catchThrowable(() -> builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    assertThat(t).isInstanceOf(org.xml.sax.SAXParseException.class).hasMessageContaining("DOCTYPE");
  }
}
