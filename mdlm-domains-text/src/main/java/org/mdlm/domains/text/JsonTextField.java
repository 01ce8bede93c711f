package org.mdlm.domains.text;

/**
 * Extracts one top-level string field (e.g. {@code "text"}) from a JSON object held on one line,
 * without a JSON library (package-private helper). Other fields, of any type, are skipped.
 */
final class JsonTextField {

    private final String s;
    private int pos;

    private JsonTextField(String line) {
        this.s = line;
    }

    /**
     * Returns the string value of top-level field {@code name}, or {@code null} when the object has
     * no such field or it is JSON {@code null}.
     *
     * @throws IllegalArgumentException if the line is not one JSON object, or the field is not a string
     */
    static String extract(String line, String name) {
        JsonTextField p = new JsonTextField(line);
        String value = p.object(name);
        p.ws();
        if (p.pos != p.s.length()) {
            throw p.error("unexpected text after the object");
        }
        return value;
    }

    private String object(String name) {
        ws();
        expect('{');
        ws();
        String value = null;
        if (peek() == '}') {
            pos++;
            return null;
        }
        while (true) {
            ws();
            String key = string();
            ws();
            expect(':');
            ws();
            if (key.equals(name)) {
                if (peek() == '"') {
                    value = string();
                } else if (s.startsWith("null", pos)) {
                    pos += 4;
                } else {
                    throw error("field \"" + name + "\" is not a string");
                }
            } else {
                skipValue();
            }
            ws();
            char c = next();
            if (c == '}') {
                return value;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                char d = peek();
                if (d == '"') {
                    string();
                    continue;
                }
                pos++;
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                }
            } while (depth > 0);
        } else {
            int start = pos;
            while (pos < s.length() && ",}] \t\r".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                throw error("expected a value");
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("truncated \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int h = Character.digit(s.charAt(pos + i), 16);
                        if (h < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + h;
                    }
                    b.append((char) code);
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private void ws() {
        while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end of line");
        }
        return s.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at column " + (pos + 1));
    }
}
