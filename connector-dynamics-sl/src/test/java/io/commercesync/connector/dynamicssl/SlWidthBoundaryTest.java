package io.commercesync.connector.dynamicssl;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.dynamicssl.internal.dto.ArAdjust;
import io.commercesync.connector.dynamicssl.internal.dto.ArDoc;
import io.commercesync.connector.dynamicssl.internal.dto.ArTran;
import io.commercesync.connector.dynamicssl.internal.dto.Batch;
import io.commercesync.connector.dynamicssl.internal.dto.CustomerDto;
import io.commercesync.connector.dynamicssl.internal.dto.GlTran;
import io.commercesync.connector.dynamicssl.internal.dto.InventoryDto;
import io.commercesync.connector.dynamicssl.internal.dto.ItemSite;
import io.commercesync.connector.dynamicssl.internal.dto.SlTable;
import io.commercesync.connector.dynamicssl.internal.dto.SoAddress;
import io.commercesync.connector.dynamicssl.internal.dto.SoHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoLine;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipHeader;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipLine;
import io.commercesync.connector.dynamicssl.internal.dto.SoShipPack;
import io.commercesync.connector.dynamicssl.internal.text.SlText;
import io.commercesync.connector.dynamicssl.internal.text.SlWidths;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every CHAR(n) column the connector writes: n characters pass, n + 1 are refused naming the column. */
class SlWidthBoundaryTest {

  static final List<Class<? extends Record>> TABLES = List.of(SoHeader.class, SoLine.class, CustomerDto.class,
      SoAddress.class, InventoryDto.class, ItemSite.class, Batch.class, GlTran.class, ArDoc.class, ArAdjust.class,
      ArTran.class, SoShipHeader.class, SoShipLine.class, SoShipPack.class);

  private final SlText text = new SlText(Charset.forName("windows-1252"), false);

  static Record with(Class<? extends Record> type, RecordComponent target, String value) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      if (components[i].getName().equals(target.getName())) {
        values[i] = value;
      }
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  @TestFactory
  Stream<DynamicTest> everyCharColumn_acceptsItsWidth_andRefusesOneMore() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<? extends Record> type : TABLES) {
      String table = type.getAnnotation(SlTable.class).value();
      for (RecordComponent rc : type.getRecordComponents()) {
        if (rc.getType() != String.class) {
          continue;
        }
        String column = SlText.jsonName(rc);
        tests.add(DynamicTest.dynamicTest(table + "." + column, () -> {
          OptionalInt width = SlWidths.width(table, column);
          assertThat(width).as("width of " + table + "." + column).isPresent();
          int n = width.getAsInt();
          assertThat(text.violations(with(type, rc, "X".repeat(n)))).isEmpty();
          List<FieldViolation> over = text.violations(with(type, rc, "X".repeat(n + 1)));
          assertThat(over).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/" + column);
            assertThat(v.rule()).isEqualTo(FieldViolation.RULE_MAX_LENGTH);
            assertThat(v.message()).isEqualTo(table + "." + column + " is char(" + n + "): must be at most " + n
                + " characters (was " + (n + 1) + ")");
          });
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyWireDtoOfATable_isCoveredByTheBoundaryTest() {
    List<String> tables = new com.tngtech.archunit.core.importer.ClassFileImporter()
        .importPackages(SlTable.class.getPackageName()).stream()
        .filter(c -> c.isAnnotatedWith(SlTable.class) && c.getPackageName().equals(SlTable.class.getPackageName()))
        .map(c -> c.getName()).sorted().toList();
    assertThat(tables).isNotEmpty().containsExactlyInAnyOrderElementsOf(TABLES.stream().map(Class::getName).toList());
  }

  @Test
  void widthTable_holdsTheReferenceWidths() {
    Map<String, Integer> w = SlWidths.all();
    assertThat(w).containsEntry("SOHeader.CustOrdNbr", 25).containsEntry("SOLine.InvtID", 30)
        .containsEntry("Customer.CustId", 15).containsEntry("SOHeader.CustID", 15)
        .containsEntry("SOShipHeader.TrackingNbr", 25).containsEntry("SOShipPack.TrackingNbr", 20)
        .containsEntry("SOLine.SlsSub", 24).containsEntry("Batch.Descr", 30).containsEntry("SOAddress.Descr", 30)
        .containsEntry("GLTran.ExtRefNbr", 15).containsEntry("Customer.EMailAddr", 80)
        .containsEntry("Inventory.Color", 20).containsEntry("SOHeader.ProjectID", 16)
        .containsEntry("ARTran.Acct", 10).containsEntry("ARTran.Sub", 24).containsEntry("ARTran.TranDesc", 30)
        .containsEntry("ARTran.ExtRefNbr", 15).containsEntry("ARTran.DrCr", 1).containsEntry("ARDoc.DocDesc", 30);
  }

  @Test
  void prepare_reportsEveryViolationAtOnce_withPointersIntoTheDocument() {
    var doc = new io.commercesync.connector.dynamicssl.internal.dto.SalesOrderDocument(
        new SoHeader("0060", null, "SO", null, "C".repeat(16), "CS-1", null, null, null, null, "名前", null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null),
        List.of(new SoLine(null, null, "00001", "OK", null, "AUSTIN", null, null, null, null, null, null, null, null,
            null, null, null, null, null), new SoLine(null, null, "000002", "I".repeat(31), null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null)));
    InvalidRecordException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRecordException.class,
        () -> text.prepare(doc, "sales order", "CS-1"));
    assertThat(e.violations()).extracting(FieldViolation::path).containsExactly("/SOHeader/CustID",
        "/SOHeader/ShipName", "/SOLine/1/LineRef", "/SOLine/1/InvtID");
    assertThat(e.getMessage()).startsWith("dynamics-sl sales order CS-1: ");
  }
}
