package io.commercesync.core.codec.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a parsed JSON tree to a record type, collecting <em>every</em> violation instead of stopping at
 * the first (Jackson's own binding stops at the first). Records are built through their canonical
 * constructors, so their invariants are checked as usual; a constructor's violations are placed under
 * the record's path ({@code lines[2].quantity}). Leaf values (strings, numbers, dates, currencies,
 * enums) are converted by the given mapper.
 */
public final class RecordBinder {

  private final ObjectMapper mapper;

  public RecordBinder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The outcome: a value when there were no violations, and the unknown properties seen. */
  public record Result<T>(T value, List<FieldViolation> violations, List<String> unknown) {}

  public <T> Result<T> bind(JsonNode root, Class<T> type) {
    List<FieldViolation> violations = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Object value = bindValue(root, type, "", violations, unknown);
    if (violations.isEmpty() && value == null) {
      violations.add(FieldViolation.of(JacksonErrors.DOCUMENT, FieldViolation.RULE_REQUIRED, null,
          "must be a JSON object"));
    }
    return new Result<>(violations.isEmpty() ? type.cast(value) : null, violations, unknown);
  }

  private Object bindValue(
      JsonNode node, Type type, String path, List<FieldViolation> out, List<String> unknown) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    Class<?> raw = rawClass(type);
    if (raw.isRecord() && !isValueType(raw)) {
      return bindRecord(node, raw, path, out, unknown);
    }
    if (List.class.isAssignableFrom(raw)) {
      if (!node.isArray()) {
        out.add(FieldViolation.of(path, FieldViolation.RULE_TYPE, null, "must be an array"));
        return null;
      }
      Type element = typeArgument(type, 0);
      List<Object> list = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        list.add(bindValue(node.get(i), element, path + "[" + i + "]", out, unknown));
      }
      return list;
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!node.isObject()) {
        out.add(FieldViolation.of(path, FieldViolation.RULE_TYPE, null, "must be an object"));
        return null;
      }
      Type valueType = typeArgument(type, 1);
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), bindValue(e.getValue(), valueType, join(path, e.getKey()), out, unknown));
      }
      return map;
    }
    return bindLeaf(node, raw, path, out);
  }

  private Object bindRecord(
      JsonNode node, Class<?> type, String path, List<FieldViolation> out, List<String> unknown) {
    if (!node.isObject()) {
      out.add(FieldViolation.of(path.isEmpty() ? JacksonErrors.DOCUMENT : path, FieldViolation.RULE_TYPE,
          null, "must be a JSON object"));
      return null;
    }
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    Set<String> failed = new HashSet<>();
    Set<String> known = new HashSet<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String name = component.getName();
      known.add(name);
      types[i] = component.getType();
      int before = out.size();
      Object value = bindValue(node.get(name), component.getGenericType(), join(path, name), out, unknown);
      if (out.size() > before) {
        failed.add(name);
      }
      args[i] = value != null ? value : defaultFor(component.getType());
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        unknown.add(join(path, name));
      }
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidRecordException invalid) {
        for (FieldViolation v : invalid.violations()) {
          String top = topField(v.path());
          if (!failed.contains(top)) {
            out.add(v.under(path));
          }
        }
      } else if (failed.isEmpty()) {
        out.add(FieldViolation.of(path.isEmpty() ? JacksonErrors.DOCUMENT : path,
            FieldViolation.RULE_FORMAT, null, String.valueOf(cause.getMessage())));
      }
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  private Object bindLeaf(JsonNode node, Class<?> raw, String path, List<FieldViolation> out) {
    if ((raw == String.class) && !node.isValueNode()) {
      out.add(FieldViolation.of(path, FieldViolation.RULE_TYPE, null, "must be a string"));
      return null;
    }
    try {
      return mapper.treeToValue(node, raw);
    } catch (JacksonException e) {
      out.add(FieldViolation.of(path, FieldViolation.RULE_TYPE,
          node.isValueNode() ? node.asText() : null, "must be " + JacksonErrors.describe(raw)));
      return null;
    } catch (IllegalArgumentException e) {
      out.add(FieldViolation.of(path, FieldViolation.RULE_TYPE,
          node.isValueNode() ? node.asText() : null, "must be " + JacksonErrors.describe(raw)));
      return null;
    }
  }

  /** A record that serialises as a single JSON value (it marks its component with {@code @JsonValue}). */
  private static boolean isValueType(Class<?> type) {
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)
          || component.getAccessor().isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
        return true;
      }
    }
    return false;
  }

  private static String topField(String path) {
    int end = path.length();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.' || c == '[') {
        end = i;
        break;
      }
    }
    return path.substring(0, end);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static Object defaultFor(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type.isPrimitive()) {
      throw new IllegalStateException("unsupported primitive component " + type);
    }
    return null;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalStateException("unsupported component type " + type);
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }
}
