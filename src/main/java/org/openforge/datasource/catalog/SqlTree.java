package org.openforge.datasource.catalog;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Visits every node of a JSqlParser statement by reflection over its fields. JSqlParser's own visitors must be told
 * about each node type and miss the ones they were not (a function in a window frame, a table function in a
 * lateral join, a CTE's body); walking the fields reaches everything the parser built, whatever its type.
 */
final class SqlTree {

  /**
   * What the walk reports: each node, and each text held by a node (names, literals, keywords); the owner of a text
   * is null when the text sits in a list (the parts of a qualified name).
   */
  interface Visitor {
    void node(Object node);

    void text(Object owner, String value);
  }

  private static final String PACKAGE = "net.sf.jsqlparser.";
  private static final String PARSER_PACKAGE = "net.sf.jsqlparser.parser.";
  private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> k = type; k != null && isNodeClass(k); k = k.getSuperclass()) {
        for (Field f : k.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && !f.isSynthetic()) {
            f.setAccessible(true);
            fields.add(f);
          }
        }
      }
      return List.copyOf(fields);
    }
  };

  private SqlTree() {}

  static void walk(Object root, Visitor visitor) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o instanceof String s) {
        visitor.text(null, s);
        continue;
      }
      if (!seen.add(o)) {
        continue;
      }
      if (o instanceof Collection<?> items) {
        items.stream().filter(i -> i != null).forEach(todo::push);
      } else if (o instanceof Map<?, ?> map) {
        map.forEach((k, v) -> {
          if (k != null) {
            todo.push(k);
          }
          if (v != null) {
            todo.push(v);
          }
        });
      } else if (o instanceof Object[] array) {
        for (Object item : array) {
          if (item != null) {
            todo.push(item);
          }
        }
      }
      if (!isNodeClass(o.getClass()) || o.getClass().isEnum()) {
        continue;
      }
      visitor.node(o);
      for (Field f : FIELDS.get(o.getClass())) {
        Object value = read(f, o);
        if (value instanceof String s) {
          visitor.text(o, s);
        } else if (value != null) {
          todo.push(value);
        }
      }
    }
  }

  /** JSqlParser's syntax nodes; its parser package (tokens, the grammar's own tree) is not part of the statement. */
  private static boolean isNodeClass(Class<?> type) {
    String name = type.getName();
    return name.startsWith(PACKAGE) && !name.startsWith(PARSER_PACKAGE);
  }

  private static Object read(Field f, Object owner) {
    try {
      return f.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + f, e);
    }
  }
}
