package org.yiyong.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** An amount in yuan with exactly 2 decimals; rounds only when asked to with {@link #ofRounded}. */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount;
    }

    /**
     * Refuses an amount with more than 2 decimals: silently rounding money hides mistakes. JSON reads an
     * amount here, as a plain number of yuan.
     */
    @JsonCreator
    public static Money of(BigDecimal yuan) {
        Objects.requireNonNull(yuan, "yuan");
        try {
            return new Money(yuan.setScale(2, RoundingMode.UNNECESSARY));
        } catch (ArithmeticException moreThanTwoDecimals) {
            throw new IllegalArgumentException("An amount in yuan has at most 2 decimals: " + yuan.toPlainString());
        }
    }

    /** Parses a plain decimal such as {@code 8500.5}; refuses more than 2 decimals. */
    public static Money of(String yuan) {
        Objects.requireNonNull(yuan, "yuan");
        try {
            return of(new BigDecimal(yuan.strip()));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("Not an amount in yuan: " + yuan, notANumber);
        }
    }

    public static Money of(long yuan) {
        return new Money(BigDecimal.valueOf(yuan).setScale(2));
    }

    /** For computed amounts (shares, percentages): rounds half up to the fen. */
    public static Money ofRounded(BigDecimal yuan) {
        Objects.requireNonNull(yuan, "yuan");
        return new Money(yuan.setScale(2, RoundingMode.HALF_UP));
    }

    /** The amount in yuan with 2 decimals; in JSON, Money is this number (8500.00). */
    @JsonValue
    public BigDecimal amount() {
        return amount;
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)));
    }

    /**
     * This amount in {@code parts} equal shares to the fen that sum to it exactly: each share is the amount
     * divided by {@code parts}, cut to the fen, and the fen left over by the cuts go to the first share
     * (¥100 in 3 → 33.34, 33.33, 33.33; ¥100 in 6 → 16.70 and five of 16.66).
     */
    public List<Money> split(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("An amount is split into one part or more, not " + parts);
        }
        BigDecimal each = amount.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
        BigDecimal rest = amount.subtract(each.multiply(BigDecimal.valueOf(parts)));
        List<Money> shares = new ArrayList<>(parts);
        shares.add(new Money(each.add(rest)));
        for (int i = 1; i < parts; i++) {
            shares.add(new Money(each));
        }
        return List.copyOf(shares);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** Table style, as in a financial statement: {@code ¥1,040,000.00}, {@code -¥8,500.50}. */
    public String format() {
        return sign() + "¥" + String.format(Locale.ROOT, "%,.2f", amount.abs());
    }

    /**
     * Prose style, as in a report or a letter: {@code 104万元}, {@code 1.5万元} (at most 2 decimals of
     * 万, rounded half up), and under ¥10,000 {@code 5000元} or {@code 8500.50元}.
     */
    public String formatWan() {
        BigDecimal size = amount.abs();
        if (size.compareTo(TEN_THOUSAND) >= 0) {
            BigDecimal wan = size.divide(TEN_THOUSAND).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            return sign() + wan.toPlainString() + "万元";
        }
        boolean wholeYuan = size.remainder(BigDecimal.ONE).signum() == 0;
        return sign() + (wholeYuan ? size.setScale(0) : size).toPlainString() + "元";
    }

    private String sign() {
        return isNegative() ? "-" : "";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money that && amount.equals(that.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    /** The plain amount, e.g. {@code 1040000.00}. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
