package vn.giamngheo.monitoring.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One side of a validation rule (DHIS2's shape): an arithmetic expression over indicator codes written {@code
 * #{CODE}}, decimal constants ({@code 100}, {@code 0.5}), {@code + - * /}, unary minus and parentheses, e.g.
 * {@code #{POOR_RATE} + #{NEAR_POOR_RATE}}. Parsed by a small recursive-descent parser (no script engine).
 *
 * <p>Evaluation takes the values by indicator code; a code without a value is missing: with {@link
 * MissingValue#SKIP} the whole side has no value (the rule is skipped), with {@link MissingValue#ZERO} it counts
 * as 0. A division by zero gives no value.
 */
public final class RuleExpression {

    /** Longest expression text accepted. */
    public static final int MAX_LENGTH = 1000;

    /** Why an expression does not parse; {@code code()} names the message ({@code monitoring.expression.<code>}). */
    public enum Error {
        EMPTY, TOO_LONG, UNEXPECTED, UNCLOSED_CODE, BAD_CODE, UNCLOSED_PARENTHESIS, BAD_NUMBER;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** An expression that does not parse, with the 1-based position where the parser stopped. */
    public static final class ParseException extends IllegalArgumentException {
        private final Error error;
        private final int position;

        ParseException(Error error, int position) {
            super(error.code() + " at " + position);
            this.error = error;
            this.position = position;
        }

        public Error error() {
            return error;
        }

        public int position() {
            return position;
        }
    }

    /** How a missing value counts (DHIS2: SKIP_IF_ANY_VALUE_MISSING or NEVER_SKIP). */
    public enum MissingValue {
        SKIP, ZERO;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<MissingValue> ofCode(String code) {
            for (MissingValue m : values()) {
                if (m.code().equals(code)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    private sealed interface Node permits Constant, Reference, Negation, Binary {
    }

    private record Constant(BigDecimal value) implements Node {
    }

    private record Reference(String code) implements Node {
    }

    private record Negation(Node operand) implements Node {
    }

    private record Binary(char op, Node left, Node right) implements Node {
    }

    private final String text;
    private final Node root;
    private final Set<String> codes;

    private RuleExpression(String text, Node root, Set<String> codes) {
        this.text = text;
        this.root = root;
        this.codes = Collections.unmodifiableSet(codes);
    }

    /** Parses an expression; throws {@link ParseException} with the reason and position. */
    public static RuleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(Error.EMPTY, 1);
        }
        if (text.length() > MAX_LENGTH) {
            throw new ParseException(Error.TOO_LONG, MAX_LENGTH + 1);
        }
        Parser p = new Parser(text);
        Node root = p.expression();
        p.skipSpaces();
        if (p.pos < text.length()) {
            throw new ParseException(Error.UNEXPECTED, p.pos + 1);
        }
        return new RuleExpression(text.strip(), root, p.codes);
    }

    public String text() {
        return text;
    }

    /** The indicator codes the expression refers to, in order of appearance. */
    public Set<String> indicatorCodes() {
        return codes;
    }

    /** The value over the given values by indicator code; empty when skipped for a missing value or divided by 0. */
    public Optional<BigDecimal> evaluate(Map<String, BigDecimal> values, MissingValue missing) {
        return Optional.ofNullable(eval(root, values, missing));
    }

    private static BigDecimal eval(Node n, Map<String, BigDecimal> values, MissingValue missing) {
        if (n instanceof Constant c) {
            return c.value();
        }
        if (n instanceof Reference r) {
            BigDecimal v = values.get(r.code());
            return v != null ? v : missing == MissingValue.ZERO ? BigDecimal.ZERO : null;
        }
        if (n instanceof Negation g) {
            BigDecimal v = eval(g.operand(), values, missing);
            return v == null ? null : v.negate();
        }
        Binary b = (Binary) n;
        BigDecimal l = eval(b.left(), values, missing);
        BigDecimal r = eval(b.right(), values, missing);
        if (l == null || r == null) {
            return null;
        }
        return switch (b.op()) {
            case '+' -> l.add(r);
            case '-' -> l.subtract(r);
            case '*' -> l.multiply(r);
            default -> r.signum() == 0 ? null : l.divide(r, MathContext.DECIMAL64);
        };
    }

    @Override
    public String toString() {
        return text;
    }

    /** expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := '-' factor | number | #{CODE} | '(' expression ')'. */
    private static final class Parser {
        private final String s;
        private int pos;
        private final Set<String> codes = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean at(char c) {
            skipSpaces();
            return pos < s.length() && s.charAt(pos) == c;
        }

        Node expression() {
            Node left = term();
            while (at('+') || at('-')) {
                char op = s.charAt(pos++);
                left = new Binary(op, left, term());
            }
            return left;
        }

        Node term() {
            Node left = factor();
            while (at('*') || at('/')) {
                char op = s.charAt(pos++);
                left = new Binary(op, left, factor());
            }
            return left;
        }

        Node factor() {
            skipSpaces();
            if (pos >= s.length()) {
                throw new ParseException(Error.UNEXPECTED, pos + 1);
            }
            char c = s.charAt(pos);
            if (c == '-') {
                pos++;
                return new Negation(factor());
            }
            if (c == '(') {
                int open = pos;
                pos++;
                Node inner = expression();
                if (!at(')')) {
                    throw new ParseException(Error.UNCLOSED_PARENTHESIS, open + 1);
                }
                pos++;
                return inner;
            }
            if (c == '#') {
                int start = pos;
                if (pos + 1 >= s.length() || s.charAt(pos + 1) != '{') {
                    throw new ParseException(Error.UNEXPECTED, pos + 1);
                }
                int close = s.indexOf('}', pos + 2);
                if (close < 0) {
                    throw new ParseException(Error.UNCLOSED_CODE, start + 1);
                }
                String code = s.substring(pos + 2, close).strip();
                if (!Indicators.CODE.matcher(code).matches()) {
                    throw new ParseException(Error.BAD_CODE, start + 1);
                }
                pos = close + 1;
                codes.add(code);
                return new Reference(code);
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    return new Constant(new BigDecimal(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw new ParseException(Error.BAD_NUMBER, start + 1);
                }
            }
            throw new ParseException(Error.UNEXPECTED, pos + 1);
        }
    }
}
