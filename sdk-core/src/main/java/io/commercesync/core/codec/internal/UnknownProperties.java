package io.commercesync.core.codec.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lists the properties of a JSON tree that no field of the target type takes, by walking the tree
 * beside Jackson's own view of the type (so naming strategies and {@code @JsonProperty} names apply).
 */
public final class UnknownProperties {

  private final ObjectMapper mapper;

  public UnknownProperties(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public List<String> find(JsonNode tree, JavaType type) {
    List<String> out = new ArrayList<>();
    walk(tree, type, "", out);
    return out;
  }

  private void walk(JsonNode node, JavaType type, String path, List<String> out) {
    if (node == null || node.isNull() || type == null) {
      return;
    }
    if (type.isContainerType()) {
      JavaType content = type.getContentType();
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), content, path + "[" + i + "]", out);
        }
      } else if (node.isObject() && type.isMapLikeType()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          walk(e.getValue(), content, join(path, e.getKey()), out);
        }
      }
      return;
    }
    if (!node.isObject() || type.isJavaLangObject() || type.getRawClass().getName().startsWith("java.")) {
      return;
    }
    DeserializationConfig config = mapper.getDeserializationConfig();
    BeanDescription description = config.introspect(type);
    if (description.findAnySetterAccessor() != null) {
      return;
    }
    Map<String, JavaType> known = new HashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      known.put(property.getName(), property.getPrimaryType());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = join(path, e.getKey());
      if (known.containsKey(e.getKey())) {
        walk(e.getValue(), known.get(e.getKey()), at, out);
      } else {
        out.add(at);
      }
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
