package org.openforge.agent.build.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A structural check of generated TypeScript/TSX (no compiler on the machine): brackets balance outside strings,
 * template literals and comments; every relative import names a generated file; JSX tags open and close in order.
 */
final class TsxStructure {

  private static final Pattern IMPORT = Pattern.compile("from \"(\\.[^\"]+)\"|import \"(\\.[^\"]+)\"");

  private TsxStructure() {}

  /** The problems of all TS/TSX files of a project. */
  static List<String> problems(Map<String, String> files) {
    List<String> out = new ArrayList<>();
    files.forEach((path, text) -> {
      if (path.endsWith(".ts") || path.endsWith(".tsx")) {
        String code = code(text);
        brackets(path, code, out);
        imports(path, text, files, out);
        if (path.endsWith(".tsx")) {
          tags(path, code, out);
        }
      }
    });
    return out;
  }

  /** The text with string, template-literal contents and comments blanked (template ${} kept as code). */
  static String code(String text) {
    StringBuilder out = new StringBuilder();
    int n = text.length();
    Deque<Integer> templateDepth = new ArrayDeque<>();
    int braces = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
        out.append('\n');
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 1;
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && text.charAt(j) != c) {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        out.append("\"\"");
        i = j;
      } else if (c == '`' || (c == '}' && !templateDepth.isEmpty() && templateDepth.peek() == braces)) {
        if (c == '}') {
          templateDepth.pop();
        }
        int j = i + 1;
        while (j < n && text.charAt(j) != '`' && !(text.charAt(j) == '$' && j + 1 < n && text.charAt(j + 1) == '{')) {
          j += text.charAt(j) == '\\' ? 2 : 1;
        }
        if (j < n && text.charAt(j) == '$') {
          templateDepth.push(braces);
          out.append("``");
          i = j + 1;
        } else {
          out.append("``");
          i = j;
        }
      } else {
        if (c == '{') {
          braces++;
        } else if (c == '}') {
          braces--;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void brackets(String path, String code, List<String> out) {
    Deque<Character> stack = new ArrayDeque<>();
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        stack.push(c);
      } else if (c == ')' || c == ']' || c == '}') {
        char open = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (stack.isEmpty() || stack.pop() != open) {
          out.add(path + ": unbalanced '" + c + "' at offset " + i);
          return;
        }
      }
    }
    if (!stack.isEmpty()) {
      out.add(path + ": " + stack.size() + " brackets left open");
    }
  }

  private static void imports(String path, String text, Map<String, String> files, List<String> out) {
    Matcher m = IMPORT.matcher(text);
    String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    while (m.find()) {
      String target = m.group(1) != null ? m.group(1) : m.group(2);
      String resolved = normalize(dir + "/" + target);
      if (!files.containsKey(resolved) && !files.containsKey(resolved + ".ts")
          && !files.containsKey(resolved + ".tsx")) {
        out.add(path + ": import " + target + " names no generated file");
      }
    }
  }

  /** JSX tags: after '<' and a name (or '/name'), attributes up to the '>' outside braces; '/>' closes itself. */
  private static void tags(String path, String code, List<String> out) {
    Deque<String> open = new ArrayDeque<>();
    int n = code.length();
    for (int i = 0; i < n; i++) {
      if (code.charAt(i) != '<' || i + 1 >= n) {
        continue;
      }
      char before = i == 0 ? ' ' : code.charAt(i - 1);
      boolean closing = code.charAt(i + 1) == '/';
      int start = closing ? i + 2 : i + 1;
      if (Character.isLetterOrDigit(before) || before == '_' || start >= n || !Character.isLetter(code.charAt(start))) {
        continue;
      }
      int j = start;
      while (j < n && (Character.isLetterOrDigit(code.charAt(j)) || code.charAt(j) == '.')) {
        j++;
      }
      String name = code.substring(start, j);
      int depth = 0;
      while (j < n && !(code.charAt(j) == '>' && depth == 0)) {
        char c = code.charAt(j);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        j++;
      }
      boolean selfClosing = j > 0 && code.charAt(j - 1) == '/';
      i = j;
      if (selfClosing) {
        continue;
      }
      if (!closing) {
        open.push(name);
      } else if (open.isEmpty() || !open.pop().equals(name)) {
        out.add(path + ": </" + name + "> does not close the last open tag");
        return;
      }
    }
    if (!open.isEmpty()) {
      out.add(path + ": tags left open: " + open);
    }
  }

  private static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
