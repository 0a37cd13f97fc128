package io.commercesync.connector.dynamicssl.internal.text;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.commercesync.connector.dynamicssl.internal.dto.SlTable;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The text rules of SL's {@code CHAR(n)} columns, applied to whole wire documents by walking their
 * record components.
 *
 * <ul>
 *   <li>Before sending ({@link #prepare}): optional transliteration of characters the code page cannot
 *       hold, then every value checked against its column's width and the code page. Every violation
 *       is reported at once, with a JSON pointer ({@code /SOLine/1/InvtID}) and the SL column and width
 *       in the message. Nothing is ever truncated (reference §5 pitfalls 1 and 3).
 *   <li>After reading ({@link #trimmed}): every string right-trimmed, blanks read as empty (pitfalls 1
 *       and 2: SL pads CHAR columns and stores "empty" as a space).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class SlText {

  /** Characters NFD decomposition cannot bring into Latin-1 code pages. */
  private static final Map<Integer, String> SPECIAL = Map.ofEntries(
      Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'Æ', "AE"),
      Map.entry((int) 'ø', "o"), Map.entry((int) 'Ø', "O"), Map.entry((int) 'ł', "l"),
      Map.entry((int) 'Ł', "L"), Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"),
      Map.entry((int) 'ı', "i"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "OE"),
      Map.entry((int) 'þ', "th"), Map.entry((int) 'Þ', "TH"), Map.entry(0x2010, "-"),
      Map.entry(0x2011, "-"), Map.entry(0x2212, "-"), Map.entry(0x00A0, " "));

  private final Charset codePage;
  private final boolean transliterate;

  public SlText(Charset codePage, boolean transliterate) {
    this.codePage = Objects.requireNonNull(codePage, "codePage");
    this.transliterate = transliterate;
  }

  public Charset codePage() {
    return codePage;
  }

  public boolean transliterates() {
    return transliterate;
  }

  /**
   * Checks {@code document} (a wire DTO or a document of DTOs) for SL, after transliterating when
   * configured, and returns the document to send.
   *
   * @throws InvalidRecordException (system {@code dynamics-sl}) naming every column at fault
   */
  public <T extends Record> T prepare(T document, String entity, String recordId) {
    List<FieldViolation> violations = new ArrayList<>();
    T out = walk(document, "", null, (pointer, table, column, value) -> {
      String v = transliterate ? transliterate(value) : value;
      check(pointer, table, column, v, violations);
      return v;
    });
    if (!violations.isEmpty()) {
      throw InvalidRecordException.builder(SystemId.DYNAMICS_SL, entity)
          .recordId(recordId)
          .violations(violations)
          .build();
    }
    return out;
  }

  /** The violations {@link #prepare} would report, without throwing; empty when the document is fine. */
  public List<FieldViolation> violations(Record document) {
    List<FieldViolation> violations = new ArrayList<>();
    walk(document, "", null, (pointer, table, column, value) -> {
      check(pointer, table, column, transliterate ? transliterate(value) : value, violations);
      return value;
    });
    return violations;
  }

  /** {@code document} with every string right-trimmed (a blank CHAR column becomes {@code ""}). */
  public static <T extends Record> T trimmed(T document) {
    if (document == null) {
      return null;
    }
    return walk(document, "", null, (pointer, table, column, value) -> rtrim(value));
  }

  /** {@code value} without trailing spaces; null stays null. */
  public static String rtrim(String value) {
    if (value == null) {
      return null;
    }
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == ' ') {
      end--;
    }
    return value.substring(0, end);
  }

  /**
   * {@code value} for a purely descriptive column (a line's {@code Descr}): transliterated when configured,
   * or null when the code page still cannot hold it, so SL falls back to its own text (the item's
   * description) instead of refusing the whole document. Never used for keys or names SL keeps as data.
   */
  public String descriptive(String value) {
    if (value == null) {
      return null;
    }
    String v = transliterate ? transliterate(value) : value;
    return codePage.newEncoder().canEncode(v) ? v : null;
  }

  /**
   * {@code value} for a descriptive column of {@code width} bytes ({@code DocDesc}, {@code TranDesc}): as
   * {@link #descriptive}, then cut after the last whole character that fits {@code width} bytes of the code
   * page, trailing spaces removed. Only for free text an operator reads; a key or a reference is never
   * clipped (it is refused instead, by {@link #prepare}).
   */
  public String clipped(String value, int width) {
    String v = descriptive(value);
    if (v == null) {
      return null;
    }
    CharsetEncoder encoder = codePage.newEncoder();
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < v.length(); ) {
      int cp = v.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      int size = storedLength(ch, encoder);
      if (bytes + size > width) {
        break;
      }
      out.append(ch);
      bytes += size;
      i += Character.charCount(cp);
    }
    return rtrim(out.toString());
  }

  /**
   * What {@link #prepare} would report for {@code value} in {@code table.column} (width and code page, after
   * transliterating when configured); empty when it can be written as it is.
   */
  public List<FieldViolation> violations(String table, String column, String value) {
    List<FieldViolation> out = new ArrayList<>();
    check("", table, column, transliterate ? transliterate(value) : value, out);
    return out;
  }

  /** Whether {@code value} can be written to {@code table.column} as it is: a known width and the code page. */
  public boolean fits(String table, String column, String value) {
    return violations(table, column, value).isEmpty();
  }

  /**
   * {@code value} with every character the code page cannot hold replaced by a near equivalent
   * ({@code ł} → {@code l}, {@code č} → {@code c}); characters without one are kept (and then
   * reported by the code-page check).
   */
  public String transliterate(String value) {
    if (value == null) {
      return null;
    }
    CharsetEncoder encoder = codePage.newEncoder();
    if (encoder.canEncode(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(cp -> {
      String ch = new String(Character.toChars(cp));
      if (encoder.canEncode(ch)) {
        out.append(ch);
        return;
      }
      String special = SPECIAL.get(cp);
      if (special != null) {
        out.append(special);
        return;
      }
      String stripped = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      out.append(!stripped.isEmpty() && encoder.canEncode(stripped) ? stripped : ch);
    });
    return out.toString();
  }

  private void check(String pointer, String table, String column, String value, List<FieldViolation> out) {
    if (value == null || table == null) {
      return;
    }
    OptionalInt width = SlWidths.width(table, column);
    CharsetEncoder encoder = codePage.newEncoder();
    String bad = firstUnencodable(value, encoder);
    if (bad != null) {
      out.add(FieldViolation.of(pointer, FieldViolation.RULE_FORMAT, value,
          table + "." + column + " is a non-Unicode CHAR column: character '" + bad + "' (U+"
              + String.format("%04X", bad.codePointAt(0)) + ") is not in code page " + codePage.name()));
    }
    if (width.isPresent()) {
      int length = storedLength(value, encoder);
      if (length > width.getAsInt()) {
        out.add(FieldViolation.of(pointer, FieldViolation.RULE_MAX_LENGTH, value,
            table + "." + column + " is char(" + width.getAsInt() + "): must be at most "
                + width.getAsInt() + " characters (was " + length + ")"));
      }
    } else {
      out.add(FieldViolation.of(pointer, FieldViolation.RULE_FORMAT, null,
          table + "." + column + " has no known width; refusing to send it unchecked"));
    }
  }

  /** Bytes in a single- or double-byte code page (CHAR(n) holds n bytes); code points otherwise. */
  private int storedLength(String value, CharsetEncoder encoder) {
    try {
      ByteBuffer bytes = encoder.reset().encode(CharBuffer.wrap(value));
      return bytes.remaining();
    } catch (CharacterCodingException e) {
      return value.codePointCount(0, value.length());
    }
  }

  private static String firstUnencodable(String value, CharsetEncoder encoder) {
    if (encoder.canEncode(value)) {
      return null;
    }
    int[] cps = value.codePoints().toArray();
    for (int cp : cps) {
      String ch = new String(Character.toChars(cp));
      if (!encoder.canEncode(ch)) {
        return ch;
      }
    }
    return null;
  }

  @FunctionalInterface
  private interface StringVisitor {
    String visit(String pointer, String table, String column, String value);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Record> T walk(T record, String pointer, String ignored, StringVisitor visitor) {
    Class<?> type = record.getClass();
    SlTable table = type.getAnnotation(SlTable.class);
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean changed = false;
    for (int i = 0; i < components.length; i++) {
      RecordComponent rc = components[i];
      types[i] = rc.getType();
      Object value = read(rc, record);
      String name = jsonName(rc);
      String at = pointer + "/" + name;
      Object next = value;
      if (value instanceof String s) {
        next = visitor.visit(at, table == null ? null : table.value(), name, s);
      } else if (value instanceof Record r) {
        next = walk(r, at, null, visitor);
      } else if (value instanceof List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        for (int j = 0; j < list.size(); j++) {
          Object element = list.get(j);
          copy.add(element instanceof Record r ? walk(r, at + "/" + j, null, visitor) : element);
        }
        next = copy;
      }
      values[i] = next;
      changed |= next != value;
    }
    if (!changed) {
      return record;
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return (T) constructor.newInstance(values);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e.getCause());
    }
  }

  private static Object read(RecordComponent rc, Record record) {
    try {
      return rc.getAccessor().invoke(record);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + rc.getName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + rc.getName(), e.getCause());
    }
  }

  /** The JSON key of a component: its {@code @JsonProperty} value (the SL column name). */
  public static String jsonName(RecordComponent rc) {
    JsonProperty property = rc.getAccessor().getAnnotation(JsonProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : rc.getName();
  }

}
