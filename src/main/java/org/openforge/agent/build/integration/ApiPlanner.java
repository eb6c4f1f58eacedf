package org.openforge.agent.build.integration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openforge.agent.build.Binding;
import org.openforge.agent.build.ClassBinding;
import org.openforge.agent.build.Names;
import org.openforge.agent.build.SlotBinding;
import org.openforge.datasource.SqlDialect;
import org.openforge.agent.build.TableRef;

/**
 * Plans the data API's read endpoints over the ontology: per class a paged, filterable list and a get by identifier;
 * per reference slot the object it points to and, on the referred class, the objects pointing to it. Each endpoint
 * carries the query it runs against the source: SQL for databases (joins when both classes share the source),
 * a file scan for CSV.
 */
public final class ApiPlanner {

  private final Binding binding;
  private final Function<ClassBinding, Optional<TableRef>> tables;

  public ApiPlanner(Binding binding, Function<ClassBinding, Optional<TableRef>> tables) {
    this.binding = binding;
    this.tables = tables;
  }

  /** The classes served: bound to an existing table. */
  public List<ClassBinding> served() {
    return binding.classes().stream().filter(c -> tables.apply(c).isPresent()).toList();
  }

  public List<Endpoint> plan() {
    List<Endpoint> out = new ArrayList<>();
    List<ClassBinding> served = served();
    for (ClassBinding c : served) {
      String collection = Names.collection(c.className());
      out.add(new Endpoint("list" + Names.pascal(collection), "/" + collection, "list", c.className(), null, null,
          "List " + c.className() + " objects (paged, filterable)", listQuery(c)));
      Optional<SlotBinding> id = idSlot(c);
      if (id.isEmpty()) {
        continue;
      }
      String idParam = "{" + id.get().slot() + "}";
      out.add(new Endpoint("get" + Names.pascal(c.className()), "/" + collection + "/" + idParam, "get",
          c.className(), null, null, "Get one " + c.className() + " by " + id.get().slot(), getQuery(c, id.get())));
      for (SlotBinding ref : c.references()) {
        Optional<ClassBinding> target = served.stream().filter(t -> t.className().equals(ref.referencedClass()))
            .findFirst();
        if (target.isEmpty() || idSlot(target.get()).isEmpty() || ref.column() == null) {
          continue;
        }
        out.add(new Endpoint("get" + Names.pascal(c.className()) + Names.pascal(ref.slot()), "/" + collection + "/"
            + idParam + "/" + Names.snake(ref.slot()), "related_one", c.className(), target.get().className(),
            ref.slot(), "The " + target.get().className() + " a " + c.className() + " refers to by " + ref.slot(),
            relatedOne(c, id.get(), ref, target.get())));
      }
    }
    for (ClassBinding c : served) {
      Optional<SlotBinding> cid = idSlot(c);
      for (SlotBinding ref : c.references()) {
        Optional<ClassBinding> target = served.stream().filter(t -> t.className().equals(ref.referencedClass()))
            .findFirst();
        if (target.isEmpty() || idSlot(target.get()).isEmpty() || ref.column() == null || cid.isEmpty()) {
          continue;
        }
        String tid = idSlot(target.get()).get().slot();
        long sameTarget = c.references().stream().filter(r -> r.referencedClass().equals(ref.referencedClass()))
            .count();
        String segment = Names.collection(c.className()) + (sameTarget > 1 ? "_by_" + Names.snake(ref.slot()) : "");
        out.add(new Endpoint("list" + Names.pascal(target.get().className()) + Names.pascal(segment),
            "/" + Names.collection(target.get().className()) + "/{" + tid + "}/" + segment, "related_many",
            c.className(), target.get().className(), ref.slot(), "The " + c.className() + " objects whose "
            + ref.slot() + " is this " + target.get().className(), relatedMany(c, cid.get(), ref, tid)));
      }
    }
    return out;
  }

  /** The identifier slot when it reads a column. */
  public static Optional<SlotBinding> idSlot(ClassBinding c) {
    return c.identifierSlot().filter(s -> s.column() != null);
  }

  /** The slots an endpoint returns: mapped, single-valued. */
  public static List<SlotBinding> fields(ClassBinding c, boolean jdbc) {
    return c.slots().stream().filter(s -> !s.multivalued() && (s.column() != null || (jdbc && s.computed())))
        .toList();
  }

  /** The slots a list endpoint filters on by equality: every returned slot but computed ones. */
  public static List<SlotBinding> filterable(ClassBinding c) {
    return c.slots().stream().filter(s -> !s.multivalued() && s.column() != null).toList();
  }

  private EndpointQuery listQuery(ClassBinding c) {
    TableRef t = tables.apply(c).orElseThrow();
    if (!t.source().jdbc()) {
      return EndpointQuery.scan(t.source().id(), c.className(), t.info().name() + ".csv", columns(c), null, null,
          idSlot(c).map(SlotBinding::slot).orElse(null));
    }
    SqlDialect d = t.source().dialect();
    Map<String, String> filters = new LinkedHashMap<>();
    for (SlotBinding s : filterable(c)) {
      filters.put(s.slot(), d.quote(s.column()) + " = " + d.param(type(t, s.column())));
    }
    String order = order(c, d, null);
    return EndpointQuery.sql(t.source().id(), t.source().sourceType(), "select " + select(c, d, null, true)
        + " from " + t.sql() + " {filters} order by " + order + " limit ? offset ?", List.of("limit", "offset"),
        filters);
  }

  private EndpointQuery getQuery(ClassBinding c, SlotBinding id) {
    TableRef t = tables.apply(c).orElseThrow();
    if (!t.source().jdbc()) {
      return EndpointQuery.scan(t.source().id(), c.className(), t.info().name() + ".csv", columns(c), id.slot(),
          id.slot(), id.slot());
    }
    SqlDialect d = t.source().dialect();
    return EndpointQuery.sql(t.source().id(), t.source().sourceType(), "select " + select(c, d, null, true)
        + " from " + t.sql() + " where " + d.quote(id.column()) + " = " + d.param(type(t, id.column())),
        List.of(id.slot()), null);
  }

  private EndpointQuery relatedOne(ClassBinding c, SlotBinding id, SlotBinding ref, ClassBinding target) {
    TableRef ct = tables.apply(c).orElseThrow();
    TableRef tt = tables.apply(target).orElseThrow();
    SlotBinding tid = idSlot(target).orElseThrow();
    if (ct.source().jdbc() && ct.source().id().equals(tt.source().id())) {
      SqlDialect d = ct.source().dialect();
      // the target keeps its table name as alias: computed slots name their table
      String t = d.quote(tt.info().name());
      String r = d.quote("openforge_ref");
      String left = t + "." + d.quote(tid.column());
      String right = r + "." + d.quote(ref.column());
      boolean same = type(tt, tid.column()).equals(type(ct, ref.column()));
      String join = same ? left + " = " + right : d.text(left) + " = " + d.text(right);
      return EndpointQuery.sql(ct.source().id(), ct.source().sourceType(), "select " + select(target, d, t, true)
          + " from " + tt.sql() + " " + t + " join " + ct.sql() + " " + r + " on " + join + " where " + r + "."
          + d.quote(id.column()) + " = " + d.param(type(ct, id.column())), List.of(id.slot()), null);
    }
    return EndpointQuery.chain(List.of(getQuery(c, id), getQuery(target, tid)));
  }

  private EndpointQuery relatedMany(ClassBinding c, SlotBinding cid, SlotBinding ref, String param) {
    TableRef t = tables.apply(c).orElseThrow();
    if (!t.source().jdbc()) {
      return EndpointQuery.scan(t.source().id(), c.className(), t.info().name() + ".csv", columns(c), ref.slot(),
          param, cid.slot());
    }
    SqlDialect d = t.source().dialect();
    return EndpointQuery.sql(t.source().id(), t.source().sourceType(), "select " + select(c, d, null, true)
        + " from " + t.sql() + " where " + d.quote(ref.column()) + " = " + d.param(type(t, ref.column()))
        + " order by " + order(c, d, null) + " limit ? offset ?", List.of(param, "limit", "offset"), null);
  }

  private static Map<String, String> columns(ClassBinding c) {
    Map<String, String> m = new LinkedHashMap<>();
    fields(c, false).forEach(s -> m.put(s.slot(), s.column()));
    return m;
  }

  private static String select(ClassBinding c, SqlDialect d, String alias, boolean jdbc) {
    String prefix = alias == null ? "" : alias + ".";
    List<String> items = new ArrayList<>();
    for (SlotBinding s : fields(c, jdbc)) {
      items.add(s.column() != null ? prefix + d.quote(s.column()) + " as " + d.quote(s.slot())
          : "(" + s.expression() + ") as " + d.quote(s.slot()));
    }
    return String.join(", ", items);
  }

  /** The identifier first, then every returned column, so that pages are stable. */
  private static String order(ClassBinding c, SqlDialect d, String alias) {
    String prefix = alias == null ? "" : alias + ".";
    List<String> cols = new ArrayList<>();
    idSlot(c).ifPresent(s -> cols.add(prefix + d.quote(s.column())));
    fields(c, false).stream().map(s -> prefix + d.quote(s.column())).filter(x -> !cols.contains(x))
        .forEach(cols::add);
    return String.join(", ", cols);
  }

  private static String type(TableRef t, String column) {
    return t.column(column).map(col -> col.normalizedType().value()).orElse("string");
  }
}
