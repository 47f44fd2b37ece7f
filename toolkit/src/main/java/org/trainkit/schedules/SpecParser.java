package org.trainkit.schedules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the schedule text form into a {@link Spec} tree. The grammar is tiny
 * ({@code name(key=value, ...)} with numbers, words, {@code step:rate} pairs, lists and nested
 * schedules), so it is a hand-written recursive-descent reader: no dependency we use parses this
 * notation (Jackson reads JSON, picocli reads command lines) and a parser generator would be
 * larger than the parser. Errors give the column: {@code bad spec at column 12: expected '='}.
 */
public final class SpecParser {

    private final String text;
    private int pos;

    private SpecParser(String text) {
        this.text = text;
    }

    /** Parses one complete spec; anything after it is an error. */
    public static Spec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SpecException("bad spec: empty text, expected a schedule such as "
                    + "cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)");
        }
        SpecParser parser = new SpecParser(text);
        Spec spec = parser.spec();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the schedule");
        }
        return spec;
    }

    /** Parses one value on its own, such as a key's default {@code 0.3} or {@code linear}. */
    public static Spec.Value parseValue(String text) {
        SpecParser parser = new SpecParser(text);
        Spec.Value value = parser.value();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    private Spec spec() {
        skipSpace();
        String name = identifier("a schedule name");
        skipSpace();
        expect('(');
        Map<String, Spec.Value> args = new LinkedHashMap<>();
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new Spec(name, args);
        }
        while (true) {
            skipSpace();
            String key = identifier("a key");
            skipSpace();
            expect('=');
            Spec.Value value = value();
            if (args.put(key, value) != null) {
                throw new SpecException(name + ": key '" + key + "' given twice");
            }
            skipSpace();
            char c = peek();
            pos++;
            if (c == ')') {
                return new Spec(name, args);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ')' after the value of '" + key + "' in " + name + "(...)");
            }
        }
    }

    private Spec.Value value() {
        skipSpace();
        char c = peek();
        if (c == '[') {
            pos++;
            List<Spec.Value> items = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                pos++;
                return new Spec.ListOf(items);
            }
            while (true) {
                items.add(value());
                skipSpace();
                char next = peek();
                pos++;
                if (next == ']') {
                    return new Spec.ListOf(items);
                }
                if (next != ',') {
                    pos--;
                    throw error("expected ',' or ']' in a list");
                }
            }
        }
        if (isNumberStart(c)) {
            Spec.Num number = number();
            skipSpace();
            if (peek() == ':') {
                pos++;
                skipSpace();
                return new Spec.Pair(number, number());
            }
            return number;
        }
        if (Character.isLetter(c)) {
            int start = pos;
            identifier("a value");
            int end = pos;
            skipSpace();
            if (peek() == '(') {
                pos = start;
                return new Spec.Nested(spec());
            }
            pos = end;
            return new Spec.Word(text.substring(start, end));
        }
        throw error("expected a value (number, word, [list] or schedule)");
    }

    private Spec.Num number() {
        int start = pos;
        if (peek() == '+' || peek() == '-') {
            pos++;
        }
        int digits = digits();
        if (peek() == '.') {
            pos++;
            digits += digits();
        }
        if (digits == 0) {
            pos = start;
            throw error("expected a number");
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (digits() == 0) {
                throw error("expected the exponent's digits");
            }
        }
        String literal = text.substring(start, pos);
        double value = Double.parseDouble(literal);
        if (!Double.isFinite(value)) {
            pos = start;
            throw error("number out of range: " + literal);
        }
        return new Spec.Num(value, literal);
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        return pos - start;
    }

    private String identifier(String what) {
        int start = pos;
        if (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
        }
        if (pos == start) {
            throw error("expected " + what);
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isNumberStart(char c) {
        return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
    }

    private SpecException error(String what) {
        String found = pos < text.length() ? "found '" + text.charAt(pos) + "'" : "found the end of the text";
        return new SpecException("bad spec at column " + (pos + 1) + ": " + what + ", " + found + " in '"
                + text.strip() + "'");
    }
}
