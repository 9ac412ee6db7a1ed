package vn.giamngheo.analysis.rules;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact non-negative rational number, always in lowest terms. Indicator weights and the poverty
 * cut-off k are fractions so that a deprivation score exactly equal to k is never lost to rounding.
 *
 * <p>Written as {@code "1/6"}, {@code "0.33"}, {@code "33%"} or {@code "1"}; note that {@code "0.33"} is
 * 33/100, not 1/3 — the mpitb convention for "k = 33" is the comparison {@code score >= 33/100}.
 */
public record Fraction(long numerator, long denominator) implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(0, 1);
    public static final Fraction ONE = new Fraction(1, 1);

    public Fraction {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + numerator + "/" + denominator);
        }
        if (numerator < 0) {
            throw new IllegalArgumentException("fraction must not be negative: " + numerator + "/" + denominator);
        }
        long gcd = gcd(numerator, denominator);
        numerator /= gcd;
        denominator /= gcd;
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    /** Parses {@code "1/6"}, {@code "0.33"}, {@code "33%"}, {@code "12.5%"} or an integer. */
    public static Fraction parse(String text) {
        String s = text.strip();
        try {
            if (s.endsWith("%")) {
                return fromDecimal(new BigDecimal(s.substring(0, s.length() - 1).strip()).movePointLeft(2));
            }
            int slash = s.indexOf('/');
            if (slash >= 0) {
                return of(Long.parseLong(s.substring(0, slash).strip()), Long.parseLong(s.substring(slash + 1).strip()));
            }
            return fromDecimal(new BigDecimal(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a fraction, decimal or percentage: '" + text + "'", e);
        }
    }

    private static Fraction fromDecimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return of(stripped.longValueExact(), 1);
        }
        return of(stripped.unscaledValue().longValueExact(), BigInteger.TEN.pow(stripped.scale()).longValueExact());
    }

    public Fraction plus(Fraction other) {
        long lcm = lcm(denominator, other.denominator);
        return of(Math.addExact(Math.multiplyExact(numerator, lcm / denominator),
                Math.multiplyExact(other.numerator, lcm / other.denominator)), lcm);
    }

    public Fraction times(Fraction other) {
        return of(Math.multiplyExact(numerator, other.numerator), Math.multiplyExact(denominator, other.denominator));
    }

    public Fraction dividedBy(long divisor) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        return of(numerator, Math.multiplyExact(denominator, divisor));
    }

    /** This fraction's numerator when written over {@code commonDenominator}, which it must divide. */
    public long numeratorOver(long commonDenominator) {
        if (commonDenominator % denominator != 0) {
            throw new IllegalArgumentException(commonDenominator + " is not a multiple of " + denominator);
        }
        return Math.multiplyExact(numerator, commonDenominator / denominator);
    }

    public boolean isZero() {
        return numerator == 0;
    }

    public double toDouble() {
        return (double) numerator / denominator;
    }

    @Override
    public int compareTo(Fraction other) {
        return BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(other.denominator))
                .compareTo(BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator)));
    }

    static long lcm(long a, long b) {
        return Math.multiplyExact(a / gcd(a, b), b);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }
}
