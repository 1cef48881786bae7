package org.yiyong.funds.internal;

import java.math.BigDecimal;

/** An amount in capital Chinese numerals (大写金额), as receipts and bank forms write it: 壹万贰仟元整. */
public final class ChineseAmount {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SMALL = {"", "拾", "佰", "仟"};
    private static final String[] BIG = {"", "万", "亿", "万亿"};

    private ChineseAmount() {
    }

    public static String of(BigDecimal amount) {
        long fen = amount.movePointRight(2).longValueExact();
        if (fen < 0) {
            return "负" + of(amount.negate());
        }
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            out.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return out.isEmpty() ? "零元整" : out.append('整').toString();
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            out.append('零');
        }
        if (cents > 0) {
            out.append(DIGITS.charAt(cents)).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    private static String integer(long n) {
        String digits = Long.toString(n);
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            int position = digits.length() - 1 - i;
            if (digit == 0) {
                zero = true;
            } else {
                if (zero) {
                    out.append('零');
                }
                zero = false;
                out.append(DIGITS.charAt(digit)).append(SMALL[position % 4]);
            }
            if (position % 4 == 0 && position > 0) {
                long group = n / pow10000(position / 4) % 10000;
                if (group != 0) {
                    out.append(BIG[position / 4]);
                }
            }
        }
        return out.toString();
    }

    private static long pow10000(int times) {
        long value = 1;
        for (int i = 0; i < times; i++) {
            value *= 10000;
        }
        return value;
    }
}
